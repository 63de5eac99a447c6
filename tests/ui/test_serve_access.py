"""``itsms-tui serve`` refuses every request without the token printed at start."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.ui.serve import app_command


def _status(url: str, cookie: str = "") -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_token_is_required_for_the_page_and_the_app_socket() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "itsms_tui", "serve", "--demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+) \(read-only\)", line)
        assert match, line
        base, token = match.groups()
        assert _status(f"{base}/")[0] == 403
        assert _status(f"{base}/?token=wrong")[0] == 403
        assert _status(f"{base}/ws")[0] == 403
        status, cookie = _status(f"{base}/?token={token}")
        assert status == 200 and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_browser_sessions_are_read_only_unless_editing_is_allowed(tmp_path: Path) -> None:
    data = tmp_path / "itsms.json"
    assert app_command(data, False, False).endswith(f"--data {data} --read-only")
    assert "--read-only" not in app_command(None, True, True)


def test_a_missing_data_file_is_refused_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--data", str(tmp_path / "none.json")]) == 2
    assert "no such data file" in capsys.readouterr().err
