"""Reading person fields: a person id as the name people know them by."""

from __future__ import annotations

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.people import Person
from itsms_tui.domain.people_migration import name_key


def person_name(data: DataSet, person_id: str | None) -> str:
    """How a person field reads: the person's name, the bare id if unknown, '' if unset."""
    if not person_id:
        return ""
    person = data.get(person_id)
    return person.heading if isinstance(person, Person) else person_id


def people_names(data: DataSet, person_ids: list[str]) -> str:
    """A list of people as ``Name, Name``."""
    return ", ".join(person_name(data, pid) for pid in person_ids)


def find_person(data: DataSet, text: str) -> str | None:
    """The id of the person ``text`` names: their id, or a name only one person has
    (``Name (Team)`` names the person of that name in that team)."""
    text = text.strip()
    if isinstance(data.get(text), Person):
        return text
    wanted = name_key(text)
    found = [
        p.id
        for p in data.all(Person)
        if wanted in (name_key(p.name), name_key(f"{p.name} ({p.team})"))
    ]
    return found[0] if len(found) == 1 else None
