"""Importing a register from a spreadsheet: column mapping, matching, preview, errors, apply.

Columns are matched by header (the field name or its title, any case); columns that
match nothing are reported and ignored. Each row updates the record whose id it gives,
else the record with the same name (title), else it creates a record; measurements are
matched by id, else by KPI and date. Every row is validated by the models and every
problem is reported with its row number before anything is written; then the whole
sheet is saved in one transaction (every record audited), or nothing is.

Records without a name of their own match on what identifies them (``MATCH_FIELDS``): a
satisfaction result by customer, service, date and method, a customer review by customer
and date, a complaint by customer and title. References (a customer, a person) may be
given by name; they are resolved before matching, so a row naming the customer matches
the record holding its id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum
from typing import Any

from pydantic import ValidationError

from itsms_tui.domain.customers import Complaint, CustomerReview, SatisfactionResult
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.fields import ID_PATTERN
from itsms_tui.domain.integrity import IntegrityContext, record_problems
from itsms_tui.domain.kpis import SUBJECT_PREFIXES, Measurement
from itsms_tui.domain.people import Person
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import BY_COLLECTION, format_id, id_number
from itsms_tui.services.errors import UserError
from itsms_tui.services.spreadsheet_columns import (
    IMPORT_COLLECTIONS,
    CellError,
    Column,
    header_index,
    normalise_header,
    parse_cell,
    slash_date_parts,
)
from itsms_tui.services.spreadsheet_files import Sheet
from itsms_tui.services.workspace import Workspace
from itsms_tui.snapshot.errors import show

_ID = re.compile(ID_PATTERN)

MATCH_FIELDS: Mapping[type[Record], tuple[str, ...]] = {
    Measurement: ("kpi_id", "measured_on"),
    SatisfactionResult: ("customer_id", "service_id", "measured_on", "method"),
    CustomerReview: ("customer_id", "held_on"),
    Complaint: ("customer_id", "title"),
}
"""The fields that identify a row's record when it gives no id (else the title field)."""


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class RowPlan:
    row: int
    action: Action
    record: Record
    changed: list[str] = field(default_factory=list)
    """Fields an update changes."""


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def line(self, source: str) -> str:
        where = f"row {self.row}" + (f", {self.field}" if self.field else "")
        return f"{source}: {where}: {self.message}"


@dataclass
class ImportPlan:
    """What an import would do: the mapping, one plan per row, and every row error."""

    source: str
    collection: str
    details: str
    mapping: list[tuple[str, str]]
    """(header as written, field) for each mapped column."""
    unknown: list[str]
    rows: list[RowPlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    new_people: dict[str, Person] = field(default_factory=dict)
    """Provisional id -> a person the sheet names who is not in the register yet; filed
    first by ``apply_import``, which then gives the rows their real ids."""

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action is action)

    def writes(self) -> list[Record]:
        return [r.record for r in self.rows if r.action is not Action.UNCHANGED]


def check_import_collection(collection: str) -> None:
    if collection not in IMPORT_COLLECTIONS:
        raise UserError(
            f"--collection {collection}: not a register that imports from a spreadsheet "
            f"(choose from {', '.join(IMPORT_COLLECTIONS)})"
        )


def plan_import(
    sheet: Sheet,
    collection: str,
    data: DataSet,
    *,
    source: str,
    context: IntegrityContext | None = None,
) -> ImportPlan:
    """Map, match and validate every row; nothing is written.

    Rows are held to the integrity rules (``domain.integrity``) as ``Workspace.save`` will
    hold them, so the preview refuses what the write would; ``context`` (the workspace's
    ``integrity_context()``) gives today and the selection threshold.
    """
    check_import_collection(collection)
    index = header_index(collection)
    mapped: list[tuple[int, Column]] = []
    mapping: list[tuple[str, str]] = []
    unknown: list[str] = []
    seen: dict[str, str] = {}
    for position, title in enumerate(sheet.header):
        column = index.get(normalise_header(title)) if title else None
        if column is None:
            if title:
                unknown.append(title)
            continue
        if column.field in seen:
            raise UserError(
                f"{source}: columns {show(seen[column.field])} and {show(title)} both map to "
                f"{column.field}"
            )
        seen[column.field] = title
        mapped.append((position, column))
        mapping.append((title, column.field))
    plan = ImportPlan(source, collection, sheet.details, mapping, unknown)
    if not mapped:
        raise UserError(
            f"{source}: no column matches a field of {collection} (headers: "
            f"{', '.join(show(h) for h in sheet.header[:8])})"
        )
    day_first = _day_first_proven(sheet, mapped)
    matcher = _Matcher(collection, data)
    if context is not None:
        matcher.context = context
    for row_number, cells in sheet.rows:
        values: dict[str, Any] = {}
        bad = False
        for position, column in mapped:
            raw = cells[position] if position < len(cells) else None
            try:
                value = parse_cell(raw, column, day_first_proven=day_first)
                values[column.field] = _blank(value, column, matcher)
            except CellError as error:
                plan.errors.append(RowError(row_number, column.field, str(error)))
                bad = True
        if bad:
            continue
        _plan_row(plan, matcher, row_number, values)
    plan.new_people = matcher.new_people
    return plan


