"""`e` with a path that cannot be written keeps the prompt, the typed path and says why."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input

from itsms_tui.ui.screens.export_prompt import ExportPrompt
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)


async def test_a_missing_folder_is_explained_in_the_prompt_and_the_path_kept(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "not-yet"
    target = folder / "out.toml"
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ExportPrompt)
        field = prompt.query_one("#export-path", Input)
        field.value = ""
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await settle(pilot)

        assert app.screen is prompt  # still open
        assert field.value == str(target)
        assert prompt.focused is field
        text = screen_text(app)
        assert "Not exported:" in text
        assert "does not exist" in text
        assert not target.exists()

        folder.mkdir()  # fix the cause, Enter again: same path, now written
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportPrompt)
    assert tomllib.loads(target.read_text(encoding="utf-8"))["snapshot"]["format"]


async def test_escape_still_cancels_without_writing(tmp_path: Path) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ExportPrompt)
        prompt.query_one("#export-path", Input).value = ""
        await type_text(pilot, str(tmp_path / "never.toml"))
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ExportPrompt)
    assert list(tmp_path.iterdir()) == []
