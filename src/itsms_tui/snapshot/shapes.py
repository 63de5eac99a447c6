"""What TOML value each model field holds, derived once from the pydantic annotations.

Export uses the shapes to write plain TOML values (a float field stays a float even
when it holds a whole number); import uses them to check a value's TOML type before
pydantic sees it, because pydantic would quietly accept ``true`` for a number or
``"2025-01-31"`` for a date, and a snapshot should say what it means.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Annotated, Literal, Union

from pydantic import BaseModel

Kind = Literal["str", "int", "float", "bool", "date", "datetime", "enum", "list", "model"]


@dataclass(frozen=True)
class Shape:
    """The TOML form of one field: a scalar kind, an enum, a list of shapes or a sub-table."""

    kind: Kind
    optional: bool = False
    item: Shape | None = None
    enum: type[Enum] | None = None
    model: type[BaseModel] | None = None

    def describe(self) -> str:
        """How the expected value is named in messages."""
        if self.kind == "list":
            return "an array"
        if self.kind == "model":
            return "a table"
        if self.kind == "enum":
            return "a string"
        return _NAMES[self.kind]


_NAMES: dict[str, str] = {
    "str": "a string",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "date": "a date (YYYY-MM-DD)",
    "datetime": "a date and time with a time zone (e.g. 2025-01-31T09:00:00Z)",
}

_SCALARS: dict[type, Kind] = {
    str: "str",
    int: "int",
    float: "float",
    bool: "bool",
    date: "date",
    datetime: "datetime",
}


def shape_of(annotation: object) -> Shape:
    """The shape of a (possibly Annotated, Optional or list) field annotation."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return shape_of(typing.get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        inner = shape_of(args[0])
        return Shape(inner.kind, True, inner.item, inner.enum, inner.model)
    if origin in (list, tuple):
        return Shape("list", item=shape_of(typing.get_args(annotation)[0]))
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return Shape("enum", enum=annotation)
        if issubclass(annotation, BaseModel):
            return Shape("model", model=annotation)
        if annotation in _SCALARS:
            return Shape(_SCALARS[annotation])
    raise TypeError(f"no TOML shape for {annotation!r}")


@cache
def field_shapes(model: type[BaseModel]) -> dict[str, Shape]:
    """Field name -> shape, in declaration order."""
    return {name: shape_of(info.annotation) for name, info in model.model_fields.items()}


@cache
def required_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(n for n, info in model.model_fields.items() if info.is_required())


def toml_type_name(value: object) -> str:
    """The TOML name of a parsed value's type, for 'must be X, not Y' messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, datetime):
        return "a date-time" if value.tzinfo else "a local date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a time" if type(value).__name__ == "time" else type(value).__name__
