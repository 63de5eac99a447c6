"""The supplier scorecard for a review meeting, and the service report of a customer SLA.

Scorecard (8.3.4): one supplier's KPIs against target over the last N periods (met or
missed per period), its agreements' targets, the evaluation score history, the open
improvement actions and disputes, and the review history.

Service report (8.3.3): one customer SLA over a period: performance against each target,
the workload limits agreed with the workload KPIs' readings against them, trends, the missed periods with their improvement actions,
and the reviews held with their decisions and actions.

Both are ``Document``s: rendered and written exactly like the evidence pack.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.contract_term import term_dates
from itsms_tui.domain.customer_refs import customer_name
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind
from itsms_tui.domain.evaluation_score import evaluation_percent
from itsms_tui.domain.kpi_periods import Outcome, counts
from itsms_tui.domain.kpis import Kpi, is_workload
from itsms_tui.domain.obligations import OPEN_ACTION, OPEN_DISPUTE
from itsms_tui.domain.people_refs import people_names, person_name
from itsms_tui.domain.review_schedule import agreement_review_status, supplier_review_status
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.services.errors import UserError
from itsms_tui.services.report_kpis import (
    KpiSummary,
    ReportPeriod,
    kpi_blocks,
    share_text,
    summarise_kpi,
    value_text,
)
from itsms_tui.services.report_model import Block, Document, Facts, Para, Section, Table
from itsms_tui.services.report_model import items as many
from itsms_tui.services.report_model import record_name as _name
from itsms_tui.services.report_model import text as t
from itsms_tui.services.report_render import WrittenReport, write_document

SCORECARD_SECTIONS = (
    "scorecard-kpis",
    "scorecard-targets",
    "scorecard-evaluations",
    "scorecard-open-items",
    "scorecard-reviews",
)
SERVICE_REPORT_SECTIONS = (
    "service-performance",
    "service-workload",
    "service-missed",
    "service-reviews",
)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _kpi_table(
    caption: str,
    summaries: list[KpiSummary],
    target: str = "Target",
    empty: str = "No KPI measures this party.",
) -> Table:
    rows = []
    for s in summaries:
        tally = counts(s.results)
        latest = s.measurements[-1].value if s.measurements else None
        rows.append(
            (
                s.kpi.display,
                f"{s.kpi.target:g} {s.kpi.unit} ({s.kpi.direction.label})",
                value_text(latest, s.kpi.unit),
                str(tally[Outcome.MET]),
                str(tally[Outcome.MISSED]),
                str(tally[Outcome.NOT_MEASURED]),
                share_text(s.share),
                t(s.trend),
                " ".join(_mark(r.outcome) for r in s.results),
            )
        )
    return Table(
        caption,
        (
            "KPI",
            target,
            "Latest",
            "Met",
            "Missed",
            "Not measured",
            "On target",
            "Trend",
            "Per period (oldest first)",
        ),
        tuple(rows),
        empty=empty,
    )


def _mark(outcome: Outcome) -> str:
    """A period's result in one sign that reads without colour: met, missed, none."""
    marks = {Outcome.MET: "✓", Outcome.MISSED: "✗", Outcome.NOT_MEASURED: "·", Outcome.OPEN: "○"}
    return marks[outcome]


def _actions_table(caption: str, actions: list[ImprovementAction], data: DataSet) -> Table:
    return Table(
        caption,
        ("Id", "Action", "Owner", "Due", "Status", "About"),
        tuple(
            (
                a.id,
                a.description,
                t(person_name(data, a.owner)),
                t(a.due_date),
                t(a.status),
                _name(data, a.kpi_id or a.agreement_id or a.supplier_id),
            )
            for a in actions
        ),
    )


def _reviews_table(caption: str, reviews: list[SupplierReview], data: DataSet) -> Table:
    return Table(
        caption,
        ("Id", "Held on", "Agreement", "Attendees", "Performance summary", "Minutes and decisions"),
        tuple(
            (
                r.id,
                t(r.held_on),
                _name(data, r.agreement_id),
                people_names(data, r.attendees) or "—",
                t(r.performance_summary),
                t(r.minutes),
            )
            for r in sorted(reviews, key=lambda r: (r.held_on, r.id))
        ),
    )


# ----------------------------------------------------------------- scorecard


