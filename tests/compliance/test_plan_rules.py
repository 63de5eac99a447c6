"""Clause 8.1 operational plan rules: processes, outsourcing, objectives, activities, resources."""

from __future__ import annotations

from datetime import timedelta

from itsms_tui.domain.enums import ActivityStatus, AgreementStatus, ObjectiveStatus
from tests.compliance.builders import (
    TODAY,
    activity,
    allocation,
    edit,
    findings,
    flagged,
    healthy,
    without,
)

DAY = timedelta(days=1)


def test_process_without_owner_or_criteria() -> None:
    assert flagged(healthy(), "PRC-OWNER") == []
    assert flagged(healthy(), "PRC-CRITERIA") == []
    data = edit(healthy(), "PRC-0001", owner=" ", performance_criteria=[])
    assert flagged(data, "PRC-OWNER") == ["PRC-0001"]
    assert flagged(data, "PRC-CRITERIA") == ["PRC-0001"]
    [found] = findings(data, "PRC-OWNER")
    assert found.message == "PRC-0001 Incident management: process has no owner"
    assert found.clause == "8.1"


def test_outsourced_activity_is_covered_by_an_active_agreement_with_its_supplier() -> None:
    assert flagged(healthy(), "PRC-OUTSOURCED") == []
    data = edit(healthy(), "ACT-0001", agreement_id=None)
    [found] = findings(data, "PRC-OUTSOURCED")
    assert found.record_ids == ("ACT-0001", "PRC-0001", "SUP-0001")
    assert "names no agreement that covers it" in found.message


def test_outsourced_activity_under_another_suppliers_agreement() -> None:
    data = edit(healthy(), "ACT-0001", agreement_id="AGR-0002")
    [found] = findings(data, "PRC-OUTSOURCED")
    assert "is with SUP-0002, not SUP-0001" in found.message


def test_outsourced_activity_under_an_ended_or_customer_agreement() -> None:
    data = edit(healthy(), "AGR-0001", status=AgreementStatus.EXPIRED)
    [found] = findings(data, "PRC-OUTSOURCED")
    assert "is expired, not active" in found.message
    data = edit(healthy(), "ACT-0001", agreement_id="AGR-0003")
    assert "customer SLA" in findings(data, "PRC-OUTSOURCED")[0].message


def test_outsourced_activity_naming_only_an_agreement() -> None:
    data = edit(healthy(), "ACT-0001", supplier_id=None)
    assert "names no supplier" in findings(data, "PRC-OUTSOURCED")[0].message


def test_in_house_and_finished_activities_need_no_agreement() -> None:
    data = healthy()
    data.add(activity(2, supplier_id=None, agreement_id=None))
    data.add(activity(3, supplier_id="SUP-0001", status=ActivityStatus.DONE))
    data.add(activity(4, supplier_id="SUP-0001", status=ActivityStatus.CANCELLED))
    assert flagged(data, "PRC-OUTSOURCED") == []


def test_objective_definition() -> None:
    assert flagged(healthy(), "OBJ-DEFINED") == []
    data = edit(healthy(), "OBJ-0001", owner="", due_date=None, evaluation="")
    [found] = findings(data, "OBJ-DEFINED")
    assert found.message.endswith("objective has no owner, due date and evaluation of results")
    edit(data, "OBJ-0001", status=ObjectiveStatus.CANCELLED)
    assert flagged(data, "OBJ-DEFINED") == []


def test_objective_needs_a_kpi() -> None:
    assert flagged(healthy(), "OBJ-KPI") == []
    data = without(healthy(), "KPI-0001", "MEA-0001")
    assert flagged(data, "OBJ-KPI") == ["OBJ-0001"]


def test_objective_overdue_from_the_day_after_its_due_date() -> None:
    assert flagged(edit(healthy(), "OBJ-0001", due_date=TODAY), "OBJ-OVERDUE") == []
    data = edit(healthy(), "OBJ-0001", due_date=TODAY - DAY)
    [found] = findings(data, "OBJ-OVERDUE")
    assert found.severity == "warning"
    assert "(1 day ago)" in found.message
    for done in (ObjectiveStatus.ACHIEVED, ObjectiveStatus.MISSED, ObjectiveStatus.CANCELLED):
        assert flagged(edit(data, "OBJ-0001", status=done), "OBJ-OVERDUE") == []


def test_activity_definition() -> None:
    assert flagged(healthy(), "ACT-DEFINED") == []
    data = edit(healthy(), "ACT-0001", responsible="", start_date=None)
    [found] = findings(data, "ACT-DEFINED")
    assert found.message.endswith("activity has no responsible party and start date")
    assert found.record_ids == ("ACT-0001", "PRC-0001")
    assert flagged(edit(data, "ACT-0001", status=ActivityStatus.CANCELLED), "ACT-DEFINED") == []


def test_activity_overdue_from_the_day_after_its_due_date() -> None:
    assert flagged(edit(healthy(), "ACT-0001", due_date=TODAY), "ACT-OVERDUE") == []
    data = edit(healthy(), "ACT-0001", due_date=TODAY - DAY)
    assert flagged(data, "ACT-OVERDUE") == ["ACT-0001"]
    assert "still in progress" in findings(data, "ACT-OVERDUE")[0].message
    assert flagged(edit(data, "ACT-0001", status=ActivityStatus.DONE), "ACT-OVERDUE") == []


def test_resource_full_is_fine_over_capacity_is_not() -> None:
    assert flagged(edit(healthy(), "ALC-0001", amount=2.0), "RES-CAPACITY") == []
    data = healthy()
    data.add(allocation(2, amount=1.0))
    [found] = findings(data, "RES-CAPACITY")
    assert found.record_ids == ("RES-0001", "ALC-0001", "ALC-0002")
    assert "2.5 FTE allocated today against a capacity of 2 FTE (125 %)" in found.message


def test_resource_allocations_count_only_while_in_force() -> None:
    data = healthy()
    data.add(allocation(2, amount=1.0, end_date=TODAY - DAY))
    data.add(allocation(3, amount=1.0, start_date=TODAY + DAY))
    assert flagged(data, "RES-CAPACITY") == []
    edit(data, "ALC-0002", end_date=TODAY)
    assert flagged(data, "RES-CAPACITY") == ["RES-0001"]