def _blank(value: Any, column: Column, matcher: _Matcher) -> Any:
    """An empty cell: not set for an optional field, the default otherwise; a required
    field left empty is an error."""
    if value is not None or column.shape.optional:
        return value
    info = matcher.model.model_fields[column.field]
    if info.is_required():
        raise CellError("is required")
    return info.get_default(call_default_factory=True)


def _day_first_proven(sheet: Sheet, mapped: Sequence[tuple[int, Column]]) -> bool:
    """True when some DD/MM/YYYY date in a date column has a day above 12."""
    for _, cells in sheet.rows:
        for position, column in mapped:
            if column.shape.kind == "date" and position < len(cells):
                parts = slash_date_parts(cells[position])
                if parts and parts[0] > 12:
                    return True
    return False


class _Matcher:
    """Finds the existing record a row means (id, else name or KPI and date)."""

    def __init__(self, collection: str, data: DataSet) -> None:
        self.model = BY_COLLECTION[collection]
        self.records = data.collection(collection)
        self.by_id = {r.id: r for r in self.records}
        self.by_key: dict[Any, list[Record]] = {}
        for record in self.records:
            self.by_key.setdefault(self.key(record.model_dump()), []).append(record)
        self.claimed: dict[str, int] = {}
        self.data = data
        self.new_people: dict[str, Person] = {}
        self._new_by_name: dict[str, str] = {}
        self.context = IntegrityContext(data, date.today())

    def resolve(self, field: str, value: str) -> str:
        """A referenced record named by id or by its name: the id (CellError if unknown)."""
        if _ID.match(value):
            return value
        target = self.model.references[field]
        wanted = " ".join(value.split()).casefold()
        names = SUBJECT_PREFIXES.values() if target == "*" else (target,)
        found = [
            r.id
            for name in names
            for r in self.data.collection(name)
            if " ".join(r.heading.split()).casefold() == wanted
        ]
        if len(found) == 1:
            return found[0]
        if not found and target == "people":
            return self._new_person(value)
        where = "records" if target == "*" else target
        if not found:
            raise CellError(f"no record in {where} has the id or name {show(value)}")
        raise CellError(
            f"{show(value)} names more than one record ({', '.join(found)}); give the id"
        )

    def _new_person(self, name: str) -> str:
        """A provisional id for a person to file (one per name, numbered past the register)."""
        key = " ".join(name.split()).casefold()
        if key not in self._new_by_name:
            try:
                person = Person(name=name)
            except ValidationError as exc:
                raise CellError(str(exc.errors()[0]["msg"])) from None
            top = max((id_number(p.id) for p in self.data.all(Person)), default=0)
            provisional = format_id("PER", top + 1 + len(self.new_people))
            self._new_by_name[key] = provisional
            self.new_people[provisional] = person
        return self._new_by_name[key]

    def key(self, values: dict[str, Any]) -> Any:
        """What identifies the record ``values`` describe; None: nothing to match on."""
        fields = MATCH_FIELDS.get(self.model)
        if fields is None:
            value = values.get(self.model.title_field)
            return value.strip().casefold() if isinstance(value, str) else None
        parts: list[str] = []
        for name in fields:
            info = self.model.model_fields[name]
            if name in values:
                value = values[name]
            elif info.is_required():
                return None
            else:
                value = info.get_default(call_default_factory=True)
            if value is None and info.is_required():
                return None
            parts.append(_key_part(value))
        return tuple(parts)


