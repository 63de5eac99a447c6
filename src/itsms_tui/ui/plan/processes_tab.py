"""The Processes register: service delivery processes with their activities, resources and
evidence; ``a`` adds an activity, Enter on one edits it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.plan import Activity, Allocation, Process, Resource
from itsms_tui.domain.record import Record
from itsms_tui.services.plan_rows import ActivityRow, ProcessRow, activity_rows, process_rows
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import ChildTable, Context, Register
from itsms_tui.ui.theme import PALETTE, amount, due_text
from itsms_tui.ui.widgets.record_table import Column


def responsible_accountable(row: ActivityRow) -> str:
    """``Dana / Lee``: who does the work and who answers for it."""
    parts = [row.responsible or "—", row.accountable or "—"]
    return "" if parts == ["—", "—"] else " / ".join(parts)


def _late_text(row: ProcessRow) -> Text:
    if not row.overdue_count:
        return Text("0")
    return Text(f"{row.overdue_count} ✖", style=PALETTE.late)


def _allocation_lines(process: Process, ctx: Context) -> list[str]:
    lines: list[str] = []
    for allocation in ctx.data.referring(process.id, Allocation):
        if allocation.process_id != process.id:
            continue
        resource = ctx.data.get_as(Resource, allocation.resource_id)
        name = resource.display if resource is not None else allocation.resource_id
        unit = resource.unit if resource is not None else ""
        line = f"{name}: {amount(allocation.amount, unit)}"
        if allocation.activity_id:
            line += f" for {allocation.activity_id}"
        lines.append(line)
    return lines


def _detail(row: ProcessRow, ctx: Context, out: DetailBuilder) -> None:
    process = row.record
    out.heading(process)
    out.field("Group", process.category.label)
    out.field("Owner", person_name(ctx.data, process.owner))


def _more(row: ProcessRow, ctx: Context, out: DetailBuilder) -> None:
    process = row.record
    out.paragraph("Purpose", process.purpose)
    out.bullets("Performance criteria", process.performance_criteria)
    out.bullets("Controls", process.controls)
    out.bullets("Resource requirements", process.resource_requirements)
    out.bullets("Evidence", process.evidence)
    out.bullets("Resources allocated", _allocation_lines(process, ctx))


def _activities_label(row: ProcessRow, shown: Sequence[ActivityRow], ctx: Context) -> str:
    late = f", {row.overdue_count} overdue" if row.overdue_count else ""
    hint = " · a adds · Enter edits" if not ctx.read_only else ""
    return f"Activities ({row.activity_count}{late}){hint}"


def _of_process(parent: Record) -> dict[str, Any]:
    return {"process_id": parent.id}


ACTIVITIES: ChildTable[ProcessRow, ActivityRow] = ChildTable(
    "activities",
    [
        Column("name", "Activity", lambda r: r.record.name, width=16, flex=1),
        Column("status", "Status", lambda r: r.record.status.label, width=11),
        Column(
            "due",
            "Due",
            lambda r: due_text(r.record.due_date, r.overdue),
            width=12,
            sort_key=lambda r: r.record.due_date,
        ),
        Column("ra", "Resp. / Acc.", responsible_accountable, width=16),
        Column("outsourced", "Outsourced to", lambda r: r.supplier_name, width=13),
        Column(
            "start",
            "Start",
            lambda r: r.record.start_date.isoformat() if r.record.start_date else "",
            width=10,
            sort_key=lambda r: r.record.start_date,
        ),
    ],
    lambda row, ctx: activity_rows(ctx.data, row.record.id, ctx.today),
    empty_text="No activities yet: a adds one",
    label=_activities_label,
    model=Activity,
    initial=_of_process,
    add=("a", "Add activity"),
    edits=True,
)

PROCESSES: Register[ProcessRow] = Register(
    model=Process,
    title="Processes",
    columns=[
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("name", "Process", lambda r: r.record.name, width=18, flex=1),
        Column("owner", "Owner", lambda r: r.owner, width=12),
        Column(
            "activities",
            "Acts",
            lambda r: str(r.activity_count),
            width=4,
            align="right",
            sort_key=lambda r: r.activity_count,
        ),
        Column(
            "late",
            "Late",
            _late_text,
            width=5,
            align="right",
            sort_key=lambda r: r.overdue_count,
        ),
        Column("group", "Group", lambda r: r.record.category.label, width=16),
    ],
    rows=lambda ctx: process_rows(ctx.data, ctx.today),
    detail=_detail,
    more=_more,
    children=(ACTIVITIES,),
)
