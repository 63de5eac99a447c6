"""The app's one presentation vocabulary: status words, symbols and colours, date and load markers.

Status never relies on colour alone: ● green / ▲ amber / ✖ red / ○ grey, with the word
beside the symbol, readable in a 16-colour terminal and with NO_COLOR.

Every colour is a fixed RGB value, never an ANSI name. Under Textual's default (non-ANSI)
themes an ANSI name is first turned into the theme's RGB value (``App.ansi_theme_dark``
is Monokai: "yellow" is orange #fd971f, "red" is pink #f4005f); a 16-colour terminal then
gets Rich's nearest standard colour, which made amber bright red and red magenta (and,
in the light theme's Alabaster palette, red and amber both yellow). These values map to
green, yellow and bright red in 16 colours, to distinct colours of the 256-colour cube,
and read on both the dark and the light theme's background. The plan's markers (late,
over-allocated, full, risk bands) take the same values, so "late" is the red of a red
KPI everywhere and "full" is its amber.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.style import Style
from rich.text import Text

from itsms_tui.domain.capacity import ResourceLoad
from itsms_tui.domain.risk_rating import RiskBand
from itsms_tui.services.plan_timeline import Cell
from itsms_tui.services.register_rows import Urgency
from itsms_tui.ui.forms.values import format_number
from itsms_tui.ui.status_marks import (
    AMBER,
    EMPTY,
    GREEN,
    LATE,
    RED,
    STYLES,
    SYMBOLS,
    rag_text,
)

__all__ = ["AMBER", "EMPTY", "GREEN", "LATE", "RED", "STYLES", "SYMBOLS", "rag_text"]

BAND_LETTERS: dict[RiskBand, str] = {
    RiskBand.LOW: "L",
    RiskBand.MEDIUM: "M",
    RiskBand.HIGH: "H",
    RiskBand.CRITICAL: "C",
}

BAND_COLOURS: dict[RiskBand, str] = {
    RiskBand.LOW: "#2aa02a",
    RiskBand.MEDIUM: "#fdd835",
    RiskBand.HIGH: "#ff5722",
    RiskBand.CRITICAL: "#c62828",
}
"""Green, yellow, orange, red: chosen so that a 16-colour terminal gets green, bright
yellow, bright red and red (Rich's nearest colours), four different colours."""


@dataclass(frozen=True)
class Palette:
    """Rich styles of the markers beside dates, loads and risk bands (fixed RGB, see above).

    A 16-colour terminal gets the nearest colours; NO_COLOR drops them and the words stay.
    """

    late: Style = Style.parse(STYLES["red"])
    over: Style = Style.parse(STYLES["red"])
    full: Style = Style.parse(STYLES["amber"])
    muted: Style = Style.parse("dim")
    heading: Style = Style.parse("bold")
    """Record headings, section titles and ``→`` links of a detail."""
    title: Style = Style.parse("bold reverse")
    """A detail pane's title bar."""
    label: Style = Style.parse("bold")
    empty: Style = Style.parse("dim italic")
    """Notes such as "none recorded" where a list has no items."""
    bands: dict[RiskBand, Style] = field(
        default_factory=lambda: {
            RiskBand.LOW: Style.parse(BAND_COLOURS[RiskBand.LOW]),
            RiskBand.MEDIUM: Style.parse(BAND_COLOURS[RiskBand.MEDIUM]),
            RiskBand.HIGH: Style.parse(f"bold {BAND_COLOURS[RiskBand.HIGH]}"),
            RiskBand.CRITICAL: Style.parse(f"bold {BAND_COLOURS[RiskBand.CRITICAL]}"),
        }
    )


PALETTE = Palette()


def due_text(
    due: date | None, overdue: bool, palette: Palette = PALETTE, *, align: bool = True
) -> Text:
    """``✖ 2025-01-10`` in the late style when overdue, else the date (``align``: under it)."""
    if due is None:
        return Text("")
    if overdue:
        return Text(f"{LATE} {due.isoformat()}", style=palette.late)
    return Text(f"  {due.isoformat()}" if align else due.isoformat())


def overdue_note(due: date | None, overdue: bool, today: date, palette: Palette = PALETTE) -> Text:
    """``  overdue by 3 days`` in the late style (empty unless overdue)."""
    if not overdue or due is None:
        return Text("")
    return Text(f"  overdue by {days_word((today - due).days)}", style=palette.late)


def band_text(score: int, band: RiskBand, palette: Palette = PALETTE) -> Text:
    """``20 critical`` in the band's colour."""
    return Text(f"{score:>2} {band.value}", style=palette.bands[band])


def load_text(load: ResourceLoad, palette: Palette = PALETTE) -> Text:
    """``125% ✖ over`` (over-allocated), ``100% full``, or just the percentage."""
    percent = f"{load.percent:.0f}%"
    if load.over_allocated:
        return Text(f"{percent} {LATE} over", style=palette.over)
    if load.allocated >= load.capacity:
        return Text(f"{percent} full", style=palette.full)
    return Text(percent)


def amount(value: float, unit: str) -> str:
    """``2.5 FTE``: a number without a needless ``.0``, then the unit."""
    return f"{format_number(value)} {unit}".strip()


def days_word(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def urgency_text(day: date | None, urgency: Urgency, extra: str = "") -> Text:
    """``✖ 2026-02-14`` red when urgent, ``▲`` amber when soon, plain later, ``—`` for none."""
    if day is None or urgency is Urgency.NONE:
        return Text("—", style="dim")
    shown = f"{day.isoformat()}{extra}"
    if urgency is Urgency.URGENT:
        return Text(f"✖ {shown}", style=STYLES["red"])
    if urgency is Urgency.SOON:
        return Text(f"▲ {shown}", style=STYLES["amber"])
    return Text(f"  {shown}")


TIMELINE_MARKS: dict[Cell, str] = {
    Cell.EMPTY: " ",
    Cell.PLANNED: "█",
    Cell.BLOCKED: "▒",
    Cell.FINISHED: "░",
    Cell.LATE: LATE,
    Cell.MILESTONE: "◆",
}
"""The plan timeline's cells: a different glyph for each, so they read without colour."""
TIMELINE_STYLES: dict[Cell, str] = {
    Cell.EMPTY: "",
    Cell.PLANNED: "#3b78ff",
    Cell.BLOCKED: AMBER,
    Cell.FINISHED: "dim",
    Cell.LATE: STYLES["red"],
    Cell.MILESTONE: "bold",
}
TODAY_MARK = "│"
BLOCKED_MARK = SYMBOLS["amber"]
"""Before a blocked activity's name (a late one gets ``LATE``)."""
