"""`e`: ask where to write the TOML snapshot (the write itself runs in a worker)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from itsms_tui.ui.widgets.ordered_input import OrderedInput


class ExportPrompt(ModalScreen[Path | None]):
    """A path field prefilled with a suggestion; Enter exports, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    DEFAULT_CSS = """
    ExportPrompt {
        align: center middle;
        & > Vertical {
            width: 76;
            max-width: 100%;
            height: auto;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & .title {
            text-style: bold;
        }
        & #export-error {
            color: $text-error;
        }
    }
    """

    def __init__(self, suggestion: Path) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export a TOML snapshot", classes="title", markup=False)
            yield Static("Write it to (Enter exports, Esc cancels):", markup=False)
            yield OrderedInput(str(self.suggestion), id="export-path")
            yield Static("", id="export-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.query_one("#export-error", Static).update("Type a file name.")
            return
        self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
