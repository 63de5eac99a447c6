"""The Processes tab: service delivery processes with their activities, resources and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.plan import Activity, Allocation, Process, Resource
from itsms_tui.services.plan_rows import ActivityRow, ProcessRow, activity_rows, process_rows
from itsms_tui.ui.plan.detail_text import DetailText
from itsms_tui.ui.plan.register_tab import Child, RegisterTab, record_key
from itsms_tui.ui.theme import amount, due_text
from itsms_tui.ui.widgets.record_table import Column, RecordTable


def responsible_accountable(activity: Activity) -> str:
    """``Dana / Lee``: who does the work and who answers for it."""
    parts = [activity.responsible or "—", activity.accountable or "—"]
    return "" if parts == ["—", "—"] else " / ".join(parts)


class ProcessesTab(RegisterTab[ProcessRow], inherit_bindings=False):
    """Processes; the detail lists the process's activities, editable from here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_activity", "Add activity", id="plan.process.add_activity"),
        *RegisterTab.BINDINGS,
    ]

    model: ClassVar[type[Process]] = Process
    tab_title: ClassVar[str] = "Processes"
    empty_text: ClassVar[str] = "No processes yet: n adds one"

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self.activities_label = Static("", classes="plan-child-label", markup=False)
        self.activities: RecordTable[ActivityRow] = RecordTable(
            self.activity_columns(),
            record_key,
            id=f"{id}-activities",
            empty_text="No activities yet: a adds one",
        )
        self.add_child(Child(self.activities, Activity, self._new_activity, self._open_activity))

    def columns(self) -> Sequence[Column[ProcessRow]]:
        return [
            Column("id", "Id", lambda r: r.record.id, width=8),
            Column("name", "Process", lambda r: r.record.name, width=18, flex=1),
            Column("owner", "Owner", lambda r: r.record.owner, width=12),
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
                lambda r: self._late_text(r),
                width=5,
                align="right",
                sort_key=lambda r: r.overdue_count,
            ),
            Column("group", "Group", lambda r: r.record.category.label, width=16),
        ]

    def _late_text(self, row: ProcessRow) -> Text:
        if not row.overdue_count:
            return Text("0")
        return Text(f"{row.overdue_count} ✖", style=self.palette.late)

    def activity_columns(self) -> Sequence[Column[ActivityRow]]:
        return [
            Column("name", "Activity", lambda r: r.record.name, width=16, flex=1),
            Column("status", "Status", lambda r: r.record.status.label, width=11),
            Column(
                "due",
                "Due",
                lambda r: due_text(r.record.due_date, r.overdue, self.palette),
                width=12,
                sort_key=lambda r: r.record.due_date,
            ),
            Column("ra", "Resp. / Acc.", lambda r: responsible_accountable(r.record), width=16),
            Column("outsourced", "Outsourced to", lambda r: r.supplier_name, width=13),
            Column(
                "start",
                "Start",
                lambda r: r.record.start_date.isoformat() if r.record.start_date else "",
                width=10,
                sort_key=lambda r: r.record.start_date,
            ),
        ]

    def build_rows(self, data: DataSet, today: date) -> list[ProcessRow]:
        return list(process_rows(data, today))

    def compose_children(self) -> ComposeResult:
        yield self.activities_label
        yield self.activities

    def show_detail(self, row: ProcessRow | None) -> None:
        if row is None:
            self.set_detail(Text("No process selected", style=self.palette.muted))
            self.activities_label.update("")
            self.set_child_rows(self.activities, [])
            return
        process = row.record
        top = DetailText(self.palette).heading(process)
        top.field("Group", process.category.label)
        top.field("Owner", process.owner)
        late = f", {row.overdue_count} overdue" if row.overdue_count else ""
        hint = " · a adds · Enter edits" if not self.shell.read_only else ""
        self.activities_label.update(f"Activities ({row.activity_count}{late}){hint}")
        self.set_child_rows(self.activities, activity_rows(self.data, process.id, self.today))
        more = DetailText(self.palette)
        more.paragraph("Purpose", process.purpose)
        more.bullets("Performance criteria", process.performance_criteria)
        more.bullets("Controls", process.controls)
        more.bullets("Resource requirements", process.resource_requirements)
        more.bullets("Evidence", process.evidence)
        more.bullets("Resources allocated", self._allocation_lines(process))
        self.set_detail(top.text, more.text)

    def _allocation_lines(self, process: Process) -> list[str]:
        lines: list[str] = []
        for allocation in self.data.referring(process.id, Allocation):
            if allocation.process_id != process.id:
                continue
            resource = self.data.get_as(Resource, allocation.resource_id)
            name = resource.display if resource is not None else allocation.resource_id
            unit = resource.unit if resource is not None else ""
            line = f"{name}: {amount(allocation.amount, unit)}"
            if allocation.activity_id:
                line += f" for {allocation.activity_id}"
            lines.append(line)
        return lines

    # ------------------------------------------------------------------ activities

    def _new_activity(self) -> dict[str, Any]:
        row = self.current_row()
        return {"process_id": row.record.id} if row is not None else {}

    def _open_activity(self, row: Any) -> None:
        """Enter on an activity: edit it (its history when read-only)."""
        if self.shell.read_only:
            self.shell.show_history(row.record.id)
        else:
            self.shell.edit_record(row.record)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_activity":
            return self.is_mounted and not self.shell.read_only and self.current_row() is not None
        return super().check_action(action, parameters)

    def action_add_activity(self) -> None:
        initial = self._new_activity()
        if initial:
            self.create(Activity, initial)

    def select_record(self, record_id: str) -> bool:
        """A process, or an activity (its process, then the activity in the detail)."""
        if record_id.startswith(f"{Process.prefix}-"):
            return self.select_in_register(record_id)
        activity = self.data.get_as(Activity, record_id)
        if activity is None or not self.select_in_register(activity.process_id):
            return False
        return self.select_in_child(self.activities, record_id)
