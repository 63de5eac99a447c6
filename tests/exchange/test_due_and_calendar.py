"""Due dates: one list for ``calendar`` (iCalendar, stable UIDs) and ``due`` (the digest)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from itsms_tui.cli import main
from itsms_tui.domain.enums import ActionStatus
from itsms_tui.domain.people import Person
from itsms_tui.domain.suppliers import ImprovementAction
from itsms_tui.services.calendar_feed import calendar_ics, event_uid
from itsms_tui.services.due_dates import DueKind, due_items, for_person
from itsms_tui.snapshot.demo import load_demo
from itsms_tui.store.records import RecordStore

TODAY = date(2026, 3, 2)
STAMP = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def _events(payload: bytes) -> dict[str, tuple[date, str, str]]:
    calendar = Calendar.from_ical(payload)
    events: dict[str, tuple[date, str, str]] = {}
    for event in calendar.walk("VEVENT"):
        start: Any = event["dtstart"]
        events[str(event["uid"])] = (start.dt, str(event["summary"]), str(event["description"]))
    return events


def test_every_kind_of_due_date_is_in_the_demo_calendar() -> None:
    items = due_items(load_demo(TODAY), TODAY)
    assert {i.kind for i in items} == set(DueKind)
    events = _events(calendar_ics(items, generated_at=STAMP))
    assert len(events) == len(items)  # UIDs are unique
    action = next(i for i in items if i.kind is DueKind.ACTION)
    assert events[event_uid(action)][0] == action.due
    assert action.person in events[event_uid(action)][2]


def test_uids_stay_when_a_date_moves_so_a_calendar_updates_the_event() -> None:
    data = load_demo(TODAY)
    before = {event_uid(i): i.due for i in due_items(data, TODAY)}
    action = next(
        a for a in data.all(ImprovementAction) if a.due_date and a.status is ActionStatus.OPEN
    )
    assert action.due_date is not None
    moved = action.model_copy(update={"due_date": action.due_date + timedelta(days=9)})
    data.add(moved)
    after = _events(calendar_ics(due_items(data, TODAY), generated_at=STAMP))
    assert set(after) == set(before)
    uid = f"{action.id}-action@itsms-tui"
    assert after[uid][0] == before[uid] + timedelta(days=9)


def test_two_runs_of_the_command_give_the_same_events(tmp_path: Path) -> None:
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / f"{run}.ics"
        assert main(["calendar", "--demo", "-o", str(out)]) == 0
        outputs.append(_events(out.read_bytes()))
    assert outputs[0] == outputs[1] and outputs[0]
    stdout = subprocess.run(
        [sys.executable, "-m", "itsms_tui", "calendar", "--demo"],
        capture_output=True,
        timeout=120,
        check=True,
    ).stdout
    assert _events(stdout) == outputs[0]


def test_person_filter_matches_the_stored_name_in_any_case(tmp_path: Path) -> None:
    items = due_items(load_demo(TODAY), TODAY)
    aisha = for_person(items, "  aisha   KHAN ")
    assert aisha and all(i.person == "Aisha Khan" for i in aisha)
    out = tmp_path / "aisha.ics"
    assert main(["calendar", "--demo", "--person", "Aisha Khan", "-o", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["x-wr-calname"]) == "itsms-tui due dates for Aisha Khan"
    assert all("owner: Aisha Khan" in str(e["description"]) for e in calendar.walk("VEVENT"))


def _data_with_actions(tmp_path: Path, *due_dates: date) -> Path:
    path = tmp_path / "itsms.json"
    store = RecordStore.open(path)
    owner = store.create(Person(name="Ola"))
    for i, day in enumerate(due_dates):
        store.create(
            ImprovementAction(description=f"Action [b]{i}[/b]", owner=owner.id, due_date=day)
        )
    return path


def test_due_exits_1_when_something_is_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today()
    path = _data_with_actions(tmp_path, today - timedelta(days=3), today + timedelta(days=10))
    assert main(["due", "--data", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"OVERDUE {today - timedelta(days=3)} (3 days ago)" in out
    assert "Action [b]0[/b]" in out and "Action [b]1[/b]" in out
    assert "2 item(s): 1 overdue, 1 coming up" in out
    assert main(["due", "--data", str(path), "--within", "1w", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert [(i["record_id"], i["overdue"]) for i in document["items"]] == [("ACN-0001", True)]


def test_due_exits_0_when_nothing_is_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _data_with_actions(tmp_path, date.today() + timedelta(days=40))
    assert main(["due", "--data", str(path)]) == 0
    assert "nothing is due" in capsys.readouterr().out
    assert main(["due", "--data", str(path), "--within", "6w"]) == 0
    assert "1 item(s): 0 overdue, 1 coming up" in capsys.readouterr().out


def test_bad_options_and_missing_data_are_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["due", "--demo", "--within", "soon"]) == 2
    assert "--within soon: give days or weeks" in capsys.readouterr().err
    missing = tmp_path / "none.json"
    assert main(["due", "--data", str(missing)]) == 2
    assert main(["calendar", "--data", str(missing)]) == 2
    assert not missing.exists()