def _key_part(value: Any) -> str:
    """A matching value as comparable text: names by case, choices by stored value."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return str(value)


def _plan_row(plan: ImportPlan, matcher: _Matcher, row: int, values: dict[str, Any]) -> None:
    record_id = values.pop("id", None)
    try:
        for name in matcher.model.references:
            value = values.get(name)
            if isinstance(value, str) and value:
                values[name] = matcher.resolve(name, value)
            elif isinstance(value, list):
                values[name] = [matcher.resolve(name, str(v)) for v in value]
    except CellError as problem:
        plan.errors.append(RowError(row, name, str(problem)))
        return
    existing: Record | None = None
    if record_id:
        existing = matcher.by_id.get(str(record_id))
        if existing is None:
            plan.errors.append(
                RowError(
                    row,
                    "id",
                    f"no {matcher.model.label.lower()} {show(record_id)} here; leave the id "
                    "empty to create a new record",
                )
            )
            return
    else:
        probe = {**values}
        if matcher.model not in MATCH_FIELDS:
            probe.setdefault(matcher.model.title_field, None)
        found = matcher.by_key.get(matcher.key(probe), []) if matcher.key(probe) else []
        if len(found) > 1:
            ids = ", ".join(r.id for r in found)
            plan.errors.append(
                RowError(row, "", f"matches more than one record ({ids}); give the id")
            )
            return
        existing = found[0] if found else None
    if existing is not None:
        if existing.id in matcher.claimed:
            plan.errors.append(
                RowError(
                    row, "", f"{existing.id} is also updated by row {matcher.claimed[existing.id]}"
                )
            )
            return
        matcher.claimed[existing.id] = row
    base = existing.model_dump() if existing is not None else {}
    try:
        record = matcher.model.model_validate({**base, **values})
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = ".".join(str(p) for p in error["loc"])
            message = str(error["msg"]).removeprefix("Value error, ")
            plan.errors.append(
                RowError(row, loc, message if error["type"] != "missing" else "is required")
            )
        return
    before = set(record_problems(existing, matcher.context)) if existing is not None else set()
    for problem_field, message in record_problems(record, matcher.context):
        if (problem_field, message) not in before:
            plan.errors.append(RowError(row, problem_field, message))
            return
    if existing is None:
        plan.rows.append(RowPlan(row, Action.CREATE, record))
        return
    changed = [k for k in values if getattr(existing, k) != getattr(record, k)]
    action = Action.UPDATE if changed else Action.UNCHANGED
    plan.rows.append(RowPlan(row, action, record, changed))


def preview_lines(plan: ImportPlan) -> list[str]:
    """The mapping, unknown columns and what each row would do, as printable lines."""
    lines = [
        f"{plan.source}: {plan.details}; {len(plan.rows) + len({e.row for e in plan.errors})} row(s) for {plan.collection}"
    ]
    lines.append(
        "columns: "
        + ", ".join(
            (f"{show(h)} -> {f}" if normalise_header(h) != normalise_header(f) else f)
            for h, f in plan.mapping
        )
    )
    if plan.unknown:
        lines.append("unknown columns (ignored): " + ", ".join(show(u) for u in plan.unknown))
    for person in plan.new_people.values():
        lines.append(f"  new person in the people register: {show(person.name, 60)}")
    for item in plan.rows:
        record = item.record
        name = show(record.heading, 60)
        if item.action is Action.CREATE:
            lines.append(f"  row {item.row}: create {name}")
        elif item.action is Action.UPDATE:
            lines.append(f"  row {item.row}: update {record.id} {name}: {', '.join(item.changed)}")
        else:
            lines.append(f"  row {item.row}: unchanged {record.id} {name}")
    lines.append(
        f"{plan.count(Action.CREATE)} to create, {plan.count(Action.UPDATE)} to update, "
        f"{plan.count(Action.UNCHANGED)} unchanged, {len(plan.errors)} error(s)"
    )
    return lines


def apply_import(workspace: Workspace, plan: ImportPlan) -> int:
    """Save every created or updated record in one transaction; returns how many.

    Goes through ``Workspace.save``, so the rules that hold in the screens (measurement
    dates, the change workflow) hold here too; a stale revision refuses the whole sheet.
    """
    if plan.errors:
        raise UserError(plan.errors[0].line(plan.source))
    if workspace.read_only:
        raise UserError(f"{workspace.location}: read-only ({workspace.read_only_reason})")
    writes = plan.writes()
    with workspace.store.batch():
        filed = {
            provisional: workspace.save(person.model_copy()).id
            for provisional, person in plan.new_people.items()
        }
        for record in writes:
            workspace.save(_with_people(record, filed))
    return len(writes)


def _with_people(record: Record, filed: Mapping[str, str]) -> Record:
    """``record`` with provisional person ids replaced by the filed people's ids."""
    updates: dict[str, Any] = {}
    for name, target in record.references.items():
        if target != "people":
            continue
        value = getattr(record, name)
        if isinstance(value, list):
            if any(v in filed for v in value):
                updates[name] = [filed.get(v, v) for v in value]
        elif value in filed:
            updates[name] = filed[value]
    return record.model_copy(update=updates) if updates else record
