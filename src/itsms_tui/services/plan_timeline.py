"""The plan timeline: activities (and objectives' target dates) laid out by week or month.

A pure function of the records and today, so the Gantt view only draws what this returns
and a test checks the layout without a screen. Each row has one cell per column (a week
from Monday, or a calendar month): the activity's span from its start to its due date,
blocked or finished spans told apart, the days from a missed due date up to today marked
late (the same "overdue" rule as the Plan tabs and the checker, ``domain.obligations``),
and an objective's target date as a single milestone cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from itsms_tui.domain.calendar import add_months
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ActivityStatus
from itsms_tui.domain.obligations import (
    FINISHED_ACTIVITY,
    activity_overdue,
    objective_overdue,
)
from itsms_tui.domain.plan import Activity, Objective, Process


class Scale(StrEnum):
    """The width of one timeline column."""

    WEEK = "week"
    MONTH = "month"

    @property
    def other(self) -> Scale:
        return Scale.MONTH if self is Scale.WEEK else Scale.WEEK


class Cell(StrEnum):
    """What one row shows in one column."""

    EMPTY = "empty"
    PLANNED = "planned"
    """Within the span of an open activity (not started or in progress)."""
    BLOCKED = "blocked"
    """Within the span of a blocked activity."""
    FINISHED = "finished"
    """Within the span of a done or cancelled activity."""
    LATE = "late"
    """After a missed due date, up to today, while the work is still open."""
    MILESTONE = "milestone"
    """An objective's target date."""


@dataclass(frozen=True, slots=True)
class TimelineColumn:
    start: date
    end: date
    """The day after the column's last day."""
    label: str
    """``W10`` (ISO week) or ``Mar``."""
    heading: str
    """The month and year (weeks: ``Mar 2026``) or the year (months: ``2026``) it is in."""
    opens_heading: bool
    """The first column of its heading (where the heading is written)."""

    def holds(self, day: date) -> bool:
        return self.start <= day < self.end

    def overlaps(self, first: date, last: date) -> bool:
        return first < self.end and last >= self.start


@dataclass(frozen=True, slots=True)
class TimelineRow:
    record_id: str
    label: str
    group: str
    """The process of an activity; "Objectives" for an objective."""
    start: date | None
    due: date | None
    status: str
    overdue: bool
    blocked: bool
    milestone: bool
    cells: tuple[Cell, ...]

    @property
    def undated(self) -> bool:
        return self.start is None and self.due is None


@dataclass(frozen=True, slots=True)
class Timeline:
    scale: Scale
    today: date
    columns: tuple[TimelineColumn, ...]
    today_column: int
    rows: tuple[TimelineRow, ...]

    def column_of(self, day: date) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.holds(day)), None)


