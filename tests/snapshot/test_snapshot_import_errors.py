"""A bad snapshot is refused as a whole, with messages that name collection, id and field."""

from __future__ import annotations

import pickle
import tomllib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
import tomli_w

from itsms_tui.domain.agreements import Agreement, ServiceTarget
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.plan import Resource
from itsms_tui.domain.suppliers import Contact, Supplier
from itsms_tui.snapshot import SnapshotError, load_snapshot
from itsms_tui.snapshot import importer as importer_module
from tests.snapshot.snapshot_helpers import export

Doc = dict[str, Any]


def _good() -> Doc:
    data = DataSet(
        [
            Service(id="SVC-0001", name="Hosting"),
            Supplier(id="SUP-0007", name="Acme Hosting", contacts=[Contact(name="Ann")]),
            Agreement(
                id="AGR-0001",
                title="Hosting UC",
                kind="underpinning_contract",
                supplier_id="SUP-0007",
                service_ids=["SVC-0001"],
                targets=[ServiceTarget(metric="availability", target=99.9)],
                start_date=date(2025, 1, 1),
                end_date=date(2025, 12, 31),
            ),
            Resource(id="RES-0001", name="Engineers", capacity=4.0),
            Kpi(
                id="KPI-0001", name="Availability", target=99.9, warning=99.5, subject_id="SUP-0007"
            ),
            Measurement(
                id="MEA-0001", kpi_id="KPI-0001", measured_on=date(2026, 1, 31), value=99.95
            ),
        ]
    )
    return tomllib.loads(export(data))


def _refused(change: Callable[[Doc], object]) -> SnapshotError:
    doc = _good()
    change(doc)
    with pytest.raises(SnapshotError) as caught:
        load_snapshot(tomli_w.dumps(doc), source="bad.toml")
    return caught.value


def _supplier(doc: Doc) -> Doc:
    supplier: Doc = doc["suppliers"][0]
    return supplier


def test_the_good_document_loads() -> None:
    assert load_snapshot(tomli_w.dumps(_good()), source="good.toml").counts()["suppliers"] == 1


def test_an_enum_value_lists_the_allowed_values() -> None:
    error = _refused(lambda d: _supplier(d).update(criticality="vital"))
    assert str(error) == (
        "bad.toml: suppliers[SUP-0007].criticality: must be one of critical, high, medium, low"
    )


