"""The Objectives register: what the plan delivers, who owns it, when it is due, which
KPIs measure it."""

from __future__ import annotations

from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.plan import Objective
from itsms_tui.services.plan_rows import ObjectiveRow, objective_rows
from itsms_tui.ui.plan.child_tables import kpi_child
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import Context, Register
from itsms_tui.ui.theme import due_text, overdue_note
from itsms_tui.ui.widgets.record_table import Column


def _detail(row: ObjectiveRow, ctx: Context, out: DetailBuilder) -> None:
    objective = row.record
    out.heading(objective)
    out.field("Owner", person_name(ctx.data, objective.owner))
    due = objective.due_date
    out.labelled(
        "Due", due_text(due, row.overdue, align=False), overdue_note(due, row.overdue, ctx.today)
    )
    out.field("Status", objective.status.label)


def _more(row: ObjectiveRow, ctx: Context, out: DetailBuilder) -> None:
    objective = row.record
    out.paragraph("Description", objective.description)
    out.paragraph("Evaluation of results", objective.evaluation)
    if not objective.evaluation.strip():
        out.field("Evaluation of results", None)


OBJECTIVES: Register[ObjectiveRow] = Register(
    model=Objective,
    title="Objectives",
    columns=[
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("title", "Objective", lambda r: r.record.title, width=16, flex=1),
        Column("owner", "Owner", lambda r: r.owner, width=12),
        Column(
            "due",
            "Due",
            lambda r: due_text(r.record.due_date, r.overdue),
            width=12,
            sort_key=lambda r: r.record.due_date,
        ),
        Column("status", "Status", lambda r: r.record.status.label, width=9),
        Column(
            "kpis",
            "KPIs",
            lambda r: str(r.kpi_count),
            width=4,
            align="right",
            sort_key=lambda r: r.kpi_count,
        ),
    ],
    rows=lambda ctx: objective_rows(ctx.data, ctx.today),
    detail=_detail,
    more=_more,
    children=(kpi_child(),),
)
