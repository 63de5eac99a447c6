"""Three-way merge of snapshots by record and by field (what two sites need to share one
snapshot in git).

For each record (matched by collection and id) and each of its fields: a side that left
the base value alone takes the other side's value; both sides making the same change is
no conflict; both changing one field differently is a conflict, and so is deleting a
record that the other side edited. Nested tables merge key by key; a list is one value.
The result is validated by the snapshot importer, so references broken by the merge
(one site deleted a supplier the other site's new agreement names) are conflicts too:
a merge either yields a snapshot that imports, or a list of conflicts and no snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

import tomli_w

from itsms_tui.domain.registry import COLLECTIONS
from itsms_tui.snapshot.compare import BOOKKEEPING_FIELDS, Table, Tables, content_of
from itsms_tui.snapshot.diff import diff_values, format_value
from itsms_tui.snapshot.errors import SnapshotError
from itsms_tui.snapshot.export import export_snapshot
from itsms_tui.snapshot.format import (
    HEADER_TABLE,
    SETTINGS_TABLE,
    SNAPSHOT_FORMAT,
    SNAPSHOT_SCHEMA_VERSION,
    Snapshot,
)
from itsms_tui.snapshot.importer import load_snapshot

SETTINGS = "settings"
"""The ``collection`` of a conflict in the ``[settings]`` table."""


class ConflictKind(StrEnum):
    BOTH_EDITED = "both edited"
    BOTH_ADDED = "both added"
    DELETED_AND_EDITED = "deleted and edited"
    EDITED_AND_DELETED = "edited and deleted"
    INVALID = "invalid result"


@dataclass(frozen=True)
class Conflict:
    """What could not be merged; values are None where a side has none."""

    collection: str
    record_id: str
    field: str
    kind: ConflictKind
    base: Any = None
    ours: Any = None
    theirs: Any = None
    message: str = ""

    def line(self) -> str:
        where = f"{self.collection}[{self.record_id}]" + (f".{self.field}" if self.field else "")
        if self.kind is ConflictKind.INVALID:
            return f"{self.message} (the merged result would not import)"
        return (
            f"{where}: {self.kind.value}: base {format_value(self.base)}, "
            f"ours {format_value(self.ours)}, theirs {format_value(self.theirs)}"
        )


@dataclass
class MergeResult:
    tables: Tables
    settings: Table
    conflicts: list[Conflict] = field(default_factory=list)
    text: str = ""
    """The merged snapshot text (empty when there are conflicts)."""


def _equal(a: Any, b: Any) -> bool:
    return not diff_values(a, b, "") if a is not None and b is not None else a is b


def merge_values(
    base: Table, ours: Table, theirs: Table, collection: str, record_id: str, prefix: str = ""
) -> tuple[Table, list[Conflict]]:
    """Field-by-field three-way merge of two tables (sub-tables merge key by key)."""
    out: Table = {}
    conflicts: list[Conflict] = []
    keys = (
        list(ours)
        + [k for k in theirs if k not in ours]
        + [k for k in base if k not in ours and k not in theirs]
    )
    for key in keys:
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        path = f"{prefix}.{key}" if prefix else key
        if _equal(o, t):
            value = o
        elif _equal(o, b):
            value = t
        elif _equal(t, b):
            value = o
        elif isinstance(o, dict) and isinstance(t, dict):
            value, inner = merge_values(
                b if isinstance(b, dict) else {}, o, t, collection, record_id, path
            )
            conflicts.extend(inner)
        else:
            kind = ConflictKind.BOTH_EDITED if b is not None else ConflictKind.BOTH_ADDED
            conflicts.append(Conflict(collection, record_id, path, kind, b, o, t))
            value = o
        if value is not None:
            out[key] = value
    return out, conflicts


def _bookkeeping(merged: Table, ours: Table, theirs: Table) -> Table:
    """Keep a side's revision and timestamps when the result is that side's record."""
    content = content_of(merged)
    for side in (ours, theirs):
        if _equal(content, content_of(side)):
            return {**content, **{k: side[k] for k in BOOKKEEPING_FIELDS if k in side}}
    updated = max(d for d in (ours.get("updated_at"), theirs.get("updated_at")) if d is not None)
    return {
        **content,
        "revision": max(int(ours.get("revision", 0)), int(theirs.get("revision", 0))) + 1,
        "created_at": ours.get("created_at", theirs.get("created_at")),
        "updated_at": updated,
    }


def merge_record(
    collection: str, record_id: str, base: Table | None, ours: Table | None, theirs: Table | None
) -> tuple[Table | None, list[Conflict]]:
    """One record's three-way merge: the merged table (None: deleted) and its conflicts."""
    if ours is not None and theirs is not None and _equal(content_of(ours), content_of(theirs)):
        return (theirs if base is not None and _equal(ours, base) else ours), []
    if base is None:
        if ours is None or theirs is None:
            return ours if ours is not None else theirs, []
        merged, conflicts = merge_values(
            {}, content_of(ours), content_of(theirs), collection, record_id
        )
        return _bookkeeping(merged, ours, theirs), conflicts
    if ours is None and theirs is None:
        return None, []
    if ours is None or theirs is None:
        kept = theirs if ours is None else ours
        assert kept is not None
        if _equal(content_of(kept), content_of(base)):
            return None, []
        kind = ConflictKind.DELETED_AND_EDITED if ours is None else ConflictKind.EDITED_AND_DELETED
        changed = diff_values(content_of(base), content_of(kept), "")
        message = ", ".join(c.path for c in changed)
        return kept, [Conflict(collection, record_id, "", kind, message=message)]
    merged, conflicts = merge_values(
        content_of(base), content_of(ours), content_of(theirs), collection, record_id
    )
    return _bookkeeping(merged, ours, theirs), conflicts