def test_every_problem_is_reported_and_counted() -> None:
    def several(doc: Doc) -> None:
        _supplier(doc).update(criticality="vital", status="gone")
        doc["resources"][0]["capacity"] = -1.0

    error = _refused(several)
    assert str(error).endswith("(and 2 more problems)")
    assert [str(p) for p in error.problems] == [
        "resources[RES-0001].capacity: must be more than 0",
        "suppliers[SUP-0007].criticality: must be one of critical, high, medium, low",
        "suppliers[SUP-0007].status: must be one of proposed, evaluating, approved, active, "
        "under_review, suspended, exited",
    ]
    assert error.lines()[0].startswith("bad.toml: resources[RES-0001].capacity")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: _supplier(d).update(colour="blue"),
            'suppliers[SUP-0007]: unknown field "colour"',
        ),
        (
            lambda d: _supplier(d).update(critcality="high"),
            'suppliers[SUP-0007]: unknown field "critcality" (did you mean "criticality"?)',
        ),
        (
            lambda d: _supplier(d).update(criticality=3),
            "suppliers[SUP-0007].criticality: must be a string, not an integer",
        ),
        (
            lambda d: _supplier(d).update(approved_on="2025-01-31"),
            "suppliers[SUP-0007].approved_on: must be a date (YYYY-MM-DD), not a string",
        ),
        (
            lambda d: _supplier(d).update(approved_on=datetime(2025, 1, 31, 9, 0)),
            "suppliers[SUP-0007].approved_on: must be a date (YYYY-MM-DD), not a local date-time",
        ),
        (
            lambda d: _supplier(d).update(review_interval_months=True),
            "suppliers[SUP-0007].review_interval_months: must be a whole number, not a boolean",
        ),
        (
            lambda d: _supplier(d).update(review_interval_months=6.0),
            "suppliers[SUP-0007].review_interval_months: must be a whole number written "
            "without a decimal point, not 6.0",
        ),
        (
            lambda d: _supplier(d).update(created_at=datetime(2025, 1, 31, 9, 0)),
            "suppliers[SUP-0007].created_at: must include a time zone (e.g. Z for UTC)",
        ),
        (
            lambda d: _supplier(d).pop("name"),
            "suppliers[SUP-0007].name: is required",
        ),
        (
            lambda d: _supplier(d).update(name="   "),
            "suppliers[SUP-0007].name: must not be empty",
        ),
        (
            lambda d: _supplier(d).update(name="Acme \x1b[31m"),
            "suppliers[SUP-0007].name: control character U+001B is not allowed",
        ),
        (
            lambda d: _supplier(d).update(services_provided="hosting"),
            "suppliers[SUP-0007].services_provided: must be an array, not a string",
        ),
        (
            lambda d: _supplier(d)["contacts"][0].update(escalation_level=9),
            "suppliers[SUP-0007].contacts[#1].escalation_level: must be at most 3",
        ),
        (
            lambda d: _supplier(d)["contacts"][0].update(mobile="0700"),
            'suppliers[SUP-0007].contacts[#1]: unknown field "mobile"',
        ),
        (
            lambda d: d["resources"][0].update(capacity=float("nan")),
            "resources[RES-0001].capacity: must be a finite number",
        ),
        (
            lambda d: d["agreements"][0].update(end_date=date(2024, 12, 31)),
            "agreements[AGR-0001]: end_date (2024-12-31) must be on or after start_date "
            "(2025-01-01)",
        ),
        (
            lambda d: d["agreements"][0].update(kind="customer_sla"),
            "agreements[AGR-0001]: a customer SLA names a customer, not a supplier",
        ),
        (
            lambda d: d["agreements"][0]["targets"][0].pop("metric"),
            "agreements[AGR-0001].targets[#1].metric: is required",
        ),
    ],
)
def test_field_problems_name_collection_id_and_field(
    change: Callable[[Doc], object], expected: str
) -> None:
    error = _refused(change)
    assert str(error) == f"bad.toml: {expected}"


def test_control_character_message_has_the_character_name() -> None:
    error = _refused(lambda d: _supplier(d).update(name="Acme \x1b[31m"))
    assert error.problems[0].message.startswith("control character U+001B")


def test_a_dangling_reference_names_the_field_and_the_missing_id() -> None:
    error = _refused(lambda d: d["agreements"][0].update(supplier_id="SUP-0099"))
    assert str(error) == (
        "bad.toml: agreements[AGR-0001].supplier_id: refers to SUP-0099, which is not in suppliers"
    )


def test_references_in_lists_and_by_prefix_are_checked() -> None:
    def dangle(doc: Doc) -> None:
        doc["agreements"][0]["service_ids"] = ["SVC-0001", "SVC-0404"]
        doc["kpis"][0]["subject_id"] = "PRC-0003"
        doc["measurements"][0]["kpi_id"] = "KPI-0002"

    error = _refused(dangle)
    assert [str(p) for p in error.problems] == [
        "agreements[AGR-0001].service_ids: refers to SVC-0404, which is not in services",
        "kpis[KPI-0001].subject_id: refers to PRC-0003, which is not in processes",
        "measurements[MEA-0001].kpi_id: refers to KPI-0002, which is not in kpis",
    ]


def test_a_deleted_record_leaves_the_records_referring_to_it_dangling() -> None:
    error = _refused(lambda d: d.update(suppliers=[]))
    assert "agreements[AGR-0001].supplier_id: refers to SUP-0007" in str(error)
    assert error.total == 2  # the agreement and the KPI


def test_duplicate_ids_within_a_collection() -> None:
    error = _refused(lambda d: d["suppliers"].append(dict(_supplier(d), name="Other")))
    assert str(error) == (
        "bad.toml: suppliers[SUP-0007].id: used by more than one record (#1 and #2 of suppliers)"
    )


