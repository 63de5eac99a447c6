"""`C`: compare the open data with a snapshot file; the differences by record and field."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from itsms_tui.domain.suppliers import Supplier
from itsms_tui.ui.app import ItsmsApp
from itsms_tui.ui.screens.export_prompt import ExportPrompt
from itsms_tui.ui.screens.snapshot_diff import DiffLine, SnapshotDiffScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)

HOSTILE = "[b]Stratus[/b] [@click=app.quit]x[/]"


def _snapshot_with_edits(app: ItsmsApp, path: Path) -> Path:
    """The open demo data as a snapshot file, with SUP-0001 renamed in the file."""
    text = app.workspace.export_text()
    stratus = app.data.get_as(Supplier, "SUP-0001")
    assert stratus is not None
    old_name = f'name = "{stratus.name}"'
    assert text.count(old_name) == 1
    text = text.replace(old_name, 'name = "' + HOSTILE.replace('"', '\\"') + '"')
    path.write_text(text, encoding="utf-8")
    return path


async def _compare(pilot: Pilot[None], app: ItsmsApp, path: Path) -> None:
    await pilot.press("C")
    await pilot.pause()
    prompt = app.screen
    assert isinstance(prompt, ExportPrompt)
    assert "Compare the open data with a snapshot file" in screen_text(app)
    prompt.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


async def test_compare_shows_the_changed_field_literally(tmp_path: Path) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        path = _snapshot_with_edits(app, tmp_path / "old.toml")
        added = app.workspace.save(Supplier(name="Kite Logistics", category="Courier"))
        await _compare(pilot, app, path)
        screen = app.screen
        assert isinstance(screen, SnapshotDiffScreen)
        table: RecordTable[DiffLine] = screen.query_one("#snapshot-diff", RecordTable)
        lines = table.visible_rows
        assert [(d.record_id, d.change, d.field) for d in lines] == [
            ("SUP-0001", "changed", "name"),
            (added.id, "added", "(suppliers)"),
        ]
        assert lines[1].values == "open data only: Kite Logistics"
        text = screen_text(app)
        assert "2 record(s) differ: 1 added, 0 removed, 1 changed" in text
        assert '"[b]Stratus[/b] [@click=app.quit]x[/]" -> "Stratus Cloud' in lines[0].values
        assert "[b]Stratus[/b]" in text and app.is_running
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "suppliers"
        assert not isinstance(app.screen, SnapshotDiffScreen)


async def test_compare_with_an_equal_file_says_nothing_differs(tmp_path: Path) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        path = tmp_path / "same.toml"
        path.write_text(app.workspace.export_text(), encoding="utf-8")
        await _compare(pilot, app, path)
        assert isinstance(app.screen, SnapshotDiffScreen)
        text = screen_text(app)
        assert "The file and the open data hold the same records." in text
        assert "Nothing differs." in text


async def test_a_bad_file_is_named_in_the_prompt_which_stays_open(tmp_path: Path) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _compare(pilot, app, tmp_path / "missing.toml")
        assert isinstance(app.screen, ExportPrompt)
        assert "Not compared:" in screen_text(app)
        bad = tmp_path / "bad.toml"
        bad.write_text("[snapshot\nformat = 1\n", encoding="utf-8")
        await _compare_again(pilot, app, bad)
        assert isinstance(app.screen, ExportPrompt)
        text = screen_text(app)
        assert "Not compared:" in text and "bad.toml" in text


async def _compare_again(pilot: Pilot[None], app: ItsmsApp, path: Path) -> None:
    prompt = app.screen
    assert isinstance(prompt, ExportPrompt)
    prompt.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
