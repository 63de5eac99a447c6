"""`e`: ask where to write the TOML snapshot (the write itself runs in a worker); the
same prompt asks where to write the evidence pack (`r` on the overview).

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

from itsms_tui.services.errors import describe
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
        label: str = "Write it to (Enter exports, Esc cancels):",
        target: str = "file",
        busy: str = "Writing…",
        not_done: str = "Not exported",
    ) -> None:
        """``write`` gets the path; the texts let other path prompts (compare, the evidence
        pack) reuse it: what it asks for, the ``target`` noun, the busy and failure words."""
        super().__init__()
        self.suggestion = suggestion
        self.write = write
        self.texts = (title, label, target, not_done)
        self.writing = False
        self._done: Path | None = None
        self.busy = busy

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.texts[0], classes="title", markup=False)
            yield Static(self.texts[1], markup=False)
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
            self.show_error(f"Type a {self.texts[2]} name.")
            return
        self.writing = True
        self.query_one("#export-error", Static).update(self.busy)
        self.write(Path(text).expanduser())

    def show_progress(self, step: str) -> None:
        """A step of a long write, under the path (``Writing… checking the clauses``)."""
        if self.writing:
            self.query_one("#export-error", Static).update(f"{self.busy} {step}")

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
        self.query_one("#export-error", Static).update(f"{self.texts[3]}: {message}")
        self.query_one(Input).focus()

    def job_failed(self, error: BaseException) -> bool:
        """A worker's failure handler: shown under the path while the prompt is open; once
        it was cancelled, False lets the app say it the usual way."""
        if not self.is_attached:
            return False
        self.show_error(describe(error))
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)
