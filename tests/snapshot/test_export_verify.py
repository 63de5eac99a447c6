"""The export's read-back check still names what changed when the text does not read back
as the document it was written from (types included), and passes when it does."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from itsms_tui.snapshot.errors import SnapshotExportError
from itsms_tui.snapshot.export import _verify_round_trip


@pytest.mark.parametrize(
    ("text", "document", "said"),
    [
        ("a = 1.0\n", {"a": 1}, "a: int became float"),
        ("a = 1\n", {"a": True}, "a: bool became int"),
        ("a = 2026-01-01T00:00:00\n", {"a": date(2026, 1, 1)}, "a: date became datetime"),
        (
            "a = 2026-01-01T01:00:00+01:00\n",
            {"a": datetime(2026, 1, 1, tzinfo=UTC)},
            "a: value changed",
        ),
        ("[t]\nb = 'x'\n", {"t": {"b": "y"}}, "t.b: value changed"),
        ("a = [1, 2]\n", {"a": [1, 2, 3]}, "a: 3 items became 2"),
    ],
)
def test_a_difference_is_named(text: str, document: dict[str, object], said: str) -> None:
    with pytest.raises(SnapshotExportError, match=said):
        _verify_round_trip(text, dict(document))


def test_the_same_values_in_another_key_order_pass() -> None:
    stamp = datetime(2026, 1, 1, tzinfo=timezone(timedelta(0)))
    _verify_round_trip(
        "b = 2\na = 2026-01-01T00:00:00+00:00\n[t]\nc = [1.5]\n",
        {"t": {"c": [1.5]}, "a": stamp, "b": 2},
    )


def test_an_integer_orjson_cannot_encode_is_still_compared() -> None:
    big = 2**70
    _verify_round_trip(f"a = {big}\n", {"a": big})
    with pytest.raises(SnapshotExportError, match="a: value changed"):
        _verify_round_trip(f"a = {big}\n", {"a": big + 1})
