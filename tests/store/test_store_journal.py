"""The journal of a large data file: appended saves, replay, torn tails, epochs, kills.

A data file of ``journal_from`` bytes or more is not rewritten on each save: the change
is appended to ``<data>.journal`` and every reader applies it. These tests use the
public storage and the files a person would look at.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import orjson
from tinydb import Query, TinyDB

from itsms_tui.store import DataFileStorage, open_tinydb
from itsms_tui.store.journal import JOURNAL_MIN_DATA_BYTES
from tests.store.store_workers import insert_loop, write_until_killed

ctx = multiprocessing.get_context("spawn")
JOIN_TIMEOUT = 300  # only so that a deadlock fails the test instead of hanging it


def big_store(path: Path) -> DataFileStorage:
    """A data file just over the journal threshold (saves after this are journalled)."""
    storage = DataFileStorage(path)
    pad = "y" * 250
    count = JOURNAL_MIN_DATA_BYTES // 270 + 10
    with storage.transaction():
        open_tinydb(storage).table("bulk").insert_multiple(
            {"id": f"B-{n:05d}", "pad": pad} for n in range(count)
        )
    assert path.stat().st_size >= JOURNAL_MIN_DATA_BYTES
    return storage


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def insert(storage: DataFileStorage, record_id: str, **fields: object) -> None:
    with storage.transaction():
        open_tinydb(storage).table("items").insert({"id": record_id, **fields})


def ids(storage: DataFileStorage) -> list[str]:
    return sorted(d["id"] for d in storage.read().get("items", {}).values())


def test_a_save_on_a_large_file_appends_to_the_journal_and_leaves_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "itsms.json"
    storage = big_store(path)
    before = path.read_bytes()
    insert(storage, "I-1", name="first")
    insert(storage, "I-2", name="second")
    assert path.read_bytes() == before  # the data file was not rewritten
    lines = journal_of(path).read_bytes().splitlines()
    assert lines[0].startswith(b"itsms-tui journal 1 ")
    assert len(lines) == 3 and b'"I-2"' in lines[2]
    assert ids(DataFileStorage(path)) == ["I-1", "I-2"]  # a new session replays it


def test_another_session_applies_only_the_appended_change(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    writer = big_store(path)
    reader = DataFileStorage(path)
    insert(writer, "I-1")
    old = reader.snapshot()
    insert(writer, "I-2")
    new = reader.snapshot()
    assert new.generation != old.generation
    assert ids(reader) == ["I-1", "I-2"]
    # the big table was not decoded again: it is the very same object
    assert new.data["bulk"] is old.data["bulk"]
    assert [d["id"] for d in old.data["items"].values()] == ["I-1"]  # old snapshot intact


def test_a_torn_tail_is_ignored_and_cut_off_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = big_store(path)
    insert(storage, "I-1")
    with open(journal_of(path), "ab") as handle:  # a save killed halfway through its line
        handle.write(b'0badc0de {"drop":[],"del":{},"put":{"items":{"9":{"id":"TORN"')
    assert ids(DataFileStorage(path)) == ["I-1"]
    insert(DataFileStorage(path), "I-2")
    assert ids(DataFileStorage(path)) == ["I-1", "I-2"]
    assert b"TORN" not in journal_of(path).read_bytes()


def test_a_line_failing_its_checksum_ends_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = big_store(path)
    insert(storage, "I-1", name="kept")
    insert(storage, "I-2", name="flipped")
    raw = journal_of(path).read_bytes()
    journal_of(path).write_bytes(raw.replace(b"flipped", b"flopped"))
    assert ids(DataFileStorage(path)) == ["I-1"]


def test_a_journal_of_another_data_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = big_store(path)
    insert(storage, "I-1")
    data = orjson.loads(path.read_bytes())
    data["bulk"]["1"]["pad"] = "restored by hand"
    path.write_bytes(orjson.dumps(data))  # e.g. an older copy put back by a person
    fresh = DataFileStorage(path)
    assert ids(fresh) == []
    assert fresh.read()["bulk"]["1"]["pad"] == "restored by hand"
    insert(fresh, "I-2")  # the stale journal is replaced, not appended to
    assert ids(DataFileStorage(path)) == ["I-2"]


def test_a_full_journal_is_compacted_into_a_plain_tinydb_file(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = big_store(path)
    size = path.stat().st_size
    pad = "z" * 2000
    n = 0
    while journal_of(path).exists() or n == 0:
        insert(storage, f"I-{n:04d}", pad=pad)
        n += 1
        assert n < 1000, "the journal never compacted"
    assert n > 1  # saves went to the journal before it was folded in
    expected = [f"I-{i:04d}" for i in range(n)]
    assert path.stat().st_size > size
    with TinyDB(path, access_mode="r") as db:  # what tinydb itself reads: everything
        assert sorted(d["id"] for d in db.table("items").all()) == expected
    assert ids(DataFileStorage(path)) == expected


def test_writers_in_two_processes_lose_nothing_through_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = big_store(path)
    with storage.transaction():
        open_tinydb(storage).table("counters").insert({"id": "total", "value": 0})
    count = 150
    start = ctx.Event()
    workers = [
        ctx.Process(target=insert_loop, args=(str(path), name, count, start)) for name in "AB"
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(JOIN_TIMEOUT)
        assert worker.exitcode == 0
    db = open_tinydb(DataFileStorage(path))
    assert len(db.table("items").all()) == 2 * count
    total = db.table("counters").get(Query().id == "total")
    assert total is not None and total["value"] == 2 * count


def test_kill_9_during_journalled_saves_never_loses_an_acknowledged_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "itsms.json"
    big_store(path)
    rng = random.Random(8)
    reported: set[int] = set()
    first = 0
    for _round in range(6):
        receiver, sender = ctx.Pipe(duplex=False)
        child = ctx.Process(target=write_until_killed, args=(str(path), sender, first))
        child.start()
        sender.close()
        for _ in range(rng.randint(3, 40)):
            reported.add(receiver.recv())
        time.sleep(rng.uniform(0, 0.01))  # land anywhere in the append cycle
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join(JOIN_TIMEOUT)
        assert child.exitcode == -signal.SIGKILL
        while True:
            try:
                reported.add(receiver.recv())
            except EOFError:
                break
        receiver.close()
        orjson.loads(path.read_bytes())  # the data file itself is always whole
        stored = {d["n"] for d in DataFileStorage(path).read()["items"].values()}
        assert reported <= stored
        first = max(stored) + 1
