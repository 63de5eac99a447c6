"""The audit chain stays whole when several processes save to one data file."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.store.records import RecordStore
from tests.store.store_workers import save_suppliers

ctx = multiprocessing.get_context("spawn")


def test_many_saves_in_several_processes_form_one_intact_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "data.json"
    start = ctx.Event()
    workers = [
        ctx.Process(target=save_suppliers, args=(str(path), name, 15, start))
        for name in ("alice", "bob", "carol")
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    trail = RecordStore.open(path).audit_trail()
    assert [e.seq for e in trail] == list(range(1, 91))
    assert {e.user for e in trail} == {"alice", "bob", "carol"}
    assert main(["audit", "verify", "--data", str(path)]) == 0
    assert "intact: 90 entries" in capsys.readouterr().out
