"""The lock holds against people and programs that meddle with it, and readers never wait.

Writers lock the data file's own inode and re-check the side lock file after acquiring
it, so deleting ``<data>.lock`` while others write loses nothing.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from tinydb import Query

from itsms_tui.store import DataFileStorage, open_tinydb
from itsms_tui.store.filelock import FileLock
from tests.store.store_workers import delete_lock_file_until, insert_loop

ctx = multiprocessing.get_context("spawn")
JOIN_TIMEOUT = 300  # only so that a deadlock fails the test instead of hanging it


def run_writers_while_deleting_the_lock(path: Path, writers: int, count: int) -> int:
    """Run ``writers`` insert loops while the lock file is deleted; returns deletions."""
    storage = DataFileStorage(path)
    with storage.transaction():
        open_tinydb(storage).table("counters").insert({"id": "total", "value": 0})
    start, stop = ctx.Event(), ctx.Event()
    receiver, sender = ctx.Pipe(duplex=False)
    names = [chr(ord("A") + n) for n in range(writers)]
    procs = [ctx.Process(target=insert_loop, args=(str(path), n, count, start)) for n in names]
    deleter = ctx.Process(target=delete_lock_file_until, args=(str(path), stop, sender))
    for proc in procs:
        proc.start()
    deleter.start()
    start.set()
    for proc in procs:
        proc.join(JOIN_TIMEOUT)
        assert proc.exitcode == 0
    stop.set()
    deletions = int(receiver.recv())
    deleter.join(JOIN_TIMEOUT)

    db = open_tinydb(DataFileStorage(path))
    items = db.table("items").all()
    assert sorted(d["id"] for d in items) == sorted(
        f"{n}-{i:04d}" for n in names for i in range(count)
    ), "an acknowledged insert was lost"
    total = db.table("counters").get(Query().id == "total")
    assert total is not None
    assert total["value"] == writers * count, "an acknowledged update was lost"
    return deletions


def test_deleting_the_lock_file_during_four_writers_loses_nothing(tmp_path: Path) -> None:
    deletions = run_writers_while_deleting_the_lock(tmp_path / "itsms.json", 4, 60)
    assert deletions > 0  # the fault really happened


def test_a_reader_does_not_wait_for_a_writer_holding_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    writer = DataFileStorage(path)
    with writer.transaction():
        open_tinydb(writer).table("items").insert({"id": "A"})
    slow_save = FileLock(writer.lock_path, owner=path, timeout=1)
    with slow_save.exclusive():
        reader = DataFileStorage(path, lock_timeout=0.1)  # would report "busy" if it waited
        assert [d["id"] for d in open_tinydb(reader).table("items").all()] == ["A"]


def test_a_read_only_open_never_creates_the_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    writer = DataFileStorage(path)
    with writer.transaction():
        open_tinydb(writer).table("items").insert({"id": "A"})
    writer.lock_path.unlink()
    reader = DataFileStorage(path, read_only=True)
    assert open_tinydb(reader).table("items").all()
    assert not writer.lock_path.exists()


def test_the_lock_file_takes_the_data_files_owner_and_group(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to give the data file another owner")
    path = tmp_path / "itsms.json"
    writer = DataFileStorage(path)
    with writer.transaction():
        open_tinydb(writer).table("items").insert({"id": "A"})
    os.chown(path, 4321, 4322)
    writer.lock_path.unlink()
    with writer.transaction():  # root saving someone else's file
        open_tinydb(writer).table("items").insert({"id": "B"})
    st = writer.lock_path.stat()
    assert (st.st_uid, st.st_gid) == (4321, 4322)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)


def test_a_lock_file_deleted_between_exists_and_open_is_created_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "itsms.json"
    lock_path = tmp_path / "itsms.json.lock"
    lock_path.write_bytes(b"")
    real_open = os.open
    deleted: list[bool] = []

    def open_racing_a_deleter(file: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(file) == lock_path and not flags & os.O_CREAT and not deleted:
            deleted.append(True)
            lock_path.unlink()  # someone deletes it right after our O_EXCL create failed
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", open_racing_a_deleter)
    with FileLock(lock_path, owner=path, timeout=1).exclusive():
        assert deleted and lock_path.exists()
