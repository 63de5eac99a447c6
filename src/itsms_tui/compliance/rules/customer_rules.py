"""Clause 8.3.2 business relationship management: a designated person responsible for
each customer relationship, customer satisfaction measured at planned intervals and acted on, complaints managed to closure in time and escalated when
serious, and service reviews with each customer at planned intervals.

A customer is judged while it uses a live service (``Service.customer_ids``); the
intervals and the complaint targets are checker settings. A relationship manager id that
names no person is a broken reference, reported by the integrity check, not here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import Check, Evidence, Rule, any_of, days, rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.customer_refs import (
    customer_name,
    customer_review_due,
    last_review,
    last_satisfaction,
    live_services_of,
    satisfaction_due,
)
from itsms_tui.domain.customers import (
    ESCALATE_SEVERITY,
    OPEN_COMPLAINT,
    Complaint,
    Customer,
    CustomerReview,
    SatisfactionResult,
    complaint_overdue,
    complaint_target,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.people import Person

CLAUSE = "8.3.2"

CUS_MANAGER = Check("CUS-MANAGER", CLAUSE, Topic.CUSTOMER)
CUS_REVIEW = Check("CUS-REVIEW", CLAUSE, Topic.CUSTOMER_REVIEW, dated=True)
CUS_SATISFACTION = Check("CUS-SATISFACTION", CLAUSE, Topic.SATISFACTION, dated=True)
SAT_ACTION = Check("SAT-ACTION", CLAUSE, Topic.SATISFACTION)
CMP_OVERDUE = Check("CMP-OVERDUE", CLAUSE, Topic.COMPLAINT, dated=True)
CMP_ESCALATE = Check("CMP-ESCALATE", CLAUSE, Topic.COMPLAINT)


def _services_text(data: DataSet, service_ids: list[str]) -> str:
    names = [(r.display if (r := data.get(s)) is not None else s) for s in service_ids]
    noun = "service" if len(names) == 1 else "services"
    return f"the live {noun} {', '.join(names)}"


def relationship_manager(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for customer in data.all(Customer):
        services = live_services_of(data, customer.id)
        if not services:
            continue
        uses = _services_text(data, services)
        manager_id = customer.relationship_manager
        if not manager_id:
            yield CUS_MANAGER.error(
                customer,
                f"uses {uses} but no relationship manager is designated",
                *services,
            )
            continue
        manager = data.get_as(Person, manager_id)
        if manager is not None and not manager.active:
            yield CUS_MANAGER.error(
                customer,
                f"its relationship manager {manager.display} has left; it uses {uses}: "
                "designate another",
                manager.id,
                *services,
            )


def customer_review(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    months = settings.customer_review_months
    for customer in data.all(Customer):
        due = customer_review_due(data, customer, months)
        if due is None or due >= today:
            continue
        last = last_review(data, customer.id)
        held = f"last held {last.held_on}" if last else "none held yet"
        yield CUS_REVIEW.error(
            customer,
            f"service review every {months} months was due {due} "
            f"({days((today - due).days)} ago); {held}",
            last.id if last else None,
            due=due,
        )
    for review in data.all(CustomerReview):
        if review.held_on <= today and not review.outcomes:
            yield CUS_REVIEW.error(
                review,
                f"{customer_name(data, review.customer_id)}: review held {review.held_on} "
                "records no outcomes (what was agreed or decided)",
                review.customer_id,
            )


def customer_satisfaction(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    months = settings.satisfaction_interval_months
    for customer in data.all(Customer):
        due = satisfaction_due(data, customer, months)
        if due is None or due >= today:
            continue
        last = last_satisfaction(data, customer.id)
        measured = f"last measured {last.measured_on}" if last else "never measured"
        yield CUS_SATISFACTION.error(
            customer,
            f"no satisfaction result within {months} months while it uses a live service "
            f"({measured})",
            last.id if last else None,
            due=due,
        )


def satisfaction_action(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    low = settings.satisfaction_low_share
    for result in data.all(SatisfactionResult):
        who = customer_name(data, result.customer_id)
        if not result.analysis:
            yield SAT_ACTION.error(
                result,
                f"{who}: result of {result.measured_on} records no analysis (what the score "
                "says, its causes, what follows from it)",
                result.customer_id,
            )
        if result.share >= low or result.action_ids:
            continue
        yield SAT_ACTION.error(
            result,
            f"{who}: score {result.score:g} of {result.scale_max:g} on {result.measured_on} "
            "is below "
            f"{low:.0%} of the scale and no improvement action is recorded",
            result.customer_id,
        )


def complaint_overdue_rule(
    data: DataSet, settings: CheckSettings, today: date
) -> Iterator[Finding]:
    target_days = settings.complaint_days
    for complaint in data.all(Complaint):
        if not complaint_overdue(complaint, target_days, today):
            continue
        target = complaint_target(complaint, target_days)
        yield CMP_OVERDUE.error(
            complaint,
            f"{complaint.severity.label} complaint still {complaint.status.label}, "
            f"target resolution {target} passed {days((today - target).days)} ago",
            complaint.customer_id,
            due=target,
        )


def complaint_escalation(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for complaint in data.all(Complaint):
        if complaint.status not in OPEN_COMPLAINT or complaint.severity not in ESCALATE_SEVERITY:
            continue
        if complaint.escalated_to:
            continue
        yield CMP_ESCALATE.error(
            complaint,
            f"{complaint.severity.label} complaint is {complaint.status.label} and not "
            "escalated (record who it was escalated to and when)",
            complaint.customer_id,
        )


def _uses_live_service(data: DataSet) -> bool:
    return any(live_services_of(data, c.id) for c in data.all(Customer))


RULES: tuple[Rule, ...] = (
    rule(
        CUS_MANAGER,
        "Each customer has a designated relationship manager",
        "Each customer using a live service names a relationship manager (a person) who "
        "has not left the organisation.",
        relationship_manager,
        Evidence("customer of a live service", _uses_live_service, required=True),
    ),
    rule(
        CUS_SATISFACTION,
        "Customer satisfaction is measured at planned intervals",
        "Each customer using a live service has a satisfaction result (survey or "
        "measurement) within the satisfaction interval of the checker settings.",
        customer_satisfaction,
        Evidence("customer of a live service", _uses_live_service, required=True),
    ),
    rule(
        SAT_ACTION,
        "Satisfaction results are analysed and low ones acted on",
        "A satisfaction result records its analysis, and one scoring below the "
        "low-satisfaction share of its scale lists the improvement actions taken on it.",
        satisfaction_action,
        Evidence("satisfaction result", any_of(SatisfactionResult)),
    ),
    rule(
        CMP_OVERDUE,
        "Complaints are resolved by their target date",
        "A complaint still open or under investigation after its target resolution date "
        "(its own, else receipt plus the days its severity allows) is overdue.",
        complaint_overdue_rule,
        Evidence("complaint", any_of(Complaint)),
    ),
    rule(
        CMP_ESCALATE,
        "Serious complaints are escalated",
        "An open high or critical complaint names the person it was escalated to.",
        complaint_escalation,
        Evidence("complaint", any_of(Complaint)),
    ),
    rule(
        CUS_REVIEW,
        "Service reviews are held with each customer",
        "Each customer using a live service has a service review within the customer "
        "review interval of the checker settings (the first due one interval after the "
        "customer was recorded), and each review held records its outcomes.",
        customer_review,
        Evidence("customer of a live service", _uses_live_service, required=True),
    ),
)
