"""Small modal dialogs: a yes/no question and an explanation of why something is blocked.

Both show their text literally (record names and ids come from users), so a question
such as ``Delete [/x]?`` is displayed exactly as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

_DIALOG_CSS = """
    align: center middle;
    & > #dialog {
        width: 64;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        background: $panel;
        border: thick $primary;
    }
    & #title {
        text-style: bold;
        width: auto;
        max-width: 100%;
    }
    & #details {
        height: auto;
        max-height: 12;
        margin-top: 1;
    }
    & #details > Static {
        width: 100%;  /* wrap long lines (a record name in the question) instead of cutting */
        height: auto;
    }
    & #buttons {
        height: auto;
        width: auto;
        margin-top: 1;
    }
    & #buttons Button {
        margin-right: 2;
    }
"""


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True (y, Enter) or False (n, Escape).

    Push it with a callback, e.g.
    ``self.app.push_screen(ConfirmScreen("Delete SUP-0003?"), on_answer)``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Yes", id="confirm.yes"),
        Binding("n", "cancel", "No", id="confirm.no"),
        Binding("escape", "cancel", "Cancel", id="confirm.cancel"),
    ]

    DEFAULT_CSS = "ConfirmScreen {" + _DIALOG_CSS + "}"

    def __init__(
        self,
        question: str,
        explanation: Sequence[str] = (),
        *,
        confirm_label: str = "Yes",
        cancel_label: str = "No",
    ) -> None:
        """Build the dialog.

        Args:
            question: The question, literal text (e.g. "Discard your changes?").
            explanation: Extra lines under the question, literal text.
            confirm_label: Label of the button that answers yes (Enter presses it).
            cancel_label: Label of the button that answers no.
        """
        super().__init__()
        self.question = question
        self.explanation = tuple(explanation)
        self.confirm_label = confirm_label
        self.cancel_label = cancel_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="title", markup=False)
            if self.explanation:
                with VerticalScroll(id="details", can_focus=False):
                    for line in self.explanation:
                        yield Static(line, markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self.confirm_label} (y)", id="confirm", variant="primary")
                yield Button(f"{self.cancel_label} (n)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class MessageScreen(ModalScreen[None]):
    """Explain something (typically why an action is blocked); any of Enter/Escape/q closes.

    e.g. ``MessageScreen("SUP-0003 cannot be deleted", ["AGR-0004 refers to it"])``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="message.close"),
        Binding("q", "close", "Close", show=False, id="message.close_q"),
    ]

    DEFAULT_CSS = "MessageScreen {" + _DIALOG_CSS + "}"

    def __init__(self, message: str, explanation: Sequence[str] = (), *, title: str = "") -> None:
        """Build the dialog.

        Args:
            message: The main sentence, literal text.
            explanation: Extra lines (e.g. the records that block a delete), literal text.
            title: Optional first line above the message (e.g. "Cannot delete").
        """
        super().__init__()
        self.message = message
        self.explanation = tuple(explanation)
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            if self.heading:
                yield Static(self.heading, id="title", markup=False)
                yield Static(self.message, markup=False)
            else:
                yield Static(self.message, id="title", markup=False)
            if self.explanation:
                with VerticalScroll(id="details", can_focus=False):
                    for line in self.explanation:
                        yield Static(line, markup=False)
            with Horizontal(id="buttons"):
                yield Button("OK", id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
