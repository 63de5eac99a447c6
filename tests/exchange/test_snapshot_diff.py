"""``itsms-tui diff``: every kind of change on the demo snapshot, against golden output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.domain.enums import Criticality
from itsms_tui.domain.suppliers import Supplier
from tests.exchange.exchange_helpers import demo_snapshot, edited, new_supplier, with_contact, write

GOLDEN = Path(__file__).parent / "golden"


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    base = demo_snapshot().dataset
    stratus = base.get_as(Supplier, "SUP-0001")
    assert stratus is not None
    new = edited(
        base,
        {
            "SUP-0001": {
                "criticality": Criticality.HIGH,
                "review_interval_months": None,
                "notes": "Renewal talks [@click=app.quit]x[/]",
                **with_contact(stratus, "night@stratus.example"),
            },
            "RSK-0001": {"likelihood": 2, "mitigation_actions": ["Second circuit"]},
            "MEA-0001": None,
        },
        added=(new_supplier(),),
    )
    return write(tmp_path / "old.toml", base), write(tmp_path / "new.toml", new)


def test_text_diff_lists_every_kind_of_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _pair(tmp_path)
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out.replace(str(tmp_path), "TMP")
    assert out == (GOLDEN / "diff.txt").read_text(encoding="utf-8")


def test_json_diff_carries_old_and_new_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _pair(tmp_path)
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document == json.loads((GOLDEN / "diff.json").read_text(encoding="utf-8"))
    changed = {(r["id"], r["change"]) for r in document["records"]}
    assert ("SUP-0100", "added") in changed and ("MEA-0001", "removed") in changed


def test_equal_snapshots_exit_zero_even_when_exported_at_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = demo_snapshot().dataset
    old = write(tmp_path / "old.toml", base)
    text = old.read_text(encoding="utf-8").replace("2026-03-01 12:00:00", "2027-01-01 08:00:00")
    new = tmp_path / "new.toml"
    new.write_text(text, encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    assert "hold the same records" in capsys.readouterr().out


def test_a_bad_file_is_one_line_naming_it_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.toml", demo_snapshot().dataset)
    bad = tmp_path / "bad.toml"
    bad.write_text('[snapshot]\nformat = "itsms-tui-snapshot"\nschema_version = "one"\n')
    assert main(["diff", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert f"{bad}: snapshot.schema_version" in err
    assert main(["diff", str(tmp_path / "missing.toml"), str(good)]) == 2
    assert "missing.toml" in capsys.readouterr().err
