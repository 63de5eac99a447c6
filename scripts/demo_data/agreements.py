"""The demo's agreements: supplier-side contracts and OLAs, customer SLAs, amendments."""

from __future__ import annotations

from datetime import timedelta

from itsms_tui.domain.agreements import AcceptedDeviation, Agreement, Amendment
from itsms_tui.domain.enums import AgreementKind, AgreementStatus, DeviationBasis, Renewal
from scripts.demo_data.common import (
    AISHA,
    ALDERMOOR,
    BEN,
    CALDER,
    DANIEL,
    ELENA,
    HANNAH,
    HARROWBY,
    KESTREL,
    LIAM,
    MARCUS,
    SOFIA,
    TOM,
    Builder,
    day,
    target,
    terms,
    times,
)
from scripts.demo_data.refs import CustomerSlas, Services, SupplierAgreements, Suppliers


def add_supplier_agreements(
    b: Builder, services: Services, suppliers: Suppliers
) -> SupplierAgreements:
    """Contracts, underpinning contracts and OLAs with the suppliers."""
    common_quality = ["ISO/IEC 27001", "ISO/IEC 20000-1"]
    stratus_uc = b.add(
        Agreement,
        created=-1110,
        updated=-200,
        revision=5,
        title="Stratus Cloud Europe - Enterprise Hosting Agreement",
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=suppliers.stratus.id,
        service_ids=[services.hosting.id, services.backup.id, services.kubernetes.id],
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
        supplier_id=suppliers.meridian.id,
        service_ids=[services.network.id],
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
        supplier_id=suppliers.docklands.id,
        service_ids=[services.hosting.id, services.backup.id],
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
        supplier_id=suppliers.helppoint.id,
        service_ids=[services.desk.id],
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
        not_underpinning_reason=(
            "Our ITSM tool: the service desk runs on it, but no customer target depends on "
            "its availability (desk work falls back to phone and e-mail)."
        ),
        kind=AgreementKind.CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=suppliers.ledgerline.id,
        service_ids=[services.desk.id],
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
        supplier_id=suppliers.sentinel.id,
        service_ids=[services.soc.id],
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
        not_underpinning_reason=(
            "Break-fix maintenance of our own storage hardware: the hosting availability "
            "the SLAs commit to is Stratus's, not these arrays'."
        ),
        kind=AgreementKind.CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=suppliers.parity.id,
        service_ids=[services.hosting.id, services.backup.id],
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
        not_underpinning_reason=(
            "Harrowby's own identity federation: it serves Harrowby's users only, not "
            "Calder's, although both use the service desk."
        ),
        kind=AgreementKind.UNDERPINNING_CONTRACT,
        status=AgreementStatus.ACTIVE,
        supplier_id=suppliers.harrowby_id.id,
        service_ids=[services.desk.id, services.hosting.id],
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
        supplier_id=suppliers.netteam.id,
        service_ids=[services.network.id, services.hosting.id],
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
        supplier_id=suppliers.dbteam.id,
        service_ids=[services.hosting.id, services.backup.id],
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
        supplier_id=suppliers.nimbus.id,
        service_ids=[services.backup.id],
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
        supplier_id=suppliers.brightlane.id,
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
        supplier_id=suppliers.vantage.id,
        service_ids=[services.backup.id, services.kubernetes.id],
        owner=DANIEL,
        scope="Licences for 120 protected workloads, including Kubernetes namespaces.",
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=60,
        value=22_000.0,
        currency="GBP",
    )
    return SupplierAgreements(
        db_ola=db_ola,
        docklands_uc=docklands_uc,
        helppoint_uc=helppoint_uc,
        identity_uc=identity_uc,
        ledgerline_c=ledgerline_c,
        meridian_uc=meridian_uc,
        net_ola=net_ola,
        parity_c=parity_c,
        sentinel_uc=sentinel_uc,
        stratus_uc=stratus_uc,
    )


