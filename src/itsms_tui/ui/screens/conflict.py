"""The conflict dialog: someone saved the record since this edit began.

The edit is merged field by field with the stored version (``domain.edit_merge``):
what only one side changed is merged and listed; only a field both changed to
different values is shown with its three values (as it was, stored, yours) for the
user to pick. Reload drops the edit; retry opens the form on the stored revision with
the merged values, to review and save. It never writes anything by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static

from itsms_tui.domain.edit_merge import UNKNOWN_BASE, EditMerge, Side, merge_records
from itsms_tui.domain.record import Record


@dataclass(frozen=True, slots=True)
class ConflictOutcome:
    """Reload (``retry`` False), or retry with the merged ``content``."""

    retry: bool
    content: dict[str, Any] = field(default_factory=dict)


def shown_value(value: Any) -> str:
    """A field value as one readable line (lists joined, mappings as "key value", None as —)."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "; ".join(shown_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {shown_value(v)}" for k, v in value.items() if v not in ("", None))
    if hasattr(value, "model_dump"):
        return shown_value(value.model_dump(mode="json"))
    return str(getattr(value, "value", value)).replace("\n", " ⏎ ")


_SIDE_WORDS = {Side.BASE: "as it was", Side.THEIRS: "stored", Side.MINE: "yours"}


class ConflictScreen(ModalScreen[ConflictOutcome]):
    """The merge of a stale edit; ``r`` reload (drop the edit), ``t`` retry on the stored one."""

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
            max-height: 16;
            margin: 1 0;
        }
        & .conflict-heading {
            text-style: bold;
        }
        & RadioSet {
            width: 100%;
            border: none;
            padding: 0;
            margin-bottom: 1;
        }
        & #conflict-buttons {
            height: auto;
        }
        & #conflict-buttons Button {
            margin-right: 2;
        }
    }
    """

    def __init__(self, mine: Record, stored: Record | None, base: Record | None = None) -> None:
        """``base``: the revision the edit started from (None: unknown, every difference asks)."""
        super().__init__()
        self.mine = mine
        self.stored = stored
        self.base = base
        self.merge: EditMerge | None = (
            merge_records(base, stored, mine) if stored is not None else None
        )
        self._titles = {name: info.title or name for name, info in type(mine).model_fields.items()}

    def _title(self, name: str) -> str:
        return self._titles.get(name, name)

    def compose(self) -> ComposeResult:
        stored, merge = self.stored, self.merge
        with Vertical():
            if stored is None or merge is None:
                title = f"{self.mine.display} was deleted by someone else meanwhile."
            else:
                started = self.base.revision if self.base is not None else self.mine.revision
                title = (
                    f"{stored.display} was changed by someone else "
                    f"(now revision {stored.revision}; your edit started from "
                    f"revision {started}). Nothing was overwritten."
                )
            yield Static(Text(title), id="conflict-title")
            if merge is not None:
                with VerticalScroll(can_focus=False):
                    yield from self._merged_lines(merge)
                    yield from self._conflict_pickers(merge)
            with Horizontal(id="conflict-buttons"):
                yield Button("Reload (r)", id="reload", variant="primary", compact=True)
                if stored is not None:
                    yield Button("Retry on new version (t)", id="retry", compact=True)

    def _merged_lines(self, merge: EditMerge) -> ComposeResult:
        lines: list[Text] = []
        for name in merge.theirs_changed:
            value = shown_value(merge.theirs[name])
            lines.append(Text.assemble("  ", (self._title(name), "bold"), f": {value} (theirs)"))
        for name in merge.mine_changed:
            value = shown_value(merge.mine[name])
            lines.append(Text.assemble("  ", (self._title(name), "bold"), f": {value} (yours)"))
        if lines:
            yield Static(Text("Merged (only one side changed these):"), classes="conflict-heading")
            yield Static(Text("\n").join(lines), classes="conflict-merged")
        if merge.clean:
            yield Static(Text("No field was changed by both: retry keeps both edits."))
        else:
            count = len(merge.conflicts)
            yield Static(
                Text(f"Changed by both ({count}): pick the value to keep (↑/↓, Tab next)."),
                classes="conflict-heading",
            )

    def _conflict_pickers(self, merge: EditMerge) -> ComposeResult:
        for conflict in merge.conflicts:
            # Yours first: the cursor of a RadioSet starts on its first button.
            sides = [Side.MINE, Side.THEIRS]
            if conflict.base is not UNKNOWN_BASE:
                sides.append(Side.BASE)
            yield Static(Text(self._title(conflict.name), "bold"), classes="conflict-field")
            with RadioSet(id=f"pick-{conflict.name}"):
                for side in sides:
                    label = f"{_SIDE_WORDS[side]}: {shown_value(conflict.value(side))}"
                    yield RadioButton(
                        Content(label), value=side is Side.MINE, name=side.value, compact=True
                    )

    def picks(self) -> dict[str, Side]:
        """The value picked for each field changed by both (default: yours)."""
        out: dict[str, Side] = {}
        for radio_set in self.query(RadioSet):
            pressed = radio_set.pressed_button
            if pressed is not None and pressed.name and radio_set.id:
                out[radio_set.id.removeprefix("pick-")] = Side(pressed.name)
        return out

    def on_mount(self) -> None:
        pickers = list(self.query(RadioSet))
        if pickers:
            pickers[0].focus()
        else:
            self.query_one("#reload", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "retry":
            self.action_retry()
        else:
            self.action_reload()

    def action_reload(self) -> None:
        self.dismiss(ConflictOutcome(retry=False))

    def action_retry(self) -> None:
        if self.merge is not None:
            self.dismiss(ConflictOutcome(retry=True, content=self.merge.resolved(self.picks())))
