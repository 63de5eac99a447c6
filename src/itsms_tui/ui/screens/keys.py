"""`?`: the keys of the current screen, read from its live bindings (one source of truth)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

TABLE_MOVES: frozenset[str] = frozenset(
    {
        "record_table.cursor_up",
        "record_table.cursor_down",
        "record_table.first",
        "record_table.last",
        "record_table.page_up",
        "record_table.page_down",
    }
)
"""A table's cursor keys: one line in the list, so a screen's own keys fit at 80x24."""


def key_lines(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, description) for the app's own bindings active on ``screen``.

    Only bindings with an id count (every binding of this app has one; Textual's
    generic scrolling and focus keys have none); the area keys make one line, and so do
    a table's cursor keys.
    """
    by_action: dict[tuple[str, str], list[str]] = {}
    areas = False
    moves = False
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not binding.id:
            continue
        if binding.id.startswith("app.area."):
            areas = True
            continue
        if binding.id in TABLE_MOVES:
            if not moves:
                moves = True
                by_action[("move", "Up/down, first/last row, page")] = ["jk gG PgUp/Dn"]
            continue
        shown = screen.app.get_key_display(binding) if binding.key_display else key
        entry = (binding.action, binding.description)
        by_action.setdefault(entry, [])
        if shown not in by_action[entry]:
            by_action[entry].append(shown)
    lines = [("/".join(keys), description) for (_, description), keys in by_action.items()]
    if areas:
        lines.append(("1-6", "Overview, Plan, Suppliers, Agreements, KPIs, Compliance"))
    lines.append(("ctrl+p", "Command palette: jump to any record by id or name"))
    return lines


class KeysScreen(ModalScreen[None]):
    """A list of the keys that work on the screen underneath; any of Escape, q or ? closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="keys.close"),
    ]

    DEFAULT_CSS = """
    KeysScreen {
        align: center middle;
        & > Vertical {
            width: 64;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & #keys-title {
            text-style: bold;
        }
        & VerticalScroll {
            height: auto;
            max-height: 20;
        }
    }
    """

    def __init__(self, lines: list[tuple[str, str]], title: str) -> None:
        super().__init__()
        self.lines = lines
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Keys: {self.heading}  (Esc closes)"), id="keys-title")
            with VerticalScroll():
                for keys, description in self.lines:
                    yield Static(Text.assemble((f"{keys:>14}", "bold"), "  ", description))
