"""The rows of the plan registers: each record with the figures its columns show.

Built in one pass per collection from a DataSet, so a table only formats and sorts. The
rules come from the domain (loads from ``capacity``, bands from ``risk_rating``, "overdue"
and "lacks an SLA" from ``obligations``, which the checker uses too) so screen and checker
agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.capacity import ResourceLoad, allocation_active_on, resource_loads
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customer_refs import customer_names, live_services_of
from itsms_tui.domain.customers import (
    OPEN_COMPLAINT,
    Complaint,
    Customer,
    CustomerReview,
    SatisfactionResult,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind
from itsms_tui.domain.kpi_status import KpiReading, kpi_status
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.obligations import (
    active_customer_sla,
    activity_overdue,
    covering_agreements,
    lacks_active_sla,
    objective_overdue,
    risk_review_overdue,
    uncovered_customers,
)
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.plan import Activity, Allocation, Objective, Process, Resource
from itsms_tui.domain.record import Record
from itsms_tui.domain.risk_rating import RiskBand, rated_band, rated_score, rating
from itsms_tui.domain.risks import Risk


@dataclass(frozen=True, slots=True)
class ObjectiveRow:
    record: Objective
    kpi_count: int
    overdue: bool
    owner: str = ""


@dataclass(frozen=True, slots=True)
class KpiRow:
    record: Kpi
    reading: KpiReading


@dataclass(frozen=True, slots=True)
class ProcessRow:
    record: Process
    activity_count: int
    overdue_count: int
    owner: str = ""


@dataclass(frozen=True, slots=True)
class ActivityRow:
    record: Activity
    overdue: bool
    supplier_name: str
    """Name of the supplier it is outsourced to ("" when in-house)."""
    responsible: str = ""
    accountable: str = ""


@dataclass(frozen=True, slots=True)
class ResourceRow:
    record: Resource
    load: ResourceLoad
    """Allocations active today against the capacity."""
    owner: str = ""


@dataclass(frozen=True, slots=True)
class AllocationRow:
    record: Allocation
    process_name: str
    activity_name: str
    active: bool
    """Counts today (within its dates)."""
    unit: str = ""
    """The resource's unit (what the amount is counted in)."""


@dataclass(frozen=True, slots=True)
class RiskRow:
    record: Risk
    band: RiskBand
    residual_score: int
    """The residual score, or the inherent one when no residual rating is recorded."""
    residual_band: RiskBand
    residual_recorded: bool
    review_overdue: bool

    def rating(self, residual: bool) -> tuple[int, int]:
        """(likelihood, impact) on the inherent or the residual view (heat-map cell)."""
        return rating(self.record, residual)

    owner: str = ""


@dataclass(frozen=True, slots=True)
class ChangeRow:
    record: ChangeRequest
    approver: str = ""


@dataclass(frozen=True, slots=True)
class ServiceRow:
    record: Service
    sla_count: int
    """Customer SLAs naming the service, whatever their status."""
    active_sla_count: int
    no_sla: bool
    """Live and covered by no active customer SLA (the checker's SVC-SLA finding)."""
    owner: str = ""
    customers: str = ""
    """The names of the customers who use the service."""
    uncovered: str = ""
    """The names of its customers without an active SLA of their own for it (SVC-SLA)."""


def objective_rows(data: DataSet, today: date) -> list[ObjectiveRow]:
    kpis = Counter(k.subject_id for k in data.all(Kpi))
    return [
        ObjectiveRow(o, kpis.get(o.id, 0), objective_overdue(o, today), person_name(data, o.owner))
        for o in data.all(Objective)
    ]


def process_rows(data: DataSet, today: date) -> list[ProcessRow]:
    counts: Counter[str] = Counter()
    late: Counter[str] = Counter()
    for activity in data.all(Activity):
        counts[activity.process_id] += 1
        if activity_overdue(activity, today):
            late[activity.process_id] += 1
    return [
        ProcessRow(p, counts.get(p.id, 0), late.get(p.id, 0), person_name(data, p.owner))
        for p in data.all(Process)
    ]


def activity_rows(data: DataSet, process_id: str, today: date) -> list[ActivityRow]:
    """The activities of one process, in id order."""
    out: list[ActivityRow] = []
    for activity in data.referring(process_id, Activity):
        if activity.process_id != process_id:
            continue
        supplier = data.get(activity.supplier_id) if activity.supplier_id else None
        name = supplier.heading if supplier is not None else (activity.supplier_id or "")
        out.append(
            ActivityRow(
                activity,
                activity_overdue(activity, today),
                name,
                person_name(data, activity.responsible),
                person_name(data, activity.accountable),
            )
        )
    return out


def resource_rows(data: DataSet, today: date) -> list[ResourceRow]:
    loads = {load.resource_id: load for load in resource_loads(data, today)}
    return [ResourceRow(r, loads[r.id], person_name(data, r.owner)) for r in data.all(Resource)]


