"""Rotating backups beside the data file, ``backups`` and ``restore``."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import orjson
import pytest

from itsms_tui.cli import main
from itsms_tui.store import DataFileStorage, StoreSyncError, open_tinydb
from itsms_tui.store.backups import BackupPolicy, backup_dir, list_backups
from itsms_tui.store.records import RecordStore


def save(storage: DataFileStorage, n: int) -> None:
    with storage.transaction():
        open_tinydb(storage).table("items").insert({"id": f"I-{n}"})


def test_each_save_keeps_the_previous_version_and_rotation_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = DataFileStorage(path, backups=BackupPolicy(count=3))
    versions = []
    for n in range(6):
        if path.exists():
            versions.append(path.read_bytes())
        save(storage, n)
    kept = list_backups(path)
    assert [p.read_bytes() for p in kept] == versions[::-1][:3]  # newest first, 3 at most


def test_backups_older_than_the_age_limit_go_but_the_newest_stays(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = DataFileStorage(path, backups=BackupPolicy(count=10, max_age_days=1))
    for n in range(3):
        save(storage, n)
    for old in list_backups(path):
        os.utime(old, (1_000_000, 1_000_000))  # 1970
    save(storage, 3)
    assert len(list_backups(path)) == 1


def test_backups_share_the_data_files_mode_and_group(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    storage = DataFileStorage(path)
    save(storage, 0)
    os.chmod(path, 0o660)
    if os.geteuid() == 0:
        os.chown(path, -1, 4322)
    storage.lock_path.unlink()
    save(storage, 1)
    save(storage, 2)
    group = path.stat().st_gid
    for backup in list_backups(path):
        assert stat.S_IMODE(backup.stat().st_mode) == 0o660
        assert backup.stat().st_gid == group
    folder = backup_dir(path).stat()
    assert stat.S_IMODE(folder.st_mode) == 0o770
    assert folder.st_gid == group
    lock = storage.lock_path.stat()
    assert (stat.S_IMODE(lock.st_mode), lock.st_gid) == (0o660, group)
    assert stat.S_IMODE(path.stat().st_mode) == 0o660 and path.stat().st_gid == group


def test_a_failed_directory_sync_says_the_file_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "itsms.json"
    storage = DataFileStorage(path)
    save(storage, 0)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(StoreSyncError) as caught:
        save(storage, 1)
    message = str(caught.value)
    assert "saved, but the directory could not be synced" in message
    assert "nothing was changed" not in message
    assert len(orjson.loads(path.read_bytes())["items"]) == 2  # it really is saved


def test_backups_lists_time_size_records_and_who_saved(
    data: Path, snapshot: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(snapshot), "--data", str(data), "--replace"]) == 0
    capsys.readouterr()
    assert main(["backups", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    [backup] = list_backups(data)
    line = next(line for line in out.splitlines() if backup.name in line)
    records = len(RecordStore.open(data, read_only=True).dataset())  # the snapshot's, as backed up
    assert f"{records} records" in line and f"{backup.stat().st_size} bytes" in line
    assert "UTC" in line and "saved by " in line


def test_a_corrupt_file_names_the_newest_readable_backup_and_restore_brings_it_back(
    data: Path, snapshot: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(snapshot), "--data", str(data), "--replace"]) == 0
    good = data.read_bytes()
    assert main(["import", str(snapshot), "--data", str(data), "--replace"]) == 0
    data.write_bytes(b'{"_meta": {"1": {"schema_version": 1}}, "suppl')  # truncated
    corrupt = data.read_bytes()
    capsys.readouterr()
    assert main(["check", "--data", str(data)]) == 2
    err = capsys.readouterr().err
    newest = list_backups(data)[0]
    assert f"the newest readable backup is {newest}" in err
    assert newest.read_bytes() == good

    assert main(["restore", newest.name, "--data", str(data)]) == 0
    assert "restored" in capsys.readouterr().out
    store = RecordStore.open(data)
    assert store.dataset().counts() == RecordStore.open(newest, read_only=True).dataset().counts()
    last = store.audit_trail()[-1]
    assert last.action == "restore" and newest.name in last.summary
    assert list_backups(data)[0].read_bytes() == corrupt  # the replaced file is kept


def test_restoring_an_unreadable_backup_changes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"[1, 2]")
    before = data.read_bytes()
    assert main(["restore", str(bad), "--data", str(data)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"itsms-tui: {bad}: the top level is an array, expected an object"
    assert data.read_bytes() == before


def test_a_cli_save_whose_directory_sync_failed_exits_0_with_a_warning(
    data: Path, snapshot: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 promises that nothing changed; here the import is in the file."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert main(["import", str(snapshot), "--data", str(data), "--replace"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("itsms-tui: warning: ") and "may not survive a power loss" in err
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert not RecordStore.open(data).is_empty()
