"""Suppliers (key 3): the register and everything about the highlighted supplier."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import BindingType

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementStatus, Criticality, KpiStatus
from itsms_tui.domain.evaluation_score import evaluation_score, latest_evaluation, score_percent
from itsms_tui.domain.kpi_status import KpiReading
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.record import Record
from itsms_tui.domain.review_schedule import ReviewStatus, supplier_review_statuses
from itsms_tui.domain.risk_rating import rated_band, rated_score
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.ui.screens import supplier_lifecycle as lifecycle
from itsms_tui.ui.screens.register import AddChoice, RegisterScreen
from itsms_tui.ui.status_text import STYLES, rag_text
from itsms_tui.ui.widgets.detail_pane import DetailBuilder
from itsms_tui.ui.widgets.record_table import Column

KIND_SHORT = {"external": "ext", "internal": "int", "customer_as_supplier": "cust"}
TIER_SHORT = {"critical": "crit", "high": "high", "medium": "med", "low": "low"}
SEVERITY = (KpiStatus.RED, KpiStatus.AMBER, KpiStatus.GREY, KpiStatus.GREEN)
"""Worst first: a supplier's KPI health is its worst KPI."""
REVIEW_SOON_DAYS = 30


def worst_status(statuses: list[KpiStatus]) -> KpiStatus | None:
    for status in SEVERITY:
        if status in statuses:
            return status
    return None


def due_text(review: ReviewStatus | None) -> Text:
    """The next review date, ✖ when overdue, ▲ when within 30 days."""
    if review is None or review.next_due is None:
        return Text("—", style="dim")
    day = review.next_due.isoformat()
    if review.overdue:
        return Text(f"✖ {day}", style=STYLES["red"])
    if review.days_until_due is not None and review.days_until_due <= REVIEW_SOON_DAYS:
        return Text(f"▲ {day}", style=STYLES["amber"])
    return Text(f"  {day}")


@dataclass(frozen=True, slots=True)
class SupplierRow:
    """A supplier with the figures the register shows (computed once per data change)."""

    supplier: Supplier
    score: float | None
    active_agreements: int
    review: ReviewStatus | None
    kpi_health: KpiStatus | None


def supplier_rows(
    data: DataSet,
    today: date,
    readings: dict[str, KpiReading],
    tier_months: Mapping[Criticality, int] | None = None,
) -> list[SupplierRow]:
    """One row per supplier; scores, schedules and KPI status come from the domain rules."""
    reviews = supplier_review_statuses(data, today, tier_months)
    evaluations = data.all(Evaluation)
    by_supplier: dict[str, list[Evaluation]] = defaultdict(list)
    for e in evaluations:
        by_supplier[e.supplier_id].append(e)
    agreements_of: dict[str, list[Agreement]] = defaultdict(list)
    for a in data.all(Agreement):
        if a.supplier_id:
            agreements_of[a.supplier_id].append(a)
    kpis_of: dict[str, list[KpiStatus]] = defaultdict(list)
    owner_of_agreement = {a.id: a.supplier_id for a in data.all(Agreement) if a.supplier_id}
    for kpi in data.all(Kpi):
        supplier_id = owner_of_agreement.get(kpi.subject_id, kpi.subject_id)
        reading = readings.get(kpi.id)
        if reading is not None:
            kpis_of[supplier_id].append(reading.status)
    rows: list[SupplierRow] = []
    for supplier in data.all(Supplier):
        latest = latest_evaluation(by_supplier.get(supplier.id, []), supplier.id)
        active = sum(
            1 for a in agreements_of.get(supplier.id, []) if a.status is AgreementStatus.ACTIVE
        )
        rows.append(
            SupplierRow(
                supplier=supplier,
                score=evaluation_score(latest) if latest is not None else None,
                active_agreements=active,
                review=reviews.get(supplier.id),
                kpi_health=worst_status(kpis_of.get(supplier.id, [])),
            )
        )
    return rows


def _score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.1f}"


