"""Clause 8.3.2 and the 8.3.3 SLA cover per customer: each rule on the healthy data set
(met) and with one thing broken (the finding a user reads)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from itsms_tui.compliance.findings import Severity
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.customers import Complaint, ComplaintSeverity, ComplaintStatus
from itsms_tui.domain.enums import ServiceStatus
from itsms_tui.domain.people import Person, PersonStatus
from tests.compliance.builders import (
    TODAY,
    build,
    complaint,
    customer,
    customer_review,
    edit,
    findings,
    flagged,
    healthy,
    satisfaction,
    service,
    sla,
    without,
)

# ------------------------------------------------------------------ SLA per customer (8.3.3)


def test_a_second_customer_of_a_service_needs_an_sla_of_its_own() -> None:
    data = healthy()
    data.add(customer(2, name="Wholesale"))
    edit(data, "SVC-0001", customer_ids=["CUS-0001", "CUS-0002"])
    [found] = findings(data, "SVC-SLA")
    assert found.clause == "8.3.3"
    assert found.record_ids == ("SVC-0001", "CUS-0002")
    assert "no active customer SLA for its customer CUS-0002 Wholesale" in found.message


def test_the_second_customers_own_sla_covers_the_pair() -> None:
    data = healthy()
    data.add(customer(2, name="Wholesale"))
    edit(data, "SVC-0001", customer_ids=["CUS-0001", "CUS-0002"])
    data.add(sla(4, customer_id="CUS-0002"))
    assert flagged(data, "SVC-SLA") == []


def test_an_sla_for_another_service_does_not_cover_the_pair() -> None:
    data = healthy()
    data.add(service(2, name="Hosting", customer_ids=["CUS-0001"]))
    [found] = findings(data, "SVC-SLA")
    assert found.record_ids == ("SVC-0002", "CUS-0001")


def test_the_demo_reports_its_three_uncovered_customer_service_pairs() -> None:
    from itsms_tui.snapshot.demo import load_demo

    data = load_demo(TODAY)
    found = findings(data, "SVC-SLA")
    pairs = sorted(f.record_ids for f in found)
    assert pairs == [
        ("SVC-0001", "CUS-0003"),
        ("SVC-0002", "CUS-0002"),
        ("SVC-0004", "CUS-0003"),
    ]


# ------------------------------------------------------------------ satisfaction


def test_healthy_customer_relations_meet_every_8_3_2_rule() -> None:
    data = healthy()
    for rule_id in ("CUS-SATISFACTION", "SAT-ACTION", "CMP-OVERDUE", "CMP-ESCALATE", "CUS-REVIEW"):
        assert findings(data, rule_id) == [], rule_id


def test_a_customer_without_a_recent_satisfaction_result_is_a_finding() -> None:
    data = edit(healthy(), "SAT-0001", measured_on=date(2024, 11, 30))
    [found] = findings(data, "CUS-SATISFACTION")
    assert found.clause == "8.3.2" and found.record_ids == ("CUS-0001", "SAT-0001")
    assert "no satisfaction result within 6 months" in found.message
    assert "last measured 2024-11-30" in found.message
    longer = CheckSettings(satisfaction_interval_months=12)
    assert flagged(data, "CUS-SATISFACTION", settings=longer) == []


def test_a_customer_never_measured_is_a_finding_once_the_interval_passed() -> None:
    data = without(healthy(), "SAT-0001")
    [found] = findings(data, "CUS-SATISFACTION")
    assert "never measured" in found.message


def test_a_customer_of_no_live_service_needs_no_survey() -> None:
    data = without(healthy(), "SAT-0001")
    data.add(customer(2, name="Prospect"))
    assert [f.record_id for f in findings(data, "CUS-SATISFACTION")] == ["CUS-0001"]


def test_a_low_score_without_an_action_is_a_finding() -> None:
    data = edit(healthy(), "SAT-0001", score=2.5)
    [found] = findings(data, "SAT-ACTION")
    assert found.record_ids == ("SAT-0001", "CUS-0001")
    assert "SAT-0001 Survey 2025-04: Retail division: score 2.5 of 5" in found.message
    assert "no improvement action" in found.message
    edit(data, "SAT-0001", action_ids=["ACN-0001"])
    assert flagged(data, "SAT-ACTION") == []


def test_low_is_a_share_of_the_scale() -> None:
    data = edit(healthy(), "SAT-0001", score=55, scale_max=100)
    assert flagged(data, "SAT-ACTION") == ["SAT-0001"]
    assert flagged(data, "SAT-ACTION", settings=CheckSettings(satisfaction_low_share=0.5)) == []


def test_a_score_above_its_scale_is_refused() -> None:
    with pytest.raises(ValidationError, match="above the scale"):
        satisfaction(score=6)


# ------------------------------------------------------------------ complaints


def test_an_open_complaint_past_its_target_is_overdue() -> None:
    data = edit(healthy(), "CMP-0001", received_on=date(2025, 5, 1))  # medium: 20 days
    [found] = findings(data, "CMP-OVERDUE")
    assert found.record_ids == ("CMP-0001", "CUS-0001")
    assert "target resolution 2025-05-21 passed 26 days ago" in found.message
    assert found.due == date(2025, 5, 21)


def test_a_complaint_with_its_own_later_target_is_not_overdue() -> None:
    data = edit(healthy(), "CMP-0001", received_on=date(2025, 5, 1), target_on=date(2025, 7, 1))
    assert flagged(data, "CMP-OVERDUE") == []


def test_a_resolved_complaint_is_not_overdue() -> None:
    data = edit(
        healthy(),
        "CMP-0001",
        received_on=date(2025, 5, 1),
        status=ComplaintStatus.RESOLVED,
        resolution="Queue drained",
        resolved_on=date(2025, 6, 1),
    )
    assert flagged(data, "CMP-OVERDUE") == []


def test_an_unescalated_high_complaint_is_a_finding() -> None:
    data = edit(healthy(), "CMP-0001", severity=ComplaintSeverity.HIGH)
    [found] = findings(data, "CMP-ESCALATE")
    assert "high complaint is investigating and not escalated" in found.message
    edit(data, "CMP-0001", escalated_to="PER-0001", escalated_on=TODAY)
    assert flagged(data, "CMP-ESCALATE") == []


def test_closing_a_complaint_needs_resolution_date_and_report() -> None:
    with pytest.raises(ValidationError, match="needs a resolution and the resolved-on date"):
        complaint(status=ComplaintStatus.RESOLVED)
    with pytest.raises(ValidationError, match="reported to the customer"):
        complaint(status=ComplaintStatus.CLOSED, resolution="Fixed", resolved_on=TODAY)
    closed = complaint(
        status=ComplaintStatus.CLOSED, resolution="Fixed", resolved_on=TODAY, reported_on=TODAY
    )
    assert isinstance(closed, Complaint) and closed.status is ComplaintStatus.CLOSED


def test_a_complaint_cannot_be_resolved_before_it_was_received() -> None:
    with pytest.raises(ValidationError, match="resolved_on"):
        complaint(status=ComplaintStatus.RESOLVED, resolution="Fixed", resolved_on=date(2025, 1, 1))


# ------------------------------------------------------------------ customer reviews


def test_a_customer_without_a_review_in_the_interval_is_a_finding() -> None:
    data = edit(healthy(), "CRV-0001", held_on=date(2024, 11, 1))
    [found] = findings(data, "CUS-REVIEW")
    assert found.record_ids == ("CUS-0001", "CRV-0001")
    assert "service review every 6 months was due 2025-05-01 (46 days ago)" in found.message
    assert flagged(data, "CUS-REVIEW", settings=CheckSettings(customer_review_months=12)) == []
    assert flagged(data, "CUS-REVIEW", settings=CheckSettings(customer_review_months=0)) == []


def test_a_customer_never_reviewed_is_due_one_interval_after_it_was_recorded() -> None:
    data = without(healthy(), "CRV-0001")
    [found] = findings(data, "CUS-REVIEW")
    assert "was due 2024-07-01" in found.message and "none held yet" in found.message
    data.add(customer_review(2, held_on=date(2025, 6, 1)))
    assert flagged(data, "CUS-REVIEW") == []


def test_no_customer_of_a_live_service_is_no_evidence() -> None:
    data = edit(healthy(), "SVC-0001", customer_ids=[])
    [found] = findings(data, "CUS-REVIEW")
    assert found.no_evidence and "no customer of a live service" in found.message


# ------------------------------------------------------------------ relationship manager


def _person(number: int, **kw: object) -> Person:
    return build(Person, number, **{"name": "Ann Lee", **kw})


def test_a_customer_with_an_active_relationship_manager_meets_the_rule() -> None:
    data = healthy()
    data.add(_person(3))
    assert findings(data, "CUS-MANAGER") == []


def test_a_customer_of_a_live_service_without_a_relationship_manager_is_an_error() -> None:
    data = edit(healthy(), "CUS-0001", relationship_manager=None)
    [found] = findings(data, "CUS-MANAGER")
    assert found.clause == "8.3.2"
    assert found.severity is Severity.ERROR
    assert found.record_ids == ("CUS-0001", "SVC-0001")
    assert found.message == (
        "CUS-0001 Retail division: uses the live service SVC-0001 E-mail but no "
        "relationship manager is designated"
    )


def test_a_relationship_manager_who_has_left_is_an_error() -> None:
    data = healthy()
    data.add(_person(3, status=PersonStatus.LEFT))
    [found] = findings(data, "CUS-MANAGER")
    assert found.record_ids == ("CUS-0001", "PER-0003", "SVC-0001")
    assert "its relationship manager PER-0003 Ann Lee has left" in found.message


def test_a_customer_of_no_live_service_needs_no_manager() -> None:
    data = edit(healthy(), "CUS-0001", relationship_manager=None)
    edit(data, "SVC-0001", status=ServiceStatus.RETIRED)
    assert flagged(data, "CUS-MANAGER") == []


def test_no_customer_of_a_live_service_leaves_the_manager_rule_without_evidence() -> None:
    data = edit(healthy(), "SVC-0001", customer_ids=[])
    [found] = findings(data, "CUS-MANAGER")
    assert found.no_evidence and found.severity is Severity.ERROR
