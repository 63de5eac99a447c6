"""KPI results per month and quarter: aggregation, met/missed, share on target, trend."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from itsms_tui.domain.enums import Direction, KpiStatus
from itsms_tui.domain.kpi_periods import (
    Aggregation,
    Outcome,
    Period,
    PeriodKind,
    counts,
    kpi_period_results,
    last_periods,
    period_of,
    period_results,
    period_trend,
    periods_between,
    share_on_target,
)
from itsms_tui.domain.kpi_status import Trend
from itsms_tui.domain.kpis import Kpi, Measurement

MONTH = PeriodKind.MONTH
QUARTER = PeriodKind.QUARTER


def availability() -> Kpi:
    return Kpi(id="KPI-0001", name="Availability", target=99.5, warning=99.0, subject_id="AGR-0001")


def fix_time() -> Kpi:
    return Kpi(
        id="KPI-0002",
        name="Fix time",
        unit="h",
        direction=Direction.LOWER_IS_BETTER,
        target=4,
        warning=8,
        subject_id="SUP-0001",
    )


_ids = iter(range(1, 1_000_000))


def measure(kpi: Kpi, on: date, value: float) -> Measurement:
    return Measurement(id=f"MEA-{next(_ids):04d}", kpi_id=kpi.id, measured_on=on, value=value)


def test_periods_have_labels_bounds_and_successors() -> None:
    may = period_of(date(2026, 5, 17), MONTH)
    assert (may.label, may.start, may.end) == ("2026-05", date(2026, 5, 1), date(2026, 5, 31))
    q4 = period_of(date(2025, 11, 30), QUARTER)
    assert (q4.label, q4.start, q4.end) == ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31))
    assert q4.next() == Period(2026, 1, QUARTER)
    assert period_of(date(2024, 2, 10), MONTH).end == date(2024, 2, 29)
    assert Period(2025, 12, MONTH).next().label == "2026-01"


def test_periods_between_and_last_periods_cross_year_ends() -> None:
    labels = [p.label for p in periods_between(date(2025, 11, 20), date(2026, 2, 1), MONTH)]
    assert labels == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert periods_between(date(2026, 2, 1), date(2026, 1, 1), MONTH) == []
    quarters = [p.label for p in last_periods(date(2026, 2, 14), 3, QUARTER)]
    assert quarters == ["2025-Q3", "2025-Q4", "2026-Q1"]
    assert last_periods(date(2026, 2, 14), 0, MONTH) == []


def test_month_results_aggregate_judge_and_leave_gaps_unmeasured() -> None:
    kpi = availability()
    others = Kpi(id="KPI-0009", name="Other", target=1, warning=0, subject_id="AGR-0001")
    data = [
        measure(kpi, date(2026, 1, 10), 99.9),
        measure(kpi, date(2026, 1, 31), 99.7),  # January mean 99.8: met
        measure(kpi, date(2026, 3, 31), 99.2),  # March 99.2: amber, missed
        measure(others, date(2026, 2, 28), 50.0),  # another KPI's: ignored
    ]
    results = kpi_period_results(kpi, data, MONTH, until=date(2026, 4, 15))
    assert [r.period.label for r in results] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert [r.outcome for r in results] == [
        Outcome.MET,
        Outcome.NOT_MEASURED,
        Outcome.MISSED,
        Outcome.OPEN,  # April has not ended on the 15th: its reading is not due
    ]
    assert results[0].value is not None and abs(results[0].value - 99.8) < 1e-9
    assert results[0].count == 2 and results[1].count == 0
    assert results[2].status is KpiStatus.AMBER and results[1].status is KpiStatus.GREY
    assert share_on_target(results) == 50.0
    assert counts(results) == {
        Outcome.MET: 1,
        Outcome.MISSED: 1,
        Outcome.NOT_MEASURED: 1,
        Outcome.OPEN: 1,
    }
    on_last_day = kpi_period_results(kpi, data, MONTH, until=date(2026, 4, 30))
    assert on_last_day[-1].outcome is Outcome.OPEN
    next_month = kpi_period_results(kpi, data, MONTH, until=date(2026, 5, 1), last=2)
    assert [r.outcome for r in next_month] == [Outcome.NOT_MEASURED, Outcome.OPEN]
    measured_early = [*data, measure(kpi, date(2026, 4, 10), 99.9)]
    current = kpi_period_results(kpi, measured_early, MONTH, until=date(2026, 4, 15))[-1]
    assert current.outcome is Outcome.MET  # a value counts even before the period ends


def test_quarters_and_aggregations_follow_the_direction() -> None:
    kpi = fix_time()  # lower is better: the worst is the highest
    data = [
        measure(kpi, date(2026, 1, 31), 3.0),
        measure(kpi, date(2026, 2, 28), 9.0),
        measure(kpi, date(2026, 3, 31), 3.0),
    ]
    q1 = [Period(2026, 1, QUARTER)]
    assert period_results(kpi, data, q1)[0].value == 5.0
    assert period_results(kpi, data, q1, Aggregation.MEAN)[0].status is KpiStatus.AMBER
    assert period_results(kpi, data, q1, Aggregation.LATEST)[0].outcome is Outcome.MET
    worst = period_results(kpi, data, q1, Aggregation.WORST)[0]
    assert (worst.value, worst.status) == (9.0, KpiStatus.RED)


def test_last_n_periods_and_never_measured() -> None:
    kpi = availability()
    data = [measure(kpi, date(2025, m, 28), 99.6) for m in range(1, 13)]
    last6 = kpi_period_results(kpi, data, MONTH, until=date(2025, 12, 31), last=6)
    assert [r.period.label for r in last6][0] == "2025-07" and len(last6) == 6
    assert share_on_target(last6) == 100.0
    assert kpi_period_results(kpi, [], MONTH, until=date(2025, 12, 31)) == []
    assert share_on_target([]) is None


def test_trend_over_the_last_periods_uses_only_their_measurements() -> None:
    kpi = availability()
    data = [
        measure(kpi, date(2025, 1, 31), 90.0),  # outside the window: ignored
        measure(kpi, date(2025, 10, 31), 99.0),
        measure(kpi, date(2025, 11, 30), 99.4),
        measure(kpi, date(2025, 12, 31), 99.8),
    ]
    window = last_periods(date(2025, 12, 31), 3, MONTH)
    assert period_trend(kpi, data, window) is Trend.IMPROVING
    falling = [*data, measure(kpi, date(2026, 1, 31), 95.0), measure(kpi, date(2026, 2, 28), 94.0)]
    assert period_trend(kpi, falling, last_periods(date(2026, 2, 28), 2, MONTH)) is Trend.WORSENING
    assert period_trend(kpi, data, last_periods(date(2025, 12, 31), 1, MONTH)) is Trend.UNKNOWN
    assert period_trend(kpi, data, []) is Trend.UNKNOWN


@given(
    st.lists(
        st.tuples(st.dates(date(2020, 1, 1), date(2026, 12, 31)), st.floats(90, 100)),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from(list(PeriodKind)),
)
def test_every_measurement_lands_in_exactly_one_period(
    points: list[tuple[date, float]], kind: PeriodKind
) -> None:
    kpi = availability()
    data = [measure(kpi, day, value) for day, value in points]
    results = kpi_period_results(kpi, data, kind, until=date(2026, 12, 31))
    assert sum(r.count for r in results) == len(data)
    for earlier, later in zip(results, results[1:], strict=False):
        assert earlier.period.next() == later.period
        assert earlier.period.end + (later.period.start - earlier.period.end) == later.period.start
    share = share_on_target(results)
    assert share is not None and 0.0 <= share <= 100.0
