"""`r` on the overview: the evidence pack written into a prompted folder, with each step
shown in the prompt; a folder that cannot be written keeps the prompt and says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from itsms_tui.services.report_pack import SECTION_IDS
from itsms_tui.ui.screens.export_prompt import ExportPrompt
from itsms_tui.ui.screens.overview import OverviewScreen
from tests.reports.report_support import outline
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)


async def test_r_writes_the_pack_and_shows_its_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    original = ExportPrompt.show_progress

    def recording(self: ExportPrompt, step: str) -> None:
        original(self, step)
        shown.append(str(self.query_one("#export-error", Static).render()))

    monkeypatch.setattr(ExportPrompt, "show_progress", recording)
    folder = tmp_path / "pack"
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("r")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ExportPrompt)
        assert "Write the evidence pack" in screen_text(app)
        prompt.query_one("#export-path", Input).value = ""
        await type_text(pilot, str(folder))
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportPrompt)
        assert "Evidence pack written" in screen_text(app)
    assert shown[0] == "Writing… checking the clauses"
    assert shown[-1] == "Writing… writing the files"
    html = (folder / "evidence-pack.html").read_text(encoding="utf-8")
    assert outline(html).sections == list(SECTION_IDS)
    assert (folder / "evidence-pack.md").is_file()


async def test_a_file_in_the_way_is_explained_and_the_prompt_kept(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("keep", encoding="utf-8")
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ExportPrompt)
        field = prompt.query_one("#export-path", Input)
        field.value = ""
        await type_text(pilot, str(blocker))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is prompt and field.value == str(blocker)
        # The message wraps where the temporary path's length puts it: read the widget.
        error = " ".join(str(prompt.query_one("#export-error", Static).render()).split())
        assert "Not written:" in screen_text(app)
        assert error.startswith("Not written:") and "is a file" in error
    assert blocker.read_text(encoding="utf-8") == "keep"
