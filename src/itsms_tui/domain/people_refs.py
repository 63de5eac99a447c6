"""Reading person fields: a person id as the name people know them by."""

from __future__ import annotations

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.people import Person


def person_name(data: DataSet, person_id: str | None) -> str:
    """How a person field reads: the person's name, the bare id if unknown, '' if unset."""
    if not person_id:
        return ""
    person = data.get(person_id)
    return person.heading if isinstance(person, Person) else person_id


def people_names(data: DataSet, person_ids: list[str]) -> str:
    """A list of people as ``Name, Name``."""
    return ", ".join(person_name(data, pid) for pid in person_ids)
