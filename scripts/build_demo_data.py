"""Regenerate ``sample_data/demo.toml``: one realistic IT service provider's records.

Larkfield Managed Services runs a service desk, cloud hosting, networks, workplace,
backup and security monitoring for three enterprise customers, with a dozen external,
internal and customer-provided suppliers. Every date is written relative to ANCHOR
(the snapshot's ``exported_at``); ``itsms_tui.snapshot.demo.load_demo`` moves them so
the anchor is today. The output is deterministic: run this script after changing it
and commit the file (a test compares the two).

    .venv/bin/python scripts/build_demo_data.py [--check]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

from itsms_tui import __version__
from itsms_tui.domain.agreements import Agreement, Amendment, PriorityTimes, ServiceTarget
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import (
    ENDINGS,
    ChangeRequest,
    check_initial_state,
    end_change,
    transition,
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
    ObjectiveStatus,
    Priority,
    ProcessCategory,
    Renewal,
    ResourceKind,
    RiskLevel,
    RiskStatus,
    RiskTreatment,
    SelectionDecision,
    ServiceStatus,
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
from itsms_tui.snapshot.export import export_snapshot

ANCHOR = date(2026, 11, 2)
"""The day the demo is written for; ``exported_at`` is this day at 08:00 UTC."""
EXPORTED_AT = datetime.combine(ANCHOR, time(8, 0), tzinfo=UTC)
OUTPUT = Path(__file__).resolve().parents[1] / "sample_data" / "demo.toml"

R = TypeVar("R", bound=Record)
S = ChangeStatus

# Larkfield people
PRIYA = "Priya Raman"  # Head of Service Management, CAB chair
TOM = "Tom Okafor"  # Supplier Manager
ELENA = "Elena Marsh"  # Service Level Manager
DANIEL = "Daniel Fischer"  # Cloud Platform Lead
AISHA = "Aisha Khan"  # Network Services Lead
MARCUS = "Marcus Reid"  # Service Desk Manager
SOFIA = "Sofia Lindqvist"  # Information Security Manager
BEN = "Ben Hartley"  # Change Manager
GRACE = "Grace Mwangi"  # Capacity and Availability Manager
LIAM = "Liam O'Connor"  # Database Services Team Lead
HANNAH = "Hannah Becker"  # Finance Business Partner
OLIVER = "Oliver Grant"  # Problem Manager

HARROWBY = "Harrowby Insurance plc"
CALDER = "Calder Freight Ltd"
ALDERMOOR = "Aldermoor Borough Council"
KESTREL = "Kestrel Health Partners"


def day(offset: int) -> date:
    """ANCHOR plus ``offset`` days."""
    return ANCHOR + timedelta(days=offset)


def stamp(offset: int, minute_of_day: int = 9 * 60) -> datetime:
    """A UTC timestamp ``offset`` days from ANCHOR at a given minute of the day."""
    return datetime.combine(day(offset), time(0, 0), tzinfo=UTC) + timedelta(minutes=minute_of_day)


class Builder:
    """Numbers records per prefix and gives them plausible timestamps and revisions."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self._numbers: dict[str, int] = defaultdict(int)

    def next_id(self, model: type[Record]) -> str:
        self._numbers[model.prefix] += 1
        return format_id(model.prefix, self._numbers[model.prefix])

    def add(
        self,
        model: type[R],
        *,
        created: int = -400,
        updated: int | None = None,
        revision: int = 1,
        **fields: Any,
    ) -> R:
        record_id = self.next_id(model)
        minute = 8 * 60 + (sum(map(ord, record_id)) * 37) % 540
        record = model(
            id=record_id,
            revision=revision,
            created_at=stamp(created, minute),
            updated_at=stamp(created, minute) if updated is None else stamp(updated, minute + 23),
            **fields,
        )
        self.records.append(record)
        return record

    def change(
        self,
        kind: ChangeKind,
        start: ChangeStatus,
        steps: list[tuple[ChangeStatus, dict[str, Any]]],
        *,
        created: int,
        **fields: Any,
    ) -> ChangeRequest:
        """A change recorded in ``start`` and moved through ``steps`` by the real workflow."""
        change = self.add(
            ChangeRequest, created=created, kind=kind, status=start, revision=1, **fields
        )
        check_initial_state(change)
        self.records.pop()
        for target, updates in steps:
            if target in ENDINGS:
                change = end_change(change, target, updates["end_reason"], updates["ended_on"])
            else:
                change = transition(change, target, updates)
        last = max(
            [created]
            + [
                (d - ANCHOR).days
                for d in (
                    change.approved_on,
                    change.implemented_on,
                    change.reviewed_on,
                    change.ended_on,
                )
                if d
            ]
            + [(change.closed_on - ANCHOR).days if change.closed_on else created]
        )
        change = change.model_copy(
            update={
                "revision": 1 + len(steps),
                "updated_at": max(
                    change.created_at, stamp(min(last, -1), 15 * 60 + len(steps) * 7)
                ),
            }
        )
        self.records.append(change)
        return change


def contact(name: str, role: str, email: str, phone: str, level: int) -> Contact:
    return Contact(name=name, role=role, email=email, phone=phone, escalation_level=level)


def criteria(*rows: tuple[str, float, float]) -> list[Criterion]:
    return [Criterion(name=n, weight=w, score=s) for n, w, s in rows]


def times(*rows: tuple[str, int, int]) -> list[PriorityTimes]:
    return [
        PriorityTimes(priority=Priority(p), response_minutes=r, resolution_minutes=res)
        for p, r, res in rows
    ]


def target(
    metric: str, value: float, unit: str = "%", lower_is_better: bool = False
) -> ServiceTarget:
    direction = Direction.LOWER_IS_BETTER if lower_is_better else Direction.HIGHER_IS_BETTER
    return ServiceTarget(metric=metric, target=value, unit=unit, direction=direction)


def terms(
    *,
    requirements: list[str] | None = None,
    authorities: list[str] | None = None,
    ours: list[str] | None = None,
    theirs: list[str] | None = None,
) -> dict[str, list[str]]:
    """The "who does what" lists of an agreement (only those given)."""
    given = {
        "requirements": requirements,
        "authorities": authorities,
        "our_responsibilities": ours,
        "their_responsibilities": theirs,
    }
    return {k: v for k, v in given.items() if v is not None}


