"""Transaction semantics, the same for the data file and the in-memory storage."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from tinydb import Query

from itsms_tui.store import (
    META_TABLE,
    SCHEMA_VERSION,
    DataFileStorage,
    InMemoryStorage,
    InvalidDataError,
    ReadOnlyStoreError,
    StoreError,
    TransactionalStorage,
    TransactionRequiredError,
    open_tinydb,
)

Factory = Callable[..., TransactionalStorage]


@pytest.fixture(params=["file", "memory"])
def make(request: pytest.FixtureRequest, tmp_path: Path) -> Factory:
    """Opens a storage of the parametrised kind; for files, all on the same path."""
    if request.param == "file":
        return lambda **kw: DataFileStorage(tmp_path / "itsms.json", **kw)
    return lambda **kw: InMemoryStorage(**kw)


def disk_state(storage: TransactionalStorage) -> Any:
    """What is durably stored: the file's bytes, or (memory) a decoded copy of the data."""
    if isinstance(storage, DataFileStorage):
        return storage.path.read_bytes() if storage.path.exists() else None
    return orjson.loads(orjson.dumps(storage.snapshot().data))  # a copy, not the live cache


def seeded(make: Factory) -> TransactionalStorage:
    storage = make()
    with storage.transaction():
        open_tinydb(storage).table("suppliers").insert({"id": "SUP-0001", "name": "Acme"})
    return storage


def names(storage: TransactionalStorage) -> list[str]:
    return sorted(d["name"] for d in open_tinydb(storage).table("suppliers").all())


def test_a_new_store_is_empty(make: Factory) -> None:
    storage = make()
    assert storage.read() == {}
    assert storage.schema_version is None
    assert storage.writable


def test_a_transaction_saves_its_writes_with_the_schema_version(make: Factory) -> None:
    storage = make()
    before = storage.generation
    db = open_tinydb(storage)
    with storage.transaction():
        db.table("suppliers").insert({"id": "SUP-0001", "name": "Acme"})
        db.table("audit").insert({"id": "AUD-0001", "what": "created SUP-0001"})
    assert storage.generation != before
    assert storage.schema_version == SCHEMA_VERSION
    data = storage.read()
    assert data[META_TABLE] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert data["suppliers"] == {"1": {"id": "SUP-0001", "name": "Acme"}}
    assert data["audit"] == {"1": {"id": "AUD-0001", "what": "created SUP-0001"}}


def test_an_exception_in_a_transaction_saves_nothing(make: Factory) -> None:
    storage = seeded(make)
    stored, generation = disk_state(storage), storage.generation
    table = open_tinydb(storage).table("suppliers")
    with pytest.raises(RuntimeError), storage.transaction():
        table.insert({"id": "SUP-0002", "name": "Beta"})
        table.update({"name": "changed"}, Query().id == "SUP-0001")
        raise RuntimeError("boom")
    assert disk_state(storage) == stored
    assert storage.generation == generation
    assert names(storage) == ["Acme"]


@pytest.mark.parametrize(
    "value",
    [object(), {1, 2}, date(2025, 1, 1), b"bytes", 2**70],
    ids=["object", "set", "date", "bytes", "bigint"],
)
def test_an_unencodable_value_saves_nothing(make: Factory, value: object) -> None:
    storage = seeded(make)
    stored, generation = disk_state(storage), storage.generation
    table = open_tinydb(storage).table("suppliers")
    with pytest.raises(InvalidDataError, match="cannot be stored as JSON"), storage.transaction():
        table.insert({"id": "SUP-0002", "name": "Beta"})
        table.update({"name": "changed", "bad": value}, Query().id == "SUP-0001")
    assert disk_state(storage) == stored
    assert storage.generation == generation
    assert names(storage) == ["Acme"]


def test_an_unencodable_value_does_not_create_a_new_store(make: Factory) -> None:
    storage = make()
    with pytest.raises(InvalidDataError), storage.transaction():
        open_tinydb(storage).table("suppliers").insert({"id": "SUP-0001", "when": date.today()})
    assert disk_state(storage) in (None, {})
    assert storage.read() == {}


def test_a_duplicate_id_is_refused_before_saving(make: Factory) -> None:
    storage = seeded(make)
    stored = disk_state(storage)
    with pytest.raises(InvalidDataError, match="'SUP-0001' twice"), storage.transaction():
        open_tinydb(storage).table("suppliers").insert({"id": "SUP-0001", "name": "Again"})
    assert disk_state(storage) == stored


def test_a_newer_schema_version_is_refused_before_saving(make: Factory) -> None:
    storage = seeded(make)
    with pytest.raises(InvalidDataError, match="newer"), storage.transaction():
        meta = open_tinydb(storage).table(META_TABLE)
        meta.update({"schema_version": SCHEMA_VERSION + 1})
    assert storage.schema_version == SCHEMA_VERSION


