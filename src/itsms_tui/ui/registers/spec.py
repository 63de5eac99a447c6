"""What a register declares, for the generic hosts to render: ``Register`` and ``ChildTable``.

A register is data: its model, its columns, the row builder (``services.plan_rows`` /
``services.register_rows``, or one row per record), the detail builder and the child
tables of its detail. ``ui.homes`` points each collection's home at its register; the
Plan screen makes one tab per Plan home (``ui.plan.register_tab.RegisterTab``) and the
Suppliers and Agreements screens render theirs (``ui.screens.register.RegisterScreen``),
so a new entity needs no host code. ``generic_register(Model)`` is the register of a
model that needs nothing special: id, title and status columns, every field in the
detail.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpi_status import KpiReading
from itsms_tui.domain.record import Record
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.widgets.record_table import Column


class HasRecord(Protocol):
    """A register row: whatever figures it holds, it carries its record."""

    @property
    def record(self) -> Record: ...


RowT = TypeVar("RowT", bound=HasRecord)
ChildT = TypeVar("ChildT", bound=HasRecord)


def record_key(row: HasRecord) -> str:
    """Every register row carries its record; the record id is the row's key."""
    return row.record.id


@dataclass(frozen=True, slots=True)
class Context:
    """What the builders of a register read: the data and what the app derived from it."""

    data: DataSet
    today: date
    readings: Mapping[str, KpiReading] = field(default_factory=dict)
    settings: CheckSettings = field(default_factory=CheckSettings)
    read_only: bool = False


@dataclass(frozen=True, slots=True)
class RecordRow:
    """The row of a register that shows its records as they are (``generic_register``)."""

    record: Record


def _no_values(parent: Record) -> dict[str, Any]:
    return {}


def _own_id(row: HasRecord) -> str:
    return row.record.id


DetailFn = Callable[[RowT, Context, DetailBuilder], None]
"""Fills a detail (``DetailBuilder``) for the highlighted row."""


@dataclass(frozen=True)
class ChildTable(Generic[RowT, ChildT]):
    """A table inside a register's detail: the records of the highlighted row."""

    key: str
    """Its name (``tab.child(key)``) and the end of its widget id."""
    columns: Sequence[Column[ChildT]]
    rows: Callable[[RowT, Context], Sequence[ChildT]]
    empty_text: str = "None"
    label: Callable[[RowT, Sequence[ChildT], Context], str] | None = None
    """The heading above the table (None: no heading)."""
    model: type[Record] | None = None
    """What ``n`` creates while the table has the focus (None: nothing)."""
    initial: Callable[[Record], dict[str, Any]] = _no_values
    """Starting values of a record created there, from the register's record."""
    add: tuple[str, str] | None = None
    """A key of the register that creates one (key, footer text), e.g. ``("a", "Allocate")``."""
    edits: bool = False
    """Enter edits the row's record (its history when read-only); else it jumps."""
    jump_to: Callable[[ChildT], str] = _own_id
    """The record Enter jumps to (its own by default)."""


@dataclass(frozen=True)
class Register(Generic[RowT]):
    """Everything a host needs to show a register."""

    model: type[Record]
    columns: Sequence[Column[RowT]]
    rows: Callable[[Context], Sequence[RowT]]
    detail: DetailFn[RowT]
    """The detail of the highlighted row (above the child tables)."""
    more: DetailFn[RowT] | None = None
    """Detail shown below the child tables (free text, lists)."""
    children: tuple[ChildTable[RowT, Any], ...] = ()
    title: str = ""
    """The tab's title (default: the model's label, plural)."""
    empty_text: str = ""
    """Shown when there are no records (default: "No <label>s yet: n adds one")."""
    edit_only: Callable[[Record], set[str]] | None = None
    """The fields ``E`` offers on one of its records (None: all of them)."""

    @property
    def collection(self) -> str:
        return self.model.collection

    @property
    def label(self) -> str:
        return self.model.label or self.model.__name__

    @property
    def tab_title(self) -> str:
        return self.title or f"{self.label}s"

    @property
    def empty(self) -> str:
        return self.empty_text or f"No {self.label.lower()}s yet: n adds one"

    @property
    def nothing_selected(self) -> str:
        return f"No {self.label.lower()} selected"


# ---------------------------------------------------------------------- generic register


def shown_value(value: object) -> str:
    """A field's value as the detail shows it: enums by label, lists joined, dates ISO."""
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(shown_value(v) for v in value)
    if isinstance(value, Record):
        return value.display
    if value is None:
        return ""
    return str(value)


_HIDDEN = frozenset({"id", "revision", "created_at", "updated_at"})


def _field_title(name: str, model: type[Record]) -> str:
    info = model.model_fields[name]
    return info.title or name.replace("_", " ").capitalize()


def generic_detail(row: HasRecord, ctx: Context, out: DetailBuilder) -> None:
    """Every field of the record, in the model's order; references name their record."""
    record = row.record
    model = type(record)
    out.heading(record)
    references = getattr(model, "references", {}) or {}
    for name in model.model_fields:
        if name in _HIDDEN or name == model.title_field:
            continue
        value = getattr(record, name)
        if name in references and isinstance(value, str) and value:
            target = ctx.data.get(value)
            out.field(_field_title(name, model), target.display if target else value)
        else:
            out.field(_field_title(name, model), shown_value(value))


def generic_columns(model: type[Record]) -> list[Column[RecordRow]]:
    """Id, the title field and, when the model has them, status and owner."""
    columns: list[Column[RecordRow]] = [
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column(
            "title",
            _field_title(model.title_field, model),
            lambda r: r.record.heading,
            width=16,
            flex=1,
        ),
    ]
    for name, width in (("status", 11), ("owner", 12)):
        if name in model.model_fields:
            columns.append(Column(name, _field_title(name, model), _cell(name), width=width))
    return columns


def _cell(name: str) -> Callable[[RecordRow], str]:
    def value(row: RecordRow) -> str:
        return shown_value(getattr(row.record, name))

    return value


def generic_register(model: type[Record], **options: Any) -> Register[RecordRow]:
    """The register of ``model`` with nothing special: one row per record, every field."""

    def rows(ctx: Context) -> list[RecordRow]:
        return [RecordRow(record) for record in ctx.data.all(model)]

    return Register(
        model=model,
        columns=generic_columns(model),
        rows=rows,
        detail=generic_detail,
        **options,
    )
