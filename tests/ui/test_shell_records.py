"""The shell's record operations driven by keys at 80x24, each checked in the store afterwards."""

from __future__ import annotations

from pathlib import Path

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.workspace import Workspace
from itsms_tui.store.records import RecordStore
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.screens.kpis import KpiBoardScreen
from itsms_tui.ui.screens.measurement_prompt import MeasurementPrompt
from itsms_tui.ui.screens.suppliers import SuppliersScreen
from itsms_tui.ui.screens.welcome import WelcomeScreen
from itsms_tui.ui.widgets.confirm import MessageScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    demo_app,
    file_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)


def stored(path: Path) -> Workspace:
    return Workspace(RecordStore.open(path, read_only=True))


async def test_first_supplier_with_a_corrected_error_then_an_agreement_for_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "d.json"
    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert "This data file is empty" in screen_text(app)

        await pilot.press("s")  # add the first supplier
        await settle(pilot)
        assert app.current_mode == "suppliers"
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is Supplier

        await pilot.press("tab", "tab")  # to Category; the name stays empty
        await type_text(pilot, "Cloud hosting")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused: the name is required
        assert "required" in screen_text(app)
        assert form.focused is form.field_row("name").editor

        await type_text(pilot, "Acme Hosting")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SuppliersScreen)
        suppliers = stored(path).data().all(Supplier)
        assert [(s.id, s.name, s.category) for s in suppliers] == [
            ("SUP-0001", "Acme Hosting", "Cloud hosting")
        ]
        assert "Acme Hosting" in screen_text(app)

        await pilot.press("a")  # add a linked record to the highlighted supplier
        await pilot.pause()
        await pilot.press("g")  # an agreement, with the supplier filled in
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is Agreement
        await type_text(pilot, "Acme hosting contract")
        await pilot.press("ctrl+s")
        await settle(pilot)

    agreements = stored(path).data().all(Agreement)
    assert [(a.title, a.supplier_id) for a in agreements] == [("Acme hosting contract", "SUP-0001")]


async def test_m_records_a_measurement_with_the_value_and_enter() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, KpiBoardScreen)
        kpi = board.grid.current
        assert kpi is not None
        before = len(app.workspace.data().referring(kpi.kpi.id, Measurement))

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeasurementPrompt)
        await pilot.press("4", "2", ".", "5", "enter")
        await settle(pilot)

        assert app.screen is board  # type: ignore[comparison-overlap]  # narrowed before an await
        own = app.workspace.data().referring(kpi.kpi.id, Measurement)
        assert len(own) == before + 1
        newest = max(own, key=lambda m: m.id)
        assert (newest.value, newest.measured_on) == (42.5, FIXED_TODAY)
        assert "42.5" in screen_text(app)


async def test_a_value_that_is_not_a_number_is_explained_and_nothing_saved() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        count = len(app.workspace.data().all(Measurement))
        await pilot.press("m", "x", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeasurementPrompt)
        assert "not a number: x" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.workspace.data().all(Measurement)) == count


async def test_slash_filters_the_register_as_you_type() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#register", RecordTable)
        total = table.visible_count
        assert total > 3

        await pilot.press("slash")
        await type_text(pilot, "ledger")
        await pilot.pause()
        assert table.visible_count == 1
        assert "Ledgerline" in screen_text(app)
        assert "Stratus" not in screen_text(app)

        await pilot.press("enter")  # keeps the filter, back to the register
        await pilot.pause()
        assert app.screen.focused is table
        assert table.visible_count == 1

        await pilot.press("slash", "escape")  # clears it
        await pilot.pause()
        assert table.visible_count == total


async def test_delete_asks_first_and_explains_a_refusal(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    setup = Workspace.open_file(path)
    lonely = setup.save(Supplier(name="Lonely Ltd"))
    bound = setup.save(Supplier(name="Bound Ltd"))
    setup.save(Agreement(title="Bound contract", supplier_id=bound.id))
    setup.store.close()

    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SuppliersScreen)

        assert screen.select_record(bound.id)
        await pilot.press("d")  # blocked: explained at once, no question first
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        text = screen_text(app)
        assert "Cannot delete" in text
        assert "AGR-0001 Bound contract" in text
        await pilot.press("escape")
        await pilot.pause()

        assert screen.select_record(lonely.id)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # changed my mind
        await settle(pilot)
        assert stored(path).data().get(lonely.id) is not None

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)

    names = [s.name for s in stored(path).data().all(Supplier)]
    assert names == ["Bound Ltd"]


async def test_read_only_hides_the_editing_keys() -> None:
    app = demo_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "READ-ONLY (opened with --read-only)" in screen_text(app)
        await pilot.press("3")
        await settle(pilot)
        keys = {b.binding.action for b in app.screen.active_bindings.values()}
        assert {"new", "edit", "delete", "add_linked"}.isdisjoint(keys)
        assert "history" in keys
        await pilot.press("n", "E", "d")
        await pilot.pause()
        assert isinstance(app.screen, SuppliersScreen)  # no form, no question
        await pilot.press("5", "m")
        await pilot.pause()
        assert isinstance(app.screen, KpiBoardScreen)
        assert len(app.workspace.data().all(Kpi)) > 0


async def test_enter_on_an_attention_line_opens_its_record_on_its_screen() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#attention", RecordTable)
        items = list(table.visible_rows)
        kpi_line = next(i for i, item in enumerate(items) if item.record_id.startswith("KPI-"))
        table.move_cursor(kpi_line)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "kpis"
        board = app.screen
        assert isinstance(board, KpiBoardScreen)
        assert board.grid.current_id == items[kpi_line].record_id

        await pilot.press("1")
        await pilot.pause()
        action_line = next(i for i, item in enumerate(items) if item.record_id.startswith("ACN-"))
        table.move_cursor(action_line)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "suppliers"
        screen = app.screen
        assert isinstance(screen, SuppliersScreen)
        assert screen.focused is screen.detail
        assert screen.detail.linked_id == items[action_line].record_id


async def test_the_palette_jumps_to_a_record_by_name() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "ledgerline software")
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "suppliers"
        assert app.screen.query_one("#register", RecordTable).cursor_key == "SUP-0005"
