"""The Resources tab: capacity against what is allocated today, over-allocation marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.plan import Allocation, Resource
from itsms_tui.services.plan_rows import AllocationRow, ResourceRow, allocation_rows, resource_rows
from itsms_tui.ui.plan.detail_text import DetailText
from itsms_tui.ui.plan.register_tab import Child, RegisterTab, record_key
from itsms_tui.ui.theme import LATE, amount, load_text
from itsms_tui.ui.widgets.record_table import Column, RecordTable


def _date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


class ResourcesTab(RegisterTab[ResourceRow], inherit_bindings=False):
    """Resources with their load today; the detail lists the allocations."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_allocation", "Allocate", id="plan.resource.add_allocation"),
        *RegisterTab.BINDINGS,
    ]

    model: ClassVar[type[Resource]] = Resource
    tab_title: ClassVar[str] = "Resources"
    empty_text: ClassVar[str] = "No resources yet: n adds one"

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self.allocations_label = Static("", classes="plan-child-label", markup=False)
        self.allocations: RecordTable[AllocationRow] = RecordTable(
            self.allocation_columns(),
            record_key,
            id=f"{id}-allocations",
            empty_text="Nothing allocated yet: a allocates",
        )
        self.add_child(
            Child(self.allocations, Allocation, self._new_allocation, self._open_allocation)
        )

    def columns(self) -> Sequence[Column[ResourceRow]]:
        return [
            Column("id", "Id", lambda r: r.record.id, width=8),
            Column("name", "Resource", lambda r: r.record.name, width=18, flex=1),
            Column(
                "load",
                "Load today",
                lambda r: load_text(r.load, self.palette),
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
            Column("owner", "Owner", lambda r: r.record.owner, width=12),
        ]

    def allocation_columns(self) -> Sequence[Column[AllocationRow]]:
        return [
            Column("id", "Id", lambda r: r.record.id, width=8),
            Column("process", "Process", lambda r: r.process_name, width=14, flex=1),
            Column(
                "amount",
                "Amount",
                lambda r: Text(
                    amount(r.record.amount, self._unit()),
                    style="" if r.active else self.palette.muted,
                ),
                width=9,
                align="right",
                sort_key=lambda r: r.record.amount,
            ),
            Column(
                "today",
                "Today",
                lambda r: "counts" if r.active else "not now",
                width=7,
            ),
            Column("from", "From", lambda r: _date(r.record.start_date), width=10),
            Column("until", "Until", lambda r: _date(r.record.end_date), width=10),
            Column("activity", "Activity", lambda r: r.activity_name, width=14),
        ]

    def _unit(self) -> str:
        row = self.current_row()
        return row.record.unit if row is not None else ""

    def build_rows(self, data: DataSet, today: date) -> list[ResourceRow]:
        return list(resource_rows(data, today))

    def compose_children(self) -> ComposeResult:
        yield self.allocations_label
        yield self.allocations

    def show_detail(self, row: ResourceRow | None) -> None:
        if row is None:
            self.set_detail(Text("No resource selected", style=self.palette.muted))
            self.allocations_label.update("")
            self.set_child_rows(self.allocations, [])
            return
        resource = row.record
        load = row.load
        top = DetailText(self.palette).heading(resource)
        top.field("Kind", resource.kind.label)
        top.field("Owner", resource.owner)
        top.field("Capacity", amount(resource.capacity, resource.unit))
        allocated = Text(
            f"{amount(load.allocated, resource.unit)} ({load.percent:.0f}%)",
        )
        if load.over_allocated:
            allocated = Text.assemble(
                allocated,
                Text(
                    f"  {LATE} over-allocated by {amount(-load.available, resource.unit)}",
                    style=self.palette.over,
                ),
            )
        else:
            allocated.append(f"  {amount(load.available, resource.unit)} free")
        top.line(Text("Allocated today: ", style=self.palette.label), allocated)
        rows = allocation_rows(self.data, resource.id, self.today)
        hint = " · a allocates · Enter jumps to the process" if not self.shell.read_only else ""
        self.allocations_label.update(f"Allocations ({len(rows)}){hint}")
        self.set_child_rows(self.allocations, rows)
        more = DetailText(self.palette)
        more.paragraph("Description", resource.description)
        self.set_detail(top.text, more.text)

    # ------------------------------------------------------------------ allocations

    def _new_allocation(self) -> dict[str, Any]:
        row = self.current_row()
        return {"resource_id": row.record.id} if row is not None else {}

    def _open_allocation(self, row: Any) -> None:
        allocation: Allocation = row.record
        self.shell.open_record(allocation.activity_id or allocation.process_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_allocation":
            return self.is_mounted and not self.shell.read_only and self.current_row() is not None
        return super().check_action(action, parameters)

    def action_add_allocation(self) -> None:
        initial = self._new_allocation()
        if initial:
            self.create(Allocation, initial)

    def select_record(self, record_id: str) -> bool:
        """A resource, or an allocation (its resource, then the allocation in the detail)."""
        if record_id.startswith(f"{Resource.prefix}-"):
            return self.select_in_register(record_id)
        allocation = self.data.get_as(Allocation, record_id)
        if allocation is None or not self.select_in_register(allocation.resource_id):
            return False
        return self.select_in_child(self.allocations, record_id)
