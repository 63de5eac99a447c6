"""A main area that is not built yet: says so instead of leaving the key dead."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from itsms_tui.ui.screens.base import MainScreen


class PlaceholderScreen(MainScreen):
    """Stands in for an area (Plan, Compliance) until its own screen module exists."""

    def __init__(self, mode: str, title: str, explanation: str) -> None:
        super().__init__()
        self.mode = mode
        self.area_title = title
        self.explanation = explanation

    def compose(self) -> ComposeResult:
        from textual.widgets import Footer

        from itsms_tui.ui.widgets.status_header import StatusHeader

        yield StatusHeader(self.mode)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield Static(f"{self.area_title}\n\n{self.explanation}", markup=False, id="placeholder")
