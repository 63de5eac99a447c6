"""Screenshots of the main screens on the demo data as of a fixed day (Textual is pinned)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
)

SnapCompare = Callable[..., bool]


def after(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the data, press ``keys``, wait again."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run_before


def test_overview(snap_compare: SnapCompare) -> None:
    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=after())


def test_suppliers(snap_compare: SnapCompare) -> None:
    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=after("3", "j"))


def test_agreements(snap_compare: SnapCompare) -> None:
    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=after("4", "j", "j", "j"))


def test_kpi_board(snap_compare: SnapCompare) -> None:
    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=after("5", "f"))


def test_too_small_terminal(snap_compare: SnapCompare) -> None:
    assert snap_compare(demo_app(), terminal_size=(60, 20), run_before=after())
