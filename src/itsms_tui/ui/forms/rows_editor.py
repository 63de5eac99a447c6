"""An inline table of sub-records (contacts, criteria, targets, priority times).

Generic over the row model's fields: one compact editor per sub-field, one line per row.
ctrl+n (or the Add button) adds a row, ctrl+r removes the row that has focus. The Add
button is not a Tab stop (ctrl+n is quicker); a table without rows takes focus itself,
so Tab still reaches it and ctrl+n works there. A row model may name a ``unique_field``
(a choice, e.g. the priority of response times): a new row starts at its first value
not used by another row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import BaseModel
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from itsms_tui.ui.forms.controls import make_control, read_control
from itsms_tui.ui.forms.field_specs import FieldSpec, Kind, field_specs
from itsms_tui.ui.forms.values import OMIT, empty_value
from itsms_tui.ui.quiet_updates import set_class, set_text

_WEIGHTS = {Kind.TEXT: 3, Kind.LONG_TEXT: 3}


def _weight(spec: FieldSpec) -> str:
    return f"{_WEIGHTS.get(spec.kind, 2)}fr"


def next_unused(choices: Sequence[Any], used: Sequence[Any]) -> Any | None:
    """The first of ``choices`` not in ``used`` (None when all are used)."""
    taken = set(used)
    return next((c for c in choices if c not in taken), None)


class RowEditor(Vertical):
    """One row: a compact editor per sub-field, and the row's error line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "remove_row", "Remove row", id="rows.remove"),
    ]

    class RemoveRequested(Message):
        def __init__(self, row: RowEditor) -> None:
            super().__init__()
            self.row = row

    def __init__(self, specs: Sequence[FieldSpec], values: dict[str, Any]) -> None:
        super().__init__(classes="row")
        self.specs = tuple(specs)
        self.values = values

    def compose(self) -> ComposeResult:
        with Horizontal(classes="cells"):
            for spec in self.specs:
                value = self.values.get(spec.name, empty_value(spec))
                control = make_control(spec, value, placeholder=spec.title)
                control.add_class("cell", f"cell-{spec.name}")
                control.styles.width = _weight(spec)
                yield control
        yield Static("", classes="row-error", markup=False)

    def controls(self) -> list[Widget]:
        """The cell editors, in sub-field order."""
        return list(self.query_one(".cells", Horizontal).children)

    @property
    def composed(self) -> bool:
        """False between adding the row and Textual building its cells (a validation timer
        can fire in between; until then the row is its starting values)."""
        return bool(self.query(".row-error"))

    def read(self) -> dict[str, Any]:
        """The row as a dict for the row model (empty cells left out when they have no meaning)."""
        if not self.composed:
            return {k: v for k, v in self.values.items() if v is not OMIT}
        out: dict[str, Any] = {}
        for spec, control in zip(self.specs, self.controls(), strict=True):
            value = read_control(spec, control)
            if value is not OMIT:
                out[spec.name] = value
        return out

    def show_errors(self, messages: Sequence[str], bad_cells: set[str]) -> None:
        if not self.composed:
            return  # the next validation, once the cells exist, shows them
        error = self.query_one(".row-error", Static)
        set_text(error, "; ".join(messages))
        error.display = bool(messages)
        for spec, control in zip(self.specs, self.controls(), strict=True):
            set_class(control, spec.name in bad_cells, "-invalid")

    def action_remove_row(self) -> None:
        self.post_message(self.RemoveRequested(self))


