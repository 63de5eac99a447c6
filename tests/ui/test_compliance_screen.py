"""The Compliance screen (key 6) at 80x24: clause summary, findings, jumps, SLA matrix, settings."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import Input

from itsms_tui.compliance.engine import run_checks, summarise
from itsms_tui.compliance.findings import Finding, Severity
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement, Amendment, PriorityTimes, ServiceTarget
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    Criticality,
    Priority,
    SupplierKind,
    SupplierStatus,
)
from itsms_tui.domain.people import Person
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.workspace import Workspace
from itsms_tui.store.records import RecordStore
from itsms_tui.ui.app import ItsmsApp, make_app
from itsms_tui.ui.compliance.alignment_view import AlignmentGrid
from itsms_tui.ui.compliance.settings_form import (
    CheckSettingsForm,
    current_values,
    tier_field,
    validate_settings,
)
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.screens import compliance as compliance_module
from itsms_tui.ui.screens.compliance import ComplianceScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    demo_app,
    fixed_today,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)

SnapCompare = Callable[..., bool]

CLOSE = "[/x]"
BOLD = "[bold]Acme"
CLICK = "[@click=app.quit]x[/]"


async def open_compliance(pilot: Pilot[Any]) -> ComplianceScreen:
    await settle(pilot)
    await pilot.press("6")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ComplianceScreen)
    return screen


def demo_findings(app: ItsmsApp) -> list[Finding]:
    return run_checks(app.workspace.data(), CheckSettings(), FIXED_TODAY)


async def test_summary_shows_every_clause_with_met_and_not_met_in_words() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_compliance(pilot)
        text = screen_text(app)
        found = demo_findings(app)
        for summary in summarise(found):
            line = next(ln for ln in text.splitlines() if ln[2:].startswith(summary.clause + " "))
            assert f"{summary.met} of {summary.checked} met" in line
            if summary.not_met:
                assert f"✖ {summary.not_met} not met" in line
            if summary.no_evidence:
                assert f"{summary.no_evidence} no evidence" in line
            if summary.met == summary.checked:
                assert "● all met" in line
            assert f"{summary.errors} error" in line
            assert f"{summary.warnings} warning" in line
        errors = sum(f.is_error for f in found)
        assert f"Findings: {errors} errors, {len(found) - errors} warnings" in text
        assert f"{len(found)} of {len(found)} findings shown" in text


async def test_severity_and_clause_keys_narrow_the_findings() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        found = demo_findings(app)
        assert screen.findings_shown() == found

        await pilot.press("v")
        shown = screen.findings_shown()
        assert shown == [f for f in found if f.severity is Severity.ERROR]
        assert "severity [v] error" in screen_text(app)
        assert "✖ error" in screen_text(app)

        await pilot.press("v")
        assert screen.findings_shown() == [f for f in found if f.severity is Severity.WARNING]

        await pilot.press("v", "c")  # the first clause: 6.1, where the risk rules are
        assert screen.findings_shown() == [f for f in found if f.clause == "6.1"]
        assert "clause [c] 6.1" in screen_text(app)
        assert "▶ 6.1" in screen_text(app)

        await pilot.press("c", "c")
        assert screen.findings_shown() == [f for f in found if f.clause == "8.3.2"]

        await pilot.press("c")
        assert screen.findings_shown() == [f for f in found if f.clause == "8.3.3"]

        await pilot.press("slash", *"KPI-MISSED", "enter")
        await pilot.pause()
        narrowed = screen.findings_shown()
        assert narrowed and all(f.rule == "KPI-MISSED" for f in narrowed)
        assert len(narrowed) < len([f for f in found if f.clause == "8.3.3"])


@pytest.mark.parametrize(
    ("rule", "record_id", "mode"),
    [
        ("SUP-EVALUATION", "SUP-0007", "suppliers"),
        ("AGR-CONTENT", "AGR-0007", "agreements"),
    ],
)
async def test_enter_on_a_finding_opens_its_record(rule: str, record_id: str, mode: str) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        await pilot.press("slash", *rule, "enter")
        await pilot.pause()
        finding = screen.findings_table.cursor_row_object
        assert finding is not None and finding.rule == rule and finding.record_id == record_id

        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == mode
        focused = app.screen.focused
        assert isinstance(focused, RecordTable)
        assert focused.cursor_key == record_id


async def test_alignment_matrix_marks_the_weaker_underpinning_cell() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        await pilot.press("right_square_bracket")
        assert screen.active_tab == "alignment-tab"
        assert screen.sla_table.has_focus
        while (choice := screen.matrix_choice()) is not None and choice.sla_id != "AGR-0016":
            await pilot.press("j")
        assert choice is not None and choice.weaker > 0
        await pilot.pause()

        text = screen_text(app)
        assert "AGR-0002" in text and "AGR-0016" in text
        p1 = next(ln for ln in text.splitlines() if ln.startswith(" P1 response"))
        assert "✖ 30" in p1  # the underpinning carrier contract promises less
        assert "15" in p1

        strips = app.screen._compositor.render_strips()
        weaker = [
            seg.style
            for strip in strips
            for seg in strip
            if "✖ 30" in seg.text and isinstance(seg.style, Style)
        ]
        assert weaker and weaker[0].color is not None
        red = weaker[0].color.get_truecolor()
        assert red.red > 2 * max(red.green, red.blue), "weaker cells are red as well as marked"

        grid = app.screen.query_one(AlignmentGrid)
        assert grid.matrix is not None and grid.matrix.sla_id == "AGR-0016"

        while (choice := screen.matrix_choice()) is not None and choice.sla_id != "AGR-0015":
            await pilot.press("k")
        await pilot.pause()
        assert choice is not None and choice.weaker == 0 and choice.accepted > 0
        availability = next(
            ln for ln in screen_text(app).splitlines() if ln.startswith(" availability")
        )
        assert "◇ 99.5" in availability  # Calder's SLA exception allows Meridian's level


async def test_many_agreements_page_with_the_arrow_keys_keeping_the_sla_column() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        await pilot.press("right_square_bracket")  # AGR-0014: nine agreements on its service
        grid = app.screen.query_one(AlignmentGrid)
        assert grid.matrix is not None and len(grid.matrix.columns) == 10
        first_page = grid.shown_columns()
        assert first_page[0] == 0 and len(first_page) < 10
        assert "← → show the others" in screen_text(app)

        await pilot.press("tab")
        assert grid.has_focus
        for _ in range(10):
            await pilot.press("right")
        last_page = grid.shown_columns()
        assert last_page[0] == 0 and last_page[-1] == 9
        assert "(contract)" in screen_text(app)  # context columns: shown, not judged
        await pilot.press("left")
        assert grid.shown_columns()[1] == last_page[1] - 1
        assert screen.active_tab == "alignment-tab"


async def test_settings_change_the_findings_and_are_saved_with_the_data() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        assert any(f.rule == "RSK-TREATMENT" for f in screen.findings_shown())

        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CheckSettingsForm)
        field = form.field_row("risk_acceptance_score").query_one(Input)
        assert field.has_focus and field.value == "9"

        await pilot.press("end", "backspace", "3", "0", "ctrl+s")
        await pilot.pause()
        assert app.screen is form, "30 is above the highest score: the form stays open"
        assert "must be at most 25" in screen_text(app)

        await pilot.press("backspace", "backspace", "2", "5", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen  # type: ignore[comparison-overlap]  # narrowed before an await
        assert app.workspace.settings()["risk_acceptance_score"] == 25
        assert app.settings.risk_acceptance_score == 25
        assert not any(f.rule.startswith("RSK-TREATMENT") for f in screen.findings_shown())
        trail = [e for e in app.workspace.store.audit_trail() if e.collection == "settings"]
        assert len(trail) == 1


def test_settings_form_files_a_tier_error_under_that_tier() -> None:
    values = current_values(CheckSettings())
    values[tier_field(Criticality.CRITICAL)] = "0"
    values["dispute_max_open_days"] = "45"
    settings, errors = validate_settings(values)
    assert settings is None
    assert errors == {tier_field(Criticality.CRITICAL): "must be at least 1"}

    values[tier_field(Criticality.CRITICAL)] = "2"
    settings, errors = validate_settings(values)
    assert errors == {}
    assert settings is not None
    assert settings.supplier_review_months[Criticality.CRITICAL] == 2
    assert settings.dispute_max_open_days == 45


async def test_read_only_hides_the_settings_key() -> None:
    app = demo_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        keys = {b.binding.action for b in screen.active_bindings.values()}
        assert "cycle_clause" in keys
        assert "settings" not in keys
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is screen


async def test_edit_key_opens_the_form_of_the_finding_record() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        finding = screen.findings_table.cursor_row_object
        assert finding is not None
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert app.screen.record is not None and app.screen.record.id == finding.record_id


async def test_the_checker_runs_in_a_worker_thread_and_follows_new_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    real = compliance_module.compliance_report  # type: ignore[attr-defined]

    def recording(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(compliance_module, "compliance_report", recording)
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compliance(pilot)
        assert threads and all(t is not threading.main_thread() for t in threads)
        assert any(f.record_id == "AGR-0007" for f in screen.findings_shown())

        contract = app.workspace.store.get(Agreement, "AGR-0007")
        fixed = contract.model_copy(update={"authorities": ["Head of IT signs orders"]})
        app.workspace.save(fixed)  # as another session would
        app.load_data()
        await settle(pilot)
        assert not any(
            f.record_id == "AGR-0007" and f.rule == "AGR-CONTENT" for f in screen.findings_shown()
        )
        assert len(threads) >= 2

        assert any(f.record_id == "AMD-0003" for f in screen.findings_shown())
        await pilot.press("1")  # another area: a change there is caught up on return
        await settle(pilot)
        amendment = app.workspace.store.get(Amendment, "AMD-0003")
        app.workspace.save(amendment.model_copy(update={"impact_assessment": "Cost +4 %"}))
        app.load_data()
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        assert not any(f.record_id == "AMD-0003" for f in screen.findings_shown())


def markup_workspace() -> Workspace:
    """A supplier without a contract and an SLA weaker underneath, named like markup."""
    ws = Workspace(RecordStore.in_memory(), today=fixed_today)
    service = ws.save(Service(name=f"{BOLD} service"))
    owner = ws.save(Person(name=BOLD))
    ws.save(
        Supplier(
            name=CLICK,
            kind=SupplierKind.EXTERNAL,
            status=SupplierStatus.APPROVED,
            approved_on=FIXED_TODAY - timedelta(days=30),
            relationship_owner=owner.id,
        )
    )
    underpinning = ws.save(
        Agreement(
            title=f"{CLOSE} contract",
            kind=AgreementKind.UNDERPINNING_CONTRACT,
            status=AgreementStatus.DRAFT,
            service_ids=[service.id],
            targets=[ServiceTarget(metric=CLICK, target=90, unit="%")],
            priority_times=[
                PriorityTimes(priority=Priority.P1, response_minutes=60, resolution_minutes=600)
            ],
        )
    )
    ws.save(
        Agreement(
            title=f"{BOLD} SLA",
            kind=AgreementKind.CUSTOMER_SLA,
            customer_id=ws.save(Customer(name=CLOSE)).id,
            status=AgreementStatus.ACTIVE,
            service_ids=[service.id],
            underpinning_ids=[underpinning.id],
            targets=[ServiceTarget(metric=CLICK, target=99, unit="%")],
            priority_times=[
                PriorityTimes(priority=Priority.P1, response_minutes=15, resolution_minutes=240)
            ],
        )
    )
    return ws


async def test_markup_like_names_appear_literally_in_findings_and_matrix() -> None:
    app = make_app(markup_workspace(), poll_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compliance(pilot)
        messages = [f.message for f in screen.findings_shown()]
        assert any(m.startswith(f"SUP-0001 {CLICK}:") for m in messages)
        await pilot.press("slash", *"SUP-0001", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert CLICK in text

        await pilot.press("escape", "right_square_bracket")
        await pilot.pause()
        text = screen_text(app)
        assert f"{BOLD} SLA" in text
        assert f"{CLOSE} contract" in text
        assert CLICK in text  # the target's name, in the matrix's first column
        assert "✖ 90" in text
        assert app.is_running and app.return_code is None


def after(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_compliance_snapshot(snap_compare: SnapCompare) -> None:
    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=after("6"))


def test_alignment_snapshot(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        demo_app(), terminal_size=SIZE, run_before=after("6", "right_square_bracket", "j")
    )


async def test_an_empty_data_file_reads_no_evidence_not_all_met(tmp_path: Any) -> None:
    from tests.ui.shell_support import file_app

    app = file_app(tmp_path / "empty.json")
    async with app.run_test(size=SIZE) as pilot:
        await open_compliance(pilot)
        text = screen_text(app)
        line = next(ln for ln in text.splitlines() if ln[2:].startswith("8.1 "))
        assert " 0 of " in line and "no evidence" in line
        assert "all met" not in text
