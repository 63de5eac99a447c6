"""Clause 8.1 operational plan: processes, outsourced activities, objectives, activities, resources.

Objectives belong to clause 6.2 in the standard; they are checked here, under 8.1, because
the operational plan is what delivers them. Cancelled objectives and activities are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import (
    Check,
    Evidence,
    Rule,
    any_of,
    blank,
    days,
    missing_list,
    rule,
)
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import SUPPLIER_SIDE_KINDS, Agreement
from itsms_tui.domain.capacity import resource_loads
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ActivityStatus, AgreementStatus, ObjectiveStatus, SupplierStatus
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.obligations import FINISHED_ACTIVITY, OPEN_OBJECTIVE
from itsms_tui.domain.obligations import activity_overdue as is_activity_overdue
from itsms_tui.domain.obligations import objective_overdue as is_objective_overdue
from itsms_tui.domain.plan import Activity, Objective, Process, Resource
from itsms_tui.domain.suppliers import Supplier

CLAUSE = "8.1"

PRC_OWNER = Check("PRC-OWNER", CLAUSE, Topic.PROCESS)
PRC_CRITERIA = Check("PRC-CRITERIA", CLAUSE, Topic.PROCESS)
PRC_OUTSOURCED = Check("PRC-OUTSOURCED", CLAUSE, Topic.PROCESS)
OBJ_DEFINED = Check("OBJ-DEFINED", CLAUSE, Topic.OBJECTIVE)
OBJ_KPI = Check("OBJ-KPI", CLAUSE, Topic.OBJECTIVE)
OBJ_OVERDUE = Check("OBJ-OVERDUE", CLAUSE, Topic.OBJECTIVE, dated=True)
ACT_DEFINED = Check("ACT-DEFINED", CLAUSE, Topic.ACTIVITY)
ACT_OVERDUE = Check("ACT-OVERDUE", CLAUSE, Topic.ACTIVITY, dated=True)
RES_CAPACITY = Check("RES-CAPACITY", CLAUSE, Topic.RESOURCE)
PRC_CONTROLLED = Check("PRC-CONTROLLED", CLAUSE, Topic.PROCESS)
OBJ_RESOURCES = Check("OBJ-RESOURCES", CLAUSE, Topic.OBJECTIVE)


def _outsourced(activity: Activity) -> bool:
    finished = activity.status in FINISHED_ACTIVITY
    return not finished and (activity.supplier_id is not None or activity.agreement_id is not None)


def _not_cancelled(record: Activity | Objective) -> bool:
    return record.status.value != "cancelled"


def process_owner(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for process in data.all(Process):
        if blank(process.owner):
            yield PRC_OWNER.error(process, "process has no owner")


def process_criteria(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for process in data.all(Process):
        if not process.performance_criteria:
            yield PRC_CRITERIA.error(process, "process states no performance criteria")


def _coverage_problem(activity: Activity, data: DataSet) -> str | None:
    """Why an outsourced activity is not covered, or None when it is."""
    supplier = data.get_as(Supplier, activity.supplier_id)
    if activity.supplier_id is None:
        return "outsourced under an agreement but names no supplier"
    if supplier is None:
        return f"outsourced to {activity.supplier_id}, which does not exist"
    if supplier.status is SupplierStatus.EXITED:
        return f"outsourced to {supplier.display}, which has exited: bring it in or re-source it"
    if activity.agreement_id is None:
        return f"outsourced to {supplier.display} but names no agreement that covers it"
    agreement = data.get_as(Agreement, activity.agreement_id)
    if agreement is None:
        return f"covering agreement {activity.agreement_id} does not exist"
    if agreement.kind not in SUPPLIER_SIDE_KINDS:
        return f"covering agreement {agreement.display} is a customer SLA, not a supplier agreement"
    if agreement.supplier_id != supplier.id:
        party = agreement.supplier_id or "no supplier"
        return f"covering agreement {agreement.display} is with {party}, not {supplier.id}"
    if agreement.status is not AgreementStatus.ACTIVE:
        return f"covering agreement {agreement.display} is {agreement.status.value}, not active"
    return None


def process_outsourcing(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for activity in data.all(Activity):
        if activity.status in FINISHED_ACTIVITY:
            continue
        if activity.supplier_id is None and activity.agreement_id is None:
            continue
        problem = _coverage_problem(activity, data)
        if problem is not None:
            yield PRC_OUTSOURCED.error(
                activity,
                f"{problem} (process {activity.process_id})",
                activity.process_id,
                activity.supplier_id,
                activity.agreement_id,
            )


def process_controlled(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for process in data.all(Process):
        missing = missing_list(
            [
                (not data.referring(process.id, Activity), "no activities"),
                (not data.referring(process.id, Kpi), "no KPI"),
                (not process.controls, "no controls"),
            ]
        )
        if missing:
            yield PRC_CONTROLLED.error(process, f"process has {missing}")


def objective_resources(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for objective in data.all(Objective):
        if objective.status in OPEN_OBJECTIVE and not objective.resources:
            yield OBJ_RESOURCES.error(objective, "objective states no resources to achieve it")


def objective_defined(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for objective in data.all(Objective):
        if objective.status is ObjectiveStatus.CANCELLED:
            continue
        missing = missing_list(
            [
                (blank(objective.owner), "owner"),
                (objective.due_date is None, "due date"),
                (blank(objective.evaluation), "evaluation of results"),
            ]
        )
        if missing:
            yield OBJ_DEFINED.error(objective, f"objective has no {missing}")


def objective_kpi(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for objective in data.all(Objective):
        if objective.status not in OPEN_OBJECTIVE:
            continue  # achieved, missed or cancelled: nothing left to measure
        if not data.referring(objective.id, Kpi):
            yield OBJ_KPI.error(objective, "no KPI measures this objective")


def objective_overdue(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for objective in data.all(Objective):
        due = objective.due_date
        if due is not None and is_objective_overdue(objective, today):
            late = days((today - due).days)
            yield OBJ_OVERDUE.warning(
                objective,
                f"due {due} ({late} ago) and not achieved: record the result or re-plan",
                due=due,
            )


def activity_defined(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for activity in data.all(Activity):
        if activity.status is ActivityStatus.CANCELLED:
            continue
        missing = missing_list(
            [
                (blank(activity.responsible), "responsible party"),
                (activity.start_date is None, "start date"),
                (activity.due_date is None, "due date"),
            ]
        )
        if missing:
            yield ACT_DEFINED.error(activity, f"activity has no {missing}", activity.process_id)


def activity_overdue(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for activity in data.all(Activity):
        due = activity.due_date
        if due is not None and is_activity_overdue(activity, today):
            late = days((today - due).days)
            yield ACT_OVERDUE.warning(
                activity,
                f"due {due} ({late} ago), still {activity.status.label}",
                activity.process_id,
                due=due,
            )


def resource_capacity(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    names = {r.id: r for r in data.all(Resource)}
    for load in resource_loads(data, today):
        if load.over_allocated:
            unit = f" {load.unit}" if load.unit else ""
            yield RES_CAPACITY.error(
                names[load.resource_id],
                f"{load.allocated:g}{unit} allocated today against a capacity of "
                f"{load.capacity:g}{unit} ({load.percent:.0f} %)",
                *load.allocation_ids,
            )


RULES: tuple[Rule, ...] = (
    rule(
        PRC_OWNER,
        "Every process has an owner",
        "A service delivery process names the person accountable for it.",
        process_owner,
        Evidence("process", any_of(Process), required=True),
    ),
    rule(
        PRC_CRITERIA,
        "Every process has performance criteria",
        "A process states the criteria its performance is judged by.",
        process_criteria,
        Evidence("process", any_of(Process), required=True),
    ),
    rule(
        PRC_OUTSOURCED,
        "Outsourced activities are covered by an agreement",
        "An activity outsourced to a supplier names that supplier, which has not exited, and "
        "an active agreement with it (contract, underpinning contract or OLA). Done and "
        "cancelled activities are skipped.",
        process_outsourcing,
        Evidence("outsourced activity", any_of(Activity, _outsourced)),
    ),
    rule(
        PRC_CONTROLLED,
        "Every process is run, measured and controlled",
        "A process has at least one activity in the plan, a KPI on it and its controls stated.",
        process_controlled,
        Evidence("process", any_of(Process), required=True),
    ),
    rule(
        OBJ_DEFINED,
        "Every objective has an owner, a due date and an evaluation",
        "An objective names its owner, its due date and how its results are evaluated.",
        objective_defined,
        Evidence("objective", any_of(Objective, _not_cancelled), required=True),
    ),
    rule(
        OBJ_KPI,
        "Every objective has a KPI",
        "At least one KPI measures each objective that is not cancelled.",
        objective_kpi,
        Evidence("open objective", any_of(Objective, lambda o: o.status in OPEN_OBJECTIVE)),
    ),
    rule(
        OBJ_RESOURCES,
        "Every open objective states its resources",
        "An objective planned, on track or at risk states the resources needed to achieve it.",
        objective_resources,
        Evidence("objective", any_of(Objective, _not_cancelled)),
    ),
    rule(
        OBJ_OVERDUE,
        "Objectives past due are achieved",
        "An objective still planned, on track or at risk after its due date is flagged.",
        objective_overdue,
        Evidence("objective with a due date", any_of(Objective, lambda o: o.due_date is not None)),
    ),
    rule(
        ACT_DEFINED,
        "Every activity has a responsible party and dates",
        "An activity that is not cancelled names who does the work, a start and a due date.",
        activity_defined,
        Evidence("activity", any_of(Activity, _not_cancelled), required=True),
    ),
    rule(
        ACT_OVERDUE,
        "No activity is overdue",
        "An activity neither done nor cancelled after its due date is flagged.",
        activity_overdue,
        Evidence("activity with a due date", any_of(Activity, lambda a: a.due_date is not None)),
    ),
    rule(
        RES_CAPACITY,
        "No resource is allocated beyond its capacity",
        "The allocations in force today do not exceed a resource's capacity.",
        resource_capacity,
        Evidence("resource", any_of(Resource)),
    ),
)
