"""Shown instead of a squeezed layout while the terminal is smaller than the minimum."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH = 80
MIN_HEIGHT = 24


class TooSmallScreen(ModalScreen[None]):
    """Covers everything with one message; the app removes it once the terminal is big enough."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,ctrl+q", "app.quit", "Quit", id="too_small.quit"),
    ]

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $background;
        & > Static {
            width: 100%;
            height: auto;
            text-align: center;
            text-style: bold;
        }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            f"The terminal is too small.\n"
            f"Please enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT}.\n"
            f"(q quits)",
            markup=False,
            id="too-small-message",
        )
