"""The test tiers stay true: ``make test-fast`` must not quietly start apps or processes."""

from __future__ import annotations

import pytest

from tests.tiers import PROCESS_MODULES, TESTS, UI_FOLDERS, tier_markers


@pytest.mark.parametrize("relative", sorted(PROCESS_MODULES))
def test_every_process_module_named_exists(relative: str) -> None:
    """A renamed file would drop out of the ``processes`` tier without this."""
    assert (TESTS / relative).is_file()


def test_every_ui_test_file_is_in_the_ui_tier() -> None:
    files = [p for folder in UI_FOLDERS for p in (TESTS / folder).rglob("test_*.py")]
    assert files
    assert all("ui" in tier_markers(p) for p in files)


def test_tests_that_drive_the_app_live_in_a_ui_folder() -> None:
    """Pilot and screenshot tests outside ``tests/ui/`` would run in the fast tier."""
    outside = [
        p.relative_to(TESTS).as_posix()
        for p in TESTS.rglob("test_*.py")
        if p.name != "test_tiers.py"
        and "ui" not in tier_markers(p)
        and any(word in p.read_text(encoding="utf-8") for word in ("run_test(", "snap_compare"))
    ]
    assert outside == []


def test_tests_that_start_processes_are_in_the_processes_tier() -> None:
    """A test file that spawns processes outside ``PROCESS_MODULES`` would slow the fast tier."""
    spawning = ("subprocess.", "multiprocessing.", "tmux")
    outside = [
        p.relative_to(TESTS).as_posix()
        for p in TESTS.rglob("test_*.py")
        if p.name != "test_tiers.py"
        and "processes" not in tier_markers(p)
        and any(word in p.read_text(encoding="utf-8") for word in spawning)
    ]
    assert outside == []


def test_pure_tests_get_no_tier_marker() -> None:
    assert tier_markers(TESTS / "domain" / "test_calendar.py") == []
