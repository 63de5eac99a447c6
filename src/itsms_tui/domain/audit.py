"""Audit trail entries: who changed what, when, field by field (evidence for auditors)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from itsms_tui.domain.enums import AuditAction
from itsms_tui.domain.fields import UtcDateTime


class FieldChange(BaseModel):
    """One field's value before and after (JSON values; None when absent)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    old: Any = None
    new: Any = None


class AuditEntry(BaseModel):
    """One audited write; ``record_id`` is empty for whole-store events such as an import."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seq: int = Field(ge=1, description="Position in the trail; increases with every entry.")
    at: UtcDateTime
    user: str = Field(description="The OS login the change was made under.")
    person: str = Field(default="", description="The person (PER-) that login maps to, if any.")
    action: AuditAction
    collection: str = ""
    record_id: str = ""
    summary: str = ""
    changes: tuple[FieldChange, ...] = ()
    prev_hash: str = Field(default="", description="The previous entry's hash (audit_chain).")
    hash: str = Field(default="", description="SHA-256 of this entry (audit_chain); '' if legacy.")


def diff_fields(old: dict[str, Any] | None, new: dict[str, Any] | None) -> tuple[FieldChange, ...]:
    """Field-by-field differences between two JSON-mode dumps, in a stable order."""
    before = {k: v for k, v in (old or {}).items() if not _empty(v)}
    after = {k: v for k, v in (new or {}).items() if not _empty(v)}
    skip = {"id", "revision", "updated_at", "created_at"}
    names = sorted((set(before) | set(after)) - skip)
    return tuple(
        FieldChange(field=n, old=before.get(n), new=after.get(n))
        for n in names
        if before.get(n) != after.get(n)
    )


def _empty(value: Any) -> bool:
    """Unset, blank and empty-list values are the same thing to a reader of the trail."""
    return value is None or value == "" or value == []
