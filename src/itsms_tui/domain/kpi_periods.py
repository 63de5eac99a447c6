"""KPI results per reporting period: aggregation, met/missed, share on target, trend.

Reports, scorecards and charts judge a KPI by calendar period (a month or a quarter),
not by single measurements:

- every measurement falls in the period that contains its ``measured_on``;
- a period's value aggregates its measurements (the mean by default; ``latest`` or
  ``worst`` by direction on request);
- a period with a value is MET when that value is on target (``rag_status`` GREEN) and
  MISSED otherwise; a period without any measurement is NOT MEASURED, which counts
  neither way in the share on target (it is a finding of its own: a missing reading),
  or OPEN when it had not ended on the day judged (its reading is not due yet);
- the trend over the last N periods is ``kpi_status.trend`` on the measurements that
  fall in those periods.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from itsms_tui.domain.enums import Direction, Frequency, KpiStatus
from itsms_tui.domain.kpi_status import Trend, measurements_of, rag_status, trend
from itsms_tui.domain.kpis import Kpi, Measurement


class PeriodKind(StrEnum):
    """The length of a reporting period."""

    MONTH = "month"
    QUARTER = "quarter"


class Aggregation(StrEnum):
    """How a period's measurements become the period's value."""

    MEAN = "mean"
    LATEST = "latest"
    WORST = "worst"


class Outcome(StrEnum):
    """A period's result against the KPI's target."""

    MET = "met"
    MISSED = "missed"
    NOT_MEASURED = "not measured"
    OPEN = "period not over"


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One calendar month or quarter; ``index`` is the month (1-12) or quarter (1-4)."""

    year: int
    index: int
    kind: PeriodKind

    @property
    def months(self) -> int:
        return 3 if self.kind is PeriodKind.QUARTER else 1

    @property
    def start(self) -> date:
        first_month = (self.index - 1) * 3 + 1 if self.kind is PeriodKind.QUARTER else self.index
        return date(self.year, first_month, 1)

    @property
    def end(self) -> date:
        """The last day of the period."""
        return self.next().start - timedelta(days=1)

    @property
    def label(self) -> str:
        """``2026-05`` for a month, ``2026-Q2`` for a quarter."""
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    def next(self) -> Period:
        last = 4 if self.kind is PeriodKind.QUARTER else 12
        if self.index == last:
            return Period(self.year + 1, 1, self.kind)
        return Period(self.year, self.index + 1, self.kind)

    def contains(self, day: date) -> bool:
        return period_of(day, self.kind) == self


def period_kind(frequency: Frequency) -> PeriodKind:
    """Quarterly and yearly KPIs are judged by quarter, the others by month."""
    if frequency in (Frequency.QUARTERLY, Frequency.YEARLY):
        return PeriodKind.QUARTER
    return PeriodKind.MONTH


def in_last_periods(
    measurements: Sequence[Measurement], until: date, count: int | None, kind: PeriodKind
) -> list[Measurement]:
    """The measurements dated in the last ``count`` periods up to ``until`` (every one up to
    ``until`` when ``count`` is None), in the order given."""
    if count is None:
        return [m for m in measurements if m.measured_on <= until]
    periods = last_periods(until, count, kind)
    if not periods:
        return []
    first = periods[0].start
    return [m for m in measurements if first <= m.measured_on <= until]


