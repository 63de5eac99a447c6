"""Two writers on one data file: the app shows the other's change and never overwrites it."""

from __future__ import annotations

from pathlib import Path

from itsms_tui.domain.people import Person
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
        # Only one side changed each field: both are merged, nothing to pick.
        assert "Category: Cloud (theirs)" in text
        assert "Notes: mine (yours)" in text
        assert "retry keeps both" in text
        # Nothing was overwritten.
        assert other.get(Supplier, supplier.id).category == "Cloud"
        assert other.get(Supplier, supplier.id).notes == ""

        # Retry: the merged values on top of the stored revision, to review and save.
        await pilot.press("t")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, RecordForm)
        assert retry.values()["category"] == "Cloud"
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


async def test_retry_keeps_the_other_sessions_category_and_my_owner(tmp_path: Path) -> None:
    """Session A changes Category, B changes Relationship owner; B's retry keeps both."""
    path = tmp_path / "d.json"
    first = Workspace.open_file(path)
    supplier = first.save(Supplier(name="Acme Hosting", category="Hosting"))
    bo = first.save(Person(name="Bo Lind"))
    first.store.close()
    session_a = Workspace.open_file(path)

    app = file_app(path)  # session B
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        stored = session_a.store.get(Supplier, supplier.id)
        session_a.save(stored.model_copy(update={"category": "Cloud"}))
        form.field_row("relationship_owner").focus_target().focus()
        await type_text(pilot, "Bo Lind")
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        assert "Category: Cloud (theirs)" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SuppliersScreen)

    saved = session_a.store.get(Supplier, supplier.id)
    assert (saved.category, saved.relationship_owner) == ("Cloud", bo.id)
    session_a.store.close()


async def test_a_field_both_changed_is_picked_in_the_dialog(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    first = Workspace.open_file(path)
    supplier = first.save(Supplier(name="Acme Hosting", category="Hosting"))
    first.store.close()
    other = RecordStore.open(path, user="colleague")

    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        other.update(supplier.model_copy(update={"name": "Theirs Ltd", "category": "Cloud"}))
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Mine Ltd")
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        text = screen_text(app)
        assert "Changed by both (1)" in text
        assert "as it was: Acme Hosting" in text
        assert "stored: Theirs Ltd" in text and "yours: Mine Ltd" in text
        # The picker starts on "yours"; down, enter picks the stored name.
        await pilot.press("down", "enter")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        await pilot.press("ctrl+s")
        await settle(pilot)

    saved = other.get(Supplier, supplier.id)
    assert (saved.name, saved.category) == ("Theirs Ltd", "Cloud")
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
