"""The Plan screen (key 2) driven with real keys at 80x24, each step checked in the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.widgets import Input, TextArea

from itsms_tui.domain.capacity import resource_loads
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest, allowed_transitions
from itsms_tui.domain.enums import ChangeKind, ChangeStatus, RiskLevel
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.plan import Activity, Allocation, Objective, Process, Resource
from itsms_tui.domain.risk_rating import cell, heat_map
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.preferences import CONFIG_ENV
from itsms_tui.services.workspace import Workspace
from itsms_tui.ui.app import ItsmsApp, make_app
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.plan.change_workflow import STEP_KEYS
from itsms_tui.ui.plan.new_change import NewChangeScreen
from itsms_tui.ui.plan.register_tab import RegisterTab
from itsms_tui.ui.screens.plan import PlanScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.people_support import named_people
from tests.ui.shell_support import risks_tab, wait_for

SIZE = (80, 24)
TODAY = date(2026, 3, 2)
NASTY = ("[/x]", "[bold]Acme", "[@click=app.quit]x[/]")


def fixed_today() -> date:
    return TODAY


@pytest.fixture(autouse=True)
def quiet_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Preferences in a temporary folder; text cursors that do not blink (stable screens)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CONFIG_ENV, str(tmp_path_factory.mktemp("config")))
        for widget in (Input, TextArea):
            steady: reactive[bool] = reactive(False, init=False)
            steady.__set_name__(widget, "cursor_blink")
            patch.setattr(widget, "cursor_blink", steady)
        yield


def demo_app(*, read_only: bool = False) -> ItsmsApp:
    return make_app(Workspace.open_demo(today=fixed_today, read_only=read_only), poll_seconds=0)


def screen_text(app: App[Any]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_actions(app: App[Any]) -> set[str]:
    """Actions whose keys the footer offers now (check_action not False)."""
    return {active.binding.action for active in app.screen.active_bindings.values()}


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_plan(pilot: Pilot[Any], tab: str = "objectives") -> PlanScreen:
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PlanScreen)
    for _ in range(len(screen.tabs)):
        if screen.active_tab.id == tab:
            break
        await pilot.press("right_square_bracket")
        await pilot.pause()
    assert screen.active_tab.id == tab
    return screen


def stored_change(app: ItsmsApp, change_id: str) -> ChangeRequest:
    change = app.workspace.data().get_as(ChangeRequest, change_id)
    assert change is not None
    return change


def move(status: ChangeStatus) -> str:
    return f"move('{status.value}')"


# ---------------------------------------------------------------------- change workflow


async def test_a_change_goes_through_its_whole_workflow_and_illegal_steps_are_not_offered() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "changes")
        assert screen.tab("changes").register.cursor_key == "CHG-0001"  # a normal change, draft
        user = app.workspace.actor.person_id  # the person the session's login maps to

        async def step(key: str, target: ChangeStatus) -> RecordForm[Any]:
            """Only the allowed steps are offered; the keys of the others do nothing."""
            before = stored_change(app, "CHG-0001")
            allowed = set(allowed_transitions(before))
            assert target in allowed
            offered = {s for s in STEP_KEYS if move(s) in footer_actions(app)}
            assert offered == allowed
            for other, other_key in STEP_KEYS.items():
                if other in allowed:
                    continue
                await pilot.press(other_key)
                await pilot.pause()
                assert app.screen is screen, f"{other_key} opened something at {before.status}"
            assert stored_change(app, "CHG-0001") == before
            await pilot.press(key)
            await pilot.pause()
            form = app.screen
            assert isinstance(form, RecordForm)
            return form

        form = await step("u", ChangeStatus.SUBMITTED)
        assert [r.spec.name for r in form.field_rows()] == ["requested_by", "requested_on"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        change = stored_change(app, "CHG-0001")
        assert change.status is ChangeStatus.SUBMITTED
        assert (change.requested_by, change.requested_on) == ("PER-0005", TODAY)  # Aisha Khan
        assert "Submit" not in screen_text(app).splitlines()[-1]
        assert "Assess" in screen_text(app).splitlines()[-1]

        form = await step("v", ChangeStatus.ASSESSED)
        assert [r.spec.name for r in form.field_rows()] == [
            "impact_assessment",
            "risk_level",
            "backout_plan",
        ]
        await pilot.press(*"Edge sites only")
        await pilot.press("tab", "enter", "down", "down", "enter")  # risk level: medium
        await pilot.press("tab", *"Roll back firmware")
        await pilot.press("ctrl+s")
        await settle(pilot)
        change = stored_change(app, "CHG-0001")
        assert change.status is ChangeStatus.ASSESSED
        assert change.impact_assessment == "Edge sites only"
        assert change.risk_level is RiskLevel.MEDIUM
        assert change.backout_plan == "Roll back firmware"

        form = await step("a", ChangeStatus.APPROVED)
        assert form.field_row("approver").value() == user  # prefilled: who approves
        await pilot.press("ctrl+s")
        await settle(pilot)
        change = stored_change(app, "CHG-0001")
        assert change.status is ChangeStatus.APPROVED
        assert (change.approver, change.approved_on) == (user, TODAY)

        await step("i", ChangeStatus.IMPLEMENTED)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored_change(app, "CHG-0001").implemented_on == TODAY

        await step("w", ChangeStatus.REVIEWED)
        await pilot.press(*"No incidents")
        await pilot.press("ctrl+s")
        await settle(pilot)
        change = stored_change(app, "CHG-0001")
        assert change.status is ChangeStatus.REVIEWED
        assert (change.review_notes, change.reviewed_on) == ("No incidents", TODAY)

        await step("c", ChangeStatus.CLOSED)
        await pilot.press("ctrl+s")
        await settle(pilot)
        closed = stored_change(app, "CHG-0001")
        assert (closed.status, closed.closed_on) == (ChangeStatus.CLOSED, TODAY)

        # Closed: no step at all is offered, and none of the keys does anything.
        assert not {move(s) for s in STEP_KEYS} & footer_actions(app)
        for key in STEP_KEYS.values():
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        assert stored_change(app, "CHG-0001") == closed
        trail = [e.summary for e in app.workspace.history("CHG-0001")]
        assert len(trail) >= 6


async def test_reject_asks_for_the_decision_and_escape_changes_nothing() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "changes")
        assert screen.select_record("CHG-0002")  # normal, submitted
        await pilot.pause()
        before = stored_change(app, "CHG-0002")

        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert [r.spec.name for r in form.field_rows()] == [
            "approver",
            "approved_on",
            "decision_notes",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert stored_change(app, "CHG-0002") == before

        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the decision notes are required for a rejection
        await pilot.pause()
        refused = app.screen
        assert isinstance(refused, RecordForm)
        assert "required" in screen_text(app)
        assert refused.focused is refused.field_row("decision_notes").focus_target()
        await pilot.press(*"Not in this quarter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        change = stored_change(app, "CHG-0002")
        assert change.status is ChangeStatus.REJECTED
        assert change.decision_notes == "Not in this quarter"
        assert move(ChangeStatus.CLOSED) in footer_actions(app)
        assert move(ChangeStatus.APPROVED) not in footer_actions(app)


async def test_an_emergency_change_may_be_approved_from_submitted_with_its_assessment() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "changes")
        assert screen.select_record("CHG-0012")  # emergency, submitted
        await pilot.pause()
        offered = {s for s in STEP_KEYS if move(s) in footer_actions(app)}
        assert offered == {ChangeStatus.ASSESSED, ChangeStatus.APPROVED, ChangeStatus.REJECTED}
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert [r.spec.name for r in form.field_rows()] == [
            "impact_assessment",
            "risk_level",
            "backout_plan",
            "approver",
            "approved_on",
        ]


async def test_a_step_on_a_stale_change_is_refused_with_a_message_and_nothing_overwritten() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_plan(pilot, "changes")
        assert screen.tab("changes").register.cursor_key == "CHG-0001"
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        # Meanwhile another session edits the change.
        other = stored_change(app, "CHG-0001")
        other.description = "edited elsewhere"
        app.workspace.save(other)
        await pilot.press("ctrl+s")
        await settle(pilot)
        change = stored_change(app, "CHG-0001")
        assert change.status is ChangeStatus.DRAFT
        assert change.description == "edited elsewhere"
        messages = [n.message for n in app._notifications]
        assert any("CHG-0001" in m for m in messages), messages
        assert isinstance(app.screen, PlanScreen)


async def test_a_new_change_starts_in_a_state_its_kind_allows_and_the_form_has_no_status() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, "changes")
        await pilot.press("n")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, NewChangeScreen)
        unplanned = [i for i, s in enumerate(chooser.starts) if s[0] is ChangeKind.UNPLANNED]
        await pilot.press(*["j"] * unplanned[0], "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        names = [r.spec.name for r in form.field_rows()]
        assert "status" not in names and "kind" not in names
        assert "implemented_on" in names and "approver" not in names
        await pilot.press(*"Restarted the core router")
        await pilot.press("ctrl+s")
        await settle(pilot)
        created = [
            c
            for c in app.workspace.data().all(ChangeRequest)
            if c.title == "Restarted the core router"
        ]
        assert len(created) == 1
        assert (created[0].kind, created[0].status) == (
            ChangeKind.UNPLANNED,
            ChangeStatus.IMPLEMENTED,
        )
        assert created[0].implemented_on == TODAY


async def test_editing_a_change_offers_neither_its_status_nor_facts_recorded_by_steps() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "changes")
        assert screen.select_record("CHG-0004")  # normal, approved
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        names = {r.spec.name for r in form.field_rows()}
        assert "title" in names and "planned_start" in names
        assert not names & {"status", "kind", "approver", "approved_on", "impact_assessment"}
        form.field_row("title").focus_target().focus()
        await pilot.press("end", *" (phase 1)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        change = stored_change(app, "CHG-0004")
        assert change.title.endswith(" (phase 1)")
        assert change.status is ChangeStatus.APPROVED


# ---------------------------------------------------------------------- processes, resources


async def test_an_activity_is_added_to_the_highlighted_process() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "processes")
        tab = screen.tab("processes")
        assert tab.register.cursor_key == "PRC-0001"
        before = len(tab.child("activities").rows)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is Activity
        assert form.values()["process_id"] == "PRC-0001"
        form.field_row("name").focus_target().focus()
        await pilot.press(*"Quarterly SLA report")
        await pilot.press("ctrl+s")
        await settle(pilot)
        added = [a for a in app.workspace.data().all(Activity) if a.name == "Quarterly SLA report"]
        assert [a.process_id for a in added] == ["PRC-0001"]
        assert len(tab.child("activities").rows) == before + 1
        # The cursor is on the new activity, in the process's activities table.
        assert screen.focused is tab.child("activities")
        assert tab.child("activities").cursor_key == added[0].id
        assert "Quarterly SLA r" in screen_text(app)

        # In the activities table, E edits the activity (not the process).
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.record == added[0]


async def test_over_allocated_resources_are_marked_with_a_word_and_a_symbol() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "resources")
        loads = {load.resource_id: load for load in resource_loads(app.data, TODAY)}
        over = {rid for rid, load in loads.items() if load.over_allocated}
        assert over, "the demo data has an over-allocated resource"
        table = screen.tab("resources").register
        for row in table.rows:
            load_cell = table.columns[2].value(row)
            assert isinstance(load_cell, Text)
            assert ("✖ over" in load_cell.plain) == (row.record.id in over)
            if row.record.id in over:
                assert load_cell.style, "over-allocation is coloured too"
        first = sorted(over)[0]
        assert screen.select_record(first)
        await pilot.pause()
        assert "over-allocated by" in screen_text(app)


# ---------------------------------------------------------------------- risks heat map


async def test_choosing_a_heat_map_cell_filters_the_register_and_x_clears_it() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "risks")
        tab = risks_tab(screen)
        risks = app.data.all(Risk)
        everything = tab.register.total_count
        await pilot.press("m")
        assert tab.heat_map.has_focus
        assert tab.heat_map.cursor == (3, 3)
        await pilot.press("k", "right")  # likelihood 4, impact 4
        await pilot.press("enter")
        await pilot.pause()
        expected = set(cell(heat_map(risks), 4, 4))
        assert expected
        assert {r.record.id for r in tab.register.rows} == expected
        assert "likelihood 4 × impact 4" in screen_text(app)
        assert "plan.risk.clear_cell" in {a.binding.id for a in app.screen.active_bindings.values()}

        await pilot.press("x")
        await pilot.pause()
        assert tab.register.total_count == everything
        assert "likelihood 4" not in screen_text(app)

        # The residual view moves treated risks to their residual cell.
        await pilot.press("i")
        await pilot.press("j", "j", "h", "h", "enter")  # likelihood 2, impact 2
        await pilot.pause()
        residual = set(cell(heat_map(risks, residual=True), 2, 2))
        assert {r.record.id for r in tab.register.rows} == residual
        assert "Residual ·" in screen_text(app)
        await pilot.press("enter")  # the same cell again: filter off
        await pilot.pause()
        assert tab.register.total_count == everything


# ---------------------------------------------------------------------- navigation, filter


async def test_open_record_jumps_to_every_kind_of_plan_record() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        data = app.data
        targets = [
            (data.all(Objective)[-1].id, "objectives", "register"),
            (data.all(Process)[-1].id, "processes", "register"),
            (data.all(Activity)[-1].id, "processes", "activities"),
            (data.all(Resource)[-1].id, "resources", "register"),
            (data.all(Allocation)[-1].id, "resources", "allocations"),
            (data.all(Risk)[-1].id, "risks", "register"),
            (data.all(ChangeRequest)[-1].id, "changes", "register"),
            (data.all(Service)[-1].id, "services", "register"),
        ]
        for record_id, tab_id, table_name in targets:
            app.open_record(record_id)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, PlanScreen)
            tab = screen.active_tab
            assert tab.id == tab_id, record_id
            table = tab.register if table_name == "register" else tab.child(table_name)
            assert table.cursor_key == record_id
            assert screen.focused is table
            record = data.get(record_id)
            assert record is not None
            shown = record_id if table_name == "register" else record.heading[:12]
            assert shown in screen_text(app)


async def test_enter_goes_into_the_detail_escape_comes_back_and_p_hides_the_detail() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "processes")
        tab = screen.tab("processes")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.focused is tab.child("activities")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.focused is tab.register
        rows_before = tab.register.size.height
        await pilot.press("p")
        await pilot.pause()
        assert not tab.detail.region.height
        assert tab.register.size.height > rows_before
        await pilot.press("p")
        await pilot.pause()
        assert tab.detail.region.height


async def test_read_only_enter_on_an_activity_shows_its_history() -> None:
    app = demo_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "processes")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        activity = screen.tab("processes").child("activities").cursor_key
        assert activity is not None and activity in screen_text(app)


async def test_enter_on_a_linked_record_jumps_to_its_tab() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "changes")
        links = screen.tab("changes").child("links")
        assert links.rows[0].record.id == "SVC-0003"  # CHG-0001 affects a service
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.screen is screen and screen.active_tab is screen.tab("services")
        assert screen.tab("services").register.cursor_key == "SVC-0003"
        risk = next(r for r in app.data.all(Risk) if r.process_id)
        assert screen.select_record(risk.id)
        risks_tab(screen).child("links").focus()
        assert risks_tab(screen).child("links").select_key(risk.process_id or "")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.active_tab is screen.tab("processes")
        assert screen.tab("processes").register.cursor_key == risk.process_id


async def test_slash_filters_the_current_tab_and_escape_clears_it() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "risks")
        table = risks_tab(screen).register
        total = table.total_count
        await pilot.press("slash", *"ransomware")
        await pilot.pause()
        assert table.visible_count == 1
        await pilot.press("enter")
        assert screen.focused is table
        assert table.visible_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert table.visible_count == total
        # Other tabs keep their own filter.
        assert screen.tab("objectives").register.filter_text == ""


async def test_sort_from_the_keyboard() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "risks")
        table = risks_tab(screen).register
        for _ in range(4):  # id, title, L, I, then score
            await pilot.press("s")
        await pilot.press("s", "S")  # score, descending
        await pilot.pause()
        assert table.sort_column == "score" and table.sort_reverse
        scores = [r.record.score for r in table.visible_rows]
        assert scores == sorted(scores, reverse=True)


async def test_read_only_hides_every_editing_key() -> None:
    app = demo_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot, "changes")
        editing = {"new", "edit", "delete", *(move(s) for s in STEP_KEYS)}
        assert not editing & footer_actions(app)
        before = app.workspace.data().get("CHG-0001")
        for key in ("u", "n", "E", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        assert app.workspace.data().get("CHG-0001") == before
        for tab in ("processes", "resources"):
            screen.show_tab(screen.tab(tab))
            await pilot.pause()
            offered = footer_actions(app)
            assert not {a for a in offered if a == "new" or a.startswith("add_child")}
        assert "history" in footer_actions(app)


# ---------------------------------------------------------------------- literal text


def nasty_workspace(path: Path) -> Workspace:
    """Every plan entity three times, named with markup-like text after a short tag."""
    workspace = Workspace.open_file(path)
    workspace.today = fixed_today
    save = workspace.save
    who = named_people(workspace, *NASTY)
    for n, nasty in enumerate(NASTY):
        supplier = save(Supplier(name=f"Sup {nasty}"))
        objective = save(
            Objective(title=f"Obj {nasty}", description=nasty, evaluation=nasty, owner=who[nasty])
        )
        save(Kpi(name=f"Kpi {nasty}", target=90, warning=80, subject_id=objective.id))
        process = save(
            Process(
                name=f"Prc {nasty}",
                owner=who[nasty],
                purpose=nasty,
                controls=[nasty],
                evidence=[nasty],
            )
        )
        activity = save(
            Activity(
                process_id=process.id,
                name=f"Act {nasty}",
                responsible=who[nasty],
                supplier_id=supplier.id,
                due_date=date(2026, 1, 1),
            )
        )
        resource = save(
            Resource(name=f"Res {nasty}", capacity=1, unit=nasty[:20], owner=who[nasty])
        )
        save(
            Allocation(
                resource_id=resource.id,
                process_id=process.id,
                activity_id=activity.id,
                amount=2,
                note=nasty,
            )
        )
        save(
            Risk(
                title=f"Rsk {nasty}",
                owner=who[nasty],
                likelihood=n + 1,
                impact=5,
                description=nasty,
                mitigation_actions=[f"Mit {nasty}"],
                process_id=process.id,
                supplier_id=supplier.id,
            )
        )
        save(
            ChangeRequest(
                title=f"Chg {nasty}",
                description=f"Why {nasty}",
                requested_by=who[nasty],
                process_id=process.id,
                supplier_id=supplier.id,
            )
        )
    return workspace


def cursor_line(table: RecordTable[Any]) -> str:
    """The text of the table's cursor row as drawn."""
    return table.render_line(table.cursor_index - round(table.scroll_y) + 1).text


