"""``itsms-tui serve`` end to end in a real headless Chromium: page, overview, keys.

Needs Debian's ``chromium`` and the ``playwright`` package (driving the system browser,
no browser download): ``make browser`` installs both. Without them the test is
skipped with the reason, never passed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (run: make browser)"),
    pytest.mark.skipif(
        sync_playwright is None, reason="playwright is not installed (run: make browser)"
    ),
]

# Every byte the app sends to the page's terminal, decoded, collected in the page.
CAPTURE = """
window.__screen = "";
const NativeSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const ws = new NativeSocket(...args);
  ws.addEventListener("message", async (event) => {
    const data = event.data;
    const bytes = typeof data === "string" ? data
      : new TextDecoder().decode(data instanceof Blob ? await data.arrayBuffer() : data);
    window.__screen += bytes;
  });
  return ws;
};
window.WebSocket.prototype = NativeSocket.prototype;
"""
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*\x07|\x1b.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "itsms_tui", "serve", "--demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"(http://\S+/\?token=\S+)", line)
        assert match, line
        yield match.group(1), process
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_text(page: Page, text: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    plain = ""
    while time.monotonic() < deadline:
        plain = ANSI.sub("", page.evaluate("window.__screen"))
        if text in plain:
            return plain
        page.wait_for_timeout(250)
    raise AssertionError(f"{text!r} never appeared; last screen text: {plain[-400:]!r}")


def test_the_app_runs_in_chromium_and_answers_keys(
    served: tuple[str, subprocess.Popen[str]],
) -> None:
    url, _ = served
    assert sync_playwright is not None and CHROMIUM is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            refused = browser.new_page()
            response = refused.goto(url.split("?")[0])
            assert response is not None and response.status == 403

            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.add_init_script(CAPTURE)
            response = page.goto(url)
            assert response is not None and response.status == 200
            _wait_text(page, "Needs attention today")
            _wait_text(page, "READ-ONLY")
            page.click(".textual-terminal")
            assert "Relationship owner:" not in _wait_text(page, "Overview")
            page.keyboard.press("3")  # the Suppliers register, its first supplier's details
            _wait_text(page, "Relationship owner: Daniel Fischer")
        finally:
            browser.close()
