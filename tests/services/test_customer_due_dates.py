"""Customer reviews, satisfaction surveys and complaint targets in the due list (the
calendar feed and ``itsms-tui due`` read it)."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.customers import ComplaintSeverity, ComplaintStatus
from itsms_tui.domain.dataset import DataSet
from itsms_tui.services.due_dates import DueKind, due_items
from tests.compliance.builders import TODAY, edit, healthy


def _customer_items(data: DataSet) -> list[tuple[DueKind, date, str, str]]:
    kinds = {DueKind.CUSTOMER_REVIEW, DueKind.SATISFACTION, DueKind.COMPLAINT}
    return [
        (i.kind, i.due, i.record_id, i.person_id) for i in due_items(data, TODAY) if i.kind in kinds
    ]


def test_reviews_surveys_and_complaint_targets_fall_due() -> None:
    assert _customer_items(healthy()) == [
        (DueKind.COMPLAINT, date(2025, 6, 29), "CMP-0001", "PER-0003"),
        (DueKind.CUSTOMER_REVIEW, date(2025, 9, 20), "CUS-0001", "PER-0003"),
        (DueKind.SATISFACTION, date(2025, 10, 10), "CUS-0001", "PER-0003"),
    ]


def test_a_high_complaint_is_due_sooner_and_a_resolved_one_not_at_all() -> None:
    data = edit(healthy(), "CMP-0001", severity=ComplaintSeverity.HIGH)
    assert (DueKind.COMPLAINT, date(2025, 6, 19), "CMP-0001", "PER-0003") in _customer_items(data)
    edit(
        data,
        "CMP-0001",
        status=ComplaintStatus.RESOLVED,
        resolution="Queue drained",
        resolved_on=TODAY,
    )
    assert all(kind is not DueKind.COMPLAINT for kind, *_ in _customer_items(data))


def test_a_customer_of_no_live_service_has_nothing_due() -> None:
    data = edit(healthy(), "SVC-0001", status="retired")
    assert [kind for kind, *_ in _customer_items(data)] == [DueKind.COMPLAINT]
