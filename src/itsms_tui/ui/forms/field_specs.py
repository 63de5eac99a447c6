"""What the form engine needs to know about each model field, read from the pydantic model.

The engine never hard-codes an entity: it asks ``field_specs(Supplier)`` and gets one
``FieldSpec`` per editable field, in declaration order, saying which kind of editor it
needs (single-line text, multi-line text, a list of lines, a number, a date, a choice,
a yes/no switch, a reference picker or an inline table of sub-records).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from typing import Any

from annotated_types import MinLen
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from itsms_tui.domain.fields import LongText
from itsms_tui.domain.record import Record

SYSTEM_FIELDS: frozenset[str] = frozenset(
    {"id", "revision", "created_at", "updated_at", "imported_history"}
)
"""Fields the store (or ``import --allow-history``) owns; never shown in a form and carried
over unchanged on edit."""

_LONG_TEXT_MARKERS = [m for m in typing.get_args(LongText)[1:] if isinstance(m, AfterValidator)]


class Kind(StrEnum):
    """The kind of editor a field gets."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    LINES = "lines"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"
    FLAG = "flag"
    REFERENCE = "reference"
    REFERENCES = "references"
    ROWS = "rows"


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: its name, label, help, editor kind and emptiness rules.

    Attributes:
        name: Attribute name on the model.
        title: Label shown to the user (``FieldInfo.title``, else the name).
        help: One-line help (``FieldInfo.description``), may be empty.
        kind: Which editor to build.
        optional: ``None`` is allowed, so an empty editor means ``None``.
        required: Must be filled in (shown with a marker).
        has_default: The model supplies a value when the field is left out.
        default: That value (for a new record's editor), else None.
        choices: The enum members, for ``Kind.CHOICE``.
        sub_model: The row model, for ``Kind.ROWS``.
        collection: Referenced collection (``"*"``: any subject), for references.
    """

    name: str
    title: str
    help: str
    kind: Kind
    optional: bool
    required: bool
    has_default: bool
    default: Any = None
    choices: tuple[Enum, ...] = ()
    sub_model: type[BaseModel] | None = None
    collection: str | None = None


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(annotation)):
            return args[0], True
    return annotation, False


def _unwrap_annotated(annotation: Any) -> tuple[Any, list[Any]]:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        return base, metadata
    return annotation, []


def _kind_of(annotation: Any, metadata: Sequence[Any], is_reference: bool) -> Kind:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        item, _ = _unwrap_annotated(item)
        if is_reference:
            return Kind.REFERENCES
        if isinstance(item, type) and issubclass(item, BaseModel):
            return Kind.ROWS
        if item is str or (isinstance(item, type) and issubclass(item, StrEnum)):
            return Kind.LINES  # a vocabulary's values, one per line (the model checks them)
        raise TypeError(f"no editor for a list of {item!r}")
    if is_reference:
        return Kind.REFERENCE
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return Kind.CHOICE
        if issubclass(annotation, bool):
            return Kind.FLAG
        if issubclass(annotation, int):
            return Kind.INTEGER
        if issubclass(annotation, float):
            return Kind.NUMBER
        if issubclass(annotation, date):
            return Kind.DATE
        if issubclass(annotation, str):
            long = any(m in _LONG_TEXT_MARKERS for m in metadata)
            return Kind.LONG_TEXT if long else Kind.TEXT
    raise TypeError(f"no editor for {annotation!r}")


def _min_length(metadata: Sequence[Any]) -> int:
    for item in metadata:
        if isinstance(item, MinLen):
            return int(item.min_length)
        if isinstance(item, FieldInfo):
            found = _min_length(item.metadata)
            if found:
                return found
    return 0


def spec_for(
    model: type[BaseModel], name: str, info: FieldInfo, *, required: bool = False
) -> FieldSpec:
    """The FieldSpec of one field of ``model`` (``required`` forces the required marker)."""
    references: dict[str, str] = (
        getattr(model, "references", {}) if issubclass(model, Record) else {}
    )
    annotation, optional = _unwrap_optional(info.annotation)
    annotation, inner_metadata = _unwrap_annotated(annotation)
    metadata = [*info.metadata, *inner_metadata]
    kind = _kind_of(annotation, metadata, name in references)
    has_default = not info.is_required()
    default = info.get_default(call_default_factory=True) if has_default else None
    must_fill = (
        required
        or (info.is_required() and not optional)
        or (not optional and _min_length(metadata) > 0)
    )
    return FieldSpec(
        name=name,
        title=info.title or name.replace("_", " ").capitalize(),
        help=info.description or "",
        kind=kind,
        optional=optional,
        required=must_fill,
        has_default=has_default,
        default=default,
        choices=tuple(annotation) if kind is Kind.CHOICE else (),
        sub_model=(
            typing.get_args(annotation)[0] if kind is Kind.ROWS else None  # list[SubModel]
        ),
        collection=references.get(name),
    )


def field_specs(
    model: type[BaseModel],
    *,
    only: Collection[str] | None = None,
    exclude: Collection[str] = (),
    required: Collection[str] = (),
) -> list[FieldSpec]:
    """The editable fields of ``model`` in declaration order.

    System fields (id, revision, timestamps) and ``exclude`` are left out; ``only``
    keeps just those names; ``required`` marks extra fields as must-fill (e.g. what a
    change workflow transition needs).
    """
    names = set(model.model_fields)
    unknown = (set(only or ()) | set(exclude) | set(required)) - names
    if unknown:
        raise KeyError(f"{model.__name__} has no field(s) {', '.join(sorted(unknown))}")
    specs: list[FieldSpec] = []
    for name, info in model.model_fields.items():
        if name in SYSTEM_FIELDS or name in exclude:
            continue
        if only is not None and name not in only:
            continue
        specs.append(spec_for(model, name, info, required=name in required))
    return specs
