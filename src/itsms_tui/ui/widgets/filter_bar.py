"""The `/` filter line under a register: filters as you type, Enter keeps, Escape clears."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FilterBar(Horizontal):
    """Hidden until ``open()``; posts ``FilterBar.Changed`` on every keystroke."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear filter", id="filter.clear"),
    ]

    DEFAULT_CSS = """
    FilterBar {
        dock: bottom;
        height: 1;
        display: none;
        background: $panel;
        &.-open {
            display: block;
        }
        & > Label {
            width: auto;
            padding: 0 1;
            text-style: bold;
        }
        & > Input {
            width: 1fr;
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
        yield Label("Filter /")
        yield Input(placeholder="type to filter; Enter keeps, Esc clears", compact=True)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def text(self) -> str:
        return self.input.value if self.is_mounted else ""

    def open(self) -> None:
        """Show the bar and focus it, keeping what was typed before."""
        self.add_class("-open")
        self.input.focus()

    def action_clear(self) -> None:
        self.input.value = ""
        self.remove_class("-open")
        self.post_message(self.Changed("", done=True))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.remove_class("-open")
        self.post_message(self.Changed(event.value, done=True))
