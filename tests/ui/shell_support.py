"""Helpers for the app-level Pilot tests: a fixed today, isolated preferences, screen text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from itsms_tui.services.preferences import CONFIG_ENV
from itsms_tui.services.workspace import Workspace
from itsms_tui.ui.app import ItsmsApp, make_app
from itsms_tui.ui.plan.risks_tab import RisksTab
from itsms_tui.ui.screens.plan import PlanScreen

SIZE = (80, 24)
FIXED_TODAY = date(2026, 3, 2)


def fixed_today() -> date:
    return FIXED_TODAY


@pytest.fixture(autouse=True)
def isolated_preferences(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the theme file of the person running the tests out of (and safe from) the tests."""
    folder = tmp_path_factory.mktemp("config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CONFIG_ENV, str(folder))
        yield folder


def demo_app(*, poll_seconds: float = 0.0, read_only: bool = False) -> ItsmsApp:
    """The app on the demo data as of FIXED_TODAY (no polling unless asked)."""
    workspace = Workspace.open_demo(today=fixed_today, read_only=read_only)
    return make_app(workspace, poll_seconds=poll_seconds)


def file_app(path: Path, *, poll_seconds: float = 0.0) -> ItsmsApp:
    workspace = Workspace.open_file(path)
    workspace.today = fixed_today
    return make_app(workspace, poll_seconds=poll_seconds)


def screen_text(app: App[Any]) -> str:
    """Everything painted on the current screen (modal screens over their background)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen catch up with their results."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], tries: int = 200) -> bool:
    """Pause until ``condition()`` holds (polling is asynchronous); False if it never does."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def wait_loaded(pilot: Pilot[Any], tries: int = 500) -> None:
    """Pause until the app has opened its data and shown it (the first load runs in a
    worker after the first frame), then let the screen catch up."""
    app = pilot.app
    assert isinstance(app, ItsmsApp)
    assert await wait_for(pilot, lambda: app.loaded, tries), "the data never finished loading"
    await settle(pilot)


def risks_tab(screen: PlanScreen) -> RisksTab:
    """The Plan screen's Risks tab, typed (it adds the heat map to the generic tab)."""
    tab = screen.tab("risks")
    assert isinstance(tab, RisksTab)
    return tab
