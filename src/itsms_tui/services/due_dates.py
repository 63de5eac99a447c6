"""Everything that falls due on a date, for the calendar feed and the due digest.

One list serves both ``itsms-tui calendar`` and ``itsms-tui due``, so a date in the
calendar is always the date the digest names. The dates come from the domain rules the
screens and the checker use (review schedules, contract terms, KPI periods); records
that are not in force have nothing due, under the checker's own rules: reviews of engaged
suppliers and of active supplier-side agreements, terms of active agreements, risks not
closed, activities and actions not done or cancelled, customers using a live service,
complaints still open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import SUPPLIER_SIDE_KINDS, Agreement
from itsms_tui.domain.contract_term import term_dates
from itsms_tui.domain.customer_refs import customer_review_due, satisfaction_due
from itsms_tui.domain.customers import OPEN_COMPLAINT, Complaint, Customer, complaint_target
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    AgreementStatus,
    RiskStatus,
)
from itsms_tui.domain.kpi_status import kpi_readings
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.obligations import ENGAGED_SUPPLIER, FINISHED_ACTIVITY, OPEN_ACTION
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.plan import Activity
from itsms_tui.domain.review_schedule import agreement_review_statuses, supplier_review_statuses
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import ImprovementAction, Supplier


class DueKind(StrEnum):
    SUPPLIER_REVIEW = "supplier review"
    AGREEMENT_REVIEW = "agreement review"
    CANCEL_BY = "cancel-by"
    TERM_END = "term end"
    RISK_REVIEW = "risk review"
    KPI_MEASUREMENT = "KPI measurement"
    ACTIVITY = "activity due"
    ACTION = "action due"
    CUSTOMER_REVIEW = "customer review"
    SATISFACTION = "satisfaction"
    COMPLAINT = "complaint target"


@dataclass(frozen=True, slots=True)
class DueItem:
    """One date by which something must be done, and who must do it (as stored)."""

    kind: DueKind
    due: date
    record_id: str
    title: str
    person_id: str
    """The id of the owner or responsible person (PER-), "" when the record names no one."""
    person: str = ""
    """That person's name (``due_items`` fills it in)."""

    @property
    def key(self) -> str:
        """Stable identity across runs (record and kind, not the date): a calendar UID."""
        return f"{self.record_id}/{self.kind.name.lower()}"

    def overdue(self, today: date) -> bool:
        return self.due < today


def due_items(
    data: DataSet, today: date, saved_settings: Mapping[str, Any] | None = None
) -> list[DueItem]:
    """Every open due date, sorted by date, then record id and kind."""
    settings = CheckSettings.from_saved(saved_settings)
    items: list[DueItem] = []
    supplier_reviews = supplier_review_statuses(data, today, settings.supplier_review_months)
    for supplier in data.all(Supplier):
        status = supplier_reviews[supplier.id]
        if supplier.status in ENGAGED_SUPPLIER and status.next_due is not None:
            items.append(
                DueItem(
                    DueKind.SUPPLIER_REVIEW,
                    status.next_due,
                    supplier.id,
                    f"Review supplier {supplier.name}",
                    supplier.relationship_owner or "",
                )
            )
    agreement_reviews = agreement_review_statuses(
        data, today, settings.agreement_review_months or None
    )
    for agreement in data.all(Agreement):
        if agreement.status is not AgreementStatus.ACTIVE:
            continue
        review_due = agreement_reviews[agreement.id].next_due
        if agreement.kind not in SUPPLIER_SIDE_KINDS:
            review_due = None
        items.extend(_agreement_items(agreement, review_due, today))
    for risk in data.all(Risk):
        if risk.review_date is not None and risk.status is not RiskStatus.CLOSED:
            items.append(
                DueItem(
                    DueKind.RISK_REVIEW,
                    risk.review_date,
                    risk.id,
                    f"Review risk {risk.title}",
                    risk.owner or "",
                )
            )
    readings = kpi_readings(data, today, settings.kpi_grace_days, settings.kpi_grace_fraction)
    for kpi in data.all(Kpi):
        next_due = readings[kpi.id].next_due
        if next_due is not None:
            items.append(
                DueItem(
                    DueKind.KPI_MEASUREMENT,
                    next_due,
                    kpi.id,
                    f"Measure KPI {kpi.name}",
                    kpi.owner or "",
                )
            )
    for activity in data.all(Activity):
        if activity.due_date is not None and activity.status not in FINISHED_ACTIVITY:
            person = activity.responsible or activity.accountable or ""
            items.append(
                DueItem(
                    DueKind.ACTIVITY,
                    activity.due_date,
                    activity.id,
                    f"Activity {activity.name}",
                    person,
                )
            )
    for action in data.all(ImprovementAction):
        if action.due_date is not None and action.status in OPEN_ACTION:
            items.append(
                DueItem(
                    DueKind.ACTION,
                    action.due_date,
                    action.id,
                    f"Action {action.description}",
                    action.owner or "",
                )
            )
    items.extend(_customer_items(data, settings))
    named = [replace(i, person=person_name(data, i.person_id)) for i in items]
    return sorted(named, key=lambda i: (i.due, i.record_id, i.kind.name))


