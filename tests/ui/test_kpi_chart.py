"""The KPI chart in the KPI detail at 80x24: measurements, target and warning lines told
apart by markers (so 16 colours and NO_COLOR=1 read the same), and the period keys."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from itsms_tui.domain.kpi_periods import in_last_periods, period_kind
from itsms_tui.domain.kpi_status import measurements_of
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.ui.screens.kpi_detail import KpiDetailScreen
from itsms_tui.ui.widgets.kpi_chart import (
    MEASURED_MARKER,
    TARGET_MARKER,
    WARNING_MARKER,
    KpiChart,
)
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)

SnapCompare = Callable[..., bool]


def _chart_rows(text: str) -> list[str]:
    """The chart's plot rows (between its frame's top and bottom)."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if "┌" in line)
    bottom = next(i for i, line in enumerate(lines) if "└" in line)
    return lines[top + 1 : bottom]


def _expected(kpi: Kpi, measurements: list[Measurement], span: int | None) -> int:
    own = measurements_of(kpi, measurements)
    return len(in_last_periods(own, FIXED_TODAY, span, period_kind(kpi.frequency)))


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_the_chart_shows_values_target_and_warning_and_steps_periods(
    monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, KpiDetailScreen)
        data = app.workspace.data()
        kpi = data.get_as(Kpi, app.screen.kpi_id)
        assert kpi is not None
        measurements = data.all(Measurement)
        chart = app.screen.query_one("#kpi-chart", KpiChart)

        text = screen_text(app)
        expected = _expected(kpi, measurements, 12)
        assert f"{kpi.id} last 12 periods ({expected} measured)" in text
        assert len(chart.shown) == expected > 2
        rows = _chart_rows(text)
        plot = "\n".join(rows)
        assert f"{MEASURED_MARKER * 2} measured ({kpi.unit})" in plot
        assert f"{TARGET_MARKER * 2} target {kpi.target:g}" in plot
        assert f"{WARNING_MARKER * 2} warning {kpi.warning:g}" in plot
        assert any(TARGET_MARKER * 20 in row for row in rows)  # the target line
        assert any(WARNING_MARKER * 20 in row for row in rows)  # the warning line
        assert plot.count(MEASURED_MARKER) > expected  # the points, joined
        assert "Measured on" in text  # the table still shows beneath at 80x24

        for span, label in ((24, "last 24 periods"), (None, "all periods"), (6, "last 6 periods")):
            await pilot.press("p")
            await settle(pilot)
            count = _expected(kpi, measurements, span)
            assert f"{kpi.id} {label} ({count} measured)" in screen_text(app)
            assert len(chart.shown) == count
        assert len(chart.shown) < expected  # six periods hold fewer than twelve


async def test_no_chart_for_a_kpi_never_measured_and_a_title_for_an_empty_span() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        kpi = app.workspace.save(Kpi(name="Brand new", target=1, warning=0, subject_id="SUP-0001"))
        app.load_data()
        await settle(pilot)
        app.push_screen(KpiDetailScreen(kpi.id))
        await settle(pilot)
        text = screen_text(app)
        assert "No measurements yet" in text and "┌" not in text
        old = FIXED_TODAY.replace(year=FIXED_TODAY.year - 3)
        app.workspace.save(Measurement(kpi_id=kpi.id, measured_on=old, value=1))
        app.load_data()
        await settle(pilot)
        text = screen_text(app)
        assert f"{kpi.id}: nothing measured in the last 12 periods" in text
        await pilot.press("p", "p")  # 24, then all
        await settle(pilot)
        assert f"{kpi.id} all periods (1 measured)" in screen_text(app)


def test_kpi_detail_with_chart_snapshot(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: object) -> None:
        from textual.pilot import Pilot

        assert isinstance(pilot, Pilot)
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=run_before)
