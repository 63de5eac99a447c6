"""The demo's customers and the relationship with them (8.3.2): satisfaction surveys,
complaints and customer service reviews.

``add_customers`` runs before the catalogue (services name their customers);
``add_customer_relations`` runs last, as its records name services, people and
improvement actions. Aldermoor's latest survey scores low with no action, a complaint of
theirs is past its target, and their service review is overdue: the checker finds them.
"""

from __future__ import annotations

from itsms_tui.domain.customers import (
    Complaint,
    ComplaintSeverity,
    ComplaintStatus,
    Customer,
    CustomerReview,
    CustomerType,
    SatisfactionMethod,
    SatisfactionResult,
)
from itsms_tui.domain.enums import ActionStatus
from itsms_tui.domain.suppliers import ImprovementAction
from scripts.demo_data.common import (
    AISHA,
    ALDERMOOR,
    CALDER,
    DANIEL,
    ELENA,
    HARROWBY,
    KESTREL,
    MARCUS,
    PRIYA,
    Builder,
    contact,
    day,
)
from scripts.demo_data.refs import Services


def add_customers(b: Builder) -> None:
    """The four customers, each with a relationship manager and how we talk to them."""
    b.add(
        Customer,
        created=-1500,
        updated=-90,
        revision=3,
        name=HARROWBY,
        type=CustomerType.EXTERNAL,
        relationship_manager=ELENA,
        contacts=[
            contact("Fiona Blake", "Head of IT Operations", "f.blake@harrowby.example", "", 0),
            contact("James Whitlock", "CIO", "j.whitlock@harrowby.example", "", 2),
        ],
        communication=(
            "Monthly service report by e-mail on the 5th working day; quarterly service "
            "review; P1 incidents phoned to the Head of IT Operations within 15 minutes."
        ),
    )
    b.add(
        Customer,
        created=-1450,
        updated=-120,
        revision=2,
        name=CALDER,
        type=CustomerType.EXTERNAL,
        relationship_manager=PRIYA,
        contacts=[
            contact("Ravi Patel", "IT Manager", "ravi.patel@calderfreight.example", "", 0),
            contact("Moira Dunn", "Operations Director", "m.dunn@calderfreight.example", "", 2),
        ],
        communication=(
            "Monthly service report; depot outages reported to the IT Manager by phone; "
            "twice-yearly service review."
        ),
    )
    b.add(
        Customer,
        created=-1400,
        updated=-200,
        revision=2,
        name=ALDERMOOR,
        type=CustomerType.EXTERNAL,
        relationship_manager=ELENA,
        contacts=[
            contact(
                "Gareth Owusu",
                "Digital Services Manager",
                "gareth.owusu@aldermoor.example",
                "",
                0,
            ),
            contact("Claire Ng", "Information Governance Lead", "c.ng@aldermoor.example", "", 1),
        ],
        communication=(
            "Monthly security and backup report; security incidents to the Information "
            "Governance Lead within one hour; twice-yearly service review."
        ),
        notes="Public body: complaints may be escalated to the council's contract board.",
    )
    b.add(
        Customer,
        created=-150,
        name=KESTREL,
        type=CustomerType.EXTERNAL,
        relationship_manager=DANIEL,
        contacts=[
            contact("Dr Amira Said", "Chief Technology Officer", "a.said@kestrel.example", "", 0)
        ],
        communication="Fortnightly onboarding call until the Kubernetes platform goes live.",
    )


