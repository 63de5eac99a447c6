"""`a` on a detail pane: choose what to add to the record shown (review, dispute, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class AddChooser(ModalScreen[str | None]):
    """A short menu: each choice has a letter; Enter or the letter picks, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="add_chooser.cancel"),
    ]

    DEFAULT_CSS = """
    AddChooser {
        align: center middle;
        & > Vertical {
            width: 50;
            height: auto;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & OptionList {
            height: auto;
            border: none;
        }
    }
    """

    def __init__(self, title: str, choices: Sequence[tuple[str, str, str]]) -> None:
        """``choices``: (letter, label, value) triples; the value is what ``dismiss`` returns."""
        super().__init__()
        self.heading = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.heading, style="bold"))
            yield OptionList(
                *(
                    Option(Text.assemble((f"{letter}  ", "bold"), label), id=value)
                    for letter, label, value in self.choices
                )
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        for letter, _label, value in self.choices:
            if event.character == letter:
                event.stop()
                self.dismiss(value)
                return

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
