"""History, export, theme, welcome, keys and the size guard, through the keys a user presses."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from textual.containers import VerticalScroll

from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.preferences import preferences_path
from itsms_tui.services.workspace import Workspace
from itsms_tui.ui.screens.export_prompt import ExportPrompt
from itsms_tui.ui.screens.history import HistoryScreen
from itsms_tui.ui.screens.keys import KeysScreen
from itsms_tui.ui.screens.overview import OverviewScreen
from itsms_tui.ui.screens.too_small import TooSmallScreen
from itsms_tui.ui.screens.welcome import WelcomeScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    file_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)


async def test_h_shows_who_changed_which_field_from_what_to_what(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    setup = Workspace.open_file(path)
    saved = setup.save(Supplier(name="Acme Hosting", category="Hosting"))
    setup.save(saved.model_copy(update={"category": "Cloud"}))
    setup.store.close()
    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "History of SUP-0001 Acme Hosting" in text
        assert "update" in text and "category" in text and "Hosting -> Cloud" in text
        assert "create" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)


async def test_e_exports_a_snapshot_to_the_path_typed(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ExportPrompt)
        prompt.query_one("#export-path").value = ""  # type: ignore[attr-defined]
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await settle(pilot)
    snapshot = tomllib.loads(target.read_text(encoding="utf-8"))
    assert snapshot["snapshot"]["format"] == "itsms-tui-snapshot"
    assert len(snapshot["suppliers"]) == len(app.workspace.data().all(Supplier))


async def test_t_switches_the_theme_and_it_is_remembered() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("t")
        await settle(pilot)
        assert app.theme == "textual-light"
    saved = json.loads(preferences_path().read_text(encoding="utf-8"))  # the test folder
    assert saved == {"theme": "textual-light"}

    again = demo_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_welcome_loads_the_demo_into_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert "Needs attention today" in screen_text(app)
    reopened = Workspace.open_file(path, read_only=True)
    assert len(reopened.data().all(Supplier)) > 5


async def test_question_mark_lists_the_keys_of_the_screen() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        text = screen_text(app)
        for line in ("Keys: Suppliers", "New", "Edit", "Delete", "History", "Add linked"):
            assert line in text
        app.screen.query_one(VerticalScroll).scroll_end(animate=False)  # the list scrolls
        await pilot.pause()
        assert "1-6" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, KeysScreen)


async def test_a_terminal_below_80x24_gets_a_message_until_it_grows() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(70, 20)
        await pilot.pause(0.1)
        assert isinstance(app.screen, TooSmallScreen)
        assert "enlarge the terminal to at least 80x24" in screen_text(app)
        await pilot.press("3")  # areas do not switch behind the message
        assert app.current_mode == "overview"
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.1)
        assert isinstance(app.screen, OverviewScreen)
