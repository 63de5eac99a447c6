"""The demo's service catalogue."""

from __future__ import annotations

from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.enums import ServiceStatus
from scripts.demo_data.common import (
    AISHA,
    ALDERMOOR,
    CALDER,
    DANIEL,
    HARROWBY,
    KESTREL,
    MARCUS,
    SOFIA,
    Builder,
)
from scripts.demo_data.refs import Services


def add_services(b: Builder) -> Services:
    """The service catalogue that agreements, activities and changes refer to."""
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
        customer_ids=[HARROWBY, CALDER, ALDERMOOR],
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
        customer_ids=[HARROWBY, CALDER],
    )
    network = b.add(
        Service,
        created=-1450,
        name="Managed Network (SD-WAN)",
        description="SD-WAN, site LAN and internet breakout for customer offices and depots.",
        owner=AISHA,
        customer_ids=[CALDER, ALDERMOOR],
    )
    workplace = b.add(
        Service,
        created=-1400,
        name="Workplace Device Management",
        description="Laptop build, enrolment, patching and replacement for office staff.",
        owner=MARCUS,
        customer_ids=[CALDER, ALDERMOOR],
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
        customer_ids=[HARROWBY, ALDERMOOR],
    )
    soc = b.add(
        Service,
        created=-900,
        name="Security Monitoring (24x7 SOC)",
        description="Security event monitoring, triage and incident response with Sentinel Watch.",
        owner=SOFIA,
        customer_ids=[ALDERMOOR, HARROWBY],
    )
    kubernetes = b.add(
        Service,
        created=-120,
        name="Managed Kubernetes Platform",
        description="Container platform on Stratus Cloud; first customer Kestrel Health Partners.",
        owner=DANIEL,
        status=ServiceStatus.PIPELINE,
        customer_ids=[KESTREL],
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
        customer_ids=[],
    )
    return Services(
        backup=backup,
        desk=desk,
        hosting=hosting,
        kubernetes=kubernetes,
        network=network,
        soc=soc,
        workplace=workplace,
    )
