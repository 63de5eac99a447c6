"""A workload KPI reads as a limit, not a target, on its card, its detail and its SLA."""

from __future__ import annotations

from itsms_tui.domain.enums import KpiKind
from itsms_tui.domain.kpis import Kpi
from itsms_tui.ui.screens.kpi_detail import KpiDetailScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)


async def test_the_detail_of_a_workload_kpi_shows_its_limit_and_kind() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [kpi] = [k for k in app.data.all(Kpi) if k.name == "Harrowby service desk contacts"]
        assert kpi.kind is KpiKind.WORKLOAD
        app.push_screen(KpiDetailScreen(kpi.id))
        await settle(pilot)
        text = screen_text(app)
        assert "Measure of workload" in text
        assert "Limit 2500 contacts  Warning 2750 contacts  lower is better" in text
        assert "/ limit 2500 contacts" in text
