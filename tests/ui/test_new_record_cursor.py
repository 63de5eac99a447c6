"""A record created with `n` gets the cursor once saved, on every main screen (80x24)."""

from __future__ import annotations

from textual.pilot import Pilot

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.plan import Objective
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Supplier, SupplierReview
from itsms_tui.ui.app import ItsmsApp
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.screens.kpis import KpiBoardScreen
from itsms_tui.ui.screens.plan import PlanScreen
from itsms_tui.ui.screens.register import RegisterScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)


def newest(app: ItsmsApp, model: type[Record], heading: str) -> str:
    """The id the store gave the record just created."""
    found = [r.id for r in app.workspace.data().all(model) if r.heading == heading]
    assert len(found) == 1, found
    return found[0]


async def fill(pilot: Pilot[None], form: RecordForm[Record], field: str, text: str) -> None:
    form.field_row(field).focus_target().focus()
    await pilot.pause()
    await type_text(pilot, text)


async def test_a_new_supplier_gets_the_cursor() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        table = screen.query_one("#register", RecordTable)
        before = table.cursor_key
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Aardvark Cabling Ltd")
        await pilot.press("ctrl+s")
        await settle(pilot)
        new_id = newest(app, Supplier, "Aardvark Cabling Ltd")
        assert new_id != before
        assert table.cursor_key == new_id
        assert screen.focused is table
        assert f"{new_id} Aardvark Cabling Ltd" in screen_text(app)


async def test_a_new_agreement_gets_the_cursor_even_under_a_filter_that_hides_it() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        table = app.screen.query_one("#register", RecordTable)
        await pilot.press("slash")
        await type_text(pilot, "stratus")
        await pilot.press("enter", "n")
        await pilot.pause()
        await type_text(pilot, "Zebra printing OLA")
        await pilot.press("ctrl+s")
        await settle(pilot)
        new_id = newest(app, Agreement, "Zebra printing OLA")
        assert table.cursor_key == new_id
        assert table.filter_text == ""


async def test_a_new_kpi_gets_the_cursor_on_the_board() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, KpiBoardScreen)
        before = board.grid.current_id
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        await type_text(pilot, "Aardvark uptime")
        await fill(pilot, form, "target", "99")
        await fill(pilot, form, "warning", "98")
        await fill(pilot, form, "subject_id", "SUP-0001")
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
        assert app.screen is board
        new_id = newest(app, Kpi, "Aardvark uptime")
        assert new_id != before
        assert board.grid.current_id == new_id  # type: ignore[attr-defined]  # `is` above widened it


async def test_a_linked_record_added_from_the_detail_pane_gets_the_cursor_there() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        table = screen.query_one("#register", RecordTable)
        supplier = table.cursor_key
        known = {e.id for e in app.workspace.data().all(SupplierReview)}
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("r")  # a review of the highlighted supplier
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is SupplierReview
        await pilot.press("ctrl+s")
        await settle(pilot)
        (created,) = [e for e in app.workspace.data().all(SupplierReview) if e.id not in known]
        assert created.supplier_id == supplier
        assert table.cursor_key == supplier
        assert screen.focused is screen.detail
        assert screen.detail.linked_id == created.id


async def test_a_record_created_from_a_plan_tab_is_the_cursor_row_and_its_detail_shows() -> None:
    """Plan tabs create through the same path as every register: n, type, ctrl+s, and the
    register's cursor and detail are on the new record (filtered out first, to be sure)."""
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        tab = screen.tab("objectives")
        before = tab.register.cursor_key
        await pilot.press("slash")
        await type_text(pilot, "availability")
        await pilot.press("enter", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is Objective
        await type_text(pilot, "Aardvark onboarding within a week")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        new_id = newest(app, Objective, "Aardvark onboarding within a week")
        assert new_id != before
        assert tab.register.cursor_key == new_id
        assert tab.register.filter_text == ""
        assert screen.focused is tab.register
        detail = str(tab.detail_text.render())
        assert f"{new_id}  Aardvark onboarding within a week" in detail
        assert f"{new_id}  Aardvark onboarding within a week" in screen_text(app)


async def test_a_plan_tab_form_starts_from_the_suggested_values() -> None:
    """The Plan tabs' and the registers' forms share ``create_record``: suggested values too."""
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        tab = screen.tab("objectives")
        tab.create(Agreement, {})
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is Agreement
        used = [a.currency for a in app.data.all(Agreement)]
        assert form.field_row("currency").value() == max(set(used), key=used.count)
