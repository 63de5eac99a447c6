"""The command line as a user meets it: exit codes, one-line messages, files untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store.records import RecordStore


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "itsms_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def _strip_exported_at(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("exported_at"))


def test_export_demo_is_valid_toml_with_every_collection() -> None:
    result = run("export", "--demo")
    assert result.returncode == 0, result.stderr
    document = tomllib.loads(result.stdout)
    assert document["snapshot"]["format"] == "itsms-tui-snapshot"
    for name in (
        "objectives",
        "processes",
        "resources",
        "risks",
        "changes",
        "suppliers",
        "agreements",
        "kpis",
        "measurements",
    ):
        assert document[name], name


def test_export_import_export_reproduces_the_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.toml"
    assert main(["export", "--demo", "-o", str(first)]) == 0
    data = tmp_path / "data.json"
    assert main(["import", str(first), "--data", str(data)]) == 0
    second = tmp_path / "second.toml"
    assert main(["export", "--data", str(data), "-o", str(second)]) == 0
    assert _strip_exported_at(first.read_text()) == _strip_exported_at(second.read_text())
    assert "imported" in capsys.readouterr().out


def test_import_refuses_a_non_empty_store_without_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = tmp_path / "s.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    data = tmp_path / "data.json"
    RecordStore.open(data).create(Supplier(name="Already here"))
    before = data.read_bytes()
    capsys.readouterr()
    assert main(["import", str(snapshot), "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert "--replace" in err and str(data) in err and err.count("\n") == 1
    assert data.read_bytes() == before
    assert main(["import", str(snapshot), "--data", str(data), "--dry-run", "--replace"]) == 0
    assert data.read_bytes() == before
    assert main(["import", str(snapshot), "--data", str(data), "--replace"]) == 0
    names = [s.name for s in RecordStore.open(data).dataset().all(Supplier)]
    assert "Already here" not in names and len(names) >= 10


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    snapshot = tmp_path / "s.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    data = tmp_path / "new.json"
    assert main(["import", str(snapshot), "--data", str(data), "--dry-run"]) == 0
    assert not data.exists()


BAD_FILES = {
    "corrupt": b'{"_meta": {"1": {"schema_version": 1}}, "suppliers": {',
    "truncated": b'{"_meta": {"1": {"schema_version": 1}}, "suppliers": {"1": {"id": "SUP-0001", "na',
    "empty": b"",
    "bom": b'\xef\xbb\xbf{"_meta": {"1": {"schema_version": 1}}}',
    "wrong-schema": b'{"_meta": {"1": {"schema_version": 99}}}',
    "not-object": b"[1, 2, 3]",
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
@pytest.mark.parametrize("command", ["export", "check", "tui-read-only"])
def test_an_unreadable_data_file_gives_exit_2_and_is_left_alone(
    tmp_path: Path, kind: str, command: str
) -> None:
    data = tmp_path / "itsms.json"
    data.write_bytes(BAD_FILES[kind])
    os.utime(data, (1_000_000, 1_000_000))
    args = {"export": ["export"], "check": ["check"], "tui-read-only": ["--read-only"]}[command]
    result = run(*args, "--data", str(data))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(data) in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert data.read_bytes() == BAD_FILES[kind]
    assert data.stat().st_mtime == 1_000_000


def test_import_into_a_corrupt_file_is_refused(tmp_path: Path) -> None:
    snapshot = tmp_path / "s.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    data = tmp_path / "itsms.json"
    data.write_bytes(BAD_FILES["truncated"])
    result = run("import", str(snapshot), "--data", str(data), "--replace")
    assert result.returncode == 2 and str(data) in result.stderr
    assert data.read_bytes() == BAD_FILES["truncated"]


def test_a_bad_snapshot_names_collection_record_and_field(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    assert main(["export", "--demo", "-o", str(good)]) == 0
    text = good.read_text()
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('criticality = "critical"', 'criticality = "extreme"', 1))
    data = tmp_path / "data.json"
    result = run("import", str(bad), "--data", str(data))
    assert result.returncode == 2
    assert "suppliers[SUP-" in result.stderr and ".criticality" in result.stderr
    assert str(bad) in result.stderr
    assert not data.exists()


def test_default_data_path_comes_from_the_environment(tmp_path: Path) -> None:
    data = tmp_path / "env.json"
    RecordStore.open(data).create(Supplier(name="From env"))
    result = run("export", env={"ITSMS_TUI_DATA": str(data)})
    assert result.returncode == 0
    assert "From env" in result.stdout


def test_bad_usage_is_exit_2_with_one_line() -> None:
    result = run("export", "--demo", "--data", "x.json")
    assert result.returncode == 2
    assert "not allowed with" in result.stderr
    assert run("frobnicate").returncode == 2


def test_check_demo_reports_findings_with_exit_1_and_json_parses() -> None:
    text = run("check", "--demo")
    assert text.returncode == 1, text.stderr
    assert "8.3" in text.stdout
    as_json = run("check", "--demo", "--format", "json")
    assert as_json.returncode == 1
    findings = json.loads(as_json.stdout)["findings"]
    assert findings and {"rule", "clause", "severity", "record_ids", "message"} <= set(findings[0])
    assert run("check", "--demo", "--format", "json").stdout == as_json.stdout


def test_check_a_snapshot_file(tmp_path: Path) -> None:
    snapshot = tmp_path / "s.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    result = run("check", "--snapshot", str(snapshot), "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout)


def test_check_an_empty_data_file_fails_with_no_evidence_per_clause(tmp_path: Path) -> None:
    data = tmp_path / "empty.json"
    store = RecordStore.open(data)
    supplier = store.create(Supplier(name="Gone"))
    store.delete(Supplier, supplier.id)
    assert data.exists() and store.is_empty()
    result = run("check", "--data", str(data))
    assert result.returncode == 1, result.stderr
    assert "8.1 Operational planning and control: 0 of " in result.stdout
    assert "no evidence: no process recorded" in result.stdout
    as_json = json.loads(run("check", "--data", str(data), "--format", "json").stdout)
    records = [c for c in as_json["clauses"] if c["clause"] != "7.5.3"]  # the trail holds
    assert records and all(not c["met"] and c["no_evidence"] for c in records)


def test_check_unknown_rule_is_bad_usage() -> None:
    result = run("check", "--demo", "--rule", "NO-SUCH-RULE")
    assert result.returncode == 2
    assert "NO-SUCH-RULE" in result.stderr


def test_check_one_rule_reports_only_that_rule() -> None:
    result = run("check", "--demo", "--rule", "RES-CAPACITY")
    assert result.returncode == 1
    assert "RES-CAPACITY" in result.stdout
    assert "SLA-ALIGN" not in result.stdout
    assert "0 of 1 requirement met" in result.stdout


def test_dry_run_that_would_be_refused_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = tmp_path / "s.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    data = tmp_path / "data.json"
    RecordStore.open(data).create(Supplier(name="Already here"))
    before = data.read_bytes()
    capsys.readouterr()
    assert main(["import", str(snapshot), "--data", str(data), "--dry-run"]) == 2
    assert "--replace" in capsys.readouterr().err
    assert data.read_bytes() == before


def test_export_into_a_missing_folder_names_the_path_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "x.toml"
    assert main(["export", "--demo", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and ".tmp" not in err


def test_a_snapshot_the_store_refuses_is_named_in_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real import is validated by its one write (no trial write first): what the store
    refuses is still reported against the snapshot, and nothing is written."""
    from itsms_tui.store.errors import InvalidDataError

    snapshot = tmp_path / "s.toml"
    assert main(["export", "--demo", "-o", str(snapshot)]) == 0
    data = tmp_path / "new.json"

    def refuse(*args: object, **kwargs: object) -> None:
        raise InvalidDataError(str(data), "a value JSON cannot encode")

    monkeypatch.setattr(RecordStore, "replace_all", refuse)
    capsys.readouterr()
    assert main(["import", str(snapshot), "--data", str(data)]) == 2
    assert capsys.readouterr().err == f"itsms-tui: {snapshot}: a value JSON cannot encode\n"
    assert not data.exists()
