"""Integrity rules hold on every path: import, import --dry-run, check --snapshot.

Each refused snapshot is the demo data with one record made inconsistent; all three
commands must refuse it with the same one-line message naming record and field, exit 2,
and leave the data file untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpis import Measurement
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Criterion, Evaluation, Supplier, SupplierReview
from itsms_tui.services.workspace import Workspace
from itsms_tui.snapshot.demo import load_demo
from itsms_tui.snapshot.export import export_snapshot

TODAY = date.today()


def _with(record_id: str, **updates: object) -> Callable[[DataSet], DataSet]:
    def edit(data: DataSet) -> DataSet:
        out: list[Record] = []
        for record in data:
            if record.id == record_id:
                values = record.model_dump()
                values.update(updates)
                record = type(record).model_validate(values)
            out.append(record)
        return DataSet(out)

    return edit


def _latest_measurement(data: DataSet) -> str:
    return data.all(Measurement)[0].id


def _future_measurement(data: DataSet) -> DataSet:
    return _with(_latest_measurement(data), measured_on=TODAY + timedelta(days=3))(data)


LOW_SCORES = [
    Criterion(name=n, weight=1, score=1)
    for n in ("capability", "expertise", "reliability", "alignment")
]

REFUSED: dict[str, tuple[Callable[[DataSet], DataSet], str]] = {
    "closed change without approval": (
        _with("CHG-0008", approver="", approved_on=None),
        "changes[CHG-0008].approver: a closed normal change needs Approver, Decided on",
    ),
    "closed before requested": (
        _with("CHG-0008", closed_on=date(2000, 1, 1)),
        "changes[CHG-0008].closed_on: Closed on (2000-01-01) is before Reviewed on",
    ),
    "requested in the future": (
        _with("CHG-0002", requested_on=TODAY + timedelta(days=5)),
        f"changes[CHG-0002].requested_on: {TODAY + timedelta(days=5)} is in the future",
    ),
    "review of another supplier's agreement": (
        _with("REV-0003", agreement_id="AGR-0001"),
        "reviews[REV-0003].agreement_id: AGR-0001 is an agreement of SUP-0001, not of SUP-0002",
    ),
    "selected below the threshold": (
        _with("EVL-0001", criteria=LOW_SCORES),
        "evaluations[EVL-0001].decision: selected with a score of 1.00, below the selection "
        "threshold 3",
    ),
    "measurement in the future": (
        _future_measurement,
        ".measured_on: measured on",
    ),
    "active supplier never approved": (
        _with("SUP-0001", approved_on=None),
        "suppliers[SUP-0001].approved_on: a supplier that is active needs Approved on "
        "(recorded by its approval)",
    ),
    "suspended supplier without an owner": (
        _with("SUP-0007", relationship_owner=""),
        "suppliers[SUP-0007].relationship_owner: a supplier that is suspended needs "
        "Relationship owner",
    ),
    "supplier approved in the future": (
        _with("SUP-0014", approved_on=TODAY + timedelta(days=9)),
        f"suppliers[SUP-0014].approved_on: {TODAY + timedelta(days=9)} is in the future",
    ),
    "supplier history marker without --allow-history": (
        _with("SUP-0013", imported_history=True),
        "suppliers[SUP-0013].imported_history: marks imported history; import it with "
        "--allow-history",
    ),
    "history marker without --allow-history": (
        _with("CHG-0001", imported_history=True),
        "changes[CHG-0001].imported_history: marks imported history; import it with "
        "--allow-history",
    ),
}


def _write(tmp_path: Path, data: DataSet) -> Path:
    from datetime import UTC, datetime

    path = tmp_path / "snapshot.toml"
    text = export_snapshot(data, exported_at=datetime.now(UTC), app_version="9.9.9")
    path.write_text(text, encoding="utf-8")
    return path


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_import_dry_run_and_check_refuse_alike(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, expected = REFUSED[case]
    snapshot = _write(tmp_path, edit(load_demo(TODAY)))
    data = tmp_path / "itsms.json"
    lines = []
    for argv in (
        ["import", str(snapshot), "--data", str(data)],
        ["import", str(snapshot), "--data", str(data), "--dry-run"],
        ["check", "--snapshot", str(snapshot)],
    ):
        assert main(argv) == 2, argv
        line = _one_line(capsys.readouterr().err)
        assert str(snapshot) in line and expected in line, line
        lines.append(line)
    assert len(set(lines)) == 1, lines
    assert not data.exists()


def test_the_unchanged_demo_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    snapshot = _write(tmp_path, load_demo(TODAY))
    assert main(["import", str(snapshot), "--data", str(tmp_path / "d.json")]) == 0


def test_allow_history_keeps_the_change_marked_and_check_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, _ = REFUSED["closed change without approval"]
    snapshot = _write(tmp_path, edit(load_demo(TODAY)))
    data = tmp_path / "itsms.json"
    assert main(["import", str(snapshot), "--data", str(data), "--allow-history"]) == 0
    capsys.readouterr()
    stored = Workspace.open_file(data, read_only=True).store.get(ChangeRequest, "CHG-0008")
    assert stored.imported_history
    others = Workspace.open_file(data, read_only=True).data().all(ChangeRequest)
    assert [c.id for c in others if c.imported_history] == ["CHG-0008"]
    main(["check", "--data", str(data), "--rule", "CHG-HISTORY"])
    out = capsys.readouterr().out
    assert "CHG-0008" in out and "imported history: closed without Approver, Decided on" in out
    main(["check", "--snapshot", str(snapshot), "--allow-history", "--rule", "CHG-HISTORY"])
    assert "CHG-0008" in capsys.readouterr().out


def test_allow_history_does_not_excuse_dates_out_of_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, expected = REFUSED["closed before requested"]
    snapshot = _write(tmp_path, edit(load_demo(TODAY)))
    data = tmp_path / "itsms.json"
    assert main(["import", str(snapshot), "--data", str(data), "--allow-history"]) == 2
    assert expected in _one_line(capsys.readouterr().err)


def test_a_reviews_agreement_of_the_same_supplier_imports(tmp_path: Path) -> None:
    demo = load_demo(TODAY)
    review = demo.get_as(SupplierReview, "REV-0001")
    assert review is not None and review.supplier_id == "SUP-0001"
    snapshot = _write(tmp_path, demo)
    assert main(["import", str(snapshot), "--data", str(tmp_path / "d.json"), "--dry-run"]) == 0


def test_selected_below_threshold_with_a_reason_imports(tmp_path: Path) -> None:
    edit = _with("EVL-0001", criteria=LOW_SCORES, below_threshold_reason="Sole supplier in region")
    snapshot = _write(tmp_path, edit(load_demo(TODAY)))
    assert main(["import", str(snapshot), "--data", str(tmp_path / "d.json")]) == 0
    evaluation = Workspace.open_file(tmp_path / "d.json").store.get(Evaluation, "EVL-0001")
    assert evaluation.below_threshold_reason == "Sole supplier in region"


def test_the_selection_threshold_is_a_setting(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    edit, _ = REFUSED["selected below the threshold"]
    path = tmp_path / "snapshot.toml"
    text = export_snapshot(
        edit(load_demo(TODAY)),
        exported_at=datetime.now(UTC),
        app_version="9.9.9",
        settings={"selection_threshold": 1.0},
    )
    path.write_text(text, encoding="utf-8")
    assert main(["import", str(path), "--data", str(tmp_path / "d.json")]) == 0


def test_a_spreadsheet_preview_refuses_what_the_import_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "itsms.json"
    assert main(["import", str(_write(tmp_path, load_demo(TODAY))), "--data", str(data)]) == 0
    sheet = tmp_path / "measurements.csv"
    ahead = TODAY + timedelta(days=40)
    sheet.write_text(f"kpi_id,measured_on,value\nKPI-0001,{ahead},3\n", encoding="utf-8")
    capsys.readouterr()
    base = ["import", str(sheet), "--collection", "measurements", "--data", str(data)]
    for argv in (base, [*base, "--dry-run"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"{sheet}: row 2, measured_on: measured on {ahead} is in the future" in err, err


def test_allow_history_keeps_an_unapproved_active_supplier_marked_and_check_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, _ = REFUSED["active supplier never approved"]
    snapshot = _write(tmp_path, edit(load_demo(TODAY)))
    data = tmp_path / "itsms.json"
    assert main(["import", str(snapshot), "--data", str(data), "--allow-history"]) == 0
    capsys.readouterr()
    suppliers = Workspace.open_file(data, read_only=True).data().all(Supplier)
    assert [s.id for s in suppliers if s.imported_history] == ["SUP-0001"]
    main(["check", "--data", str(data), "--rule", "SUP-HISTORY"])
    out = capsys.readouterr().out
    assert "SUP-0001" in out and "imported history: active without Approved on" in out
    main(["check", "--snapshot", str(snapshot), "--allow-history", "--rule", "SUP-HISTORY"])
    assert "SUP-0001" in capsys.readouterr().out


def test_allow_history_does_not_excuse_an_approval_in_the_future(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, expected = REFUSED["supplier approved in the future"]
    snapshot = _write(tmp_path, edit(load_demo(TODAY)))
    data = tmp_path / "itsms.json"
    assert main(["import", str(snapshot), "--data", str(data), "--allow-history"]) == 2
    assert expected in _one_line(capsys.readouterr().err)
