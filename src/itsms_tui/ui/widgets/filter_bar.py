"""The `/` filter line above a register: filters as you type, Enter keeps, Escape clears.

It is a line in the layout (not docked: a bar docked at the bottom hides under the
footer), so the text being typed is always on screen, and a kept filter stays on screen
as ``Filter: words — esc clears``: a shortened register never looks like the whole one.
Any area can place one; it only posts ``FilterBar.Changed`` and knows nothing of tables.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Static

from itsms_tui.ui.quiet_updates import set_class
from itsms_tui.ui.widgets.ordered_input import OrderedInput

KEPT_HINT = " — esc clears, / edits"


def kept_text(text: str) -> Text:
    """The line a kept filter shows (the user's words literally)."""
    return Text.assemble(("Filter: ", "bold"), (text, "bold"), KEPT_HINT)


class FilterBar(Horizontal):
    """Hidden until ``open()``; then the input line; after Enter, the kept filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear filter", id="filter.clear"),
    ]

    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open, &.-kept {
            display: block;
        }
        & > .filter-prompt {
            width: auto;
            padding: 0 1;
            text-style: bold;
        }
        & > Input {
            width: 1fr;
        }
        & > .filter-kept {
            width: 1fr;
            padding: 0 1;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        &.-kept > .filter-prompt, &.-kept > Input, &.-open > .filter-kept {
            display: none;
        }
    }
    """

    class Changed(Message):
        """The filter text changed (``done``: the user pressed Enter or Escape)."""

        def __init__(self, text: str, done: bool = False) -> None:
            super().__init__()
            self.text = text
            self.done = done

    def compose(self) -> ComposeResult:
        yield Label("Filter /", classes="filter-prompt")
        yield OrderedInput(placeholder="type to filter; Enter keeps, Esc clears", compact=True)
        yield Static("", markup=False, classes="filter-kept")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def text(self) -> str:
        return self.input.value if self.is_mounted else ""

    @property
    def kept(self) -> bool:
        """A filter is on and the input is closed (Escape on the register clears it)."""
        return self.has_class("-kept")

    def open(self) -> None:
        """Show the input line and focus it, keeping what was typed before."""
        self.remove_class("-kept")
        self.add_class("-open")
        self.input.focus()

    def reset(self) -> None:
        """Forget the filter and hide the bar, without a message (the owner cleared it)."""
        self.input.value = ""
        self.remove_class("-open", "-kept")

    def action_clear(self) -> None:
        self.reset()
        self.post_message(self.Changed("", done=True))

    def _keep(self, text: str) -> None:
        """Close the input: a filter with words stays shown, an empty one hides the bar."""
        self.remove_class("-open")
        if text.strip():
            self.query_one(".filter-kept", Static).update(kept_text(text))
        set_class(self, bool(text.strip()), "-kept")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._keep(event.value)
        self.post_message(self.Changed(event.value, done=True))

    def on_descendant_focus(self) -> None:
        """The input got the focus back (e.g. the terminal regained it): show it again."""
        self.remove_class("-kept")
        self.add_class("-open")

    @on(Input.Blurred)
    def _blurred(self, event: Input.Blurred) -> None:
        """Focus moved away without Enter (Tab, a click): the filter stays on, so say so."""
        event.stop()
        if self.has_class("-open"):
            self._keep(event.value)
