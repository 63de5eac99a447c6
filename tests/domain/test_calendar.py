"""Month arithmetic with end-of-month clamping, and KPI measurement periods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itsms_tui.domain.calendar import add_months, days_in_month, is_leap_year, period_after
from itsms_tui.domain.enums import Frequency


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 1, 31), 2, date(2024, 3, 31)),
        (date(2024, 1, 31), 3, date(2024, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
        (date(2023, 12, 31), 2, date(2024, 2, 29)),
        (date(2024, 5, 10), 0, date(2024, 5, 10)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_target_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_add_months_from_the_origin_does_not_drift_like_chaining() -> None:
    origin = date(2024, 1, 31)
    chained = add_months(add_months(origin, 1), 1)
    assert chained == date(2024, 3, 29)
    assert add_months(origin, 2) == date(2024, 3, 31)


def test_add_months_past_year_9999_raises_overflow() -> None:
    with pytest.raises(OverflowError):
        add_months(date(9999, 12, 1), 1)
    with pytest.raises(OverflowError):
        add_months(date(1, 1, 1), -1)


def test_leap_years_follow_the_gregorian_rule() -> None:
    assert is_leap_year(2024) and is_leap_year(2000)
    assert not is_leap_year(2023) and not is_leap_year(1900)
    assert days_in_month(2000, 2) == 29
    assert days_in_month(1900, 2) == 28
    assert days_in_month(2023, 4) == 30


@pytest.mark.parametrize(
    ("frequency", "start", "expected"),
    [
        (Frequency.DAILY, date(2024, 2, 28), date(2024, 2, 29)),
        (Frequency.WEEKLY, date(2024, 12, 28), date(2025, 1, 4)),
        (Frequency.MONTHLY, date(2024, 1, 31), date(2024, 2, 29)),
        (Frequency.MONTHLY, date(2023, 1, 31), date(2023, 2, 28)),
        (Frequency.QUARTERLY, date(2023, 11, 30), date(2024, 2, 29)),
        (Frequency.QUARTERLY, date(2024, 3, 31), date(2024, 6, 30)),
        (Frequency.YEARLY, date(2024, 2, 29), date(2025, 2, 28)),
    ],
)
def test_period_after_each_frequency(frequency: Frequency, start: date, expected: date) -> None:
    assert period_after(start, frequency) == expected


in_range_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(in_range_dates, st.integers(min_value=-3000, max_value=3000))
def test_add_months_never_raises_in_range_and_lands_in_the_target_month(
    day: date, months: int
) -> None:
    total = day.year * 12 + day.month - 1 + months
    year, month = total // 12, total % 12 + 1
    if not 1 <= year <= 9999:
        return
    result = add_months(day, months)
    assert (result.year, result.month) == (year, month)
    assert result.day == min(day.day, days_in_month(year, month))


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31)).filter(
        lambda d: d.day <= 28
    ),
    st.integers(min_value=-1200, max_value=1200),
)
def test_add_months_round_trips_when_no_clamping_happens(day: date, months: int) -> None:
    assert add_months(add_months(day, months), -months) == day
