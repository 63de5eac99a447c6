"""Validated, all-or-nothing import of snapshot text into a DataSet.

The whole file is checked before anything is returned: TOML syntax, the header,
every record's fields and types, the models' own rules, duplicate ids and references
between records. Every problem found is reported (path and message), the first one
as the one-line message. Nothing is written here: the store does one atomic write.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.change_integrity import as_imported_history
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customer_migration import CUSTOMERS, customers_from_names
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.fields import ID_PATTERN
from itsms_tui.domain.integrity import IntegrityContext, dataset_problems
from itsms_tui.domain.people_migration import PEOPLE, people_from_names
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import BY_COLLECTION, COLLECTIONS, referenced_collection
from itsms_tui.domain.supplier_integrity import as_imported_history as supplier_as_history
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.snapshot.audit_table import AUDIT_TABLE, read_audit
from itsms_tui.snapshot.errors import Problem, SnapshotError, show
from itsms_tui.snapshot.format import (
    HEADER_TABLE,
    MAX_SNAPSHOT_BYTES,
    SETTINGS_TABLE,
    SNAPSHOT_FORMAT,
    SNAPSHOT_SCHEMA_VERSION,
    Snapshot,
)
from itsms_tui.snapshot.shapes import Shape, field_shapes, toml_type_name

_ID_SHAPE = re.compile(ID_PATTERN)
_TOML_POSITION = re.compile(
    r"^(?P<what>.*) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.S
)
_HEADER_FIELDS = ("format", "schema_version", "exported_at", "app_version")
_FALLBACK_TIME = datetime(1970, 1, 1, tzinfo=UTC)
_INT_RANGE = (-(2**63), 2**63 - 1)
"""What the data file can hold (a JSON integer, stored as 64 bits)."""
Loc = tuple[str | int, ...]


class _Problems:
    """Collects problems; keeps the first ``SnapshotError.MAX_PROBLEMS``, counts them all."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.kept: list[Problem] = []
        self.total = 0

    def add(self, path: str, message: str) -> None:
        self.total += 1
        if len(self.kept) < SnapshotError.MAX_PROBLEMS:
            self.kept.append(Problem(path, message))

    def fail(self, path: str, message: str) -> SnapshotError:
        """A problem that stops the check here (the file is not a snapshot we can read)."""
        self.add(path, message)
        return self.error()

    def error(self) -> SnapshotError:
        return SnapshotError(self.source, self.kept, self.total)


def _upgrade_v1(document: dict[str, Any], stamp: object) -> None:
    """A version-1 snapshot's person and customer names become records (as the store does)."""
    collections = {
        name: [doc for doc in table if isinstance(doc, dict)]
        for name, table in document.items()
        if isinstance(table, list)
    }
    for collection, made in (
        (PEOPLE, people_from_names(collections, stamp)),
        (CUSTOMERS, customers_from_names(collections, stamp)),
    ):
        if made:
            table = document.setdefault(collection, [])
            if isinstance(table, list):
                table.extend(made)


def _as_history(record: Record) -> Record:
    """A change or supplier whose recorded facts are incomplete, marked as imported history."""
    if isinstance(record, ChangeRequest):
        return as_imported_history(record)
    if isinstance(record, Supplier):
        return supplier_as_history(record)
    return record


def load_snapshot(
    text: str | bytes,
    *,
    source: str,
    today: date | None = None,
    allow_history: bool = False,
) -> Snapshot:
    """Parse and validate a whole snapshot; raise SnapshotError listing every problem.

    ``source`` names the file in messages (a path, or ``<stdin>``). The integrity rules
    (``domain.integrity``) judge the records as of ``today``; with ``allow_history`` a
    change whose workflow record is incomplete is kept, marked as imported history.
    """
    problems = _Problems(source)
    document = _parse(text, problems)
    header = _check_header(document, problems)
    settings = _check_settings(document, problems)
    _check_top_level_keys(document, problems)
    if header.schema_version < 2:
        _upgrade_v1(document, header.exported_at)

    records: list[Record] = []
    ids: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    for name in COLLECTIONS:
        if name in document:
            records.extend(
                _check_collection(name, document[name], header.exported_at, ids, problems)
            )
    _check_references(records, ids, problems)
    trail: list[AuditEntry] = []
    if AUDIT_TABLE in document:
        trail, trail_problems = read_audit(document[AUDIT_TABLE])
        for where, message in trail_problems:
            problems.add(where, message)
    if allow_history:
        records = [_as_history(r) for r in records]
    else:
        for record in records:
            if isinstance(record, ChangeRequest | Supplier) and record.imported_history:
                problems.add(
                    f"{record.collection}[{record.id}].imported_history",
                    "marks imported history; import it with --allow-history",
                )
    dataset = DataSet(records)
    if not problems.total:
        _check_integrity(dataset, settings, today or date.today(), problems)
    if problems.total:
        raise problems.error()
    return Snapshot(
        dataset=dataset,
        exported_at=header.exported_at,
        app_version=header.app_version,
        schema_version=header.schema_version,
        settings=settings,
        audit=tuple(trail),
    )


