"""The supplier register (Suppliers, key 3): its columns and the detail of a supplier.

Declared for ``RegisterScreen`` through the suppliers' home in ``ui.homes``; the rows
come from ``services.register_rows.supplier_rows``.
"""

from __future__ import annotations

from rich.text import Text

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import KpiStatus
from itsms_tui.domain.evaluation_score import evaluation_score, latest_evaluation, score_percent
from itsms_tui.domain.kpi_status import KpiReading
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.risk_rating import rated_band, rated_score
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.services.register_rows import SEVERITY, SupplierRow, current_supplier_rows
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import Context, Register
from itsms_tui.ui.theme import PALETTE, rag_text, urgency_text
from itsms_tui.ui.widgets.record_table import Column


def due_text(row: SupplierRow) -> Text:
    """The next review date, ✖ when overdue, ▲ when due soon, — when none is expected."""
    review = row.review
    return urgency_text(review.next_due if review else None, row.review_urgency)


def _score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.1f}"


COLUMNS: list[Column[SupplierRow]] = [
    Column("id", "Id", lambda r: r.supplier.id, width=8),
    Column("name", "Name", lambda r: r.supplier.name, width=12, flex=1, ideal=36),
    Column("kind", "Kind", lambda r: r.supplier.kind.short, width=4),
    Column("tier", "Tier", lambda r: r.supplier.criticality.short, width=4),
    Column("status", "Status", lambda r: r.supplier.status.label, width=9, grow_to=12),
    Column(
        "score",
        "Eval",
        lambda r: _score_text(r.score),
        width=4,
        align="right",
        sort_key=lambda r: r.score,
    ),
    Column(
        "agreements",
        "Agr",
        lambda r: str(r.active_agreements),
        width=3,
        align="right",
        sort_key=lambda r: r.active_agreements,
    ),
    Column(
        "review",
        "Review due",
        lambda r: due_text(r),
        width=12,
        sort_key=lambda r: r.review.next_due if r.review else None,
    ),
    Column(
        "kpi",
        "KPIs",
        lambda r: rag_text(r.kpi_health) if r.kpi_health else Text("—"),
        width=7,
        sort_key=lambda r: SEVERITY.index(r.kpi_health) if r.kpi_health else 9,
    ),
]


def _reading_text(reading: KpiReading | None, kpi: Kpi) -> Text:
    if reading is None or reading.value is None:
        return rag_text(KpiStatus.GREY, "no measurement")
    return Text.assemble(
        rag_text(reading.status), f"  {reading.value:g} {kpi.unit} (target {kpi.target:g})"
    )