def add_customer_relations(b: Builder, services: Services) -> None:
    """A year of quarterly satisfaction surveys, complaints and customer reviews."""
    scores = {
        HARROWBY: (4.4, 4.5, 4.3, 4.6),
        CALDER: (4.1, 3.9, 2.8, 3.8),
        ALDERMOOR: (4.2, 4.0, 3.6, 2.9),
    }
    respondents = {HARROWBY: 14, CALDER: 9, ALDERMOOR: 11}
    calder_action = b.add(
        ImprovementAction,
        created=-120,
        updated=-70,
        revision=3,
        description="Depot network recovery plan agreed with Calder after the Q2 survey",
        owner=PRIYA,
        due_date=day(-75),
        status=ActionStatus.DONE,
        completed_on=day(-72),
    )
    for quarter, offset in enumerate((-305, -215, -125, -35)):
        for customer, row in scores.items():
            score = row[quarter]
            low = score < 3
            b.add(
                SatisfactionResult,
                created=offset + 3,
                customer_id=customer,
                measured_on=day(offset),
                method=SatisfactionMethod.SURVEY,
                score=score,
                scale_max=5,
                respondents=respondents[customer] - quarter % 2,
                analysis=(
                    "Depot outages in the quarter dominate the comments; the desk is praised."
                    if low and customer == CALDER
                    else "Three respondents cite slow progress on the SOC alert backlog."
                    if low
                    else "Stable; no theme in the comments."
                ),
                action_ids=[calder_action.id] if low and customer == CALDER else [],
            )

    b.add(
        Complaint,
        created=-140,
        updated=-118,
        revision=4,
        customer_id=HARROWBY,
        service_id=services.desk.id,
        title="Out-of-hours calls unanswered for 25 minutes",
        description="Two P2 calls on a Saturday night waited over 25 minutes for an answer.",
        received_on=day(-140),
        owner=MARCUS,
        severity=ComplaintSeverity.MEDIUM,
        escalation_path="Service Desk Manager, then Head of Service Management",
        status=ComplaintStatus.CLOSED,
        resolution="HelpPoint weekend rota increased by one agent; answer times now within SLA.",
        resolved_on=day(-125),
        reported_on=day(-120),
    )
    b.add(
        Complaint,
        created=-6,
        updated=-3,
        revision=2,
        customer_id=CALDER,
        service_id=services.network.id,
        title="Leeds depot offline twice in one week",
        description="SD-WAN failover to 4G did not trigger; the depot lost scanning for 3 hours.",
        received_on=day(-6),
        owner=AISHA,
        severity=ComplaintSeverity.HIGH,
        escalation_path="Network Services Lead, then Head of Service Management",
        escalated_to=PRIYA,
        escalated_on=day(-5),
        status=ComplaintStatus.INVESTIGATING,
    )
    b.add(
        Complaint,
        created=-38,
        updated=-30,
        revision=2,
        customer_id=ALDERMOOR,
        service_id=services.soc.id,
        title="Security alert reports arrive late",
        description="Weekly alert summaries reached the Information Governance Lead 3-4 days late.",
        received_on=day(-38),
        owner=ELENA,
        severity=ComplaintSeverity.MEDIUM,
        escalation_path="Service Level Manager, then Information Security Manager",
        status=ComplaintStatus.OPEN,
    )
    b.add(
        Complaint,
        created=-20,
        updated=-4,
        revision=3,
        customer_id=CALDER,
        service_id=services.workplace.id,
        title="Replacement laptops shipped without the depot image",
        received_on=day(-20),
        owner=MARCUS,
        severity=ComplaintSeverity.LOW,
        status=ComplaintStatus.RESOLVED,
        resolution="Six laptops re-imaged on site; build checklist updated.",
        resolved_on=day(-5),
    )

    def review(customer: str, held: int, attendees: list[str], trends: str, outcomes: str) -> None:
        b.add(
            CustomerReview,
            created=held + 2,
            customer_id=customer,
            held_on=day(held),
            attendees=attendees,
            performance_trends=trends,
            outcomes=outcomes,
        )

    review(
        HARROWBY,
        -170,
        [ELENA, MARCUS, DANIEL, "Fiona Blake (Harrowby)"],
        "Availability 99.95 % to 99.97 % over two quarters; out-of-hours answer times fell.",
        "Weekend desk cover to be increased (complaint CMP-0001); DR region agreed.",
    )
    review(
        HARROWBY,
        -80,
        [ELENA, MARCUS, "Fiona Blake (Harrowby)", "James Whitlock (Harrowby)"],
        "All SLA targets met for the quarter; satisfaction 4.3 of 5. Harrowby service "
        "desk contacts went over the 2,500 limit in June (policy renewal season).",
        "June's contacts above the limit billed per contact as the SLA allows; Harrowby "
        "keeps the limit and will warn us of the next campaign. Harrowby asks for a "
        "quarterly DR test report; agreed from next quarter.",
    )
    review(
        CALDER,
        -100,
        [PRIYA, "Ravi Patel (Calder)", "Moira Dunn (Calder)"],
        "Depot availability below target in two months; desk and workplace on target.",
        "Recovery plan for depot networks (ACN from the Q2 survey); next review in six months.",
    )
    review(
        ALDERMOOR,
        -250,
        [ELENA, "Gareth Owusu (Aldermoor)"],
        "SOC triage within target; backup restore tests all passed.",
        "Aldermoor to confirm retention needs for the new records system.",
    )
