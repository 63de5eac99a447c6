"""The plan timeline at 80x24 (T on the Plan screen): today's week, late and blocked work
marked by glyphs that read without colour, weeks/months, and keyboard scrolling."""

from __future__ import annotations

import pytest

from itsms_tui.domain.plan import Activity
from itsms_tui.services.plan_timeline import Cell, Scale, plan_timeline
from itsms_tui.ui.screens.plan import PlanScreen
from itsms_tui.ui.screens.plan_timeline import PlanTimelineScreen
from itsms_tui.ui.theme import BLOCKED_MARK, LATE, TIMELINE_MARKS
from itsms_tui.ui.widgets.timeline_chart import TimelineChart
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)

HOSTILE = "[bold]Rollout[/] [@click=app.quit]x[/]"


def _label_row(text: str) -> list[str]:
    """The column labels (the line under the month headings)."""
    lines = text.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith(("by week", "by month")))
    return lines[heading + 1].split()


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_the_timeline_marks_today_late_and_blocked_work_and_scrolls(
    monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = demo_app()
    workspace = app.workspace
    first = min(workspace.data().all(Activity), key=lambda a: a.id)
    workspace.save(first.model_copy(update={"name": HOSTILE}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, PlanTimelineScreen)
        chart = app.screen.query_one("#timeline", TimelineChart)
        text = screen_text(app)
        assert "by week" in text
        today_week = f"W{FIXED_TODAY.isocalendar().week:02d}"
        labels = _label_row(text)
        assert labels[2] == today_week  # today starts near the left edge
        legend = "█ planned  ▒ blocked  ░ done  ✖ late  ◆ objective due  │ today"
        assert legend in text
        assert "Objectives" in text and "Customer satisfaction" in text

        # The demo's late and blocked work, as the service decides it, scrolled into view.
        timeline = plan_timeline(workspace.data(), FIXED_TODAY, Scale.WEEK)
        late = [r for r in timeline.rows if r.overdue and not r.milestone]
        blocked = [r for r in timeline.rows if r.blocked]
        assert late and blocked
        seen = ""
        for _ in range(4):
            seen += screen_text(app)
            await pilot.press("pagedown")
            await settle(pilot)
        for r in late:
            assert f"{LATE} {r.label[:10]}" in seen or f"{LATE}{BLOCKED_MARK}{r.label[:10]}" in seen
        assert any(f"{BLOCKED_MARK}{r.label[:10]}" in seen for r in blocked)
        assert TIMELINE_MARKS[Cell.BLOCKED] * 4 in seen
        assert TIMELINE_MARKS[Cell.LATE] * 4 in seen
        assert TIMELINE_MARKS[Cell.PLANNED] * 4 in seen
        assert HOSTILE[:20] in seen  # literal text, no markup applied, the app still runs

        # Scrolling: a column at a time, then to either end.
        await pilot.press("l")
        await settle(pilot)
        assert _label_row(screen_text(app))[1] == today_week
        await pilot.press("left", "left")
        await settle(pilot)
        assert _label_row(screen_text(app))[3] == today_week
        await pilot.press("end")
        await settle(pilot)
        assert _label_row(screen_text(app))[-1] == timeline.columns[-1].label
        await pilot.press("home")
        await settle(pilot)
        assert _label_row(screen_text(app))[0] == timeline.columns[0].label
        assert chart.first_column == 0

        # Months: the key toggles, today comes back into view.
        await pilot.press("w")
        await settle(pilot)
        text = screen_text(app)
        assert "by month" in text
        assert _label_row(text)[2] == "Mar"
        await pilot.press("w")
        await settle(pilot)
        assert "by week" in screen_text(app)

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
