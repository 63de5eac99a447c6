"""The data file on disk: modes, temp files, change detection, permissions, locking."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from tinydb import Query

from itsms_tui.store import (
    META_TABLE,
    SCHEMA_VERSION,
    DataFileStorage,
    ReadOnlyStoreError,
    StoreBusyError,
    open_tinydb,
)
from itsms_tui.store.filelock import FileLock


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "itsms.json"


@pytest.fixture
def no_umask() -> Iterator[None]:
    """Umask 0, so a mode we see is the mode the code asked for."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def insert(storage: DataFileStorage, record_id: str, table: str = "items") -> None:
    with storage.transaction():
        open_tinydb(storage).table(table).insert({"id": record_id})


def ids(storage: DataFileStorage, table: str = "items") -> set[str]:
    return {d["id"] for d in open_tinydb(storage).table(table).all()}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_missing_file_is_created_on_the_first_save_mode_0600(data: Path, no_umask: None) -> None:
    storage = DataFileStorage(data)
    assert not data.exists()
    insert(storage, "A")
    assert mode(data) == 0o600
    on_disk = orjson.loads(data.read_bytes())
    assert on_disk[META_TABLE] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert on_disk["items"] == {"1": {"id": "A"}}


def test_an_existing_files_mode_is_kept(data: Path, no_umask: None) -> None:
    insert(DataFileStorage(data), "A")
    data.chmod(0o640)
    storage = DataFileStorage(data)
    insert(storage, "B")
    insert(storage, "C")
    assert mode(data) == 0o640


def test_no_temporary_files_are_left_behind(data: Path) -> None:
    storage = DataFileStorage(data)
    for n in range(5):
        insert(storage, str(n))
    assert sorted(p.name for p in data.parent.iterdir()) == [
        "itsms.json",
        "itsms.json.backups",
        "itsms.json.lock",
    ]


def test_leftovers_of_a_crashed_save_are_removed_and_nothing_else(data: Path) -> None:
    orphan = data.parent / ".itsms.json.k2j3h4g5.tmp"
    orphan.write_bytes(b'{"half": ')
    other = data.parent / ".itsms.json.backup.k2j3h4g5.tmp"  # another data file's temp file
    other.write_bytes(b"{}")
    insert(DataFileStorage(data), "A")
    assert not orphan.exists()
    assert other.exists()


@pytest.mark.parametrize("content", [b"{}", b'{"_default": {}}', b"{}\n"])
def test_an_empty_object_counts_as_a_new_store(data: Path, content: bytes) -> None:
    data.write_bytes(content)
    storage = DataFileStorage(data)
    assert storage.schema_version is None
    insert(storage, "A")
    assert storage.schema_version == SCHEMA_VERSION


def test_a_save_by_another_storage_is_seen_and_changes_the_generation(data: Path) -> None:
    mine, theirs = DataFileStorage(data), DataFileStorage(data)
    insert(mine, "A")
    generation = mine.generation
    assert ids(mine) == {"A"}
    insert(theirs, "B")
    assert mine.generation != generation
    assert ids(mine) == {"A", "B"}


def test_rewrites_within_one_clock_tick_are_noticed(data: Path) -> None:
    """Two saves between two reads, same size, same mtime (file times are only as fine
    as the kernel's clock tick). The second save's temp file may get the inode number
    the first save freed (ext4 does this), so (inode, mtime, size) could equal the
    version read before; the reader must still see the newest data."""
    mine, theirs = DataFileStorage(data), DataFileStorage(data)
    table = open_tinydb(theirs).table("items")
    with theirs.transaction():
        table.insert({"id": "X", "n": 0})
    for n in range(1, 30):
        assert mine.read()["items"]["1"]["n"] == (n - 1) % 10
        seen = data.stat()
        for value in (9, n):  # same size as before
            with theirs.transaction():
                table.update({"n": value % 10}, Query().id == "X")
        os.utime(data, ns=(seen.st_atime_ns, seen.st_mtime_ns))  # as if in the same tick
        assert mine.read()["items"]["1"]["n"] == n % 10


def test_a_file_the_user_cannot_write_opens_read_only(data: Path) -> None:
    insert(DataFileStorage(data), "A")
    data.chmod(0o444)
    before = data.read_bytes(), data.stat().st_mtime_ns
    storage = DataFileStorage(data)
    assert not storage.writable
    assert ids(storage) == {"A"}
    with pytest.raises(ReadOnlyStoreError) as caught, storage.transaction():
        open_tinydb(storage).table("items").insert({"id": "B"})
    assert str(caught.value).startswith(f"{data}: read-only")
    assert (data.read_bytes(), data.stat().st_mtime_ns) == before


def test_a_missing_directory_is_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "new" / "sub" / "itsms.json"
    plain = DataFileStorage(path)
    assert not plain.writable
    with pytest.raises(ReadOnlyStoreError, match="does not exist"), plain.transaction():
        pass
    storage = DataFileStorage(path, create_dirs=True)
    assert storage.writable
    insert(storage, "A")
    assert ids(DataFileStorage(path)) == {"A"}


def test_a_symlinked_data_file_stays_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real" / "itsms.json"
    target.parent.mkdir()
    link = tmp_path / "itsms.json"
    link.symlink_to(target)
    insert(DataFileStorage(link), "A")
    assert link.is_symlink()
    assert ids(DataFileStorage(target)) == {"A"}


def test_a_held_lock_makes_a_transaction_report_busy(data: Path) -> None:
    storage = DataFileStorage(data, lock_timeout=0.2)
    insert(storage, "A")
    other = FileLock(storage.lock_path, owner=data, timeout=1)
    with other.exclusive():
        with pytest.raises(StoreBusyError) as caught, storage.transaction():
            pass
        assert str(caught.value).startswith(f"{data}: busy")
        assert ids(storage) == {"A"}  # unchanged data is read without waiting
    insert(storage, "B")
    assert ids(storage) == {"A", "B"}


def test_the_lock_file_gets_the_data_files_mode(data: Path, no_umask: None) -> None:
    insert(DataFileStorage(data), "A")
    data.chmod(0o660)
    lock = data.with_name("itsms.json.lock")
    lock.unlink()
    insert(DataFileStorage(data), "B")
    assert mode(lock) == 0o660
