"""The evidence pack: everything an auditor asks for, by clause, as one ``Document``.

Registers (plan, risks, suppliers, agreements) are shown as they stand on the report's
last day; dated evidence (measurements, reviews, changes requested, disputes raised,
the audit trail) is limited to the report period. Pure: data in, document out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from itsms_tui.compliance.findings import Finding
from itsms_tui.domain.agreements import Agreement, Amendment
from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.audit_chain import ChainVerdict
from itsms_tui.domain.capacity import resource_loads
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.contract_term import term_dates
from itsms_tui.domain.customer_refs import customer_name, customer_names
from itsms_tui.domain.customers import DEFAULT_COMPLAINT_DAYS, ComplaintSeverity
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind, RiskStatus
from itsms_tui.domain.evaluation_score import evaluation_percent, latest_evaluation
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.people_refs import people_names, person_name
from itsms_tui.domain.plan import Activity, Objective, Process, Resource
from itsms_tui.domain.review_schedule import supplier_review_status
from itsms_tui.domain.risk_rating import heat_map, rated_band, rated_score, risk_band, risk_score
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.services.report_kpis import (
    KPI_OVERVIEW_HEADERS,
    ReportPeriod,
    kpi_blocks,
    kpi_overview_row,
    summarise_kpi,
)
from itsms_tui.services.report_model import (
    Block,
    Document,
    Facts,
    Heading,
    HeatMap,
    Para,
    Section,
    Table,
)
from itsms_tui.services.report_model import items as many
from itsms_tui.services.report_model import record_name as _name
from itsms_tui.services.report_model import text as t
from itsms_tui.services.report_relationships import relationship_section

LIKELIHOOD_ROWS = (5, 4, 3, 2, 1)
IMPACT_COLUMNS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class PackInputs:
    """What the pack is built from: the data as of ``period.until``, the checker's
    findings, the audit trail and its verdict."""

    data: DataSet
    period: ReportPeriod
    findings: Sequence[Finding]
    trail: Sequence[AuditEntry]
    verdict: ChainVerdict | None
    source: str
    generated_at: datetime | None = None
    complaint_days: Mapping[ComplaintSeverity, int] = field(
        default_factory=lambda: dict(DEFAULT_COMPLAINT_DAYS)
    )
    """The checker settings' days per severity to a complaint's target resolution."""


SECTION_IDS = (
    "clause-8-1-plan",
    "clause-6-1-risks",
    "clause-8-5-1-changes",
    "clause-8-3-2-relationships",
    "clause-8-3-3-customers",
    "clause-8-3-4-suppliers",
    "clause-8-3-4-agreements",
    "clause-8-3-4-reviews",
    "clause-9-1-kpis",
    "checker-findings",
    "clause-7-5-3-audit-trail",
)
"""Every section's anchor, in order (tests and readers rely on them)."""


def _plan(data: DataSet, today: date) -> Section:
    objectives = Table(
        "Objectives",
        ("Id", "Objective", "Owner", "Due", "Evaluation", "Status"),
        tuple(
            (
                o.id,
                o.title,
                t(person_name(data, o.owner)),
                t(o.due_date),
                t(o.evaluation),
                t(o.status),
            )
            for o in data.all(Objective)
        ),
    )
    processes = Table(
        "Service delivery processes",
        ("Id", "Process", "Group", "Owner", "Performance criteria", "Controls", "Evidence"),
        tuple(
            (
                p.id,
                p.name,
                t(p.category),
                t(person_name(data, p.owner)),
                "; ".join(p.performance_criteria) or "—",
                "; ".join(p.controls) or "—",
                "; ".join(p.evidence) or "—",
            )
            for p in data.all(Process)
        ),
    )
    activities = Table(
        "Activities (RACI, dates, status)",
        ("Id", "Activity", "Process", "Responsible", "Accountable", "Start", "Due", "Status"),
        tuple(
            (
                a.id,
                a.name,
                _name(data, a.process_id),
                t(person_name(data, a.responsible)),
                t(person_name(data, a.accountable)),
                t(a.start_date),
                t(a.due_date),
                t(a.status),
            )
            for a in data.all(Activity)
        ),
    )
    loads = {load.resource_id: load for load in resource_loads(data, today)}
    resources = Table(
        f"Resources and load on {today.isoformat()}",
        ("Id", "Resource", "Kind", "Capacity", "Allocated", "Load", "Over-allocated"),
        tuple(
            (
                r.id,
                r.name,
                t(r.kind),
                f"{r.capacity:g} {r.unit}",
                f"{loads[r.id].allocated:g} {r.unit}" if r.id in loads else "—",
                f"{loads[r.id].percent:.0f}%" if r.id in loads else "—",
                t(loads[r.id].over_allocated) if r.id in loads else "—",
            )
            for r in data.all(Resource)
        ),
    )
    return Section(
        SECTION_IDS[0],
        "8.1",
        "Operational planning and control",
        (
            Para(
                "The operational plan: objectives, the service delivery processes with their "
                "criteria and controls, the planned activities, and the resources with their load."
            ),
            objectives,
            processes,
            activities,
            resources,
        ),
    )


