"""Two writers on one data file: the app shows the other's change and never overwrites it."""

from __future__ import annotations

from pathlib import Path

from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.workspace import Workspace
from itsms_tui.store.records import RecordStore
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.screens.conflict import ConflictScreen
from itsms_tui.ui.screens.suppliers import SuppliersScreen
from tests.ui.shell_support import (
    SIZE,
    file_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
    wait_for,
)


async def test_another_sessions_save_appears_and_a_stale_edit_shows_the_conflict(
    tmp_path: Path,
) -> None:
    path = tmp_path / "d.json"
    first = Workspace.open_file(path)
    supplier = first.save(Supplier(name="Acme Hosting", category="Hosting"))
    first.store.close()
    other = RecordStore.open(path, user="colleague")

    app = file_app(path, poll_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert "Acme Hosting" in screen_text(app)

        # Another session renames the supplier: the register follows within a poll.
        renamed = other.update(supplier.model_copy(update={"name": "Acme Cloud"}))
        assert await wait_for(pilot, lambda: "Acme Cloud" in screen_text(app))

        # I start editing revision 2; meanwhile the other session saves revision 3.
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        other.update(renamed.model_copy(update={"category": "Cloud"}))
        form.field_row("notes").focus_target().focus()
        await type_text(pilot, "mine")
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        text = screen_text(app)
        assert "changed by someone else" in text
        assert "stored: Cloud" in text and "yours:  Hosting" in text
        assert "yours:  mine" in text
        # Nothing was overwritten.
        assert other.get(Supplier, supplier.id).category == "Cloud"
        assert other.get(Supplier, supplier.id).notes == ""

        # Retry: my values on top of the stored revision, in the form to review and save.
        await pilot.press("t")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, RecordForm)
        retry.field_row("category").focus_target().focus()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Cloud")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SuppliersScreen)

    saved = other.get(Supplier, supplier.id)
    assert (saved.name, saved.category, saved.notes, saved.revision) == (
        "Acme Cloud",
        "Cloud",
        "mine",
        4,
    )
    other.close()


async def test_reload_drops_the_stale_edit(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    first = Workspace.open_file(path)
    supplier = first.save(Supplier(name="Acme Hosting"))
    first.store.close()
    other = RecordStore.open(path, user="colleague")

    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        other.update(supplier.model_copy(update={"name": "Theirs"}))
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Mine")
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, SuppliersScreen)
        assert "Theirs" in screen_text(app)

    assert other.get(Supplier, supplier.id).name == "Theirs"
    other.close()
