"""The first question for a new change: which kind, starting in which allowed state.

Only the pairs in ``INITIAL_STATES`` are offered, so the change form itself never shows a
status field and a change can never be recorded in a state its kind cannot start in.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from itsms_tui.domain.changes import INITIAL_STATES
from itsms_tui.domain.enums import ChangeKind, ChangeStatus

Start = tuple[ChangeKind, ChangeStatus]

_HINTS: dict[Start, str] = {
    (ChangeKind.NORMAL, ChangeStatus.DRAFT): "draft, then submit, assess, approve",
    (ChangeKind.STANDARD, ChangeStatus.APPROVED): "pre-approved: recorded as approved",
    (ChangeKind.STANDARD, ChangeStatus.DRAFT): "draft, then the normal steps",
    (ChangeKind.EMERGENCY, ChangeStatus.DRAFT): "draft; may be approved right after submitting",
    (ChangeKind.EMERGENCY, ChangeStatus.SUBMITTED): "recorded as submitted",
    (ChangeKind.UNPLANNED, ChangeStatus.IMPLEMENTED): "already done: recorded as implemented, "
    "to be reviewed",
}


def starts() -> list[Start]:
    """Every (kind, initial state) a new change may have, normal first."""
    order = [ChangeKind.NORMAL, ChangeKind.STANDARD, ChangeKind.EMERGENCY, ChangeKind.UNPLANNED]
    return [(kind, state) for kind in order for state in INITIAL_STATES[kind]]


def label(start: Start) -> Text:
    kind, state = start
    hint = _HINTS.get(start, f"starts as {state.value}")
    return Text.assemble((f"{kind.value.capitalize()} change", "bold"), f" — {hint}")


class NewChangeScreen(ModalScreen[Start | None]):
    """Pick the kind of a new change and its starting state; dismisses with the pair or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="new_change.cancel"),
        Binding("j", "down", "Down", show=False, id="new_change.down"),
        Binding("k", "up", "Up", show=False, id="new_change.up"),
    ]

    DEFAULT_CSS = """
    NewChangeScreen {
        align: center middle;
        & > #new-change-dialog {
            width: auto;
            min-width: 50;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & #new-change-title { text-style: bold; }
        & OptionList { height: auto; max-height: 12; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.starts = starts()

    def compose(self) -> ComposeResult:
        with Vertical(id="new-change-dialog"):
            yield Static("New change: which kind?", id="new-change-title", markup=False)
            yield OptionList(
                *(Option(label((k, s)), id=f"{k.value}-{s.value}") for k, s in self.starts),
                id="new-change-options",
            )
            yield Static("Enter choose · Esc cancel", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.starts[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
