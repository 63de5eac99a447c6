"""The Services tab of the Plan screen (the service catalogue), driven with keys at 80x24."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from textual.content import Content
from textual.pilot import Pilot

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.enums import AgreementKind, AgreementStatus, ServiceStatus
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.risks import Risk
from itsms_tui.services.workspace import Workspace
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.plan.register_tab import RegisterTab
from itsms_tui.ui.screens.agreements import AgreementsScreen
from itsms_tui.ui.screens.plan import PlanScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.people_support import named_people
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    file_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
    wait_for,
)

BOLD = "[bold]Acme"
CLICK = "[@click=app.quit]x[/]"
CLOSE = "[/x]"


async def open_services(pilot: Pilot[Any]) -> tuple[PlanScreen, RegisterTab[Any]]:
    """Plan (key 2), then ] until the Services tab is on screen."""
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PlanScreen)
    for _ in screen.tabs:
        if screen.active_tab is screen.tab("services"):
            break
        await pilot.press("right_square_bracket")
        await pilot.pause()
    assert screen.active_tab is screen.tab("services")
    return screen, screen.tab("services")


def cursor_line(table: RecordTable[Any]) -> str:
    """The text of the table's cursor row as drawn (line 0 is the header)."""
    return table.render_line(table.cursor_index - round(table.scroll_y) + 1).text


def detail_text(tab: RegisterTab[Any]) -> str:
    """The text above the detail's tables and below them."""
    return f"{tab.detail_text.render()}\n{tab.detail_more.render()}"


async def test_a_new_service_created_through_the_form_appears_with_the_cursor_on_it() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, tab = await open_services(pilot)
        before = tab.register.total_count
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is Service
        form.field_row("name").focus_target().focus()
        await type_text(pilot, "Payroll Bureau")
        form.field_row("owner").focus_target().focus()
        await type_text(pilot, "Grace Mwangi")  # a person of the demo, picked by name
        await pilot.press("ctrl+s")
        await settle(pilot)
        added = [s for s in app.workspace.data().all(Service) if s.name == "Payroll Bureau"]
        assert len(added) == 1 and added[0].owner == "PER-0009"  # Grace Mwangi
        assert app.screen is screen and screen.active_tab is tab
        assert tab.register.total_count == before + 1
        assert tab.register.cursor_key == added[0].id
        assert screen.focused is tab.register
        # Live by default and no customer SLA covers it yet: marked with a symbol and words.
        assert added[0].status is ServiceStatus.LIVE
        row = cursor_line(tab.register)
        assert added[0].id in row and "Payroll Bureau" in row and "0 ✖ no SLA" in row
        assert "✖ no SLA" in detail_text(tab)
        assert tab.child("agreements").total_count == 0
        # A service an active customer SLA covers carries no marker.
        assert tab.register.select_key("SVC-0001")
        assert "✖" not in cursor_line(tab.register)


async def test_enter_on_a_covering_agreement_jumps_to_it_on_the_agreements_screen() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, tab = await open_services(pilot)
        assert screen.select_record("SVC-0005")
        await pilot.pause()
        await pilot.press("enter")  # into the first table of the detail: its agreements
        await pilot.pause()
        assert screen.focused is tab.child("agreements")
        covering = [r.record for r in tab.child("agreements").visible_rows]
        assert covering[0].kind is AgreementKind.CUSTOMER_SLA  # SLAs come first
        assert {a.id for a in covering} == {
            a.id for a in app.data.all(Agreement) if "SVC-0005" in a.service_ids
        }
        await pilot.press("j")
        target = tab.child("agreements").cursor_key
        assert target == covering[1].id
        await pilot.press("enter")
        await settle(pilot)
        agreements = app.screen
        assert app.current_mode == "agreements" and isinstance(agreements, AgreementsScreen)
        assert agreements.query_one("#register", RecordTable).cursor_key == target


async def test_enter_on_a_change_of_the_service_jumps_to_the_changes_tab() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, tab = await open_services(pilot)
        assert screen.select_record("SVC-0006")
        await pilot.pause()
        rows = tab.child("referring").visible_rows
        assert [(r.field_title, r.record.id) for r in rows] == [("Change", "CHG-0012")]
        tab.child("referring").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.active_tab is screen.tab("changes")
        assert screen.tab("changes").register.cursor_key == "CHG-0012"


