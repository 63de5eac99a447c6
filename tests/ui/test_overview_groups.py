"""The overview's attention list grouped by topic: headings with counts, Enter expands and
collapses a topic, Enter on a line opens its record, and `/` finds lines in closed topics."""

from __future__ import annotations

import pytest

from itsms_tui.services.attention import AttentionItem
from itsms_tui.ui.screens import overview
from itsms_tui.ui.screens.overview import GroupRow, OverviewScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)


def _table(screen: object) -> RecordTable[AttentionItem | GroupRow]:
    assert isinstance(screen, OverviewScreen)
    return screen.query_one("#attention", RecordTable)


async def test_a_short_list_shows_every_topic_open_with_its_counts() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = _table(app.screen).visible_rows
        headings = [r for r in rows if isinstance(r, GroupRow)]
        assert headings and all(h.expanded for h in headings)
        actions = next(h for h in headings if h.topic.value == "Action overdue")
        assert actions.text == "▾ 4 lines: 4 to fix, 4 overdue"
        assert "▾ 4 lines: 4 to fix, 4 overdue" in screen_text(app)
        assert "in 24 topics" in screen_text(app)


async def test_a_long_list_starts_collapsed_and_enter_opens_and_closes_a_topic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(overview, "EXPANDED_UP_TO", 5)
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app.screen)
        rows = table.visible_rows
        # The line due today stays pinned above the collapsed topics.
        first = rows[0]
        assert isinstance(first, AttentionItem) and first.due_today
        headings = [r for r in rows[1:] if isinstance(r, GroupRow)]
        assert headings and all(not h.expanded and len(h.group.items) > 1 for h in headings)
        lone = [r for r in rows[1:] if not isinstance(r, GroupRow)]
        assert len(lone) + len(headings) == len(rows) - 1  # only one-line topics are lines
        assert "ACN-0011" not in screen_text(app)
        index = next(
            i
            for i, r in enumerate(rows)
            if isinstance(r, GroupRow) and r.topic.value == "Action overdue"
        )
        table.move_cursor(index)
        await pilot.press("enter")
        await pilot.pause()
        assert "▾ 4 lines" in screen_text(app)
        assert "ACN-0011" in screen_text(app)
        assert len(table.visible_rows) == len(rows) + 4
        await pilot.press("down", "enter")  # a line: opens its record
        await settle(pilot)
        assert app.current_mode == "suppliers"
        await pilot.press("1")
        await settle(pilot)
        table = _table(app.screen)
        table.move_cursor(index)
        await pilot.press("enter")  # the heading again: closes it
        await pilot.pause()
        assert "ACN-0011" not in screen_text(app)
        assert len(table.visible_rows) == len(rows)


async def test_the_filter_finds_a_line_in_a_collapsed_topic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(overview, "EXPANDED_UP_TO", 5)
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "ACN-0011")
        await pilot.pause()
        assert "ACN-0011 Reconcile" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "ACN-0011" not in screen_text(app)
