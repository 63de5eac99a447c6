"""The spreadsheet formula guard: quoted on export, exactly that quote removed on import."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itsms_tui.services.spreadsheet_columns import guard_formula, unguard_formula


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'x", "'x"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_guard_quotes_what_a_spreadsheet_would_run(text: str, guarded: str) -> None:
    assert guard_formula(text) == guarded
    assert unguard_formula(guarded) == text


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab "), max_size=8) | st.text(max_size=8))
def test_guard_then_unguard_is_lossless(text: str) -> None:
    guarded = guard_formula(text)
    assert unguard_formula(guarded) == text
    assert guarded[:1] not in ("=", "+", "-", "@", "\t", "\r")
