"""Reusable validated field types: bounded, control-character-free text, ids, scores.

User text is shown on terminals, so control characters (ESC sequences, NUL, ...) are
refused at validation; only multi-line fields accept newlines and tabs.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

# C0/C1 controls, line/paragraph separators, bidi overrides (spoofing) and lone
# surrogates (not encodable as UTF-8).
_ALWAYS_FORBIDDEN = r"\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_SINGLE_LINE_FORBIDDEN = re.compile(f"[\\x00-\\x0a{_ALWAYS_FORBIDDEN}]")
_MULTI_LINE_FORBIDDEN = re.compile(f"[\\x00-\\x08{_ALWAYS_FORBIDDEN}]")

ID_PATTERN = r"^[A-Z]{3}-[0-9]{4,}$"


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _single_line(value: str) -> str:
    match = _SINGLE_LINE_FORBIDDEN.search(value)
    if match:
        raise ValueError(f"control character {_describe(match.group())} is not allowed")
    return value


def _multi_line(value: str) -> str:
    value = value.replace("\r\n", "\n")
    match = _MULTI_LINE_FORBIDDEN.search(value)
    if match:
        raise ValueError(f"control character {_describe(match.group())} is not allowed")
    return value


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamp must include a time zone (UTC)")
    try:
        return value.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:00:00-05:00 is past the year 9999 in UTC
        raise ValueError("timestamp is out of range once converted to UTC") from None


Name = Annotated[
    str,
    BeforeValidator(_strip),
    Field(min_length=1, max_length=200),
    AfterValidator(_single_line),
]
"""A short required label: a name, a title, a person."""

ShortText = Annotated[
    str, BeforeValidator(_strip), Field(max_length=200), AfterValidator(_single_line)
]
"""A short optional single-line value (may be empty)."""

LongText = Annotated[str, Field(max_length=20_000), AfterValidator(_multi_line)]
"""Free multi-line text: scope, minutes, assessments."""

ListItem = Annotated[
    str,
    BeforeValidator(_strip),
    Field(min_length=1, max_length=500),
    AfterValidator(_single_line),
]
"""One line of a list such as requirements or responsibilities."""

RecordId = Annotated[str, Field(pattern=ID_PATTERN, max_length=20)]
"""A human-readable record id such as ``SUP-0001``."""


def _blank_is_none(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


PersonRef = Annotated[RecordId | None, BeforeValidator(_blank_is_none)]
"""An optional reference to a person (``PER-0001``); a blank value means nobody."""

Score1to5 = Annotated[int, Field(ge=1, le=5)]
UtcDateTime = Annotated[datetime, AfterValidator(_utc)]


def utc_now() -> datetime:
    """The current time, timezone-aware, truncated to whole microseconds (TOML-safe)."""
    return datetime.now(UTC)


def sod_override_field() -> LongText:
    """The ``sod_override`` field: why one person did two duties that are kept apart.

    Recorded only by an administrator's override of separation of duties
    (``services.authority``); the checker lists every record that carries one.
    """
    reason: LongText = Field(
        default="",
        title="Separation-of-duties override",
        description="Why one person did both duties (an administrator's recorded reason).",
    )
    return reason
