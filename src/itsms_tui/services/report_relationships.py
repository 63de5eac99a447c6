"""The evidence pack's clause 8.3.2 section: business relationship management by customer.

For each customer: who manages the relationship and which services they use (as the
registers stand on the report's last day), then the dated evidence of the period: the
satisfaction results with their trend, the complaints, the service reviews, and the
checker's 8.3.2 findings about the customer. Pure: data in, section out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from itsms_tui.compliance.findings import Finding, clause_key
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.customers import (
    DEFAULT_COMPLAINT_DAYS,
    OPEN_COMPLAINT,
    Complaint,
    ComplaintSeverity,
    Customer,
    CustomerReview,
    SatisfactionResult,
    complaint_target,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import Direction
from itsms_tui.domain.kpi_status import Trend, trend_of_values
from itsms_tui.domain.people_refs import people_names, person_name
from itsms_tui.services.report_kpis import ReportPeriod
from itsms_tui.services.report_model import Block, Facts, Heading, Para, Section, Table
from itsms_tui.services.report_model import record_name as _name
from itsms_tui.services.report_model import text as t

CLAUSE = "8.3.2"
ANCHOR = "clause-8-3-2-relationships"

FINDING_HEADERS = ("Rule", "Status", "Record", "Finding")


def _score(result: SatisfactionResult) -> str:
    return f"{result.score:g}/{result.scale_max:g}"


def satisfaction_trend(results: Sequence[SatisfactionResult]) -> str:
    """How the results moved, oldest to latest, as a share of their scales (so a 1-5
    survey and a 0-100 measurement compare): the least-squares trend and its end points."""
    ordered = sorted(results, key=lambda r: (r.measured_on, r.id))
    if not ordered:
        return "no result in the period"
    if len(ordered) == 1:
        return f"one result ({_score(ordered[0])}): no trend yet"
    trend = trend_of_values(Direction.HIGHER_IS_BETTER, [r.share for r in ordered])
    word = "not known" if trend is Trend.UNKNOWN else trend.value
    return (
        f"{word}: {_score(ordered[0])} on {ordered[0].measured_on} to "
        f"{_score(ordered[-1])} on {ordered[-1].measured_on} over {len(ordered)} results"
    )


def _is_relationship_finding(finding: Finding) -> bool:
    key = clause_key(finding.clause)
    return key[:3] == clause_key(CLAUSE)


def _finding_row(finding: Finding) -> tuple[str, ...]:
    return (finding.rule, finding.severity.value, t(finding.record_id), finding.message)


def _complaint_shown(complaint: Complaint, period: ReportPeriod) -> bool:
    """Received in the period, or received before and still open at its end."""
    if period.contains(complaint.received_on):
        return True
    return complaint.received_on <= period.until and (
        complaint.status in OPEN_COMPLAINT
        or (complaint.resolved_on is not None and complaint.resolved_on >= period.since)
    )


def _customer_blocks(
    data: DataSet,
    customer: Customer,
    period: ReportPeriod,
    findings: Mapping[str, list[Finding]],
    complaint_days: Mapping[ComplaintSeverity, int],
) -> list[Block]:
    services = [s for s in data.referring(customer.id, Service) if customer.id in s.customer_ids]
    results = sorted(
        (
            r
            for r in data.referring(customer.id, SatisfactionResult)
            if r.customer_id == customer.id and period.contains(r.measured_on)
        ),
        key=lambda r: (r.measured_on, r.id),
    )
    complaints = [
        c
        for c in data.referring(customer.id, Complaint)
        if c.customer_id == customer.id and _complaint_shown(c, period)
    ]
    reviews = sorted(
        (
            r
            for r in data.referring(customer.id, CustomerReview)
            if r.customer_id == customer.id and period.contains(r.held_on)
        ),
        key=lambda r: (r.held_on, r.id),
    )
    own_findings = findings.get(customer.id, [])
    facts = Facts(
        (
            ("Type", t(customer.type)),
            ("Relationship manager", t(person_name(data, customer.relationship_manager))),
            ("Services used", tuple(f"{s.display} ({t(s.status)})" for s in services)),
            (
                "Contacts",
                tuple(
                    ", ".join(part for part in (c.name, c.role, c.email) if part)
                    for c in customer.contacts
                ),
            ),
            ("Communication arrangements", t(customer.communication)),
            ("Satisfaction trend", satisfaction_trend(results)),
        )
    )
    satisfaction = Table(
        f"{customer.id} satisfaction results in the period",
        ("Id", "Measured on", "Method", "Service", "Score", "Respondents", "Analysis", "Actions"),
        tuple(
            (
                r.id,
                t(r.measured_on),
                t(r.method),
                _name(data, r.service_id) if r.service_id else "all services",
                _score(r),
                t(r.respondents),
                t(r.analysis),
                "; ".join(_name(data, a) for a in r.action_ids) or "—",
            )
            for r in results
        ),
        empty="No satisfaction result in the period.",
    )
    complaint_table = Table(
        f"{customer.id} complaints (received in the period or open in it)",
        (
            "Id",
            "Complaint",
            "Service",
            "Received",
            "Severity",
            "Owner",
            "Escalated to",
            "Escalated on",
            "Status",
            "Target",
            "Resolution",
            "Resolved",
            "Reported",
        ),
        tuple(
            (
                c.id,
                c.title,
                _name(data, c.service_id),
                t(c.received_on),
                t(c.severity),
                t(person_name(data, c.owner)),
                t(person_name(data, c.escalated_to)),
                t(c.escalated_on),
                t(c.status),
                t(complaint_target(c, complaint_days)) + ("" if c.target_on else " (by severity)"),
                t(c.resolution),
                t(c.resolved_on),
                t(c.reported_on),
            )
            for c in complaints
        ),
        empty="No complaint in the period.",
    )
    review_table = Table(
        f"{customer.id} service reviews held in the period",
        ("Id", "Held on", "Attendees", "Performance trends", "Outcomes", "Actions"),
        tuple(
            (
                r.id,
                t(r.held_on),
                people_names(data, r.attendees) or "—",
                t(r.performance_trends),
                t(r.outcomes),
                "; ".join(_name(data, a) for a in r.action_ids) or "—",
            )
            for r in reviews
        ),
        empty="No service review in the period.",
    )
    finding_table = Table(
        f"{customer.id} clause 8.3.2 findings",
        FINDING_HEADERS,
        tuple(_finding_row(f) for f in own_findings),
        empty="No 8.3.2 finding about this customer.",
    )
    return [
        Heading(customer.display, anchor=f"customer-{customer.id}"),
        facts,
        satisfaction,
        complaint_table,
        review_table,
        finding_table,
    ]


def relationship_section(
    data: DataSet,
    period: ReportPeriod,
    findings: Sequence[Finding],
    complaint_days: Mapping[ComplaintSeverity, int] = DEFAULT_COMPLAINT_DAYS,
    *,
    anchor: str = ANCHOR,
) -> Section:
    """The 8.3.2 section: one part per customer, then the 8.3.2 findings about no customer.

    ``complaint_days`` (the checker settings') dates a complaint without its own target."""
    customers = data.all(Customer)
    ours = [f for f in findings if _is_relationship_finding(f)]
    ids = {c.id for c in customers}
    blocks: list[Block] = [
        Para(
            f"{len(customers)} customers. For each: the relationship manager and the "
            "services used, then the satisfaction results, complaints and service reviews "
            f"of {period.label}, and the checker's 8.3.2 findings. A complaint without its own "
            "target is due the days its severity allows in the checker settings."
        )
    ]
    by_customer: dict[str, list[Finding]] = {}
    for finding in ours:
        for record_id in dict.fromkeys(finding.record_ids):
            if record_id in ids:
                by_customer.setdefault(record_id, []).append(finding)
    for customer in customers:
        blocks.extend(_customer_blocks(data, customer, period, by_customer, complaint_days))
    others = [f for f in ours if not ids.intersection(f.record_ids)]
    if others or not customers:
        blocks.append(
            Table(
                "Clause 8.3.2 findings about no single customer",
                FINDING_HEADERS,
                tuple(_finding_row(f) for f in others),
                empty="None.",
            )
        )
    return Section(anchor, CLAUSE, "Business relationship management", tuple(blocks))
