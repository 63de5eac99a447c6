"""The main screens (app modes), their number keys, and which screen shows which record."""

from __future__ import annotations

from dataclasses import dataclass

from itsms_tui.domain.registry import model_for_id


@dataclass(frozen=True, slots=True)
class Area:
    mode: str
    key: str
    title: str


AREAS: tuple[Area, ...] = (
    Area("overview", "1", "Overview"),
    Area("plan", "2", "Plan"),
    Area("suppliers", "3", "Suppliers"),
    Area("agreements", "4", "Agreements"),
    Area("kpis", "5", "KPIs"),
    Area("compliance", "6", "Compliance"),
)

BY_MODE: dict[str, Area] = {a.mode: a for a in AREAS}

_MODE_OF_COLLECTION: dict[str, str] = {
    "services": "plan",
    "objectives": "plan",
    "processes": "plan",
    "activities": "plan",
    "resources": "plan",
    "allocations": "plan",
    "risks": "plan",
    "changes": "plan",
    "suppliers": "suppliers",
    "evaluations": "suppliers",
    "reviews": "suppliers",
    "disputes": "suppliers",
    "actions": "suppliers",
    "agreements": "agreements",
    "amendments": "agreements",
    "kpis": "kpis",
    "measurements": "kpis",
}


def mode_for_record(record_id: str) -> str | None:
    """The mode (main screen) that shows the record with this id; None for an unknown id."""
    model = model_for_id(record_id)
    return None if model is None else _MODE_OF_COLLECTION.get(model.collection)
