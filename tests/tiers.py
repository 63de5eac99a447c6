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

PROCESS_MODULES = frozenset({"store/test_store_processes.py", "test_cli.py"})
"""Test files that start processes (store workers, the installed command)."""


def tier_markers(path: Path) -> list[str]:
    """The tier markers of a test file, from its place under ``tests/``."""
    try:
        relative = path.resolve().relative_to(TESTS)
    except ValueError:
        return []
    markers: list[str] = []
    if relative.parts and relative.parts[0] in UI_FOLDERS:
        markers.append("ui")
    if relative.as_posix() in PROCESS_MODULES:
        markers.append("processes")
    return markers
