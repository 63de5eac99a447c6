"""Pydantic validation errors turned into short messages a user understands, by location.

Pydantic says "Input should be a valid date or datetime, input is too short"; the form
says "use YYYY-MM-DD". Each error is filed under the field it belongs to (and the row,
for an inline table of sub-records); errors raised by a model validator have no
location, so they are filed as form-level and, when their text names fields, also
under those fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from itsms_tui.ui.forms.field_specs import FieldSpec, Kind

_PREFIXES = ("Value error, ", "Assertion failed, ")


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def plain_message(error: ErrorDetails, kind: Kind | None = None) -> str:
    """One pydantic error as a short, plain instruction (``kind``: the field's editor)."""
    kind_of_error = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    message = str(error["msg"])
    if kind_of_error == "missing":
        return "required"
    if kind_of_error in ("too_short", "string_too_short"):
        minimum = int(ctx.get("min_length", 1))
        if kind is Kind.ROWS:
            return "add at least one row" if minimum == 1 else f"add at least {minimum} rows"
        if kind in (Kind.LINES, Kind.REFERENCES):
            return "add at least one" if minimum == 1 else f"add at least {minimum}"
        return "required" if minimum <= 1 else f"at least {minimum} characters"
    if kind_of_error in ("too_long", "string_too_long"):
        maximum = ctx.get("max_length")
        if kind in (Kind.ROWS, Kind.LINES, Kind.REFERENCES):
            return f"at most {maximum}"
        return f"at most {maximum} characters"
    if kind_of_error.startswith("date") or kind_of_error.startswith("datetime"):
        return "use YYYY-MM-DD (a real date)"
    if kind_of_error in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return "enter a whole number"
    if kind_of_error in ("float_parsing", "float_type", "finite_number"):
        return "enter a number"
    if kind_of_error == "greater_than_equal":
        return f"must be at least {_number(ctx.get('ge'))}"
    if kind_of_error == "greater_than":
        return f"must be more than {_number(ctx.get('gt'))}"
    if kind_of_error == "less_than_equal":
        return f"must be at most {_number(ctx.get('le'))}"
    if kind_of_error == "less_than":
        return f"must be less than {_number(ctx.get('lt'))}"
    if kind_of_error == "enum":
        return f"choose one of {ctx.get('expected', 'the listed values')}"
    if kind_of_error == "string_pattern_mismatch":
        return (
            "choose a record from the list"
            if kind
            in (
                Kind.REFERENCE,
                Kind.REFERENCES,
            )
            else "does not have the expected form"
        )
    if kind_of_error in ("bool_parsing", "bool_type"):
        return "yes or no"
    for prefix in _PREFIXES:
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


@dataclass
class FormErrors:
    """Messages filed by where they belong in the form.

    Attributes:
        fields: field name -> messages shown next to that field.
        rows: (field name, row index) -> messages shown under that row.
        cells: (field name, row index, sub-field) -> marks that cell invalid.
        general: messages shown at the top of the form.
    """

    fields: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    cells: set[tuple[str, int, str]] = field(default_factory=set)
    general: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.rows or self.general)

    def add_field(self, name: str, message: str) -> None:
        messages = self.fields.setdefault(name, [])
        if message not in messages:
            messages.append(message)

    def add_row(self, name: str, index: int, message: str) -> None:
        messages = self.rows.setdefault((name, index), [])
        if message not in messages:
            messages.append(message)

    def add_general(self, message: str) -> None:
        if message not in self.general:
            self.general.append(message)


def _named_fields(message: str, specs: Sequence[FieldSpec]) -> tuple[str, list[str]]:
    """Replace identifier-like field names in ``message`` by their titles; also say which
    fields the message names (by name or by title)."""
    named: list[str] = []
    text = message
    for spec in specs:
        pattern = re.compile(rf"\b{re.escape(spec.name)}\b")
        if pattern.search(text):
            if "_" in spec.name:  # an identifier such as end_date reads better as its title
                text = pattern.sub(spec.title, text)
            named.append(spec.name)
    folded = text.casefold()
    for spec in specs:
        if spec.name not in named and len(spec.title) > 3 and spec.title.casefold() in folded:
            named.append(spec.name)
    return text, named


def file_errors(
    error: ValidationError,
    specs: Sequence[FieldSpec],
    shown: Sequence[str],
    sub_specs: Mapping[str, Sequence[FieldSpec]],
) -> FormErrors:
    """File every error of ``error`` under a field, a row, or the top of the form.

    Args:
        error: What ``model_validate`` raised.
        specs: Every field of the model (to name fields and find editor kinds).
        shown: The fields that have an editor in this form; errors on other fields go
            to the top, prefixed with the field's title.
        sub_specs: For each ``Kind.ROWS`` field, the fields of its row model.
    """
    by_name = {s.name: s for s in specs}
    out = FormErrors()
    for detail in error.errors(include_url=False):
        loc = detail["loc"]
        if not loc:
            text, named = _named_fields(plain_message(detail), specs)
            out.add_general(text)
            for name in named:
                if name in shown:
                    out.add_field(name, text)
            continue
        name = str(loc[0])
        spec = by_name.get(name)
        if spec is None:
            out.add_general(plain_message(detail))
            continue
        if spec.kind is Kind.ROWS and len(loc) >= 2 and isinstance(loc[1], int):
            index = loc[1]
            rows = sub_specs.get(name, ())
            if len(loc) >= 3:
                sub = next((s for s in rows if s.name == loc[2]), None)
                title = sub.title if sub else str(loc[2])
                message = f"{title}: {plain_message(detail, sub.kind if sub else None)}"
                out.cells.add((name, index, str(loc[2])))
            else:
                message, _ = _named_fields(plain_message(detail), rows)
            if name in shown:
                out.add_row(name, index, message)
            else:
                out.add_general(f"{spec.title}, row {index + 1}: {message}")
            continue
        message = plain_message(detail, spec.kind)
        if len(loc) >= 2 and isinstance(loc[1], int):
            message = f"item {loc[1] + 1}: {message}"
        if name in shown:
            out.add_field(name, message)
        else:
            out.add_general(f"{spec.title}: {message}")
    return out