def test_a_write_outside_a_transaction_is_refused_and_leaves_the_cache_intact(
    make: Factory,
) -> None:
    storage = seeded(make)
    stored = disk_state(storage)
    table = open_tinydb(storage).table("suppliers")
    table.all()  # warm the cache TinyDB is about to modify in place
    with pytest.raises(TransactionRequiredError):
        table.update({"name": "changed"}, Query().id == "SUP-0001")
    with pytest.raises(TransactionRequiredError):
        table.insert({"id": "SUP-0002", "name": "Beta"})
    assert disk_state(storage) == stored
    assert names(storage) == ["Acme"]


def test_reads_inside_a_transaction_see_its_uncommitted_writes(make: Factory) -> None:
    storage = seeded(make)
    table = open_tinydb(storage).table("suppliers")
    with storage.transaction():
        table.insert({"id": "SUP-0002", "name": "Beta"})
        assert sorted(d["name"] for d in table.all()) == ["Acme", "Beta"]
        assert storage.in_transaction
        assert storage.snapshot().generation is None  # uncommitted: not cacheable
    assert not storage.in_transaction
    assert storage.snapshot().generation == storage.generation


def test_a_transaction_without_writes_saves_nothing(make: Factory) -> None:
    storage = seeded(make)
    generation = storage.generation
    if isinstance(storage, DataFileStorage):
        mtime = storage.path.stat().st_mtime_ns
    with storage.transaction():
        assert names(storage) == ["Acme"]
    assert storage.generation == generation
    if isinstance(storage, DataFileStorage):
        assert storage.path.stat().st_mtime_ns == mtime


def test_nested_transactions_join_the_outer_one(make: Factory) -> None:
    storage = seeded(make)
    generation = storage.generation
    table = open_tinydb(storage).table("suppliers")
    with storage.transaction():
        with storage.transaction():
            table.insert({"id": "SUP-0002", "name": "Beta"})
        assert storage.generation == generation  # nothing saved yet
        table.insert({"id": "SUP-0003", "name": "Gamma"})
    assert names(storage) == ["Acme", "Beta", "Gamma"]


def test_a_failed_nested_transaction_makes_the_outer_one_save_nothing(make: Factory) -> None:
    storage = seeded(make)
    stored = disk_state(storage)
    table = open_tinydb(storage).table("suppliers")
    with pytest.raises(StoreError, match="nested"), storage.transaction():
        table.insert({"id": "SUP-0002", "name": "Beta"})
        try:
            with storage.transaction():
                table.update({"name": "half-done"}, Query().id == "SUP-0001")
                raise ValueError("inner")
        except ValueError:
            pass
    assert disk_state(storage) == stored
    assert names(storage) == ["Acme"]


def test_a_read_only_store_refuses_transactions(make: Factory) -> None:
    seeded(make)
    storage = make(read_only=True)
    assert not storage.writable
    with pytest.raises(ReadOnlyStoreError, match="read-only"), storage.transaction():
        pass


def test_unchanged_data_is_not_decoded_again(make: Factory) -> None:
    storage = seeded(make)
    generation = storage.generation
    assert storage.read() is storage.read()
    assert storage.generation == generation


def test_generations_change_with_every_save(make: Factory) -> None:
    storage = make()
    seen = {storage.generation}
    table = open_tinydb(storage).table("suppliers")
    for n in range(3):
        with storage.transaction():
            table.insert({"id": f"SUP-{n:04d}", "name": str(n)})
        seen.add(storage.generation)
    assert len(seen) == 4


def test_two_tinydb_instances_on_one_storage_do_not_reuse_doc_ids_or_stale_queries(
    make: Factory,
) -> None:
    storage = make()
    a = open_tinydb(storage).table("items")
    b = open_tinydb(storage).table("items")
    for n in range(3):
        with storage.transaction():
            a.insert({"id": f"A-{n}"})
        with storage.transaction():
            b.insert({"id": f"B-{n}"})
        assert a.count(Query().id.matches("B-.*")) == n + 1  # no stale query cache
    with storage.transaction():  # insert_multiple has no duplicate doc_id check of its own
        a.insert({"id": "A-x"})
        b.insert_multiple([{"id": "B-x"}, {"id": "B-y"}])
    assert len(a) == 9
    assert len({d.doc_id for d in a.all()}) == 9


def test_concurrent_transactions_from_threads_lose_nothing(make: Factory) -> None:
    storage = make()
    db = open_tinydb(storage)

    def work(name: str) -> None:
        table = db.table(name)
        for n in range(50):
            with storage.transaction():
                table.insert({"id": f"{name}-{n}"})

    threads = [threading.Thread(target=work, args=(f"t{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    data = storage.read()
    assert [len(data[f"t{i}"]) for i in range(3)] == [50, 50, 50]


def test_in_memory_initial_data_is_checked_and_copied() -> None:
    initial: dict[str, dict[str, dict[str, Any]]] = {
        "suppliers": {"1": {"id": "SUP-0001", "tags": ["a"]}}
    }
    storage = InMemoryStorage(initial)
    initial["suppliers"]["1"]["tags"].append("b")
    assert storage.read()["suppliers"]["1"]["tags"] == ["a"]
    assert storage.schema_version == SCHEMA_VERSION
    with pytest.raises(InvalidDataError, match="twice"):
        InMemoryStorage({"suppliers": {"1": {"id": "X"}, "2": {"id": "X"}}})
