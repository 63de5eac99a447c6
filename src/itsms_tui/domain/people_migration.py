"""Schema 1 -> 2: the names typed into person fields become people records.

Version 1 kept owners, approvers, attendees and the like as free text. Version 2 refers
to ``PER-`` records, so each distinct name (spaces collapsed, case ignored) becomes one
person and every field that held it now holds that person's id. Nothing is lost: the
name as first written is the person's name. The field list is frozen here: it is what
version 1 held, whatever later versions add.

Both the data file (``store.migrations``) and version-1 snapshots (``snapshot.importer``)
run this on plain JSON documents, before any model sees them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

PEOPLE = "people"

V1_PERSON_FIELDS: Mapping[str, tuple[str, ...]] = {
    "services": ("owner",),
    "objectives": ("owner",),
    "processes": ("owner",),
    "resources": ("owner",),
    "activities": ("responsible", "accountable"),
    "risks": ("owner", "accepted_by"),
    "changes": ("requested_by", "approver"),
    "suppliers": ("relationship_owner",),
    "evaluations": ("evaluator",),
    "reviews": ("attendees",),
    "actions": ("owner",),
    "agreements": ("owner", "decided_by"),
    "amendments": ("approved_by",),
    "kpis": ("owner",),
}
"""Collection -> the version-1 fields that named people (a string, or a list of them)."""

V1_NESTED_PERSON_FIELDS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "agreements": (("accepted_deviations", "accepted_by"),),
}
"""Collection -> (list field, field of each item) naming a person."""


def name_key(name: str) -> str:
    """How two spellings of one name compare: spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


class NamedRecords:
    """Records of one prefix found so far by name key, new ones numbered after those that
    already exist (``make`` builds a new record's document from its id and name)."""

    def __init__(
        self,
        prefix: str,
        existing: Iterable[Mapping[str, Any]],
        make: Callable[[str, str], dict[str, Any]],
    ) -> None:
        self.pattern = re.compile(rf"^{prefix}-[0-9]{{4,}}$")
        self.prefix = prefix
        self.make = make
        self.by_key: dict[str, str] = {}
        self.created: list[dict[str, Any]] = []
        self.next_number = 1
        for doc in existing:
            record_id, name = str(doc.get("id", "")), str(doc.get("name", ""))
            if self.pattern.fullmatch(record_id):
                self.next_number = max(self.next_number, int(record_id.split("-")[1]) + 1)
                self.by_key.setdefault(name_key(name), record_id)

    def id_for(self, value: object) -> str | None:
        """The id ``value`` names: an id of this prefix as it is, a name's record (filed on
        first sight), None for a blank or a non-string."""
        if not isinstance(value, str) or not value.strip():
            return None
        if self.pattern.fullmatch(value):
            return value
        key = name_key(value)
        found = self.by_key.get(key)
        if found is None:
            found = f"{self.prefix}-{self.next_number:04d}"
            self.next_number += 1
            self.by_key[key] = found
            self.created.append(self.make(found, " ".join(value.split())))
        return found


def _person_doc(person_id: str, name: str, stamp: object) -> dict[str, Any]:
    return {
        "id": person_id,
        "revision": 1,
        "created_at": stamp,
        "updated_at": stamp,
        "name": name,
        "email": "",
        "job_title": "",
        "team": "",
        "status": "active",
        "logins": [],
        "roles": [],
    }


def people_from_names(
    collections: Mapping[str, Iterable[dict[str, Any]]], stamp: object
) -> list[dict[str, Any]]:
    """Replace the names in person fields of ``collections``' documents by person ids.

    The documents are changed in place; the returned list holds the new person documents
    (``stamp``: their created/updated time, as the caller's documents hold times). An empty field is removed.
    """
    people = NamedRecords(
        "PER", collections.get(PEOPLE, ()), lambda pid, name: _person_doc(pid, name, stamp)
    )
    for collection, fields in V1_PERSON_FIELDS.items():
        nested = V1_NESTED_PERSON_FIELDS.get(collection, ())
        for doc in collections.get(collection, ()):
            for field in fields:
                _replace(doc, field, people)
            for list_field, item_field in nested:
                items = doc.get(list_field)
                for item in items if isinstance(items, list) else ():
                    if isinstance(item, dict):
                        _replace(item, item_field, people)
    return people.created


def _replace(doc: dict[str, Any], field: str, people: NamedRecords) -> None:
    if field not in doc:
        return
    value = doc[field]
    if isinstance(value, list):
        ids = [people.id_for(v) if isinstance(v, str) else v for v in value]
        doc[field] = list(dict.fromkeys(i for i in ids if i is not None))
        return
    if value is not None and not isinstance(value, str):
        return  # not a name: left for validation to name the field
    new = people.id_for(value)
    if new is None:
        del doc[field]
    else:
        doc[field] = new
