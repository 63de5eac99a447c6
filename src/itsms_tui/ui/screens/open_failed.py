"""Shown when the data, opened after the first frame, turns out to be unusable.

The command line would have ended with exit code 2 and one line on stderr; the TUI
shows that same line, and any key ends it with that exit code and that line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

OPEN_FAILED_EXIT = 2


class OpenFailedScreen(ModalScreen[None]):
    """The reason the data cannot be opened, until a key is pressed; then exit 2."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,ctrl+q,escape,enter", "leave", "Quit", id="open_failed.quit"),
    ]

    DEFAULT_CSS = """
    OpenFailedScreen {
        align: center middle;
        background: $background;
        & > Static {
            width: 100%;
            height: auto;
            padding: 0 2;
            text-align: center;
        }
    }
    """

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        yield Static(
            Text.assemble(
                ("The data cannot be opened.\n\n", "bold"),
                (self.message, "bold red"),
                "\n\nNothing was changed. Press any key to quit.",
            ),
            id="open-failed-message",
        )

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.action_leave()

    def action_leave(self) -> None:
        self.app.exit(return_code=OPEN_FAILED_EXIT)
