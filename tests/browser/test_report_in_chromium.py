"""The evidence pack opened in a real headless Chromium: it renders, its charts draw, and
printed to PDF every clause starts a page of its own.

Needs Debian's ``chromium`` and the ``playwright`` package (driving the system browser,
no browser download): ``make browser`` installs both. Without them the test is skipped
with the reason, never passed.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from itsms_tui.services.report_commands import report_period, write_pack
from itsms_tui.services.report_pack import SECTION_IDS
from itsms_tui.services.workspace import Workspace

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (run: make browser)"),
    pytest.mark.skipif(
        sync_playwright is None, reason="playwright is not installed (run: make browser)"
    ),
]

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def test_the_evidence_pack_renders_and_prints_a_page_per_clause(tmp_path: Path) -> None:
    today = date.today()
    workspace = Workspace.open_demo(today=lambda: today)
    written = write_pack(workspace, report_period(None, None, today), tmp_path / "pack")
    assert sync_playwright is not None and CHROMIUM is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            failed: list[str] = []
            page.on("requestfailed", lambda request: failed.append(request.url))
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(written.html.as_uri())
            assert requested == [written.html.as_uri()] and failed == []  # nothing external

            blank = browser.new_page(viewport={"width": 1100, "height": 1400})
            blank.set_content("<html><body></body></html>")
            empty_shot = blank.screenshot(full_page=False)
            shot = page.screenshot(full_page=False)
            (tmp_path / "first-page.png").write_bytes(shot)
            assert shot != empty_shot and len(shot) > 4 * len(empty_shot)

            sections = page.eval_on_selector_all(
                "section.clause-section", "els => els.map(e => [e.id, e.offsetHeight])"
            )
            assert [s[0] for s in sections] == list(SECTION_IDS)
            assert all(height > 50 for _, height in sections)
            charts = page.eval_on_selector_all(
                "figure.chart svg",
                "els => els.map(e => { const r = e.getBoundingClientRect();"
                " return [r.width, r.height, e.querySelectorAll('path').length]; })",
            )
            assert charts and all(w > 300 and h > 100 and paths > 3 for w, h, paths in charts)

            page.locator("#kpi-KPI-0001").scroll_into_view_if_needed()
            chart_shot = page.locator("figure.chart").first.screenshot()
            assert len(chart_shot) > 10_000

            page.emulate_media(media="print")
            breaks = page.eval_on_selector_all(
                "section.clause-section", "els => els.map(e => getComputedStyle(e).breakBefore)"
            )
            assert breaks == ["page"] * len(SECTION_IDS)
            pdf = page.pdf(format="A4", print_background=True)
            (tmp_path / "pack.pdf").write_bytes(pdf)
            pages = len(PAGE_OBJECT.findall(pdf))
            # the title and contents page, then every clause from a new page
            assert pages > len(SECTION_IDS) / 2
            assert pages >= len(SECTION_IDS) + 1
        finally:
            browser.close()
