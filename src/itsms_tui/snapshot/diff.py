"""Field-by-field differences between two snapshots: added, removed and changed records.

A changed record lists each changed path (``contacts[2].email``): nested tables are
followed key by key and lists item by item, so a new contact shows as one added item
rather than a whole new list. The bookkeeping fields are left out (see ``compare``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from itsms_tui.domain.registry import COLLECTIONS
from itsms_tui.snapshot.compare import Table, Tables, content_of, heading_of
from itsms_tui.snapshot.errors import show

ABSENT: Any = None
"""Marks "not set" on one side of a field change (TOML itself has no null)."""


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class FieldChange:
    """One path whose value differs; ``old``/``new`` are None when not set on that side."""

    path: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RecordChange:
    collection: str
    record_id: str
    kind: ChangeKind
    heading: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class SnapshotDiff:
    changes: list[RecordChange]
    settings: list[FieldChange]

    @property
    def equal(self) -> bool:
        return not self.changes and not self.settings

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind is kind)


def diff_tables(
    old: Tables,
    new: Tables,
    old_settings: Table | None = None,
    new_settings: Table | None = None,
) -> SnapshotDiff:
    """Every record added, removed or changed from ``old`` to ``new`` (registry, id order)."""
    changes: list[RecordChange] = []
    for name in COLLECTIONS:
        before, after = old.get(name, {}), new.get(name, {})
        for record_id in sorted(set(before) | set(after)):
            a, b = before.get(record_id), after.get(record_id)
            if a is None and b is not None:
                changes.append(RecordChange(name, record_id, ChangeKind.ADDED, heading_of(b)))
            elif b is None and a is not None:
                changes.append(RecordChange(name, record_id, ChangeKind.REMOVED, heading_of(a)))
            elif a is not None and b is not None:
                found = diff_values(content_of(a), content_of(b), "")
                if found:
                    changes.append(
                        RecordChange(name, record_id, ChangeKind.CHANGED, heading_of(b), found)
                    )
    settings = diff_values(old_settings or {}, new_settings or {}, "")
    return SnapshotDiff(changes, settings)


def diff_values(old: Any, new: Any, path: str) -> list[FieldChange]:
    """The paths under ``path`` where ``old`` and ``new`` differ (1 and 1.0 are equal)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[FieldChange] = []
        keys = list(old) + [k for k in new if k not in old]
        for key in keys:
            sub = f"{path}.{key}" if path else str(key)
            if key not in new:
                out.append(FieldChange(sub, old[key], ABSENT))
            elif key not in old:
                out.append(FieldChange(sub, ABSENT, new[key]))
            else:
                out.extend(diff_values(old[key], new[key], sub))
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = []
        for i in range(max(len(old), len(new))):
            sub = f"{path}[{i + 1}]"
            if i >= len(new):
                out.append(FieldChange(sub, old[i], ABSENT))
            elif i >= len(old):
                out.append(FieldChange(sub, ABSENT, new[i]))
            else:
                out.extend(diff_values(old[i], new[i], sub))
        return out
    if _same(old, new):
        return []
    return [FieldChange(path, old, new)]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, datetime) != isinstance(b, datetime):
        return False
    return bool(a == b)


# --- output ---------------------------------------------------------------------------

_MARK = {ChangeKind.ADDED: "+", ChangeKind.REMOVED: "-", ChangeKind.CHANGED: "~"}


def format_value(value: Any) -> str:
    """A plain TOML value as short, terminal-safe text."""
    if value is ABSENT:
        return "(not set)"
    if isinstance(value, str):
        return show(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {format_value(v)}" for k, v in value.items() if v != "")
        return _cut("{" + inner + "}")
    if isinstance(value, list):
        return _cut("[" + ", ".join(format_value(v) for v in value) + "]")
    return str(value)


def _cut(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def format_text(diff: SnapshotDiff, old_name: str, new_name: str) -> str:
    """What changed, one record per line and one field per indented line."""
    if diff.equal:
        return f"{old_name} and {new_name} hold the same records\n"
    lines: list[str] = []
    for change in diff.changes:
        title = f" {show(change.heading, 60)}" if change.heading else ""
        lines.append(f"{_MARK[change.kind]} {change.collection} {change.record_id}{title}")
        for item in change.fields:
            lines.append(f"    {item.path}: {format_value(item.old)} -> {format_value(item.new)}")
    if diff.settings:
        lines.append("~ settings")
        for item in diff.settings:
            lines.append(f"    {item.path}: {format_value(item.old)} -> {format_value(item.new)}")
    summary = (
        f"{len(diff.changes)} record(s) differ: {diff.count(ChangeKind.ADDED)} added, "
        f"{diff.count(ChangeKind.REMOVED)} removed, {diff.count(ChangeKind.CHANGED)} changed"
    )
    if diff.settings:
        summary += f"; {len(diff.settings)} setting(s) changed"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def to_json(value: Any) -> Any:
    """A plain TOML value as JSON (dates and timestamps as ISO 8601 strings)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def format_json(diff: SnapshotDiff) -> str:
    def field_json(item: FieldChange) -> dict[str, Any]:
        out: dict[str, Any] = {"path": item.path}
        if item.old is not ABSENT:
            out["old"] = to_json(item.old)
        if item.new is not ABSENT:
            out["new"] = to_json(item.new)
        return out

    document = {
        "equal": diff.equal,
        "records": [
            {
                "collection": c.collection,
                "id": c.record_id,
                "change": c.kind.value,
                "heading": c.heading,
                "fields": [field_json(f) for f in c.fields],
            }
            for c in diff.changes
        ],
        "settings": [field_json(f) for f in diff.settings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
