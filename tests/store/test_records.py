"""The typed record store: ids, revisions, references, audit trail, imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AuditAction
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store.errors import (
    DanglingReferenceError,
    DataFileError,
    RecordNotFoundError,
    StaleRevisionError,
    StillReferencedError,
)
from itsms_tui.store.records import RecordStore


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "itsms.json"


def test_create_assigns_readable_ids_and_audits_in_the_same_write(path: Path) -> None:
    store = RecordStore.open(path, user="alice")
    first = store.create(Supplier(name="Northwind Hosting"))
    second = store.create(Supplier(name="Contoso Networks"))
    assert (first.id, second.id) == ("SUP-0001", "SUP-0002")
    assert first.revision == 1
    on_disk = json.loads(path.read_text())
    assert on_disk["suppliers"]["2"]["name"] == "Contoso Networks"
    trail = [e for e in on_disk["audit"].values() if e["record_id"] == "SUP-0002"]
    assert trail[0]["user"] == "alice" and trail[0]["action"] == "create"


def test_update_bumps_revision_and_records_field_changes(path: Path) -> None:
    store = RecordStore.open(path, user="bob")
    supplier = store.create(Supplier(name="Acme"))
    edited = supplier.model_copy()
    edited.name = "Acme Cloud"
    saved = store.update(edited)
    assert saved.revision == 2
    assert store.get(Supplier, supplier.id).name == "Acme Cloud"
    last = store.audit_trail(supplier.id)[-1]
    assert last.action is AuditAction.UPDATE
    assert [(c.field, c.old, c.new) for c in last.changes] == [("name", "Acme", "Acme Cloud")]


def test_edit_on_a_stale_revision_is_refused_and_nothing_overwritten(path: Path) -> None:
    mine = RecordStore.open(path, user="alice")
    theirs = RecordStore.open(path, user="bob")
    original = mine.create(Supplier(name="Acme"))
    their_copy = theirs.get(Supplier, original.id)
    their_copy.name = "Acme (Bob)"
    theirs.update(their_copy)
    my_copy = original.model_copy()
    my_copy.name = "Acme (Alice)"
    with pytest.raises(StaleRevisionError, match="changed by someone else"):
        mine.update(my_copy)
    assert mine.get(Supplier, original.id).name == "Acme (Bob)"


def test_another_session_change_is_seen_without_reopening(path: Path) -> None:
    mine = RecordStore.open(path)
    theirs = RecordStore.open(path)
    before = mine.generation
    theirs.create(Supplier(name="Seen Later"))
    assert mine.generation != before
    assert [s.name for s in mine.dataset().all(Supplier)] == ["Seen Later"]


def test_references_are_checked_on_save_and_on_delete(path: Path) -> None:
    store = RecordStore.open(path)
    supplier = store.create(Supplier(name="Acme"))
    with pytest.raises(DanglingReferenceError, match="SUP-0042"):
        store.create(Agreement(title="Hosting", supplier_id="SUP-0042"))
    agreement = store.create(Agreement(title="Hosting", supplier_id=supplier.id))
    with pytest.raises(StillReferencedError, match=agreement.id):
        store.delete(Supplier, supplier.id)
    store.delete(Agreement, agreement.id, agreement.revision)
    store.delete(Supplier, supplier.id)
    assert len(store.dataset()) == 0


def test_kpi_subject_reference_resolves_by_prefix(path: Path) -> None:
    store = RecordStore.open(path)
    with pytest.raises(DanglingReferenceError):
        store.create(Kpi(name="Availability", target=99.9, warning=99.5, subject_id="SUP-0001"))
    supplier = store.create(Supplier(name="Acme"))
    kpi = store.create(Kpi(name="Availability", target=99.9, warning=99.5, subject_id=supplier.id))
    assert kpi.id == "KPI-0001"


def test_deleted_ids_are_never_reused(path: Path) -> None:
    store = RecordStore.open(path)
    first = store.create(Supplier(name="Gone"))
    store.delete(Supplier, first.id)
    assert store.create(Supplier(name="New")).id == "SUP-0002"


def test_delete_of_a_missing_record_says_so(path: Path) -> None:
    store = RecordStore.open(path)
    with pytest.raises(RecordNotFoundError, match="SUP-0009"):
        store.delete(Supplier, "SUP-0009")


def test_replace_all_is_one_audited_import(path: Path) -> None:
    source = RecordStore.in_memory()
    a = source.create(Supplier(name="Acme"))
    source.create(Agreement(title="Hosting", supplier_id=a.id))
    target = RecordStore.open(path)
    target.create(Supplier(name="Old"))
    target.replace_all(source.dataset(), summary="imported 2 records")
    assert sorted(r.id for r in target.dataset()) == ["AGR-0001", "SUP-0001"]
    assert target.audit_trail()[-1].action is AuditAction.IMPORT
    # The next new supplier does not take an id that existed before the import.
    assert target.create(Supplier(name="Next")).id == "SUP-0002"


def test_a_record_that_fails_validation_on_disk_is_reported_with_its_field(path: Path) -> None:
    store = RecordStore.open(path)
    store.create(Supplier(name="Acme"))
    data = json.loads(path.read_text())
    data["suppliers"]["1"]["criticality"] = "extreme"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(DataFileError, match=r"suppliers\[SUP-0001\]\.criticality"):
        RecordStore.open(path)
    assert path.read_bytes() == before


def test_unchanged_records_are_not_revalidated_after_another_session_saves(path: Path) -> None:
    mine = RecordStore.open(path)
    theirs = RecordStore.open(path)
    kept = mine.create(Supplier(name="Kept"))
    first = mine.dataset().get(kept.id)
    theirs.create(Supplier(name="Other"))
    assert mine.dataset().get(kept.id) is first
    assert isinstance(mine.dataset(), DataSet)
