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

import re
from collections.abc import Iterable, Mapping
from typing import Any

from itsms_tui.domain.people_migration import name_key

CUSTOMERS = "customers"

_CUSTOMER_ID = re.compile(r"^CUS-[0-9]{4,}$")


class _Customers:
    """The customers found so far, by name key, numbered after any that already exist."""

    def __init__(self, existing: Iterable[Mapping[str, Any]], stamp: object) -> None:
        self.by_key: dict[str, str] = {}
        self.created: list[dict[str, Any]] = []
        self.stamp = stamp
        self.next_number = 1
        for doc in existing:
            cid, name = str(doc.get("id", "")), str(doc.get("name", ""))
            if _CUSTOMER_ID.fullmatch(cid):
                self.next_number = max(self.next_number, int(cid.split("-")[1]) + 1)
                self.by_key.setdefault(name_key(name), cid)

    def id_for(self, value: object) -> str | None:
        """The customer id for a name (a new customer on first sight); None for a blank."""
        if not isinstance(value, str) or not value.strip():
            return None
        if _CUSTOMER_ID.fullmatch(value):
            return value
        key = name_key(value)
        found = self.by_key.get(key)
        if found is None:
            found = f"CUS-{self.next_number:04d}"
            self.next_number += 1
            self.by_key[key] = found
            self.created.append(_customer_doc(found, " ".join(value.split()), self.stamp))
        return found


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
    customers = _Customers(collections.get(CUSTOMERS, ()), stamp)
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
