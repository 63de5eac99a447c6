"""Child-process bodies for the multi-process store tests (importable under spawn)."""

from __future__ import annotations

from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event

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
