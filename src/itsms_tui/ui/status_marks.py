"""The status symbols and colours every screen shows, apart from ``ui.theme`` so the first
screen can use them without importing the models (``theme`` re-exports them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from itsms_tui.domain.enums import KpiStatus

SYMBOLS: dict[str, str] = {"green": "●", "amber": "▲", "red": "✖", "grey": "○"}
GREEN = "#228b22"
AMBER = "#b37400"
RED = "#f03e3e"
STYLES: dict[str, str] = {
    "green": GREEN,
    "amber": AMBER,
    "red": f"bold {RED}",
    "grey": "dim",
}
"""Rich style of each status (also used for dates and cells marked ▲ or ✖)."""

EMPTY = "—"
"""Shown for a value that is not set."""

LATE = "✖"
"""Marks a date that has passed while the work is still open."""


def rag_text(status: str | KpiStatus, word: str | None = None) -> Text:
    """``● green`` in green (``word`` replaces the status name, e.g. "late")."""
    key = str(getattr(status, "value", status))
    return Text(f"{SYMBOLS.get(key, '?')} {word or key}", style=STYLES.get(key, ""))
