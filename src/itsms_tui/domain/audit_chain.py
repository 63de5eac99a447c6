"""The hash chain that makes the audit trail tamper-evident (pure: no I/O).

Canonical encoding of an entry: its JSON document (what the store writes) without the
``hash`` key, and without ``prev_hash`` when that is empty, as UTF-8 JSON with sorted
keys, no whitespace (``separators=(",", ":")``), non-ASCII kept as is and no NaN.
An entry's ``hash`` is the lowercase hex SHA-256 of that encoding, so it covers every
field, ``seq`` and ``prev_hash`` included; ``prev_hash`` is the previous entry's hash.

The first hashed entry of a new trail has ``prev_hash`` = ``GENESIS`` (64 zeros).
A data file written before the chain existed holds entries without hashes: they are
kept as they are (rewriting them would change the evidence) and *sealed* by the first
hashed entry, whose ``prev_hash`` is the SHA-256 of the canonical JSON list of those
legacy entries in seq order. No schema-version bump is needed: an old reader ignores
nothing it needs, and every legacy entry is covered from then on.

The chain head (the last entry's seq and hash) is also stored next to the trail; it
gives the next sequence number without scanning the trail, and lets ``verify`` see an
entry removed from, or added at, the end.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
HASH_KEY = "hash"
PREV_KEY = "prev_hash"


def canonical(value: Any) -> bytes:
    """The canonical byte encoding of a JSON value (sorted keys, compact, UTF-8)."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def entry_body(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What an entry's hash covers: the document without ``hash`` (and an empty ``prev_hash``)."""
    return {k: v for k, v in doc.items() if k != HASH_KEY and not (k == PREV_KEY and not v)}


def entry_hash(doc: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(entry_body(doc))).hexdigest()


def legacy_seal(legacy: Sequence[Mapping[str, Any]]) -> str:
    """The ``prev_hash`` of the first hashed entry: GENESIS, or the digest of the legacy entries."""
    if not legacy:
        return GENESIS
    return hashlib.sha256(canonical([entry_body(d) for d in legacy])).hexdigest()


def is_hashed(doc: Mapping[str, Any]) -> bool:
    return bool(doc.get(HASH_KEY))


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The last entry of the trail: its seq and hash (``seq`` 0 for an empty trail)."""

    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first entry where the chain does not hold, and what is wrong with it."""

    seq: int
    record_id: str
    kind: str
    """One of ``changed``, ``removed``, ``reordered``, ``inserted``."""
    detail: str

    def describe(self) -> str:
        record = f" ({self.record_id})" if self.record_id else ""
        return f"audit entry {self.seq}{record}: {self.kind}: {self.detail}"


@dataclass(frozen=True, slots=True)
class ChainVerdict:
    """The result of verifying a trail: counts, and the first break (None when intact)."""

    entries: int
    legacy: int
    head: ChainHead
    broken: ChainBreak | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None

    def summary(self) -> str:
        if self.broken is not None:
            return self.broken.describe()
        sealed = f", the first {_entries(self.legacy)} sealed by the chain" if self.legacy else ""
        if not self.entries:
            return "audit trail intact: no entries yet"
        if self.legacy == self.entries:
            return (
                f"audit trail not yet chained: {_entries(self.entries)} from before the hash "
                "chain; the next save seals them"
            )
        return (
            f"audit trail intact: {_entries(self.entries)}, seq 1 to {self.head.seq}{sealed}; "
            f"head {self.head.hash}"
        )


def verify_chain(
    positions: Sequence[tuple[int, Mapping[str, Any]]], recorded_head: ChainHead | None = None
) -> ChainVerdict:
    """Check ``positions`` — (stored position, entry document) in position order.

    The position is where the entry sits in the trail (the store's document id, or
    its place in a snapshot); it must equal the entry's ``seq``. ``recorded_head`` is
    the stored chain head, when there is one.
    """
    by_hash = {
        str(d.get(HASH_KEY)): int(d.get("seq", 0) or 0) for _, d in positions if is_hashed(d)
    }
    seqs = {d.get("seq") for _, d in positions}
    legacy: list[Mapping[str, Any]] = []
    prev: str | None = None
    expected = 1
    last = ChainHead(0, GENESIS)

    def broken(kind: str, detail: str, doc: Mapping[str, Any], *, seq: int) -> ChainVerdict:
        fault = ChainBreak(seq, str(doc.get("record_id", "") or ""), kind, detail)
        return ChainVerdict(len(positions), len(legacy), last, fault)

    for position, doc in positions:
        seq = doc.get("seq")
        if seq != position:
            if seq in seqs and isinstance(seq, int):
                return broken(
                    "reordered", f"entry {seq} is stored at {position}", doc, seq=position
                )
            return broken("changed", f"its seq reads {seq!r}", doc, seq=position)
        if position != expected:
            missing = f"{expected}" if position == expected + 1 else f"{expected} to {position - 1}"
            return broken("removed", f"entry {missing} before it is missing", doc, seq=position)
        expected = position + 1
        if not is_hashed(doc):
            if prev is not None:
                return broken(
                    "inserted", "an entry without a hash after the chain started", doc, seq=position
                )
            legacy.append(doc)
            continue
        if prev is None:
            prev = legacy_seal(legacy)
        actual = entry_hash(doc)
        if actual != doc.get(HASH_KEY):
            return broken("changed", "its content no longer matches its hash", doc, seq=position)
        if doc.get(PREV_KEY) != prev and legacy and position == len(legacy) + 1:
            detail = f"entries 1 to {len(legacy)}, sealed by it, were changed since"
            return broken("changed", detail, doc, seq=position)
        if doc.get(PREV_KEY) != prev:
            return broken(*_misplaced(doc, position, by_hash), doc, seq=position)
        prev = actual
        last = ChainHead(position, actual)
    if legacy and prev is None:
        last = ChainHead(len(legacy), legacy_seal(legacy))
    if recorded_head is not None and recorded_head.seq > 0:
        end = positions[-1][1] if positions else {}
        if last.seq < recorded_head.seq:
            return ChainVerdict(
                len(positions),
                len(legacy),
                last,
                ChainBreak(
                    last.seq + 1,
                    "",
                    "removed",
                    f"the trail ends at entry {last.seq} but its recorded head is entry "
                    f"{recorded_head.seq}",
                ),
            )
        if last.seq > recorded_head.seq:
            extra = next(d for p, d in positions if p == recorded_head.seq + 1)
            return broken(
                "inserted",
                f"the recorded head is entry {recorded_head.seq}; later entries were added "
                "outside the store",
                extra,
                seq=recorded_head.seq + 1,
            )
        if last.hash != recorded_head.hash:
            return broken("changed", "its hash differs from the recorded head", end, seq=last.seq)
    return ChainVerdict(len(positions), len(legacy), last)


def _misplaced(
    doc: Mapping[str, Any], position: int, by_hash: Mapping[str, int]
) -> tuple[str, str]:
    """Why an entry with a valid own hash does not follow the entry before it."""
    linked = by_hash.get(str(doc.get(PREV_KEY)))
    if linked is None:
        return "removed", "its prev_hash matches no entry: the entry it followed is gone"
    if linked == position - 2:
        return "inserted", f"entry {position - 1} before it was inserted after entry {linked}"
    return "reordered", f"it follows entry {linked}, not entry {position - 1}"


def _entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"
