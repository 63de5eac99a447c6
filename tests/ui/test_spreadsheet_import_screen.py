"""`I`: a supplier sheet with a BOM and semicolons, previewed then imported from the TUI."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input

from itsms_tui.domain.suppliers import Supplier
from itsms_tui.ui.screens.spreadsheet_import import SpreadsheetImportScreen
from tests.ui.shell_support import (
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)

FIXTURES = Path(__file__).parents[1] / "exchange" / "fixtures"


async def test_preview_then_import_adds_the_suppliers() -> None:
    app = demo_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        before = len(app.workspace.data().all(Supplier))
        await pilot.press("I")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SpreadsheetImportScreen)
        screen.query_one("#sheet-path", Input).value = str(
            FIXTURES / "suppliers_excel_semicolon_bom.csv"
        )
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert '"Criticality tier" -> criticality' in text
        assert 'unknown columns (ignored): "Colour"' in text
        assert 'row 4: create "Nordlicht; Reinigung"' in text
        button = screen.query_one("#sheet-apply", Button)
        assert not button.disabled and screen.focused is button
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SpreadsheetImportScreen)
        names = {s.name for s in app.workspace.data().all(Supplier)}
        assert len(names) == before + 2 and "Kite Logistik GmbH" in names


async def test_row_errors_keep_import_disabled_and_save_nothing() -> None:
    app = demo_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        before = len(app.workspace.data())
        await pilot.press("I")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SpreadsheetImportScreen)
        screen.query_one("#sheet-path", Input).value = str(FIXTURES / "suppliers_with_errors.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert "row 3, criticality: must be one of" in screen_text(app)
        assert screen.query_one("#sheet-apply", Button).disabled
        screen.query_one("#sheet-path", Input).value = "/nowhere/x.csv"
        screen.query_one("#sheet-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "No such file" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.workspace.data()) == before
