"""``itsms-tui audit`` and ``audit verify`` on real data files, and ``check``'s AUD-CHAIN."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store.records import RecordStore


def _file_with_trail(tmp_path: Path) -> Path:
    path = tmp_path / "data.json"
    alice = RecordStore.open(path, user="alice")
    acme = alice.create(Supplier(name="Acme"))
    bob = RecordStore.open(path, user="bob")
    bob.update(acme.model_copy(update={"name": "Acme Ltd"}))
    alice.create(Supplier(name="Beta"))
    return path


def _flip_one_byte(path: Path, old: bytes, new: bytes) -> None:
    raw = path.read_bytes()
    assert raw.count(old) == 1
    path.write_bytes(raw.replace(old, new))


def test_verify_passes_on_an_intact_file_and_on_the_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file_with_trail(tmp_path)
    assert main(["audit", "verify", "--data", str(path)]) == 0
    assert "audit trail intact: 3 entries" in capsys.readouterr().out
    assert main(["audit", "--demo", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


def test_one_changed_byte_makes_verify_exit_1_naming_the_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file_with_trail(tmp_path)
    _flip_one_byte(path, b'"user":"bob"', b'"user":"bib"')
    assert main(["audit", "--data", str(path), "verify"]) == 1
    out = capsys.readouterr().out
    assert "audit entry 2 (SUP-0001): changed" in out
    assert len(out.strip().splitlines()) == 1


def test_check_reports_a_broken_chain_as_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file_with_trail(tmp_path)
    assert main(["check", "--data", str(path), "--rule", "AUD-CHAIN"]) == 0
    capsys.readouterr()
    _flip_one_byte(path, b'"summary":"Beta"', b'"summary":"Bets"')
    assert main(["check", "--data", str(path), "--rule", "AUD-CHAIN", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["clause"], f["severity"]) for f in findings] == [
        ("AUD-CHAIN", "7.5.3", "error")
    ]
    assert "audit entry 3 (SUP-0002): changed" in findings[0]["message"]


def test_verify_of_a_missing_or_unreadable_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "verify", "--data", str(tmp_path / "none.json")]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["audit", "verify", "--data", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "none.json" in err and "bad.json" in err and "Traceback" not in err


def test_the_trail_lists_and_filters_by_person_record_and_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file_with_trail(tmp_path)
    assert main(["audit", "--data", str(path), "--person", "bob"]) == 0
    out = capsys.readouterr().out
    assert "bob" in out and "alice" not in out
    assert "name: Acme -> Acme Ltd" in out and out.rstrip().endswith("1 audit entry")
    assert main(["audit", "--data", str(path), "--record", "SUP-0002", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["seq"], e["record_id"], e["user"]) for e in listed] == [(3, "SUP-0002", "alice")]
    assert len(listed[0]["hash"]) == 64
    assert main(["audit", "--data", str(path), "--to", "2000-01-01", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["seq", "at", "user", "person", "action", "collection", "record_id", "summary", "changes"]
    ]
    assert main(["audit", "--data", str(path), "--from", "yesterday"]) == 2
    assert "--from 'yesterday': not a date" in capsys.readouterr().err


def test_a_restore_is_chained_after_the_restored_trail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from itsms_tui.store.backups import BackupPolicy, list_backups

    path = tmp_path / "data.json"
    store = RecordStore.open(path, user="alice", backups=BackupPolicy(count=5))
    acme = store.create(Supplier(name="Acme"))
    store.update(acme.model_copy(update={"name": "Acme Ltd"}))
    newest = list_backups(path)[0]  # the file as it was after the create
    assert main(["restore", newest.name, "--data", str(path)]) == 0
    trail = RecordStore.open(path).audit_trail()
    assert [(e.seq, e.action.value) for e in trail] == [(1, "create"), (2, "restore")]
    assert trail[1].prev_hash == trail[0].hash
    capsys.readouterr()
    assert main(["audit", "verify", "--data", str(path)]) == 0


def test_verify_on_a_file_from_before_the_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file_with_trail(tmp_path)
    tables = json.loads(path.read_text(encoding="utf-8"))
    for doc in tables["audit"].values():
        del doc["prev_hash"], doc["hash"]
    del tables["audit_head"]
    path.write_text(json.dumps(tables), encoding="utf-8")
    assert main(["audit", "verify", "--data", str(path)]) == 0
    assert "not yet chained: 3 entries" in capsys.readouterr().out
    RecordStore.open(path, user="carol").create(Supplier(name="Gamma"))
    assert main(["audit", "verify", "--data", str(path)]) == 0
    assert "the first 3 entries sealed by the chain" in capsys.readouterr().out
    _flip_one_byte(path, b'"user":"bob"', b'"user":"bib"')
    assert main(["audit", "verify", "--data", str(path)]) == 1
    assert "audit entry 4 (SUP-0003): changed: entries 1 to 3" in capsys.readouterr().out


def test_a_snapshot_check_does_not_count_the_unchecked_trail_as_met(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = tmp_path / "demo.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    main(["check", "--snapshot", str(snapshot)])
    assert "7.5.3" not in capsys.readouterr().out
    main(["check", "--demo"])
    assert "7.5.3 Control of documented information: 1 of 1 requirement met" in (
        capsys.readouterr().out
    )
