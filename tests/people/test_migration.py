"""Schema 1 -> 2: names in person fields become people records, on files and snapshots.

``tests/fixtures/demo_v1.toml`` is the demo as version 1 wrote it (free-text owners,
approvers, attendees). Nothing may be lost: every name a version-1 field held is the
name of the person the field refers to afterwards.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AuditAction
from itsms_tui.domain.people import Person
from itsms_tui.domain.people_migration import V1_PERSON_FIELDS, name_key
from itsms_tui.domain.people_refs import person_name
from itsms_tui.snapshot.importer import load_snapshot
from itsms_tui.store.backups import list_backups
from itsms_tui.store.records import RecordStore
from itsms_tui.store.schema import SCHEMA_VERSION
from tests.strategies import data_sets

V1_DEMO = Path(__file__).parents[1] / "fixtures" / "demo_v1.toml"


def _names_in(docs: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str, str], list[str]]:
    """(collection, id, field) -> the names a version-1 person field holds."""
    out: dict[tuple[str, str, str], list[str]] = {}
    for collection, fields in V1_PERSON_FIELDS.items():
        for doc in docs.get(collection, []):
            for field in fields:
                value = doc.get(field)
                names = value if isinstance(value, list) else [value] if value else []
                if names:
                    out[(collection, doc["id"], field)] = [str(n) for n in names]
    return out


def _names_now(data: DataSet, key: tuple[str, str, str]) -> list[str]:
    _, record_id, field = key
    value = getattr(data.get(record_id), field)
    ids = value if isinstance(value, list) else [value]
    return [person_name(data, i) for i in ids]


def _same_people(before: list[str], after: list[str]) -> bool:
    return sorted({name_key(n) for n in before}) == sorted({name_key(n) for n in after})


def _v1_file(path: Path, docs: dict[str, list[dict[str, Any]]]) -> None:
    tables: dict[str, Any] = {"_meta": {"1": {"schema_version": 1}}}
    for collection, records in docs.items():
        tables[collection] = {str(int(str(r["id"]).split("-")[1])): r for r in records}
    path.write_bytes(orjson.dumps(tables))


def _v1_docs() -> dict[str, list[dict[str, Any]]]:
    document = tomllib.loads(V1_DEMO.read_text())
    return {k: v for k, v in document.items() if isinstance(v, list)}


def test_a_version_1_snapshot_imports_with_its_names_as_people() -> None:
    docs = _v1_docs()
    assert "people" not in docs
    snapshot = load_snapshot(V1_DEMO.read_bytes(), source=str(V1_DEMO))
    data = snapshot.dataset
    people = data.all(Person)
    assert len(people) == len({name_key(n) for names in _names_in(docs).values() for n in names})
    for key, names in _names_in(docs).items():
        assert _same_people(names, _names_now(data, key)), key
    counts = data.counts()
    for collection, records in docs.items():
        assert counts[collection] == len(records)


def test_a_version_1_file_is_backed_up_then_upgraded_in_place(tmp_path: Path) -> None:
    docs = _v1_docs()
    path = tmp_path / "itsms.json"
    _v1_file(path, docs)
    original = path.read_bytes()
    store = RecordStore.open(path)
    [backup] = list_backups(path)
    assert backup.read_bytes() == original  # the old version, kept before anything else
    written = orjson.loads(path.read_bytes())
    assert written["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    data = store.dataset()
    for key, names in _names_in(docs).items():
        assert _same_people(names, _names_now(data, key)), key
    [entry] = store.audit_trail()
    assert entry.action is AuditAction.MIGRATE
    assert f"{len(data.all(Person))} people created" in entry.summary
    store.close()
    assert RecordStore.open(path).dataset().counts() == data.counts()  # opens as version 2


def test_a_read_only_session_upgrades_in_memory_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    _v1_file(path, _v1_docs())
    original = path.read_bytes()
    store = RecordStore.open(path, read_only=True)
    assert store.dataset().all(Person)
    assert path.read_bytes() == original and not list_backups(path)


_NOT_IN_VERSION_1 = frozenset(
    {"people", "customers", "satisfaction", "complaints", "customer_reviews"}
)


def _as_version_1(data: DataSet) -> dict[str, list[dict[str, Any]]]:
    """``data`` as version 1 held it: no people, their names in the person fields."""
    docs: dict[str, list[dict[str, Any]]] = {}
    for record in data:
        if record.collection in _NOT_IN_VERSION_1:
            continue
        doc = record.model_dump(mode="json")
        if record.collection == "services":
            doc["customers"] = [data.get(i).heading for i in doc.pop("customer_ids", [])]  # type: ignore[union-attr]
        if record.collection == "agreements":
            customer = doc.pop("customer_id", None)
            doc["customer"] = data.get(customer).heading if customer else ""  # type: ignore[union-attr]
        for field in V1_PERSON_FIELDS.get(record.collection, ()):
            value = doc.get(field)
            if isinstance(value, list):
                doc[field] = [person_name(data, v) for v in value]
            elif value:
                doc[field] = person_name(data, value)
        for field in set(record.references) - set(V1_PERSON_FIELDS.get(record.collection, ())):
            if record.references[field] == "people":
                doc.pop(field, None)  # a person field version 1 did not have
        if record.collection == "agreements":
            for deviation in doc.get("accepted_deviations", []):
                if deviation.get("accepted_by"):
                    deviation["accepted_by"] = person_name(data, deviation["accepted_by"])
        docs.setdefault(record.collection, []).append(doc)
    return docs


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=data_sets(max_per_collection=2))
def test_any_version_1_file_upgrades_without_losing_a_name(tmp_path: Path, data: DataSet) -> None:
    docs = _as_version_1(data)
    path = tmp_path / "v1.json"
    for old in list_backups(path):
        old.unlink()
    _v1_file(path, docs)
    store = RecordStore.open(path)
    upgraded = store.dataset()
    for key, names in _names_in(docs).items():
        assert _same_people(names, _names_now(upgraded, key)), key
    assert {k: v for k, v in upgraded.counts().items() if k not in _NOT_IN_VERSION_1} == {
        k: v for k, v in data.counts().items() if k not in _NOT_IN_VERSION_1
    }
    store.close()
