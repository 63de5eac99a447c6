"""Rotating backups of the data file: where they live, how they are named and pruned.

Before a save replaces the data file, the version being replaced is hard-linked into
``<data file>.backups/``. A link costs no copy and is the very inode that was the data
file, so a backup has the data file's mode, owner and group by construction (saves
never modify a file in place, so the backup never changes afterwards). The directory
itself gets the data file's group and permission bits (plus search permission where
reading is allowed), so people sharing the data file through a group share its
backups too.

Names sort by time: ``<stem>-YYYYMMDDTHHMMSS.ffffffZ<suffix>``, the UTC moment the
version was superseded.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_BACKUP_COUNT = 20
"""Backups kept at most (the newest ones)."""

DEFAULT_BACKUP_DAYS = 30.0
"""Backups older than this are removed (the newest one is always kept)."""


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups to keep and for how long; ``count == 0`` turns them off."""

    count: int = DEFAULT_BACKUP_COUNT
    max_age_days: float = DEFAULT_BACKUP_DAYS

    @property
    def enabled(self) -> bool:
        return self.count > 0


def backup_dir(data_path: Path) -> Path:
    """The directory holding ``data_path``'s backups."""
    return data_path.with_name(data_path.name + ".backups")


def _stamp(now_ns: int) -> str:
    seconds, nanos = divmod(now_ns, 1_000_000_000)
    moment = datetime.fromtimestamp(seconds, UTC)
    return f"{moment:%Y%m%dT%H%M%S}.{nanos // 1000:06d}Z"


def is_backup_name(data_path: Path, name: str) -> bool:
    """Whether ``name`` (in the backup directory) is one of ``data_path``'s backups."""
    prefix = f"{data_path.stem}-"
    return name.startswith(prefix) and name.endswith(data_path.suffix) and "T" in name


def list_backups(data_path: Path) -> list[Path]:
    """The backups of ``data_path``, newest first."""
    directory = backup_dir(data_path)
    try:
        names = [n for n in os.listdir(directory) if is_backup_name(data_path, n)]
    except OSError:
        return []
    return [directory / name for name in sorted(names, reverse=True)]


def _ensure_dir(data_path: Path, st: os.stat_result) -> Path:
    directory = backup_dir(data_path)
    mode = stat.S_IMODE(st.st_mode) & 0o770
    mode |= 0o700 | ((mode & 0o040) >> 2)  # search permission wherever reading is allowed
    try:
        os.mkdir(directory, mode)
    except FileExistsError:
        return directory
    os.chmod(directory, mode)  # the umask must not lock out the data file's group
    for uid in (st.st_uid, -1):
        try:
            os.chown(directory, uid, st.st_gid)
            break
        except PermissionError:
            continue
    return directory


def keep_backup(data_path: Path, policy: BackupPolicy, now_ns: int | None = None) -> Path | None:
    """Hard-link the current data file into the backups; None when there is nothing to keep.

    Raises ``OSError`` when the backup cannot be made (the caller then saves nothing).
    """
    if not policy.enabled:
        return None
    try:
        st = os.stat(data_path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return None
    directory = _ensure_dir(data_path, st)
    base = f"{data_path.stem}-{_stamp(now_ns or time.time_ns())}"
    for attempt in range(100):
        name = base + (f"-{attempt}" if attempt else "") + data_path.suffix
        try:
            os.link(data_path, directory / name)
            return directory / name
        except FileExistsError:
            continue
    raise FileExistsError(f"too many backups named {base}*")


def prune_backups(data_path: Path, policy: BackupPolicy, now: float | None = None) -> None:
    """Remove backups beyond ``policy.count`` and older than its age (keeps the newest)."""
    limit = (now or time.time()) - policy.max_age_days * 86400
    for position, path in enumerate(list_backups(data_path)):
        if position == 0:
            continue
        too_old = False
        if position >= policy.count:
            too_old = True
        else:
            with suppress(OSError):
                too_old = path.stat().st_mtime < limit
        if too_old:
            with suppress(OSError):
                path.unlink()


def newest_readable(data_path: Path, readable: Callable[[bytes], bool]) -> Path | None:
    """The newest backup whose bytes ``readable`` accepts, if any."""
    for path in list_backups(data_path):
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if readable(raw):
            return path
    return None
