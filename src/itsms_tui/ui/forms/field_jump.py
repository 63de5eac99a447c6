"""ctrl+g in a form: type part of a field's label, Enter goes to that field.

A contract has some thirty fields; Tab through them is slow. The matching is pure
(``matching_fields``): every typed word must start a word of the label (or, failing
that, appear in it), labels whose first word matches come first, then form order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from itsms_tui.ui.widgets.ordered_input import OrderedInput

FieldLabel = tuple[str, str]
"""(field name, label)."""


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


def matching_fields(fields: Sequence[FieldLabel], query: str) -> list[FieldLabel]:
    """The fields whose label matches ``query`` (see the module docstring), best first."""
    terms = _words(query)
    if not terms:
        return list(fields)
    starts: list[tuple[int, int, FieldLabel]] = []
    for index, (name, label) in enumerate(fields):
        words = _words(label)
        if all(any(w.startswith(t) for w in words) for t in terms):
            rank = 0 if words and words[0].startswith(terms[0]) else 1
        elif all(t in label.casefold() for t in terms):
            rank = 2
        else:
            continue
        starts.append((rank, index, (name, label)))
    return [field for _, _, field in sorted(starts)]


class FieldJumpScreen(ModalScreen[str | None]):
    """Pick a field of the form by typing part of its label; dismisses with its name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back to the form", id="field_jump.cancel"),
        Binding("down", "move(1)", "Next field", show=False, id="field_jump.next"),
        Binding("up", "move(-1)", "Previous field", show=False, id="field_jump.previous"),
    ]

    DEFAULT_CSS = """
    FieldJumpScreen {
        align: center middle;
        & > Vertical {
            width: 60;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & OptionList {
            height: auto;
            max-height: 12;
            border: none;
            padding: 0;
        }
    }
    """

    def __init__(self, fields: Sequence[FieldLabel]) -> None:
        super().__init__()
        self.fields = tuple(fields)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Go to field: type part of its name, Enter"), markup=False)
            yield OrderedInput(placeholder="e.g. appr for Approved on", compact=True)
            yield OptionList(markup=False, compact=True)

    def on_mount(self) -> None:
        self._refresh("")
        self.query_one(Input).focus()

    def _refresh(self, query: str) -> None:
        matches = matching_fields(self.fields, query)
        options = [Option(Text(label), id=name) for name, label in matches]
        if not options:
            options = [Option(Text("no field matches"), disabled=True)]
        option_list = self.query_one(OptionList)
        option_list.can_focus = False
        option_list.set_options(options)
        option_list.highlighted = 0 if matches else None

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._refresh(event.value)

    @on(Input.Submitted)
    def _chosen(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        count = option_list.option_count
        if count:
            current = option_list.highlighted or 0
            option_list.highlighted = max(0, min(count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
