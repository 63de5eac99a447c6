"""The overview's "needs attention" list is drawn from the clause checker's findings."""

from __future__ import annotations

from datetime import date, timedelta

from itsms_tui.compliance.engine import RULES, run_checks
from itsms_tui.compliance.findings import Severity
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.enums import ChangeStatus
from itsms_tui.services.attention import (
    DATED_WARNING_RULES,
    AttentionItem,
    Topic,
    Urgency,
    attention_items,
    topic_of,
)
from itsms_tui.services.workspace import Workspace
from tests.compliance.builders import TODAY, change, edit, healthy, kpi, measurement

DEMO_TODAY = date(2026, 3, 2)


def by_rule(items: list[AttentionItem], rule: str) -> list[AttentionItem]:
    return [i for i in items if i.rule == rule]


def test_a_healthy_organisation_needs_no_attention() -> None:
    assert attention_items(healthy(), TODAY) == []


def test_a_requirement_not_met_is_a_red_line_naming_the_record_and_the_problem() -> None:
    data = edit(healthy(), "SUP-0001", relationship_owner="")
    (item,) = attention_items(data, TODAY)
    assert item.urgency is Urgency.RED
    assert item.rule == "SUP-OWNER"
    assert item.record_id == "SUP-0001"
    supplier = data.get("SUP-0001")
    assert supplier is not None
    assert item.record == supplier.display
    assert item.detail == "no relationship owner named"
    assert item.text == f"{item.record}: no relationship owner named"
    assert item.topic is Topic.SUPPLIER


def test_a_cancel_by_date_coming_up_is_an_amber_line() -> None:
    # Ends 2025-09-01 with 60 days' notice: cancel by 2025-07-03, 17 days after TODAY.
    data = edit(healthy(), "AGR-0001", end_date=date(2025, 9, 1))
    items = attention_items(data, TODAY)
    (item,) = by_rule(items, "AGR-CANCEL-BY")
    assert item.urgency is Urgency.AMBER
    assert item.topic is Topic.CANCEL_BY
    assert "2025-07-03" in item.detail


def test_a_good_practice_warning_without_a_date_stays_on_the_compliance_screen() -> None:
    data = edit(healthy(), "RSK-0001", review_date=None)
    found = run_checks(data, CheckSettings(), TODAY)
    assert [(f.rule, f.severity) for f in found] == [("RSK-REVIEW", Severity.WARNING)]
    assert attention_items(data, TODAY) == []


def test_red_lines_come_first_and_amber_lines_keep_the_checker_order() -> None:
    data = edit(healthy(), "AGR-0001", end_date=date(2025, 9, 1))
    edit(data, "SUP-0002", relationship_owner="")
    data.add(
        change(
            2,
            status=ChangeStatus.SUBMITTED,
            approver="",
            approved_on=None,
            implemented_on=None,
            review_notes="",
            reviewed_on=None,
            closed_on=None,
        )
    )
    items = attention_items(data, TODAY)
    assert [i.urgency for i in items] == [Urgency.RED, Urgency.AMBER, Urgency.AMBER]
    assert [i.record_id for i in items] == ["SUP-0002", "AGR-0001", "CHG-0002"]
    assert items[2].topic is Topic.CHANGE_APPROVAL
    assert items[2].detail == "submitted, to decide"


def test_a_red_kpi_is_listed_once_even_when_a_finding_names_it() -> None:
    data = healthy()
    data.add(measurement(9, "KPI-0002", measured_on=date(2025, 6, 10), value=90))
    data.add(measurement(10, "KPI-0003", measured_on=date(2025, 6, 10), value=90))
    items = attention_items(data, TODAY)
    kpi_lines = [(i.record_id, i.rule, i.topic) for i in items if i.record_id.startswith("KPI")]
    # KPI-0002 measures a supplier, KPI-0003 the SLA: each missed target without an
    # improvement action is a KPI-MISSED finding, and the supplier's red KPI a SUP-KPI-RED
    # one; the findings are the lines (no extra "red KPI" line for either).
    assert sorted(kpi_lines) == [
        ("KPI-0002", "KPI-MISSED", Topic.RED_KPI),
        ("KPI-0002", "SUP-KPI-RED", Topic.RED_KPI),
        ("KPI-0003", "KPI-MISSED", Topic.RED_KPI),
    ]
    data.add(kpi(9, "PRC-0001", name="Process KPI"))
    data.add(measurement(11, "KPI-0009", measured_on=date(2025, 6, 10), value=90))
    items = attention_items(data, TODAY)
    assert ("KPI-0009", "", Topic.RED_KPI) in [(i.record_id, i.rule, i.topic) for i in items]


