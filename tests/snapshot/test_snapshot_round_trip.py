"""Export is deterministic and export -> import -> export reproduces every record exactly."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.plan import Resource
from itsms_tui.domain.registry import COLLECTIONS
from itsms_tui.domain.suppliers import Contact, Supplier
from itsms_tui.snapshot import (
    SNAPSHOT_FORMAT,
    SNAPSHOT_SCHEMA_VERSION,
    SnapshotExportError,
    export_snapshot,
    load_demo,
    load_snapshot,
)
from tests.snapshot.snapshot_helpers import EXPORTED_AT, export
from tests.strategies import data_sets


@pytest.fixture(scope="module")
def demo() -> DataSet:
    return load_demo(date(2026, 11, 25))


def _records(data: DataSet) -> list[dict[str, object]]:
    return [r.model_dump() for r in data]


def test_demo_survives_export_import_export(demo: DataSet) -> None:
    text = export(demo)
    again = load_snapshot(text, source="demo.toml")
    assert _records(again.dataset) == _records(demo)
    assert export(again.dataset) == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_sets())
def test_any_valid_data_survives_the_round_trip(data: DataSet) -> None:
    text = export(data)
    loaded = load_snapshot(text, source="generated.toml")
    assert _records(loaded.dataset) == _records(data)
    assert export(loaded.dataset) == text


def test_two_exports_of_the_same_data_are_byte_identical(demo: DataSet) -> None:
    rebuilt = DataSet(reversed(list(demo)))  # insertion order must not matter
    assert export(demo).encode() == export(rebuilt).encode()


def test_exports_differ_only_in_exported_at(demo: DataSet) -> None:
    later = export_snapshot(demo, exported_at=EXPORTED_AT + timedelta(days=1), app_version="9.9.9")
    diff = [
        (a, b) for a, b in zip(export(demo).splitlines(), later.splitlines(), strict=True) if a != b
    ]
    assert [a.split(" = ")[0] for a, _ in diff] == ["exported_at"]


def test_header_and_every_collection_are_present_even_when_empty() -> None:
    parsed = tomllib.loads(export(DataSet()))
    assert parsed["snapshot"] == {
        "format": SNAPSHOT_FORMAT,
        "schema_version": SNAPSHOT_SCHEMA_VERSION,
        "exported_at": EXPORTED_AT,
        "app_version": "9.9.9",
    }
    for name in ("objectives", "processes", "resources", "risks", "changes"):
        assert parsed[name] == []
    for name in ("suppliers", "agreements", "kpis", "measurements"):
        assert parsed[name] == []
    assert set(parsed) == {"snapshot", *COLLECTIONS}
    assert load_snapshot(export(DataSet()), source="empty.toml").counts() == dict.fromkeys(
        COLLECTIONS, 0
    )


def test_records_are_sorted_by_id_with_fields_in_declaration_order(demo: DataSet) -> None:
    parsed = tomllib.loads(export(demo))
    ids = [r["id"] for r in parsed["suppliers"]]
    assert ids == sorted(ids) and len(ids) > 5
    first = parsed["resources"][0]
    assert list(first)[:6] == ["id", "revision", "created_at", "updated_at", "name", "kind"]


def test_collections_are_arrays_of_tables_in_registry_order(demo: DataSet) -> None:
    text = export(demo)
    headers = [line for line in text.splitlines() if line.startswith("[[") and "." not in line]
    order = [h.strip("[]") for h in dict.fromkeys(headers)]
    assert order == [c for c in COLLECTIONS if demo.counts()[c]]


def test_unset_values_are_left_out_not_written_as_null() -> None:
    supplier = Supplier(id="SUP-0001", name="Acme", review_interval_months=None, approved_on=None)
    record = tomllib.loads(export(DataSet([supplier])))["suppliers"][0]
    assert "review_interval_months" not in record and "approved_on" not in record
    assert record["criticality"] == "medium"  # enums as their plain string values


def test_whole_floats_stay_floats_and_tiny_floats_survive() -> None:
    data = DataSet(
        [
            Resource(id="RES-0001", name="Whole", capacity=4),
            Resource(id="RES-0002", name="Tiny", capacity=1e-7),
        ]
    )
    text = export(data)
    assert "capacity = 4.0\n" in text and "capacity = 1e-07\n" in text
    parsed = tomllib.loads(text)["resources"]
    assert [type(r["capacity"]) for r in parsed] == [float, float]
    assert export(load_snapshot(text, source="x").dataset) == text


def test_timestamps_are_written_in_utc_whatever_zone_they_came_in() -> None:
    paris = timezone(timedelta(hours=1))
    stamp = datetime(2026, 2, 28, 23, 30, tzinfo=paris)
    supplier = Supplier(id="SUP-0001", name="Acme", created_at=stamp, updated_at=stamp)
    text = export(DataSet([supplier]))
    assert "created_at = 2026-02-28 22:30:00+00:00\n" in text
    assert tomllib.loads(text)["suppliers"][0]["created_at"].tzinfo == UTC


def test_user_text_with_toml_syntax_and_newlines_is_kept_exactly() -> None:
    notes = 'line 1\n"""quoted""" and \\ backslash\n[[suppliers]]\n\ttabbed\n'
    supplier = Supplier(
        id="SUP-0001",
        name='[/x] "Acme" \\ Ltd',
        notes=notes,
        contacts=[Contact(name="Zoë 日本 🙂", escalation_level=2)],
    )
    loaded = load_snapshot(export(DataSet([supplier])), source="x").dataset
    back = loaded.get_as(Supplier, "SUP-0001")
    assert back is not None
    assert (back.name, back.notes, back.contacts[0].name) == (
        '[/x] "Acme" \\ Ltd',
        notes,
        "Zoë 日本 🙂",
    )


def test_settings_are_exported_and_returned_on_import() -> None:
    thresholds = {"kpi_grace_days": 7, "cancel_by_warning_days": 90, "unset": None}
    text = export(DataSet(), settings=thresholds)
    assert load_snapshot(text, source="x").settings == {
        "kpi_grace_days": 7,
        "cancel_by_warning_days": 90,
    }
    assert "[settings]" not in export(DataSet())


def test_export_refuses_a_timestamp_without_time_zone() -> None:
    with pytest.raises(SnapshotExportError, match="time zone"):
        export_snapshot(DataSet(), exported_at=datetime(2026, 1, 1), app_version="1")


def test_export_refuses_text_that_utf8_cannot_encode() -> None:
    # Validation refuses lone surrogates; export must still not write one if it gets one.
    supplier = Supplier.model_construct(id="SUP-0001", name="Acme \ud800")
    with pytest.raises(SnapshotExportError, match="U\\+D800, which UTF-8 cannot encode"):
        export(DataSet([supplier]))