def test_an_id_whose_prefix_belongs_to_another_collection() -> None:
    error = _refused(lambda d: _supplier(d).update(id="AGR-0099"))
    assert error.problems[0].path == "suppliers[AGR-0099].id"
    assert error.problems[0].message == "must start with SUP-"


def test_a_record_without_id_is_named_by_its_position() -> None:
    error = _refused(lambda d: _supplier(d).pop("id"))
    assert str(error).startswith("bad.toml: suppliers[#1].id: is required")


def test_a_malformed_id_is_not_echoed() -> None:
    error = _refused(lambda d: _supplier(d).update(id="sup 7" * 1000))
    assert error.problems[0].path == "suppliers[#1].id"
    assert len(str(error)) < 200


def test_a_record_that_is_not_a_table() -> None:
    error = _refused(lambda d: d["suppliers"].append(7))
    assert str(error) == "bad.toml: suppliers[#2]: must be a table, not an integer"


def test_a_collection_that_is_not_an_array() -> None:
    error = _refused(lambda d: d.update(services="Hosting"))
    assert [str(p) for p in error.problems] == [
        "services: must be an array of tables ([[services]]), not a string",
        "agreements[AGR-0001].service_ids: refers to SVC-0001, which is not in services",
    ]


def test_an_unknown_collection_suggests_the_right_name() -> None:
    error = _refused(lambda d: d.update(supplier=[{"id": "SUP-0001"}]))
    assert str(error) == 'bad.toml: unknown collection "supplier" (did you mean "suppliers"?)'


def test_an_unknown_collection_lists_the_known_ones() -> None:
    error = _refused(lambda d: d.update(widgets=[]))
    assert str(error).startswith(
        'bad.toml: unknown collection "widgets" (known: people, customers, services, '
    )


def test_a_missing_collection_is_simply_empty() -> None:
    doc = _good()
    for name in ("kpis", "measurements", "actions"):
        del doc[name]
    loaded = load_snapshot(tomli_w.dumps(doc), source="partial.toml")
    assert loaded.counts()["kpis"] == 0 and loaded.counts()["suppliers"] == 1


def test_timestamps_may_be_left_out_and_default_to_the_export_time() -> None:
    def strip(doc: Doc) -> None:
        for key in ("created_at", "updated_at", "revision"):
            _supplier(doc).pop(key)

    doc = _good()
    strip(doc)
    loaded = load_snapshot(tomli_w.dumps(doc), source="hand-written.toml")
    supplier = loaded.dataset.get_as(Supplier, "SUP-0007")
    assert supplier is not None
    assert supplier.created_at == supplier.updated_at == loaded.exported_at
    assert supplier.revision == 0


# --- the header and the file itself ----------------------------------------------------------


def test_toml_syntax_errors_give_line_and_column() -> None:
    text = export(DataSet()).replace('app_version = "9.9.9"', "app_version = 9.9.9")
    with pytest.raises(SnapshotError) as caught:
        load_snapshot(text, source="bad.toml")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("app_version"))
    assert str(caught.value) == (
        f"bad.toml: line {line}, column 18: invalid TOML: "
        "expected newline or end of document after a statement"
    )


def test_an_unterminated_string_at_the_end_of_the_file() -> None:
    with pytest.raises(SnapshotError, match=r"^bad.toml: end of file: invalid TOML: "):
        load_snapshot('[snapshot]\nformat = "itsms', source="bad.toml")


def test_bytes_that_are_not_utf8() -> None:
    with pytest.raises(SnapshotError, match=r"^bad.toml: not UTF-8 text \(byte 0xff at offset 2\)"):
        load_snapshot(b"# \xff\n", source="bad.toml")


def test_absurdly_deep_nesting_is_refused_not_crashed() -> None:
    with pytest.raises(SnapshotError, match=r"^deep.toml: not valid TOML: .* nested too deeply$"):
        load_snapshot("x = " + "[" * 100_000, source="deep.toml")


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    text = export(DataSet())
    assert load_snapshot(b"\xef\xbb\xbf" + text.encode(), source="bom.toml").counts()


