"""Clause 8.1 risk and change rules, with their threshold and review-period boundaries."""

from __future__ import annotations

from datetime import date, timedelta

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ChangeKind, ChangeStatus, RiskStatus, RiskTreatment
from tests.compliance.builders import TODAY, change, edit, findings, flagged, healthy, without

DAY = timedelta(days=1)


def test_risk_above_threshold_needs_an_owner() -> None:
    assert flagged(healthy(), "RSK-OWNER") == []
    data = edit(healthy(), "RSK-0001", owner="")
    [found] = findings(data, "RSK-OWNER")
    assert "score 16 is above the acceptance threshold 9" in found.message
    assert flagged(data, "RSK-OWNER", settings=CheckSettings(risk_acceptance_score=16)) == []
    assert flagged(edit(data, "RSK-0001", status=RiskStatus.CLOSED), "RSK-OWNER") == []


def test_risk_at_the_threshold_may_go_without_owner_and_be_accepted() -> None:
    data = edit(
        healthy(),
        "RSK-0001",
        likelihood=3,
        impact=3,
        owner="",
        treatment=RiskTreatment.ACCEPT,
        accepted_by="PER-0005",
        accepted_on=date(2025, 5, 1),
        mitigation_actions=[],
    )
    assert flagged(data, "RSK-OWNER") == []
    assert flagged(data, "RSK-TREATMENT") == []
    edit(data, "RSK-0001", impact=4)
    assert flagged(data, "RSK-OWNER") == ["RSK-0001"]
    assert flagged(data, "RSK-TREATMENT") == ["RSK-0001"]


def test_risk_above_threshold_is_not_accepted_and_has_actions() -> None:
    assert flagged(healthy(), "RSK-TREATMENT") == []
    accepted = edit(healthy(), "RSK-0001", treatment=RiskTreatment.ACCEPT)
    assert "treated as accepted" in findings(accepted, "RSK-TREATMENT")[0].message
    untracked = without(healthy(), "ACN-0002")  # the improvement action tracking it
    bare = edit(untracked, "RSK-0001", treatment=RiskTreatment.TRANSFER, mitigation_actions=[])
    assert (
        "no mitigation actions for treatment transfer" in findings(bare, "RSK-TREATMENT")[0].message
    )


def test_risk_review_due_today_is_on_time_yesterday_is_late() -> None:
    assert flagged(healthy(), "RSK-REVIEW") == []
    assert flagged(edit(healthy(), "RSK-0001", review_date=TODAY), "RSK-REVIEW") == []
    late = edit(healthy(), "RSK-0001", review_date=TODAY - DAY)
    [found] = findings(late, "RSK-REVIEW")
    assert found.severity == "error"
    assert flagged(edit(late, "RSK-0001", status=RiskStatus.CLOSED), "RSK-REVIEW") == []


def test_risk_without_review_date_is_a_warning() -> None:
    [found] = findings(edit(healthy(), "RSK-0001", review_date=None), "RSK-REVIEW")
    assert found.severity == "warning"


def _only(*changes: ChangeRequest) -> DataSet:
    return DataSet(changes)


def test_change_implemented_without_approval() -> None:
    assert flagged(healthy(), "CHG-APPROVAL") == []
    data = _only(change(approver="", approved_on=None, requested_on=None))
    assert findings(data, "CHG-APPROVAL")[0].message.endswith(
        "implemented without a recorded approval"
    )


def test_change_approved_after_it_was_implemented() -> None:
    same_day = _only(change(approved_on=TODAY - DAY, implemented_on=TODAY - DAY))
    assert flagged(same_day, "CHG-APPROVAL") == []
    late = _only(change(approved_on=TODAY, implemented_on=TODAY - DAY))
    assert "before its approval" in findings(late, "CHG-APPROVAL")[0].message


def test_rejected_change_that_was_implemented() -> None:
    data = _only(change(status=ChangeStatus.REJECTED, reviewed_on=None, closed_on=None))
    assert "although the change was rejected" in findings(data, "CHG-APPROVAL")[0].message
    not_done = _only(
        change(status=ChangeStatus.REJECTED, implemented_on=None, reviewed_on=None, closed_on=None)
    )
    assert flagged(not_done, "CHG-APPROVAL") == []


def test_standard_and_unplanned_changes_are_not_checked_for_approval() -> None:
    data = _only(
        change(1, kind=ChangeKind.STANDARD, approver="", approved_on=None, requested_on=None),
        change(2, kind=ChangeKind.UNPLANNED, approver="", approved_on=None, requested_on=None),
    )
    assert flagged(data, "CHG-APPROVAL") == []


def _implemented(kind: ChangeKind, on_day: int) -> DataSet:
    return _only(
        change(
            kind=kind,
            status=ChangeStatus.IMPLEMENTED,
            approved_on=TODAY - timedelta(days=on_day + 1),
            requested_on=TODAY - timedelta(days=on_day + 2),
            implemented_on=TODAY - timedelta(days=on_day),
            reviewed_on=None,
            review_notes="",
            closed_on=None,
        )
    )


def test_post_implementation_review_within_the_period() -> None:
    assert flagged(_implemented(ChangeKind.NORMAL, 30), "CHG-PIR") == []
    [found] = findings(_implemented(ChangeKind.NORMAL, 31), "CHG-PIR")
    assert "review was due" in found.message and "(1 day ago)" in found.message
    assert flagged(_implemented(ChangeKind.STANDARD, 300), "CHG-PIR") == []
    longer = CheckSettings(post_implementation_review_days=31)
    assert flagged(_implemented(ChangeKind.NORMAL, 31), "CHG-PIR", settings=longer) == []


def test_emergency_change_reviewed_afterwards() -> None:
    assert flagged(_implemented(ChangeKind.EMERGENCY, 10), "CHG-EMERGENCY-REVIEW") == []
    data = _implemented(ChangeKind.EMERGENCY, 11)
    assert flagged(data, "CHG-EMERGENCY-REVIEW") == ["CHG-0001"]
    edit(data, "CHG-0001", reviewed_on=TODAY, review_notes="Root cause fixed.")
    assert flagged(data, "CHG-EMERGENCY-REVIEW") == []


def test_emergency_change_closed_without_review() -> None:
    data = _only(change(kind=ChangeKind.EMERGENCY, reviewed_on=None, review_notes=""))
    assert findings(data, "CHG-EMERGENCY-REVIEW")[0].message.endswith(
        "emergency change closed without a review"
    )


def test_unplanned_change_has_a_review() -> None:
    assert flagged(_implemented(ChangeKind.UNPLANNED, 10), "CHG-UNPLANNED-REVIEW") == []
    assert flagged(_implemented(ChangeKind.UNPLANNED, 11), "CHG-UNPLANNED-REVIEW") == ["CHG-0001"]
    assert flagged(_implemented(ChangeKind.UNPLANNED, 11), "CHG-EMERGENCY-REVIEW") == []


def test_imported_history_is_listed_with_what_it_lacks() -> None:
    assert flagged(healthy(), "CHG-HISTORY") == []
    data = _only(
        change(approver="", approved_on=None, status=ChangeStatus.CLOSED, imported_history=True)
    )
    [finding] = findings(data, "CHG-HISTORY")
    assert finding.severity.value == "warning"
    assert finding.message.endswith(": imported history: closed without Approver, Decided on")
