"""The audit trail in snapshots: export --with-audit, import (verified), diff and merge."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.store.records import RecordStore


def _demo_file(tmp_path: Path) -> Path:
    snapshot = tmp_path / "demo.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    data = tmp_path / "a.json"
    assert main(["import", str(snapshot), "--data", str(data)]) == 0
    store = RecordStore.open(data, user="alice")
    supplier = store.dataset().collection("suppliers")[0]
    store.update(supplier.model_copy(update={"name": "Renamed [b]", "notes": 'x\n"y"'}))
    return data


def test_export_with_audit_import_verify_keeps_the_trail_and_records_the_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _demo_file(tmp_path)
    shared = tmp_path / "shared.toml"
    assert main(["export", "--data", str(data), "--with-audit", "-o", str(shared)]) == 0
    document = tomllib.loads(shared.read_text(encoding="utf-8"))
    assert [t["seq"] for t in document["audit"]] == [1, 2]
    assert len(document["audit"][1]["hash"]) == 64
    target = tmp_path / "b.json"
    assert main(["import", str(shared), "--data", str(target)]) == 0
    before = RecordStore.open(data).audit_trail()
    after = RecordStore.open(target).audit_trail()
    assert after[:2] == before  # kept exactly, hashes included
    assert after[2].seq == 3 and "its audit trail (2 entries) is kept above" in after[2].summary
    assert after[2].prev_hash == before[1].hash
    capsys.readouterr()
    assert main(["audit", "verify", "--data", str(target)]) == 0
    assert "intact: 3 entries" in capsys.readouterr().out
    again = tmp_path / "again.toml"
    assert main(["export", "--data", str(target), "--with-audit", "-o", str(again)]) == 0
    round_trip = tomllib.loads(again.read_text(encoding="utf-8"))
    assert round_trip["audit"][:2] == document["audit"]
    assert {k: v for k, v in round_trip.items() if k not in ("snapshot", "audit")} == {
        k: v for k, v in document.items() if k not in ("snapshot", "audit")
    }


def test_import_refuses_a_snapshot_whose_trail_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _demo_file(tmp_path)
    shared = tmp_path / "shared.toml"
    assert main(["export", "--data", str(data), "--with-audit", "-o", str(shared)]) == 0
    text = shared.read_text(encoding="utf-8")
    assert text.count('user = "alice"') == 1
    shared.write_text(text.replace('user = "alice"', 'user = "alicf"'), encoding="utf-8")
    target = tmp_path / "b.json"
    capsys.readouterr()
    assert main(["import", str(shared), "--data", str(target)]) == 2
    err = capsys.readouterr().err
    assert "shared.toml" in err and "audit[1]" in err and "audit entry 2" in err
    assert "changed" in err and not target.exists()


def test_diff_ignores_the_trail_and_merge_leaves_it_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _demo_file(tmp_path)
    plain, audited = tmp_path / "plain.toml", tmp_path / "audited.toml"
    assert main(["export", "--data", str(data), "-o", str(plain)]) == 0
    assert main(["export", "--data", str(data), "--with-audit", "-o", str(audited)]) == 0
    assert main(["diff", str(plain), str(audited)]) == 0
    merged = tmp_path / "merged.toml"
    assert main(["merge", str(plain), str(audited), str(audited), "-o", str(merged)]) == 0
    assert "audit" not in tomllib.loads(merged.read_text(encoding="utf-8"))
