"""A slow save shows "Saving…"; a TUI whose terminal vanishes exits instead of spinning."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    wait_for,
)


async def test_a_save_slower_than_300_ms_shows_saving_until_it_ends() -> None:
    app = demo_app()
    release = threading.Event()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.run_service(lambda: release.wait(30), success="Done")
        assert await wait_for(pilot, lambda: "Saving…" in screen_text(app))
        release.set()
        await settle(pilot)
        assert await wait_for(pilot, lambda: "Saving…" not in screen_text(app))
        assert "Done" in screen_text(app)


async def test_a_quick_save_shows_no_saving_notice() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.run_service(lambda: None, success="Done")
        await settle(pilot)
        await pilot.pause(0.5)
        assert "Saving…" not in screen_text(app)


def test_the_tui_exits_when_its_terminal_goes_away_without_sighup(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # preferences stay in the test's folder
    child = subprocess.Popen(
        [sys.executable, "-m", "itsms_tui", "--demo"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,  # like setsid: no controlling-terminal SIGHUP on close
        env=env,
        close_fds=True,
    )
    os.close(slave)
    try:
        deadline = time.monotonic() + 60
        seen = b""
        while b"Overview" not in seen and time.monotonic() < deadline:  # the first frame
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        os.close(master)  # the terminal goes away (like killing the tmux session)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 2


CRASHING_APP = """
import sys
from itsms_tui.services.workspace import Workspace
from itsms_tui.ui import app as app_module
from itsms_tui.ui.app import make_app

app = make_app(Workspace.open_demo(), poll_seconds=0)

def boom() -> None:
    raise ZeroDivisionError("a bug")

app._watch_terminal_start = lambda: app.set_timer(0.3, boom)  # a bug, once running
app.run = lambda: type(app).run(app, headless=True)
app_module.make_app = lambda _workspace: app
sys.exit(app_module.run_app(Workspace.open_demo()))
"""


def test_an_unexpected_error_in_the_tui_is_one_line_and_a_log_not_a_traceback(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "ITSMS_TUI_LOG_DIR": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_APP], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 2
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown
    assert f"unexpected error (ZeroDivisionError: a bug); details in {tmp_path}" in shown
    assert "ZeroDivisionError" in (tmp_path / "crash.log").read_text(encoding="utf-8")
