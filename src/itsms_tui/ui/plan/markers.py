"""Words and symbols beside every colour, so status reads the same in 16 colours and NO_COLOR.

KPI status words come from ``ui.status_text`` (shared by every screen); the markers
for dates, loads and risk bands are here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.style import Style
from rich.text import Text

from itsms_tui.domain.capacity import ResourceLoad
from itsms_tui.domain.risk_rating import RiskBand
from itsms_tui.ui.forms.values import format_number

LATE = "✖"
"""Marks a date that has passed while the work is still open."""

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
    """Rich styles of the plan's markers: named ANSI colours, like ``ui.status_text``.

    Risk bands take the heat map's colours (``BAND_COLOURS``). A 16-colour terminal gets
    the nearest colours; NO_COLOR drops them and the words stay.
    """

    late: Style = Style.parse("bold red")
    over: Style = Style.parse("bold red")
    full: Style = Style.parse("yellow")
    muted: Style = Style.parse("dim")
    heading: Style = Style.parse("bold")
    label: Style = Style.parse("bold")
    bands: dict[RiskBand, Style] = field(
        default_factory=lambda: {
            RiskBand.LOW: Style.parse(BAND_COLOURS[RiskBand.LOW]),
            RiskBand.MEDIUM: Style.parse(BAND_COLOURS[RiskBand.MEDIUM]),
            RiskBand.HIGH: Style.parse(f"bold {BAND_COLOURS[RiskBand.HIGH]}"),
            RiskBand.CRITICAL: Style.parse(f"bold {BAND_COLOURS[RiskBand.CRITICAL]}"),
        }
    )


PALETTE = Palette()


def words(value: str) -> str:
    """An enum value as words: ``not_started`` -> ``not started``."""
    return value.replace("_", " ")


def due_text(
    due: date | None, overdue: bool, palette: Palette = PALETTE, *, align: bool = True
) -> Text:
    """``✖ 2025-01-10`` in the late style when overdue, else the date (``align``: under it)."""
    if due is None:
        return Text("")
    if overdue:
        return Text(f"{LATE} {due.isoformat()}", style=palette.late)
    return Text(f"  {due.isoformat()}" if align else due.isoformat())


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
