"""Where the data file lives by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_ENV = "ITSMS_TUI_DATA"


def default_data_path() -> Path:
    """``$ITSMS_TUI_DATA``, else ``<user data dir>/itsms-tui/itsms.json``."""
    configured = os.environ.get(DATA_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("itsms-tui", appauthor=False)) / "itsms.json"