def test_a_file_that_is_not_a_snapshot() -> None:
    with pytest.raises(SnapshotError) as caught:
        load_snapshot('[tool.poetry]\nname = "x"\n', source="pyproject.toml")
    assert str(caught.value) == (
        "pyproject.toml: not an itsms-tui snapshot: the [snapshot] table is missing"
    )


def test_a_wrong_format_name() -> None:
    error = _refused(lambda d: d["snapshot"].update(format="other-app"))
    assert str(error) == (
        'bad.toml: snapshot.format: is "other-app", not "itsms-tui-snapshot": '
        "not an itsms-tui snapshot"
    )


def test_a_snapshot_from_a_newer_version_is_refused_clearly() -> None:
    error = _refused(lambda d: d["snapshot"].update(schema_version=3))
    assert str(error) == (
        "bad.toml: snapshot.schema_version: 3 was made by a newer itsms-tui; this version "
        "reads schema version 2 (upgrade itsms-tui to import it)"
    )
    assert error.total == 1  # nothing else is checked against a schema we do not know


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", "must be a whole number, not a string"),
        (0, "0 is not a schema version (the first is 1)"),
    ],
)
def test_a_bad_schema_version(value: object, expected: str) -> None:
    error = _refused(lambda d: d["snapshot"].update(schema_version=value))
    assert str(error) == f"bad.toml: snapshot.schema_version: {expected}"


def test_header_fields_are_required_and_typed() -> None:
    def bad_header(doc: Doc) -> None:
        doc["snapshot"].pop("exported_at")
        doc["snapshot"]["app_version"] = 1
        doc["snapshot"]["author"] = "me"

    error = _refused(bad_header)
    assert [str(p) for p in error.problems] == [
        "snapshot.exported_at: is required",
        "snapshot.app_version: must be a string, not an integer",
        'snapshot: unknown field "author"',
    ]


def test_settings_must_be_a_table() -> None:
    error = _refused(lambda d: d.update(settings=[1, 2]))
    assert str(error) == "bad.toml: settings: must be a table, not an array"


def test_a_file_over_the_size_limit_is_refused_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importer_module, "MAX_SNAPSHOT_BYTES", 1024 * 1024)
    with pytest.raises(SnapshotError) as caught:
        load_snapshot(b"#" * (3 * 1024 * 1024), source="huge.toml")
    assert str(caught.value) == "huge.toml: too large to import (3 MB; the limit is 1 MB)"


# --- messages stay short, plain and safe ------------------------------------------------------


def test_a_ten_megabyte_string_gives_a_short_message() -> None:
    huge = "x" * (10 * 1024 * 1024)
    error = _refused(lambda d: _supplier(d).update(notes=huge, name=huge))
    assert len(str(error)) < 200
    assert all(len(line) < 200 for line in error.lines())
    assert error.problems[0].message == "is too long (10485760 characters; at most 200)"


def test_a_huge_or_hostile_unknown_key_is_cut_short_and_escaped() -> None:
    error = _refused(lambda d: _supplier(d).update({"\x1b[2J" + "k" * 5000: 1}))
    message = str(error)
    assert "\x1b" not in message and "\\u001b[2J" in message
    assert len(message) < 150


def test_messages_do_not_leak_pydantic_details() -> None:
    def many(doc: Doc) -> None:
        _supplier(doc).update(name="", criticality="x", review_interval_months=999)
        doc["resources"][0]["capacity"] = 0.0
        doc["agreements"][0]["priority_times"] = [
            {"priority": "P1", "response_minutes": 60, "resolution_minutes": 30}
        ]

    error = _refused(many)
    assert error.total == 5
    for line in error.lines():
        assert "pydantic" not in line and "http" not in line and "[type=" not in line
        assert "Value error" not in line and "input_value" not in line


def test_the_error_pickles_with_its_problems() -> None:
    error = _refused(lambda d: _supplier(d).update(criticality="vital"))
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and copy.problems == error.problems