def period_of(day: date, kind: PeriodKind) -> Period:
    """The month or quarter that contains ``day``."""
    if kind is PeriodKind.QUARTER:
        return Period(day.year, (day.month - 1) // 3 + 1, kind)
    return Period(day.year, day.month, kind)


def periods_between(first: date, last: date, kind: PeriodKind) -> list[Period]:
    """Every period from the one holding ``first`` to the one holding ``last``, in order
    (empty when ``last`` is before ``first``)."""
    if last < first:
        return []
    current, final = period_of(first, kind), period_of(last, kind)
    out = [current]
    while current != final:
        current = current.next()
        out.append(current)
    return out


def last_periods(until: date, count: int, kind: PeriodKind) -> list[Period]:
    """The ``count`` periods ending with the one holding ``until``, oldest first."""
    if count <= 0:
        return []
    out = [period_of(until, kind)]
    while len(out) < count:
        previous = out[0]
        day_before = previous.start - timedelta(days=1)
        out.insert(0, period_of(day_before, kind))
    return out


@dataclass(frozen=True, slots=True)
class PeriodResult:
    """A KPI's result in one period."""

    period: Period
    count: int
    """How many measurements fell in the period."""
    value: float | None
    """The aggregated value; None when nothing was measured."""
    status: KpiStatus
    """RAG of ``value``; GREY when nothing was measured."""
    open: bool = False
    """The period had not ended on the day judged."""

    @property
    def outcome(self) -> Outcome:
        if self.value is None:
            return Outcome.OPEN if self.open else Outcome.NOT_MEASURED
        return Outcome.MET if self.status is KpiStatus.GREEN else Outcome.MISSED

    @property
    def met(self) -> bool | None:
        """True met, False missed, None not measured."""
        if self.value is None:
            return None
        return self.status is KpiStatus.GREEN


def aggregate(direction: Direction, values: Sequence[float], how: Aggregation) -> float | None:
    """One value for a period's ``values`` (in measurement order); None for no values."""
    if not values:
        return None
    if how is Aggregation.LATEST:
        return values[-1]
    if how is Aggregation.WORST:
        return min(values) if direction is Direction.HIGHER_IS_BETTER else max(values)
    return sum(values) / len(values)


def period_results(
    kpi: Kpi,
    measurements: Iterable[Measurement],
    periods: Sequence[Period],
    how: Aggregation = Aggregation.MEAN,
    until: date | None = None,
) -> list[PeriodResult]:
    """The KPI's result in each of ``periods`` (others' measurements are ignored), judged
    on ``until``: a period ending on or after it is open."""
    by_period: dict[Period, list[float]] = {p: [] for p in periods}
    kinds = {p.kind for p in periods}
    for m in measurements_of(kpi, measurements):
        for kind in kinds:
            bucket = by_period.get(period_of(m.measured_on, kind))
            if bucket is not None:
                bucket.append(m.value)
    out: list[PeriodResult] = []
    for period in periods:
        values = by_period[period]
        value = aggregate(kpi.direction, values, how)
        status = KpiStatus.GREY if value is None else rag_status(kpi, value)
        still_open = until is not None and period.end >= until
        out.append(PeriodResult(period, len(values), value, status, still_open))
    return out


def kpi_period_results(
    kpi: Kpi,
    measurements: Iterable[Measurement],
    kind: PeriodKind,
    until: date,
    last: int | None = None,
    how: Aggregation = Aggregation.MEAN,
) -> list[PeriodResult]:
    """Results for the last ``last`` periods up to ``until`` (the one holding ``until`` is
    open); with ``last`` None, every period from the first measurement (none when the KPI
    was never measured)."""
    own = measurements_of(kpi, measurements)
    if last is None:
        if not own:
            return []
        periods = periods_between(own[0].measured_on, until, kind)
    else:
        periods = last_periods(until, last, kind)
    return period_results(kpi, own, periods, how, until)


def share_on_target(results: Iterable[PeriodResult]) -> float | None:
    """Percentage (0-100) of the measured periods that met the target; None when no
    period was measured."""
    judged = [r.met for r in results if r.met is not None]
    if not judged:
        return None
    return 100.0 * sum(judged) / len(judged)


def counts(results: Iterable[PeriodResult]) -> dict[Outcome, int]:
    """How many periods were met, missed and not measured."""
    out = dict.fromkeys(Outcome, 0)
    for r in results:
        out[r.outcome] += 1
    return out


def period_trend(kpi: Kpi, measurements: Iterable[Measurement], periods: Sequence[Period]) -> Trend:
    """``kpi_status.trend`` over the measurements that fall in ``periods``."""
    if not periods:
        return Trend.UNKNOWN
    first, last = periods[0].start, periods[-1].end
    inside = [m for m in measurements_of(kpi, measurements) if first <= m.measured_on <= last]
    if len(inside) < 2:
        return Trend.UNKNOWN
    return trend(kpi, inside, window=len(inside))
