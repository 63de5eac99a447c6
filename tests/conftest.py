"""Shared test set-up: every test gets the markers of its tier (see ``tests/tiers.py``).

``tests/`` is a package, so shared helpers import by their full name
(``from tests.strategies import ...``, ``from benchmarks.datagen import ...``).
"""

from __future__ import annotations

import pytest

from tests.tiers import tier_markers


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for name in tier_markers(item.path):
            item.add_marker(getattr(pytest.mark, name))


@pytest.fixture(autouse=True)
def _session_login(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test works as the demo's administrator, Priya Raman (login ``praman``),
    unless it names another login; processes the test starts inherit it."""
    monkeypatch.setenv("ITSMS_TUI_USER", "praman")
