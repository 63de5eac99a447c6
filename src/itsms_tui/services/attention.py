"""What needs attention today: the overview's list, computed in one place.

Pure over a DataSet and today, so it can be tested directly and later be replaced by
the clause checker's findings without touching the screen. Dates and statuses come
from the domain rules (contract_term, review_schedule, kpi_status, risk_rating).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.contract_term import term_dates
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    AgreementStatus,
    ChangeStatus,
    KpiStatus,
    RiskStatus,
    SupplierStatus,
)
from itsms_tui.domain.kpi_status import kpi_readings
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.review_schedule import agreement_review_statuses, supplier_review_statuses
from itsms_tui.domain.risk_rating import RiskBand, rated_band, rated_score
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import Supplier

REVIEWED_SUPPLIER_STATUSES = frozenset(
    {
        SupplierStatus.APPROVED,
        SupplierStatus.ACTIVE,
        SupplierStatus.UNDER_REVIEW,
        SupplierStatus.SUSPENDED,
    }
)
"""Suppliers whose reviews fall due (not yet approved or exited ones have no schedule)."""

LIVE_AGREEMENT_STATUSES = frozenset({AgreementStatus.ACTIVE})
AWAITING_APPROVAL = frozenset({ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED})


class Urgency(StrEnum):
    """RED: already late or failing. AMBER: falls due soon or waits for someone."""

    RED = "red"
    AMBER = "amber"


class Topic(StrEnum):
    SUPPLIER_REVIEW = "Supplier review"
    AGREEMENT_REVIEW = "Agreement review"
    CANCEL_BY = "Cancel-by"
    RED_KPI = "KPI red"
    CHANGE_APPROVAL = "Change decision"
    UNMITIGATED_RISK = "Risk unmitigated"


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One line of "needs attention today"; ``record_id`` is where Enter jumps."""

    topic: Topic
    urgency: Urgency
    record_id: str
    record: str
    """The record's display name (user text, shown literally)."""
    detail: str
    """Why it is listed, briefly: ``due 2026-11-09, 16d ago``."""
    days: int | None = None
    """Days until (positive) or since (negative) the date concerned, when there is one."""

    @property
    def text(self) -> str:
        """``AGR-0002 Hosting: cancel-by 2026-12-01 (in 6 days)``."""
        return f"{self.record}: {self.detail}"


def _in_days(days: int) -> str:
    """``today``, ``in 5d``, ``16d ago``: short enough for a column."""
    if days == 0:
        return "today"
    return f"in {days}d" if days > 0 else f"{-days}d ago"


def attention_items(
    data: DataSet, today: date, settings: CheckSettings | None = None
) -> list[AttentionItem]:
    """Everything that needs someone today, most urgent first (red, then by date)."""
    settings = settings or CheckSettings()
    items: list[AttentionItem] = []

    suppliers = {s.id: s for s in data.all(Supplier)}
    tiers = dict(settings.supplier_review_months)
    for supplier_id, status in supplier_review_statuses(data, today, tiers).items():
        supplier = suppliers[supplier_id]
        if supplier.status in REVIEWED_SUPPLIER_STATUSES and status.overdue:
            days = status.days_until_due or 0
            items.append(
                AttentionItem(
                    Topic.SUPPLIER_REVIEW,
                    Urgency.RED,
                    supplier_id,
                    supplier.display,
                    f"due {status.next_due}, {_in_days(days)}",
                    days,
                )
            )

    agreements = {a.id: a for a in data.all(Agreement)}
    months = settings.agreement_review_months or None
    for agreement_id, status in agreement_review_statuses(data, today, months).items():
        agreement = agreements[agreement_id]
        if agreement.status in LIVE_AGREEMENT_STATUSES and status.overdue:
            days = status.days_until_due or 0
            items.append(
                AttentionItem(
                    Topic.AGREEMENT_REVIEW,
                    Urgency.RED,
                    agreement_id,
                    agreement.display,
                    f"due {status.next_due}, {_in_days(days)}",
                    days,
                )
            )

    horizon = settings.cancel_by_warning_days
    for agreement in agreements.values():
        if agreement.status not in LIVE_AGREEMENT_STATUSES:
            continue
        term = term_dates(agreement, today)
        days_left = term.days_to_cancel_by
        if term.cancel_by is None or days_left is None or days_left > horizon:
            continue
        items.append(
            AttentionItem(
                Topic.CANCEL_BY,
                Urgency.RED if days_left < 0 else Urgency.AMBER,
                agreement.id,
                agreement.display,
                f"by {term.cancel_by}, {_in_days(days_left)}",
                days_left,
            )
        )

    kpis = {k.id: k for k in data.all(Kpi)}
    for kpi_id, reading in kpi_readings(data, today, settings.kpi_grace_days).items():
        if reading.status is KpiStatus.RED:
            kpi = kpis[kpi_id]
            value = f"{reading.value:g}" if reading.value is not None else "?"
            items.append(
                AttentionItem(
                    Topic.RED_KPI,
                    Urgency.RED,
                    kpi_id,
                    kpi.display,
                    f"{value} {kpi.unit}, target {kpi.target:g}",
                )
            )

    for change in data.all(ChangeRequest):
        if change.status in AWAITING_APPROVAL:
            items.append(
                AttentionItem(
                    Topic.CHANGE_APPROVAL,
                    Urgency.AMBER,
                    change.id,
                    change.display,
                    f"{change.status.value}, to decide",
                )
            )

    for risk in data.all(Risk):
        if risk.status is RiskStatus.CLOSED or risk.mitigation_actions:
            continue
        band = rated_band(risk)
        if band in (RiskBand.HIGH, RiskBand.CRITICAL):
            items.append(
                AttentionItem(
                    Topic.UNMITIGATED_RISK,
                    Urgency.RED if band is RiskBand.CRITICAL else Urgency.AMBER,
                    risk.id,
                    risk.display,
                    f"{band.value} {rated_score(risk)}, no actions",
                )
            )

    order = list(Topic)
    return sorted(
        items,
        key=lambda i: (
            i.urgency is not Urgency.RED,
            order.index(i.topic),
            i.days if i.days is not None else 0,
            i.record_id,
        ),
    )


def area_counts(data: DataSet) -> dict[str, int]:
    """Records per collection (the overview's counts)."""
    return data.counts()
