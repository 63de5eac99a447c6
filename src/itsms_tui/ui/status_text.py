"""Status words with symbols and colours, so status never relies on colour alone.

● green / ▲ amber / ✖ red / ○ grey, with the word beside the symbol: readable in a
16-colour terminal and with NO_COLOR.

The colours are fixed RGB values, not ANSI names. Under Textual's default (non-ANSI)
themes an ANSI name is first turned into the theme's RGB value (``App.ansi_theme_dark``
is Monokai: "yellow" is orange #fd971f, "red" is pink #f4005f); a 16-colour terminal then
gets Rich's nearest standard colour, which made amber bright red and red magenta (and,
in the light theme's Alabaster palette, red and amber both yellow). These values map to
green, yellow and bright red in 16 colours, to distinct colours of the 256-colour cube,
and read on both the dark and the light theme's background.
"""

from __future__ import annotations

from rich.text import Text

from itsms_tui.domain.enums import KpiStatus

SYMBOLS: dict[str, str] = {"green": "●", "amber": "▲", "red": "✖", "grey": "○"}
STYLES: dict[str, str] = {
    "green": "#228b22",
    "amber": "#b37400",
    "red": "bold #f03e3e",
    "grey": "dim",
}
"""Rich style of each status (also used for dates and cells marked ▲ or ✖)."""


def rag_text(status: str | KpiStatus, word: str | None = None) -> Text:
    """``● green`` in green (``word`` replaces the status name, e.g. "late")."""
    key = str(getattr(status, "value", status))
    return Text(f"{SYMBOLS.get(key, '?')} {word or key}", style=STYLES.get(key, ""))


def symbol_text(status: str | KpiStatus) -> Text:
    key = str(getattr(status, "value", status))
    return Text(SYMBOLS.get(key, "?"), style=STYLES.get(key, ""))
