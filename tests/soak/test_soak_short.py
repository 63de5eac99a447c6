"""The short variants of ``make soak``: each fault scenario, every loss and crash count 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import soak


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ITSMS_TUI_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path


def assert_clean(figures: soak.Figures) -> None:
    assert not figures.skipped, figures.skipped
    assert figures.ok, figures.show()


def test_kills_during_writes_lose_no_acknowledged_write(folder: Path) -> None:
    figures = soak.kills_during_writes(folder, soak.SHORT.kill_rounds)
    assert_clean(figures)
    assert figures.values["acknowledged"] > 0


def test_kills_during_imports_lose_no_acknowledged_import(folder: Path) -> None:
    snapshot = soak.demo_snapshot(folder)
    assert_clean(soak.kills_during_imports(folder, soak.SHORT.import_kills, snapshot))


def test_concurrent_writers_lose_no_update(folder: Path) -> None:
    figures = soak.concurrent_writers(folder, soak.SHORT.writers, soak.SHORT.writer_ops)
    assert_clean(figures)
    assert figures.values["saved"] + figures.values["conflicts"] == figures.values["operations"]


def test_lock_file_deletion_loses_nothing(folder: Path) -> None:
    figures = soak.lock_file_deletion(folder, soak.SHORT.lock_writers, soak.SHORT.lock_writes)
    assert_clean(figures)
    assert figures.values["deletions"] > 0


def test_saves_that_cannot_complete_leave_the_old_file(folder: Path) -> None:
    figures = soak.full_disks(folder, soak.SHORT.disk_rounds)
    assert figures.ok, figures.show()
    if "skipped" in figures.values:
        pytest.skip(str(figures.values["skipped"]))


def test_fuzzed_snapshots_never_crash_or_half_write(folder: Path) -> None:
    snapshot = soak.demo_snapshot(folder)
    figures = soak.importer_fuzz(folder, soak.SHORT.fuzz_cases, snapshot)
    assert_clean(figures)
    assert figures.values["refused"] > 0
