"""The demo's risk register."""

from __future__ import annotations

from typing import Any

from itsms_tui.domain.enums import RiskArea, RiskStatus, RiskTreatment
from itsms_tui.domain.risks import Risk
from scripts.demo_data.common import (
    AISHA,
    BEN,
    DANIEL,
    ELENA,
    GRACE,
    MARCUS,
    SOFIA,
    TOM,
    Builder,
    day,
)
from scripts.demo_data.refs import Processes, Services, SupplierAgreements, Suppliers

ORG, SVC, OTHERS = RiskArea.ORGANISATION, RiskArea.SERVICE_REQUIREMENTS, RiskArea.OTHER_PARTIES

PROFILES: dict[str, tuple[RiskArea, str]] = {
    "Single carrier at Calder depots: a fibre cut isolates a depot": (
        OTHERS,
        "A Calder depot loses scanning and dispatch until the circuit is repaired.",
    ),
    "Colocation agreement renews for 36 months at above-market prices": (
        ORG,
        "None directly; the cost reaches customers at the next price review.",
    ),
    "Out-of-hours desk misses answer targets and breaches the Harrowby SLA": (
        SVC,
        "Harrowby staff wait for an answer at night and at weekends; service credits due.",
    ),
    "Ransomware encrypts hosted customer workloads": (
        SVC,
        "Hosted customers lose their systems for days while they are restored.",
    ),
    "Region-wide outage at Stratus Cloud": (
        OTHERS,
        "Every hosted customer is down until the failover region takes over.",
    ),
    "Loss of a network engineer: a team of four, already over-allocated": (
        ORG,
        "Network changes and incident fixes for every customer slow down.",
    ),
    "Harrowby identity outage blocks every Harrowby sign-in": (
        OTHERS,
        "Harrowby staff cannot sign in to any service while their identity service is down.",
    ),
    "ITSM subscription renews without a decision on seat numbers": (
        ORG,
        "None directly; paying for seats nobody uses.",
    ),
    "Supplier engineers make changes outside the change process": (
        OTHERS,
        "Unplanned outages that customers are not warned about.",
    ),
    "No hardware cover for the legacy storage arrays while Parity is suspended": (
        OTHERS,
        "A failed disk shelf takes hosted storage down until a part is found.",
    ),
    "Personal data sent to the wrong customer in a report": (
        SVC,
        "A customer's personal data reaches another customer: a notifiable breach.",
    ),
    "Backup storage fills up (85 % used)": (
        SVC,
        "Backups stop and restores after an incident may be missing data.",
    ),
    "Kestrel SLA signed before the platform is production-ready": (
        SVC,
        "Kestrel's clinical applications run on a platform that cannot yet meet the SLA.",
    ),
    "Toner supply gap after the print contract ended": (
        ORG,
        "None: printing is internal to our Leeds office.",
    ),
    "A failed change causes an extended outage": (
        SVC,
        "The service a failed change touches is down beyond its maintenance window.",
    ),
    "SOC provider becomes insolvent": (
        OTHERS,
        "Security alerts for Harrowby and Aldermoor go unwatched until a new SOC starts.",
    ),
    "Staff account compromised through phishing": (
        ORG,
        "An attacker with a staff account could reach customer systems.",
    ),
    "Only one administrator knows the ITSM workflow configuration": (
        ORG,
        "Request and incident workflows cannot be changed while that person is away.",
    ),
}
"""Each risk's 6.1 area and what customers would notice (by title)."""


def add_risks(
    b: Builder,
    services: Services,
    processes: Processes,
    suppliers: Suppliers,
    contracts: SupplierAgreements,
) -> dict[str, Risk]:
    """Risks to the services, scored and treated; returned by title for the actions."""
    added: dict[str, Risk] = {}

    def risk(title: str, likelihood: int, impact: int, **fields: Any) -> Risk:
        area, customer_impact = PROFILES[title]
        fields.setdefault("area", area)
        fields.setdefault("customer_impact", customer_impact)
        added[title] = b.add(
            Risk,
            created=fields.pop("created", -250),
            updated=fields.pop("updated", -20),
            revision=fields.pop("revision", 3),
            title=title,
            likelihood=likelihood,
            impact=impact,
            **fields,
        )
        return added[title]

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
        supplier_id=suppliers.meridian.id,
        agreement_id=contracts.meridian_uc.id,
        service_id=services.network.id,
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
        supplier_id=suppliers.docklands.id,
        agreement_id=contracts.docklands_uc.id,
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
        supplier_id=suppliers.helppoint.id,
        agreement_id=contracts.helppoint_uc.id,
        service_id=services.desk.id,
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
        process_id=processes.p_security.id,
        service_id=services.hosting.id,
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
        supplier_id=suppliers.stratus.id,
        agreement_id=contracts.stratus_uc.id,
        service_id=services.hosting.id,
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
        process_id=processes.p_monitoring.id,
    )
    risk(
        "Harrowby identity outage blocks every Harrowby sign-in",
        3,
        4,
        category="customer dependency",
        owner=ELENA,
        treatment=RT.ACCEPT,
        description="Accepted: excluded from the SLA and owned by Harrowby.",
        mitigation_actions=["Harrowby's outages are an exception in the Harrowby SLA"],
        residual_likelihood=3,
        residual_impact=3,
        accepted_by=ELENA,
        accepted_on=day(-150),
        review_date=day(120),
        status=RS.MONITORING,
        supplier_id=suppliers.harrowby_id.id,
        agreement_id=contracts.identity_uc.id,
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
        supplier_id=suppliers.ledgerline.id,
        agreement_id=contracts.ledgerline_c.id,
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
        process_id=processes.p_change.id,
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
        supplier_id=suppliers.parity.id,
        agreement_id=contracts.parity_c.id,
        service_id=services.backup.id,
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
        process_id=processes.p_slm.id,
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
        process_id=processes.p_capacity.id,
        service_id=services.backup.id,
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
        service_id=services.kubernetes.id,
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
        supplier_id=suppliers.brightlane.id,
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
        process_id=processes.p_change.id,
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
        supplier_id=suppliers.sentinel.id,
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
        process_id=processes.p_security.id,
    )
    risk(
        "Only one administrator knows the ITSM workflow configuration",
        2,
        1,
        category="people",
        owner=BEN,
        treatment=RT.ACCEPT,
        accepted_by=BEN,
        accepted_on=day(-80),
        review_date=day(100),
        status=RS.MONITORING,
    )
    return added
