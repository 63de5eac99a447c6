"""The rows of the Suppliers and Agreements registers and the KPI board's cards.

Pure view models: each record with the figures its columns show and how urgent its dates
are, computed once per data change from the domain rules and the checker settings (the
review-soon and cancel-by thresholds), so a screen only turns them into text and colour,
and a test can check the order and the markers without drawing anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol, TypeVar

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.contract_term import TermDates, term_dates
from itsms_tui.domain.customer_refs import customer_name
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.dataset import Changes, DataSet
from itsms_tui.domain.enums import AgreementKind, AgreementStatus, KpiStatus
from itsms_tui.domain.evaluation_score import evaluation_score, latest_evaluation
from itsms_tui.domain.kpi_status import KpiReading, Trend, kpi_readings, measurements_of, trend
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.obligations import (
    CLOSED_AGREEMENT,
    agreement_reviews_due,
    supplier_reviews_due,
)
from itsms_tui.domain.record import Record
from itsms_tui.domain.review_schedule import (
    ReviewStatus,
    agreement_review_status,
    agreement_review_statuses,
    supplier_review_status,
)
from itsms_tui.domain.suppliers import Evaluation, Supplier, SupplierReview

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


def supplier_row(
    supplier: Supplier,
    data: DataSet,
    today: date,
    readings: Mapping[str, KpiReading],
    settings: CheckSettings,
) -> SupplierRow:
    """The supplier's row, from its own records only (read through the data set's
    reverse index): its KPIs include its agreements' KPIs."""
    sid = supplier.id
    agreements = [a for a in data.referring(sid, Agreement) if a.supplier_id == sid]
    kpis = [k for k in data.referring(sid, Kpi) if k.subject_id == sid]
    for agreement in agreements:
        kpis.extend(k for k in data.referring(agreement.id, Kpi) if k.subject_id == agreement.id)
    statuses = [readings[k.id].status for k in kpis if k.id in readings]
    latest = latest_evaluation(data.referring(sid, Evaluation), sid)
    review = None
    if supplier_reviews_due(supplier):
        reviews = data.referring(sid, SupplierReview)
        review = supplier_review_status(supplier, reviews, today, settings.supplier_review_months)
    return SupplierRow(
        supplier=supplier,
        score=evaluation_score(latest) if latest is not None else None,
        active_agreements=sum(a.status is AgreementStatus.ACTIVE for a in agreements),
        review=review,
        review_urgency=review_urgency(review, settings.review_soon_days),
        kpi_health=worst_status(statuses),
    )


def supplier_rows(
    data: DataSet, today: date, readings: Mapping[str, KpiReading], settings: CheckSettings
) -> list[SupplierRow]:
    """One row per supplier, in id order; a supplier's KPIs include its agreements' KPIs."""
    return [supplier_row(s, data, today, readings, settings) for s in data.all(Supplier)]


SUPPLIER_ROW_SOURCES = (
    Supplier.collection,
    Agreement.collection,
    Kpi.collection,
    Measurement.collection,
    Evaluation.collection,
    SupplierReview.collection,
)
"""What a supplier's row reads (measurements through the KPI readings)."""


@dataclass(frozen=True, slots=True)
class _SupplierRows:
    readings: Mapping[str, KpiReading]
    rows: list[SupplierRow]


def current_supplier_rows(data: DataSet, today: date, settings: CheckSettings) -> list[SupplierRow]:
    """``supplier_rows`` with today's KPI readings, kept with the data set: after a save
    only the rows of the suppliers it touched are built again (the register of a large
    organisation has thousands), the others are carried over as they are."""

    def readings_of(of: DataSet) -> Mapping[str, KpiReading]:
        return kpi_readings(of, today, settings.kpi_grace_days, settings.kpi_grace_fraction)

    def compute() -> _SupplierRows:
        readings = readings_of(data)
        return _SupplierRows(readings, supplier_rows(data, today, readings, settings))

    def update(value: _SupplierRows, new: DataSet, changes: Changes) -> _SupplierRows:
        readings = readings_of(new)
        touched: set[str] = set()
        changed_readings = {
            k
            for k in value.readings.keys() | readings.keys()
            if value.readings.get(k) is not readings.get(k)
        }
        for pairs in changes.values():
            for record in (r for pair in pairs for r in pair if r is not None):
                if isinstance(record, Supplier):
                    touched.add(record.id)
                elif isinstance(record, Agreement | Evaluation | SupplierReview):
                    touched.add(record.supplier_id or "")
                elif isinstance(record, Kpi):  # its old and new subject's supplier
                    touched.add(_kpi_owner(record.subject_id, new))
        for kpi_id in changed_readings:
            kpi = new.get_as(Kpi, kpi_id)
            if kpi is not None:
                touched.add(_kpi_owner(kpi.subject_id, new))
        rows = _rebuilt(
            value.rows,
            new.all(Supplier),
            touched,
            lambda s: supplier_row(s, new, today, readings, settings),
        )
        return _SupplierRows(readings, rows)

    key = ("supplier_rows", today, settings.model_dump_json())
    found = data.derived(key, compute, depends=SUPPLIER_ROW_SOURCES, update=update)
    return found.rows


class _Row(Protocol):
    @property
    def record(self) -> Record: ...


RowT = TypeVar("RowT", bound=_Row)
R = TypeVar("R", bound=Record)


def _rebuilt(
    rows: list[RowT], records: list[R], touched: set[str], build: Callable[[R], RowT]
) -> list[RowT]:
    """The rows of ``records`` in their order: built again for the ``touched`` ids (and for
    records new since ``rows``), the others taken over as they are."""
    kept = {row.record.id: row for row in rows}
    return [
        build(record) if record.id in touched or record.id not in kept else kept[record.id]
        for record in records
    ]


def _kpi_owner(subject_id: str, data: DataSet) -> str:
    """The supplier a KPI counts for: its subject, or its agreement's supplier."""
    agreement = data.get_as(Agreement, subject_id)
    return (agreement.supplier_id or "") if agreement is not None else subject_id


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


AGREEMENT_ROW_SOURCES = (
    Agreement.collection,
    Supplier.collection,
    Customer.collection,
    SupplierReview.collection,
)
"""What an agreement's row reads: the agreement, its party's name, its reviews."""


def current_agreement_rows(
    data: DataSet, today: date, settings: CheckSettings
) -> list[AgreementRow]:
    """``agreement_rows`` kept with the data set, like ``current_supplier_rows``: a save
    rebuilds the rows of the agreements it touched (itself, a review of it, its party)."""
    months = settings.agreement_review_months or None

    def build(agreement: Agreement, of: DataSet) -> AgreementRow:
        reviews = of.referring(agreement.id, SupplierReview)
        review = agreement_review_status(agreement, reviews, today, months)
        return agreement_row(agreement, of, today, review, settings)

    def update(rows: list[AgreementRow], new: DataSet, changes: Changes) -> list[AgreementRow]:
        touched: set[str] = set()
        for pairs in changes.values():
            for record in (r for pair in pairs for r in pair if r is not None):
                if isinstance(record, Agreement):
                    touched.add(record.id)
                elif isinstance(record, SupplierReview):
                    touched.add(record.agreement_id or "")
                elif isinstance(record, Supplier | Customer):
                    touched.update(a.id for a in new.referring(record.id, Agreement))
        return _rebuilt(rows, new.all(Agreement), touched, lambda a: build(a, new))

    key = ("agreement_rows", today, settings.model_dump_json())
    return data.derived(
        key,
        lambda: agreement_rows(data, today, settings),
        depends=AGREEMENT_ROW_SOURCES,
        update=update,
    )


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
