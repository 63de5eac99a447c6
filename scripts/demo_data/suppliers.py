"""The demo's suppliers and what follows them: evaluations, reviews, disputes, actions."""

from __future__ import annotations

from typing import Any

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.enums import (
    ActionStatus,
    Criticality,
    DisputeStatus,
    SelectionDecision,
    SupplierKind,
    SupplierStatus,
)
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from scripts.demo_data.common import (
    AISHA,
    BEN,
    DANIEL,
    ELENA,
    HANNAH,
    LIAM,
    MARCUS,
    OLIVER,
    PRIYA,
    SOFIA,
    TOM,
    Builder,
    contact,
    criteria,
    day,
)
from scripts.demo_data.refs import SupplierAgreements, SupplierReviews, Suppliers


def add_suppliers(b: Builder) -> Suppliers:
    """External, internal and customer-acting suppliers with contacts."""
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
        approved_on=day(-690),
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
        approved_on=day(-690),
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
    return Suppliers(
        brightlane=brightlane,
        dbteam=dbteam,
        docklands=docklands,
        harrowby_id=harrowby_id,
        helppoint=helppoint,
        ledgerline=ledgerline,
        meridian=meridian,
        netteam=netteam,
        nimbus=nimbus,
        parity=parity,
        sentinel=sentinel,
        stratus=stratus,
        vantage=vantage,
    )


def add_evaluations(b: Builder, suppliers: Suppliers) -> None:
    """Weighted supplier evaluations."""
    b.add(
        Evaluation,
        created=-1130,
        supplier_id=suppliers.stratus.id,
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
        supplier_id=suppliers.meridian.id,
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
        supplier_id=suppliers.sentinel.id,
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
        supplier_id=suppliers.helppoint.id,
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
        supplier_id=suppliers.nimbus.id,
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
        supplier_id=suppliers.vantage.id,
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
        supplier_id=suppliers.brightlane.id,
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
        supplier_id=suppliers.docklands.id,
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
        supplier_id=suppliers.ledgerline.id,
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


def add_supplier_reviews(
    b: Builder, suppliers: Suppliers, contracts: SupplierAgreements
) -> SupplierReviews:
    """Supplier reviews, some overdue by design."""

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
        suppliers.stratus,
        contracts.stratus_uc,
        -160,
        [DANIEL, TOM, "Ines Kramer (Stratus)"],
        "Availability 99.97 % over the quarter; one P2 storage latency incident.",
        "1. Performance: all targets met.\n2. DR region for Harrowby agreed (AMD-0001).\n3. Next review in three months.",
    )
    rev_stratus = review(
        suppliers.stratus,
        contracts.stratus_uc,
        -70,
        [DANIEL, TOM, "Ines Kramer (Stratus)", "Maarten de Vries (Stratus)"],
        "Availability 99.98 %; all P1 responses within 15 minutes.",
        "1. Performance: green on every target.\n2. Roadmap: Kubernetes service for the Kestrel pipeline.\n3. Action: agree the DR failover test date.",
    )
    rev_meridian = review(
        suppliers.meridian,
        contracts.meridian_uc,
        -45,
        [AISHA, TOM, "Gareth Pryce (Meridian)"],
        "Availability 99.2 % in the worst month after two fibre cuts at Calder depots; P1 resolution 9.5 hours against 8.",
        "1. Two outages at Felixstowe and Immingham depots; RCA for Felixstowe delivered.\n"
        "2. Larkfield asked for a diverse second circuit at Felixstowe.\n"
        "3. Meridian's 99.5 % target is below the 99.9 % Calder SLA: to be raised at renewal.",
    )
    rev_helppoint = review(
        suppliers.helppoint,
        contracts.helppoint_uc,
        -30,
        [MARCUS, TOM, "Carla Jensen (HelpPoint)", "Dev Patel (HelpPoint)"],
        "Calls answered within 60 s: 74 % against 90 % for the third month; first-contact resolution 61 %.",
        "1. Staffing on Saturday and Sunday nights below forecast.\n"
        "2. Improvement plan: two more weekend agents, weekly reporting.\n"
        "3. Service credits for Q1-Q2 still disputed (DSP-0001).\n"
        "4. Supplier placed under review.",
    )
    review(
        suppliers.sentinel,
        contracts.sentinel_uc,
        -40,
        [SOFIA, TOM, "Nadia Rahman (Sentinel)"],
        "98.6 % of alerts triaged within 15 minutes; one confirmed phishing incident handled well.",
        "1. Log source coverage at 96 %: three Aldermoor servers missing.\n2. Joint exercise scheduled for spring.",
    )
    rev_net = review(
        suppliers.netteam,
        contracts.net_ola,
        -120,
        [AISHA, PRIYA, MARCUS],
        "Core availability 99.97 %; firewall changes within 2 days 86 %.",
        "1. Hand-off for firewall requests from the desk is unclear.\n2. Action: document it in the OLA.",
    )
    rev_docklands = review(
        suppliers.docklands,
        contracts.docklands_uc,
        -200,
        [DANIEL, TOM, "Farid Haddad (Docklands)"],
        "Power and cooling met target; remote hands twice over 30 minutes.",
        "1. Hall B relocation offered; declined for now.\n2. Renewal terms to be discussed before the notice date.",
    )
    rev_parity = review(
        suppliers.parity,
        contracts.parity_c,
        -90,
        [TOM, DANIEL],
        "Fixed within 8 hours: 71 % against 95 %; two storage array faults took over a day.",
        "1. Parity suspended for new work.\n2. Alternative maintainers to be approached.",
    )
    review(
        suppliers.harrowby_id,
        contracts.identity_uc,
        -160,
        [ELENA, SOFIA, "Owen Price (Harrowby)"],
        "One federation certificate expiry caused a 40-minute sign-in outage.",
        "1. Harrowby to renew certificates 30 days ahead and tell us through their CAB.",
    )

    review(
        suppliers.ledgerline,
        contracts.ledgerline_c,
        -200,
        [BEN, TOM, "Ruth Ellison (Ledgerline)"],
        "Platform availability 99.9 %; two support cases over their response time.",
        "1. Roadmap: AI triage module, not needed yet.\n2. Seat count to be reviewed before renewal.",
    )
    review(
        suppliers.dbteam,
        contracts.db_ola,
        -150,
        [LIAM, DANIEL, PRIYA],
        "Every quarterly restore test passed; one backup job failed twice in a row in August.",
        "1. Add alerting on consecutive backup failures.\n2. OLA targets unchanged.",
    )
    return SupplierReviews(
        rev_docklands=rev_docklands,
        rev_helppoint=rev_helppoint,
        rev_meridian=rev_meridian,
        rev_net=rev_net,
        rev_parity=rev_parity,
        rev_stratus=rev_stratus,
    )


