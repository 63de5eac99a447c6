"""Status words with symbols and colours, so status never relies on colour alone.

● green / ▲ amber / ✖ red / ○ grey, with the word beside the symbol: readable in a
16-colour terminal and with NO_COLOR.
"""

from __future__ import annotations

from rich.text import Text

from itsms_tui.domain.enums import KpiStatus

SYMBOLS: dict[str, str] = {"green": "●", "amber": "▲", "red": "✖", "grey": "○"}
STYLES: dict[str, str] = {
    "green": "green",
    "amber": "yellow",
    "red": "bold red",
    "grey": "dim",
}


def rag_text(status: str | KpiStatus, word: str | None = None) -> Text:
    """``● green`` in green (``word`` replaces the status name, e.g. "late")."""
    key = str(getattr(status, "value", status))
    return Text(f"{SYMBOLS.get(key, '?')} {word or key}", style=STYLES.get(key, ""))


def symbol_text(status: str | KpiStatus) -> Text:
    key = str(getattr(status, "value", status))
    return Text(SYMBOLS.get(key, "?"), style=STYLES.get(key, ""))
