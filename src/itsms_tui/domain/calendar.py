"""Calendar arithmetic shared by the rules: months with end-of-month clamping, KPI periods.

Month steps are always taken from an *origin* date, never chained: ``add_months(jan31, 2)``
is Mar 31, whereas adding one month twice would drift to Mar 28. Rules that step through
periods (contract renewals, KPI due dates, review schedules) therefore compute
``add_months(origin, k * n)`` for the k-th step.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date, timedelta

from itsms_tui.domain.enums import Frequency

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

FREQUENCY_DAYS: dict[Frequency, int] = {Frequency.DAILY: 1, Frequency.WEEKLY: 7}
"""Frequencies measured in days."""

FREQUENCY_MONTHS: dict[Frequency, int] = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.YEARLY: 12,
}
"""Frequencies measured in calendar months (end-of-month safe through ``add_months``)."""


def is_leap_year(year: int) -> bool:
    """Gregorian leap year."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` (1-12) of ``year``."""
    if month == 2 and is_leap_year(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months (negative goes back), clamped to month end.

    Jan 31 + 1 month is Feb 28 (Feb 29 in a leap year); Feb 29 + 12 months is Feb 28.
    Raises OverflowError only when the result falls outside the years 1-9999.
    """
    total = day.year * 12 + (day.month - 1) + months
    year, month_index = divmod(total, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"{day} plus {months} months is outside the supported years")
    month = month_index + 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def period_after(day: date, frequency: Frequency) -> date:
    """The date one ``frequency`` period after ``day`` (a KPI's next measurement is due then).

    Daily and weekly add 1 and 7 days; monthly, quarterly and yearly add 1, 3 and 12
    calendar months with end-of-month clamping (Jan 31 monthly -> Feb 28/29).
    """
    if frequency in FREQUENCY_DAYS:
        return day + timedelta(days=FREQUENCY_DAYS[frequency])
    return add_months(day, FREQUENCY_MONTHS[frequency])
