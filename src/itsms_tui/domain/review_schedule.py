"""When suppliers and agreements are due for review (clause 8.3.3 and 8.3.4).

- The next review is due ``interval`` months after the last review held, or, before any
  review, ``interval`` months after the supplier was approved (``approved_on``) or the
  agreement started (``start_date``). With neither known there is no due date (None).
- A review is overdue from the day after its due date; on the due date it is on time.
- A review dated after today has not been held yet: it does not count as the last review
  and is reported as ``planned`` instead.
- A supplier's reviews are every ``SupplierReview`` with its ``supplier_id``, contract
  reviews (with an ``agreement_id``) included: they review the supplier too. An agreement's
  reviews are those with its ``agreement_id``.
- Supplier interval: ``review_interval_months``, else the tier default
  (``DEFAULT_REVIEW_MONTHS``, which settings may override per tier). Agreement interval:
  ``review_interval_months``, else ``DEFAULT_AGREEMENT_REVIEW_MONTHS`` (None: unscheduled).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.calendar import add_months
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import Criticality
from itsms_tui.domain.suppliers import Supplier, SupplierReview

DEFAULT_REVIEW_MONTHS: Mapping[Criticality, int] = MappingProxyType(
    {
        Criticality.CRITICAL: 3,
        Criticality.HIGH: 6,
        Criticality.MEDIUM: 12,
        Criticality.LOW: 12,
    }
)
"""Supplier review interval by criticality tier, when the supplier sets none."""

DEFAULT_AGREEMENT_REVIEW_MONTHS = 12
"""Agreement review interval when the agreement sets none."""


@dataclass(frozen=True, slots=True)
class ReviewStatus:
    """A supplier's or agreement's review schedule as of a given day."""

    interval_months: int | None
    last_review: date | None
    last_review_id: str | None
    next_due: date | None
    overdue: bool
    days_until_due: int | None
    """``next_due - today`` in days; negative when overdue."""
    planned: date | None
    """The earliest review recorded with a date after today, if any."""


def next_review_due(
    last_review: date | None, interval_months: int | None, first_due_from: date | None
) -> date | None:
    """``interval_months`` after the last review, else after ``first_due_from``; else None."""
    base = last_review or first_due_from
    if base is None or interval_months is None or interval_months < 1:
        return None
    try:
        return add_months(base, interval_months)
    except OverflowError:
        return None


def review_overdue(next_due: date | None, today: date) -> bool:
    """True from the day after ``next_due``; never when there is no due date."""
    return next_due is not None and today > next_due


def supplier_review_interval(
    supplier: Supplier, tier_months: Mapping[Criticality, int] | None = None
) -> int:
    """The supplier's own interval, else its tier's (``tier_months`` overrides the defaults)."""
    if supplier.review_interval_months is not None:
        return supplier.review_interval_months
    merged = {**DEFAULT_REVIEW_MONTHS, **(tier_months or {})}
    return merged[supplier.criticality]


def agreement_review_interval(
    agreement: Agreement, default_months: int | None = DEFAULT_AGREEMENT_REVIEW_MONTHS
) -> int | None:
    """The agreement's own interval, else ``default_months`` (None: not scheduled)."""
    if agreement.review_interval_months is not None:
        return agreement.review_interval_months
    return default_months


def _review_key(r: SupplierReview) -> tuple[date, datetime, int, str]:
    return (r.held_on, r.created_at, len(r.id), r.id)


def review_status(
    reviews: Iterable[SupplierReview],
    interval_months: int | None,
    first_due_from: date | None,
    today: date,
) -> ReviewStatus:
    """The schedule from these reviews (already selected for one subject)."""
    ordered = sorted(reviews, key=_review_key)
    held = [r for r in ordered if r.held_on <= today]
    future = [r for r in ordered if r.held_on > today]
    last = held[-1] if held else None
    last_day = last.held_on if last else None
    due = next_review_due(last_day, interval_months, first_due_from)
    return ReviewStatus(
        interval_months=interval_months,
        last_review=last_day,
        last_review_id=(last.id or None) if last else None,
        next_due=due,
        overdue=review_overdue(due, today),
        days_until_due=None if due is None else (due - today).days,
        planned=future[0].held_on if future else None,
    )


def supplier_review_status(
    supplier: Supplier,
    reviews: Iterable[SupplierReview],
    today: date,
    tier_months: Mapping[Criticality, int] | None = None,
) -> ReviewStatus:
    """The supplier's review schedule; reviews of other suppliers are ignored."""
    own = [r for r in reviews if r.supplier_id == supplier.id]
    interval = supplier_review_interval(supplier, tier_months)
    return review_status(own, interval, supplier.approved_on, today)


def agreement_review_status(
    agreement: Agreement,
    reviews: Iterable[SupplierReview],
    today: date,
    default_months: int | None = DEFAULT_AGREEMENT_REVIEW_MONTHS,
) -> ReviewStatus:
    """The agreement's review schedule; only reviews naming this agreement count."""
    own = [r for r in reviews if agreement.id and r.agreement_id == agreement.id]
    interval = agreement_review_interval(agreement, default_months)
    return review_status(own, interval, agreement.start_date, today)


def supplier_review_statuses(
    data: DataSet, today: date, tier_months: Mapping[Criticality, int] | None = None
) -> dict[str, ReviewStatus]:
    """Every supplier's review schedule, by supplier id."""
    return {
        s.id: supplier_review_status(s, data.referring(s.id, SupplierReview), today, tier_months)
        for s in data.all(Supplier)
    }


def agreement_review_statuses(
    data: DataSet, today: date, default_months: int | None = DEFAULT_AGREEMENT_REVIEW_MONTHS
) -> dict[str, ReviewStatus]:
    """Every agreement's review schedule, by agreement id."""
    return {
        a.id: agreement_review_status(
            a, data.referring(a.id, SupplierReview), today, default_months
        )
        for a in data.all(Agreement)
    }
