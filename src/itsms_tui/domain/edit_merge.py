"""Three-way merge of one record's edit with a save made by someone else meanwhile.

An edit starts from one revision (the *base*); when another session stores a newer
revision (*theirs*) first, the edit (*mine*) must not be written as it is — that would
put back every field the other session changed. Field by field: a field only one side
changed takes that side's value, a field both changed to the same value is no conflict,
and only a field both changed to different values needs the user's choice. A field the
user did not touch is therefore never written with its old value.

Values are compared as plain JSON-able data (``Record.content``), so nested values such
as a contact list compare by their content; a list is one value (no merging inside it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from itsms_tui.domain.record import Record

R = TypeVar("R", bound=Record)


class Side(StrEnum):
    """Which version's value a conflicting field takes."""

    BASE = "base"
    THEIRS = "theirs"
    MINE = "mine"


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field both sides changed, to different values."""

    name: str
    base: Any
    theirs: Any
    mine: Any

    def value(self, side: Side) -> Any:
        return {Side.BASE: self.base, Side.THEIRS: self.theirs, Side.MINE: self.mine}[side]


@dataclass(frozen=True, slots=True)
class EditMerge:
    """The outcome of merging an edit: what merged by itself and what needs a choice."""

    theirs: dict[str, Any]
    """The stored content, the starting point of the merged values."""
    mine_changed: tuple[str, ...]
    """Fields only this edit changed: they take my value."""
    theirs_changed: tuple[str, ...]
    """Fields only the other save changed: they keep the stored value."""
    both_same: tuple[str, ...]
    """Fields both changed to the same value."""
    conflicts: tuple[FieldConflict, ...]
    """Fields both changed to different values: the user picks."""
    mine: dict[str, Any]

    @property
    def clean(self) -> bool:
        """True when nothing needs the user's choice."""
        return not self.conflicts

    def resolved(self, picks: Mapping[str, Side] | None = None) -> dict[str, Any]:
        """The merged content; a conflict takes the picked side's value (default: mine)."""
        out = dict(self.theirs)
        for name in self.mine_changed:
            out[name] = self.mine[name]
        for conflict in self.conflicts:
            side = (picks or {}).get(conflict.name, Side.MINE)
            out[conflict.name] = conflict.value(side)
        return out


UNKNOWN_BASE: Any = object()
"""The base value of a field when the edit's starting revision is not known."""


def merge_content(
    base: Mapping[str, Any] | None, theirs: Mapping[str, Any], mine: Mapping[str, Any]
) -> EditMerge:
    """Merge three versions of a record's content (field name -> plain value).

    A field missing from one version counts as ``None`` there (a field added by a newer
    model version, say). Without a ``base`` every field that differs is a conflict (its
    base is ``UNKNOWN_BASE``): nothing can be said about who changed it.
    """
    names = list(dict.fromkeys([*theirs, *(base or {}), *mine]))
    mine_changed: list[str] = []
    theirs_changed: list[str] = []
    both_same: list[str] = []
    conflicts: list[FieldConflict] = []
    for name in names:
        b = base.get(name) if base is not None else UNKNOWN_BASE
        t, m = theirs.get(name), mine.get(name)
        if t == m and b is UNKNOWN_BASE:
            continue
        if m == b:
            if t != b:
                theirs_changed.append(name)
        elif t == b:
            mine_changed.append(name)
        elif t == m:
            both_same.append(name)
        else:
            conflicts.append(FieldConflict(name, b, t, m))
    return EditMerge(
        theirs={n: theirs.get(n) for n in names},
        mine_changed=tuple(mine_changed),
        theirs_changed=tuple(theirs_changed),
        both_same=tuple(both_same),
        conflicts=tuple(conflicts),
        mine={n: mine.get(n) for n in names},
    )


def merge_records(base: R | None, theirs: R, mine: R) -> EditMerge:
    """Merge an edit of ``base`` (``mine``) with the stored ``theirs``; see ``merge_content``."""
    return merge_content(
        base.content() if base is not None else None, theirs.content(), mine.content()
    )


def merged_record(theirs: R, content: Mapping[str, Any]) -> R:
    """``theirs`` (its id, revision and timestamps) carrying the merged ``content``."""
    data = theirs.model_dump(mode="json")
    data.update(content)
    return type(theirs).model_validate(data)
