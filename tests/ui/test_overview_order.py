"""The overview puts what is due today on its first screen, pinned above everything else."""

from __future__ import annotations

from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)


async def test_the_cancel_by_today_line_is_first_on_the_overview_at_80x24() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        rows = [n for n, line in enumerate(lines) if "AGR-0004" in line]
        assert rows, "the cancel-by-today line is not on the first screen"
        line = lines[rows[0]]
        assert line.split()[1] == "today" and "Cancel-by" in line
        first_item = next(n for n, line in enumerate(lines) if "Record and reason" in line) + 1
        assert rows[0] == first_item
        assert "1 due today" in screen_text(app)
