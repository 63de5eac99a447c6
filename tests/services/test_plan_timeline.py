"""The plan timeline's rows and columns, checked without drawing: spans, late and blocked
work, objectives' target dates, today's column, weeks and months."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ActivityStatus, ObjectiveStatus
from itsms_tui.services.plan_timeline import (
    OBJECTIVES_GROUP,
    Cell,
    Scale,
    Timeline,
    TimelineRow,
    plan_timeline,
    timeline_columns,
)
from tests.compliance.builders import activity, objective, process

TODAY = date(2026, 3, 4)  # a Wednesday, in ISO week 10


def row(timeline: Timeline, record_id: str) -> TimelineRow:
    return next(r for r in timeline.rows if r.record_id == record_id)


def spanned(timeline: Timeline, record_id: str, cell: Cell) -> list[str]:
    """The labels of the columns where the row shows ``cell``."""
    found = row(timeline, record_id)
    return [c.label for c, k in zip(timeline.columns, found.cells, strict=True) if k is cell]


def plan(*records: object) -> DataSet:
    return DataSet([process(1), process(2, name="Change management"), *records])  # type: ignore[list-item]


def test_weeks_start_on_monday_and_are_iso_numbered_with_one_column_of_padding() -> None:
    columns = timeline_columns(date(2026, 3, 4), date(2026, 3, 18), Scale.WEEK)
    assert [c.label for c in columns] == ["W09", "W10", "W11", "W12", "W13"]
    assert columns[1].start == date(2026, 3, 2) and columns[1].end == date(2026, 3, 9)
    assert all(c.start.weekday() == 0 for c in columns)
    # W09 begins in February but its Thursday is 26 Feb: it is headed February.
    assert [(c.heading, c.opens_heading) for c in columns[:2]] == [
        ("Feb 2026", True),
        ("Mar 2026", True),
    ]
    assert not columns[2].opens_heading


def test_months_run_over_a_year_end_and_head_each_year_once() -> None:
    columns = timeline_columns(date(2025, 11, 20), date(2026, 2, 1), Scale.MONTH)
    assert [c.label for c in columns] == ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    assert [c.heading for c in columns if c.opens_heading] == ["2025", "2026"]
    assert columns[2].end == date(2026, 1, 1)


def test_an_activity_spans_its_columns_and_today_has_its_column() -> None:
    data = plan(activity(1, start_date=date(2026, 3, 10), due_date=date(2026, 3, 24)))
    timeline = plan_timeline(data, TODAY, Scale.WEEK)
    assert spanned(timeline, "ACT-0001", Cell.PLANNED) == ["W11", "W12", "W13"]
    assert timeline.columns[timeline.today_column].label == "W10"
    assert not row(timeline, "ACT-0001").overdue


def test_an_overdue_activity_is_late_from_its_due_date_up_to_today() -> None:
    data = plan(
        activity(
            1,
            start_date=date(2026, 2, 2),
            due_date=date(2026, 2, 11),
            status=ActivityStatus.IN_PROGRESS,
        )
    )
    timeline = plan_timeline(data, TODAY, Scale.WEEK)
    late = row(timeline, "ACT-0001")
    assert late.overdue
    assert spanned(timeline, "ACT-0001", Cell.PLANNED) == ["W06", "W07"]
    assert spanned(timeline, "ACT-0001", Cell.LATE) == ["W08", "W09", "W10"]


def test_done_work_past_its_date_is_not_late_and_blocked_work_is_told_apart() -> None:
    data = plan(
        activity(
            1, start_date=date(2026, 2, 2), due_date=date(2026, 2, 11), status=ActivityStatus.DONE
        ),
        activity(
            2,
            start_date=date(2026, 3, 2),
            due_date=date(2026, 3, 20),
            status=ActivityStatus.BLOCKED,
        ),
    )
    timeline = plan_timeline(data, TODAY, Scale.WEEK)
    assert not row(timeline, "ACT-0001").overdue
    assert spanned(timeline, "ACT-0001", Cell.FINISHED) == ["W06", "W07"]
    assert spanned(timeline, "ACT-0001", Cell.LATE) == []
    blocked = row(timeline, "ACT-0002")
    assert blocked.blocked and not blocked.overdue
    assert spanned(timeline, "ACT-0002", Cell.BLOCKED) == ["W10", "W11", "W12"]


def test_objectives_come_first_as_milestones_and_activities_by_process_name() -> None:
    data = plan(
        activity(1, process_id="PRC-0001", start_date=date(2026, 1, 5), due_date=None),
        activity(2, process_id="PRC-0002", start_date=date(2026, 2, 5), due_date=None),
        activity(3, process_id="PRC-0001", start_date=date(2025, 12, 1), due_date=None),
        objective(
            1,
            due_date=date(2026, 1, 15),
            status=ObjectiveStatus.AT_RISK,
        ),
        objective(2, due_date=None),
    )
    timeline = plan_timeline(data, TODAY, Scale.MONTH)
    assert [(r.group, r.record_id) for r in timeline.rows] == [
        (OBJECTIVES_GROUP, "OBJ-0001"),
        ("Change management", "ACT-0002"),
        ("Incident management", "ACT-0003"),
        ("Incident management", "ACT-0001"),
    ]
    missed = row(timeline, "OBJ-0001")
    assert missed.milestone and missed.overdue
    assert spanned(timeline, "OBJ-0001", Cell.MILESTONE) == ["Jan"]
    assert spanned(timeline, "OBJ-0001", Cell.LATE) == ["Feb", "Mar"]


def test_the_axis_reaches_the_earliest_and_latest_dates_and_undated_work_is_listed() -> None:
    data = plan(
        activity(1, start_date=date(2025, 6, 1), due_date=date(2027, 1, 31)),
        activity(2, start_date=None, due_date=None, name="Someday"),
    )
    timeline = plan_timeline(data, TODAY, Scale.MONTH)
    assert timeline.columns[0].start == date(2025, 5, 1)
    assert timeline.columns[-1].start == date(2027, 2, 1)
    undated = row(timeline, "ACT-0002")
    assert undated.undated and set(undated.cells) == {Cell.EMPTY}


def test_an_empty_plan_still_has_today() -> None:
    timeline = plan_timeline(DataSet(), TODAY, Scale.WEEK)
    assert timeline.rows == ()
    assert timeline.columns[timeline.today_column].holds(TODAY)
