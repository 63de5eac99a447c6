"""The rows of the Suppliers and Agreements registers and the KPI board's cards.

Pure view models: each record with the figures its columns show and how urgent its dates
are, computed once per data change from the domain rules and the checker settings (the
review-soon and cancel-by thresholds), so a screen only turns them into text and colour,
and a test can check the order and the markers without drawing anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.contract_term import TermDates, term_dates
from itsms_tui.domain.customer_refs import customer_name
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind, AgreementStatus, KpiStatus
from itsms_tui.domain.evaluation_score import evaluation_score, latest_evaluation
from itsms_tui.domain.kpi_status import KpiReading, Trend, measurements_of, trend
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.obligations import (
    CLOSED_AGREEMENT,
    agreement_reviews_due,
    supplier_reviews_due,
)
from itsms_tui.domain.review_schedule import (
    ReviewStatus,
    agreement_review_statuses,
    supplier_review_statuses,
)
from itsms_tui.domain.suppliers import Evaluation, Supplier

SEVERITY = (KpiStatus.RED, KpiStatus.AMBER, KpiStatus.GREY, KpiStatus.GREEN)
"""Worst first: a supplier's KPI health is its worst KPI."""
SPARK_POINTS = 12
"""Measurements a KPI card draws (the trend looks at the last three of them)."""
TREND_WINDOW = 3


class Urgency(StrEnum):
    """How a date reads in a register: ✖ red, ▲ amber, plain, or no date expected."""

    URGENT = "urgent"
    SOON = "soon"
    LATER = "later"
    NONE = "none"


def worst_status(statuses: list[KpiStatus]) -> KpiStatus | None:
    for status in SEVERITY:
        if status in statuses:
            return status
    return None


def review_urgency(review: ReviewStatus | None, soon_days: int) -> Urgency:
    """Overdue: urgent; due within ``soon_days``: soon; no date: none."""
    if review is None or review.next_due is None:
        return Urgency.NONE
    if review.overdue:
        return Urgency.URGENT
    if review.days_until_due is not None and review.days_until_due <= soon_days:
        return Urgency.SOON
    return Urgency.LATER


def cancel_by_urgency(term: TermDates, settings: CheckSettings) -> Urgency:
    """Passed or within the urgent days: urgent; within the warning horizon: soon."""
    if term.cancel_by is None:
        return Urgency.NONE
    days = term.days_to_cancel_by if term.days_to_cancel_by is not None else 0
    if days <= settings.cancel_by_urgent_days:
        return Urgency.URGENT
    if days <= settings.cancel_by_warning_days:
        return Urgency.SOON
    return Urgency.LATER


@dataclass(frozen=True, slots=True)
class SupplierRow:
    """A supplier with the figures the register shows."""

    supplier: Supplier
    score: float | None
    active_agreements: int
    review: ReviewStatus | None
    """None when no review is expected (proposed, evaluating, exited)."""
    review_urgency: Urgency
    kpi_health: KpiStatus | None

    @property
    def record(self) -> Supplier:
        """The row's record (every register row carries one)."""
        return self.supplier