def test_given_findings_are_used_as_they_are() -> None:
    data = edit(healthy(), "SUP-0001", relationship_owner="")
    assert attention_items(data, TODAY, findings=[]) == []
    found = run_checks(data, CheckSettings(), TODAY)
    assert attention_items(data, TODAY, findings=found) == attention_items(data, TODAY)


def test_settings_change_what_is_listed() -> None:
    data = edit(healthy(), "AGR-0001", end_date=date(2025, 9, 1))
    assert by_rule(attention_items(data, TODAY), "AGR-CANCEL-BY")
    quiet = CheckSettings(cancel_by_warning_days=10)
    assert not by_rule(attention_items(data, TODAY, quiet), "AGR-CANCEL-BY")


def test_every_rule_has_a_topic_that_fits_the_overview_column() -> None:
    for rule in RULES:
        assert topic_of(rule.id) is not Topic.FINDING, rule.id
    assert all(len(topic.value) <= 16 for topic in Topic)
    assert {r.id for r in RULES} >= DATED_WARNING_RULES


def test_on_the_demo_every_error_finding_is_on_the_list() -> None:
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    data = workspace.data()
    found = run_checks(data, CheckSettings(), DEMO_TODAY)
    items = attention_items(data, DEMO_TODAY)
    listed = {(i.rule, i.record_id, i.detail) for i in items if i.rule}
    for finding in found:
        if finding.is_error:
            assert any(
                (finding.rule, finding.record_id) == (r, rid) and finding.message.endswith(d)
                for r, rid, d in listed
            ), finding.message
    assert len({i.key for i in items}) == len(items)


def test_each_rule_carries_its_topic_and_whether_its_warnings_are_dated() -> None:
    by_id = {r.id: r for r in RULES}
    assert by_id["AGR-CANCEL-BY"].dated and by_id["AGR-CANCEL-BY"].topic is Topic.CANCEL_BY
    assert not by_id["SLA-ALIGN"].dated
    assert {
        "AGR-CANCEL-BY",
        "ACT-OVERDUE",
        "OBJ-OVERDUE",
        "DSP-OPEN",
        "KPI-CURRENT",
        "SLA-TERM",
        "CMP-OVERDUE",
        "CUS-REVIEW",
        "CUS-SATISFACTION",
    } == DATED_WARNING_RULES


def _item(urgency: Urgency, days: int | None, name: str) -> AttentionItem:
    due = None if days is None else TODAY + timedelta(days=days)
    return AttentionItem(Topic.FINDING, urgency, name, name, "x", days=days, due=due)


def test_urgency_order_pins_today_then_overdue_then_due_later_then_waiting() -> None:
    from itsms_tui.services.attention import urgency_order

    items = [
        _item(Urgency.AMBER, None, "waiting"),
        _item(Urgency.AMBER, 50, "in-50-days"),
        _item(Urgency.RED, None, "not-met"),
        _item(Urgency.AMBER, 3, "in-3-days"),
        _item(Urgency.AMBER, -2, "2-days-late"),
        _item(Urgency.RED, -20, "20-days-late"),
        _item(Urgency.AMBER, 0, "today-amber"),
        _item(Urgency.RED, 0, "today-red"),
    ]
    assert [i.record_id for i in urgency_order(items)] == [
        "today-red",
        "today-amber",
        "20-days-late",
        "2-days-late",
        "not-met",
        "in-3-days",
        "in-50-days",
        "waiting",
    ]
    assert [i.due_today for i in urgency_order(items)][:3] == [True, True, False]


def test_the_demo_cancel_by_today_comes_first() -> None:
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    items = attention_items(workspace.data(), DEMO_TODAY)
    first = items[0]
    assert (first.rule, first.record_id, first.due) == ("AGR-CANCEL-BY", "AGR-0004", DEMO_TODAY)
    assert first.due_today
    # Dated findings carry their date: an overdue review is ordered by it.
    dated = [i for i in items if i.due is not None]
    assert {"ACT-OVERDUE", "SUP-REVIEW", "ACN-OVERDUE"} <= {i.rule for i in dated}
    overdue = [i for i in items if i.days is not None and i.days < 0]
    assert overdue == sorted(overdue, key=lambda i: i.due or DEMO_TODAY)
