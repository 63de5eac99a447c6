"""The conflict dialog: someone saved the record since this edit began.

It shows the stored version beside the user's, field by field, and offers to reload
(drop the edit) or to retry (edit again on top of the stored revision, with the
user's values prefilled). It never writes anything by itself.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from itsms_tui.domain.record import Record

_META = {"id", "revision", "created_at", "updated_at"}


class ConflictChoice(StrEnum):
    RELOAD = "reload"
    RETRY = "retry"


def shown_value(value: Any) -> str:
    """A field value as one readable line (lists joined, enums by value, None as —)."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "; ".join(shown_value(v) for v in value)
    if hasattr(value, "model_dump"):
        return ", ".join(f"{k} {shown_value(v)}" for k, v in value.model_dump().items())
    return str(getattr(value, "value", value)).replace("\n", " ⏎ ")


def differences(stored: Record | None, mine: Record) -> list[tuple[str, str, str]]:
    """(field title, stored value, my value) for every field that differs."""
    out: list[tuple[str, str, str]] = []
    for name, info in type(mine).model_fields.items():
        if name in _META:
            continue
        theirs = getattr(stored, name) if stored is not None else None
        ours = getattr(mine, name)
        if theirs != ours:
            out.append((info.title or name, shown_value(theirs), shown_value(ours)))
    return out


class ConflictScreen(ModalScreen[ConflictChoice]):
    """Stored version vs yours; ``r`` reload (drop yours), ``t`` retry on the stored version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,escape", "reload", "Reload (drop my edit)", id="conflict.reload"),
        Binding("t", "retry", "Retry my edit on the new version", id="conflict.retry"),
    ]

    DEFAULT_CSS = """
    ConflictScreen {
        align: center middle;
        & > Vertical {
            width: 100%;
            max-width: 100;
            height: auto;
            max-height: 100%;
            border: thick $warning;
            background: $panel;
            padding: 0 1;
        }
        & #conflict-title {
            text-style: bold;
        }
        & VerticalScroll {
            height: auto;
            max-height: 14;
            margin: 1 0;
        }
        & #conflict-buttons {
            height: auto;
        }
        & #conflict-buttons Button {
            margin-right: 2;
        }
    }
    """

    def __init__(self, mine: Record, stored: Record | None) -> None:
        super().__init__()
        self.mine = mine
        self.stored = stored

    def compose(self) -> ComposeResult:
        stored = self.stored
        with Vertical():
            if stored is None:
                title = f"{self.mine.display} was deleted by someone else meanwhile."
            else:
                title = (
                    f"{stored.display} was changed by someone else "
                    f"(now revision {stored.revision}; your edit started from "
                    f"revision {self.mine.revision}). Nothing was overwritten."
                )
            yield Static(Text(title), id="conflict-title")
            with VerticalScroll(can_focus=False):
                rows = differences(stored, self.mine)
                if not rows:
                    yield Static(Text("Your values equal the stored ones."))
                for title_, theirs, ours in rows:
                    yield Static(
                        Text.assemble(
                            (title_, "bold"),
                            "\n  stored: ",
                            theirs,
                            "\n  yours:  ",
                            ours,
                        ),
                        classes="conflict-field",
                    )
            with Horizontal(id="conflict-buttons"):
                yield Button("Reload (r)", id="reload", variant="primary", compact=True)
                if stored is not None:
                    yield Button("Retry on new version (t)", id="retry", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reload", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "retry":
            self.action_retry()
        else:
            self.action_reload()

    def action_reload(self) -> None:
        self.dismiss(ConflictChoice.RELOAD)

    def action_retry(self) -> None:
        if self.stored is not None:
            self.dismiss(ConflictChoice.RETRY)
