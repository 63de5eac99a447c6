"""Preferences never stop the app: a missing, broken or odd file means the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from itsms_tui.services.preferences import (
    DARK_THEME,
    LIGHT_THEME,
    Preferences,
    load_preferences,
    save_preferences,
)


def test_saved_theme_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "preferences.json"
    save_preferences(Preferences(theme=LIGHT_THEME), path)
    assert load_preferences(path) == Preferences(theme=LIGHT_THEME)


@pytest.mark.parametrize(
    "content",
    ["", "{", "[]", '{"theme": 3}', '{"theme": "no-such-theme"}', "\xff\xfe"],
)
def test_unusable_files_give_the_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "preferences.json"
    path.write_text(content, encoding="latin-1")
    assert load_preferences(path) == Preferences(theme=DARK_THEME)


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_preferences(tmp_path / "absent.json") == Preferences()