class RowsEditor(Vertical):
    """Edits a ``list[SubModel]`` field as rows of compact inputs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_row", "Add row", id="rows.add"),
    ]

    DEFAULT_CSS = """
    RowsEditor {
        height: auto;
        &:focus .rows-empty {
            color: $text;
            text-style: reverse;
        }
        & .rows-header {
            height: 1;
            color: $text-muted;
            text-style: bold;
        }
        & .rows-header > Static {
            height: 1;
            margin-right: 1;
        }
        & .rows-body {
            height: auto;
        }
        & .row {
            height: auto;
        }
        & .cells {
            height: auto;
        }
        & .cell {
            margin-right: 1;
            height: 1;
        }
        & Switch.cell {
            border: none;
            padding: 0;
        }
        & .row-error {
            display: none;
            color: $text-error;
        }
        & .rows-empty {
            color: $text-muted;
        }
        & .rows-help {
            color: $text-muted;
        }
        & .add-row {
            margin-top: 0;
        }
    }
    """

    class Changed(Message):
        """A row was added or removed."""

        def __init__(self, editor: RowsEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> RowsEditor:
            return self.editor

    def __init__(
        self,
        model: type[BaseModel],
        rows: Sequence[Any] = (),
        *,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        """Build the editor.

        Args:
            model: The row model (e.g. ``Contact``).
            rows: The initial rows: model instances or dicts of their fields.
        """
        super().__init__(id=id, classes=classes)
        self.model = model
        self.specs = tuple(field_specs(model))
        self._initial = [self._as_dict(row) for row in rows]

    @staticmethod
    def _as_dict(row: Any) -> dict[str, Any]:
        """A row model instance or a dict, as {sub-field: value} (iterating a model gives that)."""
        return dict(row)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="rows-header"):
            for spec in self.specs:
                label = Static(spec.title + (" *" if spec.required else ""), markup=False)
                label.styles.width = _weight(spec)
                yield label
        with Vertical(classes="rows-body"):
            for values in self._initial:
                yield RowEditor(self.specs, values)
        yield Static("(no rows: ctrl+n adds one)", classes="rows-empty", markup=False)
        helps = [f"{s.title}: {s.help}" for s in self.specs if s.help]
        if helps:
            yield Static("\n".join(helps), classes="rows-help", markup=False)
        add = Button("Add row (ctrl+n)", classes="add-row", compact=True)
        add.can_focus = False  # out of the Tab order: ctrl+n adds a row
        yield add

    def on_mount(self) -> None:
        self._update_empty()

    def row_editors(self) -> list[RowEditor]:
        """The rows, top to bottom."""
        return list(self.query_one(".rows-body", Vertical).query_children(RowEditor))

    def read(self) -> list[dict[str, Any]]:
        """Every row as a dict for the row model."""
        return [row.read() for row in self.row_editors()]

    def show_errors(self, rows: dict[int, list[str]], cells: set[tuple[int, str]]) -> None:
        """Show each row's messages under it and mark its invalid cells."""
        for index, row in enumerate(self.row_editors()):
            bad = {name for i, name in cells if i == index}
            row.show_errors(rows.get(index, []), bad)

    def _update_empty(self) -> None:
        empty = not self.row_editors()
        self.query_one(".rows-empty", Static).display = empty
        self.can_focus = empty  # the table itself is the Tab stop while it has no cell

    def _new_row_values(self) -> dict[str, Any]:
        """A new row's starting values: the next unused value of the model's unique field."""
        unique = getattr(self.model, "unique_field", None)
        spec = next((s for s in self.specs if s.name == unique), None)
        if spec is None or spec.kind is not Kind.CHOICE:
            return {}
        used = [row.read().get(spec.name) for row in self.row_editors()]
        value = next_unused(spec.choices, used)
        return {} if value is None else {spec.name: value}

    async def action_add_row(self) -> None:
        """Append a row with the row model's defaults and put the cursor in its first cell."""
        row = RowEditor(self.specs, self._new_row_values())
        await self.query_one(".rows-body", Vertical).mount(row)
        self._update_empty()
        controls = row.controls()
        if controls:
            controls[0].focus()
        self.post_message(self.Changed(self))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("add-row"):
            event.stop()
            await self.action_add_row()

    async def on_row_editor_remove_requested(self, event: RowEditor.RemoveRequested) -> None:
        event.stop()
        rows = self.row_editors()
        index = rows.index(event.row)
        await event.row.remove()
        self._update_empty()
        rows = self.row_editors()
        if rows:
            rows[min(index, len(rows) - 1)].controls()[0].focus()
        else:
            self.focus()
        self.post_message(self.Changed(self))
