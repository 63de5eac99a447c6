"""The base of every stored entity: id, revision, timestamps, and class-level metadata.

Class variables describe each entity once (collection name, id prefix, human label,
which field is its title, which fields refer to which collections) so the store,
snapshots, the checker and the generic form engine are all driven by the models.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, ClassVar, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from itsms_tui.domain.fields import UtcDateTime, utc_now

_NEW_OR_ID = re.compile(r"^([A-Z]{3}-[0-9]{4,})?$")


class Record(BaseModel):
    """A stored entity. ``id`` is empty until the store assigns ``PREFIX-NNNN``."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_enum_values=False,
        allow_inf_nan=False,
        frozen=False,
    )

    collection: ClassVar[str] = ""
    prefix: ClassVar[str] = ""
    label: ClassVar[str] = ""
    title_field: ClassVar[str] = "name"
    references: ClassVar[dict[str, str]] = {}
    """Field name -> collection it refers to (field holds an id, an optional id or a list of ids)."""
    date_order: ClassVar[tuple[tuple[str, str], ...]] = ()
    """Pairs of date fields that must be in order (second on or after first)."""

    id: str = Field(default="", max_length=20, title="Id", description="Assigned by the store.")
    revision: int = Field(default=0, ge=0, title="Revision", description="Bumped by every save.")
    created_at: UtcDateTime = Field(default_factory=utc_now, title="Created")
    updated_at: UtcDateTime = Field(default_factory=utc_now, title="Updated")

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _NEW_OR_ID.fullmatch(value):  # match() with $ would let a trailing newline in
            raise ValueError("must look like ABC-0001")
        if value and cls.prefix and not value.startswith(cls.prefix + "-"):
            raise ValueError(f"must start with {cls.prefix}-")
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        """Validated assignment that leaves the record unchanged when the value is refused.

        pydantic stores the new value before running model validators (pydantic issue
        #7105), so a refused date order or party rule would otherwise stay in the record.
        """
        if name not in type(self).model_fields:
            super().__setattr__(name, value)
            return
        before = dict(self.__dict__)
        fields_set = set(self.__pydantic_fields_set__)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            object.__setattr__(self, "__dict__", before)
            object.__setattr__(self, "__pydantic_fields_set__", fields_set)
            raise

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        for first, second in self.date_order:
            check_order(self, first, second)
        return self

    @property
    def heading(self) -> str:
        """The human name of the record (its name or title field)."""
        return str(getattr(self, self.title_field))

    @property
    def display(self) -> str:
        """``SUP-0001 Acme Hosting``: how a record is named in messages and lists."""
        return f"{self.id} {self.heading}".strip()

    def referenced_ids(self) -> dict[str, list[str]]:
        """Field -> ids this record refers to (empty values left out)."""
        out: dict[str, list[str]] = {}
        for name in self.references:
            value = getattr(self, name)
            ids = [v for v in value if v] if isinstance(value, list) else ([value] if value else [])
            if ids:
                out[name] = ids
        return out

    def content(self) -> dict[str, Any]:
        """The user-editable fields as plain JSON-able values (no id/revision/timestamps)."""
        return self.model_dump(mode="json", exclude={"id", "revision", "created_at", "updated_at"})


def check_order(model: BaseModel, first: str, second: str, *, strict: bool = False) -> None:
    """Raise if date field ``second`` is before (or, strict, equal to) ``first``."""
    a: date | datetime | None = getattr(model, first)
    b: date | datetime | None = getattr(model, second)
    if a is None or b is None:
        return
    if b < a or (strict and b == a):
        word = "after" if strict else "on or after"
        raise ValueError(f"{second} ({b}) must be {word} {first} ({a})")
