"""The Customers tab of the Plan screen (8.3.2): the demo's customers, and in the detail
their satisfaction results, complaints and service reviews."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.customers import Complaint, Customer, SatisfactionResult
from itsms_tui.services.workspace import Workspace
from itsms_tui.ui.screens.plan import PlanScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    file_app,
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


BOLD = "[bold]Acme"
CLICK = "[@click=app.quit]x[/]"
CLOSE = "[/x]"


async def test_markup_like_customer_text_shows_literally(tmp_path: Path) -> None:
    workspace = Workspace.open_file(tmp_path / "itsms.json")
    save = workspace.save
    customer = save(Customer(name=BOLD, communication=CLICK, notes=CLOSE))
    save(Service(name="Mail", customer_ids=[customer.id]))
    save(
        Complaint(
            customer_id=customer.id,
            title=f"Late {CLOSE}",
            received_on=date(2026, 1, 5),
            description=CLICK,
        )
    )
    app = file_app(tmp_path / "itsms.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen) and screen.active_tab.id == "customers"
        text = screen_text(app)
        assert BOLD in text
        detail = str(screen.active_tab.detail_text.render())
        assert f"{customer.id}  {BOLD}" in detail
        titles = [row.record.heading for row in screen.active_tab.child("complaints").rows]
        assert titles == [f"Late {CLOSE}"]
