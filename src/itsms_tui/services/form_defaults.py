"""Starting values for a new record taken from the data set, so forms need less typing.

A new agreement's currency starts at the one most agreements already use (the model's
own default, EUR, only when there are none yet): an organisation that contracts in GBP
should not have to change it on every contract. Pure over a DataSet.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record

FROM_THE_DATA: frozenset[str] = frozenset({"currency"})
"""Fields whose starting value is the one most used by the records of the same kind."""


def most_used(data: DataSet, model: type[Record], field: str) -> Any | None:
    """The most common non-blank value of ``field`` among ``model``'s records (ties: first seen)."""
    values = [getattr(r, field) for r in data.all(model)]
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def suggested_values(model: type[Record], data: DataSet) -> dict[str, Any]:
    """Starting values from the data for a new ``model`` record (see ``FROM_THE_DATA``)."""
    out: dict[str, Any] = {}
    for field in FROM_THE_DATA & set(model.model_fields):
        value = most_used(data, model, field)
        if value is not None:
            out[field] = value
    return out
