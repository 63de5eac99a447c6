"""Which fields of a register become spreadsheet columns, and how a cell becomes a value.

A column is a record field holding a scalar (text, number, date, choice) or a list of
texts or ids (one item per line in the cell). Sub-tables (contacts, service level
targets, response times) stay in snapshots: an import that updates a record keeps them.
Cells are read the way spreadsheet programs write them: dates as ``YYYY-MM-DD`` or
``DD/MM/YYYY``, decimal commas, choices by value or by their words (``Under review``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import BY_COLLECTION
from itsms_tui.snapshot.shapes import Shape, field_shapes

EXPORT_COLLECTIONS: tuple[str, ...] = (
    "suppliers",
    "agreements",
    "risks",
    "kpis",
    "measurements",
    "changes",
    "actions",
    "customers",
    "satisfaction",
    "complaints",
    "customer_reviews",
)
"""Registers that ``export --format csv|xlsx --collection NAME`` writes."""

IMPORT_COLLECTIONS: tuple[str, ...] = (
    "suppliers",
    "agreements",
    "risks",
    "measurements",
    "customers",
    "satisfaction",
    "complaints",
    "customer_reviews",
)
"""Registers that ``import FILE.csv|FILE.xlsx --collection NAME`` reads."""

_SKIPPED = frozenset({"revision", "created_at", "updated_at"})
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d+$")


class CellError(ValueError):
    """A cell that cannot be read as its column's value; the message says what is expected."""


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    shape: Shape


@cache
def columns_of(collection: str) -> tuple[Column, ...]:
    """The spreadsheet columns of a collection, id first, in model order."""
    model = BY_COLLECTION[collection]
    out: list[Column] = []
    for name, shape in field_shapes(model).items():
        if name in _SKIPPED or shape.kind == "model":
            continue
        if shape.kind == "list" and (shape.item is None or shape.item.kind == "model"):
            continue
        info = model.model_fields[name]
        out.append(Column(name, info.title or name, shape))
    return tuple(out)


def normalise_header(text: str) -> str:
    """``"Relationship owner"``, ``"relationship_owner"`` and ``"RELATIONSHIP-OWNER"`` match."""
    return re.sub(r"[^0-9a-z%]+", " ", text.casefold()).strip()


def header_index(collection: str) -> dict[str, Column]:
    """Normalised header -> column, by field name and by the field's title."""
    index: dict[str, Column] = {}
    for column in columns_of(collection):
        index.setdefault(normalise_header(column.title), column)
    for column in columns_of(collection):
        index[normalise_header(column.field)] = column
    return index


# --- formula guard ----------------------------------------------------------------------

FORMULA_QUOTE = "'"
_FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")
_GUARDED = re.compile(r"^'+[=+\-@\t\r]")


def guard_formula(text: str) -> str:
    """``=SUM(A1)`` -> ``'=SUM(A1)``: a cell a spreadsheet program would run stays text.

    OWASP's CSV-injection advice: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return gets a leading single quote. Text that already starts with
    quotes before such a character gets one more, so ``unguard_formula`` can always
    remove exactly one and a round trip is lossless.
    """
    return FORMULA_QUOTE + text if _FORMULA_START.match(text) else text


def unguard_formula(text: str) -> str:
    """The text ``guard_formula`` was given: one leading quote removed before a formula start."""
    return text[1:] if _GUARDED.match(text) else text


# --- writing ----------------------------------------------------------------------------


def cell_value(record: Record, column: Column) -> Any:
    """The record's value for a spreadsheet cell: text, number, date, or None (empty)."""
    value = getattr(record, column.field)
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return "\n".join(str(v.value if isinstance(v, Enum) else v) for v in value)
    return value


def cell_text(value: Any) -> str:
    """A cell value as CSV text (dates ISO, whole floats without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


# --- reading ----------------------------------------------------------------------------


def parse_cell(raw: Any, column: Column, *, day_first_proven: bool = False) -> Any:
    """The field value for one cell (None for an empty cell); raises CellError."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return [] if column.shape.kind == "list" else None
    if isinstance(raw, str):
        raw = unguard_formula(raw)
    shape = column.shape
    if shape.kind == "list":
        assert shape.item is not None
        text = str(raw)
        if column.field.endswith("_ids"):
            return [part for part in re.split(r"[\s,;]+", text) if part]
        return [line.strip() for line in text.splitlines() if line.strip()]
    return _scalar(raw, shape, day_first_proven)


def _scalar(raw: Any, shape: Shape, day_first_proven: bool) -> Any:
    kind = shape.kind
    if kind == "date":
        return parse_date(raw, day_first_proven=day_first_proven)
    if kind in ("int", "float"):
        return _number(raw, kind)
    if kind == "enum":
        assert shape.enum is not None
        return _choice(str(raw), shape.enum)
    if kind == "bool":
        text = str(raw).strip().casefold()
        if text in ("true", "yes", "1", "x"):
            return True
        if text in ("false", "no", "0"):
            return False
        raise CellError(f"must be yes or no, not {_quote(raw)}")
    if isinstance(raw, datetime | date):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _quote(raw: Any) -> str:
    from itsms_tui.snapshot.errors import show

    return show(str(raw), 40)


def _number(raw: Any, kind: str) -> int | float:
    if isinstance(raw, bool):
        raise CellError(f"must be a number, not {_quote(raw)}")
    if isinstance(raw, int | float):
        value: float = float(raw)
    else:
        text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
        if _DECIMAL_COMMA.match(text):
            text = text.replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise CellError(f"must be a number, not {_quote(raw)}") from None
    if kind == "int":
        if not value.is_integer():
            raise CellError(f"must be a whole number, not {_quote(raw)}")
        return int(value)
    return value


def _choice(text: str, enum: type[Enum]) -> str:
    wanted = normalise_header(text)
    for member in enum:
        if wanted in (normalise_header(str(member.value)), normalise_header(member.name)):
            return str(member.value)
    allowed = ", ".join(str(m.value) for m in enum)
    raise CellError(f"must be one of {allowed}, not {_quote(text)}")


def slash_date_parts(raw: Any) -> tuple[int, int] | None:
    """The first two numbers of a ``DD/MM/YYYY``-looking cell, for the file-wide order check."""
    if isinstance(raw, str):
        match = _SLASH_DATE.match(raw.strip())
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


def parse_date(raw: Any, *, day_first_proven: bool = False) -> date:
    """``YYYY-MM-DD`` or ``DD/MM/YYYY`` (also ``DD.MM.YYYY``), or a spreadsheet date cell.

    ``03/04/2026`` could be 3 April or March 4: it is read day first only when the
    file itself shows that order (a date such as ``25/12/2026``) or day and month are
    equal; otherwise it is refused, never guessed.
    """
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    try:
        iso = _ISO_DATE.match(text)
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        slash = _SLASH_DATE.match(text)
        if slash:
            day, month, year = (int(g) for g in slash.groups())
            if month > 12:
                raise CellError(
                    f"{_quote(text)} reads as month/day/year; write DD/MM/YYYY or YYYY-MM-DD"
                )
            if day <= 12 and day != month and not day_first_proven:
                raise CellError(
                    f"{_quote(text)} is ambiguous (day/month or month/day?); write it as YYYY-MM-DD"
                )
            return date(year, month, day)
    except ValueError as exc:
        if isinstance(exc, CellError):
            raise
        raise CellError(f"{_quote(text)} is not a real date") from None
    raise CellError(f"must be a date (YYYY-MM-DD or DD/MM/YYYY), not {_quote(text)}")
