"""KPI blocks shared by the evidence pack, the scorecard and the service report: the
period table (met / missed per period), the trend and the chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpi_periods import (
    Outcome,
    PeriodResult,
    kpi_period_results,
    period_kind,
    period_results,
    period_trend,
    periods_between,
    share_on_target,
)
from itsms_tui.domain.kpi_status import Trend, measurements_of
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.people_refs import person_name
from itsms_tui.services.report_charts import kpi_chart_svg
from itsms_tui.services.report_model import Block, Chart, Facts, Heading, Table, text


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """The days a report covers, both inclusive."""

    since: date
    until: date

    def contains(self, day: date | None) -> bool:
        return day is not None and self.since <= day <= self.until

    @property
    def label(self) -> str:
        return f"{self.since.isoformat()} to {self.until.isoformat()}"


@dataclass(frozen=True, slots=True)
class KpiSummary:
    kpi: Kpi
    results: tuple[PeriodResult, ...]
    measurements: tuple[Measurement, ...]
    trend: Trend
    owner: str = ""
    """The owner's name."""

    @property
    def share(self) -> float | None:
        return share_on_target(self.results)

    @property
    def missed(self) -> tuple[PeriodResult, ...]:
        return tuple(r for r in self.results if r.outcome is Outcome.MISSED)


def summarise_kpi(
    data: DataSet, kpi: Kpi, period: ReportPeriod, last: int | None = None
) -> KpiSummary:
    """The KPI over ``period`` (or its last ``last`` periods up to ``period.until``)."""
    own = measurements_of(kpi, data.referring(kpi.id, Measurement))
    kind = period_kind(kpi.frequency)
    if last is not None:
        results = kpi_period_results(kpi, own, kind, period.until, last=last)
        periods = [r.period for r in results]
        first = periods[0].start if periods else period.since
    else:
        periods = periods_between(period.since, period.until, kind)
        results = period_results(kpi, own, periods, until=period.until)
        first = period.since
    inside = tuple(m for m in own if first <= m.measured_on <= period.until)
    return KpiSummary(
        kpi, tuple(results), inside, period_trend(kpi, own, periods), person_name(data, kpi.owner)
    )


def share_text(share: float | None) -> str:
    return "—" if share is None else f"{share:.0f}%"


def value_text(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:.4g} {unit}".strip()


def kpi_overview_row(summary: KpiSummary, data: DataSet) -> tuple[str, ...]:
    kpi = summary.kpi
    subject = data.get(kpi.subject_id)
    latest = summary.measurements[-1] if summary.measurements else None
    return (
        kpi.id,
        kpi.name,
        subject.display if subject is not None else kpi.subject_id,
        f"{kpi.direction.label}; target {kpi.target:g}, warning {kpi.warning:g} {kpi.unit}",
        value_text(latest.value if latest else None, kpi.unit),
        share_text(summary.share),
        text(summary.trend),
    )


KPI_OVERVIEW_HEADERS = (
    "KPI",
    "Name",
    "Subject",
    "Thresholds",
    "Latest",
    "Periods on target",
    "Trend",
)


def kpi_blocks(summary: KpiSummary, *, chart_prefix: str = "charts") -> list[Block]:
    """A KPI's heading, facts, period table and chart."""
    kpi = summary.kpi
    blocks: list[Block] = [
        Heading(kpi.display, anchor=f"kpi-{kpi.id}"),
        Facts(
            (
                ("Measures", text(kpi.measures)),
                ("Owner", text(summary.owner)),
                ("Frequency", text(kpi.frequency)),
                ("Target", f"{kpi.target:g} {kpi.unit} ({kpi.direction.label})"),
                ("Warning", f"{kpi.warning:g} {kpi.unit}"),
                ("Periods on target", share_text(summary.share)),
                ("Trend", text(summary.trend)),
            )
        ),
        Table(
            f"{kpi.id} by period",
            ("Period", "Measurements", "Value", "Status", "Result"),
            tuple(
                (
                    r.period.label,
                    str(r.count),
                    value_text(r.value, kpi.unit),
                    text(r.status),
                    text(r.outcome.value),
                )
                for r in summary.results
            ),
            empty="No period in range.",
        ),
    ]
    if summary.measurements:
        blocks.append(
            Chart(
                caption=(
                    f"{kpi.display}: measurements with the target (dashed) and warning "
                    "(dotted) lines"
                ),
                svg=kpi_chart_svg(kpi, summary.measurements),
                file_name=f"{chart_prefix}/{kpi.id}.svg",
                alt=f"Chart of {kpi.display}",
            )
        )
    return blocks
