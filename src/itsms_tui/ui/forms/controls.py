"""The Textual widget for one simple field (text, number, date, choice, flag), and reading it back.

Used for the top-level fields of a form and for the cells of an inline row editor, so
both behave the same. References and sub-record tables have their own widgets.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Input, Select, Switch, TextArea

from itsms_tui.ui.forms.field_specs import FieldSpec, Kind
from itsms_tui.ui.forms.values import OMIT, choice_label, from_text, to_text
from itsms_tui.ui.widgets.ordered_input import OrderedInput, OrderedTextArea

_DATE_CHARACTERS = r"[0-9-]*"
SIMPLE_KINDS: frozenset[Kind] = frozenset(
    {
        Kind.TEXT,
        Kind.LONG_TEXT,
        Kind.LINES,
        Kind.INTEGER,
        Kind.NUMBER,
        Kind.DATE,
        Kind.CHOICE,
        Kind.FLAG,
    }
)


def make_control(spec: FieldSpec, value: Any, *, placeholder: str = "") -> Widget:
    """A compact editor widget for ``spec`` holding ``value`` (a model value)."""
    kind = spec.kind
    if kind in (Kind.LONG_TEXT, Kind.LINES):
        area = OrderedTextArea(
            to_text(spec, value),
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            show_cursor=True,
            highlight_cursor_line=False,
            placeholder=placeholder or ("one per line" if kind is Kind.LINES else ""),
        )
        area.add_class("-lines" if kind is Kind.LINES else "-long-text")
        return area
    if kind is Kind.CHOICE:
        options = [(Text(choice_label(m)), m) for m in spec.choices]
        initial: Any = value if isinstance(value, Enum) and value in spec.choices else None
        if initial is None and not spec.optional:
            initial = spec.default if spec.default in spec.choices else spec.choices[0]
        select: Select[Enum] = Select(
            options,
            prompt=placeholder or "(none)",
            allow_blank=spec.optional,
            value=initial if initial is not None else Select.NULL,
            compact=True,
        )
        return select
    if kind is Kind.FLAG:
        return Switch(bool(value), animate=False)
    if kind is Kind.INTEGER:
        return OrderedInput(
            to_text(spec, value),
            placeholder=placeholder or "whole number",
            type="integer",
            valid_empty=True,
            compact=True,
        )
    if kind is Kind.NUMBER:
        return OrderedInput(
            to_text(spec, value),
            placeholder=placeholder or "number",
            type="number",
            valid_empty=True,
            compact=True,
        )
    if kind is Kind.DATE:
        return OrderedInput(
            to_text(spec, value),
            placeholder="YYYY-MM-DD",
            restrict=_DATE_CHARACTERS,
            max_length=10,
            compact=True,
        )
    if kind is Kind.TEXT:
        return OrderedInput(to_text(spec, value), placeholder=placeholder, compact=True)
    raise ValueError(f"{spec.name}: {kind} is not a simple field")


def read_control(spec: FieldSpec, widget: Widget) -> Any:
    """The value to validate from a widget built by ``make_control`` (``OMIT``: leave out)."""
    if isinstance(widget, TextArea):
        return from_text(spec, widget.text)
    if isinstance(widget, Input):
        return from_text(spec, widget.value)
    if isinstance(widget, Select):
        if widget.value is Select.NULL:
            return None if spec.optional else OMIT
        return widget.value
    if isinstance(widget, Switch):
        return widget.value
    raise TypeError(f"not a field control: {widget!r}")
