"""Bringing a data file written by an older schema version up to ``SCHEMA_VERSION``.

Each step is a pure function over the decoded TinyDB tables; ``upgrade`` runs them in
order on a copy. The storage runs it on every load of an older file, so a read-only
session sees the current shape without writing; the first save (``RecordStore.open``
makes one when the file is writable) writes the file whole in the new version, after
keeping a backup of the old one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson

from itsms_tui.domain.customer_migration import CUSTOMERS, customers_from_names
from itsms_tui.domain.people_migration import PEOPLE, people_from_names
from itsms_tui.store.schema import META_TABLE, SCHEMA_VERSION, meta_table

Tables = dict[str, dict[str, Any]]


def _v1_to_v2(data: Tables) -> Tables:
    """Person fields refer to people records made from the names they held; a service's
    customers and a customer SLA's customer refer to customer records likewise."""
    stamp = datetime.now(UTC).isoformat()
    collections = {name: list(table.values()) for name, table in data.items()}
    _add(data, PEOPLE, people_from_names(collections, stamp))
    _add(data, CUSTOMERS, customers_from_names(collections, stamp))
    return data


def _add(data: Tables, collection: str, created: list[dict[str, Any]]) -> None:
    if created:
        table = data.setdefault(collection, {})
        next_key = max((int(k) for k in table), default=0) + 1
        for offset, doc in enumerate(created):
            table[str(next_key + offset)] = doc


STEPS: dict[int, Callable[[Tables], Tables]] = {1: _v1_to_v2}
"""From-version -> the step to the next version."""


def upgrade(data: Tables, version: int) -> Tables:
    """``data`` (written with schema ``version``) in the current schema; a new object."""
    if version >= SCHEMA_VERSION:
        return data
    work: Tables = orjson.loads(orjson.dumps(data))
    for step_from in range(version, SCHEMA_VERSION):
        work = STEPS[step_from](work)
    work[META_TABLE] = meta_table()
    return work


def migration_summary(after: Tables, version: int) -> str:
    """The audit entry's words for an upgrade: versions and what was created."""
    made = len(after.get(PEOPLE, {})) if version < 2 else 0  # version 1 had no people
    people = f"; {made} people created from the names in person fields" if made else ""
    made = len(after.get(CUSTOMERS, {})) if version < 2 else 0  # nor customers
    customers = f"; {made} customers created from the customer names" if made else ""
    return (
        f"data file upgraded from schema version {version} to {SCHEMA_VERSION}{people}{customers}"
    )
