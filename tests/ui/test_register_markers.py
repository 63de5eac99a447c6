"""Registers mark only what needs acting on: an exited supplier or an expired agreement
shows no red overdue marker, while a live one still does."""

from __future__ import annotations

from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)


def line_of(text: str, record_id: str) -> str:
    (line,) = [row for row in text.splitlines() if row.startswith(f" {record_id} ")]
    return line


async def test_an_exited_supplier_shows_no_overdue_review() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "G")
        await settle(pilot)
        text = screen_text(app)
        exited = line_of(text, "SUP-0012")
        assert "exited" in exited and "✖" not in exited
        assert "▲" in line_of(text, "SUP-0010")  # a live supplier keeps its marker


async def test_an_expired_agreement_shows_no_red_cancel_by_or_review() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "G")
        await settle(pilot)
        text = screen_text(app)
        expired = line_of(text, "AGR-0012")
        assert "expired" in expired and "✖" not in expired
        assert "✖" in line_of(text, "AGR-0016")  # an active SLA past its cancel-by


async def test_at_120_columns_every_status_and_cancel_by_is_shown_whole() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert "under review" in line_of(screen_text(app), "SUP-0004")
        await pilot.press("4", "G")
        await settle(pilot)
        text = screen_text(app)
        assert "✖ 2026-01-16 passed" in line_of(text, "AGR-0016")
        assert "Nimbus Object Storage GmbH" in line_of(text, "AGR-0011")


def test_spare_width_goes_to_the_name_up_to_its_ideal_then_to_cut_columns() -> None:
    from itsms_tui.ui.widgets.record_table import Column, column_widths

    def text(_row: object) -> str:
        return ""

    columns: list[Column[object]] = [
        Column("id", "Id", text, width=8),
        Column("name", "Name", text, width=12, flex=1, ideal=30),
        Column("party", "Party", text, width=10, grow_to=26),
        Column("status", "Status", text, width=9, grow_to=12),
    ]
    # 4 separators + 39 of minimums leave 37 of 80: 18 take the name to its ideal 30,
    # then status (the smaller growth) gets its 3 and party the last 16.
    assert column_widths(columns, 80) == [8, 30, 26, 12]
    # 77 spare of 120: the same 37, and the 40 left go to the flexible name.
    assert column_widths(columns, 120) == [8, 70, 26, 12]
    # 60: 17 spare, all to the name on its way to its ideal; nothing grows.
    assert column_widths(columns, 60) == [8, 29, 10, 9]


async def test_a_kpi_card_shows_the_target_whole_at_80_columns() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        text = screen_text(app)
        assert "▲ 4.25 / target 4.5 score (1-5)" in text  # KPI-0003, unit once
        assert "● green  100 % / target 100 %" in text  # short enough: unchanged


async def test_a_plan_detail_pane_scrolls_with_j_k_page_and_home_end_at_80x24() -> None:
    from itsms_tui.ui.screens.plan import PlanScreen

    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        for _ in range(3):  # Objectives -> Processes -> Resources -> Risks
            await pilot.press("right_square_bracket")
            await settle(pilot)
        detail = screen.active_tab.detail
        detail.focus()
        await settle(pilot)
        assert detail.has_focus and detail.max_scroll_y > 2
        await pilot.press("j", "j")
        await settle(pilot)
        assert detail.scroll_y == 2
        await pilot.press("k")
        await settle(pilot)
        assert detail.scroll_y == 1
        await pilot.press("end")
        await settle(pilot)
        assert detail.scroll_y == detail.max_scroll_y
        await pilot.press("home")
        await settle(pilot)
        assert detail.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert detail.scroll_y > 1
        await pilot.press("G")
        await settle(pilot)
        assert detail.scroll_y == detail.max_scroll_y
