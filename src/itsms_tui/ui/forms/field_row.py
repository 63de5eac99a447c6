"""One field of a form: its label (with a required marker), editor, help line and errors.

The editor widget depends on the field's kind (see ``field_specs.Kind``); this module
hides the difference behind ``value()``, ``focus_target()`` and ``show_errors()`` so the
form treats every field alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static

from itsms_tui.ui.forms.controls import SIMPLE_KINDS, make_control, read_control
from itsms_tui.ui.forms.field_specs import FieldSpec, Kind
from itsms_tui.ui.forms.reference_picker import Candidates, ReferencePicker
from itsms_tui.ui.forms.rows_editor import RowsEditor
from itsms_tui.ui.forms.values import OMIT
from itsms_tui.ui.quiet_updates import set_class, set_text


class FieldRow(Horizontal):
    """Label on the left; editor, help and error messages on the right.

    A table of sub-records (``Kind.ROWS``) takes the full width, under its label.
    """

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
        margin-bottom: 1;
        & > .field-label {
            width: 22;
            height: auto;
            padding-right: 1;
            color: $text-muted;
        }
        &:focus-within > .field-label {
            color: $text;
            text-style: bold;
        }
        &:nocolor:focus-within > .field-label {
            text-style: bold reverse;
        }
        &.-error > .field-label {
            color: $text-error;
        }
        & > .field-body {
            width: 1fr;
            height: auto;
        }
        & .field-help {
            color: $text-muted;
            height: auto;
        }
        & .field-error {
            color: $text-error;
            text-style: bold;
            height: auto;
            display: none;
        }
        &.-error .field-error {
            display: block;
        }
        & TextArea.-long-text {
            height: auto;
            min-height: 3;
            max-height: 8;
        }
        & TextArea.-lines {
            height: auto;
            min-height: 2;
            max-height: 8;
        }
        &.-wide {
            layout: vertical;
            & > .field-label {
                width: 1fr;
            }
        }
    }
    """

    def __init__(
        self,
        spec: FieldSpec,
        value: Any,
        candidates: Callable[[], Candidates] | None = None,
    ) -> None:
        """Build the row.

        Args:
            spec: The field.
            value: Its current model value (or the default, for a new record).
            candidates: For a reference field: the (id, label) pairs to pick from.
        """
        super().__init__(id=f"field-{spec.name}", classes="field")
        self.spec = spec
        self._value = value
        self._candidates = candidates or (lambda: [])
        if spec.kind is Kind.ROWS:
            self.add_class("-wide")

    def compose(self) -> ComposeResult:
        spec = self.spec
        yield Static(
            spec.title + (" *" if spec.required else ""), classes="field-label", markup=False
        )
        with Vertical(classes="field-body"):
            yield self._make_editor()
            if spec.help:
                yield Static(spec.help, classes="field-help", markup=False)
            yield Static("", classes="field-error", markup=False)

    def _make_editor(self) -> Widget:
        spec = self.spec
        if spec.kind in SIMPLE_KINDS:
            control = make_control(spec, self._value)
        elif spec.kind in (Kind.REFERENCE, Kind.REFERENCES):
            value = self._value
            if isinstance(value, str):
                picked = [value]
            elif isinstance(value, list):
                picked = [str(v) for v in value]
            else:
                picked = []
            control = ReferencePicker(
                self._candidates, picked, multiple=spec.kind is Kind.REFERENCES
            )
        elif spec.kind is Kind.ROWS:
            assert spec.sub_model is not None
            control = RowsEditor(spec.sub_model, self._value or [])
        else:  # pragma: no cover - every Kind is handled above
            raise ValueError(spec.kind)
        control.add_class("field-editor")
        return control

    @property
    def editor(self) -> Widget:
        """The editor widget (Input, TextArea, Select, Switch, ReferencePicker, RowsEditor)."""
        return self.query_one(".field-editor")

    def focus_target(self) -> Widget:
        """The widget that should receive focus for this field."""
        editor = self.editor
        if isinstance(editor, ReferencePicker):
            return editor.search
        if isinstance(editor, RowsEditor):
            rows = editor.row_editors()
            if rows and rows[0].controls():
                return rows[0].controls()[0]
            return editor  # an empty table is its own Tab stop (ctrl+n adds a row)
        return editor

    def value(self) -> Any:
        """The value to validate (``OMIT``: leave the field out of the data)."""
        spec = self.spec
        editor = self.editor
        if isinstance(editor, ReferencePicker):
            chosen = editor.chosen
            if spec.kind is Kind.REFERENCES:
                return chosen
            if chosen:
                return chosen[0]
            return None if spec.optional else OMIT
        if isinstance(editor, RowsEditor):
            return editor.read()
        return read_control(spec, editor)

    def show_errors(
        self,
        messages: Sequence[str],
        rows: dict[int, list[str]] | None = None,
        cells: set[tuple[int, str]] | None = None,
    ) -> None:
        """Show messages under the editor (and, for a table, under each row)."""
        error = self.query_one(".field-error", Static)
        set_text(error, "\n".join(messages))
        editor = self.editor
        row_errors = rows or {}
        if isinstance(editor, RowsEditor):
            editor.show_errors(row_errors, cells or set())
        else:
            set_class(editor, bool(messages), "-invalid")
        set_class(self, bool(messages) or bool(row_errors), "-error")
        error.display = bool(messages)
