"""Start-up: the shell paints before the data is opened, which happens in a worker; the
screen says what it is opening, then shows the records; a file that cannot be used ends
the app with the command line's one-line message and exit code."""

from __future__ import annotations

import threading
from pathlib import Path

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


async def test_a_corrupt_file_opened_through_the_command_line_names_it(tmp_path: Path) -> None:
    from itsms_tui.services.commands import workspace_opener

    bad = tmp_path / "bad.json"
    bad.write_text('{"suppliers": [', encoding="utf-8")
    opener, location = workspace_opener(bad, False)
    assert location == str(bad)
    app = make_app(opener, poll_seconds=0, location=location)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(app.exit_message))
    assert app.return_code == OPEN_FAILED_EXIT
    assert app.exit_message.startswith("itsms-tui: ")
    assert str(bad) in app.exit_message and "\n" not in app.exit_message.strip()
