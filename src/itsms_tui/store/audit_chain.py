"""Appending to, and verifying, the hash-chained audit trail in the stored tables.

The chain head (``audit_head`` table, one document: ``seq`` and ``hash`` of the last
entry) is written in the same transaction as every entry, so the next entry's seq and
``prev_hash`` come from it in constant time; only a file written before the chain
existed (no head yet) is scanned, once, to seal its legacy entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.audit_chain import (
    ChainHead,
    ChainVerdict,
    entry_hash,
    is_hashed,
    legacy_seal,
    verify_chain,
)
from itsms_tui.store.storage import Tables

AUDIT_TABLE = "audit"
HEAD_TABLE = "audit_head"
_HEAD_DOC = "1"


def recorded_head(tables: Tables) -> ChainHead | None:
    """The stored chain head, or None when the file has none (new, or legacy)."""
    doc = tables.get(HEAD_TABLE, {}).get(_HEAD_DOC)
    if not doc:
        return None
    seq, digest = doc.get("seq"), doc.get("hash")
    if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(digest, str):
        return ChainHead(-1, "")
    return ChainHead(seq, digest)


def _head_for_append(tables: Tables) -> ChainHead:
    """Seq and hash the next entry follows; scans the trail only when no head is stored."""
    head = recorded_head(tables)
    if head is not None and head.seq >= 0:
        return head
    trail = tables.get(AUDIT_TABLE, {})
    ordered = [trail[k] for k in sorted(trail, key=int)]
    last_hashed = next((d for d in reversed(ordered) if is_hashed(d)), None)
    top = max((int(k) for k in trail), default=0)
    if last_hashed is not None:
        return ChainHead(top, str(last_hashed["hash"]))
    return ChainHead(top, legacy_seal(ordered))


def next_seq(tables: Tables) -> int:
    return _head_for_append(tables).seq + 1


def chained(tables: Tables, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    """``entry`` given its place in the chain: (entry document, new head document).

    The entry's own ``seq`` is ignored: the next seq follows the head.
    """
    head = _head_for_append(tables)
    body = entry.model_copy(update={"seq": head.seq + 1, "prev_hash": head.hash, "hash": ""})
    doc = body.model_dump(mode="json")
    doc["hash"] = entry_hash(doc)
    return doc, {"seq": doc["seq"], "hash": doc["hash"]}


def append_to_tables(tables: Tables, entry: AuditEntry) -> dict[str, Any]:
    """Append ``entry`` to plain tables (a restore writes these directly); returns its doc."""
    doc, head = chained(tables, entry)
    tables.setdefault(AUDIT_TABLE, {})[str(doc["seq"])] = doc
    tables[HEAD_TABLE] = {_HEAD_DOC: head}
    return doc


def verify_tables(tables: Mapping[str, Any]) -> ChainVerdict:
    """Verify the stored trail, entries in document-id order, against the stored head."""
    trail = tables.get(AUDIT_TABLE, {})
    positions = [(int(k), trail[k]) for k in sorted(trail, key=int)]
    return verify_chain(positions, recorded_head(dict(tables)))
