"""Status colours as a 16-colour terminal gets them: amber must not turn into a red.

Textual turns ANSI colour names into its theme's RGB values and Rich then picks the
nearest of the 16 standard colours for a ``TERM=xterm`` terminal; these tests take the
styles of what is painted on the Overview (the KPI line: ✖ red ▲ amber ● green ○ grey)
and apply that same downgrade, in the dark and the light theme.
"""

from __future__ import annotations

import pytest
from rich.color import Color, ColorSystem
from rich.style import Style

from itsms_tui.ui.app import ItsmsApp
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
)

SYMBOL_OF = {"red": "✖", "amber": "▲", "green": "●", "grey": "○"}
STANDARD_FAMILY = {"red": {1, 9}, "amber": {3, 11}, "green": {2, 10}}
"""The 16-colour indexes that read as each status (normal or bright)."""


def kpi_line_styles(app: ItsmsApp) -> dict[str, Style]:
    """The painted style of each status on the Overview's KPI line."""
    for strip in app.screen._compositor.render_strips():
        if "KPIs:" not in strip.text:
            continue
        found: dict[str, Style] = {}
        for segment in strip:
            for status, symbol in SYMBOL_OF.items():
                if segment.text.startswith(symbol) and segment.style is not None:
                    found[status] = segment.style
        return found
    raise AssertionError("no KPI line on the Overview")


def sixteen(color: Color | None) -> int:
    assert color is not None
    number = color.downgrade(ColorSystem.STANDARD).number
    assert number is not None
    return number


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_red_amber_and_green_stay_three_colours_in_16_colours(theme: str) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = theme
        await settle(pilot)
        styles = kpi_line_styles(app)
        assert set(styles) == set(SYMBOL_OF)
        colours = {status: sixteen(styles[status].color) for status in STANDARD_FAMILY}
        for status, family in STANDARD_FAMILY.items():
            assert colours[status] in family, (status, colours)
        assert len(set(colours.values())) == 3

        truecolour = {status: styles[status].color for status in STANDARD_FAMILY}
        assert len({c.get_truecolor() for c in truecolour.values() if c}) == 3
        assert styles["red"].bold  # apart from the symbol, red differs in weight too
        assert styles["grey"].dim or sixteen(styles["grey"].color) in {7, 8}


def marker_styles(app: ItsmsApp, *words: str) -> dict[str, Style]:
    """The painted style of the first segment holding each of ``words``."""
    found: dict[str, Style] = {}
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            for word in words:
                if word in segment.text and word not in found and segment.style is not None:
                    found[word] = segment.style
    return found


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_over_and_full_loads_are_red_and_amber_in_16_colours(theme: str) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = theme
        await pilot.press("2")
        await settle(pilot)
        for _ in range(2):  # Objectives -> Processes -> Resources
            await pilot.press("right_square_bracket")
            await settle(pilot)
        styles = marker_styles(app, "✖ over", "full")
        assert set(styles) == {"✖ over", "full"}
        assert sixteen(styles["✖ over"].color) in STANDARD_FAMILY["red"]
        assert sixteen(styles["full"].color) in STANDARD_FAMILY["amber"]
        assert styles["✖ over"].bold


def test_every_marker_of_the_theme_is_a_fixed_colour_of_its_own_family() -> None:
    """No marker may be an ANSI name (the theme would remap it): each is truecolour, and
    late / over read red, full amber, and the four risk bands stay four colours."""
    from rich.color import ColorType

    from itsms_tui.domain.risk_rating import RiskBand
    from itsms_tui.ui.theme import PALETTE, STYLES

    coloured = {
        "late": PALETTE.late,
        "over": PALETTE.over,
        "full": PALETTE.full,
        **{f"band {band.value}": style for band, style in PALETTE.bands.items()},
        **{status: Style.parse(STYLES[status]) for status in STANDARD_FAMILY},
    }
    for name, style in coloured.items():
        assert style.color is not None and style.color.type is ColorType.TRUECOLOR, name
    assert sixteen(PALETTE.late.color) in STANDARD_FAMILY["red"]
    assert sixteen(PALETTE.over.color) in STANDARD_FAMILY["red"]
    assert sixteen(PALETTE.full.color) in STANDARD_FAMILY["amber"]
    assert PALETTE.late == Style.parse(STYLES["red"])  # late is the red of a red KPI
    bands = {sixteen(PALETTE.bands[band].color) for band in RiskBand}
    assert len(bands) == len(RiskBand)
