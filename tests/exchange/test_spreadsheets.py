"""Spreadsheets in and out: files as Excel, LibreOffice and openpyxl write them."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from itsms_tui.cli import main
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.enums import AuditAction, Criticality, SupplierStatus
from itsms_tui.domain.kpis import Measurement
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.resources import sample_data_path
from itsms_tui.services.spreadsheet_columns import CellError, columns_of, parse_date
from itsms_tui.store.records import RecordStore

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "itsms.json"
    assert main(["import", str(sample_data_path("demo.toml")), "--data", str(path)]) == 0
    capsys.readouterr()
    return path


def _suppliers(path: Path) -> dict[str, Supplier]:
    return {s.name: s for s in RecordStore.open(path, read_only=True).dataset().all(Supplier)}


def _person(path: Path, person_id: str | None) -> str:
    return person_name(RecordStore.open(path, read_only=True).dataset(), person_id)


def test_excel_bom_semicolon_csv_previews_then_imports(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = FIXTURES / "suppliers_excel_semicolon_bom.csv"
    before = data_file.read_bytes()
    args = ["import", str(sheet), "--collection", "suppliers", "--data", str(data_file)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "CSV, UTF-8 with BOM, ';'-separated" in out
    assert '"Criticality tier" -> criticality' in out
    assert 'unknown columns (ignored): "Colour"' in out
    assert "row 2: update SUP-0001" in out and "category" in out
    assert 'row 3: create "Kite Logistik GmbH"' in out
    assert 'row 4: create "Nordlicht; Reinigung"' in out
    assert "2 to create, 1 to update, 0 unchanged, 0 error(s)" in out
    assert data_file.read_bytes() == before  # --dry-run wrote nothing

    assert main(args) == 0
    suppliers = _suppliers(data_file)
    stratus = suppliers["Stratus Cloud Europe B.V."]
    assert stratus.id == "SUP-0001" and stratus.category == "Cloud and colocation"
    assert stratus.services_provided == ["IaaS compute", "Object storage"]
    assert stratus.approved_on == date(2023, 10, 9)  # 09/10/2023, day first (row 3 proves it)
    kite = suppliers["Kite Logistik GmbH"]
    assert (kite.criticality, kite.status) == (Criticality.MEDIUM, SupplierStatus.EVALUATING)
    assert _person(data_file, kite.relationship_owner) == "Jörg Weiß"  # filed as a new person
    assert kite.approved_on == date(2026, 11, 25)
    assert stratus.contacts, "fields without a column keep their values"
    trail = RecordStore.open(data_file, read_only=True).audit_trail()
    assert [e.action for e in trail[-3:]].count(AuditAction.CREATE) == 2


def test_cp1252_csv_needs_its_encoding_named(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = FIXTURES / "suppliers_excel_cp1252.csv"
    args = ["import", str(sheet), "--collection", "suppliers", "--data", str(data_file)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "not UTF-8 text" in err and "--encoding cp1252" in err
    assert main([*args, "--encoding", "cp1252"]) == 0
    cafe = _suppliers(data_file)["Café Réseau SARL"]
    assert cafe.notes == "Contrat à 1 500 € par mois"
    assert _person(data_file, cafe.relationship_owner) == "Élodie Brunet"


def test_libreoffice_csv_updates_by_id_and_creates_with_quoted_newlines(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = FIXTURES / "risks_libreoffice.csv"
    args = ["import", str(sheet), "--collection", "risks", "--data", str(data_file)]
    assert main(args) == 0
    assert "CSV, UTF-8, ','-separated" in capsys.readouterr().out
    risks = {r.title: r for r in RecordStore.open(data_file, read_only=True).dataset().all(Risk)}
    carrier = risks["Single carrier at Calder depots: a fibre cut isolates a depot"]
    assert (carrier.id, carrier.likelihood, carrier.review_date) == (
        "RSK-0001",
        3,
        date(2026, 12, 15),
    )
    tapes = risks["Courier loses backup tapes"]
    assert (tapes.likelihood, tapes.impact, tapes.mitigation_actions) == (
        2,
        5,
        ["Encrypted tapes only"],
    )


def test_openpyxl_workbook_adds_measurements(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = FIXTURES / "measurements_openpyxl.xlsx"
    args = ["import", str(sheet), "--collection", "measurements", "--data", str(data_file)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "XLSX, sheet 'Measurements'" in out
    assert '"Entered by (ignored)"' in out
    found = [
        m
        for m in RecordStore.open(data_file, read_only=True).dataset().all(Measurement)
        if m.measured_on == date(2026, 7, 15)
    ]
    assert [(m.kpi_id, m.value, m.note) for m in found] == [
        ("KPI-0001", 99.95, "Mid-July figure from the portal"),
        ("KPI-0002", 3.0, ""),
    ]
    # the same sheet again: matched by KPI and date, nothing new
    assert main(args) == 0
    assert "0 to create, 0 to update, 2 unchanged" in capsys.readouterr().out


def test_row_errors_are_all_reported_and_nothing_is_written(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = data_file.read_bytes()
    sheet = FIXTURES / "suppliers_with_errors.csv"
    args = ["import", str(sheet), "--collection", "suppliers", "--data", str(data_file)]
    assert main(args) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"{sheet}: row 3, criticality: must be one of critical, high, medium, low" in err[0]
    assert f"{sheet}: row 4, approved_on:" in err[1] and "ambiguous" in err[1]
    assert "2 row error(s); nothing was imported" in err[-1]
    assert data_file.read_bytes() == before


def test_export_csv_and_xlsx_round_trip_through_import(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "suppliers.csv"
    assert (
        main(["export", "--data", str(data_file), "--collection", "suppliers", "-o", str(out)]) == 0
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 14 and rows[0]["id"] == "SUP-0001"
    assert "\n" in rows[0]["services_provided"]
    capsys.readouterr()
    assert main(["import", str(out), "--collection", "suppliers", "--data", str(data_file)]) == 0
    assert "0 to create, 0 to update, 14 unchanged" in capsys.readouterr().out

    book_path = tmp_path / "kpis.xlsx"
    assert (
        main(
            [
                "export",
                "--data",
                str(data_file),
                "--format",
                "xlsx",
                "--collection",
                "kpis",
                "-o",
                str(book_path),
            ]
        )
        == 0
    )
    book = load_workbook(book_path)
    assert book.sheetnames == ["kpis", "measurements"]
    header = [c.value for c in book["kpis"][1]]
    assert header[:2] == ["id", "name"] and header[-3:] == [
        "latest_value",
        "latest_measured_on",
        "status",
    ]
    assert book["measurements"].max_row > 100


def test_spreadsheet_text_that_looks_like_a_formula_stays_text(
    data_file: Path, tmp_path: Path
) -> None:
    store = RecordStore.open(data_file)
    store.create(Supplier(name='=HYPERLINK("http://x")', category="[b]x[/b]"))
    book_path = tmp_path / "s.xlsx"
    assert (
        main(
            ["export", "--data", str(data_file), "--collection", "suppliers", "-o", str(book_path)]
        )
        == 0
    )
    names = [c.value for c in load_workbook(book_path)["suppliers"]["B"]]
    assert '\'=HYPERLINK("http://x")' in names  # quoted: the formula guard
    cell = next(c for c in load_workbook(book_path)["suppliers"]["B"] if c.value == names[-1])
    assert cell.data_type == "s"


def test_usage_errors_are_one_line_exit_2(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = FIXTURES / "risks_libreoffice.csv"
    assert main(["import", str(sheet), "--data", str(data_file)]) == 2
    assert "needs --collection NAME" in capsys.readouterr().err
    assert main(["import", str(sheet), "--collection", "kpis", "--data", str(data_file)]) == 2
    assert "choose from suppliers, agreements, risks, measurements" in capsys.readouterr().err
    assert main(["export", "--demo", "--format", "xlsx", "--collection", "risks"]) == 2
    assert "-o FILE.xlsx" in capsys.readouterr().err
    assert main(["export", "--demo", "--format", "csv"]) == 2
    assert "needs --collection" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "proven", "expected"),
    [
        ("2026-04-03", False, date(2026, 4, 3)),
        ("25/12/2026", False, date(2026, 12, 25)),
        ("03/04/2026", True, date(2026, 4, 3)),
        ("05/05/2026", False, date(2026, 5, 5)),
        ("31.01.2027", False, date(2027, 1, 31)),
    ],
)
def test_dates_as_spreadsheets_write_them(text: str, proven: bool, expected: date) -> None:
    assert parse_date(text, day_first_proven=proven) == expected


@pytest.mark.parametrize("text", ["03/04/2026", "12/25/2026", "31/02/2026", "tomorrow"])
def test_dates_that_are_refused_not_guessed(text: str) -> None:
    with pytest.raises(CellError):
        parse_date(text)


def test_sub_tables_are_not_columns() -> None:
    fields = [c.field for c in columns_of("suppliers")]
    assert "contacts" not in fields and fields[0] == "id"


def test_a_row_refused_while_saving_leaves_every_row_unsaved(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "measurements.csv"
    sheet.write_text(
        "kpi_id,measured_on,value\nKPI-0001,2026-07-16,99.1\nKPI-0002,2999-01-31,3\n",
        encoding="utf-8",
    )
    before = data_file.read_bytes()
    args = ["import", str(sheet), "--collection", "measurements", "--data", str(data_file)]
    assert main(args) == 2
    assert "2999-01-31 is in the future" in capsys.readouterr().err
    assert data_file.read_bytes() == before


def test_read_only_refuses_a_spreadsheet_import_but_allows_its_preview(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = data_file.read_bytes()
    sheet = FIXTURES / "risks_libreoffice.csv"
    args = ["--read-only", "import", str(sheet), "--collection", "risks", "--data", str(data_file)]
    assert main(args) == 2
    assert "--read-only" in capsys.readouterr().err
    assert main([*args, "--dry-run"]) == 0
    assert data_file.read_bytes() == before


def test_an_agreement_sheet_may_name_its_supplier_instead_of_the_id(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = FIXTURES / "agreements_with_supplier_names.csv"
    args = ["import", str(sheet), "--collection", "agreements", "--data", str(data_file)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert 'row 3, supplier_id: no record in suppliers has the id or name "Nobody Ltd"' in err
    good = tmp_path / "agreements.csv"
    good.write_bytes(b"\xef\xbb\xbf" + sheet.read_bytes().split(b"\nGhost")[0] + b"\n")
    assert main(["import", str(good), "--collection", "agreements", "--data", str(data_file)]) == 0
    agreements = RecordStore.open(data_file, read_only=True).dataset().all(Agreement)
    kite = next(a for a in agreements if a.title == "Kite courier framework")
    assert (kite.supplier_id, kite.end_date, kite.notice_days) == (
        "SUP-0002",
        date(2026, 12, 31),
        90,
    )


FORMULA_NAMES = ("=1+1", "+44 20 7946", "-minus", "@SUM(A1)", "'=already quoted", "'plain")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_formula_like_text_is_quoted_on_export_and_restored_on_import(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    store = RecordStore.open(data_file)
    for name in FORMULA_NAMES:
        store.create(Supplier(name=name, category="Test"))
    out = tmp_path / f"suppliers.{kind}"
    args = ["export", "--data", str(data_file), "--collection", "suppliers", "-o", str(out)]
    assert main([*args, "--format", kind]) == 0
    if kind == "csv":
        text = out.read_bytes().decode("utf-8-sig")
        names = [row["name"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    else:
        names = [str(c.value) for c in load_workbook(out)["suppliers"]["B"]][1:]
    assert "'=1+1" in names and "'+44 20 7946" in names and "'-minus" in names
    assert "'@SUM(A1)" in names
    assert "''=already quoted" in names  # one more quote, so the import can remove one
    assert "'plain" in names and "Meridian Fibre Networks Ltd" in names  # untouched
    capsys.readouterr()
    assert main(["import", str(out), "--collection", "suppliers", "--data", str(data_file)]) == 0
    assert "0 to create, 0 to update, 20 unchanged" in capsys.readouterr().out
    stored = set(_suppliers(data_file))
    assert set(FORMULA_NAMES) <= stored and not any(n.startswith("''") for n in stored)


def test_a_quoted_formula_cell_written_by_hand_imports_without_its_quote(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "new.csv"
    sheet.write_text("name,category\n'=2+2,Hand made\n'-dash,Hand made\n", encoding="utf-8")
    assert main(["import", str(sheet), "--collection", "suppliers", "--data", str(data_file)]) == 0
    assert {"=2+2", "-dash"} <= set(_suppliers(data_file))