def allocation_rows(data: DataSet, resource_id: str, today: date) -> list[AllocationRow]:
    """The allocations of one resource, in id order, whether or not they count today."""
    out: list[AllocationRow] = []
    resource = data.get_as(Resource, resource_id)
    unit = resource.unit if resource is not None else ""
    for allocation in data.referring(resource_id, Allocation):
        if allocation.resource_id != resource_id:
            continue
        process = data.get(allocation.process_id)
        activity = data.get(allocation.activity_id) if allocation.activity_id else None
        out.append(
            AllocationRow(
                allocation,
                process.heading if process is not None else allocation.process_id,
                activity.heading if activity is not None else (allocation.activity_id or ""),
                allocation_active_on(allocation, today),
                unit,
            )
        )
    return out


def risk_rows(data: DataSet, today: date) -> list[RiskRow]:
    return [
        RiskRow(
            record=r,
            band=rated_band(r),
            residual_score=rated_score(r, residual=True),
            residual_band=rated_band(r, residual=True),
            residual_recorded=r.residual_score is not None,
            owner=person_name(data, r.owner),
            review_overdue=risk_review_overdue(r, today),
        )
        for r in data.all(Risk)
    ]


def change_rows(data: DataSet) -> list[ChangeRow]:
    return [ChangeRow(c, person_name(data, c.approver)) for c in data.all(ChangeRequest)]


@dataclass(frozen=True, slots=True)
class CoverRow:
    """An agreement covering a service (a row of the service's detail pane)."""

    record: Agreement


def cover_rows(data: DataSet, service_id: str) -> list[CoverRow]:
    return [CoverRow(a) for a in covering_agreements(data, service_id)]


def service_rows(data: DataSet) -> list[ServiceRow]:
    out: list[ServiceRow] = []
    for service in data.all(Service):
        agreements = covering_agreements(data, service.id)
        slas = sum(a.kind is AgreementKind.CUSTOMER_SLA for a in agreements)
        active = sum(active_customer_sla(a) for a in agreements)
        out.append(
            ServiceRow(
                service,
                slas,
                active,
                lacks_active_sla(data, service),
                person_name(data, service.owner),
                customer_names(data, service.customer_ids),
                customer_names(data, uncovered_customers(data, service)),
            )
        )
    return out


def kpis_of(data: DataSet, subject_id: str) -> list[Kpi]:
    """The KPIs that measure ``subject_id``, in id order."""
    return [k for k in data.referring(subject_id, Kpi) if k.subject_id == subject_id]


def kpi_rows(
    data: DataSet, subject_id: str, readings: Mapping[str, KpiReading], today: date
) -> list[KpiRow]:
    """The KPIs measuring ``subject_id`` with their readings (computed here when missing)."""
    out: list[KpiRow] = []
    for kpi in kpis_of(data, subject_id):
        reading = readings.get(kpi.id)
        if reading is None:
            reading = kpi_status(kpi, data.referring(kpi.id, Measurement), today)
        out.append(KpiRow(kpi, reading))
    return out


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A record another record refers to (the process of a risk, the supplier of a change)."""

    record: Record
    field_title: str


def referring_rows(
    data: DataSet, record_id: str, models: tuple[type[Record], ...]
) -> list[LinkRow]:
    """The records of ``models`` that refer to ``record_id``, each labelled with its kind
    (the risks and changes of a service)."""
    return [
        LinkRow(found, found.label)
        for model in models
        for found in data.referring(record_id, model)
    ]


def link_rows(data: DataSet, record: Record) -> list[LinkRow]:
    """The existing records that ``record``'s reference fields name, in field order."""
    out: list[LinkRow] = []
    for name, ids in record.referenced_ids().items():
        title = str(type(record).model_fields[name].title or name)
        for record_id in ids:
            target = data.get(record_id)
            if target is not None:
                out.append(LinkRow(target, title))
    return out


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """A customer with its relationship manager, live services and latest contacts."""

    record: Customer
    manager: str
    live_services: int
    latest_score: str
    """``4.3/5`` of the latest satisfaction result, '' when none."""
    last_review: date | None
    open_complaints: int


def customer_rows(data: DataSet) -> list[CustomerRow]:
    out: list[CustomerRow] = []
    for customer in data.all(Customer):
        results = data.referring(customer.id, SatisfactionResult)
        latest = max(results, key=lambda r: (r.measured_on, r.id), default=None)
        reviews = [r.held_on for r in data.referring(customer.id, CustomerReview)]
        complaints = data.referring(customer.id, Complaint)
        out.append(
            CustomerRow(
                customer,
                person_name(data, customer.relationship_manager),
                len(live_services_of(data, customer.id)),
                f"{latest.score:g}/{latest.scale_max:g}" if latest is not None else "",
                max(reviews, default=None),
                sum(c.status in OPEN_COMPLAINT for c in complaints),
            )
        )
    return out
