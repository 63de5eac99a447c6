"""A KPI's measurements over time with its target and warning lines (textual-plotext).

Readable without colour: the measurements are drawn with ``●``, the target line with
``=`` and the warning line with ``-``, and the legend names each, so a 16-colour or
``NO_COLOR=1`` terminal shows the same chart as a truecolour one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual_plotext import PlotextPlot

from itsms_tui.domain.kpi_periods import in_last_periods, period_kind, period_of
from itsms_tui.domain.kpis import Kpi, Measurement

CHART_SPANS: tuple[int | None, ...] = (6, 12, 24, None)
"""The periods the chart can show, in the order ``p`` steps through; None is all."""
DEFAULT_SPAN = 12

MEASURED_MARKER = "●"
TARGET_MARKER = "="
WARNING_MARKER = "-"


def span_label(span: int | None) -> str:
    return "all periods" if span is None else f"last {span} periods"


def next_span(span: int | None) -> int | None:
    return CHART_SPANS[(CHART_SPANS.index(span) + 1) % len(CHART_SPANS)]


def _ticks(count: int, most: int) -> list[int]:
    """Up to ``most`` evenly spaced positions among ``count``, first and last included."""
    if count <= most:
        return list(range(count))
    step = (count - 1) / (most - 1)
    return sorted({round(i * step) for i in range(most)})


class KpiChart(PlotextPlot):
    """The chart of one KPI; ``show`` redraws it."""

    DEFAULT_CSS = """
    KpiChart {
        height: 10;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.span: int | None = DEFAULT_SPAN
        self.shown: list[Measurement] = []
        """The measurements drawn, oldest first (what a test or a reader can check)."""

    def clear(self, message: str) -> None:
        """No points: an empty frame titled ``message``; hidden when there is no message."""
        self.shown = []
        self.display = bool(message)
        self.plt.clear_figure()
        self.plt.title(message)
        self.refresh()

    def show(self, kpi: Kpi, measurements: Sequence[Measurement], today: date) -> None:
        """Draw ``measurements`` (this KPI's, oldest first) in the current span; hidden for
        a KPI never measured (the table beneath says so)."""
        if not measurements:
            self.clear("")
            return
        self.display = True
        kind = period_kind(kpi.frequency)
        shown = in_last_periods(measurements, today, self.span, kind)
        self.shown = shown
        plt = self.plt
        plt.clear_figure()
        title = f"{kpi.id} {span_label(self.span)} ({len(shown)} measured) · p: 6/12/24/all"
        plt.title(title)
        if not shown:
            self.clear(
                f"{kpi.id}: nothing measured in the {span_label(self.span)} · p: 6/12/24/all"
            )
            return
        xs = [float(i) for i in range(len(shown))]
        plt.plot(
            xs,
            [m.value for m in shown],
            marker=MEASURED_MARKER,
            color="blue+",
            label=f"measured ({kpi.unit})",
        )
        plt.plot(
            xs,
            [kpi.target] * len(xs),
            marker=TARGET_MARKER,
            color="green",
            label=f"target {kpi.target:g}",
        )
        plt.plot(
            xs,
            [kpi.warning] * len(xs),
            marker=WARNING_MARKER,
            color="orange",
            label=f"warning {kpi.warning:g}",
        )
        positions = _ticks(len(shown), 5 if self.size.width < 100 else 8)
        plt.xticks(
            [float(i) for i in positions],
            [period_of(shown[i].measured_on, kind).label for i in positions],
        )
        low = min(kpi.warning, kpi.target, *(m.value for m in shown))
        high = max(kpi.warning, kpi.target, *(m.value for m in shown))
        margin = (high - low) * 0.1 or 1.0
        plt.ylim(low - margin, high + margin)
        self.refresh()
