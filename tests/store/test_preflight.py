"""The checks done before the TUI's first frame: cheap, and with the message every command
gives for a file that cannot be opened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itsms_tui.store.errors import DataFileError
from itsms_tui.store.preflight import FULL_CHECK_BYTES, preflight
from itsms_tui.store.storage import DataFileStorage


def _large(version: int = 1) -> bytes:
    doc = {
        "_meta": {"1": {"schema_version": version}},
        "suppliers": {"1": {"id": "SUP-0001", "name": "x" * FULL_CHECK_BYTES}},
    }
    return json.dumps(doc, separators=(",", ":")).encode()


def _message_of_opening(path: Path) -> str:
    with pytest.raises(DataFileError) as raised:
        DataFileStorage(path, read_only=True)
    return str(raised.value)


@pytest.mark.parametrize(
    "content",
    [
        _large()[:-3],  # truncated
        _large(99),  # a schema version this program does not read
        b"\xef\xbb\xbf" + _large(),  # a byte order mark
        b'{"suppliers": {',  # small and corrupt: decoded whole
        b"",
    ],
    ids=["truncated", "schema", "bom", "small", "empty"],
)
def test_an_unusable_file_is_refused_with_the_usual_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(content)
    with pytest.raises(DataFileError) as raised:
        preflight(path)
    assert str(raised.value) == _message_of_opening(path)


def test_a_large_file_whose_ends_are_sound_is_left_to_the_full_open(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(_large())  # the record is invalid: only validating it would tell
    preflight(path)


def test_a_missing_file_is_a_new_store(tmp_path: Path) -> None:
    preflight(tmp_path / "new.json")
    assert list(tmp_path.iterdir()) == []


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not a regular file"):
        preflight(tmp_path)
