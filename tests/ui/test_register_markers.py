"""Registers mark only what needs acting on: an exited supplier or an expired agreement
shows no red overdue marker, while a live one still does."""

from __future__ import annotations

from shell_support import (
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