def supplier_scorecard(
    data: DataSet,
    supplier_id: str,
    until: date,
    last: int = 12,
    generated_at: datetime | None = None,
) -> Document:
    """The scorecard of ``supplier_id`` as of ``until``, over each KPI's last ``last`` periods."""
    supplier = data.get_as(Supplier, supplier_id.strip().upper())
    if supplier is None:
        raise UserError(f"--supplier {supplier_id}: no such supplier")
    agreements = [a for a in data.all(Agreement) if a.supplier_id == supplier.id]
    subject_ids = {supplier.id, *(a.id for a in agreements)}
    kpis = [k for k in data.all(Kpi) if k.subject_id in subject_ids]
    period = ReportPeriod(until, until)
    summaries = [summarise_kpi(data, k, period, last=last) for k in kpis]

    kpi_section: list[Block] = [
        Para(
            f"Each KPI over its last {last} periods up to {until.isoformat()}: ✓ met, ✗ missed, "
            "· not measured, ○ period not over yet (months, or quarters for quarterly and yearly "
            "KPIs)."
        ),
        _kpi_table("KPIs against target", summaries),
    ]
    for summary in summaries:
        kpi_section.extend(kpi_blocks(summary, chart_prefix=f"charts/{supplier.id}"))

    target_rows = []
    for a in agreements:
        term = term_dates(a, until)
        for x in a.targets or ():
            target_rows.append(
                (
                    a.display,
                    t(a.status),
                    x.metric,
                    f"{x.target:g} {x.unit}",
                    t(x.direction),
                    t(term.term_end),
                    t(term.cancel_by),
                )
            )
        if not a.targets:
            target_rows.append(
                (a.display, t(a.status), "—", "—", "—", t(term.term_end), t(term.cancel_by))
            )
    targets = Table(
        "Agreement targets",
        ("Agreement", "Status", "Metric", "Target", "Direction", "Term ends", "Cancel by"),
        tuple(target_rows),
        empty="No agreement with this supplier.",
    )

    evaluations = sorted(
        (e for e in data.referring(supplier.id, Evaluation)), key=lambda e: (e.evaluated_on, e.id)
    )
    evaluation_table = Table(
        "Evaluation score history",
        ("Id", "Evaluated on", "Evaluator", "Weighted score", "Decision", "Rationale"),
        tuple(
            (
                e.id,
                t(e.evaluated_on),
                t(person_name(data, e.evaluator)),
                _percent(evaluation_percent(e)),
                t(e.decision),
                t(e.rationale),
            )
            for e in evaluations
        ),
    )

    kpi_ids = {k.id for k in kpis}
    actions = [
        a
        for a in data.all(ImprovementAction)
        if a.status in OPEN_ACTION
        and (a.supplier_id == supplier.id or a.agreement_id in subject_ids or a.kpi_id in kpi_ids)
    ]
    disputes = [d for d in data.referring(supplier.id, Dispute) if d.status in OPEN_DISPUTE]
    dispute_table = Table(
        "Open disputes",
        ("Id", "Dispute", "Agreement", "Raised", "Status", "Description"),
        tuple(
            (
                d.id,
                d.title,
                _name(data, d.agreement_id),
                t(d.raised_on),
                t(d.status),
                t(d.description),
            )
            for d in disputes
        ),
    )
    reviews = [
        r for r in data.referring(supplier.id, SupplierReview) if r.supplier_id == supplier.id
    ]
    schedule = supplier_review_status(supplier, reviews, until)

    return Document(
        title=f"Supplier scorecard: {supplier.display}",
        subtitle=f"As of {until.isoformat()}, last {last} periods",
        generated_at=generated_at or _now(),
        facts=(
            ("Supplier", supplier.display),
            ("Kind", t(supplier.kind)),
            ("Criticality", t(supplier.criticality)),
            ("Status", t(supplier.status)),
            ("Relationship owner", t(person_name(data, supplier.relationship_owner))),
            ("Services", "; ".join(supplier.services_provided) or "—"),
            ("Last review", t(schedule.last_review)),
            ("Next review due", t(schedule.next_due) + (" (overdue)" if schedule.overdue else "")),
        ),
        sections=(
            Section(SCORECARD_SECTIONS[0], "9.1", "KPIs against target", tuple(kpi_section)),
            Section(SCORECARD_SECTIONS[1], "8.3.4", "Agreement targets", (targets,)),
            Section(
                SCORECARD_SECTIONS[2], "8.3.4", "Evaluation score history", (evaluation_table,)
            ),
            Section(
                SCORECARD_SECTIONS[3],
                "8.3.4",
                "Open improvement actions and disputes",
                (_actions_table("Open improvement actions", actions, data), dispute_table),
            ),
            Section(
                SCORECARD_SECTIONS[4],
                "8.3.4",
                "Review history",
                (_reviews_table("Reviews", reviews, data),),
            ),
        ),
    )


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def write_scorecard(
    data: DataSet, supplier_id: str, until: date, output: Path, last: int = 12
) -> WrittenReport:
    doc = supplier_scorecard(data, supplier_id, until, last)
    return write_document(doc, output, f"scorecard-{supplier_id.strip().upper()}")


# ------------------------------------------------------------ service report