def _risks(data: DataSet) -> Section:
    risks = data.all(Risk)
    grid = heat_map(risks)
    bands = tuple(
        tuple(rated_band_for(likelihood, impact) for impact in IMPACT_COLUMNS)
        for likelihood in LIKELIHOOD_ROWS
    )
    heat = HeatMap(
        "Heat map of open risks (inherent rating)",
        tuple(f"{lk}" for lk in LIKELIHOOD_ROWS),
        tuple(f"{im}" for im in IMPACT_COLUMNS),
        grid,
        bands,
    )
    table = Table(
        "Risk register",
        (
            "Id",
            "Risk",
            "Owner",
            "LxI",
            "Score",
            "Band",
            "Treatment",
            "Residual",
            "Review",
            "Status",
        ),
        tuple(
            (
                r.id,
                r.title,
                t(person_name(data, r.owner)),
                f"{r.likelihood}x{r.impact}",
                str(rated_score(r)),
                t(rated_band(r)),
                t(r.treatment)
                + (": " + "; ".join(r.mitigation_actions) if r.mitigation_actions else ""),
                (
                    f"{r.residual_likelihood}x{r.residual_impact}"
                    if r.residual_likelihood is not None and r.residual_impact is not None
                    else "not rated"
                ),
                t(r.review_date),
                t(r.status),
            )
            for r in risks
        ),
    )
    open_count = sum(r.status is not RiskStatus.CLOSED for r in risks)
    return Section(
        SECTION_IDS[1],
        "6.1",
        "Risks",
        (Para(f"{len(risks)} risks recorded, {open_count} not closed."), heat, table),
    )


def rated_band_for(likelihood: int, impact: int) -> str:
    return risk_band(risk_score(likelihood, impact)).value


def _changes(data: DataSet, period: ReportPeriod) -> Section:
    changes = data.all(ChangeRequest)
    table = Table(
        "Change requests",
        (
            "Id",
            "Change",
            "Type",
            "Status",
            "Risk",
            "Requested",
            "Approver",
            "Approved on",
            "Decision",
            "Implemented",
            "Reviewed",
        ),
        tuple(
            (
                c.id,
                c.title,
                t(c.kind),
                t(c.status),
                t(c.risk_level),
                t(c.requested_on),
                t(person_name(data, c.approver)),
                t(c.approved_on),
                t(c.decision_notes),
                t(c.implemented_on),
                t(c.reviewed_on),
            )
            for c in changes
        ),
    )
    in_period = sum(period.contains(c.requested_on) for c in changes)
    return Section(
        SECTION_IDS[2],
        "8.5.1",
        "Change management",
        (
            Para(
                f"{len(changes)} change requests, {in_period} requested in the period; "
                "each with its approval decision and post-implementation review."
            ),
            table,
        ),
    )


def _customers(data: DataSet, period: ReportPeriod) -> Section:
    slas = [a for a in data.all(Agreement) if a.kind is AgreementKind.CUSTOMER_SLA]
    services = Table(
        "Services and their customers",
        ("Id", "Service", "Owner", "Status", "Customers"),
        tuple(
            (
                s.id,
                s.name,
                t(person_name(data, s.owner)),
                t(s.status),
                customer_names(data, s.customer_ids) or "—",
            )
            for s in data.all(Service)
        ),
    )
    sla_table = Table(
        "Customer SLAs",
        ("Id", "SLA", "Customer", "Status", "Targets", "Underpinned by"),
        tuple(
            (
                a.id,
                a.title,
                t(customer_name(data, a.customer_id)),
                t(a.status),
                "; ".join(f"{x.metric} {x.target:g} {x.unit}" for x in a.targets) or "—",
                "; ".join(_name(data, u) for u in a.underpinning_ids) or "—",
            )
            for a in slas
        ),
    )
    return Section(
        SECTION_IDS[4],
        "8.3.3",
        "Customers and service level agreements",
        (services, sla_table),
    )


