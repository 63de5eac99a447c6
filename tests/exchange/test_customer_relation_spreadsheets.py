"""Satisfaction results, complaints and customer reviews through spreadsheets, like the
customers: export and re-import unchanged (CSV and XLSX), rows naming the customer and
people by name, rows without an id matched on what identifies them, and bad rows refused
by file, row and field with nothing written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from itsms_tui.cli import main
from itsms_tui.domain.customers import (
    Complaint,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerReview,
    SatisfactionResult,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.people_refs import people_names, person_name
from itsms_tui.resources import sample_data_path
from itsms_tui.store.records import RecordStore

COUNTS = {"satisfaction": 12, "complaints": 4, "customer_reviews": 4}


@pytest.fixture
def data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "itsms.json"
    assert main(["import", str(sample_data_path("demo.toml")), "--data", str(path)]) == 0
    capsys.readouterr()
    return path


def _data(path: Path) -> DataSet:
    return RecordStore.open(path, read_only=True).dataset()


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("collection", list(COUNTS))
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_each_register_exports_and_imports_back_unchanged(
    data_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    collection: str,
    kind: str,
) -> None:
    out = tmp_path / f"{collection}.{kind}"
    args = ["--data", str(data_file), "--collection", collection]
    assert main(["export", *args, "-o", str(out)]) == 0
    before = [r.content() for r in _data(data_file).collection(collection)]
    if kind == "xlsx":
        sheet = load_workbook(out)[collection]
        assert sheet.max_row == COUNTS[collection] + 1
        header = [c.value for c in sheet[1]]
    else:
        rows = _rows(out)
        assert len(rows) == COUNTS[collection]
        header = list(rows[0])
    assert header[:2] == ["id", "customer_id"]
    capsys.readouterr()
    assert main(["import", str(out), *args]) == 0
    assert f"0 to create, 0 to update, {COUNTS[collection]} unchanged" in capsys.readouterr().out
    assert [r.content() for r in _data(data_file).collection(collection)] == before


def test_satisfaction_rows_by_customer_name_update_the_matching_result_or_add_one(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "satisfaction.csv"
    original = {r.id: r for r in _data(data_file).all(SatisfactionResult)}
    latest = original["SAT-0012"]  # Aldermoor, 2.9 of 5, no action
    sheet.write_text(
        "Customer,Measured on,Score,Scale (best score),Respondents,Analysis,Improvement actions\n"
        f"Aldermoor Borough Council,{latest.measured_on},2.9,5,11,SOC backlog named by 3 of 11,"
        "ACN-0001\n"
        "Kestrel Health Partners,2026-11-01,4.5,5,3,First pulse survey after onboarding,\n",
        encoding="utf-8",
    )
    args = ["import", str(sheet), "--collection", "satisfaction", "--data", str(data_file)]
    assert main(args) == 0
    assert "1 to create, 1 to update, 0 unchanged" in capsys.readouterr().out
    data = _data(data_file)
    updated = data.get("SAT-0012")
    assert isinstance(updated, SatisfactionResult)
    assert updated.analysis == "SOC backlog named by 3 of 11"
    assert updated.action_ids == ["ACN-0001"] and updated.customer_id == latest.customer_id
    [new] = [r for r in data.all(SatisfactionResult) if r.id not in original]
    assert new.customer_id == "CUS-0004" and new.score == 4.5 and new.respondents == 3


def test_complaints_close_by_row_and_a_new_one_names_customer_and_people(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "complaints.csv"
    args = ["--data", str(data_file), "--collection", "complaints"]
    assert main(["export", *args, "-o", str(out)]) == 0
    rows = _rows(out)
    assert rows[2]["id"] == "CMP-0003" and rows[2]["owner"].startswith("PER-")
    rows[2].update(
        status="Closed",
        resolution="Reports now sent on Mondays by 09:00.",
        resolved_on="2026-11-20",
        reported_on="2026-11-21",
    )
    rows.append(
        {
            **{k: "" for k in rows[0]},
            "customer_id": "Calder Freight Ltd",
            "title": "Invoices sent to the wrong cost centre",
            "received_on": "2026-11-25",
            "owner": "Marcus Reid",
            "severity": "high",
            "escalated_to": "Priya Raman",
            "escalated_on": "2026-11-26",
        }
    )
    capsys.readouterr()
    assert main(["import", str(_write(tmp_path / "edited.csv", rows)), *args]) == 0
    assert "1 to create, 1 to update, 3 unchanged" in capsys.readouterr().out
    data = _data(data_file)
    closed = data.get("CMP-0003")
    assert isinstance(closed, Complaint) and closed.status is ComplaintStatus.CLOSED
    [new] = [c for c in data.all(Complaint) if c.title.startswith("Invoices")]
    assert new.customer_id == "CUS-0002" and new.severity is ComplaintSeverity.HIGH
    assert person_name(data, new.owner) == "Marcus Reid"
    assert person_name(data, new.escalated_to) == "Priya Raman"


def test_a_review_row_without_an_id_matches_by_customer_and_date(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _data(data_file).get("CRV-0004")
    assert isinstance(review, CustomerReview)
    sheet = _write(
        tmp_path / "reviews.csv",
        [
            {
                "customer_id": "aldermoor borough council",
                "held_on": review.held_on.isoformat(),
                "attendees": "Elena Marsh\nGareth Owusu",
                "outcomes": "Retention needs confirmed: 7 years.",
            }
        ],
    )
    args = ["import", str(sheet), "--collection", "customer_reviews", "--data", str(data_file)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "0 to create, 1 to update, 0 unchanged" in out and "CRV-0004" in out
    data = _data(data_file)
    after = data.get("CRV-0004")
    assert isinstance(after, CustomerReview)
    assert after.outcomes == "Retention needs confirmed: 7 years."
    assert people_names(data, after.attendees) == "Elena Marsh, Gareth Owusu"
    assert after.performance_trends == review.performance_trends  # a column not in the sheet


def test_bad_rows_are_refused_by_file_row_and_field_and_nothing_is_written(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = data_file.read_bytes()
    sheet = tmp_path / "bad-complaints.csv"
    sheet.write_text(
        "customer_id,title,received_on,severity,status\n"
        "Nobody Ltd,Printer jams,2026-11-01,low,open\n"
        "Calder Freight Ltd,Slow VPN,2026-13-01,low,open\n"
        "Calder Freight Ltd,Lost parcel,2026-11-02,urgent,open\n",
        encoding="utf-8",
    )
    args = ["import", str(sheet), "--collection", "complaints", "--data", str(data_file)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert (
        f'{sheet}: row 2, customer_id: no record in customers has the id or name "Nobody Ltd"'
        in err
    )
    assert f"{sheet}: row 3, received_on:" in err and "not a real date" in err
    assert f"{sheet}: row 4, severity: must be one of low, medium, high, critical" in err
    assert "Traceback" not in err
    assert data_file.read_bytes() == before


def test_a_satisfaction_score_above_its_scale_is_refused_naming_the_row(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = data_file.read_bytes()
    sheet = tmp_path / "bad-satisfaction.csv"
    sheet.write_text(
        "customer_id,measured_on,score,scale_max\nCUS-0001,2026-11-01,7,5\n", encoding="utf-8"
    )
    args = ["import", str(sheet), "--collection", "satisfaction", "--data", str(data_file)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{sheet}: row 2" in err and "score (7) is above the scale (5)" in err
    assert data_file.read_bytes() == before
