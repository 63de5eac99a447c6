"""Start-up: the shell paints before the data is opened, which happens in a worker; the
screen says what it is opening, then shows the records; a file that cannot be used ends
the app with the command line's one-line message and exit code."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.errors import UserError
from itsms_tui.services.workspace import Workspace
from itsms_tui.ui.app import OPEN_FAILED_EXIT, make_app
from tests.ui.shell_support import (
    SIZE,
    fixed_today,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    wait_for,
    wait_loaded,
)


def _workspace(path: Path) -> Workspace:
    setup = Workspace.open_file(path)
    setup.save(Supplier(name="Acme Hosting", category="Hosting"))
    setup.store.close()
    workspace = Workspace.open_file(path)
    workspace.today = fixed_today
    return workspace


async def test_the_shell_shows_loading_until_the_opener_returns(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    release = threading.Event()

    def opener() -> Workspace:
        assert release.wait(60), "the test never released the opener"
        return _workspace(path)

    app = make_app(opener, poll_seconds=0, location=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Loading the data" in text
        assert "opening" in text and app.opening_location == str(path)
        assert not app.loaded
        release.set()
        await wait_loaded(pilot)
        text = screen_text(app)
        assert "Loading the data" not in text
        assert "1 suppliers" in text
        assert str(path) in text and "opening" not in text
        await pilot.press("3")
        await pilot.pause()
        assert "Acme Hosting" in screen_text(app)


async def test_the_header_shows_how_far_opening_got(tmp_path: Path) -> None:
    from itsms_tui.store import progress

    path = tmp_path / "d.json"
    reported, release = threading.Event(), threading.Event()

    def opener() -> Workspace:
        progress.report("checking records: 5,000 of 50,000")  # as the store says it
        reported.set()
        assert release.wait(60), "the test never released the opener"
        return _workspace(path)

    app = make_app(opener, poll_seconds=0, location=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "checking records" in screen_text(app))
        assert "checking records: 5,000 of 50,000" in screen_text(app)
        release.set()
        await wait_loaded(pilot)
        assert "checking records" not in screen_text(app)


def test_opening_a_large_file_reports_its_progress(tmp_path: Path) -> None:
    from itsms_tui.services.loading import reporting

    path = tmp_path / "d.json"
    setup = Workspace.open_file(path)
    with setup.store.batch():
        for i in range(5_000):
            setup.save(Supplier(name=f"Supplier {i}", category="Hosting"))
    setup.store.close()
    phrases: list[str] = []
    with reporting(phrases.append):
        Workspace.open_file(path, read_only=True)
    assert phrases[0] == "reading d.json"
    assert re.fullmatch(r"checking records: ([\d,]+) of \1", phrases[-1]), phrases


async def test_editing_keys_appear_once_the_data_is_open(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    release = threading.Event()

    def opener() -> Workspace:
        release.wait(60)
        return _workspace(path)

    app = make_app(opener, poll_seconds=0, location=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert app.read_only  # nothing to edit before the records are there
        release.set()
        await wait_loaded(pilot)
        assert not app.read_only
        assert "New" in screen_text(app)


async def test_a_data_file_that_cannot_be_opened_ends_the_app_with_one_line(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.json"

    def opener() -> Workspace:
        raise UserError(f"{bad}: not valid JSON (line 1, column 2)")

    app = make_app(opener, poll_seconds=0, location=str(bad))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(app.exit_message))
    assert app.return_code == OPEN_FAILED_EXIT
    assert app.exit_message == f"itsms-tui: {bad}: not valid JSON (line 1, column 2)"


def test_a_truncated_file_is_refused_before_the_ui(tmp_path: Path) -> None:
    """Cheap checks (readable, JSON, our schema, not truncated) come before the first frame."""
    from itsms_tui.services.commands import workspace_opener
    from itsms_tui.services.errors import EXPECTED_ERRORS, describe

    bad = tmp_path / "bad.json"
    bad.write_text('{"suppliers": [', encoding="utf-8")
    with pytest.raises(EXPECTED_ERRORS) as raised:
        workspace_opener(bad, False)
    assert describe(raised.value).startswith(f"{bad}: not valid JSON")


def _large_file_with_a_bad_record(path: Path) -> None:
    """Passes the cheap checks (more than a megabyte: only its ends are read before the
    UI) but a record does not validate, which only the load worker finds."""
    doc = {
        "_meta": {"1": {"schema_version": 1}},
        "suppliers": {"1": {"id": "SUP-0001", "name": "x" * 1_100_000, "category": "Hosting"}},
    }
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")


async def test_a_record_that_does_not_validate_shows_the_reason_then_exits_2(
    tmp_path: Path,
) -> None:
    from itsms_tui.services.commands import workspace_opener

    bad = tmp_path / "bad.json"
    _large_file_with_a_bad_record(bad)
    opener, location = workspace_opener(bad, False)  # the cheap checks pass
    assert location == str(bad)
    app = make_app(opener, poll_seconds=0, location=location)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "cannot be opened" in screen_text(app))
        text = screen_text(app)
        assert "suppliers[SUP-0001].name" in text and "Press any key to quit" in text
        assert app.exit_message.startswith(f"itsms-tui: {bad}: suppliers[SUP-0001].name")
        assert "\n" not in app.exit_message.strip()
        await pilot.press("space")
        await pilot.pause()
    assert app.return_code == OPEN_FAILED_EXIT


def test_the_command_line_prints_the_one_line_after_the_ui_closes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``run_app`` ends with exit 2 and the line on stderr, whatever key closed the app."""
    from itsms_tui.services.commands import workspace_opener
    from itsms_tui.ui import app as app_module

    bad = tmp_path / "bad.json"
    _large_file_with_a_bad_record(bad)
    opener, location = workspace_opener(bad, False)
    shown: list[str] = []

    class Closing(app_module.ItsmsApp):
        def _open_failed(self, message: str) -> None:
            super()._open_failed(message)
            shown.append(message)
            self.exit()  # as ctrl+q would: a return code of 0 asked for

    app = Closing(opener=opener, location=location, poll_seconds=0)
    app.run(headless=True, size=SIZE)
    capsys.readouterr()
    assert app_module.finish(app) == OPEN_FAILED_EXIT
    assert shown and capsys.readouterr().err == f"itsms-tui: {shown[0]}\n"
