"""The Customers tab of the Plan screen (8.3.2): the demo's customers, and in the detail
their satisfaction results, complaints and service reviews."""

from __future__ import annotations

from itsms_tui.domain.customers import Complaint, Customer, SatisfactionResult
from itsms_tui.ui.screens.plan import PlanScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)


async def test_the_customers_register_opens_on_the_demo_customers() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        await pilot.press("left_square_bracket")  # the last tab
        await settle(pilot)
        tab = screen.active_tab
        assert tab.id == "customers" and screen.focused is tab.register
        assert tab.register.cursor_key == "CUS-0001"
        text = screen_text(app)
        assert "Customers" in text and "Harrowby Insurance plc" in text
        detail = str(tab.detail_text.render())
        assert "CUS-0001  Harrowby Insurance plc" in detail
        assert "Relationship manager: Elena Marsh" in detail
        results = tab.child("satisfaction")
        harrowby = [r.id for r in app.data.all(SatisfactionResult) if r.customer_id == "CUS-0001"]
        assert sorted(row.record.id for row in results.rows) == sorted(harrowby)
        assert len(harrowby) == 4

        await pilot.press("down", "down")  # CUS-0003 Aldermoor: an open complaint
        await settle(pilot)
        assert tab.register.cursor_key == "CUS-0003"
        complaints = [row.record for row in tab.child("complaints").rows]
        assert [c.title for c in complaints if isinstance(c, Complaint)] == [
            "Security alert reports arrive late"
        ]
        assert isinstance(app.data.get("CUS-0003"), Customer)
