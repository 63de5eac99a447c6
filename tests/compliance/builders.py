"""Small hand-built data sets for the rule tests.

``healthy()`` is a tiny organisation that meets every rule on ``TODAY``; a test breaks one
thing with ``changed`` / ``DataSet.add`` and asserts the one finding that follows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement, Amendment, PriorityTimes, ServiceTarget
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customers import (
    Complaint,
    ComplaintSeverity,
    ComplaintStatus,
    Customer,
    CustomerReview,
    CustomerType,
    SatisfactionResult,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    ActionStatus,
    ActivityStatus,
    AgreementKind,
    AgreementStatus,
    ChangeKind,
    ChangeStatus,
    Criticality,
    Direction,
    DisputeStatus,
    Frequency,
    KpiKind,
    ObjectiveStatus,
    Priority,
    Renewal,
    RiskArea,
    RiskLevel,
    RiskTreatment,
    SelectionDecision,
    SupplierKind,
    SupplierStatus,
)
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.plan import Activity, Allocation, Objective, Process, Resource
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import format_id
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Contact,
    Criterion,
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)

TODAY = date(2025, 6, 16)
CREATED = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)

R = TypeVar("R", bound=Record)


def build(model: type[R], number: int, **fields: Any) -> R:
    """A validated ``model`` record with id ``PREFIX-000n`` created on a fixed day."""
    return model.model_validate(
        {"id": format_id(model.prefix, number), "created_at": CREATED, **fields}
    )


def changed(record: R, **changes: Any) -> R:
    """A validated copy of ``record`` with ``changes`` applied."""
    return type(record).model_validate({**record.model_dump(), **changes})


def edit(data: DataSet, record_id: str, **changes: Any) -> DataSet:
    """Replace the record ``record_id`` in ``data`` by a changed copy; returns ``data``."""
    record = data.get(record_id)
    assert record is not None, record_id
    data.add(changed(record, **changes))
    return data


def without(data: DataSet, *record_ids: str) -> DataSet:
    """A new DataSet holding every record of ``data`` but ``record_ids``."""
    drop = set(record_ids)
    return DataSet(r for r in data if r.id not in drop)


def findings(
    data: DataSet, rule_id: str, today: date = TODAY, settings: CheckSettings | None = None
) -> list[Finding]:
    return run_checks(data, settings or CheckSettings(), today, [rule_id])


def flagged(
    data: DataSet, rule_id: str, today: date = TODAY, settings: CheckSettings | None = None
) -> list[str]:
    """The first record id of each finding of ``rule_id`` about a record.

    A rule with nothing left to look at reports "no evidence" (``test_evidence``), which is
    about no record: it is left out here.
    """
    return [f.record_id for f in findings(data, rule_id, today, settings) if not f.no_evidence]


# -- records -------------------------------------------------------------------------------


def service(n: int = 1, **kw: Any) -> Service:
    return build(
        Service, n, **{"name": "E-mail", "owner": "PER-0001", "customer_ids": ["CUS-0001"], **kw}
    )


def customer(n: int = 1, **kw: Any) -> Customer:
    """A customer (CUS-0001 uses SVC-0001 in ``healthy``)."""
    return build(
        Customer,
        n,
        **{
            "name": "Retail division",
            "type": CustomerType.INTERNAL,
            "relationship_manager": "PER-0003",
            **kw,
        },
    )


def satisfaction(n: int = 1, customer_id: str = "CUS-0001", **kw: Any) -> SatisfactionResult:
    """A good survey result two months before TODAY, analysed."""
    return build(
        SatisfactionResult,
        n,
        **{
            "customer_id": customer_id,
            "measured_on": date(2025, 4, 10),
            "score": 4.2,
            "analysis": "Steady; response times praised, reporting asked for monthly.",
            **kw,
        },
    )


def complaint(n: int = 1, customer_id: str = "CUS-0001", **kw: Any) -> Complaint:
    """A medium complaint received a week before TODAY, being investigated."""
    return build(
        Complaint,
        n,
        **{
            "customer_id": customer_id,
            "service_id": "SVC-0001",
            "title": "Mail delayed",
            "received_on": date(2025, 6, 9),
            "owner": "PER-0003",
            "severity": ComplaintSeverity.MEDIUM,
            "status": ComplaintStatus.INVESTIGATING,
            **kw,
        },
    )


def customer_review(n: int = 1, customer_id: str = "CUS-0001", **kw: Any) -> CustomerReview:
    """A service review held with the customer in March (within six months of TODAY)."""
    return build(
        CustomerReview,
        n,
        **{
            "customer_id": customer_id,
            "held_on": date(2025, 3, 20),
            "attendees": ["PER-0003"],
            "outcomes": "Targets met; monthly reporting agreed.",
            **kw,
        },
    )


def process(n: int = 1, **kw: Any) -> Process:
    return build(
        Process,
        n,
        **{
            "name": "Incident management",
            "owner": "PER-0002",
            "performance_criteria": ["90 % of P1 resolved in 4 hours"],
            "controls": ["Daily P1 review"],
            **kw,
        },
    )


def activity(n: int = 1, process_id: str = "PRC-0001", **kw: Any) -> Activity:
    return build(
        Activity,
        n,
        **{
            "process_id": process_id,
            "name": "Monthly restore test",
            "responsible": "PER-0016",
            "start_date": date(2025, 1, 1),
            "due_date": date(2025, 12, 31),
            "status": ActivityStatus.IN_PROGRESS,
            **kw,
        },
    )


def objective(n: int = 1, **kw: Any) -> Objective:
    return build(
        Objective,
        n,
        **{
            "title": "Cut P1 resolution time",
            "owner": "PER-0015",
            "due_date": date(2025, 12, 31),
            "evaluation": "Quarterly review of the P1 KPI by the service manager.",
            "resources": ["Two service desk analysts"],
            "status": ObjectiveStatus.ON_TRACK,
            **kw,
        },
    )


def resource(n: int = 1, **kw: Any) -> Resource:
    return build(Resource, n, **{"name": "Service desk team", "capacity": 2.0, **kw})


def allocation(n: int = 1, resource_id: str = "RES-0001", **kw: Any) -> Allocation:
    return build(
        Allocation,
        n,
        **{"resource_id": resource_id, "process_id": "PRC-0001", "amount": 1.5, **kw},
    )


def risk(n: int = 1, **kw: Any) -> Risk:
    return build(
        Risk,
        n,
        **{
            "title": "Hosting outage",
            "area": RiskArea.SERVICE_REQUIREMENTS,
            "customer_impact": "Customers have no mail while it lasts.",
            "owner": "PER-0014",
            "likelihood": 4,
            "impact": 4,
            "mitigation_actions": ["Second data centre"],
            "review_date": date(2025, 9, 1),
            **kw,
        },
    )


def change(n: int = 1, **kw: Any) -> ChangeRequest:
    return build(
        ChangeRequest,
        n,
        **{
            "title": "Upgrade mail servers",
            "kind": ChangeKind.NORMAL,
            "status": ChangeStatus.CLOSED,
            "requested_by": "PER-0013",
            "requested_on": date(2025, 2, 20),
            "impact_assessment": "Short outage at night.",
            "risk_level": RiskLevel.LOW,
            "backout_plan": "Restore snapshot.",
            "approver": "PER-0003",
            "approved_on": date(2025, 3, 1),
            "implemented_on": date(2025, 3, 5),
            "review_notes": "Went as planned.",
            "reviewed_on": date(2025, 3, 20),
            "closed_on": date(2025, 3, 21),
            **kw,
        },
    )


def supplier(n: int = 1, **kw: Any) -> Supplier:
    return build(
        Supplier,
        n,
        **{
            "name": "Northwind Hosting",
            "kind": SupplierKind.EXTERNAL,
            "status": SupplierStatus.ACTIVE,
            "criticality": Criticality.CRITICAL,
            "relationship_owner": "PER-0004",
            "interfaces": "Monthly service review; tickets via the shared portal.",
            "contacts": [Contact(name="Hal", role="Account manager")],
            "approved_on": date(2024, 1, 10),
            "approved_by": "PER-0001",
            **kw,
        },
    )


def evaluation(n: int = 1, supplier_id: str = "SUP-0001", **kw: Any) -> Evaluation:
    return build(
        Evaluation,
        n,
        **{
            "supplier_id": supplier_id,
            "evaluated_on": date(2024, 1, 5),
            "criteria": [Criterion(name="capability", weight=1, score=4)],
            "decision": SelectionDecision.SELECTED,
            "rationale": "Best fit.",
            **kw,
        },
    )


def review(
    n: int = 1, supplier_id: str = "SUP-0001", held_on: date = date(2025, 5, 1), **kw: Any
) -> SupplierReview:
    return build(SupplierReview, n, **{"supplier_id": supplier_id, "held_on": held_on, **kw})


def contract(n: int = 1, supplier_id: str | None = "SUP-0001", **kw: Any) -> Agreement:
    """A complete, active supplier agreement (a contract unless ``kind`` says otherwise)."""
    return build(
        Agreement,
        n,
        **{
            "title": "Hosting contract",
            "kind": AgreementKind.CONTRACT,
            "status": AgreementStatus.ACTIVE,
            "supplier_id": supplier_id,
            "service_ids": ["SVC-0001"],
            "owner": "PER-0004",
            "scope": "Hosting of the mail platform.",
            "requirements": ["24x7 monitoring"],
            "targets": [ServiceTarget(metric="Availability", target=99.95, unit="%")],
            "priority_times": [
                PriorityTimes(priority=Priority.P1, response_minutes=15, resolution_minutes=120),
                PriorityTimes(priority=Priority.P2, response_minutes=30, resolution_minutes=480),
            ],
            "authorities": ["Service manager approves changes"],
            "our_responsibilities": ["Provide access"],
            "their_responsibilities": ["Run the platform"],
            "start_date": date(2024, 2, 1),
            "end_date": date(2026, 1, 31),
            "renewal": Renewal.TACIT,
            "renewal_months": 12,
            "notice_days": 60,
            **kw,
        },
    )


def sla(n: int = 3, **kw: Any) -> Agreement:
    """A complete, active customer SLA on SVC-0001."""
    return build(
        Agreement,
        n,
        **{
            "title": "Mail SLA",
            "kind": AgreementKind.CUSTOMER_SLA,
            "status": AgreementStatus.ACTIVE,
            "customer_id": "CUS-0001",
            "service_ids": ["SVC-0001"],
            "underpinning_ids": [],
            "owner": "PER-0001",
            "scope": "Mail for the retail division.",
            "requirements": ["Mail delivered within 5 minutes"],
            "targets": [ServiceTarget(metric="Availability", target=99.9, unit="%")],
            "priority_times": [
                PriorityTimes(priority=Priority.P1, response_minutes=30, resolution_minutes=240),
                PriorityTimes(priority=Priority.P2, response_minutes=60, resolution_minutes=480),
            ],
            "workload_limits": ["500 tickets a month"],
            "exceptions": ["Planned maintenance windows"],
            "signed_on": date(2024, 12, 15),
            "start_date": date(2025, 1, 1),
            **kw,
        },
    )


def kpi(n: int = 1, subject_id: str = "SUP-0001", **kw: Any) -> Kpi:
    return build(
        Kpi,
        n,
        **{
            "name": "Availability",
            "measures": "Monthly availability of the service",
            "method": "Monitoring tool report",
            "target": 99.9,
            "warning": 99.5,
            "frequency": Frequency.MONTHLY,
            "evaluation": "Monthly service review",
            "owner": "PER-0004",
            "subject_id": subject_id,
            **kw,
        },
    )


def measurement(
    n: int, kpi_id: str, measured_on: date = date(2025, 6, 1), value: float = 99.95, **kw: Any
) -> Measurement:
    return build(
        Measurement, n, **{"kpi_id": kpi_id, "measured_on": measured_on, "value": value, **kw}
    )


def action(n: int = 1, **kw: Any) -> ImprovementAction:
    return build(
        ImprovementAction,
        n,
        **{
            "description": "Add a second contact",
            "owner": "PER-0004",
            "due_date": date(2025, 7, 1),
            "status": ActionStatus.OPEN,
            **kw,
        },
    )


def dispute(n: int = 1, supplier_id: str = "SUP-0001", **kw: Any) -> Dispute:
    return build(
        Dispute,
        n,
        **{
            "supplier_id": supplier_id,
            "title": "Invoice for unused capacity",
            "raised_on": date(2025, 4, 1),
            "status": DisputeStatus.OPEN,
            "resolution": "Credit note for the unused capacity.",
            **kw,
        },
    )


def amendment(n: int = 1, agreement_id: str = "AGR-0001", **kw: Any) -> Amendment:
    return build(
        Amendment,
        n,
        **{
            "agreement_id": agreement_id,
            "title": "More storage",
            "impact_assessment": "Cost +5 %, no effect on targets.",
            **kw,
        },
    )


def healthy() -> DataSet:
    """A small organisation that meets every rule on TODAY.

    SUP-0001 external hosting supplier under contract AGR-0001; SUP-0002 internal network
    team under OLA AGR-0002; both underpin the customer SLA AGR-0003 on service SVC-0001,
    whose workload limit (500 tickets a month) the workload KPI KPI-0006 measures.
    """
    return DataSet(
        [
            customer(),
            service(),
            objective(),
            process(),
            activity(supplier_id="SUP-0001", agreement_id="AGR-0001"),
            resource(),
            allocation(),
            risk(),
            risk(
                2,
                title="Key engineer leaves",
                area=RiskArea.ORGANISATION,
                likelihood=2,
                impact=3,
                treatment=RiskTreatment.ACCEPT,
                accepted_by="PER-0005",
                accepted_on=date(2025, 3, 1),
                mitigation_actions=[],
            ),
            risk(
                3,
                title="Hosting supplier fails",
                area=RiskArea.OTHER_PARTIES,
                likelihood=2,
                impact=4,
            ),
            change(),
            change(2, kind=ChangeKind.EMERGENCY, title="Patch the mail gateway"),
            change(3, kind=ChangeKind.UNPLANNED, title="Restart after power loss"),
            supplier(),
            supplier(
                2,
                name="Network team",
                kind=SupplierKind.INTERNAL,
                criticality=Criticality.HIGH,
                approved_on=date(2025, 1, 1),
            ),
            contract(),
            contract(
                2,
                supplier_id="SUP-0002",
                title="Network OLA",
                kind=AgreementKind.OLA,
                targets=[ServiceTarget(metric="availability", target=99.9, unit="%")],
                priority_times=[
                    PriorityTimes(
                        priority=Priority.P1, response_minutes=10, resolution_minutes=240
                    ),
                    PriorityTimes(
                        priority=Priority.P2, response_minutes=60, resolution_minutes=240
                    ),
                ],
                start_date=date(2025, 1, 1),
                end_date=None,
                renewal=Renewal.NONE,
                renewal_months=None,
                notice_days=None,
            ),
            sla(underpinning_ids=["AGR-0001", "AGR-0002"]),
            evaluation(),
            review(1, "SUP-0001", date(2025, 5, 1), agreement_id="AGR-0001"),
            review(2, "SUP-0002", date(2025, 5, 2)),
            kpi(1, "OBJ-0001", name="P1 resolved in time"),
            kpi(2, "SUP-0001"),
            kpi(3, "AGR-0003", name="Mail availability"),
            kpi(4, "AGR-0002", name="Network availability"),
            kpi(5, "PRC-0001", name="P1 resolution rate"),
            kpi(
                6,
                "AGR-0003",
                name="Tickets a month",
                kind=KpiKind.WORKLOAD,
                measures="Tickets logged for the retail division in the month",
                unit="tickets",
                direction=Direction.LOWER_IS_BETTER,
                target=500,
                warning=550,
            ),
            measurement(1, "KPI-0001"),
            measurement(2, "KPI-0002"),
            measurement(3, "KPI-0003"),
            measurement(4, "KPI-0004"),
            measurement(5, "KPI-0005"),
            measurement(6, "KPI-0006", value=430.0),
            action(1, review_id="REV-0001", supplier_id="SUP-0001"),
            action(
                2,
                description="Build the second data centre",
                risk_id="RSK-0001",
                due_date=date(2025, 9, 1),
            ),
            dispute(status=DisputeStatus.RESOLVED, resolved_on=date(2025, 4, 20)),
            amendment(),
            satisfaction(),
            complaint(),
            customer_review(),
        ]
    )
