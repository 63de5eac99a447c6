"""Contract term dates: renewals, cancel-by and expiry, as the agreement screens show them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.contract_term import (
    TermFields,
    cancel_by_date,
    current_term_end,
    renewal_term_end,
    renewal_term_start,
    term_dates,
)
from itsms_tui.domain.enums import Renewal


def tacit(end: date, months: int, notice: int | None = 90, start: date | None = None) -> TermFields:
    return TermFields(
        start_date=start,
        end_date=end,
        renewal=Renewal.TACIT,
        renewal_months=months,
        notice_days=notice,
    )


# --- renewal term boundaries -------------------------------------------------------------


def test_month_end_term_renews_monthly_to_each_month_end() -> None:
    ends = [renewal_term_end(date(2023, 1, 31), 1, k) for k in range(1, 15)]
    assert ends == [
        date(2023, 2, 28),
        date(2023, 3, 31),
        date(2023, 4, 30),
        date(2023, 5, 31),
        date(2023, 6, 30),
        date(2023, 7, 31),
        date(2023, 8, 31),
        date(2023, 9, 30),
        date(2023, 10, 31),
        date(2023, 11, 30),
        date(2023, 12, 31),
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
    ]


def test_leap_day_term_renews_to_feb_28_and_back_to_feb_29_in_a_leap_year() -> None:
    ends = [renewal_term_end(date(2024, 2, 29), 12, k) for k in range(0, 5)]
    assert ends == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]


def test_term_ending_feb_28_renews_to_the_last_day_of_february() -> None:
    assert renewal_term_end(date(2023, 2, 28), 12, 1) == date(2024, 2, 29)


def test_renewal_terms_follow_each_other_without_gap_or_overlap() -> None:
    end = date(2023, 1, 30)
    for k in range(0, 40):
        next_start = renewal_term_start(None, end, 1, k + 1)
        assert next_start == renewal_term_end(end, 1, k) + timedelta(days=1)


def test_initial_term_starts_on_start_date() -> None:
    assert renewal_term_start(date(2023, 2, 1), date(2024, 1, 31), 12, 0) == date(2023, 2, 1)
    assert renewal_term_start(None, date(2024, 1, 31), 12, 0) is None


# --- tacit renewal -------------------------------------------------------------------------


def test_tacit_term_rolls_forward_over_many_years() -> None:
    term = tacit(date(2021, 6, 30), 12, start=date(2020, 7, 1))
    dates = term_dates(term, date(2035, 8, 15))
    assert dates.renewals_so_far == 15
    assert dates.term_start == date(2035, 7, 1)
    assert dates.term_end == date(2036, 6, 30)
    assert dates.expired is False


def test_tacit_before_and_during_the_initial_term() -> None:
    term = tacit(date(2025, 12, 31), 12, start=date(2025, 1, 1))
    before = term_dates(term, date(2024, 11, 1))
    assert (before.renewals_so_far, before.term_start, before.term_end) == (
        0,
        date(2025, 1, 1),
        date(2025, 12, 31),
    )


def test_today_on_the_cancel_by_day_can_still_give_notice() -> None:
    term = tacit(date(2025, 12, 31), 12, notice=90)
    on = term_dates(term, date(2025, 10, 2))
    assert on.cancel_by == date(2025, 10, 2)
    assert on.days_to_cancel_by == 0
    assert on.cancel_by_passed_for_current_term is False
    assert on.earliest_end == date(2025, 12, 31)


def test_day_after_cancel_by_moves_to_the_next_terms_cancel_by() -> None:
    term = tacit(date(2025, 12, 31), 12, notice=90)
    after = term_dates(term, date(2025, 10, 3))
    assert after.term_end == date(2025, 12, 31)
    assert after.renewals_so_far == 0
    assert after.cancel_by_passed_for_current_term is True
    assert after.current_term_cancel_by == date(2025, 10, 2)
    assert after.cancel_by == date(2026, 10, 2)
    assert after.earliest_end == date(2026, 12, 31)
    assert after.days_to_cancel_by == 364


def test_today_on_term_end_is_still_in_that_term_and_the_day_after_is_renewed() -> None:
    term = tacit(date(2025, 12, 31), 12, notice=90)
    on_end = term_dates(term, date(2025, 12, 31))
    assert (on_end.term_end, on_end.renewals_so_far) == (date(2025, 12, 31), 0)
    next_day = term_dates(term, date(2026, 1, 1))
    assert next_day.renewals_so_far == 1
    assert (next_day.term_start, next_day.term_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert next_day.cancel_by == date(2026, 10, 2)
    assert next_day.cancel_by_passed_for_current_term is False


def test_notice_longer_than_a_renewal_term_skips_to_the_first_reachable_term() -> None:
    # Monthly renewals, 90 days' notice: on Jan 10 the terms ending Jan 31, Feb 29 and
    # Mar 31 can no longer be stopped; notice by Jan 31 ends the agreement on Apr 30.
    term = tacit(date(2024, 1, 31), 1, notice=90)
    dates = term_dates(term, date(2024, 1, 10))
    assert dates.term_end == date(2024, 1, 31)
    assert dates.current_term_cancel_by == date(2023, 11, 2)
    assert dates.cancel_by_passed_for_current_term is True
    assert dates.cancel_by == date(2024, 1, 31)
    assert dates.earliest_end == date(2024, 4, 30)
    assert dates.days_to_cancel_by == 21


def test_zero_notice_allows_notice_on_the_last_day_of_the_term() -> None:
    term = tacit(date(2024, 6, 30), 1, notice=0)
    on_end = term_dates(term, date(2024, 6, 30))
    assert on_end.cancel_by == date(2024, 6, 30)
    assert on_end.days_to_cancel_by == 0
    assert on_end.cancel_by_passed_for_current_term is False
    next_day = term_dates(term, date(2024, 7, 1))
    assert next_day.cancel_by == next_day.term_end == date(2024, 7, 31)


def test_tacit_without_notice_period_has_unknown_cancel_by_but_still_rolls() -> None:
    dates = term_dates(tacit(date(2024, 6, 30), 6, notice=None), date(2025, 1, 5))
    assert dates.term_end == date(2025, 6, 30)
    assert dates.cancel_by is None
    assert dates.days_to_cancel_by is None
    assert dates.earliest_end is None
    assert dates.cancel_by_passed_for_current_term is False


def test_tacit_without_renewal_period_is_treated_like_express() -> None:
    term = TermFields(end_date=date(2024, 6, 30), renewal=Renewal.TACIT, notice_days=30)
    dates = term_dates(term, date(2024, 8, 1))
    assert dates.term_end == date(2024, 6, 30)
    assert dates.expired is True
    assert dates.cancel_by == date(2024, 5, 31)


# --- express and none --------------------------------------------------------------------


def test_express_cancel_by_is_the_day_to_start_renewal_or_exit_and_stays_fixed() -> None:
    term = TermFields(end_date=date(2025, 6, 30), renewal=Renewal.EXPRESS, notice_days=60)
    early = term_dates(term, date(2025, 4, 1))
    assert early.cancel_by == date(2025, 5, 1)
    assert early.days_to_cancel_by == 30
    assert (early.cancel_by_passed_for_current_term, early.expired) == (False, False)
    late = term_dates(term, date(2025, 5, 2))
    assert late.cancel_by == date(2025, 5, 1)
    assert late.days_to_cancel_by == -1
    assert (late.cancel_by_passed_for_current_term, late.expired) == (True, False)
    on_end = term_dates(term, date(2025, 6, 30))
    assert on_end.expired is False
    assert term_dates(term, date(2025, 7, 1)).expired is True


def test_express_never_rolls_even_with_a_renewal_period() -> None:
    term = TermFields(
        end_date=date(2025, 6, 30), renewal=Renewal.EXPRESS, renewal_months=12, notice_days=30
    )
    dates = term_dates(term, date(2027, 1, 1))
    assert (dates.term_end, dates.renewals_so_far, dates.expired) == (date(2025, 6, 30), 0, True)


def test_no_renewal_has_no_cancel_by_and_expires_after_end_date() -> None:
    term = TermFields(start_date=date(2024, 1, 1), end_date=date(2024, 12, 31), notice_days=30)
    during = term_dates(term, date(2024, 12, 31))
    assert during.cancel_by is None and during.days_to_cancel_by is None
    assert during.cancel_by_passed_for_current_term is False
    assert (during.term_end, during.earliest_end, during.expired) == (
        date(2024, 12, 31),
        date(2024, 12, 31),
        False,
    )
    assert term_dates(term, date(2025, 1, 1)).expired is True


@pytest.mark.parametrize("renewal", list(Renewal))
def test_open_ended_agreement_has_no_term_dates_and_never_expires(renewal: Renewal) -> None:
    term = TermFields(
        start_date=date(2020, 1, 1), renewal=renewal, renewal_months=12, notice_days=90
    )
    dates = term_dates(term, date(2030, 1, 1))
    assert dates.open_ended
    assert dates.term_start == date(2020, 1, 1)
    assert dates.term_end is None and dates.cancel_by is None and dates.earliest_end is None
    assert dates.expired is False and dates.cancel_by_passed_for_current_term is False


def test_wrappers_and_agreements_work_directly() -> None:
    agreement = Agreement(
        title="Hosting",
        start_date=date(2023, 1, 1),
        end_date=date(2023, 12, 31),
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=30,
    )
    today = date(2024, 12, 15)
    assert current_term_end(agreement, today) == date(2024, 12, 31)
    assert cancel_by_date(agreement, today) == date(2025, 12, 1)
    assert term_dates(agreement, today).cancel_by_passed_for_current_term is True


def test_terms_reaching_year_9999_do_not_crash() -> None:
    near_end = tacit(date(9999, 12, 30), 1, notice=30)
    dates = term_dates(near_end, date(9999, 12, 31))
    assert dates.term_end == date(9999, 12, 30)
    rolling = term_dates(tacit(date(9999, 12, 31), 1, notice=30), date(9999, 12, 15))
    assert rolling.term_end == date(9999, 12, 31)
    assert rolling.cancel_by is None
    assert (
        term_dates(tacit(date(1, 1, 5), 1, notice=30), date(1, 1, 1)).current_term_cancel_by is None
    )


# --- properties --------------------------------------------------------------------------

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(
    end=days,
    months=st.integers(min_value=1, max_value=36),
    notice=st.integers(min_value=0, max_value=800),
    offset=st.integers(min_value=-400, max_value=8000),
)
def test_tacit_term_contains_today_and_cancel_by_is_reachable(
    end: date, months: int, notice: int, offset: int
) -> None:
    today = end + timedelta(days=offset)
    dates = term_dates(tacit(end, months, notice=notice), today)
    assert dates.term_end is not None and dates.cancel_by is not None
    assert dates.earliest_end is not None and dates.current_term_cancel_by is not None
    assert dates.term_end >= today
    if dates.renewals_so_far:
        assert dates.term_start is not None and dates.term_start <= today
        assert renewal_term_end(end, months, dates.renewals_so_far - 1) < today
    assert today <= dates.cancel_by <= dates.earliest_end
    assert dates.current_term_cancel_by <= dates.term_end <= dates.earliest_end
    assert dates.days_to_cancel_by is not None and dates.days_to_cancel_by >= 0
    assert dates.cancel_by_passed_for_current_term == (dates.current_term_cancel_by < today)
    assert dates.expired is False


@given(
    end=days,
    renewal=st.sampled_from([Renewal.EXPRESS, Renewal.NONE]),
    notice=st.integers(min_value=0, max_value=800),
    offset=st.integers(min_value=-800, max_value=800),
)
def test_fixed_terms_cancel_by_never_after_term_end(
    end: date, renewal: Renewal, notice: int, offset: int
) -> None:
    today = end + timedelta(days=offset)
    dates = term_dates(TermFields(end_date=end, renewal=renewal, notice_days=notice), today)
    assert dates.term_end == end
    assert dates.expired == (today > end)
    if dates.cancel_by is not None:
        assert dates.cancel_by <= end


# --- notice in calendar months ----------------------------------------------------------


def test_three_months_notice_is_counted_in_calendar_months_not_ninety_days() -> None:
    from itsms_tui.domain.enums import NoticeUnit

    months = TermFields(
        end_date=date(2026, 1, 31),
        renewal=Renewal.EXPRESS,
        notice_days=3,
        notice_unit=NoticeUnit.MONTHS,
    )
    assert term_dates(months, date(2025, 6, 1)).cancel_by == date(2025, 10, 31)
    days = TermFields(end_date=date(2026, 1, 31), renewal=Renewal.EXPRESS, notice_days=90)
    assert term_dates(days, date(2025, 6, 1)).cancel_by == date(2025, 11, 2)


def test_months_notice_on_a_month_end_term_and_tacit_renewals() -> None:
    from itsms_tui.domain.enums import NoticeUnit

    term = TermFields(
        end_date=date(2025, 2, 28),
        renewal=Renewal.TACIT,
        renewal_months=12,
        notice_days=1,
        notice_unit=NoticeUnit.MONTHS,
    )
    # the notice month ends on the last day of the term: given by 31 January
    assert term_dates(term, date(2025, 1, 1)).cancel_by == date(2025, 1, 31)
    # next term ends 2026-02-28: by 2026-01-31
    assert term_dates(term, date(2025, 3, 1)).cancel_by == date(2026, 1, 31)
