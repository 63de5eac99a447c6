"""A data file that cannot be used is reported clearly and never written over."""

from __future__ import annotations

from pathlib import Path

import pytest

from itsms_tui.store import DataFileError, DataFileStorage, open_tinydb

GOOD = b'{"_meta": {"1": {"schema_version": 1}}, "items": {"1": {"id": "A"}}}'

BAD = {
    "truncated": (GOOD[:-9], "not valid JSON (line 1, column 60): the file ends too early"),
    "garbage": (b'{"_meta": {}}\n\n  hello', "not valid JSON (line 3, column 3)"),
    "empty": (b"", "the file is empty (0 bytes)"),
    "bom": (b"\xef\xbb\xbf" + GOOD, "byte order mark (BOM)"),
    "latin-1": (b'{"items": {"1": {"name": "Caf\xe9"}}}', "not valid UTF-8 text"),
    "array": (b"[1, 2]", "the top level is an array, expected an object"),
    "string": (b'"itsms"', "the top level is a string, expected an object"),
    "table not an object": (
        b'{"_meta": {"1": {"schema_version": 1}}, "items": [1]}',
        "table 'items' is an array, expected an object of documents",
    ),
    "document not an object": (
        b'{"_meta": {"1": {"schema_version": 1}}, "items": {"1": 5}}',
        "table 'items', document 1 is a number, expected an object",
    ),
    "document key not a number": (
        b'{"_meta": {"1": {"schema_version": 1}}, "items": {"x": {}}}',
        "table 'items' has a document key 'x' that is not a number",
    ),
    "newer schema": (
        b'{"_meta": {"1": {"schema_version": 99}}}',
        "schema version 99 is newer than this itsms-tui understands (2)",
    ),
    "bad schema": (b'{"_meta": {"1": {"schema_version": "1"}}}', "schema_version in _meta is '1'"),
    "no schema": (b'{"_meta": {"1": {}}}', "schema_version in _meta is None"),
    "two meta documents": (
        b'{"_meta": {"1": {"schema_version": 1}, "2": {"schema_version": 1}}}',
        "the _meta table has 2 documents, expected 1",
    ),
    "no meta": (b'{"items": {"1": {"id": "A"}}}', "holds records but no _meta table"),
    "duplicate ids": (
        b'{"_meta": {"1": {"schema_version": 1}}, '
        b'"suppliers": {"1": {"id": "SUP-0001"}, "2": {"id": "SUP-0002"}, "7": {"id": "SUP-0001"}}}',
        "table 'suppliers' has the id 'SUP-0001' twice (documents 1 and 7)",
    ),
}


def fingerprint(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


@pytest.mark.parametrize(("content", "problem"), BAD.values(), ids=BAD.keys())
def test_an_unusable_file_is_refused_with_a_one_line_message(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "itsms.json"
    path.write_bytes(content)
    before = fingerprint(path)
    with pytest.raises(DataFileError) as caught:
        DataFileStorage(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message
    assert caught.value.path == str(path)
    assert fingerprint(path) == before


@pytest.mark.parametrize(("content", "problem"), BAD.values(), ids=BAD.keys())
def test_a_file_that_goes_bad_after_opening_is_never_written_over(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "itsms.json"
    path.write_bytes(GOOD)
    storage = DataFileStorage(path)
    table = open_tinydb(storage).table("items")
    assert len(table) == 1
    path.write_bytes(content)  # someone edits it by hand
    before = fingerprint(path)
    with pytest.raises(DataFileError, match="^" + str(path)), storage.transaction():
        table.insert({"id": "B"})
    with pytest.raises(DataFileError):
        table.all()
    with pytest.raises(DataFileError):
        _ = storage.generation
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["itsms.json", "itsms.json.lock"]


def test_a_repaired_file_is_usable_again(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    path.write_bytes(GOOD)
    storage = DataFileStorage(path)
    path.write_bytes(b"{")
    with pytest.raises(DataFileError):
        storage.read()
    path.write_bytes(GOOD)
    assert storage.read()["items"] == {"1": {"id": "A"}}


def test_a_directory_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "itsms.json"
    path.mkdir()
    with pytest.raises(DataFileError, match="not a regular file"):
        DataFileStorage(path)
