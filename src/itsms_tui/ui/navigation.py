"""The main screens (app modes) and their number keys; which screen shows a record comes
from ``ui.homes``."""

from __future__ import annotations

from dataclasses import dataclass


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


def mode_for_record(record_id: str) -> str | None:
    """The mode (main screen) that shows the record with this id; None for an unknown id."""
    from itsms_tui.domain.registry import model_for_id  # not needed for the first frame
    from itsms_tui.ui.homes import HOME_OF

    model = model_for_id(record_id)
    home = HOME_OF.get(model.collection) if model is not None else None
    return None if home is None else home.mode
