"""Several processes on one data file: no lost writes, and kill -9 never loses a saved write."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import orjson
from tinydb import Query

from itsms_tui.store import DataFileStorage, open_tinydb
from tests.store.store_workers import insert_loop, insert_one, write_until_killed

ctx = multiprocessing.get_context("spawn")
JOIN_TIMEOUT = 300  # only so that a deadlock fails the test instead of hanging it


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = DataFileStorage(path)
    with storage.transaction():
        open_tinydb(storage).table("counters").insert({"id": "total", "value": 0})
    count = 300
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

    db = open_tinydb(storage)
    items = db.table("items").all()
    # every insert of both processes, each under its own TinyDB-assigned doc_id
    assert sorted(d["id"] for d in items) == sorted(
        f"{name}-{n:04d}" for name in "AB" for n in range(count)
    )
    assert len({d.doc_id for d in items}) == 2 * count
    # every read-modify-write of the shared counter counted: none overwrote another
    total = db.table("counters").get(Query().id == "total")
    assert total is not None
    assert total["value"] == 2 * count


def test_kill_9_in_the_middle_of_saving_never_loses_a_saved_write(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = DataFileStorage(path)
    with storage.transaction():  # some bulk, so a save takes long enough to be hit
        open_tinydb(storage).table("bulk").insert_multiple(
            {"id": f"B-{n:05d}", "pad": "y" * 250} for n in range(2000)
        )
    rng = random.Random(20)
    reported: set[int] = set()
    first = 0
    for _round in range(8):
        receiver, sender = ctx.Pipe(duplex=False)
        child = ctx.Process(target=write_until_killed, args=(str(path), sender, first))
        child.start()
        sender.close()
        for _ in range(rng.randint(3, 30)):
            reported.add(receiver.recv())
        time.sleep(rng.uniform(0, 0.02))  # land anywhere in the write cycle
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join(JOIN_TIMEOUT)
        assert child.exitcode == -signal.SIGKILL
        while True:  # what it reported before dying counts too
            try:
                reported.add(receiver.recv())
            except EOFError:
                break
        receiver.close()

        on_disk = orjson.loads(path.read_bytes())  # parses: never torn
        stored = {d["n"] for d in on_disk["items"].values()}
        assert reported <= stored
        assert len(on_disk["bulk"]) == 2000
        assert DataFileStorage(path).read()["items"]  # opens
        first = max(stored) + 1

    insert_one(str(path), "after")  # the next save sweeps a killed save's temp file
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "itsms.json",
        "itsms.json.backups",
        "itsms.json.lock",
    ]


def test_a_save_by_another_process_is_seen_without_reopening(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = DataFileStorage(path)
    table = open_tinydb(storage).table("items")
    assert table.all() == []
    generation = storage.generation
    for n in range(3):
        child = ctx.Process(target=insert_one, args=(str(path), f"R-{n}"))
        child.start()
        child.join(JOIN_TIMEOUT)
        assert child.exitcode == 0
        assert storage.generation != generation
        generation = storage.generation
        assert sorted(d["id"] for d in table.all()) == [f"R-{i}" for i in range(n + 1)]
