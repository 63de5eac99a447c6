"""The demo's plan (clause 8.1): objectives, processes, resources, activities, allocations."""

from __future__ import annotations

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.enums import ActivityStatus, ObjectiveStatus, ProcessCategory, ResourceKind
from itsms_tui.domain.plan import Activity, Allocation, Objective, Process, Resource
from itsms_tui.domain.suppliers import Supplier
from scripts.demo_data.common import (
    AISHA,
    ALDERMOOR,
    BEN,
    CALDER,
    DANIEL,
    ELENA,
    GRACE,
    HANNAH,
    HARROWBY,
    LIAM,
    MARCUS,
    OLIVER,
    PRIYA,
    SOFIA,
    TOM,
    Builder,
    day,
)
from scripts.demo_data.refs import (
    Activities,
    Objectives,
    Processes,
    Resources,
    SupplierAgreements,
    Suppliers,
)


def add_objectives(b: Builder) -> Objectives:
    """Service management objectives; some are measured by the KPIs added later."""
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
        resources=["Platform team (4 FTE)", "Stratus failover region", "Monitoring licence"],
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
        resources=["Service desk and network engineers on the P1 rota", "Major incident manager"],
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
        resources=["Supplier manager (0.5 FTE)", "Review template and dashboard"],
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
        resources=["Internal auditor (10 days)", "Certification body fee in the 2026 budget"],
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
    return Objectives(
        obj_audit=obj_audit,
        obj_availability=obj_availability,
        obj_csat=obj_csat,
        obj_p1=obj_p1,
        obj_reviews=obj_reviews,
    )


def add_processes(b: Builder) -> Processes:
    """The processes, one per ISO/IEC 20000-1 clause 8 area."""

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
    return Processes(
        p_availability=p_availability,
        p_capacity=p_capacity,
        p_change=p_change,
        p_continuity=p_continuity,
        p_incident=p_incident,
        p_monitoring=p_monitoring,
        p_problem=p_problem,
        p_release=p_release,
        p_request=p_request,
        p_security=p_security,
        p_slm=p_slm,
        p_supplier=p_supplier,
    )


def add_resources(b: Builder) -> Resources:
    """People, budget and capacity the processes draw on."""

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
    return Resources(
        r_budget=r_budget,
        r_cloud=r_cloud,
        r_desk=r_desk,
        r_network=r_network,
        r_racks=r_racks,
        r_seats=r_seats,
        r_security=r_security,
        r_smo=r_smo,
        r_storage=r_storage,
    )


