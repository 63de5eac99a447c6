"""Clause 8.3.4 reviews at planned intervals and improvement actions, with due-day boundaries."""

from __future__ import annotations

from datetime import date, timedelta

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.enums import ActionStatus, Criticality, SupplierStatus
from tests.compliance.builders import TODAY, edit, findings, flagged, healthy, without

DAY = timedelta(days=1)


def test_supplier_review_due_today_is_on_time() -> None:
    """SUP-0001 is critical: a review every 3 months; TODAY is 2025-06-16."""
    assert flagged(healthy(), "SUP-REVIEW") == []
    on_time = edit(healthy(), "REV-0001", held_on=date(2025, 3, 16))
    assert flagged(on_time, "SUP-REVIEW") == []
    late = edit(healthy(), "REV-0001", held_on=date(2025, 3, 15))
    [found] = findings(late, "SUP-REVIEW")
    assert found.message == (
        "SUP-0001 Northwind Hosting: review every 3 months was due 2025-06-15 (1 day ago); "
        "last held 2025-03-15"
    )
    assert found.record_ids == ("SUP-0001", "REV-0001")


def test_supplier_review_interval_by_tier_and_settings() -> None:
    late = edit(healthy(), "REV-0001", held_on=date(2025, 3, 15))
    assert flagged(edit(late, "SUP-0001", criticality=Criticality.HIGH), "SUP-REVIEW") == []
    monthly = CheckSettings(supplier_review_months={Criticality.CRITICAL: 1})
    assert flagged(healthy(), "SUP-REVIEW", settings=monthly) == ["SUP-0001"]
    own = edit(healthy(), "SUP-0001", review_interval_months=1)
    assert flagged(own, "SUP-REVIEW") == ["SUP-0001"]


def test_first_supplier_review_due_one_interval_after_approval() -> None:
    data = without(healthy(), "REV-0001", "ACN-0001")
    edit(data, "SUP-0001", approved_on=TODAY - timedelta(days=90))
    assert flagged(data, "SUP-REVIEW") == []
    edit(data, "SUP-0001", approved_on=date(2025, 3, 15))
    assert "none held yet" in findings(data, "SUP-REVIEW")[0].message


def test_supplier_review_without_anything_to_schedule_from_is_a_warning() -> None:
    data = without(healthy(), "REV-0001", "ACN-0001")
    edit(data, "SUP-0001", approved_on=None)
    [found] = findings(data, "SUP-REVIEW")
    assert found.severity == "warning"


def test_supplier_reviews_skip_proposed_and_exited_suppliers() -> None:
    late = edit(healthy(), "REV-0001", held_on=date(2024, 1, 1))
    for status in (SupplierStatus.PROPOSED, SupplierStatus.EVALUATING, SupplierStatus.EXITED):
        assert flagged(edit(late, "SUP-0001", status=status), "SUP-REVIEW") == []


def test_contract_review_due_today_is_on_time() -> None:
    """AGR-0001 is reviewed yearly (the default); REV-0001 reviews it."""
    assert flagged(healthy(), "AGR-REVIEW") == []
    assert flagged(edit(healthy(), "REV-0001", held_on=date(2024, 6, 16)), "AGR-REVIEW") == []
    late = edit(healthy(), "REV-0001", held_on=date(2024, 6, 15))
    [found] = findings(late, "AGR-REVIEW")
    assert "contract review every 12 months was due 2025-06-15 (1 day ago)" in found.message


def test_first_contract_review_one_interval_after_start() -> None:
    """AGR-0002 (an OLA) has no review yet: due a year after its start."""
    data = edit(healthy(), "AGR-0002", start_date=date(2024, 6, 16))
    assert flagged(data, "AGR-REVIEW") == []
    edit(data, "AGR-0002", start_date=date(2024, 6, 15))
    assert flagged(data, "AGR-REVIEW") == ["AGR-0002"]
    unscheduled = CheckSettings(agreement_review_months=0)
    assert flagged(data, "AGR-REVIEW", settings=unscheduled) == []
    edit(data, "AGR-0002", review_interval_months=6)
    assert flagged(data, "AGR-REVIEW", settings=unscheduled) == ["AGR-0002"]


def test_customer_slas_are_not_contract_reviewed() -> None:
    data = edit(healthy(), "AGR-0003", start_date=date(2020, 1, 1))
    assert flagged(data, "AGR-REVIEW") == []


def test_improvement_action_past_due() -> None:
    assert flagged(edit(healthy(), "ACN-0001", due_date=TODAY), "ACN-OVERDUE") == []
    late = edit(healthy(), "ACN-0001", due_date=TODAY - DAY, status=ActionStatus.IN_PROGRESS)
    [found] = findings(late, "ACN-OVERDUE")
    assert found.record_ids == ("ACN-0001", "REV-0001", "SUP-0001")
    assert "still in progress (PER-0004)" in found.message
    assert flagged(late, "ACN-OVERDUE", settings=CheckSettings(action_grace_days=1)) == []
    for finished in (ActionStatus.DONE, ActionStatus.CANCELLED):
        assert flagged(edit(late, "ACN-0001", status=finished), "ACN-OVERDUE") == []
