"""The Resources register: capacity against what is allocated today, over-allocation
marked; ``a`` allocates, Enter on an allocation jumps to its activity or process."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.text import Text

from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.plan import Allocation, Resource
from itsms_tui.domain.record import Record
from itsms_tui.services.plan_rows import AllocationRow, ResourceRow, allocation_rows, resource_rows
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import ChildTable, Context, Register
from itsms_tui.ui.theme import LATE, PALETTE, amount, load_text
from itsms_tui.ui.widgets.record_table import Column


def _date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _detail(row: ResourceRow, ctx: Context, out: DetailBuilder) -> None:
    resource = row.record
    load = row.load
    out.heading(resource)
    out.field("Kind", resource.kind.label)
    out.field("Owner", person_name(ctx.data, resource.owner))
    out.field("Capacity", amount(resource.capacity, resource.unit))
    allocated = Text(f"{amount(load.allocated, resource.unit)} ({load.percent:.0f}%)")
    if load.over_allocated:
        allocated.append(
            f"  {LATE} over-allocated by {amount(-load.available, resource.unit)}",
            style=PALETTE.over,
        )
    else:
        allocated.append(f"  {amount(load.available, resource.unit)} free")
    out.labelled("Allocated today", allocated)


def _more(row: ResourceRow, ctx: Context, out: DetailBuilder) -> None:
    out.paragraph("Description", row.record.description)


def _allocations_label(row: ResourceRow, shown: Sequence[AllocationRow], ctx: Context) -> str:
    hint = " · a allocates · Enter jumps to the process" if not ctx.read_only else ""
    return f"Allocations ({len(shown)}){hint}"


def _of_resource(parent: Record) -> dict[str, Any]:
    return {"resource_id": parent.id}


def _allocated_to(row: AllocationRow) -> str:
    """Enter on an allocation: the activity it is for, else its process."""
    return row.record.activity_id or row.record.process_id


ALLOCATIONS: ChildTable[ResourceRow, AllocationRow] = ChildTable(
    "allocations",
    [
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("process", "Process", lambda r: r.process_name, width=14, flex=1),
        Column(
            "amount",
            "Amount",
            lambda r: Text(
                amount(r.record.amount, r.unit), style="" if r.active else PALETTE.muted
            ),
            width=9,
            align="right",
            sort_key=lambda r: r.record.amount,
        ),
        Column("today", "Today", lambda r: "counts" if r.active else "not now", width=7),
        Column("from", "From", lambda r: _date(r.record.start_date), width=10),
        Column("until", "Until", lambda r: _date(r.record.end_date), width=10),
        Column("activity", "Activity", lambda r: r.activity_name, width=14),
    ],
    lambda row, ctx: allocation_rows(ctx.data, row.record.id, ctx.today),
    empty_text="Nothing allocated yet: a allocates",
    label=_allocations_label,
    model=Allocation,
    initial=_of_resource,
    add=("a", "Allocate"),
    jump_to=_allocated_to,
)

RESOURCES: Register[ResourceRow] = Register(
    model=Resource,
    title="Resources",
    columns=[
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("name", "Resource", lambda r: r.record.name, width=18, flex=1),
        Column(
            "load",
            "Load today",
            lambda r: load_text(r.load),
            width=11,
            sort_key=lambda r: r.load.percent,
        ),
        Column(
            "allocated",
            "Allocated",
            lambda r: amount(r.load.allocated, r.record.unit),
            width=11,
            align="right",
            sort_key=lambda r: r.load.allocated,
        ),
        Column(
            "capacity",
            "Capacity",
            lambda r: amount(r.record.capacity, r.record.unit),
            width=11,
            align="right",
            sort_key=lambda r: r.record.capacity,
        ),
        Column("kind", "Kind", lambda r: r.record.kind.label, width=14),
        Column("owner", "Owner", lambda r: r.owner, width=12),
    ],
    rows=lambda ctx: resource_rows(ctx.data, ctx.today),
    detail=_detail,
    more=_more,
    children=(ALLOCATIONS,),
)
