"""KPI status: direction-aware red/amber/green, freshness (grey when overdue) and trend.

- higher is better: value >= target is green, >= warning amber, else red;
  lower is better: value <= target green, <= warning amber, else red.
- The next measurement is due one frequency period after the latest ``measured_on``
  (``period_after``: month-end safe). It is overdue once today is more than
  ``grace_days`` after that due date; the due day plus the grace days are still on time.
- A KPI with no measurement, or whose latest one is overdue, is GREY: there is nothing
  recent enough to judge. ``value_status`` keeps the RAG of the latest value regardless.
- Grace: ``grace_days`` after the due date, but at most ``grace_fraction`` of the period
  (``period_grace``), so a daily KPI gets none and a monthly one a week.
- Trend: the least-squares slope of the latest values (``trend``), not first against last.
- "Latest" is the measurement with the greatest ``measured_on``; on the same day, the one
  recorded last (``created_at``, then id) wins.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from itsms_tui.domain.calendar import period_after
from itsms_tui.domain.dataset import Changes, DataSet
from itsms_tui.domain.enums import Direction, Frequency, KpiStatus
from itsms_tui.domain.kpis import Kpi, Measurement

DEFAULT_GRACE_DAYS = 7
DEFAULT_GRACE_FRACTION = 0.25
"""Grace after a due date as a share of the KPI's period: a quarter of a month is 7 days,
of a day none (a daily KPI missed yesterday is late today)."""


class Thresholds(Protocol):
    """What a RAG judgement needs; a ``Kpi`` fits."""

    @property
    def direction(self) -> Direction: ...

    @property
    def target(self) -> float: ...

    @property
    def warning(self) -> float: ...


class Trend(StrEnum):
    """Direction-aware movement of the recent measurements."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    STEADY = "steady"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class KpiReading:
    """A KPI's latest value and what it means today."""

    kpi_id: str
    value: float | None
    """Latest measured value; None when never measured."""
    measured_on: date | None
    measurement_id: str | None
    status: KpiStatus
    """RAG of the latest value, or GREY when never measured or overdue."""
    value_status: KpiStatus
    """RAG of the latest value ignoring freshness (GREY only when never measured)."""
    next_due: date | None
    """When the next measurement is due (before grace); None when never measured."""
    overdue: bool
    """The latest measurement is older than one period plus the grace days."""

    @property
    def never_measured(self) -> bool:
        return self.measured_on is None


def rag_status(kpi: Thresholds, value: float) -> KpiStatus:
    """GREEN, AMBER or RED for ``value`` against the KPI's target and warning, by direction."""
    if kpi.direction is Direction.LOWER_IS_BETTER:
        if value <= kpi.target:
            return KpiStatus.GREEN
        return KpiStatus.AMBER if value <= kpi.warning else KpiStatus.RED
    if value >= kpi.target:
        return KpiStatus.GREEN
    return KpiStatus.AMBER if value >= kpi.warning else KpiStatus.RED


def _order_key(m: Measurement) -> tuple[date, datetime, int, str]:
    return (m.measured_on, m.created_at, len(m.id), m.id)


def measurements_of(kpi: Kpi, measurements: Iterable[Measurement]) -> list[Measurement]:
    """This KPI's measurements (others ignored), oldest first."""
    return sorted((m for m in measurements if m.kpi_id == kpi.id), key=_order_key)


def next_measurement_due(measured_on: date, frequency: Frequency) -> date:
    """The day the measurement after one taken on ``measured_on`` is due."""
    return period_after(measured_on, frequency)


def is_overdue(next_due: date, today: date, grace_days: int = DEFAULT_GRACE_DAYS) -> bool:
    """True once ``today`` is more than ``grace_days`` after ``next_due``."""
    return today > next_due + timedelta(days=grace_days)


def period_grace(
    period_start: date, next_due: date, grace_days: int, grace_fraction: float | None = None
) -> int:
    """Grace days after ``next_due``: ``grace_days``, but at most ``grace_fraction`` of the
    period from ``period_start`` to ``next_due`` (rounded down; None: no such limit)."""
    if grace_fraction is None:
        return grace_days
    period = max((next_due - period_start).days, 0)
    return max(0, min(grace_days, int(period * grace_fraction)))


