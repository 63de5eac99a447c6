"""Schema 1 -> 2: the customer names typed on services and SLAs become customer records.

Version 1 kept a service's customers as a list of free-text names and a customer SLA's
customer as one. Version 2 refers to ``CUS-`` records, so each distinct name (spaces
collapsed, case ignored) becomes one customer and every field that held it now holds
that customer's id. The name as first written is the customer's name.

Runs on plain JSON documents, like ``people_migration.people_from_names`` and right
after it, both in the data file (``store.migrations``) and for version-1 snapshots
(``snapshot.importer``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from itsms_tui.domain.people_migration import NamedRecords

CUSTOMERS = "customers"


def _customer_doc(customer_id: str, name: str, stamp: object) -> dict[str, Any]:
    return {
        "id": customer_id,
        "revision": 1,
        "created_at": stamp,
        "updated_at": stamp,
        "name": name,
        "type": "external",
        "contacts": [],
        "communication": "",
        "notes": "",
    }


def customers_from_names(
    collections: Mapping[str, Iterable[dict[str, Any]]], stamp: object
) -> list[dict[str, Any]]:
    """Replace customer names on ``collections``' services and agreements by customer ids.

    ``services[].customers`` (a list of names) becomes ``customer_ids``; an agreement's
    ``customer`` (a name) becomes ``customer_id`` (removed when blank). The documents are
    changed in place; the returned list holds the new customer documents, in the order
    their names were first met (services first, then agreements).
    """
    customers = NamedRecords(
        "CUS", collections.get(CUSTOMERS, ()), lambda cid, name: _customer_doc(cid, name, stamp)
    )
    for doc in collections.get("services", ()):
        if "customers" not in doc:
            continue
        names = doc.pop("customers")
        ids = [customers.id_for(n) for n in names] if isinstance(names, list) else []
        doc["customer_ids"] = list(dict.fromkeys(i for i in ids if i is not None))
    for doc in collections.get("agreements", ()):
        if "customer" not in doc:
            continue
        found = customers.id_for(doc.pop("customer"))
        if found is not None:
            doc["customer_id"] = found
    return customers.created
