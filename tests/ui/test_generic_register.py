"""The register a new entity gets from one ``ui.homes`` entry: ``generic_register``."""

from __future__ import annotations

from datetime import date

import pytest

from itsms_tui.domain.suppliers import Dispute, Supplier
from itsms_tui.ui import homes
from itsms_tui.ui.homes import HOME_OF, Home, plan_tabs
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import Context, generic_register
from itsms_tui.ui.screens.plan import PlanScreen
from tests.compliance.builders import healthy
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)

TODAY = date(2025, 6, 16)


def test_a_generic_register_lists_every_record_with_id_title_and_status() -> None:
    data = healthy()
    register = generic_register(Dispute)
    rows = register.rows(Context(data, TODAY))
    assert [row.record.id for row in rows] == [d.id for d in data.all(Dispute)]
    assert [c.label for c in register.columns] == ["Id", "Dispute", "Status"]
    first = rows[0]
    assert [c.plain(first) for c in register.columns] == [
        "DSP-0001",
        "Invoice for unused capacity",
        "resolved",
    ]
    assert register.tab_title == "Disputes"
    assert register.empty == "No disputes yet: n adds one"


def test_a_generic_detail_shows_every_field_by_its_title_references_by_name() -> None:
    data = healthy()
    dispute = data.all(Dispute)[0]
    supplier = data.get_as(Supplier, dispute.supplier_id)
    assert supplier is not None
    out = DetailBuilder()
    generic_register(Dispute).detail(
        generic_register(Dispute).rows(Context(data, TODAY))[0], Context(data, TODAY), out
    )
    lines = out.as_text().plain.splitlines()
    assert lines[0] == f"{dispute.id}  {dispute.title}"
    assert f"Supplier: {supplier.display}" in lines
    assert "Raised on: 2025-04-01" in lines
    assert "Status: resolved" in lines
    assert "Agreement: —" in lines
    assert not any(line.startswith(("Revision", "Id:", "Created")) for line in lines)


def test_every_plan_tab_is_a_home_with_a_register() -> None:
    tabs = [home.tab for home in plan_tabs()]
    assert tabs == [
        "objectives",
        "processes",
        "resources",
        "risks",
        "changes",
        "services",
        "people",
        "customers",
    ]
    assert HOME_OF["activities"].register is None and HOME_OF["activities"].parent is not None


async def test_a_home_with_a_generic_register_is_a_working_plan_tab(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What a new entity's one ``Home`` line gives: a Plan tab with its rows and detail."""
    extra = Home("disputes", "plan", tab="disputes", register=generic_register(Dispute))
    monkeypatch.setattr(homes, "HOMES", (*homes.HOMES, extra))
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
        assert tab.id == "disputes" and screen.focused is tab.register
        first = app.data.all(Dispute)[0]
        assert tab.register.cursor_key == first.id
        assert f"{first.id}  {first.title}" in str(tab.detail_text.render())
        assert "Disputes" in screen_text(app)
