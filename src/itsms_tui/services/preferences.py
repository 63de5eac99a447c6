"""Per-user preferences of the TUI (the theme), kept in a small JSON file.

The file lives in platformdirs' user config directory (``$ITSMS_TUI_CONFIG_DIR``
overrides it, which tests use to stay away from the real one). A missing or unreadable
file means defaults: preferences are a convenience and must never stop the app.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from itsms_tui.store.files import write_file_atomically

CONFIG_ENV = "ITSMS_TUI_CONFIG_DIR"
DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


@dataclass(frozen=True, slots=True)
class Preferences:
    theme: str = DARK_THEME


def preferences_path() -> Path:
    """``$ITSMS_TUI_CONFIG_DIR/preferences.json``, else the user config directory's."""
    configured = os.environ.get(CONFIG_ENV, "").strip()
    base = (
        Path(configured).expanduser()
        if configured
        else Path(platformdirs.user_config_dir("itsms-tui", appauthor=False))
    )
    return base / "preferences.json"


def load_preferences(path: Path | None = None) -> Preferences:
    """The saved preferences, or the defaults when there are none or they cannot be read."""
    try:
        raw = json.loads((path or preferences_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    theme = raw.get("theme") if isinstance(raw, dict) else None
    return Preferences(theme=theme if theme in (DARK_THEME, LIGHT_THEME) else DARK_THEME)


def save_preferences(preferences: Preferences, path: Path | None = None) -> None:
    """Write the preferences atomically (raises OSError when the directory is not writable)."""
    target = path or preferences_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(preferences), indent=2) + "\n"
    write_file_atomically(target, text.encode("utf-8"))
