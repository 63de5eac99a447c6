"""Shared set-up for the bad-input tests: a demo snapshot, a filled data file, a log dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from itsms_tui.cli import main


@pytest.fixture(autouse=True)
def crash_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Crash logs go to the test's folder, never to $HOME."""
    folder = tmp_path / "logs"
    monkeypatch.setenv("ITSMS_TUI_LOG_DIR", str(folder))
    monkeypatch.delenv("ITSMS_TUI_DATA", raising=False)
    return folder


@pytest.fixture(scope="session")
def demo_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("demo") / "demo.toml"
    assert main(["export", "--demo", "-o", str(path)]) == 0
    return path.read_text(encoding="utf-8")


@pytest.fixture
def snapshot(tmp_path: Path, demo_text: str) -> Path:
    path = tmp_path / "demo.toml"
    path.write_text(demo_text, encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path, snapshot: Path) -> Path:
    """A data file holding the demo records."""
    path = tmp_path / "itsms.json"
    assert main(["import", str(snapshot), "--data", str(path)]) == 0
    return path


def fingerprint(path: Path) -> tuple[int, int, bytes]:
    st = path.stat()
    return st.st_ino, st.st_mtime_ns, path.read_bytes()
