"""The data file's layout and schema version, and the checks run on every load and save.

The file is TinyDB's layout, one JSON object::

    {"_meta": {"1": {"schema_version": 1}},
     "suppliers": {"1": {"id": "SUP-0001", ...}, "2": {...}},
     ...}

i.e. table name -> {decimal doc_id -> document object}. The ``_meta`` table holds one
document with the integer ``schema_version`` the file was written with; a file with
records but without ``_meta`` is not ours. The checks are the same for reading and
writing, so the store never writes a file it would refuse to open.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 2
"""The schema version this program reads and writes. Bump it with a migration."""

META_TABLE = "_meta"
"""The TinyDB table holding the file's metadata (one document)."""

META_DOC_ID = "1"
"""The doc_id of the single ``_meta`` document."""


class SchemaProblem(ValueError):
    """What is wrong with a database's contents, as a short phrase for a message."""


def json_kind(value: object) -> str:
    """The JSON name of a decoded value's type (``object``, ``array``, ...)."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"


def meta_table(version: int = SCHEMA_VERSION) -> dict[str, dict[str, Any]]:
    """A fresh ``_meta`` table for a file written with ``version``."""
    return {META_DOC_ID: {"schema_version": version}}


def check_database(data: object) -> int | None:
    """Check TinyDB's layout, the schema version and id uniqueness.

    Returns the schema version, or ``None`` for a database that has no ``_meta`` table
    and no documents at all (a new file). Raises ``SchemaProblem`` otherwise.
    Only the layout is checked here; the records themselves are the domain's business.
    """
    if not isinstance(data, dict):
        raise SchemaProblem(f"the top level is {json_kind(data)}, expected an object")
    has_documents = False
    for name, table in data.items():
        if not isinstance(table, dict):
            raise SchemaProblem(
                f"table {name!r} is {json_kind(table)}, expected an object of documents"
            )
        if table:
            has_documents = True
        _check_table(name, table)
    if META_TABLE not in data:
        if has_documents:
            raise SchemaProblem(
                f"it holds records but no {META_TABLE} table with a schema_version "
                "(not an itsms-tui data file?)"
            )
        return None
    return _schema_version(data[META_TABLE])


def check_changes(
    data: dict[str, Any], changed: dict[str, list[str]], base: dict[str, Any]
) -> None:
    """``check_database`` for a state whose only changes are the ``changed`` documents.

    The rest was checked when it was loaded or saved, so only the changed documents
    are checked, and id uniqueness only where a document's id differs from ``base``.
    """
    for name, keys in changed.items():
        table = data[name]
        if not isinstance(table, dict):
            raise SchemaProblem(
                f"table {name!r} is {json_kind(table)}, expected an object of documents"
            )
        _check_table(name, {key: table[key] for key in keys if key in table})
        if name == META_TABLE:
            continue
        before = base.get(name, {})
        new_ids = {
            table[key]["id"]: key
            for key in keys
            if key in table
            and "id" in table[key]
            and before.get(key, {}).get("id", table) != table[key]["id"]
        }
        if not new_ids:
            continue
        for doc_id, doc in table.items():
            first = new_ids.get(doc.get("id")) if isinstance(doc, dict) else None
            if first is not None and first != doc_id:
                a, b = sorted((first, doc_id), key=int)
                raise SchemaProblem(
                    f"table {name!r} has the id {doc['id']!r} twice (documents {a} and {b})"
                )


def _check_table(name: str, table: dict[Any, Any]) -> None:
    if _sound_table(name, table):
        return
    seen: dict[object, str] = {}
    check_ids = name != META_TABLE
    for doc_id, doc in table.items():
        if not (isinstance(doc_id, str) and doc_id.isascii() and doc_id.isdecimal()):
            raise SchemaProblem(
                f"table {name!r} has a document key {doc_id!r} that is not a number"
            )
        if not isinstance(doc, dict):
            raise SchemaProblem(
                f"table {name!r}, document {doc_id} is {json_kind(doc)}, expected an object"
            )
        if check_ids and "id" in doc:
            record_id = doc["id"]
            if not isinstance(record_id, str | int) or isinstance(record_id, bool):
                raise SchemaProblem(
                    f"table {name!r}, document {doc_id} has an id that is {json_kind(record_id)}"
                )
            first = seen.setdefault(record_id, doc_id)
            if first != doc_id:
                raise SchemaProblem(
                    f"table {name!r} has the id {record_id!r} twice (documents {first} and {doc_id})"
                )


def _sound_table(name: str, table: dict[Any, Any]) -> bool:
    """The common case of ``_check_table`` decided in a few passes of built-in calls
    (a tenth of a second at 50k records): decimal keys, object documents, string ids
    used once. False means "look closer" (the loop then names the problem), not "bad"."""
    if not all(type(k) is str and k.isascii() and k.isdecimal() for k in table):
        return False
    docs = table.values()
    if not all(type(d) is dict for d in docs):
        return False
    if name == META_TABLE:
        return True
    ids = [d["id"] for d in docs if "id" in d]
    return all(type(i) is str for i in ids) and len(set(ids)) == len(ids)


def _schema_version(meta: dict[str, Any]) -> int:
    docs = list(meta.values())
    if len(docs) != 1:
        raise SchemaProblem(f"the {META_TABLE} table has {len(docs)} documents, expected 1")
    version = docs[0].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaProblem(f"the schema_version in {META_TABLE} is {version!r}, not a version")
    if version > SCHEMA_VERSION:
        raise SchemaProblem(
            f"schema version {version} is newer than this itsms-tui understands "
            f"({SCHEMA_VERSION}); use a newer itsms-tui"
        )
    return version
