"""The test tiers, given by where a test file lives (applied in ``tests/conftest.py``).

Markers come from the location rather than from a decorator on each test, so a new
test file in ``tests/ui/`` is in the ``ui`` tier without anyone remembering to say so.
``make test-fast`` runs what is neither ``ui`` nor ``processes``.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent

UI_FOLDERS = frozenset({"ui"})
"""Folders whose tests drive the app through Pilot or compare SVG screenshots."""

PROCESS_FOLDERS = frozenset({"soak", "browser"})
"""Folders whose tests start processes (the fault campaign, a server and a browser)."""

PROCESS_MODULES = frozenset(
    {
        "benchmarks/test_ui_scenarios.py",
        "exchange/test_due_and_calendar.py",
        "exchange/test_snapshot_merge.py",
        "hardening/test_bad_input_cli.py",
        "store/test_audit_processes.py",
        "store/test_store_journal.py",
        "store/test_store_lock_faults.py",
        "store/test_store_processes.py",
        "test_cli.py",
        "ui/test_serve_access.py",
        "ui/test_slow_saves_and_lost_terminal.py",
    }
)
"""Test files that start processes (store workers, the installed command, git, a pty)."""


def tier_markers(path: Path) -> list[str]:
    """The tier markers of a test file, from its place under ``tests/``."""
    try:
        relative = path.resolve().relative_to(TESTS)
    except ValueError:
        return []
    markers: list[str] = []
    if relative.parts and relative.parts[0] in UI_FOLDERS:
        markers.append("ui")
    if relative.as_posix() in PROCESS_MODULES or (
        relative.parts and relative.parts[0] in PROCESS_FOLDERS
    ):
        markers.append("processes")
    return markers
