"""Bundled styles and sample data are found from a source checkout and from a wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

from itsms_tui import resources


def test_sample_data_is_found_from_the_checkout() -> None:
    demo = resources.sample_data_path("demo.toml")
    assert demo.is_file()
    assert demo.read_text(encoding="utf-8").startswith("# itsms-tui snapshot")


def test_styles_folder_is_found() -> None:
    assert resources.styles_dir().is_dir()


def test_a_packaged_copy_wins_over_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "itsms_tui" / "_resources"
    (packaged / "sample_data").mkdir(parents=True)
    (packaged / "sample_data" / "demo.toml").write_text("# packaged\n", encoding="utf-8")
    monkeypatch.setattr(resources, "_CANDIDATES", (packaged, *resources._CANDIDATES[1:]))
    assert resources.sample_data_path("demo.toml").read_text(encoding="utf-8") == "# packaged\n"
    assert resources.styles_dir() == resources._CANDIDATES[1] / "styles"


def test_a_missing_folder_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "_CANDIDATES", (tmp_path / "a", tmp_path / "b"))
    with pytest.raises(FileNotFoundError, match="sample_data"):
        resources.sample_data_path("demo.toml")


@pytest.mark.parametrize("name", ["../pyproject.toml", "/etc/passwd", "sub/demo.toml"])
def test_only_plain_file_names_are_accepted(name: str) -> None:
    with pytest.raises(ValueError, match="plain file name"):
        resources.sample_data_path(name)
