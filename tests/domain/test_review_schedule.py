"""When suppliers and agreements are due for review, and when they are overdue."""

from __future__ import annotations

from datetime import date

import pytest

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import Criticality
from itsms_tui.domain.review_schedule import (
    DEFAULT_REVIEW_MONTHS,
    agreement_review_status,
    agreement_review_statuses,
    next_review_due,
    review_overdue,
    supplier_review_interval,
    supplier_review_status,
    supplier_review_statuses,
)
from itsms_tui.domain.suppliers import Supplier, SupplierReview

_counter = iter(range(1, 100_000))


def review(
    held_on: date, supplier_id: str = "SUP-0001", agreement_id: str | None = None
) -> SupplierReview:
    return SupplierReview(
        id=f"REV-{next(_counter):04d}",
        supplier_id=supplier_id,
        agreement_id=agreement_id,
        held_on=held_on,
    )


def supplier(
    tier: Criticality = Criticality.CRITICAL,
    interval: int | None = None,
    approved: date | None = date(2024, 1, 15),
    supplier_id: str = "SUP-0001",
) -> Supplier:
    return Supplier(
        id=supplier_id,
        name="Acme Hosting",
        criticality=tier,
        review_interval_months=interval,
        approved_on=approved,
    )


def test_tier_defaults() -> None:
    assert dict(DEFAULT_REVIEW_MONTHS) == {
        Criticality.CRITICAL: 3,
        Criticality.HIGH: 6,
        Criticality.MEDIUM: 12,
        Criticality.LOW: 12,
    }
    with pytest.raises(TypeError):
        DEFAULT_REVIEW_MONTHS[Criticality.LOW] = 1  # type: ignore[index]


def test_next_review_due_from_last_review_else_from_the_start() -> None:
    assert next_review_due(date(2024, 3, 10), 6, date(2020, 1, 1)) == date(2024, 9, 10)
    assert next_review_due(None, 6, date(2024, 1, 15)) == date(2024, 7, 15)
    assert next_review_due(None, 6, None) is None
    assert next_review_due(date(2024, 8, 31), 6, None) == date(2025, 2, 28)
    assert next_review_due(date(2024, 8, 31), None, None) is None


def test_review_is_overdue_from_the_day_after_it_is_due() -> None:
    due = date(2024, 9, 10)
    assert review_overdue(due, date(2024, 9, 10)) is False
    assert review_overdue(due, date(2024, 9, 11)) is True
    assert review_overdue(None, date(2030, 1, 1)) is False


def test_supplier_interval_own_value_then_tier_then_overrides() -> None:
    assert supplier_review_interval(supplier(Criticality.HIGH)) == 6
    assert supplier_review_interval(supplier(Criticality.HIGH, interval=2)) == 2
    overrides = {Criticality.HIGH: 4}
    assert supplier_review_interval(supplier(Criticality.HIGH), overrides) == 4
    assert supplier_review_interval(supplier(Criticality.CRITICAL), overrides) == 3


def test_supplier_never_reviewed_is_due_one_interval_after_approval() -> None:
    status = supplier_review_status(supplier(), [], date(2024, 4, 16))
    assert status.last_review is None
    assert status.next_due == date(2024, 4, 15)
    assert status.overdue is True
    assert status.days_until_due == -1


def test_supplier_without_approval_date_or_reviews_has_no_due_date() -> None:
    status = supplier_review_status(supplier(approved=None), [], date(2024, 4, 16))
    assert (status.next_due, status.overdue, status.days_until_due) == (None, False, None)


def test_supplier_last_review_counts_contract_reviews_and_ignores_other_suppliers() -> None:
    reviews = [
        review(date(2024, 2, 1)),
        review(date(2024, 5, 20), agreement_id="AGR-0001"),
        review(date(2024, 7, 1), supplier_id="SUP-0002"),
    ]
    status = supplier_review_status(supplier(), reviews, date(2024, 8, 1))
    assert status.last_review == date(2024, 5, 20)
    assert status.last_review_id == reviews[1].id
    assert status.next_due == date(2024, 8, 20)
    assert (status.overdue, status.days_until_due) == (False, 19)


def test_a_review_dated_after_today_is_planned_not_held() -> None:
    reviews = [review(date(2024, 2, 1)), review(date(2024, 6, 1))]
    status = supplier_review_status(supplier(), reviews, date(2024, 5, 10))
    assert status.last_review == date(2024, 2, 1)
    assert status.overdue is True
    assert status.planned == date(2024, 6, 1)


def agreement(interval: int | None = None, start: date | None = date(2024, 1, 1)) -> Agreement:
    return Agreement(
        id="AGR-0001",
        title="Hosting contract",
        supplier_id="SUP-0001",
        start_date=start,
        review_interval_months=interval,
    )


def test_agreement_review_uses_its_interval_and_its_own_reviews() -> None:
    reviews = [review(date(2024, 3, 1)), review(date(2024, 4, 30), agreement_id="AGR-0001")]
    status = agreement_review_status(agreement(interval=6), reviews, date(2024, 10, 31))
    assert status.last_review == date(2024, 4, 30)
    assert status.next_due == date(2024, 10, 30)
    assert status.overdue is True


def test_agreement_without_interval_falls_back_to_the_default_or_is_unscheduled() -> None:
    status = agreement_review_status(agreement(), [], date(2024, 6, 1))
    assert (status.interval_months, status.next_due) == (12, date(2025, 1, 1))
    unscheduled = agreement_review_status(agreement(), [], date(2030, 6, 1), default_months=None)
    assert (unscheduled.next_due, unscheduled.overdue) == (None, False)
    assert agreement_review_status(agreement(start=None), [], date(2030, 1, 1)).next_due is None


def test_statuses_for_a_whole_dataset() -> None:
    data = DataSet(
        [
            supplier(),
            supplier(Criticality.LOW, supplier_id="SUP-0002"),
            agreement(interval=3),
            review(date(2024, 3, 1), agreement_id="AGR-0001"),
        ]
    )
    today = date(2024, 6, 5)
    suppliers = supplier_review_statuses(data, today)
    assert suppliers["SUP-0001"].next_due == date(2024, 6, 1)
    assert suppliers["SUP-0001"].overdue is True
    assert suppliers["SUP-0002"].next_due == date(2025, 1, 15)
    agreements = agreement_review_statuses(data, today)
    assert agreements["AGR-0001"].next_due == date(2024, 6, 1)
