"""`I`: import a register from a CSV or XLSX file — path, register, mapping and preview.

The same services as ``itsms-tui import FILE.csv --collection NAME`` plan and apply the
import, so the screen shows exactly the CLI's preview (column mapping, unknown columns,
what each row creates or updates, row errors) and saves in one audited transaction.
File reading and saving run in workers owned by the app; this screen only shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from itsms_tui.services.spreadsheet_columns import IMPORT_COLLECTIONS
from itsms_tui.services.spreadsheet_import import ImportPlan, preview_lines
from itsms_tui.ui.widgets.ordered_input import OrderedInput


class SpreadsheetImportScreen(ModalScreen[int | None]):
    """Enter in the path previews; the Import button saves; Escape closes.

    ``preview(path, collection)`` and ``apply(plan)`` start the work; their owner calls
    back ``show_plan(plan)``, ``show_error(message)`` or ``applied(count)``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="sheet_import.cancel"),
    ]

    DEFAULT_CSS = """
    SpreadsheetImportScreen {
        align: center middle;
        & > Vertical {
            width: 90;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & .title { text-style: bold; }
        & #sheet-preview-box { height: auto; max-height: 12; }
        & #sheet-error { color: $text-error; }
        & Horizontal { height: auto; }
        & Select { width: 24; }
        & Button { width: auto; }
    }
    """

    def __init__(
        self,
        preview: Callable[[Path, str], None],
        apply: Callable[[ImportPlan], None],
    ) -> None:
        super().__init__()
        self.preview = preview
        self.apply = apply
        self.plan: ImportPlan | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Import a register from a spreadsheet", classes="title", markup=False)
            yield Static(
                "CSV or XLSX file (Enter previews; Tab to Import; Esc closes):", markup=False
            )
            yield OrderedInput("", placeholder="suppliers.csv", id="sheet-path")
            with Horizontal():
                yield Select(
                    [(name, name) for name in IMPORT_COLLECTIONS],
                    value=IMPORT_COLLECTIONS[0],
                    allow_blank=False,
                    id="sheet-collection",
                )
                yield Button("Import", id="sheet-apply", disabled=True)
            with VerticalScroll(id="sheet-preview-box"):
                yield Static("", id="sheet-preview", markup=False)
            yield Static("", id="sheet-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#sheet-path", Input).focus()

    def _collection(self) -> str:
        value = self.query_one("#sheet-collection", Select).value
        return str(value) if isinstance(value, str) else IMPORT_COLLECTIONS[0]

    @on(Input.Submitted, "#sheet-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if self.busy:
            return
        if not text:
            self.show_error("Type the path of a .csv or .xlsx file.")
            return
        self.busy = True
        self.plan = None
        self.query_one("#sheet-apply", Button).disabled = True
        self.query_one("#sheet-error", Static).update("Reading…")
        self.preview(Path(text).expanduser(), self._collection())

    @on(Select.Changed, "#sheet-collection")
    def _collection_changed(self) -> None:
        self.plan = None
        self.query_one("#sheet-apply", Button).disabled = True

    def show_plan(self, plan: ImportPlan) -> None:
        """The preview: mapping, rows and errors; Import is enabled when there are none."""
        self.busy = False
        self.plan = plan
        self.query_one("#sheet-preview", Static).update(Text("\n".join(preview_lines(plan))))
        button = self.query_one("#sheet-apply", Button)
        writes = len(plan.writes())
        button.disabled = bool(plan.errors) or not writes
        button.label = f"Import {writes} record(s)"
        if plan.errors:
            shown = [e.line(f"{len(plan.errors)} row error(s)") for e in plan.errors[:4]]
            if len(plan.errors) > 4:
                shown.append(f"... and {len(plan.errors) - 4} more")
            shown.append("Nothing was imported: fix the file and press Enter again.")
            self.query_one("#sheet-error", Static).update(Text("\n".join(shown)))
        elif not writes:
            self.query_one("#sheet-error", Static).update(
                "Nothing to import: every row is unchanged."
            )
        else:
            self.query_one("#sheet-error", Static).update("")
            button.focus()

    @on(Button.Pressed, "#sheet-apply")
    def _apply(self, event: Button.Pressed) -> None:
        event.stop()
        if self.plan is None or self.busy or self.plan.errors:
            return
        self.busy = True
        self.query_one("#sheet-error", Static).update("Saving…")
        self.apply(self.plan)

    def applied(self, count: int) -> None:
        self.busy = False
        self.dismiss(count)

    def show_error(self, message: str) -> None:
        self.busy = False
        self.query_one("#sheet-error", Static).update(Text(message))
        self.query_one("#sheet-path", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