def kpi_status(
    kpi: Kpi,
    measurements: Iterable[Measurement],
    today: date,
    grace_days: int = DEFAULT_GRACE_DAYS,
    grace_fraction: float | None = None,
) -> KpiReading:
    """The reading of ``kpi`` on ``today`` from its measurements (others are ignored).

    The grace after the due date is ``period_grace``: ``grace_days`` at most, and at most
    ``grace_fraction`` of the period (None: the flat days whatever the period).
    """
    latest = max((m for m in measurements if m.kpi_id == kpi.id), key=_order_key, default=None)
    if latest is None:
        return KpiReading(
            kpi_id=kpi.id,
            value=None,
            measured_on=None,
            measurement_id=None,
            status=KpiStatus.GREY,
            value_status=KpiStatus.GREY,
            next_due=None,
            overdue=False,
        )
    value_status = rag_status(kpi, latest.value)
    try:
        next_due: date | None = next_measurement_due(latest.measured_on, kpi.frequency)
    except OverflowError:  # measured in year 9999: never due again
        next_due = None
    overdue = next_due is not None and is_overdue(
        next_due, today, period_grace(latest.measured_on, next_due, grace_days, grace_fraction)
    )
    return KpiReading(
        kpi_id=kpi.id,
        value=latest.value,
        measured_on=latest.measured_on,
        measurement_id=latest.id or None,
        status=KpiStatus.GREY if overdue else value_status,
        value_status=value_status,
        next_due=next_due,
        overdue=overdue,
    )


def kpi_readings(
    data: DataSet,
    today: date,
    grace_days: int = DEFAULT_GRACE_DAYS,
    grace_fraction: float | None = None,
) -> dict[str, KpiReading]:
    """Every KPI's reading, by KPI id (one pass over the measurements).

    Computed once per data set, day and grace period (several rules and screens ask for
    it); the result is shared, so callers must not modify it.
    """

    def compute() -> dict[str, KpiReading]:
        by_kpi = data.grouped(Measurement, "kpi_id")
        return {
            k.id: kpi_status(k, by_kpi.get(k.id, ()), today, grace_days, grace_fraction)
            for k in data.all(Kpi)
        }

    def update(
        readings: dict[str, KpiReading], new: DataSet, changes: Changes
    ) -> dict[str, KpiReading]:
        """After a save: the readings of the KPIs it touched, or whose measurements it
        touched, read again; the others kept."""
        touched = {
            record.id
            for pair in changes.get(Kpi.collection, ())
            for record in pair
            if record is not None
        }
        touched.update(
            record.kpi_id
            for pair in changes.get(Measurement.collection, ())
            for record in pair
            if isinstance(record, Measurement)
        )
        out = dict(readings)
        for kpi_id in touched:
            kpi = new.get_as(Kpi, kpi_id)
            if kpi is None:
                out.pop(kpi_id, None)
            else:
                measurements = new.referring(kpi_id, Measurement)
                out[kpi_id] = kpi_status(kpi, measurements, today, grace_days, grace_fraction)
        if out.keys() != readings.keys():
            out = {kpi_id: out[kpi_id] for kpi_id in sorted(out)}  # in id order, as computed
        return out

    return data.derived(
        ("kpi_readings", today, grace_days, grace_fraction),
        compute,
        depends=(Kpi.collection, Measurement.collection),
        update=update,
    )


def least_squares_slope(values: Sequence[float]) -> tuple[float, float]:
    """(slope per step, its standard error) of the line fitted to ``values`` at 0, 1, 2...

    The standard error is 0.0 with two values (the line goes through both); at least two
    values are needed.
    """
    n = len(values)
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    sxx = sum((i - mean_x) ** 2 for i in range(n))
    slope = sum((i - mean_x) * (y - mean_y) for i, y in enumerate(values)) / sxx
    if n < 3:
        return slope, 0.0
    residuals = sum((y - (mean_y + slope * (i - mean_x))) ** 2 for i, y in enumerate(values))
    return slope, math.sqrt(residuals / (n - 2) / sxx)


def trend_of_values(direction: Direction, values: Sequence[float], tolerance: float = 0.0) -> Trend:
    """The least-squares slope over ``values`` (one per period, oldest first), by direction.

    STEADY when the fitted change over the values is within ``tolerance``, or when the
    slope is no larger than its standard error (the values scatter more than they move:
    90, 99, 91 is no trend); otherwise IMPROVING or WORSENING. UNKNOWN below two values.
    """
    if len(values) < 2:
        return Trend.UNKNOWN
    slope, error = least_squares_slope(values)
    if abs(slope) * (len(values) - 1) <= tolerance or abs(slope) <= error:
        return Trend.STEADY
    better = slope > 0 if direction is Direction.HIGHER_IS_BETTER else slope < 0
    return Trend.IMPROVING if better else Trend.WORSENING


def trend(
    kpi: Kpi, measurements: Iterable[Measurement], window: int = 3, tolerance: float = 0.0
) -> Trend:
    """Trend over the latest ``window`` measurements: their least-squares slope.

    UNKNOWN with fewer than two measurements (or a window below 2); STEADY when the fitted
    change is within ``tolerance`` or the slope is within its standard error; otherwise
    IMPROVING or WORSENING by direction (see ``trend_of_values``).
    """
    if window < 2:
        return Trend.UNKNOWN
    recent = measurements_of(kpi, measurements)[-window:]
    return trend_of_values(kpi.direction, [m.value for m in recent], tolerance)
