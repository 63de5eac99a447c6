"""Reading customer fields: a customer id as the name people know them by."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.calendar import add_months
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.customers import Customer, CustomerReview, SatisfactionResult
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ServiceStatus


def customer_name(data: DataSet, customer_id: str | None) -> str:
    """How a customer field reads: the customer's name, the bare id if unknown, '' if unset."""
    if not customer_id:
        return ""
    customer = data.get(customer_id)
    return customer.heading if isinstance(customer, Customer) else customer_id


def customer_names(data: DataSet, customer_ids: list[str]) -> str:
    """A list of customers as ``Name, Name``."""
    return ", ".join(customer_name(data, cid) for cid in customer_ids)


def live_services_of(data: DataSet, customer_id: str) -> list[str]:
    """The ids of the live services ``customer_id`` uses, in id order."""
    return sorted(
        s.id
        for s in data.referring(customer_id, Service)
        if s.status is ServiceStatus.LIVE and customer_id in s.customer_ids
    )


def _next_due(last: date | None, customer: Customer, months: int) -> date:
    """``months`` after ``last``, or after the customer was recorded when there is none."""
    try:
        return add_months(last if last is not None else customer.created_at.date(), months)
    except OverflowError:
        return date.max


def last_review(data: DataSet, customer_id: str) -> CustomerReview | None:
    """The latest service review held with the customer."""
    reviews = data.referring(customer_id, CustomerReview)
    return max(reviews, key=lambda r: (r.held_on, r.id), default=None)


def last_satisfaction(data: DataSet, customer_id: str) -> SatisfactionResult | None:
    """The latest satisfaction result of the customer."""
    results = data.referring(customer_id, SatisfactionResult)
    return max(results, key=lambda r: (r.measured_on, r.id), default=None)


def customer_review_due(data: DataSet, customer: Customer, months: int) -> date | None:
    """When the next service review with ``customer`` is due; None: none is planned
    (``months`` is 0, or the customer uses no live service)."""
    if months <= 0 or not live_services_of(data, customer.id):
        return None
    last = last_review(data, customer.id)
    return _next_due(last.held_on if last else None, customer, months)


def satisfaction_due(data: DataSet, customer: Customer, months: int) -> date | None:
    """When the customer's next satisfaction result is due (None as for reviews)."""
    if months <= 0 or not live_services_of(data, customer.id):
        return None
    last = last_satisfaction(data, customer.id)
    return _next_due(last.measured_on if last else None, customer, months)