async def test_the_palette_jumps_to_a_service_by_its_id() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.current_mode == "overview"
        await pilot.press("ctrl+p")
        await type_text(pilot, "SVC-0006")
        assert await wait_for(pilot, lambda: "SVC-0006 Security" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert app.current_mode == "plan" and isinstance(screen, PlanScreen)
        assert screen.active_tab is screen.tab("services")
        assert screen.tab("services").register.cursor_key == "SVC-0006"
        assert screen.focused is screen.tab("services").register
        assert "SVC-0006  Security Monitoring (24x7 SOC)" in detail_text(screen.tab("services"))


async def test_filter_narrows_the_catalogue_and_delete_of_a_covered_service_is_refused() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, tab = await open_services(pilot)
        await pilot.press("slash", *"kubernetes", "enter")
        await pilot.pause()
        assert [r.record.id for r in tab.register.visible_rows] == ["SVC-0007"]
        assert screen.focused is tab.register
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.workspace.data().get("SVC-0007") is not None  # agreements still name it
        assert "AGR-0001" in screen_text(app)


async def test_sort_by_sla_count_from_the_keyboard() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        _, tab = await open_services(pilot)
        await pilot.press(*"s" * 6, "S")  # id, name, owner, status, customers, SLAs; reversed
        await pilot.pause()
        assert tab.register.sort_column == "slas" and tab.register.sort_reverse
        counts = [r.sla_count for r in tab.register.visible_rows]
        assert counts == sorted(counts, reverse=True) and counts[-1] == 0


async def test_read_only_offers_history_but_no_editing_key() -> None:
    app = demo_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        screen, tab = await open_services(pilot)
        offered = {active.binding.action for active in screen.active_bindings.values()}
        assert "history" in offered
        assert not {"new", "edit", "delete"} & offered
        before = app.workspace.data().get("SVC-0001")
        for key in ("n", "E", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        assert app.workspace.data().get("SVC-0001") == before
        label = cast(Content, tab.child_label("kpis").render()).plain
        assert label.startswith("Linked KPIs") and "n adds one" not in label


def nasty_workspace(path: Path) -> Workspace:
    """A service named with markup-like text, and an SLA, a change, a risk and a KPI on it."""
    workspace = Workspace.open_file(path)
    save = workspace.save
    who = named_people(workspace, CLOSE)
    customers = [save(Customer(name=CLICK)).id, save(Customer(name=f"Cust {CLOSE}")).id]
    service = save(Service(name=BOLD, owner=who[CLOSE], description=CLICK, customer_ids=customers))
    save(
        Agreement(
            title=f"SLA {BOLD}",
            kind=AgreementKind.CUSTOMER_SLA,
            status=AgreementStatus.DRAFT,
            customer_id=customers[0],
            service_ids=[service.id],
        )
    )
    save(ChangeRequest(title=f"Chg {CLOSE}", service_id=service.id))
    save(Risk(title=f"Rsk {CLICK}", likelihood=2, impact=3, service_id=service.id))
    save(Kpi(name=f"Kpi {BOLD}", target=99, warning=95, subject_id=service.id))
    return workspace


async def test_markup_like_text_of_a_service_shows_literally(tmp_path: Path) -> None:
    nasty_workspace(tmp_path / "d.json")
    app = file_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        screen, tab = await open_services(pilot)
        row = cursor_line(tab.register)
        assert f"{BOLD}" in row and CLOSE in row and "1 ✖ no SLA" in row
        detail = detail_text(tab)
        for text in (f"SVC-0001  {BOLD}", f"Owner: {CLOSE}", f"Customers: {CLICK}, Cust {CLOSE}"):
            assert text in detail
        assert f"SLA {BOLD}" in cursor_line(tab.child("agreements"))
        assert {r.record.heading for r in tab.child("referring").rows} == {
            f"Chg {CLOSE}",
            f"Rsk {CLICK}",
        }
        assert f"Kpi {BOLD}" in cursor_line(tab.child("kpis"))
        for table in tab.children_tables:
            for child in table.rows:
                assert table.select_key(child.record.id)
                assert child.record.heading[:9] in cursor_line(table)
        assert f"{BOLD}" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None


def test_snapshot_of_the_services_tab(snap_compare: Any) -> None:
    async def show(pilot: Pilot[Any]) -> None:
        await open_services(pilot)

    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=show)