def merge_snapshots(
    base: Tables,
    ours: Tables,
    theirs: Tables,
    *,
    base_settings: Table,
    our_settings: Table,
    their_settings: Table,
    exported_at: datetime,
    app_version: str,
    source: str,
) -> MergeResult:
    """Merge every record and the settings; validate and render the result when clean."""
    tables: Tables = {name: {} for name in COLLECTIONS}
    conflicts: list[Conflict] = []
    for name in COLLECTIONS:
        b, o, t = base.get(name, {}), ours.get(name, {}), theirs.get(name, {})
        for record_id in sorted(set(b) | set(o) | set(t)):
            merged, found = merge_record(
                name, record_id, b.get(record_id), o.get(record_id), t.get(record_id)
            )
            conflicts.extend(found)
            if merged is not None:
                tables[name][record_id] = merged
    settings, found = merge_values(base_settings, our_settings, their_settings, SETTINGS, "")
    conflicts.extend(found)
    result = MergeResult(tables, settings, conflicts)
    if conflicts:
        return result
    document: dict[str, Any] = {
        HEADER_TABLE: {
            "format": SNAPSHOT_FORMAT,
            "schema_version": SNAPSHOT_SCHEMA_VERSION,
            "exported_at": exported_at,
            "app_version": app_version,
        }
    }
    if settings:
        document[SETTINGS_TABLE] = settings
    for name in COLLECTIONS:
        document[name] = [tables[name][k] for k in sorted(tables[name])]
    try:
        snapshot: Snapshot = load_snapshot(tomli_w.dumps(document), source=source)
    except SnapshotError as error:
        result.conflicts = [
            Conflict("", "", "", ConflictKind.INVALID, message=str(p)) for p in error.problems
        ]
        return result
    result.text = export_snapshot(
        snapshot.dataset,
        exported_at=exported_at,
        app_version=app_version,
        settings=snapshot.settings or None,
    )
    return result


def conflicts_report(conflicts: list[Conflict], *, base: str, ours: str, theirs: str) -> str:
    """The conflicts as a TOML document (one ``[[conflicts]]`` table each), for people and
    scripts; values keep their TOML types, a side without a value has no key."""
    items: list[dict[str, Any]] = []
    for c in conflicts:
        item: dict[str, Any] = {"kind": c.kind.value}
        for key, value in (("collection", c.collection), ("id", c.record_id), ("field", c.field)):
            if value:
                item[key] = value
        for key, value in (("base", c.base), ("ours", c.ours), ("theirs", c.theirs)):
            if value is not None:
                item[key] = value
        if c.message:
            item["message"] = c.message
        items.append(item)
    header = {"base": base, "ours": ours, "theirs": theirs, "count": len(conflicts)}
    text = tomli_w.dumps({"merge": header, "conflicts": items}, multiline_strings=True)
    return (
        "# itsms-tui merge conflicts: nothing was merged; resolve these and merge again.\n" + text
    )
