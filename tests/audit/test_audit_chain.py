"""The audit trail's hash chain: every write chains, and tampering of each kind is named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from itsms_tui.domain.audit_chain import GENESIS, entry_hash, legacy_seal, verify_chain
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store.audit_chain import AUDIT_TABLE, HEAD_TABLE, verify_tables
from itsms_tui.store.records import RecordStore


def _store_with_entries(path: Path, count: int = 5) -> RecordStore:
    store = RecordStore.open(path, user="alice")
    supplier = store.create(Supplier(name="Acme"))
    for i in range(count - 1):
        supplier = store.update(supplier.model_copy(update={"name": f"Acme {i}"}))
    return store


def _tables(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _positions(tables: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    trail = tables[AUDIT_TABLE]
    return [(int(k), trail[k]) for k in sorted(trail, key=int)]


def test_every_entry_carries_its_hash_and_the_previous_one(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path, 3)
    tables = _tables(path)
    docs = [d for _, d in _positions(tables)]
    assert [d["seq"] for d in docs] == [1, 2, 3]
    assert docs[0]["prev_hash"] == GENESIS
    assert docs[1]["prev_hash"] == docs[0]["hash"]
    assert docs[2]["prev_hash"] == docs[1]["hash"]
    assert all(entry_hash(d) == d["hash"] for d in docs)
    assert tables[HEAD_TABLE]["1"] == {"seq": 3, "hash": docs[2]["hash"]}
    verdict = verify_tables(tables)
    assert verdict.intact and verdict.entries == 3


def test_a_changed_entry_is_named(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path)
    tables = _tables(path)
    tables[AUDIT_TABLE]["3"]["user"] = "mallory"
    broken = verify_tables(tables).broken
    assert broken is not None
    assert (broken.seq, broken.kind, broken.record_id) == (3, "changed", "SUP-0001")


def test_a_removed_entry_is_named(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path)
    tables = _tables(path)
    del tables[AUDIT_TABLE]["3"]
    broken = verify_tables(tables).broken
    assert broken is not None and (broken.seq, broken.kind) == (4, "removed")


def test_the_last_entry_removed_is_seen_through_the_head(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path)
    tables = _tables(path)
    del tables[AUDIT_TABLE]["5"]
    broken = verify_tables(tables).broken
    assert broken is not None and (broken.seq, broken.kind) == (5, "removed")


def test_reordered_entries_are_named(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path)
    tables = _tables(path)
    trail = tables[AUDIT_TABLE]
    trail["2"], trail["3"] = trail["3"], trail["2"]
    broken = verify_tables(tables).broken
    assert broken is not None and (broken.seq, broken.kind) == (2, "reordered")


def test_an_inserted_entry_is_named() -> None:
    docs = _chain(3)
    fake = {"seq": 3, "user": "mallory", "action": "update", "prev_hash": docs[1]["hash"]}
    fake["hash"] = entry_hash(fake)
    moved = copy.deepcopy(docs[2])
    moved["seq"] = 4
    moved["hash"] = entry_hash(moved)
    broken = verify_chain([(1, docs[0]), (2, docs[1]), (3, fake), (4, moved)]).broken
    assert broken is not None and broken.kind == "inserted"
    assert "entry 3" in broken.detail


def test_an_entry_appended_outside_the_store_is_named(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path, 2)
    tables = _tables(path)
    last = tables[AUDIT_TABLE]["2"]
    extra = {**last, "seq": 3, "user": "mallory", "prev_hash": last["hash"]}
    extra["hash"] = entry_hash(extra)
    tables[AUDIT_TABLE]["3"] = extra
    broken = verify_tables(tables).broken
    assert broken is not None and (broken.seq, broken.kind) == (3, "inserted")


def test_an_unhashed_entry_after_the_chain_started_is_inserted() -> None:
    docs = _chain(2)
    broken = verify_chain([(1, docs[0]), (2, docs[1]), (3, {"seq": 3, "user": "x"})]).broken
    assert broken is not None and (broken.seq, broken.kind) == (3, "inserted")


def test_legacy_entries_are_sealed_by_the_first_hashed_entry(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path, 2)
    tables = _tables(path)
    for doc in tables[AUDIT_TABLE].values():  # a file written before the chain existed
        del doc["prev_hash"], doc["hash"]
    del tables[HEAD_TABLE]
    path.write_text(json.dumps(tables), encoding="utf-8")
    store = RecordStore.open(path, user="bob")
    store.create(Supplier(name="Beta"))
    after = _tables(path)
    new = after[AUDIT_TABLE]["3"]
    legacy = [after[AUDIT_TABLE]["1"], after[AUDIT_TABLE]["2"]]
    assert new["prev_hash"] == legacy_seal(legacy)
    assert store.verify_audit().intact
    assert store.verify_audit().legacy == 2
    after[AUDIT_TABLE]["1"]["user"] = "mallory"  # a legacy entry changed after sealing
    broken = verify_tables(after).broken
    assert broken is not None and (broken.seq, broken.kind) == (3, "changed")


def test_the_next_seq_comes_from_the_head_not_a_scan(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    _store_with_entries(path, 2)
    tables = _tables(path)
    tables[HEAD_TABLE]["1"]["seq"] = 40  # the head decides; the trail is not scanned
    path.write_text(json.dumps(tables), encoding="utf-8")
    store = RecordStore.open(path, user="bob")
    store.create(Supplier(name="Beta"))
    assert max(int(k) for k in _tables(path)[AUDIT_TABLE]) == 41


def _chain(count: int) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    prev = GENESIS
    for seq in range(1, count + 1):
        doc: dict[str, Any] = {"seq": seq, "user": "alice", "action": "update", "prev_hash": prev}
        doc["hash"] = prev = entry_hash(doc)
        docs.append(doc)
    return docs


def test_a_built_chain_verifies() -> None:
    docs = _chain(4)
    assert verify_chain(list(enumerate(docs, start=1))).intact
