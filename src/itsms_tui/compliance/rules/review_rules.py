"""Clause 8.3.4 reviews at planned intervals: supplier reviews, contract reviews, and the
improvement actions they raise.

Schedules come from ``domain.review_schedule`` (interval per tier, first review due one
interval after approval or start; a review due today is on time). Reviews are recorded
against a supplier, so customer SLAs have no review records and are not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import Check, Evidence, Rule, any_of, days, rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.obligations import (
    OPEN_ACTION,
    agreement_reviews_due,
    supplier_reviews_due,
)
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.review_schedule import (
    ReviewStatus,
    agreement_review_status,
    supplier_review_status,
)
from itsms_tui.domain.suppliers import ImprovementAction, Supplier, SupplierReview

SUP_REVIEW = Check("SUP-REVIEW", "8.3.4", Topic.SUPPLIER_REVIEW)
AGR_REVIEW = Check("AGR-REVIEW", "8.3.4", Topic.AGREEMENT_REVIEW)
ACN_OVERDUE = Check("ACN-OVERDUE", "8.3.4", Topic.ACTION)


def _late(status: ReviewStatus, today: date) -> str:
    due = status.next_due
    assert due is not None
    last = f"last held {status.last_review}" if status.last_review else "none held yet"
    return (
        f"review every {status.interval_months} months was due {due} "
        f"({days((today - due).days)} ago); {last}"
    )


def supplier_review(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for supplier in data.all(Supplier):
        if not supplier_reviews_due(supplier):
            continue
        reviews = data.referring(supplier.id, SupplierReview)
        status = supplier_review_status(supplier, reviews, today, settings.supplier_review_months)
        if status.overdue:
            yield SUP_REVIEW.error(
                supplier, _late(status, today), status.last_review_id, due=status.next_due
            )
        elif status.next_due is None:
            yield SUP_REVIEW.warning(
                supplier, "no review held and no approval date to schedule the first one from"
            )


def agreement_review(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    default = settings.agreement_review_months or None
    for agreement in data.all(Agreement):
        if not agreement_reviews_due(agreement):
            continue
        reviews = data.referring(agreement.id, SupplierReview)
        status = agreement_review_status(agreement, reviews, today, default)
        if status.overdue:
            yield AGR_REVIEW.error(
                agreement,
                f"contract {_late(status, today)}",
                status.last_review_id,
                due=status.next_due,
            )
        elif status.next_due is None and status.interval_months is not None:
            yield AGR_REVIEW.warning(
                agreement, "no contract review held and no start date to schedule one from"
            )


def action_overdue(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    grace = timedelta(days=settings.action_grace_days)
    for action in data.all(ImprovementAction):
        due = action.due_date
        if action.status in OPEN_ACTION and due is not None and today > due + grace:
            owner = person_name(data, action.owner) or "no owner"
            yield ACN_OVERDUE.error(
                action,
                f"improvement action due {due} ({days((today - due).days)} ago) is still "
                f"{action.status.value.replace('_', ' ')} ({owner})",
                action.review_id,
                action.supplier_id,
                action.agreement_id,
                action.kpi_id,
                due=due,
            )


RULES: tuple[Rule, ...] = (
    rule(
        SUP_REVIEW,
        "Supplier reviews are not overdue",
        "A supplier from approval to suspension is reviewed at its interval (its own, or "
        "its tier's); the first review is due one interval after approval.",
        supplier_review,
        Evidence("supplier", any_of(Supplier, supplier_reviews_due)),
    ),
    rule(
        AGR_REVIEW,
        "Contract reviews are not overdue",
        "An active contract, underpinning contract or OLA is reviewed at its interval (its "
        "own, or the default); the first review is due one interval after its start.",
        agreement_review,
        Evidence("active supplier agreement", any_of(Agreement, agreement_reviews_due)),
    ),
    rule(
        ACN_OVERDUE,
        "Improvement actions are not past due",
        "An open or in-progress improvement action (from a review, a missed target or a "
        "dispute) is done by its due date plus the grace days.",
        action_overdue,
        Evidence("improvement action", any_of(ImprovementAction)),
    ),
)
