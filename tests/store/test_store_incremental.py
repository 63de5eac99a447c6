"""A save costs what it changes: copy-on-write transactions and incremental rebuilds.

The committed state is shared between versions table by table, so these tests check
that sharing never lets an edit leak into what others read, and that what a save did
not touch is neither re-checked nor re-validated.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import orjson
import pytest
from tinydb import Query

from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store import (
    DataFileStorage,
    InMemoryStorage,
    InvalidDataError,
    TransactionalStorage,
    open_tinydb,
)
from itsms_tui.store.records import RecordStore

Factory = Callable[..., TransactionalStorage]


@pytest.fixture(params=["file", "memory"])
def make(request: pytest.FixtureRequest, tmp_path: Path) -> Factory:
    if request.param == "file":
        return lambda **kw: DataFileStorage(tmp_path / "itsms.json", **kw)
    return lambda **kw: InMemoryStorage(**kw)


def seeded(make: Factory) -> TransactionalStorage:
    storage = make()
    with storage.transaction():
        table = open_tinydb(storage).table("suppliers")
        table.insert({"id": "SUP-0001", "name": "Acme", "tags": ["a"]})
        table.insert({"id": "SUP-0002", "name": "Beta", "tags": []})
        open_tinydb(storage).table("services").insert({"id": "SVC-0001", "name": "Mail"})
    return storage


def test_an_in_place_update_that_fails_leaves_every_earlier_snapshot_intact(
    make: Factory,
) -> None:
    storage = seeded(make)
    before = storage.snapshot()
    copy = orjson.loads(orjson.dumps(before.data))
    table = open_tinydb(storage).table("suppliers")

    def edit(doc: MutableMapping[Any, Any]) -> None:
        doc["name"] = "changed"
        doc["tags"].append("leak")

    with pytest.raises(RuntimeError), storage.transaction():
        table.update(edit, Query().id == "SUP-0001")
        raise RuntimeError("boom")
    assert before.data == copy
    assert storage.read() == copy


def test_a_committed_in_place_update_changes_only_the_new_version(make: Factory) -> None:
    storage = seeded(make)
    before = storage.snapshot()
    with storage.transaction():
        open_tinydb(storage).table("suppliers").update(
            lambda doc: doc["tags"].append("b"), Query().id == "SUP-0001"
        )
    assert before.data["suppliers"]["1"]["tags"] == ["a"]
    assert storage.read()["suppliers"]["1"]["tags"] == ["a", "b"]
    # an untouched table is the very same object in both versions (no copy was made)
    assert storage.read()["services"] is before.data["services"]


def test_changing_an_id_to_one_already_taken_is_refused(make: Factory) -> None:
    storage = seeded(make)
    with pytest.raises(InvalidDataError, match="'SUP-0001' twice"), storage.transaction():
        open_tinydb(storage).table("suppliers").update({"id": "SUP-0001"}, doc_ids=[2])
    assert storage.read()["suppliers"]["2"]["id"] == "SUP-0002"


def test_dropping_and_refilling_a_table_removes_what_was_not_put_back(make: Factory) -> None:
    storage = seeded(make)
    db = open_tinydb(storage)
    with storage.transaction():
        db.drop_table("suppliers")
        db.table("suppliers").insert({"id": "SUP-0002", "name": "Beta only"})
    assert storage.read()["suppliers"] == {"1": {"id": "SUP-0002", "name": "Beta only"}}
    if isinstance(storage, DataFileStorage):
        on_disk = DataFileStorage(storage.path).read()  # another session, data file + journal
        assert on_disk["suppliers"] == {"1": {"id": "SUP-0002", "name": "Beta only"}}


def test_a_tuple_is_stored_and_read_back_as_a_list(make: Factory) -> None:
    storage = seeded(make)
    with storage.transaction():
        open_tinydb(storage).table("suppliers").update({"tags": ("x", "y")}, doc_ids=[1])
    assert storage.read()["suppliers"]["1"]["tags"] == ["x", "y"]


def test_a_save_revalidates_only_the_collection_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RecordStore.open(tmp_path / "itsms.json", user="tester")
    supplier = store.create(Supplier(name="Acme"))
    store.create(Service(name="Mail"))
    store.dataset()
    validated: list[str] = []
    original = RecordStore._validate

    def counting(self: RecordStore, model: Any, doc_id: str, doc: Any) -> Any:
        validated.append(str(doc.get("id")))
        return original(self, model, doc_id, doc)

    monkeypatch.setattr(RecordStore, "_validate", counting)
    saved = store.update(supplier.model_copy(update={"notes": "renewed"}))
    data = store.dataset()
    assert validated == [saved.id]
    assert data.get_as(Supplier, saved.id) == saved
    assert [s.name for s in data.all(Service)] == ["Mail"]