def add_activities(
    b: Builder, processes: Processes, suppliers: Suppliers, contracts: SupplierAgreements
) -> Activities:
    """Planned activities of the processes, with RACI."""

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
        processes.p_incident,
        "Out-of-hours incident logging and triage",
        "Carla Jensen (HelpPoint)",
        MARCUS,
        -365,
        60,
        A.IN_PROGRESS,
        consulted=["Service desk team leads"],
        informed=[ELENA],
        supplier=suppliers.helppoint,
        agreement=contracts.helppoint_uc,
    )
    activity(
        processes.p_incident,
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
        processes.p_problem,
        "Trend analysis of repeat network incidents at Calder depots",
        OLIVER,
        PRIYA,
        -60,
        -14,
        A.IN_PROGRESS,
        consulted=[AISHA, "Meridian Fibre service manager"],
        informed=[ELENA],
    )
    activity(
        processes.p_problem, "Known error database clean-up", OLIVER, MARCUS, -120, -60, A.DONE
    )
    activity(
        processes.p_request,
        "Refresh the self-service request catalogue",
        MARCUS,
        ELENA,
        -60,
        30,
        A.IN_PROGRESS,
        informed=["Customer service owners"],
    )
    activity(
        processes.p_change,
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
        processes.p_change,
        "Six-monthly review of the standard change catalogue",
        BEN,
        PRIYA,
        10,
        20,
        A.NOT_STARTED,
    )
    activity(
        processes.p_release,
        "Release pipeline for the Kubernetes platform",
        DANIEL,
        PRIYA,
        -90,
        50,
        A.IN_PROGRESS,
        consulted=[SOFIA],
        supplier=suppliers.stratus,
        agreement=contracts.stratus_uc,
    )
    act_capacity = activity(
        processes.p_capacity,
        "Quarterly capacity plan for the hosting platform",
        GRACE,
        PRIYA,
        -20,
        25,
        A.IN_PROGRESS,
        consulted=[DANIEL, LIAM],
    )
    activity(
        processes.p_capacity,
        "Storage growth forecast for Harrowby",
        GRACE,
        DANIEL,
        -150,
        -100,
        A.DONE,
    )
    activity(
        processes.p_availability,
        "Monthly availability reporting to customers",
        GRACE,
        ELENA,
        -365,
        365,
        A.IN_PROGRESS,
        informed=[HARROWBY, CALDER, ALDERMOOR],
    )
    activity(
        processes.p_continuity,
        "Annual DR failover test for Harrowby",
        DANIEL,
        PRIYA,
        30,
        40,
        A.NOT_STARTED,
        consulted=[LIAM, "Stratus service delivery manager"],
        informed=[HARROWBY],
        supplier=suppliers.stratus,
        agreement=contracts.stratus_uc,
    )
    act_restore = activity(
        processes.p_continuity,
        "Quarterly restore tests of customer databases",
        LIAM,
        DANIEL,
        -30,
        20,
        A.IN_PROGRESS,
        supplier=suppliers.dbteam,
        agreement=contracts.db_ola,
    )
    activity(
        processes.p_security,
        "24x7 security event monitoring",
        "Nadia Rahman (Sentinel)",
        SOFIA,
        -760,
        335,
        A.IN_PROGRESS,
        supplier=suppliers.sentinel,
        agreement=contracts.sentinel_uc,
    )
    activity(
        processes.p_security,
        "Quarterly privileged access review for Harrowby systems",
        SOFIA,
        PRIYA,
        -30,
        -5,
        A.BLOCKED,
        consulted=["Harrowby identity platform owner"],
        supplier=suppliers.harrowby_id,
        agreement=contracts.identity_uc,
    )
    activity(
        processes.p_supplier,
        "Quarterly reviews of critical suppliers",
        TOM,
        PRIYA,
        -365,
        365,
        A.IN_PROGRESS,
        informed=["Supplier relationship owners"],
    )
    activity(
        processes.p_supplier,
        "Evaluate archive storage suppliers",
        DANIEL,
        TOM,
        -40,
        15,
        A.IN_PROGRESS,
        consulted=[HANNAH],
    )
    activity(
        processes.p_supplier,
        "Exit Brightlane Print Services",
        MARCUS,
        TOM,
        -200,
        -130,
        A.DONE,
        supplier=suppliers.brightlane,
    )
    activity(
        processes.p_supplier,
        "Decide on renewal of the Docklands colocation agreement",
        TOM,
        PRIYA,
        -40,
        -12,
        A.NOT_STARTED,
        consulted=[DANIEL, HANNAH],
    )
    activity(
        processes.p_slm,
        "Negotiate the Kestrel Health Partners SLA",
        ELENA,
        PRIYA,
        -30,
        30,
        A.IN_PROGRESS,
        consulted=[DANIEL, SOFIA],
    )
    activity(
        processes.p_slm,
        "Annual SLA review with Harrowby",
        ELENA,
        PRIYA,
        70,
        90,
        A.NOT_STARTED,
        informed=[HARROWBY],
    )
    act_netmon = activity(
        processes.p_monitoring,
        "Network monitoring and first response",
        AISHA,
        AISHA,
        -365,
        365,
        A.IN_PROGRESS,
        supplier=suppliers.netteam,
        agreement=contracts.net_ola,
    )
    activity(
        processes.p_monitoring,
        "Replace legacy SNMP monitoring for Aldermoor sites",
        AISHA,
        PRIYA,
        -100,
        40,
        A.CANCELLED,
        informed=[ALDERMOOR],
    )
    return Activities(
        act_capacity=act_capacity,
        act_netmon=act_netmon,
        act_restore=act_restore,
        act_trend=act_trend,
    )


def add_allocations(
    b: Builder, processes: Processes, resources: Resources, activities: Activities
) -> None:
    """Resource allocations; the network engineers are over-allocated (5.0 of 4.0 FTE)."""

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

    allocate(
        resources.r_network,
        processes.p_monitoring,
        1.5,
        "Monitoring and first response",
        activities.act_netmon,
    )
    allocate(resources.r_network, processes.p_incident, 1.5, "Second-line network incidents")
    allocate(resources.r_network, processes.p_change, 1.0, "Network changes and firewall requests")
    allocate(
        resources.r_network,
        processes.p_problem,
        1.0,
        "Calder repeat-incident analysis",
        activities.act_trend,
        end=30,
    )
    allocate(resources.r_desk, processes.p_incident, 9.0)
    allocate(resources.r_desk, processes.p_request, 4.0)
    allocate(resources.r_cloud, processes.p_release, 2.0, "Kubernetes platform build")
    allocate(resources.r_cloud, processes.p_capacity, 1.0, act=activities.act_capacity)
    allocate(resources.r_cloud, processes.p_continuity, 1.0)
    allocate(resources.r_cloud, processes.p_incident, 1.5)
    allocate(resources.r_smo, processes.p_slm, 1.0)
    allocate(resources.r_smo, processes.p_supplier, 1.0)
    allocate(resources.r_smo, processes.p_change, 0.5)
    allocate(resources.r_security, processes.p_security, 2.0)
    allocate(resources.r_seats, processes.p_incident, 110.0)
    allocate(resources.r_seats, processes.p_request, 25.0)
    allocate(resources.r_racks, processes.p_capacity, 16.0, "Private cloud and backup appliances")
    allocate(
        resources.r_budget, processes.p_supplier, 2_150_000.0, "Supplier-side agreements FY2026"
    )
    allocate(
        resources.r_storage, processes.p_continuity, 410.0, "Backup copies", activities.act_restore
    )
