"""What every area of the demo shares: the anchor day, the people, the record builder."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from itsms_tui.domain.agreements import PriorityTimes, ServiceTarget
from itsms_tui.domain.changes import (
    ENDINGS,
    ChangeRequest,
    check_initial_state,
    end_change,
    transition,
)
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.enums import ChangeKind, ChangeStatus, Direction, Priority
from itsms_tui.domain.people import Person
from itsms_tui.domain.people_migration import name_key
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import format_id
from itsms_tui.domain.suppliers import Contact, Criterion

ANCHOR = date(2026, 11, 2)
"""The day the demo is written for; ``exported_at`` is this day at 08:00 UTC."""
EXPORTED_AT = datetime.combine(ANCHOR, time(8, 0), tzinfo=UTC)

R = TypeVar("R", bound=Record)
S = ChangeStatus

# Larkfield people: the generator names them; ``Builder`` files each name it meets in a
# person field as a person record (``people.add_people`` files the staff first, with
# their logins and roles).
PRIYA = "Priya Raman"  # Head of Service Management, CAB chair
TOM = "Tom Okafor"  # Supplier Manager
ELENA = "Elena Marsh"  # Service Level Manager
DANIEL = "Daniel Fischer"  # Cloud Platform Lead
AISHA = "Aisha Khan"  # Network Services Lead
MARCUS = "Marcus Reid"  # Service Desk Manager
SOFIA = "Sofia Lindqvist"  # Information Security Manager
BEN = "Ben Hartley"  # Change Manager
GRACE = "Grace Mwangi"  # Capacity and Availability Manager
LIAM = "Liam O'Connor"  # Database Services Team Lead
HANNAH = "Hannah Becker"  # Finance Business Partner
OLIVER = "Oliver Grant"  # Problem Manager

HARROWBY = "Harrowby Insurance plc"
CALDER = "Calder Freight Ltd"
ALDERMOOR = "Aldermoor Borough Council"
KESTREL = "Kestrel Health Partners"


def day(offset: int) -> date:
    """ANCHOR plus ``offset`` days."""
    return ANCHOR + timedelta(days=offset)


def stamp(offset: int, minute_of_day: int = 9 * 60) -> datetime:
    """A UTC timestamp ``offset`` days from ANCHOR at a given minute of the day."""
    return datetime.combine(day(offset), time(0, 0), tzinfo=UTC) + timedelta(minutes=minute_of_day)


class Builder:
    """Numbers records per prefix and gives them plausible timestamps and revisions."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self._numbers: dict[str, int] = defaultdict(int)
        self._people: dict[str, str] = {}
        self._customers: dict[str, str] = {}
        """Customer name key -> id: customer fields may be written with the name."""

    def person(self, name: str, **fields: Any) -> str:
        """The id of the person called ``name``, filed on first mention (``fields``: the
        rest of their record, given where the staff are filed)."""
        key = name_key(name)
        if key not in self._people:
            if not fields and name.endswith(")") and " (" in name:  # "Ines Kramer (Stratus)"
                name, team = name[:-1].split(" (", 1)
                fields = {"team": team}
            self._people[key] = self.add(Person, created=-1800, name=name, **fields).id
        return self._people[key]

    def _named(self, model: type[Record], fields: dict[str, Any]) -> dict[str, Any]:
        """``fields`` with every name in a person field replaced by that person's id."""
        out = dict(fields)
        for name, target in model.references.items():
            if target not in ("people", "customers") or name not in out:
                continue
            ref = self._ref if target == "people" else self._customer
            value = out[name]
            if isinstance(value, list):
                out[name] = [ref(v) for v in value]
            else:
                out[name] = ref(value)
        return out

    def _customer(self, value: Any) -> Any:
        if isinstance(value, str) and value and not value.startswith("CUS-"):
            return self._customers[name_key(value)]
        return value

    def _ref(self, value: Any) -> Any:
        if isinstance(value, str) and value and not value.startswith("PER-"):
            return self.person(value)
        return value

    def next_id(self, model: type[Record]) -> str:
        self._numbers[model.prefix] += 1
        return format_id(model.prefix, self._numbers[model.prefix])

    def add(
        self,
        model: type[R],
        *,
        created: int = -400,
        updated: int | None = None,
        revision: int = 1,
        **fields: Any,
    ) -> R:
        fields = self._named(model, fields)
        record_id = self.next_id(model)
        minute = 8 * 60 + (sum(map(ord, record_id)) * 37) % 540
        record = model(
            id=record_id,
            revision=revision,
            created_at=stamp(created, minute),
            updated_at=stamp(created, minute) if updated is None else stamp(updated, minute + 23),
            **fields,
        )
        self.records.append(record)
        if isinstance(record, Customer):
            self._customers[name_key(record.name)] = record.id
        return record

    def change(
        self,
        kind: ChangeKind,
        start: ChangeStatus,
        steps: list[tuple[ChangeStatus, dict[str, Any]]],
        *,
        created: int,
        **fields: Any,
    ) -> ChangeRequest:
        """A change recorded in ``start`` and moved through ``steps`` by the real workflow."""
        change = self.add(
            ChangeRequest, created=created, kind=kind, status=start, revision=1, **fields
        )
        check_initial_state(change)
        self.records.pop()
        for target, given in steps:
            updates = self._named(ChangeRequest, given)
            if target in ENDINGS:
                change = end_change(change, target, updates["end_reason"], updates["ended_on"])
            else:
                change = transition(change, target, updates)
        last = max(
            [created]
            + [
                (d - ANCHOR).days
                for d in (
                    change.approved_on,
                    change.implemented_on,
                    change.reviewed_on,
                    change.ended_on,
                )
                if d
            ]
            + [(change.closed_on - ANCHOR).days if change.closed_on else created]
        )
        change = change.model_copy(
            update={
                "revision": 1 + len(steps),
                "updated_at": max(
                    change.created_at, stamp(min(last, -1), 15 * 60 + len(steps) * 7)
                ),
            }
        )
        self.records.append(change)
        return change


def contact(name: str, role: str, email: str, phone: str, level: int) -> Contact:
    return Contact(name=name, role=role, email=email, phone=phone, escalation_level=level)


def criteria(*rows: tuple[str, float, float]) -> list[Criterion]:
    return [Criterion(name=n, weight=w, score=s) for n, w, s in rows]


def times(*rows: tuple[str, int, int]) -> list[PriorityTimes]:
    return [
        PriorityTimes(priority=Priority(p), response_minutes=r, resolution_minutes=res)
        for p, r, res in rows
    ]


def target(
    metric: str, value: float, unit: str = "%", lower_is_better: bool = False
) -> ServiceTarget:
    direction = Direction.LOWER_IS_BETTER if lower_is_better else Direction.HIGHER_IS_BETTER
    return ServiceTarget(metric=metric, target=value, unit=unit, direction=direction)


def terms(
    *,
    requirements: list[str] | None = None,
    authorities: list[str] | None = None,
    ours: list[str] | None = None,
    theirs: list[str] | None = None,
) -> dict[str, list[str]]:
    """The "who does what" lists of an agreement (only those given)."""
    given = {
        "requirements": requirements,
        "authorities": authorities,
        "our_responsibilities": ours,
        "their_responsibilities": theirs,
    }
    return {k: v for k, v in given.items() if v is not None}