def add_customer_slas(
    b: Builder, services: Services, contracts: SupplierAgreements
) -> CustomerSlas:
    """The customers' SLAs, each listing the agreements that underpin it."""
    sla_quality = ["ISO/IEC 20000-1", "ISO/IEC 27001"]
    harrowby_sla = b.add(
        Agreement,
        created=-725,
        updated=-150,
        revision=6,
        title="Harrowby Insurance - Managed Services SLA",
        kind=AgreementKind.CUSTOMER_SLA,
        status=AgreementStatus.ACTIVE,
        customer_id=HARROWBY,
        service_ids=[services.desk.id, services.hosting.id, services.backup.id, services.soc.id],
        underpinning_ids=[
            contracts.stratus_uc.id,
            contracts.docklands_uc.id,
            contracts.helppoint_uc.id,
            contracts.sentinel_uc.id,
            contracts.identity_uc.id,
            contracts.db_ola.id,
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
            f"Outages caused by Harrowby's identity service ({contracts.identity_uc.id})",
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
        customer_id=CALDER,
        service_ids=[services.network.id, services.workplace.id, services.desk.id],
        underpinning_ids=[
            contracts.meridian_uc.id,
            contracts.net_ola.id,
            contracts.helppoint_uc.id,
        ],
        owner=ELENA,
        scope="SD-WAN and site networks for 38 depots and head office; laptops for 650 office staff; service desk.",
        requirements=[
            "Depot scanning back within 4 hours of a site outage",
            "New starters' laptops imaged with the depot build",
        ],
        targets=[
            target("availability", 99.9),
            target("laptops delivered within 5 working days", 95),
        ],
        priority_times=times(("P1", 15, 240), ("P2", 30, 480), ("P3", 120, 2880)),
        quality_standards=sla_quality,
        workload_limits=["Up to 40 new laptops a month", "Up to 6 site moves a year"],
        exceptions=["Depots without diverse circuits: availability target 99.5 %"],
        accepted_deviations=[
            AcceptedDeviation(
                agreement_id=contracts.meridian_uc.id,
                metric="availability",
                basis=DeviationBasis.SLA_EXCEPTION,
                accepted_by=b.person(ELENA),
                accepted_on=day(-515),
                exception="Depots without diverse circuits: availability target 99.5 %",
                reason="Meridian's 99.5 % is the level the SLA agrees for single-circuit depots.",
            ),
            AcceptedDeviation(
                agreement_id=contracts.meridian_uc.id,
                basis=DeviationBasis.ACCEPTED,
                accepted_by=b.person(ELENA),
                accepted_on=day(-200),
                risk_id="RSK-0001",  # the single-carrier risk (the register's first entry)
                review_on=day(60),
                reason=(
                    "Carrier fault times are longer than the SLA's: 4G failover at the busiest "
                    "depots carries P1 and P2 sites while Meridian repairs the circuit."
                ),
            ),
        ],
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
        customer_id=ALDERMOOR,
        service_ids=[services.soc.id, services.backup.id, services.network.id],
        underpinning_ids=[contracts.sentinel_uc.id, contracts.meridian_uc.id, contracts.db_ola.id],
        owner=ELENA,
        scope="24x7 security monitoring, backup of 120 servers, and network for 14 council sites.",
        requirements=[
            "Weekly security alert summary to the Information Governance Lead",
            "Backups kept in the UK for the council's retention periods",
        ],
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
        customer_id=KESTREL,
        service_ids=[services.kubernetes.id],
        underpinning_ids=[contracts.stratus_uc.id],
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
    return CustomerSlas(
        aldermoor_sla=aldermoor_sla,
        calder_sla=calder_sla,
        harrowby_sla=harrowby_sla,
        kestrel_sla=kestrel_sla,
    )


def add_amendments(b: Builder, contracts: SupplierAgreements, slas: CustomerSlas) -> None:
    """Amendments to agreements."""
    b.add(
        Amendment,
        created=-205,
        agreement_id=contracts.stratus_uc.id,
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
        agreement_id=slas.harrowby_sla.id,
        title="Raise the service desk contact limit from 2,000 to 2,500 a month",
        effective_on=day(-150),
        impact_assessment="Needs one more analyst on day shift (funded by the price change); HelpPoint volume within its limit.",
        approved_by=ELENA,
    )
    b.add(
        Amendment,
        created=-62,
        agreement_id=contracts.meridian_uc.id,
        title="Annual price indexation (CPI + 1 %)",
        effective_on=day(-60),
        approved_by=HANNAH,
    )
    b.add(
        Amendment,
        created=-40,
        agreement_id=contracts.ledgerline_c.id,
        title="Add 30 agent seats",
        description="For the Kestrel onboarding team.",
        effective_on=day(-30),
    )
    b.add(
        Amendment,
        created=-310,
        agreement_id=contracts.helppoint_uc.id,
        title="Extend weekend cover to bank holidays",
        effective_on=day(-300),
        impact_assessment="Removes the bank-holiday gap in first-line cover; GBP 9,000 a year.",
        approved_by=MARCUS,
    )
