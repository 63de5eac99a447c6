"""`e`: ask where to write the TOML snapshot (the write itself runs in a worker).

The prompt stays open until the file is written: a path that cannot be written (a
missing folder, no permission) is explained under the field, with the path still there
to correct, instead of closing and losing what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
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
    """A path field prefilled with a suggestion; Enter exports, Escape cancels.

    ``write(path)`` starts the export (in a worker); its owner then calls ``written(path)``
    or ``show_error(message)`` (the prompt stays open).
    """

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

    def __init__(
        self,
        suggestion: Path,
        write: Callable[[Path], None],
        *,
        title: str = "Export a TOML snapshot",
        lead: str = "Write it to (Enter exports, Esc cancels):",
        busy: str = "Writing…",
        failed: str = "Not exported",
    ) -> None:
        """``write`` gets the path; the texts let another path prompt (compare) reuse it."""
        super().__init__()
        self.suggestion = suggestion
        self.write = write
        self.writing = False
        self._done: Path | None = None
        self.title_text = title
        self.lead = lead
        self.busy = busy
        self.failed_text = failed

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="title", markup=False)
            yield Static(self.lead, markup=False)
            yield OrderedInput(str(self.suggestion), id="export-path")
            yield Static("", id="export-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.writing:
            return
        text = event.value.strip()
        if not text:
            self.show_error("Type a file name.")
            return
        self.writing = True
        self.query_one("#export-error", Static).update(self.busy)
        self.write(Path(text).expanduser())

    def written(self, path: Path) -> None:
        """The file is written: close (once on top again, if the size guard covers it)."""
        self._done = path
        if self.is_current:
            self.dismiss(path)

    def on_screen_resume(self) -> None:
        if self._done is not None:
            self.dismiss(self._done)

    def show_error(self, message: str) -> None:
        """The export failed: say why under the path, which stays as typed."""
        self.writing = False
        self.query_one("#export-error", Static).update(f"{self.failed_text}: {message}")
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
