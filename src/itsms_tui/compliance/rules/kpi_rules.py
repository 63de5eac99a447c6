"""KPIs: clause 9.1 definitions and freshness, 8.3.4 supplier monitoring, 8.3.3 missed targets.

- Stale: the latest measurement is overdue (``domain.kpi_status``: one frequency period
  after it, plus the grace days), or the KPI was never measured and one period plus the
  grace days have passed since it was defined (``created_at``).
- A KPI is a supplier's when its subject is the supplier or one of the supplier's
  contracts, underpinning contracts or OLAs. Supplier KPIs are judged by SUP-KPI-CURRENT
  (for suppliers delivering today); every other KPI whose subject is in use by KPI-CURRENT.
- A missed target is a measurement, in any period, amber or red on a KPI whose subject is
  an agreement (any status: retiring it does not hide the miss) or a supplier. The latest
  one is answered by an improvement action naming the KPI that is open, in progress, or
  done on or after the day of that measurement.
- A workload KPI (``Kpi.kind``) records workload against an agreement's limit, not
  performance: a reading over the limit is KPI-OVER-LIMIT's (answered by such an action, or
  by a review with the agreement's party held since that names the KPI), never a missed
  target or a red supplier KPI.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import (
    DELIVERING_SUPPLIER,
    Check,
    Evidence,
    Rule,
    any_of,
    blank,
    missing_list,
    rule,
)
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import SUPPLIER_SIDE_KINDS, Agreement
from itsms_tui.domain.calendar import period_after
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.customers import CustomerReview
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    ActionStatus,
    AgreementStatus,
    KpiStatus,
    ObjectiveStatus,
    ServiceStatus,
    SupplierStatus,
)
from itsms_tui.domain.kpi_status import (
    KpiReading,
    is_overdue,
    kpi_readings,
    period_grace,
    rag_status,
)
from itsms_tui.domain.kpis import Kpi, Measurement, is_workload
from itsms_tui.domain.obligations import OPEN_ACTION
from itsms_tui.domain.plan import Objective, Process
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import ImprovementAction, Supplier, SupplierReview

KPI_DEFINED = Check("KPI-DEFINED", "9.1", Topic.KPI)
KPI_CURRENT = Check("KPI-CURRENT", "9.1", Topic.KPI_MEASUREMENT, dated=True)
SUP_KPI = Check("SUP-KPI", "8.3.4", Topic.SUPPLIER)
SUP_KPI_CURRENT = Check("SUP-KPI-CURRENT", "8.3.4", Topic.KPI_MEASUREMENT)
KPI_MISSED = Check("KPI-MISSED", "8.3.3", Topic.RED_KPI)
SUP_KPI_RED = Check("SUP-KPI-RED", "8.3.4", Topic.RED_KPI)
SUP_SUSPENDED = Check("SUP-SUSPENDED", "8.3.4", Topic.SUPPLIER)
KPI_OVER_LIMIT = Check("KPI-OVER-LIMIT", "8.3.3", Topic.WORKLOAD)

CLOSED_OBJECTIVE = frozenset(
    {ObjectiveStatus.ACHIEVED, ObjectiveStatus.MISSED, ObjectiveStatus.CANCELLED}
)


@dataclass(frozen=True, slots=True)
class Subject:
    """What a KPI measures, as far as monitoring is concerned."""

    record: Record | None
    supplier: Supplier | None
    """The supplier whose performance this is (subject supplier, or the agreement's)."""
    in_use: bool


def subject_of(data: DataSet, kpi: Kpi) -> Subject:
    record = data.get(kpi.subject_id)
    if isinstance(record, Supplier):
        return Subject(record, record, record.status in DELIVERING_SUPPLIER)
    if isinstance(record, Agreement):
        active = record.status is AgreementStatus.ACTIVE
        supplier = (
            data.get_as(Supplier, record.supplier_id)
            if record.kind in SUPPLIER_SIDE_KINDS
            else None
        )
        delivering = supplier is not None and supplier.status in DELIVERING_SUPPLIER
        return Subject(record, supplier, active and (supplier is None or delivering))
    if isinstance(record, Objective):
        return Subject(record, None, record.status not in CLOSED_OBJECTIVE)
    if isinstance(record, Service):
        return Subject(record, None, record.status is ServiceStatus.LIVE)
    return Subject(record, None, isinstance(record, Process))


def stale(kpi: Kpi, reading: KpiReading, settings: CheckSettings, today: date) -> str | None:
    """Why the KPI has no recent enough measurement, or None when it has."""
    if reading.overdue:
        return (
            f"last measured {reading.measured_on}; the {kpi.frequency.value} measurement "
            f"was due {reading.next_due}"
        )
    if reading.never_measured:
        defined = kpi.created_at.date()
        try:
            due = period_after(defined, kpi.frequency)
        except OverflowError:
            return None
        grace = period_grace(defined, due, settings.kpi_grace_days, settings.kpi_grace_fraction)
        if is_overdue(due, today, grace):
            return f"never measured; the first {kpi.frequency.value} measurement was due {due}"
    return None


def _any_agreement_kpi(data: DataSet) -> bool:
    return any(isinstance(data.get(k.subject_id), Agreement | Supplier) for k in data.all(Kpi))


def kpi_defined(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for kpi in data.all(Kpi):
        missing = missing_list(
            [
                (blank(kpi.measures), "what is measured"),
                (blank(kpi.method), "method or data source"),
                (blank(kpi.evaluation), "when it is evaluated"),
            ]
        )
        if missing:
            yield KPI_DEFINED.error(kpi, f"KPI does not state {missing}", kpi.subject_id)


def kpi_current(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    readings = kpi_readings(data, today, settings.kpi_grace_days, settings.kpi_grace_fraction)
    for kpi in data.all(Kpi):
        subject = subject_of(data, kpi)
        if subject.supplier is not None or not subject.in_use:
            continue
        problem = stale(kpi, readings[kpi.id], settings, today)
        if problem is not None:
            yield KPI_CURRENT.warning(kpi, problem, kpi.subject_id)


def _performance_kpis(data: DataSet, subject_id: str) -> list[Kpi]:
    """The KPIs on a record that measure performance (a workload count monitors no one)."""
    return [k for k in data.referring(subject_id, Kpi) if not is_workload(k)]


def supplier_kpi(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for supplier in data.all(Supplier):
        if supplier.status not in DELIVERING_SUPPLIER:
            continue
        if _performance_kpis(data, supplier.id):
            continue
        agreements = data.referring(supplier.id, Agreement)
        if any(_performance_kpis(data, a.id) for a in agreements if a.kind in SUPPLIER_SIDE_KINDS):
            continue
        yield SUP_KPI.error(
            supplier,
            f"{supplier.status.value.replace('_', ' ')} supplier has no KPI on it or its "
            "agreements: its performance is not monitored",
        )


def supplier_kpi_current(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    readings = kpi_readings(data, today, settings.kpi_grace_days, settings.kpi_grace_fraction)
    for kpi in data.all(Kpi):
        subject = subject_of(data, kpi)
        if subject.supplier is None or not subject.in_use:
            continue
        problem = stale(kpi, readings[kpi.id], settings, today)
        if problem is not None:
            yield SUP_KPI_CURRENT.error(
                kpi,
                f"{problem} ({subject.supplier.display})",
                subject.supplier.id,
                kpi.subject_id,
            )


def _open_actions(data: DataSet, kpi: Kpi) -> list[ImprovementAction]:
    return [a for a in data.referring(kpi.id, ImprovementAction) if a.status in OPEN_ACTION]


def supplier_kpi_red(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    readings = kpi_readings(data, today, settings.kpi_grace_days, settings.kpi_grace_fraction)
    for kpi in data.all(Kpi):
        subject = subject_of(data, kpi)
        reading = readings[kpi.id]
        if subject.supplier is None or not subject.in_use or is_workload(kpi):
            continue
        if reading.status is not KpiStatus.RED:  # grey (stale) is SUP-KPI-CURRENT's
            continue
        value = f"{reading.value:g}{(' ' + kpi.unit) if kpi.unit else ''}"
        problem = (
            f"red: {value} on {reading.measured_on}, below the warning level "
            f"{kpi.warning:g} (target {kpi.target:g}) for {subject.supplier.display}"
        )
        actions = _open_actions(data, kpi)
        ids = (subject.supplier.id, kpi.subject_id, reading.measurement_id)
        if actions:
            yield SUP_KPI_RED.warning(
                kpi, f"{problem}; being addressed by {actions[0].display}", *ids
            )
        else:
            yield SUP_KPI_RED.error(kpi, f"{problem}; no open improvement action", *ids)


def _suspended(supplier: Supplier) -> bool:
    return supplier.status is SupplierStatus.SUSPENDED


def suspended_supplier(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    readings = kpi_readings(data, today, settings.kpi_grace_days, settings.kpi_grace_fraction)
    for supplier in data.all(Supplier):
        if not _suspended(supplier):
            continue
        agreements = [
            a
            for a in data.referring(supplier.id, Agreement)
            if a.kind in SUPPLIER_SIDE_KINDS and a.status is AgreementStatus.ACTIVE
        ]
        if not agreements:
            continue
        subjects = {supplier.id, *(a.id for a in agreements)}
        kpis = [k for k in data.all(Kpi) if k.subject_id in subjects]
        late = [k for k in kpis if stale(k, readings[k.id], settings, today) is not None]
        if not late and kpis:
            continue
        what = (
            f"its KPIs {', '.join(k.id for k in late[:3])} are not measured on time"
            if late
            else "no KPI monitors it"
        )
        yield SUP_SUSPENDED.error(
            supplier,
            f"suspended, but {', '.join(a.id for a in agreements[:3])} is still active and "
            f"{what}: end the agreement or keep monitoring",
            *(a.id for a in agreements),
            *(k.id for k in late),
        )


def _answered(actions: list[ImprovementAction], measured_on: date) -> bool:
    for action in actions:
        if action.status in OPEN_ACTION:
            return True
        if action.status is ActionStatus.DONE and (
            action.completed_on is None or action.completed_on >= measured_on
        ):
            return True
    return False


def _latest_miss(kpi: Kpi, measurements: list[Measurement]) -> Measurement | None:
    """The latest measurement of ``kpi`` that missed its target (amber or red), if any."""
    missed = [m for m in measurements if rag_status(kpi, m.value) is not KpiStatus.GREEN]
    return max(missed, key=lambda m: (m.measured_on, m.created_at, m.id), default=None)


def _committed_to(data: DataSet, kpi: Kpi) -> Record | None:
    """The SLA, supplier agreement or supplier a KPI's target is a commitment of."""
    record = data.get(kpi.subject_id)
    return record if isinstance(record, Agreement | Supplier) else None


def missed_target(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for kpi in data.all(Kpi):
        subject = _committed_to(data, kpi)
        if subject is None or is_workload(kpi):
            continue
        miss = _latest_miss(kpi, data.referring(kpi.id, Measurement))
        if miss is None:
            continue
        if _answered(data.referring(kpi.id, ImprovementAction), miss.measured_on):
            continue
        status = rag_status(kpi, miss.value).value
        value = f"{miss.value:g}{(' ' + kpi.unit) if kpi.unit else ''}"
        yield KPI_MISSED.error(
            kpi,
            f"missed its target ({status}: {value} on {miss.measured_on}, target "
            f"{kpi.target:g}) under {subject.display}, and no improvement action answers it",
            subject.id,
            miss.id,
        )


def _names(text: str, kpi: Kpi) -> bool:
    folded = text.casefold()
    return kpi.id.casefold() in folded or kpi.name.casefold() in folded


def _reviewed_since(data: DataSet, kpi: Kpi, agreement: Agreement, day: date) -> bool:
    """A review with the agreement's party, held on or after ``day``, that names the KPI:
    a customer review for a customer SLA, a review of the agreement or its supplier else."""
    texts: list[tuple[date, str]] = []
    if agreement.customer_id:
        texts.extend(
            (r.held_on, f"{r.performance_trends}\n{r.outcomes}")
            for r in data.referring(agreement.customer_id, CustomerReview)
        )
    supplier_reviews = [
        *data.referring(agreement.id, SupplierReview),
        *(
            r
            for r in data.referring(agreement.supplier_id or "", SupplierReview)
            if r.agreement_id is None
        ),
    ]
    texts.extend((r.held_on, f"{r.performance_summary}\n{r.minutes}") for r in supplier_reviews)
    return any(held >= day and _names(text, kpi) for held, text in texts)


def over_limit(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for kpi in data.all(Kpi):
        agreement = data.get_as(Agreement, kpi.subject_id)
        if agreement is None or not is_workload(kpi):
            continue
        over = _latest_miss(kpi, data.referring(kpi.id, Measurement))
        if over is None:
            continue
        if _answered(data.referring(kpi.id, ImprovementAction), over.measured_on):
            continue
        if _reviewed_since(data, kpi, agreement, over.measured_on):
            continue
        unit = f" {kpi.unit}" if kpi.unit else ""
        yield KPI_OVER_LIMIT.error(
            kpi,
            f"workload {over.value:g}{unit} on {over.measured_on} is over the limit "
            f"{kpi.target:g}{unit} of {agreement.display}, and no improvement action or "
            "review addresses it",
            agreement.id,
            over.id,
        )


def _supplier_kpi(data: DataSet) -> bool:
    return any(
        subject_of(data, k).supplier is not None and not is_workload(k) for k in data.all(Kpi)
    )


RULES: tuple[Rule, ...] = (
    rule(
        KPI_DEFINED,
        "Every KPI says what, how, how often and when evaluated",
        "A KPI states what is measured, the method or data source, and when and by whom "
        "results are evaluated (how often is its frequency).",
        kpi_defined,
        Evidence("KPI", any_of(Kpi), required=True),
    ),
    rule(
        KPI_CURRENT,
        "KPIs are measured as often as they say",
        "A KPI on an objective, process, live service or customer SLA in use has a "
        "measurement no older than its frequency plus the grace days.",
        kpi_current,
        Evidence("KPI", any_of(Kpi)),
    ),
    rule(
        SUP_KPI,
        "Active suppliers are monitored by KPIs",
        "A supplier that is active or under review has at least one performance KPI on it "
        "or on one of its agreements.",
        supplier_kpi,
        Evidence(
            "delivering supplier", any_of(Supplier, lambda s: s.status in DELIVERING_SUPPLIER)
        ),
    ),
    rule(
        SUP_KPI_CURRENT,
        "Supplier KPIs are measured on time",
        "A KPI on an active supplier, or on an active agreement with one, has a measurement "
        "no older than its frequency plus the grace days.",
        supplier_kpi_current,
        Evidence("supplier KPI", any_of(Kpi)),
    ),
    rule(
        KPI_MISSED,
        "Missed targets have an improvement action",
        "A performance KPI on an agreement (SLA, contract or OLA) or a supplier that missed its target "
        "(amber or red) in any period has an improvement action naming it, open or "
        "completed on or after the latest such measurement. Retiring the agreement does "
        "not hide the miss.",
        missed_target,
        Evidence("KPI on an agreement or supplier", _any_agreement_kpi),
    ),
    rule(
        KPI_OVER_LIMIT,
        "Workload over an agreed limit is acted on",
        "A workload KPI on an agreement (its target is the limit) whose reading went over "
        "the limit in any period has an improvement action naming it, open or completed on "
        "or after the latest such reading, or a review with the agreement's party held "
        "since that names the KPI.",
        over_limit,
        Evidence("workload KPI", any_of(Kpi, is_workload)),
    ),
    rule(
        SUP_KPI_RED,
        "Supplier KPIs are not red",
        "A performance KPI on a supplier delivering today, or on its active agreement, is not red "
        "(below the warning level): an error without an open improvement action on the "
        "KPI, a warning while one is open.",
        supplier_kpi_red,
        Evidence("supplier KPI", _supplier_kpi),
    ),
    rule(
        SUP_SUSPENDED,
        "Suspended suppliers under contract are still monitored",
        "A suspended supplier with an agreement still active has KPIs on it or its "
        "agreements, measured on time.",
        suspended_supplier,
        Evidence("supplier", any_of(Supplier)),
    ),
)
