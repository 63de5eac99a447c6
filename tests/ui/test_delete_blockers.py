"""Delete explains what blocks it before asking; the store still refuses a late link (80x24)."""

from __future__ import annotations

from pathlib import Path

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.workspace import Workspace
from itsms_tui.store.records import RecordStore
from itsms_tui.ui.screens.suppliers import SuppliersScreen
from itsms_tui.ui.widgets.confirm import ConfirmScreen, MessageScreen
from tests.ui.shell_support import (
    SIZE,
    file_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)


def stored_ids(path: Path) -> list[str]:
    workspace = Workspace(RecordStore.open(path, read_only=True))
    return [s.id for s in workspace.data().all(Supplier)]


async def test_d_on_a_supplier_with_agreements_lists_them_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    setup = Workspace.open_file(path)
    bound = setup.save(Supplier(name="Bound Ltd"))
    setup.save(Agreement(title="Bound contract", supplier_id=bound.id))
    setup.save(Kpi(name="Bound uptime", target=99, warning=98, subject_id=bound.id))
    setup.store.close()

    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        text = screen_text(app)
        assert "Delete SUP-0001 Bound Ltd?" not in text
        assert "SUP-0001 Bound Ltd is still referred to by 2 record(s)" in text
        assert "Agreement AGR-0001 Bound contract" in text
        assert "KPI KPI-0001 Bound uptime" in text
        await pilot.press("y")  # not a question: y does nothing, nothing is deleted
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SuppliersScreen)
    assert stored_ids(path) == ["SUP-0001"]


async def test_a_link_made_by_another_session_after_loading_still_blocks(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    setup = Workspace.open_file(path)
    lonely = setup.save(Supplier(name="Lonely Ltd"))

    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        setup.save(Agreement(title="Late contract", supplier_id=lonely.id))  # not yet loaded
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MessageScreen)
        text = screen_text(app)
        assert "Cannot delete" in text
        assert "AGR-0001 Late contract" in text
    setup.store.close()
    assert stored_ids(path) == [lonely.id]
