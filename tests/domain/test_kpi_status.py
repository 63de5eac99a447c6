"""KPI red/amber/green by direction, grey when a measurement is overdue, and trends."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import Direction, Frequency, KpiStatus
from itsms_tui.domain.kpi_status import Trend, kpi_readings, kpi_status, rag_status, trend
from itsms_tui.domain.kpis import Kpi, Measurement

HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER


def availability(frequency: Frequency = Frequency.MONTHLY) -> Kpi:
    return Kpi(
        id="KPI-0001",
        name="Availability",
        target=99.5,
        warning=99.0,
        frequency=frequency,
        subject_id="AGR-0001",
    )


def fix_time(kpi_id: str = "KPI-0002") -> Kpi:
    return Kpi(
        id=kpi_id,
        name="P1 fix time (h)",
        unit="h",
        direction=LOWER,
        target=4,
        warning=8,
        subject_id="SUP-0001",
    )


_counter = iter(range(1, 100_000))


def measure(kpi: Kpi, on: date, value: float, recorded: datetime | None = None) -> Measurement:
    extra = {"created_at": recorded} if recorded else {}
    return Measurement(
        id=f"MEA-{next(_counter):04d}", kpi_id=kpi.id, measured_on=on, value=value, **extra
    )


# --- RAG ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (100.0, KpiStatus.GREEN),
        (99.5, KpiStatus.GREEN),
        (99.49, KpiStatus.AMBER),
        (99.0, KpiStatus.AMBER),
        (98.99, KpiStatus.RED),
        (0.0, KpiStatus.RED),
    ],
)
def test_higher_is_better_bands(value: float, expected: KpiStatus) -> None:
    assert rag_status(availability(), value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.0, KpiStatus.GREEN),
        (4.0, KpiStatus.GREEN),
        (4.01, KpiStatus.AMBER),
        (8.0, KpiStatus.AMBER),
        (8.01, KpiStatus.RED),
    ],
)
def test_lower_is_better_bands_are_mirrored(value: float, expected: KpiStatus) -> None:
    assert rag_status(fix_time(), value) is expected


def test_target_equal_to_warning_leaves_no_amber_band() -> None:
    kpi = Kpi(name="Backups", target=100, warning=100, subject_id="PRC-0001")
    assert rag_status(kpi, 100) is KpiStatus.GREEN
    assert rag_status(kpi, 99.9) is KpiStatus.RED


_RANK = {KpiStatus.RED: 0, KpiStatus.AMBER: 1, KpiStatus.GREEN: 2}
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(finite, finite, finite, finite, st.sampled_from([HIGHER, LOWER]))
def test_rag_is_monotonic_in_the_value(
    a: float, b: float, t1: float, t2: float, direction: Direction
) -> None:
    low_value, high_value = sorted((a, b))
    lo, hi = sorted((t1, t2))
    target, warning = (hi, lo) if direction is HIGHER else (lo, hi)
    kpi = Kpi(name="k", direction=direction, target=target, warning=warning, subject_id="OBJ-0001")
    r_low, r_high = _RANK[rag_status(kpi, low_value)], _RANK[rag_status(kpi, high_value)]
    if direction is HIGHER:
        assert r_low <= r_high
    else:
        assert r_low >= r_high


# --- freshness ---------------------------------------------------------------------------


def test_never_measured_is_grey_without_due_date() -> None:
    reading = kpi_status(availability(), [], date(2024, 5, 1))
    assert reading.status is KpiStatus.GREY
    assert reading.never_measured
    assert reading.value is None and reading.next_due is None
    assert reading.overdue is False


def test_month_end_measurement_is_due_at_the_next_month_end_plus_grace() -> None:
    kpi = availability()
    readings = [measure(kpi, date(2024, 1, 31), 99.2)]
    on_time = kpi_status(kpi, readings, date(2024, 3, 7))
    assert on_time.next_due == date(2024, 2, 29)
    assert (on_time.status, on_time.overdue) == (KpiStatus.AMBER, False)
    late = kpi_status(kpi, readings, date(2024, 3, 8))
    assert (late.status, late.value_status, late.overdue) == (
        KpiStatus.GREY,
        KpiStatus.AMBER,
        True,
    )
    assert late.value == 99.2 and late.measured_on == date(2024, 1, 31)


def test_grace_days_is_a_parameter() -> None:
    kpi = availability(Frequency.WEEKLY)
    readings = [measure(kpi, date(2024, 6, 3), 99.9)]
    assert kpi_status(kpi, readings, date(2024, 6, 10), grace_days=0).overdue is False
    assert kpi_status(kpi, readings, date(2024, 6, 11), grace_days=0).overdue is True
    assert kpi_status(kpi, readings, date(2024, 6, 24), grace_days=14).status is KpiStatus.GREEN


@pytest.mark.parametrize(
    ("frequency", "measured", "due"),
    [
        (Frequency.DAILY, date(2024, 6, 1), date(2024, 6, 2)),
        (Frequency.WEEKLY, date(2024, 6, 1), date(2024, 6, 8)),
        (Frequency.QUARTERLY, date(2024, 3, 31), date(2024, 6, 30)),
        (Frequency.YEARLY, date(2024, 2, 29), date(2025, 2, 28)),
    ],
)
def test_next_due_follows_the_frequency(frequency: Frequency, measured: date, due: date) -> None:
    kpi = availability(frequency)
    assert kpi_status(kpi, [measure(kpi, measured, 99.9)], measured).next_due == due


def test_latest_is_by_measured_date_not_by_order_and_other_kpis_are_ignored() -> None:
    kpi, other = availability(), fix_time()
    readings = [
        measure(kpi, date(2024, 3, 31), 98.0),
        measure(kpi, date(2024, 1, 31), 99.9),
        measure(other, date(2024, 4, 30), 1.0),
    ]
    reading = kpi_status(kpi, readings, date(2024, 4, 2))
    assert (reading.measured_on, reading.value, reading.status) == (
        date(2024, 3, 31),
        98.0,
        KpiStatus.RED,
    )
    assert reading.measurement_id == readings[0].id


def test_same_day_measurements_take_the_one_recorded_last() -> None:
    kpi = availability()
    first = measure(kpi, date(2024, 3, 31), 98.0, datetime(2024, 4, 1, 9, tzinfo=UTC))
    correction = measure(kpi, date(2024, 3, 31), 99.7, datetime(2024, 4, 1, 10, tzinfo=UTC))
    reading = kpi_status(kpi, [correction, first], date(2024, 4, 2))
    assert reading.value == 99.7


def test_readings_for_every_kpi_of_a_dataset() -> None:
    kpi, other = availability(), fix_time()
    data = DataSet([kpi, other, measure(other, date(2024, 4, 30), 3.0)])
    readings = kpi_readings(data, date(2024, 5, 2))
    assert readings[kpi.id].status is KpiStatus.GREY
    assert readings[other.id].status is KpiStatus.GREEN


# --- trend -------------------------------------------------------------------------------


def series(kpi: Kpi, values: list[float]) -> list[Measurement]:
    return [measure(kpi, date(2024, month, 1), v) for month, v in enumerate(values, start=1)]


def test_trend_is_direction_aware() -> None:
    assert trend(availability(), series(availability(), [99.0, 99.2, 99.6])) is Trend.IMPROVING
    assert trend(availability(), series(availability(), [99.6, 99.2, 99.0])) is Trend.WORSENING
    assert trend(fix_time(), series(fix_time(), [9.0, 6.0, 3.0])) is Trend.IMPROVING
    assert trend(fix_time(), series(fix_time(), [3.0, 6.0, 9.0])) is Trend.WORSENING


def test_trend_unknown_with_fewer_than_two_and_steady_when_unchanged() -> None:
    kpi = availability()
    assert trend(kpi, []) is Trend.UNKNOWN
    assert trend(kpi, series(kpi, [99.0])) is Trend.UNKNOWN
    assert trend(kpi, series(kpi, [99.0, 98.0, 99.0])) is Trend.STEADY
    assert trend(kpi, series(kpi, [99.0, 99.05]), tolerance=0.1) is Trend.STEADY
    assert trend(kpi, series(kpi, [99.0, 99.5]), window=1) is Trend.UNKNOWN


def test_trend_looks_only_at_the_window() -> None:
    kpi = availability()
    values = series(kpi, [100.0, 80.0, 85.0, 90.0])
    assert trend(kpi, values, window=3) is Trend.IMPROVING
    # a fall then a recovery: the fitted slope is within its own noise, no trend
    assert trend(kpi, values, window=4) is Trend.STEADY


def test_trend_is_a_least_squares_slope_not_first_against_last() -> None:
    kpi = availability()
    assert trend(kpi, series(kpi, [90.0, 99.0, 91.0])) is Trend.STEADY
    assert trend(kpi, series(kpi, [90.0, 92.0, 93.0])) is Trend.IMPROVING
    # last above first, but the series falls over the window: least squares sees it
    falling = [95.0, 99.0, 98.0, 96.0, 94.0, 93.0, 96.0]
    assert trend(kpi, series(kpi, falling), window=7) is Trend.WORSENING
    assert trend(kpi, series(kpi, [99.0, 99.5]), window=2) is Trend.IMPROVING


def test_kpi_status_grace_is_a_fraction_of_the_period() -> None:
    daily = availability(Frequency.DAILY)
    taken = [measure(daily, date(2024, 5, 1), 99.9)]
    # due 2024-05-02; a flat 7 days would keep it fresh until 05-09
    assert kpi_status(daily, taken, date(2024, 5, 2), 7, grace_fraction=0.25).overdue is False
    assert kpi_status(daily, taken, date(2024, 5, 3), 7, grace_fraction=0.25).overdue is True
    monthly = availability()
    taken = [measure(monthly, date(2024, 4, 1), 99.9)]  # due 05-01, a 30-day period
    assert kpi_status(monthly, taken, date(2024, 5, 8), 7, grace_fraction=0.25).overdue is False
    assert kpi_status(monthly, taken, date(2024, 5, 9), 7, grace_fraction=0.25).overdue is True
    assert kpi_status(monthly, taken, date(2024, 5, 8), 7, grace_fraction=0.1).overdue is True


def test_trend_orders_by_date_and_ignores_other_kpis() -> None:
    kpi = availability()
    shuffled = list(reversed(series(kpi, [98.0, 99.0, 99.9])))
    noise = [measure(fix_time(), date(2024, 12, 1), 0.0)]
    assert trend(kpi, shuffled + noise) is Trend.IMPROVING


def test_kpi_readings_are_computed_once_per_data_set_and_again_after_a_change() -> None:
    kpi = availability()
    data = DataSet([kpi])
    today = date(2025, 6, 1)
    first = kpi_readings(data, today)
    assert kpi_readings(data, today) is first  # shared by the rules that ask for it
    assert kpi_readings(data, date(2025, 6, 2)) is not first  # another day, another reading
    data.add(kpi.model_copy(update={"name": "Uptime"}))
    assert kpi_readings(data, today) is not first  # the data changed: computed again
