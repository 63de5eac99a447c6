"""The snapshot's optional ``audit`` array of tables (``export --with-audit``).

One table per entry, in seq order: ``seq``, ``at`` (UTC datetime), ``user``, ``action``,
and when set ``collection``, ``record_id``, ``summary``, ``prev_hash``, ``hash``;
``changes`` is an array of ``{field, old, new}`` tables where ``old`` and ``new`` hold
the value as canonical JSON text (absent when unset). JSON text keeps every value exact
(TOML has no null, and a change can hold nested nulls), so an entry read back dumps to
the same JSON document and so to the same hash: the trail verifies offline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.audit_chain import canonical, verify_chain

AUDIT_TABLE = "audit"
_OPTIONAL = ("collection", "record_id", "summary", "prev_hash", "hash")


def audit_tables(entries: Iterable[AuditEntry]) -> list[dict[str, Any]]:
    """The entries as plain TOML tables (see the module docstring)."""
    out: list[dict[str, Any]] = []
    for entry in sorted(entries, key=lambda e: e.seq):
        table: dict[str, Any] = {
            "seq": entry.seq,
            "at": entry.at,
            "user": entry.user,
            "action": entry.action.value,
        }
        table.update({k: getattr(entry, k) for k in _OPTIONAL if getattr(entry, k)})
        if entry.changes:
            table["changes"] = [_change_table(c.field, c.old, c.new) for c in entry.changes]
        out.append(table)
    return out


def _change_table(field: str, old: Any, new: Any) -> dict[str, str]:
    table = {"field": field}
    if old is not None:
        table["old"] = canonical(old).decode("utf-8")
    if new is not None:
        table["new"] = canonical(new).decode("utf-8")
    return table


def read_audit(value: Any) -> tuple[list[AuditEntry], list[tuple[str, str]]]:
    """The entries of a snapshot's ``audit`` array, and (path, problem) pairs.

    When every entry reads, the chain is verified too; a break is one problem naming
    the entry (its place, seq and record).
    """
    if not isinstance(value, list):
        return [], [(AUDIT_TABLE, "must be an array of tables")]
    entries: list[AuditEntry] = []
    problems: list[tuple[str, str]] = []
    for index, table in enumerate(value):
        where = f"{AUDIT_TABLE}[{index}]"
        try:
            entries.append(AuditEntry.model_validate(_entry_doc(table)))
        except (ValidationError, ValueError, TypeError) as error:
            problems.append((where, _first(error)))
    if problems:
        return [], problems
    docs = [e.model_dump(mode="json") for e in entries]
    verdict = verify_chain(list(enumerate(docs, start=1)))
    if verdict.broken is not None:
        index = verdict.broken.seq - 1
        return [], [(f"{AUDIT_TABLE}[{index}]", f"chain broken: {verdict.broken.describe()}")]
    return entries, []


def _entry_doc(table: Any) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ValueError("must be a table")
    doc = dict(table)
    changes = doc.get("changes", [])
    if not isinstance(changes, list):
        raise ValueError("changes: must be an array of tables")
    doc["changes"] = [_change_doc(c, i) for i, c in enumerate(changes)]
    return doc


def _change_doc(table: Any, index: int) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ValueError(f"changes[{index}]: must be a table")
    doc = dict(table)
    for key in ("old", "new"):
        if key in doc:
            text = doc[key]
            if not isinstance(text, str):
                raise ValueError(f"changes[{index}].{key}: must be JSON text")
            try:
                doc[key] = json.loads(text)
            except json.JSONDecodeError:
                raise ValueError(f"changes[{index}].{key}: not valid JSON") from None
    return doc


def _first(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        return f"{field}: {first['msg']}" if field else str(first["msg"])
    return str(error)
