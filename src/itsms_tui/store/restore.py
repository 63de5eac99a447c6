"""Listing the data file's backups and restoring one (an atomic, audited write).

A backup is a whole data file of an earlier moment, so restoring one checks it exactly
like opening a data file (layout, schema, every record, the audit trail), then writes
it over the data file like any save: atomically, after keeping the current file —
readable or not — as the newest backup.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.enums import AuditAction
from itsms_tui.domain.fields import utc_now
from itsms_tui.domain.registry import COLLECTIONS
from itsms_tui.store.audit_chain import append_to_tables, next_seq
from itsms_tui.store.backups import BackupPolicy, backup_dir, is_backup_name, list_backups
from itsms_tui.store.errors import DataFileError, StoreError
from itsms_tui.store.records import AUDIT_TABLE, RecordStore, current_user
from itsms_tui.store.schema import SchemaProblem
from itsms_tui.store.storage import DataFileStorage, InMemoryStorage, Tables, decode_database


@dataclass(frozen=True)
class BackupInfo:
    """What ``itsms-tui backups`` shows for one backup."""

    path: Path
    saved_at: datetime
    size: int
    records: int | None  # None: the backup does not read
    counts: dict[str, int]
    saved_by: str
    problem: str = ""


def describe_backups(data_path: Path) -> list[BackupInfo]:
    """Every backup of ``data_path``, newest first, with what it holds."""
    data_path = Path(os.path.realpath(data_path))
    return [_describe(path) for path in list_backups(data_path)]


def _describe(path: Path) -> BackupInfo:
    st = path.stat()
    saved_at = datetime.fromtimestamp(st.st_mtime, UTC).replace(microsecond=0)
    try:
        tables, _version = decode_database(path.read_bytes())
    except (OSError, SchemaProblem) as exc:
        return BackupInfo(path, saved_at, st.st_size, None, {}, "", str(exc))
    counts = {name: len(tables.get(name, {})) for name in COLLECTIONS if tables.get(name)}
    audit = tables.get(AUDIT_TABLE, {})
    newest = max(audit, key=int, default=None)  # doc_id is the entry's seq
    saved_by = str(audit[newest].get("user", "")) if newest is not None else ""
    return BackupInfo(path, saved_at, st.st_size, sum(counts.values()), counts, saved_by)


def resolve_backup(data_path: Path, given: Path) -> Path:
    """The backup file ``given`` names: a path, or a name listed by ``backups``."""
    if given.exists() or given.is_absolute() or len(given.parts) > 1:
        return given
    data_path = Path(os.path.realpath(data_path))
    candidate = backup_dir(data_path) / given.name
    if is_backup_name(data_path, given.name) and candidate.exists():
        return candidate
    return given


def restore_backup(
    data_path: Path,
    backup: Path,
    *,
    user: str | None = None,
    backups: BackupPolicy | None = None,
) -> BackupInfo:
    """Make ``backup`` the data file's content, audited; returns what was restored.

    Raises ``DataFileError`` naming the backup when it does not read or validate;
    then nothing is written.
    """
    try:
        raw = backup.read_bytes()
    except FileNotFoundError:
        raise DataFileError(backup, "no such backup (see itsms-tui backups)") from None
    except OSError as exc:
        raise DataFileError(backup, f"cannot be read: {exc.strerror}") from None
    try:
        tables, _version = decode_database(raw)
    except SchemaProblem as exc:
        raise DataFileError(backup, str(exc)) from None
    _validate(backup, tables)
    restored = copy.deepcopy(tables)
    seq = next_seq(restored)
    info = _describe(backup)
    entry = AuditEntry(
        seq=seq,
        at=utc_now(),
        user=user or current_user(),
        action=AuditAction.RESTORE,
        summary=f"restored the backup {backup.name} (saved {info.saved_at:%Y-%m-%d %H:%M:%S} UTC)",
    )
    append_to_tables(restored, entry)
    storage = DataFileStorage(data_path, unusable_ok=True, backups=backups)
    storage.overwrite(restored)
    return info


def _validate(backup: Path, tables: Tables) -> None:
    """Check a backup's records and audit trail like an opened data file's."""
    try:
        store = RecordStore(InMemoryStorage(tables))
        store.dataset()
        store.audit_trail()
    except DataFileError as exc:
        raise DataFileError(backup, exc.problem) from None
    except StoreError as exc:  # InvalidDataError and the like: the backup is not usable
        raise DataFileError(backup, str(exc)) from None