def _suppliers(data: DataSet, today: date) -> Section:
    evaluations = data.all(Evaluation)
    rows = []
    for s in data.all(Supplier):
        latest = latest_evaluation(evaluations, s.id)
        percent = evaluation_percent(latest) if latest is not None else None
        review = supplier_review_status(s, data.referring(s.id, SupplierReview), today)
        rows.append(
            (
                s.id,
                s.name,
                t(s.kind),
                t(s.category),
                t(s.criticality),
                t(s.status),
                t(person_name(data, s.relationship_owner)),
                "; ".join(s.services_provided) or "—",
                "—" if percent is None else f"{percent:.0f}%",
                t(review.next_due) + (" (overdue)" if review.overdue else ""),
            )
        )
    table = Table(
        "Supplier register",
        (
            "Id",
            "Supplier",
            "Kind",
            "Category",
            "Tier",
            "Status",
            "Owner",
            "Services",
            "Evaluation",
            "Next review",
        ),
        tuple(rows),
    )
    return Section(SECTION_IDS[5], "8.3.4", "Supplier register", (table,))


def _agreement_blocks(data: DataSet, agreement: Agreement, today: date) -> list[Block]:
    term = term_dates(agreement, today)
    party = (
        customer_name(data, agreement.customer_id)
        if agreement.kind is AgreementKind.CUSTOMER_SLA
        else _name(data, agreement.supplier_id)
    )
    facts = Facts(
        (
            ("Kind", t(agreement.kind)),
            ("Status", t(agreement.status)),
            ("Party", t(party)),
            ("Owner", t(person_name(data, agreement.owner))),
            ("Services", tuple(_name(data, s) for s in agreement.service_ids)),
            ("Scope", t(agreement.scope)),
            ("Requirements", many(agreement.requirements)),
            ("Quality standards", many(agreement.quality_standards)),
            ("Conditions", many(agreement.conditions)),
            ("Workload limits", many(agreement.workload_limits)),
            ("Exceptions", many(agreement.exceptions)),
            ("Authorities", many(agreement.authorities)),
            ("Our responsibilities", many(agreement.our_responsibilities)),
            ("Their responsibilities", many(agreement.their_responsibilities)),
            ("Start", t(agreement.start_date)),
            ("End", t(agreement.end_date)),
            (
                "Renewal",
                t(agreement.renewal)
                + (
                    f", every {agreement.renewal_months} months" if agreement.renewal_months else ""
                ),
            ),
            ("Notice", f"{agreement.notice_days} days" if agreement.notice_days else "—"),
            ("Current term", f"{t(term.term_start)} to {t(term.term_end)}"),
            ("Cancel by", t(term.cancel_by)),
            ("Value", f"{agreement.value:,.0f} {agreement.currency}" if agreement.value else "—"),
            (
                "Review interval",
                f"{agreement.review_interval_months} months"
                if agreement.review_interval_months
                else "—",
            ),
            ("Signed on", t(agreement.signed_on)),
            ("Underpinned by", tuple(_name(data, u) for u in agreement.underpinning_ids)),
        )
    )
    targets = Table(
        f"{agreement.id} service level targets",
        ("Metric", "Target", "Unit", "Direction"),
        tuple((x.metric, f"{x.target:g}", t(x.unit), t(x.direction)) for x in agreement.targets),
    )
    times = Table(
        f"{agreement.id} response and resolution times",
        ("Priority", "Response (min)", "Resolution (min)"),
        tuple(
            (t(p.priority), str(p.response_minutes), str(p.resolution_minutes))
            for p in agreement.priority_times
        ),
    )
    amendments = Table(
        f"{agreement.id} amendments",
        ("Id", "Amendment", "Effective", "Impact assessment", "Approved by"),
        tuple(
            (
                m.id,
                m.title,
                t(m.effective_on),
                t(m.impact_assessment),
                t(person_name(data, m.approved_by)),
            )
            for m in data.referring(agreement.id, Amendment)
        ),
    )
    return [
        Heading(agreement.display, anchor=f"agreement-{agreement.id}"),
        facts,
        targets,
        times,
        amendments,
    ]


def _agreements(data: DataSet, today: date) -> Section:
    blocks: list[Block] = [Para("Each agreement with its clause 8.3 contents and its term dates.")]
    for agreement in data.all(Agreement):
        blocks.extend(_agreement_blocks(data, agreement, today))
    return Section(SECTION_IDS[6], "8.3.4", "Agreements", tuple(blocks))


def _reviews(data: DataSet, period: ReportPeriod) -> Section:
    reviews = [r for r in data.all(SupplierReview) if period.contains(r.held_on)]
    review_table = Table(
        "Supplier reviews held in the period",
        ("Id", "Supplier", "Agreement", "Held on", "Attendees", "Performance summary", "Minutes"),
        tuple(
            (
                r.id,
                _name(data, r.supplier_id),
                _name(data, r.agreement_id),
                t(r.held_on),
                people_names(data, r.attendees) or "—",
                t(r.performance_summary),
                t(r.minutes),
            )
            for r in reviews
        ),
    )
    actions = Table(
        "Improvement actions",
        ("Id", "Action", "Owner", "Due", "Status", "From review", "About"),
        tuple(
            (
                a.id,
                a.description,
                t(person_name(data, a.owner)),
                t(a.due_date),
                t(a.status),
                t(a.review_id),
                _name(data, a.kpi_id or a.agreement_id or a.supplier_id),
            )
            for a in data.all(ImprovementAction)
        ),
    )
    disputes = Table(
        "Disputes",
        ("Id", "Dispute", "Supplier", "Raised", "Status", "Resolution", "Resolved"),
        tuple(
            (
                d.id,
                d.title,
                _name(data, d.supplier_id),
                t(d.raised_on),
                t(d.status),
                t(d.resolution),
                t(d.resolved_on),
            )
            for d in data.all(Dispute)
        ),
    )
    return Section(
        SECTION_IDS[7],
        "8.3.4",
        "Supplier reviews, improvement actions and disputes",
        (review_table, actions, disputes),
    )