def supplier_rows(
    data: DataSet, today: date, readings: Mapping[str, KpiReading], settings: CheckSettings
) -> list[SupplierRow]:
    """One row per supplier, in id order; a supplier's KPIs include its agreements' KPIs."""
    reviews = supplier_review_statuses(data, today, settings.supplier_review_months)
    by_supplier: dict[str, list[Evaluation]] = defaultdict(list)
    for evaluation in data.all(Evaluation):
        by_supplier[evaluation.supplier_id].append(evaluation)
    active: dict[str, int] = defaultdict(int)
    owner_of_agreement: dict[str, str] = {}
    for agreement in data.all(Agreement):
        if agreement.supplier_id:
            owner_of_agreement[agreement.id] = agreement.supplier_id
            if agreement.status is AgreementStatus.ACTIVE:
                active[agreement.supplier_id] += 1
    kpis_of: dict[str, list[KpiStatus]] = defaultdict(list)
    for kpi in data.all(Kpi):
        reading = readings.get(kpi.id)
        if reading is not None:
            kpis_of[owner_of_agreement.get(kpi.subject_id, kpi.subject_id)].append(reading.status)
    rows: list[SupplierRow] = []
    for supplier in data.all(Supplier):
        latest = latest_evaluation(by_supplier.get(supplier.id, []), supplier.id)
        review = reviews.get(supplier.id) if supplier_reviews_due(supplier) else None
        rows.append(
            SupplierRow(
                supplier=supplier,
                score=evaluation_score(latest) if latest is not None else None,
                active_agreements=active.get(supplier.id, 0),
                review=review,
                review_urgency=review_urgency(review, settings.review_soon_days),
                kpi_health=worst_status(kpis_of.get(supplier.id, [])),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """An agreement with its party's name, term dates and review schedule."""

    agreement: Agreement
    party: str
    term: TermDates
    review: ReviewStatus | None
    """None once the agreement has expired or been terminated."""
    review_urgency: Urgency
    cancel_by_urgency: Urgency

    @property
    def record(self) -> Agreement:
        """The row's record (every register row carries one)."""
        return self.agreement

    @property
    def closed(self) -> bool:
        """Expired or terminated: its dates are history, not something to act on."""
        return self.agreement.status in CLOSED_AGREEMENT


def party_name(agreement: Agreement, data: DataSet) -> str:
    """The supplier's name (or its id if unknown) or the customer of an SLA."""
    if agreement.kind is AgreementKind.CUSTOMER_SLA:
        return customer_name(data, agreement.customer_id)
    supplier = data.get_as(Supplier, agreement.supplier_id)
    return supplier.name if supplier is not None else (agreement.supplier_id or "")


def _agreement_review_urgency(
    agreement: Agreement, review: ReviewStatus | None, settings: CheckSettings
) -> Urgency:
    """Marked only where the checker judges the review (active supplier-side agreements):
    a draft's or a customer SLA's date is shown plain, never red."""
    urgency = review_urgency(review, settings.review_soon_days)
    if urgency is Urgency.NONE or agreement_reviews_due(agreement):
        return urgency
    return Urgency.LATER


def agreement_row(
    agreement: Agreement,
    data: DataSet,
    today: date,
    review: ReviewStatus | None,
    settings: CheckSettings,
) -> AgreementRow:
    term = term_dates(agreement, today)
    closed = agreement.status in CLOSED_AGREEMENT
    shown = None if closed else review
    return AgreementRow(
        agreement=agreement,
        party=party_name(agreement, data),
        term=term,
        review=shown,
        review_urgency=_agreement_review_urgency(agreement, shown, settings),
        cancel_by_urgency=Urgency.NONE if closed else cancel_by_urgency(term, settings),
    )


def agreement_rows(data: DataSet, today: date, settings: CheckSettings) -> list[AgreementRow]:
    """One row per agreement, in id order."""
    reviews = agreement_review_statuses(data, today, settings.agreement_review_months or None)
    return [agreement_row(a, data, today, reviews.get(a.id), settings) for a in data.all(Agreement)]


@dataclass(frozen=True, slots=True)
class KpiCardData:
    """What one KPI card shows."""

    kpi: Kpi
    reading: KpiReading
    subject: str
    recent: tuple[float, ...]
    trend: Trend

    @property
    def subject_kind(self) -> str:
        return self.kpi.subject_id.split("-", 1)[0]

    @property
    def haystack(self) -> str:
        return f"{self.kpi.display} {self.subject} {self.reading.status.value}".casefold()


def card_data(data: DataSet, readings: Mapping[str, KpiReading]) -> list[KpiCardData]:
    """Every KPI's card, in id order; status from ``readings``, trend from the domain."""
    by_kpi: dict[str, list[Measurement]] = defaultdict(list)
    for measurement in data.all(Measurement):
        by_kpi[measurement.kpi_id].append(measurement)
    cards: list[KpiCardData] = []
    for kpi in data.all(Kpi):
        own = measurements_of(kpi, by_kpi.get(kpi.id, []))
        subject = data.get(kpi.subject_id)
        cards.append(
            KpiCardData(
                kpi=kpi,
                reading=readings[kpi.id],
                subject=subject.display if subject is not None else kpi.subject_id,
                recent=tuple(m.value for m in own[-SPARK_POINTS:]),
                trend=trend(kpi, own, window=TREND_WINDOW),
            )
        )
    return cards
