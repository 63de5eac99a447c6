"""Child-process bodies for the multi-process store tests (importable under spawn)."""

from __future__ import annotations

import os
import time
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path

from tinydb import Query
from tinydb.operations import increment

from itsms_tui.store import DataFileStorage, open_tinydb

PAD = "x" * 200


def insert_loop(path: str, writer: str, count: int, start: Event) -> None:
    """Insert ``count`` records (TinyDB-assigned doc_ids) and bump a shared counter each time."""
    storage = DataFileStorage(path, lock_timeout=120)
    db = open_tinydb(storage)
    items = db.table("items")
    counters = db.table("counters")
    start.wait()
    for i in range(count):
        with storage.transaction():
            items.insert({"id": f"{writer}-{i:04d}", "writer": writer, "n": i, "pad": PAD})
            counters.update(increment("value"), Query().id == "total")


def write_until_killed(path: str, conn: Connection, first: int) -> None:
    """Insert records forever, reporting each one's number once its transaction returned."""
    storage = DataFileStorage(path, lock_timeout=120)
    items = open_tinydb(storage).table("items")
    n = first
    while True:
        with storage.transaction():
            items.insert({"id": f"K-{n:06d}", "n": n, "pad": PAD})
        conn.send(n)
        n += 1


def insert_one(path: str, record_id: str) -> None:
    storage = DataFileStorage(path)
    with storage.transaction():
        open_tinydb(storage).table("items").insert({"id": record_id})


def delete_lock_file_until(path: str, stop: Event, deleted: Connection) -> None:
    """Delete ``<data>.lock`` over and over while writers run; report how often it went."""
    lock = path + ".lock"
    count = 0
    while not stop.is_set():
        try:
            os.unlink(lock)
            count += 1
        except FileNotFoundError:
            pass
        time.sleep(0.002)
    deleted.send(count)


def open_in_child(path: str, result: Connection) -> None:
    """Open the data file and report what happened (for paths that might hang)."""
    try:
        DataFileStorage(path)
    except Exception as error:  # reported to the parent, which asserts on it
        result.send(f"{type(error).__name__}: {error}")
    else:
        result.send("opened")


def save_suppliers(path: str, user: str, count: int, start: Event) -> None:
    """Create and rename ``count`` suppliers through the record store (each save audited)."""
    from itsms_tui.domain.suppliers import Supplier
    from itsms_tui.store.records import RecordStore

    store = RecordStore.open(Path(path), user=user)
    start.wait()
    for i in range(count):
        saved = store.create(Supplier(name=f"{user} {i}"))
        store.update(saved.model_copy(update={"name": f"{user} {i} renamed"}))