def detail_text(tab: RegisterTab[Any]) -> str:
    return f"{tab.detail_text.render()}\n{tab.detail_more.render()}"


async def test_markup_like_names_show_literally_on_every_tab_and_detail_pane(
    tmp_path: Path,
) -> None:
    workspace = nasty_workspace(tmp_path / "d.json")
    app = make_app(workspace, poll_seconds=0)
    data = workspace.data()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        for model in (Objective, Process, Resource, Risk, ChangeRequest):
            for record in data.all(model):
                assert screen.select_record(record.id), record.id
                await pilot.pause()
                tab = screen.active_tab
                assert record.heading in detail_text(tab)  # in full, in the detail's heading
                assert record.heading[:13] in screen_text(app)
                assert record.heading[:13] in cursor_line(tab.register)
                for child in tab.children_tables:  # KPIs, activities, allocations, links
                    for row in child.rows:
                        assert child.select_key(row.record.id)
                        assert row.record.heading[:9] in cursor_line(child) or (
                            row.record.id in cursor_line(child)
                        )
                await pilot.press("enter")  # into the child table or the detail
                await pilot.pause()
                assert app.is_running
                await pilot.press("escape")
                await pilot.pause()
        for child_model in (Activity, Allocation):
            for child_record in data.all(child_model):
                assert screen.select_record(child_record.id), child_record.id
                await pilot.pause()
                table = screen.focused
                assert isinstance(table, RecordTable)
                is_activity = isinstance(child_record, Activity)
                expected = child_record.heading if is_activity else "Prc ["
                assert expected[:13] in cursor_line(table)
        # Lists and paragraphs of the detail panes.
        risk = data.all(Risk)[2]
        assert screen.select_record(risk.id)
        assert f"Mit {NASTY[2]}" in detail_text(risks_tab(screen))
        change = data.all(ChangeRequest)[2]
        assert screen.select_record(change.id)
        assert f"Why {NASTY[2]}" in detail_text(screen.tab("changes"))
        assert {r.record.heading for r in screen.tab("changes").child("links").rows} == {
            f"Prc {NASTY[2]}",
            f"Sup {NASTY[2]}",
            NASTY[2],  # the requester, a person named like markup
        }
        # The workflow form's title shows the name literally too: once the changes tab is
        # on screen with its register focused on that change, so `u` reaches its bindings.
        changes = screen.tab("changes")

        def on_change() -> bool:
            current = changes.current_record()
            return (
                screen.active_tab is changes
                and app.focused is changes.register
                and current is not None
                and current.id == change.id
            )

        assert await wait_for(pilot, on_change), (app.focused, screen.active_tab)
        await pilot.pause()
        await pilot.press("u")
        title = f"Submit {change.id} Chg {NASTY[2]}"
        assert await wait_for(pilot, lambda: title in screen_text(app)), screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None


# ---------------------------------------------------------------------- snapshots


@pytest.mark.parametrize("tab", ["objectives", "processes", "resources", "risks", "changes"])
def test_snapshot_of_each_tab(snap_compare: Any, tab: str) -> None:
    async def show(pilot: Pilot[Any]) -> None:
        await open_plan(pilot, tab)

    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=show)