def _kpis(data: DataSet, period: ReportPeriod) -> Section:
    summaries = [summarise_kpi(data, k, period) for k in data.all(Kpi)]
    blocks: list[Block] = [
        Para(
            "Each KPI by period (months, or quarters for quarterly and yearly KPIs) in "
            f"{period.label}: a period is met when its mean value is on target. The trend "
            "is over the measurements of the period."
        ),
        Table(
            "KPI overview",
            KPI_OVERVIEW_HEADERS,
            tuple(kpi_overview_row(s, data) for s in summaries),
        ),
    ]
    for summary in summaries:
        blocks.extend(kpi_blocks(summary))
    return Section(SECTION_IDS[8], "9.1", "Monitoring and measurement: KPIs", tuple(blocks))


def _findings(findings: Sequence[Finding]) -> Section:
    errors = sum(f.is_error for f in findings)
    table = Table(
        "Findings",
        ("Clause", "Rule", "Status", "Record", "Finding"),
        tuple((f.clause, f.rule, f.severity.value, t(f.record_id), f.message) for f in findings),
        empty="Every checked requirement is met.",
    )
    return Section(
        SECTION_IDS[9],
        "8.1, 8.3",
        "Checker findings",
        (
            Para(
                f"{len(findings)} findings: {errors} not met (error), "
                f"{len(findings) - errors} to watch (warning)."
            ),
            table,
        ),
    )


def _audit(
    trail: Sequence[AuditEntry], verdict: ChainVerdict | None, period: ReportPeriod
) -> Section:
    entries = [e for e in trail if period.contains(e.at.date())]
    per_person = Counter(e.user for e in entries)
    per_action: Counter[tuple[str, str]] = Counter(
        (e.collection or "-", e.action.value) for e in entries
    )
    chain = "not verified (no data file)" if verdict is None else verdict.summary()
    blocks: list[Block] = [
        Facts(
            (
                ("Entries in the period", str(len(entries))),
                ("People", str(len(per_person))),
                (
                    "Hash chain",
                    ("verified: " if verdict is not None and verdict.intact else "") + chain,
                ),
            )
        ),
        Table(
            "Changes per person",
            ("Person", "Entries"),
            tuple((user, str(n)) for user, n in sorted(per_person.items())),
        ),
        Table(
            "Changes per register and action",
            ("Register", "Action", "Entries"),
            tuple((c, a, str(n)) for (c, a), n in sorted(per_action.items())),
        ),
        Table(
            "Entries in the period (latest 200)",
            ("Seq", "When (UTC)", "Who", "Action", "Record", "Summary"),
            tuple(
                (
                    str(e.seq),
                    e.at.strftime("%Y-%m-%d %H:%M"),
                    e.user,
                    e.action.value,
                    e.record_id or e.collection or "—",
                    t(e.summary),
                )
                for e in entries[-200:]
            ),
        ),
    ]
    return Section(SECTION_IDS[10], "7.5.3", "Audit trail", tuple(blocks))


def evidence_pack(inputs: PackInputs) -> Document:
    """The pack as a document, sections in ``SECTION_IDS`` order."""
    data, period, today = inputs.data, inputs.period, inputs.period.until
    generated = inputs.generated_at or datetime.now(UTC).replace(microsecond=0)
    sections = (
        _plan(data, today),
        _risks(data),
        _changes(data, period),
        relationship_section(
            data, period, inputs.findings, inputs.complaint_days, anchor=SECTION_IDS[3]
        ),
        _customers(data, period),
        _suppliers(data, today),
        _agreements(data, today),
        _reviews(data, period),
        _kpis(data, period),
        _findings(inputs.findings),
        _audit(inputs.trail, inputs.verdict, period),
    )
    return Document(
        title="Evidence pack: ISO/IEC 20000-1 clauses 8.1 and 8.3",
        subtitle=f"Period {period.label}",
        generated_at=generated,
        facts=(("Data", inputs.source), ("Period", period.label), ("As of", today.isoformat())),
        sections=sections,
    )
