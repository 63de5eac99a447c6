"""Customers through spreadsheets, like suppliers: export, re-import unchanged, edit a
cell, name the relationship manager by name, and a new customer created from a row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.domain.customers import Customer, CustomerType
from itsms_tui.domain.people_refs import person_name
from itsms_tui.resources import sample_data_path
from itsms_tui.store.records import RecordStore


@pytest.fixture
def data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "itsms.json"
    assert main(["import", str(sample_data_path("demo.toml")), "--data", str(path)]) == 0
    capsys.readouterr()
    return path


def _customers(path: Path) -> tuple[dict[str, Customer], RecordStore]:
    store = RecordStore.open(path, read_only=True)
    return {c.name: c for c in store.dataset().all(Customer)}, store


def test_customers_round_trip_and_update_through_a_csv(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "customers.csv"
    args = ["--data", str(data_file), "--collection", "customers"]
    assert main(["export", *args, "-o", str(out)]) == 0
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows] == ["CUS-0001", "CUS-0002", "CUS-0003", "CUS-0004"]
    assert rows[0]["name"] == "Harrowby Insurance plc"
    assert rows[0]["relationship_manager"].startswith("PER-")
    capsys.readouterr()
    assert main(["import", str(out), *args]) == 0
    assert "0 to create, 0 to update, 4 unchanged" in capsys.readouterr().out

    rows[1]["type"] = "Internal"
    rows[1]["relationship_manager"] = "Elena Marsh"
    rows.append({**{k: "" for k in rows[0]}, "name": "Pellworth Logistics", "type": "external"})
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert main(["import", str(edited), *args]) == 0
    assert "1 to create, 1 to update, 3 unchanged" in capsys.readouterr().out

    customers, store = _customers(data_file)
    calder = customers["Calder Freight Ltd"]
    assert calder.type is CustomerType.INTERNAL
    assert person_name(store.dataset(), calder.relationship_manager) == "Elena Marsh"
    assert calder.contacts  # a sub-table the sheet does not carry is kept
    assert customers["Pellworth Logistics"].id == "CUS-0005"


def test_a_customer_row_with_a_bad_type_is_refused_by_row_and_column(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("name,type\nNew Co,partner\n", encoding="utf-8")
    code = main(["import", str(sheet), "--data", str(data_file), "--collection", "customers"])
    assert code != 0
    err = capsys.readouterr().err
    assert "type" in err and "must be one of external, internal" in err
    assert "Traceback" not in err
    customers, _ = _customers(data_file)
    assert "New Co" not in customers