def _detail(row: SupplierRow, ctx: Context, out: DetailBuilder) -> None:
    s = row.supplier
    data = ctx.data
    out.title(f" {s.display} ")
    out.field(
        "Kind / tier / status",
        f"{s.kind.label} · {s.criticality.label} · {s.status.label}",
    )
    if s.category:
        out.field("Category", s.category)
    if s.relationship_owner:
        out.field("Relationship owner", person_name(ctx.data, s.relationship_owner))
    if s.services_provided:
        out.field("Services provided", "; ".join(s.services_provided))
    review = row.review
    if review is not None:
        line = Text("  Next review: ", style=PALETTE.muted)
        line.append_text(due_text(row))
        line.append(
            f"  every {review.interval_months} months; last {review.last_review or 'never'}",
            style=PALETTE.muted,
        )
        out.styled(line)

    out.section("Identified requirements", len(s.requirements))
    out.items(s.requirements)

    evaluations = data.referring(s.id, Evaluation)
    out.section("Evaluation", len(evaluations))
    latest = latest_evaluation(evaluations, s.id)
    if latest is None:
        out.none("not evaluated yet (a adds one)")
    else:
        score = evaluation_score(latest)
        shown = "—" if score is None else f"{score:.2f}/5 ({score_percent(score):.0f} %)"
        out.link(latest, f"latest {latest.evaluated_on} · {shown} · {latest.decision.label}")
        for c in latest.criteria:
            out.text(f"{c.name}: score {c.score:g} × weight {c.weight:g}", indent=6)
        if latest.rationale:
            out.field("Rationale", latest.rationale)
        for other in sorted(evaluations, key=lambda e: e.evaluated_on, reverse=True):
            if other.id != latest.id:
                out.link(other, f"{other.evaluated_on} · {other.decision.label}")

    out.section("Responsibilities")
    out.text("Ours:", indent=2, style=PALETTE.muted)
    out.items(s.our_responsibilities)
    out.text("Supplier's:", indent=2, style=PALETTE.muted)
    out.items(s.supplier_responsibilities)

    out.section("Contacts and escalation", len(s.contacts))
    if not s.contacts:
        out.none()
    for contact in sorted(s.contacts, key=lambda c: c.escalation_level):
        level = (
            "day-to-day"
            if contact.escalation_level == 0
            else (f"escalation {contact.escalation_level}")
        )
        parts = [contact.name, contact.role, contact.email, contact.phone]
        out.text(f"[{level}] " + " · ".join(p for p in parts if p), indent=2)

    out.section("Interfaces")
    if s.interfaces:
        out.text(s.interfaces)
    else:
        out.none()

    reviews = sorted(data.referring(s.id, SupplierReview), key=lambda r: r.held_on, reverse=True)
    out.section("Reviews", len(reviews))
    if not reviews:
        out.none("no review yet (a adds one)")
    shown_actions: set[str] = set()
    for rv in reviews:
        out.link(rv, f"{rv.held_on}" + (f" · {rv.agreement_id}" if rv.agreement_id else ""))
        if rv.performance_summary:
            out.text(rv.performance_summary, indent=6, style=PALETTE.muted)
        for action in data.referring(rv.id, ImprovementAction):
            shown_actions.add(action.id)
            out.link(action, _action_extra(action, data), indent=6)

    others = [a for a in data.referring(s.id, ImprovementAction) if a.id not in shown_actions]
    out.section("Improvement actions (not from a review)", len(others))
    if not others:
        out.none()
    for action in others:
        out.link(action, _action_extra(action, data))

    disputes = data.referring(s.id, Dispute)
    out.section("Disputes", len(disputes))
    if not disputes:
        out.none()
    for dispute in disputes:
        out.link(dispute, f"{dispute.status.label} · raised {dispute.raised_on}")

    agreements = data.referring(s.id, Agreement)
    out.section("Agreements", len(agreements))
    if not agreements:
        out.none("no agreement (a adds one)")
    for agreement in agreements:
        out.link(
            agreement,
            f"{agreement.kind.label} · {agreement.status.label}",
        )

    readings = ctx.readings
    subject_ids = {s.id, *(a.id for a in agreements)}
    kpis = [k for k in data.all(Kpi) if k.subject_id in subject_ids]
    out.section("KPIs", len(kpis))
    if not kpis:
        out.none()
    for kpi in kpis:
        out.link(kpi, _reading_text(readings.get(kpi.id), kpi))

    risks = data.referring(s.id, Risk)
    out.section("Risks", len(risks))
    if not risks:
        out.none()
    for risk in risks:
        out.link(
            risk,
            f"{rated_band(risk).value} ({rated_score(risk)}) · {risk.status.label}",
        )

    if s.notes:
        out.section("Notes")
        out.text(s.notes)


def _action_extra(action: ImprovementAction, data: DataSet) -> str:
    due = f" · due {action.due_date}" if action.due_date else ""
    owner = f" · {person_name(data, action.owner)}" if action.owner else ""
    return f"{action.status.label}{due}{owner}"


SUPPLIERS: Register[SupplierRow] = Register(
    model=Supplier,
    columns=COLUMNS,
    rows=lambda ctx: current_supplier_rows(ctx.data, ctx.today, ctx.settings),
    detail=_detail,
)
