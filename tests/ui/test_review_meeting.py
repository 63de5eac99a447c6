"""A whole review meeting at 80x24 (m on the Suppliers screen): the steps with the KPI
chart, a note per step, the record step; the review then shows in the supplier's reviews,
its actions under it, the next review date from the interval, and the audit trail."""

from __future__ import annotations

import pytest

from itsms_tui.domain.calendar import add_months
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.review_schedule import supplier_review_interval
from itsms_tui.domain.suppliers import ImprovementAction, Supplier, SupplierReview
from itsms_tui.services.audit_trail import TrailFilter, format_entries, select_entries
from itsms_tui.services.review_meeting import meeting_steps
from itsms_tui.ui.screens.review_meeting import ReviewMeetingScreen
from itsms_tui.ui.screens.suppliers import SuppliersScreen
from itsms_tui.ui.widgets.kpi_chart import KpiChart
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)

NOTE = "Availability [dipped] in January"
ACTION = "Add a second replication site; Tom Okafor; 2026-06-30"


async def _open_meeting(pilot: object) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SuppliersScreen)
    await pilot.press("m")
    await settle(pilot)


async def test_a_whole_review_meeting_is_recorded_and_shows_everywhere() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open_meeting(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewMeetingScreen)
        supplier_id = screen.supplier_id
        data = app.workspace.data()
        supplier = data.get_as(Supplier, supplier_id)
        assert supplier is not None
        steps = meeting_steps(data, supplier_id, FIXED_TODAY)
        before = {r.id for r in data.all(SupplierReview)}

        # Step 1: the first KPI with its chart; a note typed into the notes.
        text = screen_text(app)
        assert f"step 1/{len(steps)}: {steps[0].title}"[:40] in text
        assert "Periods: " in text and "Met " in text
        assert screen.query_one("#step-chart", KpiChart).display
        await type_text(pilot, NOTE)
        # Every step in turn, forward; the targets get a note too.
        await pilot.press("pagedown")
        await settle(pilot)
        seen = [screen_text(app)]
        await type_text(pilot, "Targets unchanged")
        for _ in range(len(steps) - 2):
            await pilot.press("pagedown")
            await settle(pilot)
            seen.append(screen_text(app))
        assert any("Agreement targets" in s for s in seen)
        assert any("Open improvement actions" in s for s in seen)
        assert any("Open disputes" in s for s in seen)
        # Back and forth keeps each step's note.
        for _ in range(len(steps)):
            await pilot.press("pageup")
        await settle(pilot)
        assert NOTE in screen_text(app)
        for _ in range(len(steps)):
            await pilot.press("pagedown")
        await settle(pilot)
        text = screen_text(app)
        assert f"step {len(steps)}/{len(steps)}" in text
        assert "Held on" in text and FIXED_TODAY.isoformat() in text

        # The record step: attendees, a decision, a new action; ctrl+s records it all.
        await pilot.press("tab")
        await type_text(pilot, "Daniel Fischer, Ines Kramer (Stratus)")
        await pilot.press("tab")
        await type_text(pilot, "Renew the hosting agreement for a year")
        await pilot.press("tab")
        await type_text(pilot, ACTION)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SuppliersScreen)

        data = app.workspace.data()
        (review,) = [r for r in data.all(SupplierReview) if r.id not in before]
        assert review.supplier_id == supplier_id
        assert review.held_on == FIXED_TODAY
        # known names are those people ("Name (Team)" too)
        assert [person_name(data, p) for p in review.attendees] == [
            "Daniel Fischer",
            "Ines Kramer",
        ]
        assert "Decisions:\n- Renew the hosting agreement for a year" in review.minutes
        assert f"{steps[0].title}:\n{NOTE}" in review.minutes
        assert "Agreement targets:\nTargets unchanged" in review.minutes
        assert review.performance_summary.startswith(steps[0].title)
        (action,) = data.referring(review.id, ImprovementAction)
        assert action.description == "Add a second replication site"
        assert person_name(data, action.owner) == "Tom Okafor"
        assert action.due_date is not None and action.due_date.isoformat() == "2026-06-30"
        assert action.supplier_id == supplier_id

        # The supplier's reviews (its detail pane) and its next review date.
        text = screen_text(app)
        interval = supplier_review_interval(supplier, app.settings.supplier_review_months)
        next_due = add_months(FIXED_TODAY, interval)
        assert next_due.isoformat() in text  # the register's "Review due" column
        await pilot.press("tab")
        await settle(pilot)
        for _ in range(40):
            if review.id in screen_text(app):
                break
            await pilot.press("pagedown")
            await settle(pilot)
        assert f"{review.id} " in screen_text(app)

        # The audit trail: both records created, by this session, the chain intact.
        trail = app.workspace.store.audit_trail()
        for record_id in (review.id, action.id):
            (entry,) = select_entries(trail, TrailFilter(record_id=record_id))
            assert entry.action.value == "create"
        listed = format_entries(select_entries(trail, TrailFilter(collection="reviews")), "text")
        assert review.id in listed
        assert app.workspace.store.verify_audit().broken is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Fix it; Ana; 30/06/2026", "new action line 1: due date: '30/06/2026' is not a date"),
        ("Fix it; Ana; 2026-06-30; extra", "new action line 1: expected"),
    ],
)
async def test_a_bad_action_line_is_named_and_nothing_is_recorded(line: str, message: str) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open_meeting(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewMeetingScreen)
        before = len(app.workspace.data().all(SupplierReview))
        for _ in range(len(screen.steps)):
            await pilot.press("pagedown")
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, line)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert message in screen_text(app)
        assert len(app.workspace.data().all(SupplierReview)) == before


async def test_escape_after_typing_asks_before_dropping_the_notes() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open_meeting(pilot)
        screen = app.screen
        await type_text(pilot, "a note")
        await pilot.press("escape")
        await settle(pilot)
        assert "Leave the meeting without recording it?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SuppliersScreen)
