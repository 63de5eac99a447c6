"""Conversions between model values and what the user sees and types in an editor.

Editors hold text; the model is validated by pydantic in lax mode, which parses
"12", "1.5" and "2025-01-31" itself. So the form passes typed text through unchanged
(pydantic's errors then say what is wrong) and only decides what *empty* means:
``None`` for an optional field, else "leave the key out" (``OMIT``) so the model's
default applies or pydantic reports the field as required.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, Final

from itsms_tui.ui.forms.field_specs import FieldSpec, Kind


class _Omit:
    """Marks a value to leave out of the data given to the model."""

    def __repr__(self) -> str:
        return "OMIT"


OMIT: Final = _Omit()


def format_number(value: float | int) -> str:
    """``100.0`` -> ``"100"``, ``99.9`` -> ``"99.9"``: floats without a needless ``.0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def to_text(spec: FieldSpec, value: Any) -> str:
    """The editor text for a model value of a text, number, date or lines field."""
    if value is None or value is OMIT:
        return ""
    if spec.kind is Kind.LINES:
        return "\n".join(str(item) for item in value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def from_text(spec: FieldSpec, text: str) -> Any:
    """The value to validate for what was typed in a text, number, date or lines editor."""
    if spec.kind is Kind.LINES:
        return [line for line in text.splitlines() if line.strip()]
    if spec.kind in (Kind.TEXT, Kind.LONG_TEXT):
        if spec.optional and not text.strip():
            return None
        return text
    stripped = text.strip()
    if not stripped:
        return None if spec.optional else OMIT
    return stripped


def empty_value(spec: FieldSpec) -> Any:
    """What a field holds before anything is typed, for a new record or a new row."""
    if spec.has_default:
        return spec.default
    if spec.kind in (Kind.LINES, Kind.REFERENCES, Kind.ROWS):
        return []
    return None


def choice_label(member: Enum) -> str:
    """``customer_as_supplier`` -> ``customer as supplier`` (the value, readable)."""
    return str(member.value).replace("_", " ")
