"""The plan timeline (T on the Plan screen): activities and objectives on a week or month axis.

The rows come from ``services.plan_timeline`` (today, late and blocked work decided
there); the chart widget draws a window of them and scrolls from the keyboard. ``w``
switches between weeks and months, Escape goes back to the Plan tabs.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from itsms_tui.domain.dataset import DataSet
from itsms_tui.services.plan_timeline import Scale, plan_timeline
from itsms_tui.ui.screens.base import EDITING_ACTIONS, MainScreen
from itsms_tui.ui.widgets.timeline_chart import TimelineChart


class PlanTimelineScreen(MainScreen):
    """A Gantt-style view of the operational plan."""

    MODE: ClassVar[str] = "plan"
    AUTO_FOCUS: ClassVar[str | None] = "TimelineChart"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="timeline.back"),
        Binding("w", "toggle_scale", "Weeks/months", id="timeline.scale"),
    ]

    def __init__(self, scale: Scale = Scale.WEEK) -> None:
        super().__init__()
        self.scale = scale

    def compose_body(self) -> ComposeResult:
        yield TimelineChart(id="timeline")

    @property
    def chart(self) -> TimelineChart:
        return self.query_one("#timeline", TimelineChart)

    def on_mount(self) -> None:
        self.follow_data(self._show_data)
        self.chart.focus()

    def _show_data(self, data: DataSet, *, keep_position: bool = True) -> None:
        first_time = self.chart.timeline is None
        timeline = plan_timeline(data, self.itsms.today, self.scale)
        self.chart.show(timeline, keep_position=keep_position and not first_time)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No record under a cursor here: the record keys belong to the Plan tabs.
        if action in EDITING_ACTIONS or action == "history":
            return False
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        self.dismiss()

    def action_toggle_scale(self) -> None:
        self.scale = self.scale.other
        self._show_data(self.itsms.data, keep_position=False)
