"""Where the data file, its backups and the crash log live, by default or by environment."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from itsms_tui.services.errors import UserError
from itsms_tui.store.backups import DEFAULT_BACKUP_COUNT, DEFAULT_BACKUP_DAYS, BackupPolicy

DATA_ENV = "ITSMS_TUI_DATA"


def default_data_path() -> Path:
    """``$ITSMS_TUI_DATA``, else ``<user data dir>/itsms-tui/itsms.json``."""
    configured = os.environ.get(DATA_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("itsms-tui", appauthor=False)) / "itsms.json"


LOG_ENV = "ITSMS_TUI_LOG_DIR"
BACKUPS_ENV = "ITSMS_TUI_BACKUPS"
BACKUP_DAYS_ENV = "ITSMS_TUI_BACKUP_DAYS"


def log_dir() -> Path:
    """``$ITSMS_TUI_LOG_DIR``, else the platform's user log directory for itsms-tui."""
    configured = os.environ.get(LOG_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_log_dir("itsms-tui", appauthor=False))


def backup_policy() -> BackupPolicy:
    """How many backups to keep and for how long: defaults, or the environment's numbers.

    ``$ITSMS_TUI_BACKUPS`` (a count; 0 turns backups off) and ``$ITSMS_TUI_BACKUP_DAYS``.
    """
    count, days = DEFAULT_BACKUP_COUNT, DEFAULT_BACKUP_DAYS
    raw_count = os.environ.get(BACKUPS_ENV, "").strip()
    raw_days = os.environ.get(BACKUP_DAYS_ENV, "").strip()
    try:
        if raw_count:
            count = int(raw_count)
        if raw_days:
            days = float(raw_days)
    except ValueError:
        raise UserError(
            f"${BACKUPS_ENV} / ${BACKUP_DAYS_ENV}: not a number "
            f"({raw_count or '-'} / {raw_days or '-'})"
        ) from None
    if count < 0 or not days > 0:
        raise UserError(f"${BACKUPS_ENV} must be 0 or more and ${BACKUP_DAYS_ENV} more than 0")
    return BackupPolicy(count=count, max_age_days=days)