OBJECTIVES_GROUP = "Objectives"
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""English month abbreviations, whatever the locale (like the ISO dates elsewhere)."""
PADDING = 1
"""Empty columns before the first and after the last date (and today)."""


def _column_start(day: date, scale: Scale) -> date:
    if scale is Scale.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_start(start: date, scale: Scale) -> date:
    return start + timedelta(days=7) if scale is Scale.WEEK else add_months(start, 1)


def _previous_start(start: date, scale: Scale) -> date:
    return start - timedelta(days=7) if scale is Scale.WEEK else add_months(start, -1)


def timeline_columns(first: date, last: date, scale: Scale) -> tuple[TimelineColumn, ...]:
    """The columns from the one holding ``first`` to the one holding ``last``, padded."""
    start = _column_start(first, scale)
    for _ in range(PADDING):
        start = _previous_start(start, scale)
    end = _column_start(last, scale)
    for _ in range(PADDING):
        end = _next_start(end, scale)
    columns: list[TimelineColumn] = []
    previous_month: tuple[int, int] | None = None
    while start <= end:
        following = _next_start(start, scale)
        if scale is Scale.WEEK:
            label = f"W{start.isocalendar().week:02d}"
            # A week is headed by the month its Thursday falls in (as ISO numbers it).
            anchor = start + timedelta(days=3)
            month = (anchor.year, anchor.month)
            heading = f"{MONTH_NAMES[anchor.month - 1]} {anchor.year}"
        else:
            label = MONTH_NAMES[start.month - 1]
            month = (start.year, 1)
            heading = str(start.year)
        columns.append(TimelineColumn(start, following, label, heading, month != previous_month))
        previous_month = month
        start = following
    return tuple(columns)


def _span_cells(
    columns: tuple[TimelineColumn, ...],
    first: date | None,
    last: date | None,
    kind: Cell,
    late_until: date | None,
) -> tuple[Cell, ...]:
    """``kind`` over the columns from ``first`` to ``last``; LATE after ``last`` to
    ``late_until`` (when given)."""
    cells: list[Cell] = []
    for column in columns:
        cell = Cell.EMPTY
        if first is not None and last is not None and column.overlaps(first, last):
            cell = kind
        # The column of the due date keeps its span; the ones after it are late.
        if late_until is not None and last is not None and last < column.start <= late_until:
            cell = Cell.LATE
        cells.append(cell)
    return tuple(cells)


def _activity_kind(activity: Activity) -> Cell:
    if activity.status in FINISHED_ACTIVITY:
        return Cell.FINISHED
    if activity.status is ActivityStatus.BLOCKED:
        return Cell.BLOCKED
    return Cell.PLANNED


def _date_key(day: date | None) -> date:
    return day if day is not None else date.max


def plan_timeline(data: DataSet, today: date, scale: Scale = Scale.WEEK) -> Timeline:
    """Every objective with a target date, then every activity by process, on one axis.

    The axis runs from the earliest date shown (or today) to the latest (or today).
    Activities come grouped by process (processes by name), each group by start then
    due date; an activity without dates is listed with an empty row.
    """
    objectives = sorted(
        (o for o in data.all(Objective) if o.due_date is not None),
        key=lambda o: (_date_key(o.due_date), o.id),
    )
    processes = {p.id: p for p in data.all(Process)}
    activities = sorted(
        data.all(Activity),
        key=lambda a: (
            processes[a.process_id].name.casefold() if a.process_id in processes else "",
            a.process_id,
            _date_key(a.start_date or a.due_date),
            _date_key(a.due_date),
            a.id,
        ),
    )
    days = [today]
    days += [o.due_date for o in objectives if o.due_date is not None]
    for a in activities:
        days += [d for d in (a.start_date, a.due_date) if d is not None]
    columns = timeline_columns(min(days), max(days), scale)

    rows: list[TimelineRow] = []
    for o in objectives:
        overdue = objective_overdue(o, today)
        cells = _span_cells(columns, None, o.due_date, Cell.EMPTY, today if overdue else None)
        cells = tuple(
            Cell.MILESTONE if o.due_date is not None and c.holds(o.due_date) else cell
            for c, cell in zip(columns, cells, strict=True)
        )
        rows.append(
            TimelineRow(
                record_id=o.id,
                label=o.title,
                group=OBJECTIVES_GROUP,
                start=None,
                due=o.due_date,
                status=o.status.label,
                overdue=overdue,
                blocked=False,
                milestone=True,
                cells=cells,
            )
        )
    for a in activities:
        overdue = activity_overdue(a, today)
        first = a.start_date or a.due_date
        last = a.due_date or a.start_date
        process = processes.get(a.process_id)
        rows.append(
            TimelineRow(
                record_id=a.id,
                label=a.name,
                group=process.name if process is not None else a.process_id,
                start=a.start_date,
                due=a.due_date,
                status=a.status.label,
                overdue=overdue,
                blocked=a.status is ActivityStatus.BLOCKED,
                milestone=False,
                cells=_span_cells(
                    columns, first, last, _activity_kind(a), today if overdue else None
                ),
            )
        )
    today_column = next(i for i, c in enumerate(columns) if c.holds(today))
    return Timeline(scale, today, columns, today_column, tuple(rows))