def add_disputes(b: Builder, suppliers: Suppliers, contracts: SupplierAgreements) -> None:
    """Disputes with suppliers."""
    b.add(
        Dispute,
        created=-170,
        updated=-30,
        revision=4,
        supplier_id=suppliers.helppoint.id,
        agreement_id=contracts.helppoint_uc.id,
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
        supplier_id=suppliers.parity.id,
        agreement_id=contracts.parity_c.id,
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
        supplier_id=suppliers.meridian.id,
        agreement_id=contracts.meridian_uc.id,
        title="Attribution of the Felixstowe depot outage",
        description="Meridian attributes the 14-hour outage to third-party roadworks and declines service credits.",
        raised_on=day(-25),
        raised_by=AISHA,
        status=DisputeStatus.IN_NEGOTIATION,
    )


def add_improvement_actions(
    b: Builder,
    suppliers: Suppliers,
    contracts: SupplierAgreements,
    reviews: SupplierReviews,
    kpis: dict[str, Kpi],
    risks: dict[str, Risk],
) -> None:
    """Improvement actions from reviews, missed targets, disputes and risk treatment."""
    carrier_risk = risks["Single carrier at Calder depots: a fibre cut isolates a depot"]
    desk_risk = risks["Out-of-hours desk misses answer targets and breaches the Harrowby SLA"]

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
        review_id=reviews.rev_helppoint.id,
        supplier_id=suppliers.helppoint.id,
        agreement_id=contracts.helppoint_uc.id,
        risk_id=desk_risk.id,
    )
    action(
        "Weekly call-answer report until the target is met for three months",
        MARCUS,
        60,
        AS.OPEN,
        created=-29,
        review_id=reviews.rev_helppoint.id,
        supplier_id=suppliers.helppoint.id,
        kpi_id=kpis["helppoint_answer"].id,
    )
    action(
        "Diverse second circuit at the Felixstowe depot",
        "Gareth Pryce (Meridian)",
        -20,
        AS.OPEN,
        created=-44,
        review_id=reviews.rev_meridian.id,
        supplier_id=suppliers.meridian.id,
        agreement_id=contracts.meridian_uc.id,
        kpi_id=kpis["meridian_availability"].id,
        risk_id=carrier_risk.id,
    )
    action(
        "Root cause analysis of the Felixstowe outage",
        "Gareth Pryce (Meridian)",
        -35,
        AS.DONE,
        created=-44,
        completed=-32,
        review_id=reviews.rev_meridian.id,
        supplier_id=suppliers.meridian.id,
    )
    action(
        "Raise the WAN availability target to 99.9 % at renewal",
        TOM,
        100,
        AS.OPEN,
        created=-44,
        review_id=reviews.rev_meridian.id,
        agreement_id=contracts.meridian_uc.id,
    )
    action(
        "Agree the date of the Harrowby DR failover test",
        DANIEL,
        -40,
        AS.DONE,
        created=-69,
        completed=-55,
        review_id=reviews.rev_stratus.id,
        supplier_id=suppliers.stratus.id,
    )
    action(
        "Get quotes from two alternative hardware maintainers",
        TOM,
        30,
        AS.IN_PROGRESS,
        created=-89,
        review_id=reviews.rev_parity.id,
        supplier_id=suppliers.parity.id,
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
        review_id=reviews.rev_net.id,
        agreement_id=contracts.net_ola.id,
    )
    action(
        "Plan the move to hall B",
        DANIEL,
        -60,
        AS.CANCELLED,
        created=-199,
        review_id=reviews.rev_docklands.id,
        supplier_id=suppliers.docklands.id,
    )
    action(
        "Reconcile the disputed service-credit calculation with HelpPoint",
        TOM,
        -60,
        AS.IN_PROGRESS,
        created=-160,
        supplier_id=suppliers.helppoint.id,
        agreement_id=contracts.helppoint_uc.id,
    )
    action(
        "Bring patching of critical vulnerabilities back within 14 days",
        SOFIA,
        21,
        AS.OPEN,
        created=-3,
        kpi_id=kpis["patching"].id,
    )