def _customer_items(data: DataSet, settings: CheckSettings) -> list[DueItem]:
    """Service reviews and satisfaction surveys due with each customer of a live service
    (the checker's CUS-REVIEW and CUS-SATISFACTION dates), and open complaints' targets."""
    out: list[DueItem] = []
    for customer in data.all(Customer):
        manager = customer.relationship_manager or ""
        review_due = customer_review_due(data, customer, settings.customer_review_months)
        if review_due is not None:
            out.append(
                DueItem(
                    DueKind.CUSTOMER_REVIEW,
                    review_due,
                    customer.id,
                    f"Service review with {customer.name}",
                    manager,
                )
            )
        survey_due = satisfaction_due(data, customer, settings.satisfaction_interval_months)
        if survey_due is not None:
            out.append(
                DueItem(
                    DueKind.SATISFACTION,
                    survey_due,
                    customer.id,
                    f"Measure the satisfaction of {customer.name}",
                    manager,
                )
            )
    for complaint in data.all(Complaint):
        if complaint.status in OPEN_COMPLAINT:
            out.append(
                DueItem(
                    DueKind.COMPLAINT,
                    complaint_target(complaint, settings.complaint_days),
                    complaint.id,
                    f"Resolve complaint {complaint.title}",
                    complaint.owner or "",
                )
            )
    return out


def _agreement_items(agreement: Agreement, review_due: date | None, today: date) -> list[DueItem]:
    out: list[DueItem] = []
    if review_due is not None:
        out.append(
            DueItem(
                DueKind.AGREEMENT_REVIEW,
                review_due,
                agreement.id,
                f"Review agreement {agreement.title}",
                agreement.owner or "",
            )
        )
    try:
        term = term_dates(agreement, today)
    except OverflowError:
        return out
    if term.cancel_by is not None:
        out.append(
            DueItem(
                DueKind.CANCEL_BY,
                term.cancel_by,
                agreement.id,
                f"Last day to give notice on {agreement.title}",
                agreement.owner or "",
            )
        )
    if term.term_end is not None:
        out.append(
            DueItem(
                DueKind.TERM_END,
                term.term_end,
                agreement.id,
                f"Term ends: {agreement.title}",
                agreement.owner or "",
            )
        )
    return out


def person_matches(item: DueItem, person: str) -> bool:
    """Whether ``item`` is ``person``'s: ``person`` is a person id, or their name
    (compared with spaces collapsed and case ignored)."""
    if item.person_id and person.strip() == item.person_id:
        return True
    wanted = " ".join(person.split()).casefold()
    return bool(wanted) and " ".join(item.person.split()).casefold() == wanted


def for_person(items: list[DueItem], person: str | None) -> list[DueItem]:
    return items if person is None else [i for i in items if person_matches(i, person)]