def service_report(
    data: DataSet, agreement_id: str, period: ReportPeriod, generated_at: datetime | None = None
) -> Document:
    """The service report of one customer SLA over ``period``."""
    sla = data.get_as(Agreement, agreement_id.strip().upper())
    if sla is None or sla.kind is not AgreementKind.CUSTOMER_SLA:
        raise UserError(f"--sla {agreement_id}: no such customer SLA")
    kpis = [k for k in data.all(Kpi) if k.subject_id == sla.id]
    summaries = [summarise_kpi(data, k, period) for k in kpis if not is_workload(k)]
    workload_summaries = [summarise_kpi(data, k, period) for k in kpis if is_workload(k)]
    term = term_dates(sla, period.until)

    performance: list[Block] = [
        Table(
            "Agreed service level targets",
            ("Metric", "Target", "Direction"),
            tuple((x.metric, f"{x.target:g} {x.unit}", t(x.direction)) for x in sla.targets),
        ),
        _kpi_table(f"Performance in {period.label}", summaries),
    ]
    for summary in summaries:
        performance.extend(kpi_blocks(summary, chart_prefix=f"charts/{sla.id}"))

    actions = [
        a
        for a in data.all(ImprovementAction)
        if a.agreement_id == sla.id or a.kpi_id in {k.id for k in kpis}
    ]
    workload: list[Block] = [
        Facts((("Workload limits agreed", many(sla.workload_limits)),)),
        _kpi_table(
            f"Workload in {period.label} against the limits",
            workload_summaries,
            target="Limit",
            empty="No workload KPI measures these limits.",
        ),
        Table(
            "Periods over a limit",
            ("KPI", "Period", "Workload", "Limit", "Improvement actions"),
            tuple(_missed_rows(workload_summaries, actions, sla)),
            empty="No measured period went over its limit.",
        ),
    ]
    if not sla.workload_limits:
        workload.append(Para("The SLA records no workload limits."))

    missed = Table(
        "Missed targets",
        ("KPI", "Period", "Value", "Target", "Improvement actions"),
        tuple(_missed_rows(summaries, actions, sla)),
        empty="Every measured period met its target.",
    )

    reviews = [r for r in data.referring(sla.id, SupplierReview) if period.contains(r.held_on)]
    review_ids = {r.id for r in reviews}
    review_actions = [a for a in data.all(ImprovementAction) if a.review_id in review_ids]
    schedule = agreement_review_status(sla, data.referring(sla.id, SupplierReview), period.until)

    return Document(
        title=f"Service report: {sla.display}",
        subtitle=f"Customer {t(customer_name(data, sla.customer_id))}, period {period.label}",
        generated_at=generated_at or _now(),
        facts=(
            ("Agreement", sla.display),
            ("Customer", t(customer_name(data, sla.customer_id))),
            ("Services", "; ".join(_name(data, s) for s in sla.service_ids) or "—"),
            ("Status", t(sla.status)),
            ("Term", f"{t(term.term_start)} to {t(term.term_end)}"),
            ("Next review due", t(schedule.next_due) + (" (overdue)" if schedule.overdue else "")),
        ),
        sections=(
            Section(
                SERVICE_REPORT_SECTIONS[0],
                "8.3.3",
                "Performance against targets",
                tuple(performance),
            ),
            Section(SERVICE_REPORT_SECTIONS[1], "8.3.3", "Workload", tuple(workload)),
            Section(
                SERVICE_REPORT_SECTIONS[2],
                "8.3.3",
                "Missed targets and improvement actions",
                (missed,),
            ),
            Section(
                SERVICE_REPORT_SECTIONS[3],
                "9.4",
                "Reviews, decisions and actions",
                (
                    _reviews_table("Reviews held in the period", reviews, data),
                    _actions_table("Actions from those reviews", review_actions, data),
                ),
            ),
        ),
    )


def _missed_rows(
    summaries: list[KpiSummary], actions: list[ImprovementAction], sla: Agreement
) -> list[tuple[str, ...]]:
    """One row per missed period (over the limit, for a workload KPI) with its actions:
    those naming the KPI, else those on the SLA naming no KPI."""
    rows: list[tuple[str, ...]] = []
    for s in summaries:
        linked = [a for a in actions if a.kpi_id == s.kpi.id] or [
            a for a in actions if a.agreement_id == sla.id and a.kpi_id is None
        ]
        action_text = "; ".join(f"{a.id} {a.description} ({a.status.label})" for a in linked)
        for r in s.missed:
            rows.append(
                (
                    s.kpi.display,
                    r.period.label,
                    value_text(r.value, s.kpi.unit),
                    f"{s.kpi.target:g} {s.kpi.unit}",
                    action_text or "none recorded",
                )
            )
    return rows


def write_service_report(
    data: DataSet, agreement_id: str, period: ReportPeriod, output: Path
) -> WrittenReport:
    doc = service_report(data, agreement_id, period)
    return write_document(doc, output, f"service-report-{agreement_id.strip().upper()}")
