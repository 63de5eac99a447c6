"""``itsms-tui merge``: three-way merges of demo snapshots, conflicts, and git's merge driver."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itsms_tui.cli import main
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind
from itsms_tui.snapshot.compare import Tables, record_tables
from itsms_tui.snapshot.format import Snapshot
from itsms_tui.snapshot.importer import load_snapshot
from itsms_tui.snapshot.merge import merge_snapshots
from tests.exchange.exchange_helpers import EXPORTED_AT, demo_snapshot, edited, new_supplier, write
from tests.strategies import data_sets


def _snap(data: DataSet) -> Snapshot:
    return Snapshot(dataset=data, exported_at=EXPORTED_AT, app_version="9.9.9", schema_version=1)


def _merge(base: DataSet, ours: DataSet, theirs: DataSet) -> tuple[Tables | None, list[str]]:
    result = merge_snapshots(
        record_tables(_snap(base)),
        record_tables(_snap(ours)),
        record_tables(_snap(theirs)),
        base_settings={},
        our_settings={},
        their_settings={},
        exported_at=EXPORTED_AT,
        app_version="9.9.9",
        source="test",
    )
    if result.conflicts:
        return None, [c.line() for c in result.conflicts]
    merged = load_snapshot(result.text, source="merged")
    return record_tables(merged), []


def _files(tmp_path: Path, base: DataSet, ours: DataSet, theirs: DataSet) -> list[str]:
    return [
        str(write(tmp_path / "base.toml", base)),
        str(write(tmp_path / "ours.toml", ours)),
        str(write(tmp_path / "theirs.toml", theirs)),
    ]


def test_two_sites_editing_different_fields_of_one_supplier_get_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = demo_snapshot().dataset
    ours = edited(base, {"SUP-0001": {"category": "Cloud and colocation"}})
    theirs = edited(
        base,
        {"SUP-0001": {"relationship_owner": "PER-0007"}, "MEA-0001": None},
        added=(new_supplier(),),
    )
    out = tmp_path / "merged.toml"
    assert main(["merge", *_files(tmp_path, base, ours, theirs), "-o", str(out)]) == 0
    merged = tomllib.loads(out.read_text(encoding="utf-8"))
    stratus = next(s for s in merged["suppliers"] if s["id"] == "SUP-0001")
    assert stratus["category"] == "Cloud and colocation"
    assert stratus["relationship_owner"] == "PER-0007"
    assert any(s["id"] == "SUP-0100" for s in merged["suppliers"])
    assert all(m["id"] != "MEA-0001" for m in merged["measurements"])
    assert not (tmp_path / "merged.toml.conflicts.toml").exists()
    load_snapshot(out.read_bytes(), source=str(out))  # the result imports


def test_a_conflicting_edit_writes_a_report_and_no_snapshot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = demo_snapshot().dataset
    ours = edited(base, {"SUP-0001": {"category": "Cloud"}, "RSK-0001": {"impact": 2}})
    theirs = edited(base, {"SUP-0001": {"category": "Hosting"}})
    out = tmp_path / "merged.toml"
    assert main(["merge", *_files(tmp_path, base, ours, theirs), "-o", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert 'suppliers[SUP-0001].category: both edited: base "Cloud hosting", ours "Cloud", ' in err
    report = tomllib.loads((tmp_path / "merged.toml.conflicts.toml").read_text(encoding="utf-8"))
    assert report["merge"]["count"] == 1
    assert report["conflicts"] == [
        {
            "kind": "both edited",
            "collection": "suppliers",
            "id": "SUP-0001",
            "field": "category",
            "base": "Cloud hosting",
            "ours": "Cloud",
            "theirs": "Hosting",
        }
    ]


def test_a_delete_against_an_edit_is_a_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = demo_snapshot().dataset
    ours = edited(base, {"MEA-0001": None})
    theirs = edited(base, {"MEA-0001": {"note": "re-measured"}})
    out = tmp_path / "merged.toml"
    report = tmp_path / "report.toml"
    args = [*_files(tmp_path, base, ours, theirs), "-o", str(out), "--conflicts", str(report)]
    assert main(["merge", *args]) == 1
    assert not out.exists()
    conflicts = tomllib.loads(report.read_text(encoding="utf-8"))["conflicts"]
    assert conflicts == [
        {
            "kind": "deleted and edited",
            "collection": "measurements",
            "id": "MEA-0001",
            "message": "note",
        }
    ]


def test_a_merge_that_breaks_a_reference_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = edited(demo_snapshot().dataset, {}, added=(new_supplier(),))
    ours = edited(base, {"SUP-0100": None})
    contract = Agreement(
        id="AGR-0100",
        title="Courier contract",
        kind=AgreementKind.CONTRACT,
        supplier_id="SUP-0100",
        created_at=EXPORTED_AT,
        updated_at=EXPORTED_AT,
    )
    theirs = edited(base, {}, added=(contract,))
    out = tmp_path / "merged.toml"
    assert main(["merge", *_files(tmp_path, base, ours, theirs), "-o", str(out)]) == 1
    assert not out.exists()
    assert "agreements[AGR-0100].supplier_id: refers to SUP-0100" in capsys.readouterr().err


def test_bad_input_is_exit_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = write(tmp_path / "base.toml", demo_snapshot().dataset)
    bad = tmp_path / "theirs.toml"
    bad.write_text("not toml = = 1\n")
    out = tmp_path / "out.toml"
    assert main(["merge", str(base), str(base), str(bad), "-o", str(out)]) == 2
    assert str(bad) in capsys.readouterr().err
    assert not out.exists()


_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(base=data_sets(max_per_collection=2), x=data_sets(max_per_collection=2))
def test_a_side_that_changed_nothing_yields_the_other_side(base: DataSet, x: DataSet) -> None:
    expected = record_tables(_snap(x))
    assert _merge(base, x, base) == (expected, [])
    assert _merge(base, base, x) == (expected, [])


@_SETTINGS
@given(x=data_sets(max_per_collection=2), y=st.booleans())
def test_merging_identical_sides_is_that_side(x: DataSet, y: bool) -> None:
    base = DataSet() if y else x
    assert _merge(base, x, x) == (record_tables(_snap(x)), [])


GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_git_merge_uses_the_driver_for_two_sites_edits(tmp_path: Path) -> None:
    assert GIT is not None
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Site A",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "Site A",
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    driver = f'"{sys.executable}" -m itsms_tui merge %O %A %B -o %A --conflicts %P.conflicts.toml'

    def git(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [GIT, *args],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=check,
            timeout=120,
        )

    git("init", "-q", "-b", "main")
    git("config", "merge.itsms.name", "itsms-tui snapshot merge")
    git("config", "merge.itsms.driver", driver)
    (repo / ".gitattributes").write_text("*.toml merge=itsms\n")
    base = demo_snapshot().dataset
    write(repo / "itsms.toml", base)
    git("add", ".")
    git("commit", "-qm", "base")
    git("tag", "base")
    git("checkout", "-qb", "site-b")
    write(repo / "itsms.toml", edited(base, {"SUP-0001": {"relationship_owner": "PER-0007"}}))
    git("commit", "-qam", "site b")
    git("checkout", "-q", "main")
    write(repo / "itsms.toml", edited(base, {"SUP-0001": {"category": "Cloud and colocation"}}))
    git("commit", "-qam", "site a")

    merged = git("merge", "--no-edit", "site-b")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    stratus = next(
        s
        for s in tomllib.loads((repo / "itsms.toml").read_text())["suppliers"]
        if s["id"] == "SUP-0001"
    )
    assert (stratus["category"], stratus["relationship_owner"]) == (
        "Cloud and colocation",
        "PER-0007",
    )

    # a conflicting edit: git stops, the file keeps our side and stays a valid snapshot
    git("checkout", "-qb", "site-c", "base")
    write(repo / "itsms.toml", edited(base, {"SUP-0001": {"category": "Colocation"}}))
    git("commit", "-qam", "site c")
    git("checkout", "-q", "main")
    conflicted = git("merge", "--no-edit", "site-c", check=False)
    assert conflicted.returncode != 0
    assert "CONFLICT" in conflicted.stdout
    assert "suppliers[SUP-0001].category: both edited" in conflicted.stdout + conflicted.stderr
    status = git("status", "--porcelain").stdout
    assert "UU itsms.toml" in status
    load_snapshot((repo / "itsms.toml").read_bytes(), source="itsms.toml")
    report = tomllib.loads((repo / "itsms.toml.conflicts.toml").read_text(encoding="utf-8"))
    assert [c["field"] for c in report["conflicts"]] == ["category"]