COLUMNS: list[Column[SupplierRow]] = [
    Column("id", "Id", lambda r: r.supplier.id, width=8),
    Column("name", "Name", lambda r: r.supplier.name, width=12, flex=1),
    Column("kind", "Kind", lambda r: KIND_SHORT.get(r.supplier.kind.value, "?"), width=4),
    Column("tier", "Tier", lambda r: TIER_SHORT.get(r.supplier.criticality.value, "?"), width=4),
    Column("status", "Status", lambda r: r.supplier.status.value.replace("_", " "), width=9),
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
        lambda r: due_text(r.review),
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


class SuppliersScreen(RegisterScreen):
    """The supplier register (clause 8.3.1-8.3.4)."""

    MODE: ClassVar[str] = "suppliers"
    MODEL: ClassVar[type[Record]] = Supplier
    BINDINGS: ClassVar[list[BindingType]] = lifecycle.lifecycle_bindings()
    OWN_COLLECTIONS: ClassVar[frozenset[str]] = frozenset(
        {"evaluations", "reviews", "disputes", "actions"}
    )

    def columns(self) -> list[Column[Any]]:
        return list(COLUMNS)

    # Lifecycle steps (evaluate ... exit): keys and forms in ``supplier_lifecycle``.
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in lifecycle.ACTIONS:
            return lifecycle.check_step(self, action, parameters)
        return super().check_action(action, parameters)

    def action_lifecycle(self, step: str) -> None:
        lifecycle.take_step(self, step)

    def action_explain_lifecycle(self, step: str) -> None:
        lifecycle.explain_step(self, step)

    def rows(self, data: DataSet) -> list[Any]:
        app = self.itsms
        return supplier_rows(
            data, app.today, app.kpi_readings(), dict(app.settings.supplier_review_months)
        )

    def row_id(self, row: Any) -> str:
        return str(row.supplier.id)

    def parent_id(self, record: Record) -> str | None:
        if isinstance(record, Evaluation | SupplierReview | Dispute):
            return record.supplier_id
        if isinstance(record, ImprovementAction):
            if record.supplier_id:
                return record.supplier_id
            review = self.itsms.data.get_as(SupplierReview, record.review_id)
            return review.supplier_id if review else None
        return None

    def add_choices(self, record: Record) -> list[AddChoice]:
        sid = {"supplier_id": record.id}
        return [
            ("r", "Review", "reviews", {**sid, "held_on": self.itsms.today}),
            ("v", "Evaluation", "evaluations", {**sid, "evaluated_on": self.itsms.today}),
            ("x", "Dispute", "disputes", {**sid, "raised_on": self.itsms.today}),
            ("i", "Improvement action", "actions", dict(sid)),
            ("g", "Agreement", "agreements", dict(sid)),
            ("k", "KPI", "kpis", {"subject_id": record.id}),
            ("s", "Risk", "risks", dict(sid)),
        ]

    def build_detail(self, record: Record, data: DataSet, out: DetailBuilder) -> None:
        if not isinstance(record, Supplier):
            return
        s = record
        app = self.itsms
        today = app.today
        out.title(f" {s.display} ")
        out.field(
            "Kind / tier / status",
            f"{s.kind.value.replace('_', ' ')} · {s.criticality.value} · "
            f"{s.status.value.replace('_', ' ')}",
        )
        if s.category:
            out.field("Category", s.category)
        if s.relationship_owner:
            out.field("Relationship owner", s.relationship_owner)
        if s.services_provided:
            out.field("Services provided", "; ".join(s.services_provided))
        review = supplier_review_statuses(
            DataSet([s, *data.referring(s.id, SupplierReview)]),
            today,
            dict(app.settings.supplier_review_months),
        ).get(s.id)
        if review is not None:
            line = Text("  Next review: ", style="dim")
            line.append_text(due_text(review))
            line.append(
                f"  every {review.interval_months} months; last {review.last_review or 'never'}",
                style="dim",
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
            out.link(latest, f"latest {latest.evaluated_on} · {shown} · {latest.decision.value}")
            for c in latest.criteria:
                out.text(f"{c.name}: score {c.score:g} × weight {c.weight:g}", indent=6)
            if latest.rationale:
                out.field("Rationale", latest.rationale)
            for other in sorted(evaluations, key=lambda e: e.evaluated_on, reverse=True):
                if other.id != latest.id:
                    out.link(other, f"{other.evaluated_on} · {other.decision.value}")

        out.section("Responsibilities")
        out.text("Ours:", indent=2, style="dim")
        out.items(s.our_responsibilities)
        out.text("Supplier's:", indent=2, style="dim")
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

        reviews = sorted(
            data.referring(s.id, SupplierReview), key=lambda r: r.held_on, reverse=True
        )
        out.section("Reviews", len(reviews))
        if not reviews:
            out.none("no review yet (a adds one)")
        shown_actions: set[str] = set()
        for rv in reviews:
            out.link(rv, f"{rv.held_on}" + (f" · {rv.agreement_id}" if rv.agreement_id else ""))
            if rv.performance_summary:
                out.text(rv.performance_summary, indent=6, style="dim")
            for action in data.referring(rv.id, ImprovementAction):
                shown_actions.add(action.id)
                out.link(action, _action_extra(action), indent=6)

        others = [a for a in data.referring(s.id, ImprovementAction) if a.id not in shown_actions]
        out.section("Improvement actions (not from a review)", len(others))
        if not others:
            out.none()
        for action in others:
            out.link(action, _action_extra(action))

        disputes = data.referring(s.id, Dispute)
        out.section("Disputes", len(disputes))
        if not disputes:
            out.none()
        for dispute in disputes:
            out.link(
                dispute, f"{dispute.status.value.replace('_', ' ')} · raised {dispute.raised_on}"
            )

        agreements = data.referring(s.id, Agreement)
        out.section("Agreements", len(agreements))
        if not agreements:
            out.none("no agreement (a adds one)")
        for agreement in agreements:
            out.link(
                agreement,
                f"{agreement.kind.value.replace('_', ' ')} · {agreement.status.value}",
            )

        readings = app.kpi_readings()
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
                f"{rated_band(risk).value} ({rated_score(risk)}) · {risk.status.value}",
            )

        if s.notes:
            out.section("Notes")
            out.text(s.notes)


def _action_extra(action: ImprovementAction) -> str:
    due = f" · due {action.due_date}" if action.due_date else ""
    owner = f" · {action.owner}" if action.owner else ""
    return f"{action.status.value.replace('_', ' ')}{due}{owner}"