def build() -> DataSet:
    """Every record of the demo organisation, told top to bottom."""
    b = Builder()

    # --- service catalogue ---------------------------------------------------------
    desk = b.add(
        Service,
        created=-1500,
        name="Managed Service Desk",
        description=(
            "24x7 single point of contact for incidents and service requests.\n"
            "First and second line in-house 08:00-18:00 UK time; out of hours first line "
            "by HelpPoint Outsourcing with on-call escalation to Larkfield engineers."
        ),
        owner=MARCUS,
        customers=[HARROWBY, CALDER, ALDERMOOR],
    )
    hosting = b.add(
        Service,
        created=-1500,
        name="Managed Cloud Hosting",
        description=(
            "Virtual servers, databases and storage on Stratus Cloud (eu-west) and on the "
            "private cloud in Docklands Colocation hall A, patched and monitored by Larkfield."
        ),
        owner=DANIEL,
        customers=[HARROWBY, CALDER],
    )
    network = b.add(
        Service,
        created=-1450,
        name="Managed Network (SD-WAN)",
        description="SD-WAN, site LAN and internet breakout for customer offices and depots.",
        owner=AISHA,
        customers=[CALDER, ALDERMOOR],
    )
    workplace = b.add(
        Service,
        created=-1400,
        name="Workplace Device Management",
        description="Laptop build, enrolment, patching and replacement for office staff.",
        owner=MARCUS,
        customers=[CALDER, ALDERMOOR],
    )
    backup = b.add(
        Service,
        created=-1400,
        name="Backup and Disaster Recovery",
        description=(
            "Daily backups with 90-day retention (Harrowby) or 30-day retention (others), "
            "immutable copies, quarterly restore tests and an annual DR failover test."
        ),
        owner=DANIEL,
        customers=[HARROWBY, ALDERMOOR],
    )
    soc = b.add(
        Service,
        created=-900,
        name="Security Monitoring (24x7 SOC)",
        description="Security event monitoring, triage and incident response with Sentinel Watch.",
        owner=SOFIA,
        customers=[ALDERMOOR, HARROWBY],
    )
    kubernetes = b.add(
        Service,
        created=-120,
        name="Managed Kubernetes Platform",
        description="Container platform on Stratus Cloud; first customer Kestrel Health Partners.",
        owner=DANIEL,
        status=ServiceStatus.PIPELINE,
        customers=[KESTREL],
    )
    b.add(
        Service,
        created=-1800,
        updated=-200,
        revision=4,
        name="Hosted Exchange (on-premises)",
        description="Retired: all mailboxes migrated to the customers' own Microsoft 365 tenants.",
        owner=MARCUS,
        status=ServiceStatus.RETIRED,
        customers=[],
    )

    # --- objectives ------------------------------------------------------------------
    obj_availability = b.add(
        Objective,
        created=-300,
        updated=-30,
        revision=3,
        title="99.9 % availability for every hosted customer service",
        description="Measured monthly per customer; planned maintenance in agreed windows excluded.",
        owner=GRACE,
        due_date=day(150),
        evaluation="Monthly availability report reviewed at the service review; annual trend at management review.",
        status=ObjectiveStatus.ON_TRACK,
    )
    obj_p1 = b.add(
        Objective,
        created=-300,
        updated=-20,
        revision=4,
        title="Resolve P1 incidents in under 4 hours on average",
        description="Network incidents at Calder depots drive the over-runs.",
        owner=OLIVER,
        due_date=day(60),
        evaluation="Mean P1 resolution time per month; major incident reviews examine each breach.",
        status=ObjectiveStatus.AT_RISK,
    )
    obj_reviews = b.add(
        Objective,
        created=-420,
        updated=-40,
        revision=2,
        title="Review every critical supplier at least quarterly",
        owner=TOM,
        due_date=day(-40),
        evaluation="Supplier management dashboard; evidence is the review minutes.",
        status=ObjectiveStatus.ACHIEVED,
    )
    b.add(
        Objective,
        created=-700,
        updated=-200,
        revision=3,
        title="Move remaining customers off hosted Exchange",
        owner=MARCUS,
        due_date=day(-210),
        evaluation="Service retired with no open mailboxes.",
        status=ObjectiveStatus.ACHIEVED,
    )
    obj_audit = b.add(
        Objective,
        created=-90,
        title="Pass the ISO/IEC 20000-1 surveillance audit with no major nonconformity",
        description="Clauses 8.1 and 8.3 in scope this year.",
        owner=PRIYA,
        due_date=day(120),
        evaluation="Audit report; internal audit dry run one month before.",
        status=ObjectiveStatus.PLANNED,
    )
    obj_csat = b.add(
        Objective,
        created=-400,
        updated=-35,
        revision=3,
        title="Customer satisfaction of 4.5 out of 5",
        description="Quarterly survey of the three customers' service owners.",
        owner=ELENA,
        due_date=day(-30),
        evaluation="Quarterly survey results discussed with each customer.",
        status=ObjectiveStatus.AT_RISK,
    )

    # --- processes (ISO/IEC 20000-1 clause 8 areas) ---------------------------------
    def process(
        name: str,
        category: ProcessCategory,
        owner: str,
        purpose: str,
        criteria_: list[str],
        controls: list[str],
        needs: list[str],
        evidence: list[str],
    ) -> Process:
        return b.add(
            Process,
            created=-800,
            updated=-60,
            revision=2,
            name=name,
            category=category,
            owner=owner,
            purpose=purpose,
            performance_criteria=criteria_,
            controls=controls,
            resource_requirements=needs,
            evidence=evidence,
        )

    p_slm = process(
        "Service level management",
        ProcessCategory.RELATIONSHIP_AND_AGREEMENT,
        ELENA,
        "Agree, monitor and report service levels with customers; keep SLAs aligned "
        "with the contracts and OLAs that underpin them.",
        ["SLA targets met in 95 % of months", "Every SLA reviewed at least annually"],
        ["SLA template approved by the Head of Service Management", "Monthly SLA report"],
        ["Service level manager (0.5 FTE)", "ITSM reporting module"],
        ["SMS-PRO-003 Service level management procedure v2.1", "Monthly SLA reports"],
    )
    p_supplier = process(
        "Supplier management",
        ProcessCategory.RELATIONSHIP_AND_AGREEMENT,
        TOM,
        "Select, contract, review and improve the suppliers the services depend on "
        "(ISO/IEC 20000-1 8.3.3 and 8.3.4).",
        [
            "Critical suppliers reviewed quarterly",
            "Every supplier-side agreement has scope, targets and a named owner",
        ],
        ["Supplier register kept current", "Contract renewal calendar checked monthly"],
        ["Supplier manager (1 FTE)", "Supplier management budget"],
        ["SMS-PRO-011 Supplier management procedure v3.0", "Supplier review minutes"],
    )
    p_incident = process(
        "Incident management",
        ProcessCategory.RESOLUTION_AND_FULFILMENT,
        MARCUS,
        "Restore normal service as quickly as possible within the agreed priorities.",
        ["P1 resolved within SLA in 95 % of cases", "First-contact resolution 70 %"],
        ["Priority matrix in the ITSM tool", "Major incident procedure for every P1"],
        ["Service desk analysts", "ITSM platform seats", "Out-of-hours desk (HelpPoint)"],
        ["SMS-PRO-008 Incident management procedure v3.2", "Major incident reports"],
    )
    p_request = process(
        "Service request management",
        ProcessCategory.RESOLUTION_AND_FULFILMENT,
        MARCUS,
        "Fulfil standard requests from the catalogue on time.",
        ["90 % of requests fulfilled within target"],
        ["Request catalogue with approval rules"],
        ["Service desk analysts", "Self-service portal"],
        ["SMS-PRO-009 Request fulfilment procedure v1.4"],
    )
    p_problem = process(
        "Problem management",
        ProcessCategory.RESOLUTION_AND_FULFILMENT,
        OLIVER,
        "Find and remove the causes of incidents; keep the known error database useful.",
        ["Root cause found within 30 days for 80 % of problems"],
        ["Problem review every fortnight", "Known errors linked to incidents"],
        ["Problem manager (0.5 FTE)", "Engineers from each platform team"],
        ["SMS-PRO-010 Problem management procedure v1.2"],
    )
    p_change = process(
        "Change management",
        ProcessCategory.DESIGN_BUILD_TRANSITION,
        BEN,
        "Assess, approve and review changes so that they do not harm the services.",
        ["95 % of changes successful", "Emergency changes below 5 % of all changes"],
        [
            "Weekly CAB; emergency CAB on call",
            "Standard change catalogue reviewed every six months",
            "Post-implementation review for every emergency and unplanned change",
        ],
        ["Change manager (0.5 FTE)", "CAB members from each team"],
        ["SMS-PRO-005 Change management procedure v4.0", "CAB minutes"],
    )
    p_release = process(
        "Release and deployment management",
        ProcessCategory.DESIGN_BUILD_TRANSITION,
        DANIEL,
        "Plan and deploy releases into the live environment with tested backout.",
        ["No release rolled back for lack of testing"],
        ["Release readiness checklist"],
        ["Cloud platform engineers", "CI/CD pipeline"],
        ["SMS-PRO-006 Release and deployment procedure v2.0"],
    )
    p_capacity = process(
        "Capacity management",
        ProcessCategory.SUPPLY_AND_DEMAND,
        GRACE,
        "Plan capacity of people, platforms and storage ahead of demand.",
        ["Peak storage utilisation below 75 %", "Capacity plan updated quarterly"],
        ["Quarterly capacity plan approved by the Head of Service Management"],
        ["Capacity manager (0.3 FTE)", "Monitoring platform"],
        ["Capacity plan Q3 2026", "SMS-PRO-012 Capacity management procedure v1.1"],
    )
    p_availability = process(
        "Service availability management",
        ProcessCategory.SERVICE_ASSURANCE,
        GRACE,
        "Meet agreed availability and report it honestly.",
        ["Availability targets met for every SLA"],
        ["Availability calculated from monitoring, not tickets"],
        ["Monitoring platform", "Availability manager (0.2 FTE)"],
        ["Monthly availability reports"],
    )
    p_continuity = process(
        "Service continuity management",
        ProcessCategory.SERVICE_ASSURANCE,
        DANIEL,
        "Keep services recoverable after a major disruption within agreed RTO and RPO.",
        ["Annual DR test passed for every customer", "Quarterly restore tests pass"],
        ["Continuity plans reviewed annually", "Immutable backup copies"],
        ["Backup storage", "Cloud platform engineers", "Database Services Team"],
        ["SMS-PLN-002 Service continuity plan v5", "DR test reports"],
    )
    p_security = process(
        "Information security management",
        ProcessCategory.SERVICE_ASSURANCE,
        SOFIA,
        "Protect customer information and services (aligned with ISO/IEC 27001).",
        ["Critical vulnerabilities patched within 14 days", "Quarterly access reviews done"],
        ["24x7 SOC monitoring", "Quarterly privileged access review"],
        ["Security analysts", "SOC service (Sentinel Watch)"],
        ["ISMS-POL-001 Information security policy v6", "Access review records"],
    )
    b.add(
        Process,
        created=-800,
        updated=-150,
        revision=2,
        name="Service catalogue management",
        category=ProcessCategory.SERVICE_PORTFOLIO,
        owner=ELENA,
        purpose="Keep the catalogue of live, pipeline and retired services accurate.",
        performance_criteria=["Catalogue reviewed every six months"],
        controls=["Catalogue changes go through change management"],
        resource_requirements=["Service level manager (0.1 FTE)"],
        evidence=["Service catalogue v14"],
    )
    p_monitoring = process(
        "Monitoring and event management",
        ProcessCategory.OPERATION,
        AISHA,
        "Detect and act on events in networks and platforms before customers notice.",
        ["90 % of P1 incidents detected by monitoring before a customer call"],
        ["Alert thresholds reviewed quarterly"],
        ["Network engineers", "Monitoring platform"],
        ["Monitoring runbook RB-017 v3"],
    )

    # --- resources -----------------------------------------------------------------------
    def resource(
        name: str, kind: ResourceKind, capacity: float, unit: str, owner: str, text: str
    ) -> Resource:
        return b.add(
            Resource,
            created=-700,
            updated=-45,
            revision=2,
            name=name,
            kind=kind,
            capacity=capacity,
            unit=unit,
            owner=owner,
            description=text,
        )

    r_desk = resource(
        "Service desk analysts",
        ResourceKind.PERSONNEL,
        14.0,
        "FTE",
        MARCUS,
        "Day shift in Leeds; out of hours covered by HelpPoint.",
    )
    r_network = resource(
        "Network engineers",
        ResourceKind.PERSONNEL,
        4.0,
        "FTE",
        AISHA,
        "Four engineers also cover the on-call rota.",
    )
    r_cloud = resource(
        "Cloud platform engineers",
        ResourceKind.PERSONNEL,
        6.0,
        "FTE",
        DANIEL,
        "Includes one engineer seconded to the Kubernetes platform build.",
    )
    r_smo = resource(
        "Service management office",
        ResourceKind.PERSONNEL,
        3.0,
        "FTE",
        PRIYA,
        "Service level, supplier and change management.",
    )
    r_security = resource(
        "Security analysts",
        ResourceKind.PERSONNEL,
        2.0,
        "FTE",
        SOFIA,
        "In-house analysts working with the Sentinel Watch SOC.",
    )
    r_seats = resource(
        "ITSM platform agent seats",
        ResourceKind.TECHNOLOGY,
        150.0,
        "seats",
        BEN,
        "Ledgerline subscription; 30 more seats on order (AMD-0004).",
    )
    r_racks = resource(
        "Colocation rack space (Docklands hall A)",
        ResourceKind.INFRASTRUCTURE,
        18.0,
        "racks",
        DANIEL,
        "18 racks at 8 kW each.",
    )
    r_budget = resource(
        "Supplier management budget",
        ResourceKind.BUDGET,
        2_400_000.0,
        "GBP/year",
        HANNAH,
        "FY2026 operating budget for supplier-side agreements.",
    )
    r_storage = resource(
        "Backup storage",
        ResourceKind.INFRASTRUCTURE,
        480.0,
        "TB",
        DANIEL,
        "Immutable object storage for backup copies.",
    )
    resource(
        "Configuration management database",
        ResourceKind.INFORMATION,
        25_000.0,
        "CIs",
        BEN,
        "CMDB in the ITSM platform; licensed for 25,000 configuration items.",
    )

    # --- suppliers -------------------------------------------------------------------------
    stratus = b.add(
        Supplier,
        created=-1150,
        updated=-70,
        revision=7,
        name="Stratus Cloud Europe B.V.",
        kind=SupplierKind.EXTERNAL,
        category="Cloud hosting",
        services_provided=[
            "IaaS compute and block storage (eu-west-1, eu-west-2)",
            "Object storage for backup copies",
            "24x7 platform support",
        ],
        criticality=Criticality.CRITICAL,
        status=SupplierStatus.ACTIVE,
        relationship_owner=DANIEL,
        contacts=[
            contact(
                "Maarten de Vries",
                "Account manager",
                "m.devries@stratuscloud.example",
                "+31 20 555 0142",
                0,
            ),
            contact(
                "Stratus Support",
                "24x7 support desk",
                "support@stratuscloud.example",
                "+31 20 555 0100",
                0,
            ),
            contact(
                "Ines Kramer",
                "Service delivery manager",
                "i.kramer@stratuscloud.example",
                "+31 20 555 0177",
                1,
            ),
            contact(
                "Joost Willems",
                "Regional director, Benelux and UK",
                "j.willems@stratuscloud.example",
                "+31 20 555 0199",
                2,
            ),
        ],
        requirements=[
            "ISO/IEC 27001 certified data centres",
            "All customer data stays in the EU",
            "99.95 % monthly platform availability",
            "P1 response within 15 minutes, 24x7",
        ],
        our_responsibilities=[
            "Raise incidents through the partner portal with priority and impact",
            "Keep the named technical contacts current",
            "Pay invoices within 30 days",
        ],
        supplier_responsibilities=[
            "Announce planned maintenance at least 10 working days ahead",
            "Send monthly availability and incident reports",
            "Report security incidents affecting our tenants within 24 hours",
        ],
        interfaces=(
            "Operations: incidents and requests through the Stratus partner portal; P1 also by phone.\n"
            "Governance: monthly service review with the service delivery manager; quarterly business review.\n"
            "Change: maintenance notices go to the change manager and appear on the CAB agenda."
        ),
        review_interval_months=3,
        approved_on=day(-1120),
    )
    meridian = b.add(
        Supplier,
        created=-1500,
        updated=-45,
        revision=6,
        name="Meridian Fibre Networks Ltd",
        category="Network carrier",
        services_provided=[
            "MPLS and internet circuits at 42 customer sites",
            "SD-WAN underlay for Calder depots",
            "DDoS scrubbing",
        ],
        criticality=Criticality.CRITICAL,
        status=SupplierStatus.ACTIVE,
        relationship_owner=AISHA,
        contacts=[
            contact(
                "Rachel Dunmore",
                "Account manager",
                "rachel.dunmore@meridianfibre.example",
                "+44 161 555 0123",
                0,
            ),
            contact(
                "Meridian NOC",
                "Network operations centre",
                "noc@meridianfibre.example",
                "+44 161 555 0000",
                0,
            ),
            contact(
                "Gareth Pryce",
                "Service manager",
                "gareth.pryce@meridianfibre.example",
                "+44 161 555 0188",
                1,
            ),
            contact(
                "Helen Achebe",
                "Head of enterprise service",
                "helen.achebe@meridianfibre.example",
                "+44 161 555 0190",
                2,
            ),
            contact(
                "Simon Tate",
                "Operations director",
                "simon.tate@meridianfibre.example",
                "+44 161 555 0195",
                3,
            ),
        ],
        requirements=[
            "Diverse routing for sites with more than 50 users",
            "Fault reports answered by the NOC within 30 minutes",
            "Monthly circuit availability report per site",
        ],
        our_responsibilities=["Give site access within 4 hours for engineer visits"],
        supplier_responsibilities=[
            "Proactive monitoring of every circuit",
            "Root cause analysis within 10 working days of a P1",
        ],
        interfaces="Faults by phone to the NOC with the circuit id; monthly service review; quarterly account review.",
        review_interval_months=3,
        approved_on=day(-1480),
    )
    docklands = b.add(
        Supplier,
        created=-1300,
        updated=-200,
        revision=4,
        name="Docklands Colocation Ltd",
        category="Data centre colocation",
        services_provided=[
            "Rack space, power and cooling (hall A, 18 racks)",
            "Remote hands 24x7",
            "Cross-connects",
        ],
        criticality=Criticality.HIGH,
        status=SupplierStatus.ACTIVE,
        relationship_owner=DANIEL,
        contacts=[
            contact(
                "Docklands Service Desk",
                "Remote hands and access requests",
                "service@docklandscolo.example",
                "+44 20 7946 0310",
                0,
            ),
            contact(
                "Farid Haddad",
                "Customer success manager",
                "f.haddad@docklandscolo.example",
                "+44 20 7946 0322",
                1,
            ),
        ],
        requirements=[
            "N+1 power and cooling",
            "ISO/IEC 27001 and ISO 22301 certificates",
            "Access logs kept 12 months",
        ],
        our_responsibilities=[
            "Keep the access list current",
            "Stay within contracted power per rack",
        ],
        supplier_responsibilities=[
            "Maintain power, cooling and physical security",
            "Report environmental alarms within 15 minutes",
        ],
        interfaces="Access and remote hands through the customer portal; quarterly site walk-round.",
        review_interval_months=6,
        approved_on=day(-1280),
    )
    helppoint = b.add(
        Supplier,
        created=-760,
        updated=-30,
        revision=9,
        name="HelpPoint Outsourcing Ltd",
        category="Service desk outsourcing",
        services_provided=[
            "Out-of-hours first-line service desk (18:00-08:00 and weekends)",
            "Password resets and call logging",
        ],
        criticality=Criticality.HIGH,
        status=SupplierStatus.UNDER_REVIEW,
        relationship_owner=MARCUS,
        contacts=[
            contact(
                "Carla Jensen",
                "Contract manager",
                "carla.jensen@helppoint.example",
                "+44 113 496 0501",
                0,
            ),
            contact(
                "Dev Patel",
                "Operations manager (night shift)",
                "dev.patel@helppoint.example",
                "+44 113 496 0515",
                1,
            ),
            contact(
                "Moira Lennox",
                "Managing director",
                "moira.lennox@helppoint.example",
                "+44 113 496 0500",
                2,
            ),
        ],
        requirements=[
            "Calls answered within 60 seconds (90 %)",
            "Tickets logged in our ITSM platform, not theirs",
            "Agents trained on our knowledge base",
        ],
        our_responsibilities=[
            "Keep knowledge articles current",
            "Provide on-call rota for escalation",
        ],
        supplier_responsibilities=[
            "Staff the desk to the agreed forecast",
            "Weekly performance report",
        ],
        interfaces="Shared ITSM queues; hand-over call at 08:00 and 18:00; weekly performance call during the improvement plan.",
        review_interval_months=3,
        approved_on=day(-730),
        notes="Under review since the Q2 answer-time failures; improvement plan agreed at the last review.",
    )
    ledgerline = b.add(
        Supplier,
        created=-1100,
        updated=-40,
        revision=3,
        name="Ledgerline Software Ltd",
        category="Software vendor (ITSM platform)",
        services_provided=[
            "ITSM platform subscription (150 agent seats)",
            "Vendor support, business hours",
        ],
        criticality=Criticality.MEDIUM,
        status=SupplierStatus.ACTIVE,
        relationship_owner=BEN,
        contacts=[
            contact(
                "Ledgerline Support",
                "Vendor support",
                "support@ledgerline.example",
                "+44 1223 555 020",
                0,
            )
        ],
        requirements=["99.8 % platform availability", "Data export in an open format on exit"],
        interfaces="Support portal; annual roadmap briefing.",
        review_interval_months=12,
        approved_on=day(-1090),
    )
    sentinel = b.add(
        Supplier,
        created=-820,
        updated=-100,
        revision=5,
        name="Sentinel Watch Security Ltd",
        category="Security operations (SOC)",
        services_provided=[
            "24x7 security event monitoring",
            "Threat hunting",
            "Incident response retainer (40 hours a year)",
        ],
        criticality=Criticality.CRITICAL,
        status=SupplierStatus.ACTIVE,
        relationship_owner=SOFIA,
        contacts=[
            contact(
                "Sentinel SOC",
                "24x7 SOC hotline",
                "soc@sentinelwatch.example",
                "+44 20 3885 0999",
                0,
            ),
            contact(
                "Nadia Rahman",
                "Customer security lead",
                "n.rahman@sentinelwatch.example",
                "+44 20 3885 0911",
                1,
            ),
            contact(
                "Chris Ellery",
                "Chief operating officer",
                "c.ellery@sentinelwatch.example",
                "+44 20 3885 0901",
                2,
            ),
        ],
        requirements=[
            "Alerts triaged within 15 minutes",
            "Analysts security-cleared (SC) for council data",
            "Monthly threat report",
        ],
        our_responsibilities=[
            "Forward logs from every in-scope system",
            "Name an on-call security contact",
        ],
        supplier_responsibilities=["Escalate confirmed incidents by phone within 15 minutes"],
        interfaces="SOC portal and hotline; monthly report and call; joint incident exercises twice a year.",
        review_interval_months=3,
        approved_on=day(-790),
    )
    parity = b.add(
        Supplier,
        created=-420,
        updated=-88,
        revision=5,
        name="Parity Hardware Services Ltd",
        category="Hardware maintenance",
        services_provided=[
            "Hardware maintenance for servers and storage arrays",
            "Parts logistics",
        ],
        criticality=Criticality.MEDIUM,
        status=SupplierStatus.SUSPENDED,
        relationship_owner=TOM,
        contacts=[
            contact(
                "Parity Dispatch",
                "Fault logging",
                "dispatch@parityhw.example",
                "+44 121 496 0770",
                0,
            )
        ],
        requirements=["Engineer on site within 4 hours", "Fix within 8 hours for storage arrays"],
        interfaces="Faults logged by phone or e-mail with the asset tag.",
        review_interval_months=6,
        approved_on=day(-400),
        notes="Suspended for new work after repeated missed fix times; existing contract runs while alternatives are sourced.",
    )
    netteam = b.add(
        Supplier,
        created=-700,
        updated=-120,
        revision=2,
        name="Network Engineering Team",
        kind=SupplierKind.INTERNAL,
        category="Internal network team",
        services_provided=[
            "Core and data-centre network operations",
            "Firewall rule changes",
            "SD-WAN configuration",
        ],
        criticality=Criticality.HIGH,
        status=SupplierStatus.ACTIVE,
        relationship_owner=PRIYA,
        contacts=[
            contact(
                AISHA,
                "Network services lead",
                "aisha.khan@larkfield.example",
                "+44 113 496 0210",
                0,
            ),
            contact(
                "Network on-call",
                "Out-of-hours engineer",
                "network-oncall@larkfield.example",
                "+44 113 496 0299",
                1,
            ),
        ],
        requirements=["Firewall changes done within 2 working days"],
        our_responsibilities=["Service desk logs network tickets with site and circuit id"],
        supplier_responsibilities=["Keep network diagrams in the CMDB current"],
        interfaces="ITSM queue 'Network'; on-call rota; weekly operations meeting.",
        review_interval_months=6,
    )
    dbteam = b.add(
        Supplier,
        created=-700,
        updated=-150,
        revision=2,
        name="Database Services Team",
        kind=SupplierKind.INTERNAL,
        category="Internal database team",
        services_provided=[
            "PostgreSQL and SQL Server administration",
            "Backup verification and restore tests",
        ],
        criticality=Criticality.MEDIUM,
        status=SupplierStatus.ACTIVE,
        relationship_owner=DANIEL,
        contacts=[
            contact(
                LIAM, "Database team lead", "liam.oconnor@larkfield.example", "+44 113 496 0230", 0
            )
        ],
        requirements=["Restore tests every quarter for every customer database"],
        interfaces="ITSM queue 'Database'; monthly capacity check-in.",
        review_interval_months=12,
    )
    harrowby_id = b.add(
        Supplier,
        created=-720,
        updated=-160,
        revision=3,
        name="Harrowby Insurance plc - Group Identity Services",
        kind=SupplierKind.CUSTOMER_AS_SUPPLIER,
        category="Customer-provided identity service",
        services_provided=[
            "Microsoft Entra ID tenant and federation for Harrowby users",
            "Joiner, mover and leaver feed",
        ],
        criticality=Criticality.HIGH,
        status=SupplierStatus.ACTIVE,
        relationship_owner=ELENA,
        contacts=[
            contact(
                "Owen Price",
                "Identity platform owner",
                "owen.price@harrowby.example",
                "+44 117 496 0400",
                0,
            ),
            contact(
                "Harrowby IT Service Desk",
                "Customer service desk",
                "itsd@harrowby.example",
                "+44 117 496 0000",
                0,
            ),
            contact(
                "Rebecca Stone",
                "Head of IT operations",
                "rebecca.stone@harrowby.example",
                "+44 117 496 0410",
                2,
            ),
        ],
        requirements=[
            "Leaver accounts disabled within 24 hours",
            "Federation certificate renewed 30 days before expiry",
        ],
        our_responsibilities=["Report sign-in failures to Harrowby's desk within 30 minutes"],
        supplier_responsibilities=["Notify identity changes through Harrowby's change process"],
        interfaces="Harrowby's service desk for incidents; their CAB for federation changes.",
        review_interval_months=6,
        approved_on=day(-700),
    )
    nimbus = b.add(
        Supplier,
        created=-40,
        updated=-20,
        revision=2,
        name="Nimbus Object Storage GmbH",
        category="Cloud storage (archive)",
        services_provided=["S3-compatible archive storage in Frankfurt"],
        criticality=Criticality.MEDIUM,
        status=SupplierStatus.EVALUATING,
        relationship_owner=DANIEL,
        contacts=[
            contact(
                "Katrin Vogel",
                "Sales engineer",
                "k.vogel@nimbus-storage.example",
                "+49 69 555 0133",
                0,
            )
        ],
        requirements=[
            "Object lock (WORM) for backup copies",
            "EU data residency",
            "Egress free for restore tests",
        ],
    )
    brightlane = b.add(
        Supplier,
        created=-1250,
        updated=-130,
        revision=6,
        name="Brightlane Print Services Ltd",
        category="Managed print",
        services_provided=["Managed print for the Leeds office"],
        criticality=Criticality.LOW,
        status=SupplierStatus.EXITED,
        relationship_owner=MARCUS,
        approved_on=day(-1230),
        notes="Exited when the Leeds office moved to follow-me printing on leased devices.",
    )
    b.add(
        Supplier,
        created=-15,
        name="Quorum Licensing Partners",
        category="Software licensing reseller",
        services_provided=["Microsoft and Red Hat licence procurement"],
        criticality=Criticality.LOW,
        status=SupplierStatus.PROPOSED,
        relationship_owner=HANNAH,
        notes="Proposed by Finance to consolidate licence purchasing.",
    )
    vantage = b.add(
        Supplier,
        created=-75,
        updated=-50,
        revision=3,
        name="Vantage Backup Software Ltd",
        category="Software vendor (backup)",
        services_provided=["Backup software licences", "Vendor support"],
        criticality=Criticality.LOW,
        status=SupplierStatus.APPROVED,
        relationship_owner=DANIEL,
        contacts=[
            contact(
                "Vantage Partner Desk",
                "Partner support",
                "partners@vantagebackup.example",
                "+44 1865 555 061",
                0,
            )
        ],
        requirements=["Immutable backup support", "Kubernetes workload backup"],
        interfaces="Partner portal for licences and support cases; quarterly roadmap call.",
        approved_on=day(-50),
    )

    # --- evaluations -----------------------------------------------------------------------
    b.add(
        Evaluation,
        created=-1130,
        supplier_id=stratus.id,
        evaluated_on=day(-1130),
        evaluator=DANIEL,
        criteria=criteria(
            ("capability", 30, 4.5),
            ("expertise", 20, 4.0),
            ("reliability", 30, 4.5),
            ("alignment", 10, 4.0),
            ("EU data residency", 10, 5.0),
        ),
        decision=SelectionDecision.SELECTED,
        rationale="Best availability record of the three bidders and the only one with two EU regions for DR.",
    )
    b.add(
        Evaluation,
        created=-1490,
        supplier_id=meridian.id,
        evaluated_on=day(-1490),
        evaluator=AISHA,
        criteria=criteria(
            ("capability", 30, 4.0),
            ("expertise", 20, 3.5),
            ("reliability", 35, 3.5),
            ("alignment", 15, 4.0),
        ),
        decision=SelectionDecision.SELECTED,
        rationale="Only carrier with on-net coverage at most Calder depots.",
    )
    b.add(
        Evaluation,
        created=-800,
        supplier_id=sentinel.id,
        evaluated_on=day(-800),
        evaluator=SOFIA,
        criteria=criteria(
            ("capability", 25, 4.5),
            ("expertise", 30, 5.0),
            ("reliability", 25, 4.0),
            ("alignment", 10, 3.5),
            ("cost", 10, 3.0),
        ),
        decision=SelectionDecision.SELECTED,
        rationale="Strongest analysts and SC clearance for council work; price higher than the runner-up.",
    )
    b.add(
        Evaluation,
        created=-740,
        supplier_id=helppoint.id,
        evaluated_on=day(-740),
        evaluator=MARCUS,
        criteria=criteria(
            ("capability", 25, 3.5),
            ("expertise", 15, 3.0),
            ("reliability", 35, 2.5),
            ("alignment", 25, 4.0),
        ),
        decision=SelectionDecision.CONDITIONAL,
        rationale="Selected on condition that staffing is reviewed after 90 days; references were mixed on night-shift cover.",
    )
    b.add(
        Evaluation,
        created=-20,
        supplier_id=nimbus.id,
        evaluated_on=day(-20),
        evaluator=DANIEL,
        criteria=criteria(
            ("capability", 30, 4.0),
            ("expertise", 15, 3.5),
            ("reliability", 30, 3.0),
            ("alignment", 15, 4.0),
            ("price per TB", 10, 4.5),
        ),
        decision=SelectionDecision.PENDING,
        rationale="Reliability score awaits references from two existing customers.",
    )
    b.add(
        Evaluation,
        created=-60,
        supplier_id=vantage.id,
        evaluated_on=day(-60),
        evaluator=DANIEL,
        criteria=criteria(
            ("capability", 35, 4.5),
            ("expertise", 20, 4.0),
            ("reliability", 30, 4.0),
            ("alignment", 15, 4.5),
        ),
        decision=SelectionDecision.SELECTED,
        rationale="Supports Kubernetes backups needed for the Kestrel platform.",
    )
    b.add(
        Evaluation,
        created=-300,
        supplier_id=brightlane.id,
        evaluated_on=day(-300),
        evaluator=MARCUS,
        criteria=criteria(
            ("capability", 30, 2.5),
            ("expertise", 20, 3.0),
            ("reliability", 30, 2.0),
            ("alignment", 20, 2.0),
        ),
        decision=SelectionDecision.REJECTED,
        rationale="Re-evaluated before renewal: not renewed, print moved to leased devices.",
    )

    b.add(
        Evaluation,
        created=-1285,
        supplier_id=docklands.id,
        evaluated_on=day(-1285),
        evaluator=DANIEL,
        criteria=criteria(
            ("capability", 30, 4.0),
            ("expertise", 15, 4.0),
            ("reliability", 35, 4.5),
            ("alignment", 10, 3.5),
            ("distance from Leeds office", 10, 2.5),
        ),
        decision=SelectionDecision.SELECTED,
        rationale="Tier III facility with ISO 22301; further from the office than the runner-up.",
    )
    b.add(
        Evaluation,
        created=-1095,
        supplier_id=ledgerline.id,
        evaluated_on=day(-1095),
        evaluator=BEN,
        criteria=criteria(
            ("capability", 35, 4.0),
            ("expertise", 15, 3.5),
            ("reliability", 30, 4.0),
            ("alignment", 20, 4.5),
        ),
        decision=SelectionDecision.SELECTED,
        rationale="ISO/IEC 20000-aligned workflows out of the box; UK hosting.",
    )

    # --- supplier-side agreements ----------------------------------------------------------
    common_quality = ["ISO/IEC 27001", "ISO/IEC 20000-1"]
    stratus_uc = b.add(
        Agreement,
        created=-1110,
        updated=-200,
        revision=5,
        title="Stratus Cloud Europe - Enterprise Hosting Agreement",
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=stratus.id,
        service_ids=[hosting.id, backup.id, kubernetes.id],
        owner=DANIEL,
        scope=(
            "IaaS compute, block and object storage in eu-west-1 and eu-west-2 for Larkfield's "
            "customer tenants, with 24x7 support.\nExcludes customer-managed operating systems."
        ),
        requirements=["Data stays in the EU", "Tenant isolation per customer"],
        targets=[
            target("availability", 99.95),
            target("storage replication RPO", 15, "min", lower_is_better=True),
        ],
        priority_times=times(("P1", 15, 120), ("P2", 30, 480), ("P3", 240, 2880)),
        quality_standards=[*common_quality, "SOC 2 Type II"],
        conditions=[
            "Service credits of 5 % of the monthly fee per 0.1 % below target, capped at 25 %"
        ],
        authorities=[
            "Larkfield: Cloud Platform Lead orders capacity up to EUR 20,000 a month",
            "Stratus: service delivery manager approves credits",
        ],
        our_responsibilities=[
            "Keep tenant contacts current",
            "Follow the shared responsibility model",
        ],
        their_responsibilities=["Platform patching and hardware", "Monthly availability report"],
        start_date=day(-1095),
        end_date=day(-1),
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=90,
        value=980_000.0,
        currency="EUR",
        review_interval_months=3,
        signed_on=day(-1100),
    )
    meridian_uc = b.add(
        Agreement,
        created=-910,
        updated=-60,
        revision=4,
        title="Meridian Fibre - WAN Carrier Services Contract",
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=meridian.id,
        service_ids=[network.id],
        owner=AISHA,
        **terms(
            authorities=[
                "Larkfield: Network Services Lead orders circuit moves and upgrades",
                "Meridian: service manager approves service credits",
            ],
            ours=[
                "Site access within 4 hours for engineer visits",
                "Report faults with the circuit id",
            ],
            theirs=["24x7 NOC monitoring of every circuit", "RCA within 10 working days of a P1"],
        ),
        scope="MPLS and internet circuits for 42 Calder and Aldermoor sites, with NOC monitoring.",
        requirements=["Diverse routing at sites with more than 50 users"],
        targets=[
            target("availability", 99.5),
            target("fault response", 30, "min", lower_is_better=True),
        ],
        priority_times=times(("P1", 30, 480), ("P2", 60, 960), ("P3", 240, 2880)),
        quality_standards=["ISO/IEC 27001"],
        conditions=["Price indexed yearly (see AMD-0003)"],
        start_date=day(-900),
        end_date=day(195),
        renewal=Renewal.TACIT,
        renewal_months=24,
        notice_days=90,
        value=310_000.0,
        currency="GBP",
        review_interval_months=3,
        signed_on=day(-905),
    )
    docklands_uc = b.add(
        Agreement,
        created=-1290,
        updated=-210,
        revision=3,
        title="Docklands Colocation - Colocation Services Agreement",
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=docklands.id,
        service_ids=[hosting.id, backup.id],
        owner=DANIEL,
        **terms(
            requirements=[
                "N+1 power and cooling",
                "24x7 remote hands",
                "Access logs kept 12 months",
            ],
            authorities=[
                "Larkfield: Cloud Platform Lead approves access requests",
                "Docklands: duty manager authorises emergency power work",
            ],
            ours=["Keep the access list current", "Stay within 8 kW per rack"],
            theirs=[
                "Maintain power, cooling and physical security",
                "Report environmental alarms within 15 minutes",
            ],
        ),
        scope="18 racks in hall A with N+1 power and cooling, remote hands and cross-connects.",
        targets=[
            target("power availability", 99.99),
            target("remote hands response", 30, "min", lower_is_better=True),
        ],
        quality_standards=["ISO/IEC 27001", "ISO 22301"],
        conditions=[
            "Renews automatically for 36 months unless cancelled 180 days before the end of term"
        ],
        start_date=day(170) - timedelta(days=3 * 365),
        end_date=day(170),
        renewal=Renewal.TACIT,
        renewal_months=36,
        notice_days=180,
        value=260_000.0,
        currency="GBP",
        review_interval_months=6,
        signed_on=day(170) - timedelta(days=3 * 365 + 20),
    )
    helppoint_uc = b.add(
        Agreement,
        created=-735,
        updated=-30,
        revision=6,
        title="HelpPoint - Out-of-hours Service Desk Contract",
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=helppoint.id,
        service_ids=[desk.id],
        owner=MARCUS,
        **terms(
            requirements=[
                "Log every contact in Larkfield's ITSM platform",
                "Agents trained on our knowledge base",
            ],
            authorities=[
                "Larkfield: Service Desk Manager sets priorities and scripts",
                "HelpPoint: contract manager agrees staffing changes",
            ],
            ours=["Keep knowledge articles current", "Provide the on-call rota for escalation"],
            theirs=["Staff the desk to the agreed forecast", "Weekly performance report"],
        ),
        scope="First-line service desk 18:00-08:00 on weekdays and all weekend, in Larkfield's ITSM platform.",
        targets=[
            target("calls answered within 60 seconds", 90),
            target("first-contact resolution", 70),
            target("abandoned calls", 5, lower_is_better=True),
        ],
        priority_times=times(
            ("P1", 15, 240), ("P2", 30, 480), ("P3", 120, 2880), ("P4", 480, 7200)
        ),
        workload_limits=["Up to 1,200 contacts a month; above that, per-contact pricing"],
        start_date=day(-730),
        end_date=day(60),
        renewal=Renewal.EXPRESS,
        notice_days=60,
        value=185_000.0,
        currency="GBP",
        review_interval_months=3,
        signed_on=day(-735),
    )
    ledgerline_c = b.add(
        Agreement,
        created=-1085,
        updated=-40,
        revision=4,
        title="Ledgerline - ITSM Platform Subscription",
        kind=AgreementKind.CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=ledgerline.id,
        service_ids=[desk.id],
        owner=BEN,
        **terms(
            requirements=["Data export in an open format on exit", "UK or EU hosting"],
            authorities=["Larkfield: Change Manager orders seats and modules"],
            ours=[
                "Name two administrators",
                "Apply configuration changes through change management",
            ],
            theirs=["Platform availability and backups", "Security patches within 14 days"],
        ),
        scope="SaaS subscription for 150 agent seats with business-hours vendor support.",
        targets=[target("platform availability", 99.8)],
        start_date=day(80) - timedelta(days=365),
        end_date=day(80),
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=30,
        value=96_000.0,
        currency="GBP",
        review_interval_months=12,
        signed_on=day(80) - timedelta(days=380),
    )
    sentinel_uc = b.add(
        Agreement,
        created=-770,
        updated=-100,
        revision=3,
        title="Sentinel Watch - Managed SOC Services",
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=sentinel.id,
        service_ids=[soc.id],
        owner=SOFIA,
        **terms(
            requirements=[
                "Analysts security-cleared (SC) for council data",
                "Monthly threat report",
            ],
            authorities=[
                "Larkfield: Information Security Manager declares security incidents",
                "Sentinel: SOC lead may isolate a host in an active attack",
            ],
            ours=["Forward logs from every in-scope system", "Name an on-call security contact"],
            theirs=["Escalate confirmed incidents by phone within 15 minutes"],
        ),
        scope="24x7 monitoring of customer and Larkfield log sources, triage, escalation and 40 hours of incident response a year.",
        targets=[target("alerts triaged within 15 minutes", 98)],
        priority_times=times(("P1", 15, 60), ("P2", 30, 240)),
        quality_standards=["ISO/IEC 27001", "CREST accredited SOC"],
        start_date=day(-760),
        end_date=day(335),
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=90,
        value=240_000.0,
        currency="GBP",
        review_interval_months=3,
        signed_on=day(-765),
    )
    parity_c = b.add(
        Agreement,
        created=-410,
        updated=-90,
        revision=2,
        title="Parity Hardware - Server and Storage Maintenance",
        kind=AgreementKind.CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=parity.id,
        service_ids=[hosting.id, backup.id],
        owner=TOM,
        **terms(
            requirements=["Engineer on site within 4 hours", "Genuine or certified parts only"],
            ours=["Keep the asset list in schedule 2 current"],
            theirs=[
                "Fix storage arrays within 8 hours",
                "Return failed disks for secure destruction",
            ],
        ),
        scope="Hardware maintenance for 36 servers and 4 storage arrays in Docklands hall A.",
        targets=[target("fixed within 8 hours", 95)],
        priority_times=times(("P1", 240, 480), ("P2", 480, 1440)),
        start_date=day(-400),
        end_date=day(330),
        renewal=Renewal.EXPRESS,
        notice_days=30,
        value=48_000.0,
        currency="GBP",
        review_interval_months=6,
        signed_on=day(-405),
    )
    identity_uc = b.add(
        Agreement,
        created=-705,
        updated=-160,
        revision=2,
        title="Harrowby Group Identity - Identity Federation Agreement",
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=harrowby_id.id,
        service_ids=[desk.id, hosting.id],
        owner=ELENA,
        **terms(
            requirements=[
                "Leaver accounts disabled within 24 hours",
                "Federation certificates renewed 30 days before expiry",
            ],
            authorities=["Harrowby: identity platform owner approves federation changes"],
            ours=["Report sign-in failures to Harrowby's desk within 30 minutes"],
            theirs=["Announce identity changes through Harrowby's change process"],
        ),
        scope="Harrowby provides sign-in for its users to Larkfield-managed systems through federation with its Entra ID tenant.",
        targets=[target("availability", 99.9)],
        priority_times=times(("P1", 15, 240)),
        start_date=day(-700),
        end_date=day(395),
        renewal=Renewal.EXPRESS,
        notice_days=180,
        currency="GBP",
        review_interval_months=6,
        signed_on=day(-705),
    )
    net_ola = b.add(
        Agreement,
        created=-380,
        updated=-120,
        revision=2,
        title="Network Engineering Team - Operational Level Agreement",
        kind=AgreementKind.OLA,
        status=AgreementStatus.ACTIVE,
        supplier_id=netteam.id,
        service_ids=[network.id, hosting.id],
        owner=AISHA,
        **terms(
            requirements=[
                "Firewall changes done within 2 working days",
                "Network diagrams kept in the CMDB",
            ],
            authorities=["Network Services Lead prioritises network work across customers"],
            ours=["Service desk logs network tickets with site and circuit id"],
            theirs=["Second-line network support and on-call cover"],
        ),
        scope="Core, data-centre and SD-WAN network support for the service desk and platform teams.",
        targets=[
            target("core network availability", 99.95),
            target("firewall changes within 2 working days", 90),
        ],
        priority_times=times(("P1", 10, 180), ("P2", 30, 480)),
        start_date=day(-365),
        review_interval_months=12,
        signed_on=day(-370),
    )
    db_ola = b.add(
        Agreement,
        created=-380,
        updated=-150,
        revision=2,
        title="Database Services Team - Operational Level Agreement",
        kind=AgreementKind.OLA,
        status=AgreementStatus.ACTIVE,
        supplier_id=dbteam.id,
        service_ids=[hosting.id, backup.id],
        owner=LIAM,
        **terms(
            requirements=["Quarterly restore test of every customer database"],
            authorities=[
                "Database Team Lead schedules maintenance windows with the change manager"
            ],
            ours=["Platform team provides storage for backup copies"],
            theirs=["Administration, backup verification and restore tests"],
        ),
        scope="Administration, backup verification and quarterly restore tests of customer databases.",
        targets=[target("restore tests passed", 100)],
        priority_times=times(("P1", 15, 120), ("P2", 30, 480)),
        start_date=day(-365),
        review_interval_months=12,
        signed_on=day(-370),
    )
    b.add(
        Agreement,
        created=-25,
        updated=-10,
        revision=3,
        title="Nimbus Object Storage - Archive Storage Contract",
        kind=AgreementKind.CONTRACT,
        status=AgreementStatus.NEGOTIATION,
        supplier_id=nimbus.id,
        service_ids=[backup.id],
        owner=DANIEL,
        scope="Draft: 200 TB of object-locked archive storage for backup copies.",
        targets=[target("durability", 99.999999999)],
        start_date=day(45),
        end_date=day(45 + 3 * 365 - 1),
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=90,
        value=36_000.0,
        currency="EUR",
    )
    b.add(
        Agreement,
        created=-1240,
        updated=-130,
        revision=3,
        title="Brightlane - Managed Print Contract",
        kind=AgreementKind.CONTRACT,
        status=AgreementStatus.EXPIRED,
        supplier_id=brightlane.id,
        owner=MARCUS,
        scope="Managed print for the Leeds office (24 devices).",
        start_date=day(-1225),
        end_date=day(-130),
        renewal=Renewal.EXPRESS,
        notice_days=90,
        value=14_500.0,
        currency="GBP",
        signed_on=day(-1230),
    )
    b.add(
        Agreement,
        created=-45,
        title="Vantage Backup - Software Licence and Support",
        kind=AgreementKind.CONTRACT,
        status=AgreementStatus.DRAFT,
        supplier_id=vantage.id,
        service_ids=[backup.id, kubernetes.id],
        owner=DANIEL,
        scope="Licences for 120 protected workloads, including Kubernetes namespaces.",
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=60,
        value=22_000.0,
        currency="GBP",
    )

    # --- customer SLAs ----------------------------------------------------------------------
    sla_quality = ["ISO/IEC 20000-1", "ISO/IEC 27001"]
    harrowby_sla = b.add(
        Agreement,
        created=-725,
        updated=-150,
        revision=6,
        title="Harrowby Insurance - Managed Services SLA",
        kind=AgreementKind.CUSTOMER_SLA,
        status=AgreementStatus.ACTIVE,
        customer=HARROWBY,
        service_ids=[desk.id, hosting.id, backup.id, soc.id],
        underpinning_ids=[
            stratus_uc.id,
            docklands_uc.id,
            helppoint_uc.id,
            sentinel_uc.id,
            identity_uc.id,
            db_ola.id,
        ],
        owner=ELENA,
        scope=(
            "Service desk, cloud hosting, backup and security monitoring for Harrowby's 1,900 staff "
            "and 210 hosted servers.\nExcludes Harrowby's own Microsoft 365 tenant."
        ),
        requirements=[
            "Named service delivery manager",
            "Monthly service report by the 5th working day",
        ],
        targets=[
            target("availability", 99.9),
            target("first-contact resolution", 70),
            target("customer satisfaction", 4.5, "score (1-5)"),
        ],
        priority_times=times(
            ("P1", 15, 240), ("P2", 30, 480), ("P3", 240, 2880), ("P4", 480, 7200)
        ),
        quality_standards=sla_quality,
        conditions=["Service credits up to 10 % of the monthly charge"],
        workload_limits=[
            "Up to 2,500 service desk contacts a month",
            "Up to 400 hosted virtual machines",
            "Up to 25 standard changes a month",
        ],
        exceptions=[
            "Planned maintenance on Sundays 02:00-06:00 UK time with 5 working days' notice",
            f"Outages caused by Harrowby's identity service ({identity_uc.id})",
            "Force majeure as defined in the master services agreement",
        ],
        authorities=[
            "Harrowby: Head of IT operations approves changes to targets",
            "Larkfield: Service Level Manager agrees reporting changes",
        ],
        our_responsibilities=["Deliver the services to the targets above", "Report monthly"],
        their_responsibilities=[
            "Name a service owner",
            "Keep the identity service available (see exceptions)",
        ],
        start_date=day(-700),
        end_date=day(395),
        renewal=Renewal.EXPRESS,
        notice_days=180,
        value=1_850_000.0,
        currency="GBP",
        review_interval_months=3,
        signed_on=day(-720),
    )
    calder_sla = b.add(
        Agreement,
        created=-520,
        updated=-90,
        revision=4,
        title="Calder Freight - Network and Workplace SLA",
        kind=AgreementKind.CUSTOMER_SLA,
        status=AgreementStatus.ACTIVE,
        customer=CALDER,
        service_ids=[network.id, workplace.id, desk.id],
        underpinning_ids=[meridian_uc.id, net_ola.id, helppoint_uc.id],
        owner=ELENA,
        scope="SD-WAN and site networks for 38 depots and head office; laptops for 650 office staff; service desk.",
        targets=[
            target("availability", 99.9),
            target("laptops delivered within 5 working days", 95),
        ],
        priority_times=times(("P1", 15, 240), ("P2", 30, 480), ("P3", 120, 2880)),
        quality_standards=sla_quality,
        workload_limits=["Up to 40 new laptops a month", "Up to 6 site moves a year"],
        exceptions=["Depots without diverse circuits: availability target 99.5 %"],
        start_date=day(-500),
        end_date=day(230),
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=90,
        value=640_000.0,
        currency="GBP",
        review_interval_months=3,
        signed_on=day(-515),
    )
    aldermoor_sla = b.add(
        Agreement,
        created=-1060,
        updated=-60,
        revision=5,
        title="Aldermoor Borough Council - Security Monitoring and Backup SLA",
        kind=AgreementKind.CUSTOMER_SLA,
        status=AgreementStatus.ACTIVE,
        customer=ALDERMOOR,
        service_ids=[soc.id, backup.id, network.id],
        underpinning_ids=[sentinel_uc.id, meridian_uc.id, db_ola.id],
        owner=ELENA,
        scope="24x7 security monitoring, backup of 120 servers, and network for 14 council sites.",
        targets=[
            target("security alerts triaged within 15 minutes", 98),
            target("backup success rate", 99),
        ],
        priority_times=times(("P1", 15, 120), ("P2", 30, 480)),
        quality_standards=[*sla_quality, "Cyber Essentials Plus"],
        workload_limits=["Up to 150 protected servers", "Up to 4,000 security alerts a month"],
        exceptions=["Systems not forwarding logs to the SOC"],
        start_date=day(45) - timedelta(days=3 * 365),
        end_date=day(45),
        renewal=Renewal.EXPRESS,
        notice_days=90,
        value=420_000.0,
        currency="GBP",
        review_interval_months=6,
        signed_on=day(45) - timedelta(days=3 * 365 + 15),
    )
    kestrel_sla = b.add(
        Agreement,
        created=-30,
        updated=-6,
        revision=4,
        title="Kestrel Health Partners - Managed Kubernetes Platform SLA",
        kind=AgreementKind.CUSTOMER_SLA,
        status=AgreementStatus.NEGOTIATION,
        customer=KESTREL,
        service_ids=[kubernetes.id],
        underpinning_ids=[stratus_uc.id],
        owner=ELENA,
        scope="Draft: production and test clusters for Kestrel's patient-booking platform.",
        targets=[target("availability", 99.95)],
        priority_times=times(("P1", 15, 120)),
        start_date=day(60),
        end_date=day(60 + 3 * 365 - 1),
        renewal=Renewal.EXPRESS,
        notice_days=180,
        value=520_000.0,
        currency="GBP",
        review_interval_months=3,
    )

    # --- amendments ---------------------------------------------------------------------------
    b.add(
        Amendment,
        created=-205,
        agreement_id=stratus_uc.id,
        title="Add eu-central-1 for Harrowby DR replicas",
        description="Replicas of Harrowby's tier-1 databases move to a second region.",
        effective_on=day(-200),
        impact_assessment=(
            "Services: improves DR for Harrowby; no change to other tenants.\n"
            "Cost: EUR 4,100 a month more.\nRisk: reduces RSK exposure to a region-wide outage."
        ),
        approved_by=TOM,
    )
    b.add(
        Amendment,
        created=-155,
        agreement_id=harrowby_sla.id,
        title="Raise the service desk contact limit from 2,000 to 2,500 a month",
        effective_on=day(-150),
        impact_assessment="Needs one more analyst on day shift (funded by the price change); HelpPoint volume within its limit.",
        approved_by=ELENA,
    )
    b.add(
        Amendment,
        created=-62,
        agreement_id=meridian_uc.id,
        title="Annual price indexation (CPI + 1 %)",
        effective_on=day(-60),
        approved_by=HANNAH,
    )
    b.add(
        Amendment,
        created=-40,
        agreement_id=ledgerline_c.id,
        title="Add 30 agent seats",
        description="For the Kestrel onboarding team.",
        effective_on=day(-30),
    )
    b.add(
        Amendment,
        created=-310,
        agreement_id=helppoint_uc.id,
        title="Extend weekend cover to bank holidays",
        effective_on=day(-300),
        impact_assessment="Removes the bank-holiday gap in first-line cover; GBP 9,000 a year.",
        approved_by=MARCUS,
    )

    # --- activities ---------------------------------------------------------------------------
    def activity(
        proc: Process,
        name: str,
        responsible: str,
        accountable: str,
        start: int | None,
        due: int | None,
        status: ActivityStatus,
        *,
        consulted: list[str] | None = None,
        informed: list[str] | None = None,
        supplier: Supplier | None = None,
        agreement: Agreement | None = None,
    ) -> Activity:
        return b.add(
            Activity,
            created=min(start or -200, -5) - 5,
            updated=-7,
            revision=2,
            process_id=proc.id,
            name=name,
            responsible=responsible,
            accountable=accountable,
            consulted=consulted or [],
            informed=informed or [],
            start_date=day(start) if start is not None else None,
            due_date=day(due) if due is not None else None,
            status=status,
            supplier_id=supplier.id if supplier else None,
            agreement_id=agreement.id if agreement else None,
        )

    A = ActivityStatus
    activity(
        p_incident,
        "Out-of-hours incident logging and triage",
        "HelpPoint Outsourcing (night shift)",
        MARCUS,
        -365,
        60,
        A.IN_PROGRESS,
        consulted=["Service desk team leads"],
        informed=[ELENA],
        supplier=helppoint,
        agreement=helppoint_uc,
    )
    activity(
        p_incident,
        "Major incident review for every P1",
        OLIVER,
        PRIYA,
        -300,
        65,
        A.IN_PROGRESS,
        consulted=[AISHA, DANIEL],
        informed=[ELENA],
    )
    act_trend = activity(
        p_problem,
        "Trend analysis of repeat network incidents at Calder depots",
        OLIVER,
        PRIYA,
        -60,
        -14,
        A.IN_PROGRESS,
        consulted=[AISHA, "Meridian Fibre service manager"],
        informed=[ELENA],
    )
    activity(p_problem, "Known error database clean-up", OLIVER, MARCUS, -120, -60, A.DONE)
    activity(
        p_request,
        "Refresh the self-service request catalogue",
        MARCUS,
        ELENA,
        -60,
        30,
        A.IN_PROGRESS,
        informed=["Customer service owners"],
    )
    activity(
        p_change,
        "Weekly change advisory board",
        BEN,
        PRIYA,
        -365,
        365,
        A.IN_PROGRESS,
        consulted=["Team leads"],
        informed=["Customers' change contacts"],
    )
    activity(
        p_change,
        "Six-monthly review of the standard change catalogue",
        BEN,
        PRIYA,
        10,
        20,
        A.NOT_STARTED,
    )
    activity(
        p_release,
        "Release pipeline for the Kubernetes platform",
        DANIEL,
        PRIYA,
        -90,
        50,
        A.IN_PROGRESS,
        consulted=[SOFIA],
        supplier=stratus,
        agreement=stratus_uc,
    )
    act_capacity = activity(
        p_capacity,
        "Quarterly capacity plan for the hosting platform",
        GRACE,
        PRIYA,
        -20,
        25,
        A.IN_PROGRESS,
        consulted=[DANIEL, LIAM],
    )
    activity(p_capacity, "Storage growth forecast for Harrowby", GRACE, DANIEL, -150, -100, A.DONE)
    activity(
        p_availability,
        "Monthly availability reporting to customers",
        GRACE,
        ELENA,
        -365,
        365,
        A.IN_PROGRESS,
        informed=[HARROWBY, CALDER, ALDERMOOR],
    )
    activity(
        p_continuity,
        "Annual DR failover test for Harrowby",
        DANIEL,
        PRIYA,
        30,
        40,
        A.NOT_STARTED,
        consulted=[LIAM, "Stratus service delivery manager"],
        informed=[HARROWBY],
        supplier=stratus,
        agreement=stratus_uc,
    )
    act_restore = activity(
        p_continuity,
        "Quarterly restore tests of customer databases",
        "Database Services Team",
        DANIEL,
        -30,
        20,
        A.IN_PROGRESS,
        supplier=dbteam,
        agreement=db_ola,
    )
    activity(
        p_security,
        "24x7 security event monitoring",
        "Sentinel Watch SOC",
        SOFIA,
        -760,
        335,
        A.IN_PROGRESS,
        supplier=sentinel,
        agreement=sentinel_uc,
    )
    activity(
        p_security,
        "Quarterly privileged access review for Harrowby systems",
        SOFIA,
        PRIYA,
        -30,
        -5,
        A.BLOCKED,
        consulted=["Harrowby identity platform owner"],
        supplier=harrowby_id,
        agreement=identity_uc,
    )
    activity(
        p_supplier,
        "Quarterly reviews of critical suppliers",
        TOM,
        PRIYA,
        -365,
        365,
        A.IN_PROGRESS,
        informed=["Supplier relationship owners"],
    )
    activity(
        p_supplier,
        "Evaluate archive storage suppliers",
        DANIEL,
        TOM,
        -40,
        15,
        A.IN_PROGRESS,
        consulted=[HANNAH],
    )
    activity(
        p_supplier,
        "Exit Brightlane Print Services",
        MARCUS,
        TOM,
        -200,
        -130,
        A.DONE,
        supplier=brightlane,
    )
    activity(
        p_supplier,
        "Decide on renewal of the Docklands colocation agreement",
        TOM,
        PRIYA,
        -40,
        -12,
        A.NOT_STARTED,
        consulted=[DANIEL, HANNAH],
    )
    activity(
        p_slm,
        "Negotiate the Kestrel Health Partners SLA",
        ELENA,
        PRIYA,
        -30,
        30,
        A.IN_PROGRESS,
        consulted=[DANIEL, SOFIA],
    )
    activity(
        p_slm,
        "Annual SLA review with Harrowby",
        ELENA,
        PRIYA,
        70,
        90,
        A.NOT_STARTED,
        informed=[HARROWBY],
    )
    act_netmon = activity(
        p_monitoring,
        "Network monitoring and first response",
        "Network Engineering Team",
        AISHA,
        -365,
        365,
        A.IN_PROGRESS,
        supplier=netteam,
        agreement=net_ola,
    )
    activity(
        p_monitoring,
        "Replace legacy SNMP monitoring for Aldermoor sites",
        AISHA,
        PRIYA,
        -100,
        40,
        A.CANCELLED,
        informed=[ALDERMOOR],
    )

    # --- allocations (network engineers are over-allocated: 5.0 of 4.0 FTE) -------------
    def allocate(
        res: Resource,
        proc: Process,
        amount: float,
        note: str = "",
        act: Activity | None = None,
        end: int | None = None,
    ) -> None:
        b.add(
            Allocation,
            created=-300,
            updated=-45,
            revision=2,
            resource_id=res.id,
            process_id=proc.id,
            activity_id=act.id if act else None,
            amount=amount,
            start_date=day(-300),
            end_date=day(end) if end is not None else None,
            note=note,
        )

    allocate(r_network, p_monitoring, 1.5, "Monitoring and first response", act_netmon)
    allocate(r_network, p_incident, 1.5, "Second-line network incidents")
    allocate(r_network, p_change, 1.0, "Network changes and firewall requests")
    allocate(r_network, p_problem, 1.0, "Calder repeat-incident analysis", act_trend, end=30)
    allocate(r_desk, p_incident, 9.0)
    allocate(r_desk, p_request, 4.0)
    allocate(r_cloud, p_release, 2.0, "Kubernetes platform build")
    allocate(r_cloud, p_capacity, 1.0, act=act_capacity)
    allocate(r_cloud, p_continuity, 1.0)
    allocate(r_cloud, p_incident, 1.5)
    allocate(r_smo, p_slm, 1.0)
    allocate(r_smo, p_supplier, 1.0)
    allocate(r_smo, p_change, 0.5)
    allocate(r_security, p_security, 2.0)
    allocate(r_seats, p_incident, 110.0)
    allocate(r_seats, p_request, 25.0)
    allocate(r_racks, p_capacity, 16.0, "Private cloud and backup appliances")
    allocate(r_budget, p_supplier, 2_150_000.0, "Supplier-side agreements FY2026")
    allocate(r_storage, p_continuity, 410.0, "Backup copies", act_restore)

    # --- supplier reviews ---------------------------------------------------------------------
    def review(
        sup: Supplier,
        agr: Agreement | None,
        held: int,
        attendees: list[str],
        summary: str,
        minutes: str,
    ) -> SupplierReview:
        return b.add(
            SupplierReview,
            created=held + 1,
            supplier_id=sup.id,
            agreement_id=agr.id if agr else None,
            held_on=day(held),
            attendees=attendees,
            performance_summary=summary,
            minutes=minutes,
        )

    review(
        stratus,
        stratus_uc,
        -160,
        [DANIEL, TOM, "Ines Kramer (Stratus)"],
        "Availability 99.97 % over the quarter; one P2 storage latency incident.",
        "1. Performance: all targets met.\n2. DR region for Harrowby agreed (AMD-0001).\n3. Next review in three months.",
    )
    rev_stratus = review(
        stratus,
        stratus_uc,
        -70,
        [DANIEL, TOM, "Ines Kramer (Stratus)", "Maarten de Vries (Stratus)"],
        "Availability 99.98 %; all P1 responses within 15 minutes.",
        "1. Performance: green on every target.\n2. Roadmap: Kubernetes service for the Kestrel pipeline.\n3. Action: agree the DR failover test date.",
    )
    rev_meridian = review(
        meridian,
        meridian_uc,
        -45,
        [AISHA, TOM, "Gareth Pryce (Meridian)"],
        "Availability 99.2 % in the worst month after two fibre cuts at Calder depots; P1 resolution 9.5 hours against 8.",
        "1. Two outages at Felixstowe and Immingham depots; RCA for Felixstowe delivered.\n"
        "2. Larkfield asked for a diverse second circuit at Felixstowe.\n"
        "3. Meridian's 99.5 % target is below the 99.9 % Calder SLA: to be raised at renewal.",
    )
    rev_helppoint = review(
        helppoint,
        helppoint_uc,
        -30,
        [MARCUS, TOM, "Carla Jensen (HelpPoint)", "Dev Patel (HelpPoint)"],
        "Calls answered within 60 s: 74 % against 90 % for the third month; first-contact resolution 61 %.",
        "1. Staffing on Saturday and Sunday nights below forecast.\n"
        "2. Improvement plan: two more weekend agents, weekly reporting.\n"
        "3. Service credits for Q1-Q2 still disputed (DSP-0001).\n"
        "4. Supplier placed under review.",
    )
    review(
        sentinel,
        sentinel_uc,
        -40,
        [SOFIA, TOM, "Nadia Rahman (Sentinel)"],
        "98.6 % of alerts triaged within 15 minutes; one confirmed phishing incident handled well.",
        "1. Log source coverage at 96 %: three Aldermoor servers missing.\n2. Joint exercise scheduled for spring.",
    )
    rev_net = review(
        netteam,
        net_ola,
        -120,
        [AISHA, PRIYA, MARCUS],
        "Core availability 99.97 %; firewall changes within 2 days 86 %.",
        "1. Hand-off for firewall requests from the desk is unclear.\n2. Action: document it in the OLA.",
    )
    rev_docklands = review(
        docklands,
        docklands_uc,
        -200,
        [DANIEL, TOM, "Farid Haddad (Docklands)"],
        "Power and cooling met target; remote hands twice over 30 minutes.",
        "1. Hall B relocation offered; declined for now.\n2. Renewal terms to be discussed before the notice date.",
    )
    rev_parity = review(
        parity,
        parity_c,
        -90,
        [TOM, DANIEL],
        "Fixed within 8 hours: 71 % against 95 %; two storage array faults took over a day.",
        "1. Parity suspended for new work.\n2. Alternative maintainers to be approached.",
    )
    review(
        harrowby_id,
        identity_uc,
        -160,
        [ELENA, SOFIA, "Owen Price (Harrowby)"],
        "One federation certificate expiry caused a 40-minute sign-in outage.",
        "1. Harrowby to renew certificates 30 days ahead and tell us through their CAB.",
    )

    review(
        ledgerline,
        ledgerline_c,
        -200,
        [BEN, TOM, "Ledgerline account manager"],
        "Platform availability 99.9 %; two support cases over their response time.",
        "1. Roadmap: AI triage module, not needed yet.\n2. Seat count to be reviewed before renewal.",
    )
    review(
        dbteam,
        db_ola,
        -150,
        [LIAM, DANIEL, PRIYA],
        "Every quarterly restore test passed; one backup job failed twice in a row in August.",
        "1. Add alerting on consecutive backup failures.\n2. OLA targets unchanged.",
    )

    # --- disputes -------------------------------------------------------------------------------
    b.add(
        Dispute,
        created=-170,
        updated=-30,
        revision=4,
        supplier_id=helppoint.id,
        agreement_id=helppoint_uc.id,
        title="Service credits for missed call-answer targets (Q1-Q2)",
        description="HelpPoint disputes GBP 11,400 of credits, saying call volumes exceeded the forecast in three weeks.",
        raised_on=day(-170),
        raised_by=MARCUS,
        status=DisputeStatus.ESCALATED,
    )
    b.add(
        Dispute,
        created=-140,
        updated=-95,
        revision=3,
        supplier_id=parity.id,
        agreement_id=parity_c.id,
        title="Invoice for parts outside contract scope",
        description="Parity invoiced GBP 3,250 for disk shelves covered by the contract.",
        raised_on=day(-140),
        raised_by=TOM,
        status=DisputeStatus.CLOSED,
        resolution="Parity withdrew the invoice after checking the asset list in schedule 2.",
        resolved_on=day(-95),
    )
    b.add(
        Dispute,
        created=-25,
        updated=-10,
        revision=2,
        supplier_id=meridian.id,
        agreement_id=meridian_uc.id,
        title="Attribution of the Felixstowe depot outage",
        description="Meridian attributes the 14-hour outage to third-party roadworks and declines service credits.",
        raised_on=day(-25),
        raised_by=AISHA,
        status=DisputeStatus.IN_NEGOTIATION,
    )

    # --- risks ------------------------------------------------------------------------------------
    def risk(title: str, likelihood: int, impact: int, **fields: Any) -> Risk:
        return b.add(
            Risk,
            created=fields.pop("created", -250),
            updated=fields.pop("updated", -20),
            revision=fields.pop("revision", 3),
            title=title,
            likelihood=likelihood,
            impact=impact,
            **fields,
        )

    RT, RS = RiskTreatment, RiskStatus
    risk(
        "Single carrier at Calder depots: a fibre cut isolates a depot",
        4,
        4,
        category="supplier",
        owner=AISHA,
        description="Most depots have one Meridian circuit; two cuts this year.",
        treatment=RT.MITIGATE,
        mitigation_actions=[
            "Diverse second circuit at Felixstowe (ACN-0003)",
            "4G failover routers at the 12 busiest depots",
        ],
        residual_likelihood=2,
        residual_impact=4,
        review_date=day(30),
        status=RS.TREATING,
        supplier_id=meridian.id,
        agreement_id=meridian_uc.id,
        service_id=network.id,
    )
    risk(
        "Colocation agreement renews for 36 months at above-market prices",
        5,
        3,
        category="commercial",
        owner=TOM,
        description="Cancel-by date has passed without a decision.",
        treatment=RT.MITIGATE,
        review_date=day(-5),
        status=RS.OPEN,
        supplier_id=docklands.id,
        agreement_id=docklands_uc.id,
    )
    risk(
        "Out-of-hours desk misses answer targets and breaches the Harrowby SLA",
        4,
        3,
        category="supplier",
        owner=MARCUS,
        treatment=RT.MITIGATE,
        mitigation_actions=["Improvement plan with HelpPoint", "Weekly performance call"],
        residual_likelihood=3,
        residual_impact=3,
        review_date=day(20),
        status=RS.TREATING,
        supplier_id=helppoint.id,
        agreement_id=helppoint_uc.id,
        service_id=desk.id,
    )
    risk(
        "Ransomware encrypts hosted customer workloads",
        3,
        5,
        category="security",
        owner=SOFIA,
        treatment=RT.MITIGATE,
        mitigation_actions=[
            "Immutable backup copies",
            "24x7 SOC monitoring",
            "EDR on every hosted server",
        ],
        residual_likelihood=2,
        residual_impact=5,
        review_date=day(60),
        status=RS.MONITORING,
        process_id=p_security.id,
        service_id=hosting.id,
    )
    risk(
        "Region-wide outage at Stratus Cloud",
        2,
        5,
        category="supplier",
        owner=DANIEL,
        treatment=RT.MITIGATE,
        mitigation_actions=["DR replicas in a second region (AMD-0001)", "Annual DR failover test"],
        residual_likelihood=1,
        residual_impact=5,
        review_date=day(90),
        status=RS.MONITORING,
        supplier_id=stratus.id,
        agreement_id=stratus_uc.id,
        service_id=hosting.id,
    )
    risk(
        "Loss of a network engineer: a team of four, already over-allocated",
        4,
        4,
        category="capacity",
        owner=AISHA,
        description="Network engineers are allocated 5.0 FTE against 4.0.",
        treatment=RT.MITIGATE,
        review_date=day(14),
        status=RS.OPEN,
        process_id=p_monitoring.id,
    )
    risk(
        "Harrowby identity outage blocks every Harrowby sign-in",
        3,
        4,
        category="customer dependency",
        owner=ELENA,
        treatment=RT.ACCEPT,
        description="Accepted: excluded from the SLA and owned by Harrowby.",
        review_date=day(120),
        status=RS.MONITORING,
        supplier_id=harrowby_id.id,
        agreement_id=identity_uc.id,
    )
    risk(
        "ITSM subscription renews without a decision on seat numbers",
        2,
        4,
        category="commercial",
        owner=BEN,
        treatment=RT.MITIGATE,
        mitigation_actions=["Renewal decision at CAB before the cancel-by date"],
        residual_likelihood=1,
        residual_impact=3,
        review_date=day(25),
        status=RS.TREATING,
        supplier_id=ledgerline.id,
        agreement_id=ledgerline_c.id,
    )
    risk(
        "Supplier engineers make changes outside the change process",
        3,
        3,
        category="process",
        owner=BEN,
        treatment=RT.MITIGATE,
        mitigation_actions=[
            "Supplier changes listed on the CAB agenda",
            "Privileged access only through the bastion",
        ],
        residual_likelihood=2,
        residual_impact=3,
        review_date=day(45),
        status=RS.MONITORING,
        process_id=p_change.id,
    )
    risk(
        "No hardware cover for the legacy storage arrays while Parity is suspended",
        4,
        5,
        category="supplier",
        owner=TOM,
        treatment=RT.MITIGATE,
        review_date=day(10),
        status=RS.OPEN,
        supplier_id=parity.id,
        agreement_id=parity_c.id,
        service_id=backup.id,
        created=-85,
    )
    risk(
        "Personal data sent to the wrong customer in a report",
        2,
        4,
        category="security",
        owner=SOFIA,
        treatment=RT.MITIGATE,
        mitigation_actions=["Report distribution lists reviewed quarterly"],
        residual_likelihood=1,
        residual_impact=4,
        review_date=day(75),
        status=RS.MONITORING,
        process_id=p_slm.id,
    )
    risk(
        "Backup storage fills up (85 % used)",
        3,
        3,
        category="capacity",
        owner=GRACE,
        treatment=RT.MITIGATE,
        mitigation_actions=["Archive tier with Nimbus (under evaluation)", "Retention clean-up"],
        residual_likelihood=2,
        residual_impact=3,
        review_date=day(30),
        status=RS.TREATING,
        process_id=p_capacity.id,
        service_id=backup.id,
    )
    risk(
        "Kestrel SLA signed before the platform is production-ready",
        2,
        3,
        category="delivery",
        owner=DANIEL,
        treatment=RT.AVOID,
        mitigation_actions=["Go-live criteria written into the SLA schedule"],
        residual_likelihood=1,
        residual_impact=3,
        review_date=day(40),
        status=RS.TREATING,
        service_id=kubernetes.id,
    )
    risk(
        "Toner supply gap after the print contract ended",
        1,
        1,
        category="supplier",
        owner=MARCUS,
        treatment=RT.ACCEPT,
        review_date=day(-120),
        status=RS.CLOSED,
        supplier_id=brightlane.id,
    )
    risk(
        "A failed change causes an extended outage",
        3,
        2,
        category="process",
        owner=BEN,
        treatment=RT.MITIGATE,
        mitigation_actions=["Tested backout plan for every normal change"],
        residual_likelihood=2,
        residual_impact=2,
        review_date=day(60),
        status=RS.MONITORING,
        process_id=p_change.id,
    )
    risk(
        "SOC provider becomes insolvent",
        1,
        5,
        category="supplier",
        owner=SOFIA,
        treatment=RT.TRANSFER,
        mitigation_actions=["Log retention in our own storage", "Exit plan in the contract"],
        residual_likelihood=1,
        residual_impact=3,
        review_date=day(150),
        status=RS.MONITORING,
        supplier_id=sentinel.id,
    )
    risk(
        "Staff account compromised through phishing",
        4,
        2,
        category="security",
        owner=SOFIA,
        treatment=RT.MITIGATE,
        mitigation_actions=["Phishing-resistant MFA (CHG-0004)", "Quarterly awareness training"],
        residual_likelihood=2,
        residual_impact=2,
        review_date=day(35),
        status=RS.TREATING,
        process_id=p_security.id,
    )
    risk(
        "Only one administrator knows the ITSM workflow configuration",
        2,
        1,
        category="people",
        owner=BEN,
        treatment=RT.ACCEPT,
        review_date=day(100),
        status=RS.MONITORING,
    )

    # --- changes (moved through the real workflow) -----------------------------------------------
    CK = ChangeKind

    def submitted(by: str, on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.SUBMITTED, {"requested_by": by, "requested_on": day(on)})

    def assessed(text: str, level: RiskLevel, backout: str) -> tuple[ChangeStatus, dict[str, Any]]:
        return (
            S.ASSESSED,
            {"impact_assessment": text, "risk_level": level, "backout_plan": backout},
        )

    def approved(by: str, on: int, notes: str = "") -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.APPROVED, {"approver": by, "approved_on": day(on), "decision_notes": notes})

    def implemented(on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.IMPLEMENTED, {"implemented_on": day(on)})

    def reviewed(notes: str, on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.REVIEWED, {"review_notes": notes, "reviewed_on": day(on)})

    def closed(on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.CLOSED, {"closed_on": day(on)})

    b.change(
        CK.NORMAL,
        S.DRAFT,
        [],
        created=-2,
        title="Upgrade Calder SD-WAN edge firmware to 9.4",
        description="Fixes the tunnel flapping seen at three depots.",
        service_id=network.id,
        supplier_id=netteam.id,
        requested_by=AISHA,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [submitted(DANIEL, -3)],
        created=-6,
        title="Move Harrowby file shares to Stratus object storage",
        description="Retires two file servers in Docklands hall A.",
        service_id=hosting.id,
        supplier_id=stratus.id,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(AISHA, -20),
            assessed(
                "Hall A core switches carry all hosting traffic; 20-minute failover expected per switch.",
                RiskLevel.HIGH,
                "Keep the old switches racked and cabled; revert patching within 30 minutes.",
            ),
        ],
        created=-22,
        title="Replace core switches in Docklands hall A",
        service_id=hosting.id,
        process_id=p_change.id,
        planned_start=day(14),
        planned_end=day(15),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(SOFIA, -25),
            assessed(
                "Agents need a hardware key; first-day sign-in support planned.",
                RiskLevel.MEDIUM,
                "Conditional access policy can be switched back in 5 minutes.",
            ),
            approved(PRIYA, -10, "Approved at CAB; roll out night shift first."),
        ],
        created=-27,
        title="Phishing-resistant MFA for all service desk agents",
        service_id=desk.id,
        process_id=p_security.id,
        planned_start=day(5),
        planned_end=day(6),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(MARCUS, -48),
            assessed(
                "Second provider would need training and a new contract; overlap costs GBP 20,000.",
                RiskLevel.MEDIUM,
                "End the trial and return all calls to HelpPoint.",
            ),
            (
                S.REJECTED,
                {
                    "approver": PRIYA,
                    "approved_on": day(-40),
                    "decision_notes": "Rejected: finish the HelpPoint improvement plan first.",
                },
            ),
        ],
        created=-50,
        title="Trial a second provider for the out-of-hours desk",
        service_id=desk.id,
        supplier_id=helppoint.id,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(BEN, -30),
            assessed(
                "Two hours of read-only ITSM during the upgrade window.",
                RiskLevel.LOW,
                "Vendor restores the pre-upgrade snapshot.",
            ),
            approved(PRIYA, -15),
            implemented(-4),
        ],
        created=-32,
        title="Upgrade the ITSM platform to release 2026.2",
        service_id=desk.id,
        supplier_id=ledgerline.id,
        planned_start=day(-4),
        planned_end=day(-4),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(DANIEL, -60),
            assessed(
                "Backup storage use grows by 60 TB.",
                RiskLevel.LOW,
                "Reduce retention back to 30 days.",
            ),
            approved(PRIYA, -50),
            implemented(-40),
            reviewed("Retention verified on 10 sampled jobs; storage growth as forecast.", -15),
        ],
        created=-62,
        title="Raise Harrowby backup retention from 30 to 90 days",
        service_id=backup.id,
        planned_start=day(-40),
        planned_end=day(-40),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(MARCUS, -260),
            assessed(
                "All mailboxes migrated; servers hold no live data.",
                RiskLevel.LOW,
                "Servers kept powered off for 30 days before disposal.",
            ),
            approved(PRIYA, -250),
            implemented(-230),
            reviewed("Decommissioned; disks destroyed with certificates.", -210),
            closed(-200),
        ],
        created=-262,
        title="Decommission the hosted Exchange servers",
        process_id=p_change.id,
        planned_start=day(-230),
        planned_end=day(-228),
    )
    b.change(
        CK.STANDARD,
        S.APPROVED,
        [],
        created=-2,
        title="Provision 4 VMs for the Calder warehouse system test environment",
        description="Standard change SC-014 (VM from approved template).",
        service_id=hosting.id,
        requested_by="Calder Freight (via service desk)",
        requested_on=day(-2),
        impact_assessment="Standard change: pre-assessed template.",
        risk_level=RiskLevel.LOW,
        backout_plan="Delete the VMs.",
        approver="CAB (standard change SC-014)",
        approved_on=day(-2),
        planned_start=day(1),
        planned_end=day(1),
    )
    b.change(
        CK.STANDARD,
        S.APPROVED,
        [
            implemented(-19),
            reviewed("Rule verified with Aldermoor payroll team.", -18),
            closed(-18),
        ],
        created=-21,
        title="Firewall rule for the Aldermoor payroll SFTP transfer",
        description="Standard change SC-007.",
        service_id=network.id,
        supplier_id=netteam.id,
        requested_by=ALDERMOOR,
        requested_on=day(-21),
        impact_assessment="Standard change: pre-assessed.",
        risk_level=RiskLevel.LOW,
        backout_plan="Remove the rule.",
        approver="CAB (standard change SC-007)",
        approved_on=day(-21),
    )
    b.change(
        CK.EMERGENCY,
        S.SUBMITTED,
        [
            approved(PRIYA, -9, "Emergency CAB: vendor reports active exploitation."),
            implemented(-8),
        ],
        created=-9,
        title="Patch VPN concentrators for an actively exploited vulnerability",
        description="Vendor advisory PSIRT-2026-031.",
        service_id=network.id,
        supplier_id=netteam.id,
        requested_by=SOFIA,
        requested_on=day(-9),
        impact_assessment="Remote access down for 10 minutes per concentrator; done one at a time.",
        risk_level=RiskLevel.HIGH,
        backout_plan="Boot the previous firmware image kept on the second partition.",
    )
    b.change(
        CK.EMERGENCY,
        S.SUBMITTED,
        [],
        created=-1,
        title="Block malicious domains reported by the SOC",
        description="Sentinel Watch reports a phishing campaign aimed at Aldermoor.",
        service_id=soc.id,
        supplier_id=sentinel.id,
        requested_by="Sentinel Watch SOC",
        requested_on=day(-1),
    )
    b.change(
        CK.UNPLANNED,
        S.IMPLEMENTED,
        [],
        created=-6,
        title="Carrier re-routed Calder WAN traffic after a fibre cut",
        description="Meridian moved Felixstowe traffic onto a temporary route without notice.",
        service_id=network.id,
        supplier_id=meridian.id,
        requested_by="Meridian NOC",
        requested_on=day(-6),
        implemented_on=day(-6),
    )
    b.change(
        CK.UNPLANNED,
        S.IMPLEMENTED,
        [
            reviewed(
                "Replacement was like-for-like; Docklands to notify us before any future power work.",
                -50,
            ),
            closed(-45),
        ],
        created=-60,
        title="Colocation provider replaced a failed PDU in hall A rack 7",
        supplier_id=docklands.id,
        service_id=hosting.id,
        requested_by="Docklands Colocation",
        requested_on=day(-60),
        implemented_on=day(-60),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted("Priya Natarajan", -20),
            (
                S.WITHDRAWN,
                {
                    "end_reason": "The vendor's next release fixes the defect; no change needed.",
                    "ended_on": day(-12),
                },
            ),
        ],
        created=-21,
        title="Patch the monitoring agent on the reporting servers",
        service_id=hosting.id,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted("Tom Okafor", -35),
            (
                S.CANCELLED,
                {
                    "end_reason": "The branch office lease ends in March; the CAB cancelled "
                    "the upgrade.",
                    "ended_on": day(-28),
                },
            ),
        ],
        created=-36,
        title="Upgrade the Leeds branch router",
        service_id=network.id,
    )

    # --- KPIs and measurements -----------------------------------------------------------------------
    kpis: dict[str, Kpi] = {}
    rng = random.Random(20261102)  # fixed seed: the file must be reproducible

    def kpi(
        key: str,
        name: str,
        subject: Record,
        tgt: float,
        warn: float,
        *,
        unit: str = "%",
        lower: bool = False,
        freq: Frequency = Frequency.MONTHLY,
        owner: str,
        measures: str,
        end: str,
        last_months_ago: int = 0,
        decimals: int = 1,
        points: int = 12,
        notes: dict[int, str] | None = None,
    ) -> None:
        """A KPI and its series; ``end`` is the status of the latest value (green/amber/red)."""
        record = b.add(
            Kpi,
            created=-400,
            updated=-60,
            revision=2,
            name=name,
            measures=measures,
            method="Monthly export from the ITSM platform and monitoring."
            if freq is Frequency.MONTHLY
            else "Exported from the source system on the period end.",
            unit=unit,
            direction=Direction.LOWER_IS_BETTER if lower else Direction.HIGHER_IS_BETTER,
            target=tgt,
            warning=warn,
            frequency=freq,
            evaluation="Reviewed at the monthly service review; red for two periods opens an improvement action.",
            owner=owner,
            subject_id=subject.id,
        )
        kpis[key] = record
        dates = _period_ends(freq, points, last_months_ago)
        sign = -1 if lower else 1
        gap = abs(tgt - warn) or abs(tgt) * 0.05 or 1.0
        for i, measured in enumerate(dates):
            # Older values wander around the target; the latest lands in the wanted band.
            if i == len(dates) - 1:
                offset = {"green": 0.4, "amber": -0.5, "red": -1.6}[end] * gap
            else:
                offset = rng.uniform(-0.9, 0.8) * gap
            value = round(tgt + sign * offset, decimals)
            if unit == "%":
                value = min(value, 100.0)
            note = (notes or {}).get(len(dates) - 1 - i, "")
            b.add(
                Measurement,
                created=min((measured - ANCHOR).days + 2, -1),
                kpi_id=record.id,
                measured_on=measured,
                value=float(value),
                note=note,
                recorded_by=owner,
            )

    F = Frequency
    kpi(
        "availability",
        "Hosted service availability",
        obj_availability,
        99.9,
        99.5,
        owner=GRACE,
        measures="Minutes available / minutes agreed, all hosted services, excluding agreed maintenance.",
        end="green",
        decimals=2,
    )
    kpi(
        "p1_mttr",
        "Mean time to resolve P1 incidents",
        obj_p1,
        4.0,
        6.0,
        unit="hours",
        lower=True,
        owner=OLIVER,
        measures="Mean elapsed hours from logging to resolution of P1 incidents.",
        end="amber",
        notes={0: "Two Calder depot outages"},
    )
    kpi(
        "csat",
        "Customer satisfaction",
        obj_csat,
        4.5,
        4.0,
        unit="score (1-5)",
        freq=F.QUARTERLY,
        points=4,
        owner=ELENA,
        measures="Mean score of the quarterly survey of customer service owners.",
        end="amber",
        decimals=2,
    )
    kpi(
        "reviews_on_time",
        "Critical supplier reviews held on schedule",
        obj_reviews,
        100.0,
        75.0,
        freq=F.QUARTERLY,
        points=4,
        owner=TOM,
        measures="Reviews held by their due date / reviews due, critical suppliers.",
        end="green",
        decimals=0,
    )
    kpi(
        "p1_within_sla",
        "P1 incidents resolved within SLA",
        p_incident,
        95.0,
        90.0,
        owner=MARCUS,
        measures="P1 incidents resolved within the SLA resolution time / all P1 incidents.",
        end="red",
        notes={0: "Felixstowe outage (CHG-0013) and a storage array fault"},
    )
    kpi(
        "requests_on_time",
        "Service requests fulfilled within target",
        p_request,
        90.0,
        85.0,
        owner=MARCUS,
        measures="Requests fulfilled within the catalogue target time.",
        end="green",
    )
    kpi(
        "change_success",
        "Successful changes",
        p_change,
        95.0,
        90.0,
        owner=BEN,
        measures="Changes implemented without incident or backout / all implemented changes.",
        end="green",
    )
    kpi(
        "emergency_share",
        "Emergency changes as a share of all changes",
        p_change,
        5.0,
        10.0,
        lower=True,
        owner=BEN,
        measures="Emergency changes / all changes closed in the month.",
        end="amber",
    )
    kpi(
        "rca_30_days",
        "Problems with root cause found within 30 days",
        p_problem,
        80.0,
        60.0,
        owner=OLIVER,
        measures="Problems with a documented root cause within 30 days of logging.",
        end="green",
        last_months_ago=4,
        points=8,
    )
    kpi(
        "storage_peak",
        "Peak storage utilisation (hosting platform)",
        p_capacity,
        75.0,
        85.0,
        lower=True,
        owner=GRACE,
        measures="Highest daily used/provisioned storage in the month.",
        end="amber",
        decimals=0,
    )
    kpi(
        "dr_tests",
        "Restore and DR tests passed",
        p_continuity,
        100.0,
        90.0,
        freq=F.QUARTERLY,
        points=4,
        owner=DANIEL,
        measures="Tests passed / tests run in the quarter.",
        end="green",
        decimals=0,
    )
    kpi(
        "fcr",
        "First-contact resolution (service desk)",
        p_incident,
        70.0,
        60.0,
        freq=F.WEEKLY,
        points=26,
        owner=MARCUS,
        measures="Contacts resolved during the first contact / all contacts.",
        end="green",
    )
    kpi(
        "patching",
        "Critical vulnerabilities patched within 14 days",
        p_security,
        95.0,
        85.0,
        owner=SOFIA,
        measures="Critical vulnerabilities remediated within 14 days of the advisory.",
        end="red",
    )
    kpi(
        "stratus_availability",
        "Stratus platform availability",
        stratus,
        99.95,
        99.9,
        owner=DANIEL,
        measures="From Stratus monthly reports, checked against our monitoring.",
        end="green",
        decimals=2,
    )
    kpi(
        "meridian_availability",
        "Meridian WAN availability",
        meridian,
        99.9,
        99.5,
        owner=AISHA,
        measures="Circuit availability averaged over all sites.",
        end="red",
        decimals=2,
        notes={0: "Felixstowe fibre cut, 14 hours", 1: "Immingham fibre cut, 6 hours"},
    )
    kpi(
        "helppoint_answer",
        "Out-of-hours calls answered within 60 seconds",
        helppoint,
        90.0,
        80.0,
        freq=F.WEEKLY,
        points=26,
        owner=MARCUS,
        measures="From the telephony platform, out-of-hours queue.",
        end="red",
    )
    kpi(
        "soc_triage",
        "Security alerts triaged within 15 minutes",
        sentinel,
        98.0,
        95.0,
        owner=SOFIA,
        measures="From the SOC monthly report.",
        end="green",
    )
    kpi(
        "parity_fix",
        "Hardware faults fixed within 8 hours",
        parity,
        95.0,
        85.0,
        owner=TOM,
        measures="Faults fixed within 8 hours of logging / all faults.",
        end="red",
        last_months_ago=5,
        points=7,
    )
    kpi(
        "firewall_changes",
        "Firewall changes completed within 2 working days",
        netteam,
        90.0,
        80.0,
        owner=AISHA,
        measures="Firewall change requests closed within 2 working days.",
        end="amber",
    )
    kpi(
        "db_backups",
        "Database backup jobs successful",
        dbteam,
        99.5,
        98.0,
        owner=LIAM,
        measures="Successful database backup jobs / scheduled jobs.",
        end="green",
        decimals=2,
    )
    kpi(
        "harrowby_sla",
        "Harrowby SLA targets met",
        harrowby_sla,
        95.0,
        90.0,
        owner=ELENA,
        measures="SLA targets met in the month / targets in the SLA.",
        end="amber",
        decimals=0,
    )
    kpi(
        "calder_sla",
        "Calder SLA targets met",
        calder_sla,
        95.0,
        90.0,
        owner=ELENA,
        measures="SLA targets met in the month / targets in the SLA.",
        end="red",
        decimals=0,
    )
    kpi(
        "helppoint_backlog",
        "HelpPoint tickets open longer than 5 days",
        helppoint_uc,
        20.0,
        40.0,
        unit="tickets",
        lower=True,
        freq=F.WEEKLY,
        points=12,
        owner=MARCUS,
        measures="Open tickets assigned to HelpPoint older than 5 days, Friday count.",
        end="amber",
        decimals=0,
    )
    kpi(
        "itsm_availability",
        "ITSM platform availability",
        ledgerline_c,
        99.8,
        99.5,
        owner=BEN,
        measures="From Ledgerline status page, checked against our synthetic login test.",
        end="green",
        decimals=2,
    )
    kpi(
        "backup_success",
        "Backup jobs completed successfully",
        backup,
        99.0,
        97.0,
        owner=DANIEL,
        measures="Successful backup jobs / scheduled jobs, all customers.",
        end="green",
    )
    kpi(
        "aldermoor_restore",
        "Aldermoor restore tests passed",
        aldermoor_sla,
        100.0,
        90.0,
        freq=F.QUARTERLY,
        points=3,
        last_months_ago=7,
        owner=LIAM,
        measures="Restore tests passed / run for Aldermoor systems.",
        end="green",
        decimals=0,
    )
    kpi(
        "kestrel_readiness",
        "Kubernetes platform go-live criteria met",
        kestrel_sla,
        100.0,
        80.0,
        freq=F.MONTHLY,
        points=3,
        owner=DANIEL,
        measures="Go-live criteria met / criteria in the SLA schedule.",
        end="red",
        decimals=0,
    )

    kpi(
        "audit_readiness",
        "Audit readiness checklist items complete",
        obj_audit,
        100.0,
        80.0,
        points=3,
        owner=PRIYA,
        measures="Items of the clause 8.1/8.3 audit checklist with evidence filed.",
        end="amber",
        decimals=0,
    )
    kpi(
        "docklands_power",
        "Docklands power availability",
        docklands_uc,
        99.99,
        99.9,
        owner=DANIEL,
        measures="From the Docklands monthly facility report.",
        end="green",
        decimals=3,
    )
    kpi(
        "harrowby_signin",
        "Harrowby sign-in availability",
        identity_uc,
        99.9,
        99.5,
        owner=ELENA,
        measures="Synthetic sign-in test every 5 minutes against Harrowby's identity service.",
        end="green",
        decimals=2,
    )

    # --- improvement actions ------------------------------------------------------------------------
    def action(
        text: str,
        owner: str,
        due: int | None,
        status: ActionStatus,
        *,
        created: int,
        completed: int | None = None,
        **refs: Any,
    ) -> None:
        b.add(
            ImprovementAction,
            created=created,
            updated=completed if completed is not None else min(created + 10, -1),
            revision=2 if completed is None else 3,
            description=text,
            owner=owner,
            due_date=day(due) if due is not None else None,
            status=status,
            completed_on=day(completed) if completed is not None else None,
            **refs,
        )

    AS = ActionStatus
    action(
        "HelpPoint to add two agents to the weekend night shift",
        "Carla Jensen (HelpPoint)",
        -10,
        AS.IN_PROGRESS,
        created=-29,
        review_id=rev_helppoint.id,
        supplier_id=helppoint.id,
        agreement_id=helppoint_uc.id,
    )
    action(
        "Weekly call-answer report until the target is met for three months",
        MARCUS,
        60,
        AS.OPEN,
        created=-29,
        review_id=rev_helppoint.id,
        supplier_id=helppoint.id,
        kpi_id=kpis["helppoint_answer"].id,
    )
    action(
        "Diverse second circuit at the Felixstowe depot",
        "Gareth Pryce (Meridian)",
        -20,
        AS.OPEN,
        created=-44,
        review_id=rev_meridian.id,
        supplier_id=meridian.id,
        agreement_id=meridian_uc.id,
    )
    action(
        "Root cause analysis of the Felixstowe outage",
        "Gareth Pryce (Meridian)",
        -35,
        AS.DONE,
        created=-44,
        completed=-32,
        review_id=rev_meridian.id,
        supplier_id=meridian.id,
    )
    action(
        "Raise the WAN availability target to 99.9 % at renewal",
        TOM,
        100,
        AS.OPEN,
        created=-44,
        review_id=rev_meridian.id,
        agreement_id=meridian_uc.id,
    )
    action(
        "Agree the date of the Harrowby DR failover test",
        DANIEL,
        -40,
        AS.DONE,
        created=-69,
        completed=-55,
        review_id=rev_stratus.id,
        supplier_id=stratus.id,
    )
    action(
        "Get quotes from two alternative hardware maintainers",
        TOM,
        30,
        AS.IN_PROGRESS,
        created=-89,
        review_id=rev_parity.id,
        supplier_id=parity.id,
    )
    action(
        "Investigate P1 resolution over-runs in network incidents",
        OLIVER,
        -5,
        AS.OPEN,
        created=-35,
        kpi_id=kpis["p1_within_sla"].id,
    )
    action(
        "Document the firewall request hand-off in the network OLA",
        AISHA,
        -90,
        AS.DONE,
        created=-119,
        completed=-95,
        review_id=rev_net.id,
        agreement_id=net_ola.id,
    )
    action(
        "Plan the move to hall B",
        DANIEL,
        -60,
        AS.CANCELLED,
        created=-199,
        review_id=rev_docklands.id,
        supplier_id=docklands.id,
    )
    action(
        "Reconcile the disputed service-credit calculation with HelpPoint",
        TOM,
        -60,
        AS.IN_PROGRESS,
        created=-160,
        supplier_id=helppoint.id,
        agreement_id=helppoint_uc.id,
    )
    action(
        "Bring patching of critical vulnerabilities back within 14 days",
        SOFIA,
        21,
        AS.OPEN,
        created=-3,
        kpi_id=kpis["patching"].id,
    )

    return DataSet(b.records)


def _period_ends(freq: Frequency, points: int, months_ago: int) -> list[date]:
    """The last ``points`` period ends before ANCHOR, the latest ``months_ago`` months back.

    Weekly KPIs are measured on Fridays, monthly ones on the last day of the month,
    quarterly ones on the last day of March, June, September and December.
    """
    if freq is Frequency.WEEKLY:
        last_friday = ANCHOR - timedelta(days=(ANCHOR.weekday() - 4) % 7 or 7)
        return [last_friday - timedelta(weeks=k) for k in reversed(range(points))]
    ends: list[date] = []
    back = months_ago + 1
    while len(ends) < points:
        # the month after the one wanted starts ``back - 1`` months before ANCHOR's month
        y, m = divmod(ANCHOR.year * 12 + ANCHOR.month - 1 - (back - 1), 12)
        end = date(y, m + 1, 1) - timedelta(days=1)
        if freq is not Frequency.QUARTERLY or end.month % 3 == 0:
            ends.append(end)
        back += 1
    return sorted(ends)


def render() -> str:
    """The demo snapshot text (what ``sample_data/demo.toml`` must hold)."""
    return export_snapshot(build(), exported_at=EXPORTED_AT, app_version=__version__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run scripts/build_demo_data.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT} ({len(text.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
