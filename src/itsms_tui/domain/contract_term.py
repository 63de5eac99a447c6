"""Contract term dates: the current term, renewals so far and the cancel-by date.

Conventions (the checker, the agreement screens and exports all rely on them):

- The initial term runs from ``start_date`` to ``end_date``, both inclusive.
- A renewal term is ``renewal_months`` long. Term boundaries are anniversaries of the
  day after ``end_date`` (the *anchor*): renewal term k (k >= 1) runs from
  ``add_months(anchor, (k-1)*n)`` to ``add_months(anchor, k*n) - 1 day``. They are never
  chained month by month, so month ends and leap days do not drift: a term ending Jan 31
  with monthly renewals is followed by terms ending Feb 28/29, Mar 31, Apr 30; a term ending
  Feb 29 renews to Feb 28 and comes back to Feb 29 in the next leap year.
- The term *containing today* is the one whose end is the first on or after today (today
  on a term's last day is still in that term; before ``start_date`` it is the initial term).
- The cancel-by date of a term is its last day minus the notice period: the *last* day on
  which notice can still be given. ``notice_days`` counts days, or calendar months when
  ``notice_unit`` is months ("3 months' notice": see ``notice_deadline``). On the cancel-by day itself notice is still possible;
  from the day after, it has passed.
- tacit: the agreement renews at the end of every term unless notice was given. The
  actionable ``cancel_by`` is that of the current term, or once it has passed, of the first
  later term whose cancel-by is still today or later (with a notice period longer than a
  renewal term, that can be several terms ahead). A tacit agreement never expires here;
  ending it is a status change, not a date rule.
- express: the term ends on ``end_date`` unless both parties sign a renewal; ``cancel_by``
  is ``end_date - notice_days``, the day by which to start renewing or exiting, and stays
  fixed (``days_to_cancel_by`` goes negative once it has passed).
- none: expiry only; there is no cancel-by.
- Missing data never raises: no ``end_date`` is an open-ended agreement (no term end, no
  cancel-by, never expired); no ``notice_days`` means the cancel-by is unknown (None);
  a tacit renewal without a renewal period (refused by the model) is treated like express.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from itsms_tui.domain.calendar import add_months
from itsms_tui.domain.enums import NoticeUnit, Renewal

ONE_DAY = timedelta(days=1)


class HasTerm(Protocol):
    """The term fields of an agreement; ``Agreement`` and ``TermFields`` both fit."""

    @property
    def start_date(self) -> date | None: ...

    @property
    def end_date(self) -> date | None: ...

    @property
    def renewal(self) -> Renewal: ...

    @property
    def renewal_months(self) -> int | None: ...

    @property
    def notice_days(self) -> int | None: ...
    @property
    def notice_unit(self) -> NoticeUnit: ...


@dataclass(frozen=True, slots=True)
class TermFields:
    """Term fields without an Agreement, e.g. to preview dates while a form is being filled."""

    start_date: date | None = None
    end_date: date | None = None
    renewal: Renewal = Renewal.NONE
    renewal_months: int | None = None
    notice_days: int | None = None
    notice_unit: NoticeUnit = NoticeUnit.DAYS


@dataclass(frozen=True, slots=True)
class TermDates:
    """Where an agreement stands in its term on a given day."""

    renewal: Renewal
    term_start: date | None
    """First day of the term containing today (``start_date`` for the initial term)."""
    term_end: date | None
    """Last day of the term containing today; None when open-ended."""
    renewals_so_far: int
    """How many times a tacit agreement has renewed by today (0 in the initial term)."""
    current_term_cancel_by: date | None
    """Cancel-by of the term containing today, even if it has passed."""
    cancel_by: date | None
    """Last day to give notice that still takes effect (see the module conventions)."""
    days_to_cancel_by: int | None
    """``cancel_by - today`` in days; negative only for a passed express cancel-by."""
    earliest_end: date | None
    """Last day of the agreement if notice is given by ``cancel_by`` (tacit), else ``end_date``."""
    expired: bool
    """Today is after the end of a term that does not renew by itself (none, express)."""
    cancel_by_passed_for_current_term: bool
    """The current term's cancel-by is before today: a tacit agreement will renew."""

    @property
    def open_ended(self) -> bool:
        """No end date: nothing to renew, cancel or expire."""
        return self.term_end is None


def renewal_term_end(end_date: date, renewal_months: int, renewals: int) -> date:
    """Last day of the term after ``renewals`` renewals (0: the initial term, ``end_date``)."""
    if renewals <= 0:
        return end_date
    return add_months(end_date + ONE_DAY, renewals * renewal_months) - ONE_DAY