# --- parsing and the header ----------------------------------------------------------


def _parse(text: str | bytes, problems: _Problems) -> dict[str, Any]:
    size = len(text)
    if size > MAX_SNAPSHOT_BYTES:
        raise problems.fail(
            "",
            f"too large to import ({size / 1024 / 1024:.0f} MB; "
            f"the limit is {MAX_SNAPSHOT_BYTES // 1024 // 1024} MB)",
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise problems.fail(
                "", f"not UTF-8 text (byte 0x{text[exc.start]:02x} at offset {exc.start})"
            ) from None
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise problems.fail(*_toml_error(str(exc))) from None
    except RecursionError:
        raise problems.fail("", "not valid TOML: arrays or tables nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise problems.fail("", f"not valid TOML ({show(str(exc), 80)})") from None


def _toml_error(message: str) -> tuple[str, str]:
    match = _TOML_POSITION.match(message)
    what = match.group("what") if match else message
    what = show(what, 100)[1:-1]
    what = what[:1].lower() + what[1:]
    if match and match.group("line"):
        return f"line {match.group('line')}, column {match.group('col')}", f"invalid TOML: {what}"
    if match:
        return "end of file", f"invalid TOML: {what}"
    return "", f"invalid TOML: {what}"


class _Header:
    def __init__(self) -> None:
        self.exported_at = _FALLBACK_TIME
        self.app_version = ""
        self.schema_version = SNAPSHOT_SCHEMA_VERSION


def _check_header(document: dict[str, Any], problems: _Problems) -> _Header:
    header = _Header()
    table = document.get(HEADER_TABLE)
    if not isinstance(table, dict):
        raise problems.fail("", f"not an itsms-tui snapshot: the [{HEADER_TABLE}] table is missing")
    fmt = table.get("format")
    if fmt != SNAPSHOT_FORMAT:
        got = "is missing" if fmt is None else f"is {show(fmt)}"
        raise problems.fail(
            f"{HEADER_TABLE}.format",
            f'{got}, not "{SNAPSHOT_FORMAT}": not an itsms-tui snapshot',
        )
    version = table.get("schema_version")
    where = f"{HEADER_TABLE}.schema_version"
    if version is None:
        raise problems.fail(where, "is required")
    if not isinstance(version, int) or isinstance(version, bool):
        raise problems.fail(where, f"must be a whole number, not {toml_type_name(version)}")
    if version > SNAPSHOT_SCHEMA_VERSION:
        raise problems.fail(
            where,
            f"{version} was made by a newer itsms-tui; this version reads schema version "
            f"{SNAPSHOT_SCHEMA_VERSION} (upgrade itsms-tui to import it)",
        )
    if version < 1:
        raise problems.fail(where, f"{version} is not a schema version (the first is 1)")
    header.schema_version = version

    exported_at = table.get("exported_at")
    where = f"{HEADER_TABLE}.exported_at"
    if exported_at is None:
        problems.add(where, "is required")
    elif not isinstance(exported_at, datetime):
        problems.add(where, f"must be {_DATETIME}, not {toml_type_name(exported_at)}")
    elif exported_at.tzinfo is None:
        problems.add(where, "must include a time zone (e.g. Z for UTC)")
    else:
        try:
            header.exported_at = exported_at.astimezone(UTC)
        except OverflowError:
            problems.add(where, "is out of range once converted to UTC")

    app_version = table.get("app_version")
    where = f"{HEADER_TABLE}.app_version"
    if app_version is None:
        problems.add(where, "is required")
    elif not isinstance(app_version, str):
        problems.add(where, f"must be a string, not {toml_type_name(app_version)}")
    elif len(app_version) > 100 or not app_version.isprintable():
        problems.add(where, f"is not a version: {show(app_version)}")
    else:
        header.app_version = app_version

    for key in table:
        if key not in _HEADER_FIELDS:
            problems.add(HEADER_TABLE, _unknown("field", key, _HEADER_FIELDS))
    return header


_DATETIME = "a date and time with a time zone (e.g. 2025-01-31T09:00:00Z)"


def _check_settings(document: dict[str, Any], problems: _Problems) -> dict[str, Any]:
    settings = document.get(SETTINGS_TABLE, {})
    if not isinstance(settings, dict):
        problems.add(SETTINGS_TABLE, f"must be a table, not {toml_type_name(settings)}")
        return {}
    try:
        CheckSettings.model_validate(settings)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            problems.add(SETTINGS_TABLE + _loc_path(tuple(error["loc"])), _message(error))
        return {}
    return settings


def _check_top_level_keys(document: dict[str, Any], problems: _Problems) -> None:
    known = (HEADER_TABLE, SETTINGS_TABLE, AUDIT_TABLE, *COLLECTIONS)
    for key in document:
        if key not in known:
            problems.add("", _unknown("collection", key, COLLECTIONS, list_all=True))


def _unknown(what: str, key: str, known: Iterable[str], *, list_all: bool = False) -> str:
    choices = list(known)
    close = difflib.get_close_matches(key[:100], choices, n=1, cutoff=0.75)
    if close:
        return f'unknown {what} {show(key)} (did you mean "{close[0]}"?)'
    if list_all:
        return f"unknown {what} {show(key)} (known: {', '.join(choices)})"
    return f"unknown {what} {show(key)}"


# --- records ---------------------------------------------------------------------------


def _check_collection(
    name: str,
    value: Any,
    exported_at: datetime,
    ids: dict[str, set[str]],
    problems: _Problems,
) -> list[Record]:
    if not isinstance(value, list):
        problems.add(name, f"must be an array of tables ([[{name}]]), not {toml_type_name(value)}")
        return []
    model = BY_COLLECTION[name]
    first_seen: dict[str, int] = {}
    out: list[Record] = []
    for position, raw in enumerate(value, start=1):
        record_id = raw.get("id") if isinstance(raw, dict) else None
        shaped = isinstance(record_id, str) and bool(_ID_SHAPE.match(record_id))
        where = f"{name}[{record_id}]" if shaped else f"{name}[#{position}]"
        if not isinstance(raw, dict):
            problems.add(where, f"must be a table, not {toml_type_name(raw)}")
            continue
        if shaped:
            assert isinstance(record_id, str)
            ids[name].add(record_id)
            if record_id in first_seen:
                problems.add(
                    f"{where}.id",
                    f"used by more than one record (#{first_seen[record_id]} and #{position} "
                    f"of {name})",
                )
                continue
            first_seen[record_id] = position
        record = _check_record(model, raw, where, exported_at, problems)
        if record is not None:
            out.append(record)
    return out


def _check_record(
    model: type[Record],
    raw: dict[str, Any],
    where: str,
    exported_at: datetime,
    problems: _Problems,
) -> Record | None:
    found: list[tuple[Loc, str]] = []
    bad: list[Loc] = []
    if not raw.get("id"):
        found.append((("id",), "is required"))
        bad.append(("id",))
    _check_table(model, raw, (), found, bad)
    data = dict(raw)
    data.setdefault("created_at", exported_at)
    data.setdefault("updated_at", exported_at)
    record: Record | None = None
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if error["type"] == "extra_forbidden" or any(loc[: len(b)] == b for b in bad):
                continue
            found.append((loc, _message(error)))
    order = _field_order(model)
    found.sort(key=lambda item: order.get(str(item[0][0]), -1) if item[0] else len(order))
    for loc, message in found:
        problems.add(where + _loc_path(loc), message)
    return record if not found else None


def _check_table(
    model: type[BaseModel],
    raw: dict[str, Any],
    loc: Loc,
    found: list[tuple[Loc, str]],
    bad: list[Loc],
) -> None:
    """TOML types of every field (recursively); unknown keys."""
    shapes = field_shapes(model)
    sound = _sound_value_tests(model)
    for key, value in raw.items():
        test = sound.get(key)
        if test is not None and test(value):
            continue  # the common case, decided without building a location or a message
        shape = shapes.get(key)
        if shape is None:
            found.append((loc, _unknown("field", key, shapes)))
            continue
        _check_value(value, shape, (*loc, key), found, bad)


def _check_value(
    value: Any, shape: Shape, loc: Loc, found: list[tuple[Loc, str]], bad: list[Loc]
) -> None:
    problem = _type_problem(value, shape)
    if problem:
        found.append((loc, problem))
        bad.append(loc)
    elif shape.kind == "list" and shape.item is not None:
        for i, item in enumerate(value):
            _check_value(item, shape.item, (*loc, i), found, bad)
    elif shape.kind == "model" and shape.model is not None:
        _check_table(shape.model, value, loc, found, bad)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_date(value: Any) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


_TYPE_TESTS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "enum": lambda v: isinstance(v, str),
    "int": _is_int,
    "float": _is_number,
    "bool": lambda v: isinstance(v, bool),
    "date": _is_date,
    "datetime": lambda v: isinstance(v, datetime),
    "list": lambda v: isinstance(v, list),
    "model": lambda v: isinstance(v, dict),
}


def _sound_test(shape: Shape) -> Callable[[Any], bool] | None:
    """A fast test that is true only for a value ``_check_value`` finds nothing wrong with
    (false means "look closer", not "wrong"); None for a nested table (always looked at).

    tomllib gives exact built-in types, so ``type(v) is str`` decides what ``_type_problem``
    decides with its isinstance tests, without a call per check.
    """
    kind = shape.kind
    low, high = _INT_RANGE
    if kind == "str":
        return lambda v: type(v) is str
    if kind == "enum" and shape.enum is not None:
        values = frozenset(_enum_values(shape.enum))
        return lambda v: type(v) is str and v in values
    if kind == "int":
        return lambda v: type(v) is int and low <= v <= high
    if kind == "float":
        return lambda v: type(v) is int or (type(v) is float and math.isfinite(v))
    if kind == "bool":
        return lambda v: type(v) is bool
    if kind == "date":
        return lambda v: type(v) is date
    if kind == "datetime":
        return lambda v: type(v) is datetime and v.tzinfo is not None
    if kind == "list" and shape.item is not None:
        item = _sound_test(shape.item)
        if item is None:
            return None
        return lambda v: type(v) is list and all(item(i) for i in v)
    return None


@cache
def _sound_value_tests(model: type[BaseModel]) -> dict[str, Callable[[Any], bool]]:
    tests = {name: _sound_test(shape) for name, shape in field_shapes(model).items()}
    return {name: test for name, test in tests.items() if test is not None}


def _type_problem(value: Any, shape: Shape) -> str | None:
    """Why ``value`` (as parsed from TOML) cannot be this field's value, if it cannot."""
    kind = shape.kind
    if not _TYPE_TESTS[kind](value):
        if kind == "int" and isinstance(value, float) and value.is_integer():
            return f"must be a whole number written without a decimal point, not {value}"
        return f"must be {shape.describe()}, not {toml_type_name(value)}"
    if kind == "enum" and shape.enum is not None and value not in _enum_values(shape.enum):
        return "must be one of " + ", ".join(_enum_values(shape.enum))
    if kind == "int" and not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
        return "is too large a number to store"
    if kind == "float" and isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    if kind == "datetime" and value.tzinfo is None:
        return "must include a time zone (e.g. Z for UTC)"
    return None


@cache
def _enum_values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


@cache
def _field_order(model: type[BaseModel]) -> dict[str, int]:
    return {name: i for i, name in enumerate(model.model_fields)}


def _loc_path(loc: Loc) -> str:
    return "".join(f"[#{part + 1}]" if isinstance(part, int) else f".{part}" for part in loc)


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def _message(error: ErrorDetails) -> str:
    """A pydantic error as a plain sentence (no URL, no ``[type=...]``, no input echoed)."""
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "too_short" and isinstance(value, str):
        kind = "string_too_short"
    if kind == "too_long" and isinstance(value, str):
        kind = "string_too_long"
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else "?"
        return f"is too long ({length} characters; at most {ctx.get('max_length')})"
    if kind == "string_too_short":
        minimum = ctx.get("min_length", 1)
        return "must not be empty" if minimum == 1 else f"needs at least {minimum} characters"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"has too many items (at most {ctx.get('max_length')})"
    if kind == "string_pattern_mismatch":
        return (
            "must look like ABC-0001" if ctx.get("pattern") == ID_PATTERN else "has the wrong form"
        )
    bounds = {
        "greater_than_equal": ("must be at least", "ge"),
        "greater_than": ("must be more than", "gt"),
        "less_than_equal": ("must be at most", "le"),
        "less_than": ("must be less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"{words} {_num(ctx.get(key))}"
    if kind == "finite_number":
        return "must be a finite number"
    message = str(error.get("msg", "is not valid"))
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return show(message, 200)[1:-1]


# --- references between records --------------------------------------------------------


def _check_references(records: list[Record], ids: dict[str, set[str]], problems: _Problems) -> None:
    for record in records:
        model = type(record)
        for field, targets in record.referenced_ids().items():
            for target_id in targets:
                collection = referenced_collection(model, field, target_id)
                if collection and target_id not in ids.get(collection, set()):
                    problems.add(
                        f"{record.collection}[{record.id}].{field}",
                        f"refers to {target_id}, which is not in {collection}",
                    )


# --- integrity rules across records ----------------------------------------------------


def _check_integrity(
    dataset: DataSet, settings: dict[str, Any], today: date, problems: _Problems
) -> None:
    """The rules every save obeys, for every record (run once the records themselves are
    valid and complete, so each message names one record and field)."""
    threshold = CheckSettings.from_saved(settings).selection_threshold
    context = IntegrityContext(dataset, today, threshold)
    for record, field, message in dataset_problems(context):
        problems.add(f"{record.collection}[{record.id}].{field}", message)