def renewal_term_start(
    start_date: date | None, end_date: date, renewal_months: int, renewals: int
) -> date | None:
    """First day of the term after ``renewals`` renewals (0: ``start_date``, maybe unknown)."""
    if renewals <= 0:
        return start_date
    return add_months(end_date + ONE_DAY, (renewals - 1) * renewal_months)


def _renewals_until(end_date: date, renewal_months: int, today: date) -> int:
    """Index of the term containing ``today``: the first whose end is on or after it."""
    if today <= end_date:
        return 0
    anchor = end_date + ONE_DAY
    elapsed = (today.year - anchor.year) * 12 + today.month - anchor.month
    k = max(1, elapsed // renewal_months + 1)
    while renewal_term_end(end_date, renewal_months, k) < today:
        k += 1
    while k > 1 and renewal_term_end(end_date, renewal_months, k - 1) >= today:
        k -= 1
    return k


def _minus_days(day: date, days: int | None) -> date | None:
    if days is None:
        return None
    try:
        return day - timedelta(days=days)
    except OverflowError:
        return None


def notice_deadline(term: HasTerm, term_end: date) -> date | None:
    """The last day to give notice that ends a term on ``term_end``; None when not set.

    Days: ``term_end - notice``. Months: calendar months back from the day after the term,
    less a day (3 months before a term ending Jan 31 is Oct 31; before Feb 28, Nov 30),
    the anniversary convention the renewal terms use.
    """
    count = term.notice_days
    if count is None:
        return None
    if term.notice_unit is NoticeUnit.MONTHS:
        try:
            return add_months(term_end + ONE_DAY, -count) - ONE_DAY
        except OverflowError:
            return None
    return _minus_days(term_end, count)


def _days_from(today: date, day: date | None) -> int | None:
    return None if day is None else (day - today).days


def term_dates(term: HasTerm, today: date) -> TermDates:
    """The term containing ``today``, its cancel-by and expiry, under the module conventions."""
    end = term.end_date
    months = term.renewal_months
    if end is None:
        return TermDates(
            renewal=term.renewal,
            term_start=term.start_date,
            term_end=None,
            renewals_so_far=0,
            current_term_cancel_by=None,
            cancel_by=None,
            days_to_cancel_by=None,
            earliest_end=None,
            expired=False,
            cancel_by_passed_for_current_term=False,
        )
    if term.renewal is not Renewal.TACIT or months is None or months < 1:
        return _fixed_term(term, end, today)
    try:
        k = _renewals_until(end, months, today)
        term_end = renewal_term_end(end, months, k)
        term_start = renewal_term_start(term.start_date, end, months, k)
    except OverflowError:  # a term reaching past year 9999: treat as the last term
        return _fixed_term(term, end, today)
    current = notice_deadline(term, term_end)
    cancel_by, earliest_end = current, term_end if current is not None else None
    try:
        j = k
        while cancel_by is not None and cancel_by < today:
            j += 1
            earliest_end = renewal_term_end(end, months, j)
            cancel_by = notice_deadline(term, earliest_end)
    except OverflowError:
        cancel_by = earliest_end = None
    return TermDates(
        renewal=term.renewal,
        term_start=term_start,
        term_end=term_end,
        renewals_so_far=k,
        current_term_cancel_by=current,
        cancel_by=cancel_by,
        days_to_cancel_by=_days_from(today, cancel_by),
        earliest_end=earliest_end,
        expired=False,
        cancel_by_passed_for_current_term=current is not None and current < today,
    )


def _fixed_term(term: HasTerm, end: date, today: date) -> TermDates:
    """A term that ends on ``end`` unless someone acts: express (cancel-by) or none."""
    cancel_by = None if term.renewal is Renewal.NONE else notice_deadline(term, end)
    return TermDates(
        renewal=term.renewal,
        term_start=term.start_date,
        term_end=end,
        renewals_so_far=0,
        current_term_cancel_by=cancel_by,
        cancel_by=cancel_by,
        days_to_cancel_by=_days_from(today, cancel_by),
        earliest_end=end,
        expired=today > end,
        cancel_by_passed_for_current_term=cancel_by is not None and cancel_by < today,
    )


def current_term_end(term: HasTerm, today: date) -> date | None:
    """End of the term containing today (tacit rolls forward); ``end_date`` otherwise."""
    return term_dates(term, today).term_end


def cancel_by_date(term: HasTerm, today: date) -> date | None:
    """The last day on which notice still takes effect; None for no renewal or unknown."""
    return term_dates(term, today).cancel_by
