"""Review-meeting mode (M on the Suppliers screen): a supplier review one step at a time.

The steps come from ``services.review_meeting``: each KPI with its chart, the agreement
targets, the open improvement actions and disputes, then the record step (date,
attendees, decisions, new actions). PgDn / PgUp move between steps (also while typing a
note), each step keeps its own note, ctrl+s records the whole review in one transaction
(``Workspace.record_review``) and closes the meeting; Escape leaves without recording,
asking first when something was typed. Every user string is shown as literal text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static, TextArea

from itsms_tui.domain.kpi_status import measurements_of
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.errors import UserError
from itsms_tui.services.review_meeting import (
    MeetingStep,
    RecordedReview,
    ReviewDraft,
    StepKind,
    meeting_minutes,
    meeting_steps,
    parse_actions,
    parse_day,
    performance_summary,
    split_lines,
    split_names,
)
from itsms_tui.ui.widgets.key_footer import KeyFooter
from itsms_tui.ui.widgets.kpi_chart import KpiChart
from itsms_tui.ui.widgets.ordered_input import OrderedInput, OrderedTextArea

if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp


class ReviewMeetingScreen(Screen[str | None]):
    """Dismisses with the recorded review's id, or None when left without recording."""

    DEFAULT_CSS = """
    ReviewMeetingScreen {
        layout: vertical;
    }
    ReviewMeetingScreen #meeting-title {
        height: 1;
        background: $panel;
        text-style: bold;
    }
    ReviewMeetingScreen #step-body {
        height: auto;
        max-height: 9;
        padding: 0 1;
    }
    ReviewMeetingScreen #step-chart {
        height: 1fr;
        min-height: 6;
    }
    ReviewMeetingScreen .field-label {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    ReviewMeetingScreen #notes {
        height: 4;
        min-height: 3;
    }
    ReviewMeetingScreen #record-step {
        height: 1fr;
    }
    ReviewMeetingScreen #record-step Horizontal {
        height: 1;
    }
    ReviewMeetingScreen #record-step Horizontal Label {
        width: 12;
        padding: 0 1;
    }
    ReviewMeetingScreen #record-step Input {
        height: 1;
        border: none;
        padding: 0 1;
        width: 1fr;
    }
    ReviewMeetingScreen #record-step TextArea {
        height: 1fr;
        min-height: 3;
    }
    ReviewMeetingScreen #meeting-error {
        height: auto;
        color: $error;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "step(1)", "Next step", priority=True, id="meeting.next"),
        Binding("pageup", "step(-1)", "Prev step", priority=True, id="meeting.previous"),
        Binding("ctrl+s", "record", "Record review", priority=True, id="meeting.record"),
        Binding("escape", "leave", "Leave", id="meeting.leave"),
    ]

    def __init__(self, supplier_id: str) -> None:
        super().__init__()
        self.supplier_id = supplier_id
        self.steps: list[MeetingStep] = []
        self.index = 0
        self.notes: dict[int, str] = {}

    @property
    def itsms(self) -> ItsmsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="meeting-title")
        yield Static(id="step-body")
        yield KpiChart(id="step-chart")
        yield Label("Notes for this step (PgDn: next step, PgUp: previous)", id="notes-label")
        yield OrderedTextArea(id="notes", soft_wrap=True, show_line_numbers=False)
        with Vertical(id="record-step"):
            with Horizontal():
                yield Label("Held on")
                yield OrderedInput(id="held-on", placeholder="YYYY-MM-DD")
            with Horizontal():
                yield Label("Attendees")
                yield OrderedInput(id="attendees", placeholder="names, separated by commas")
            yield Label("Decisions, one per line", classes="field-label")
            yield OrderedTextArea(id="decisions", soft_wrap=True)
            yield Label(
                "New actions, one per line: action; owner; YYYY-MM-DD", classes="field-label"
            )
            yield OrderedTextArea(id="new-actions", soft_wrap=True)
        yield Static(id="meeting-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        data = self.itsms.data
        try:
            self.steps = meeting_steps(data, self.supplier_id, self.itsms.today)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            self.dismiss(None)
            return
        self.query_one("#held-on", Input).value = self.itsms.today.isoformat()
        supplier = data.get_as(Supplier, self.supplier_id)
        self.supplier_name = supplier.display if supplier is not None else self.supplier_id
        self._show_step()

    # ------------------------------------------------------------------ steps

    @property
    def step(self) -> MeetingStep:
        return self.steps[self.index]

    def _show_step(self) -> None:
        step = self.step
        title = Text(f" Review of {self.supplier_id}", overflow="ellipsis", no_wrap=True)
        title.append(f" · step {self.index + 1}/{len(self.steps)}: {step.title}")
        self.query_one("#meeting-title", Static).update(title)
        self.query_one("#step-body", Static).update(Text("\n".join(step.lines)))
        chart = self.query_one("#step-chart", KpiChart)
        kpi = self.itsms.data.get_as(Kpi, step.kpi_id) if step.kpi_id else None
        if kpi is not None:
            own = measurements_of(kpi, self.itsms.data.referring(kpi.id, Measurement))
            chart.show(kpi, own, self.itsms.today)
        else:
            chart.clear("")
        recording = step.kind is StepKind.RECORD
        for widget_id in ("#notes", "#notes-label"):
            self.query_one(widget_id).display = not recording
        self.query_one("#record-step").display = recording
        notes = self.query_one("#notes", TextArea)
        notes.text = self.notes.get(self.index, "")
        notes.styles.height = 4 if kpi is not None else "1fr"  # the chart's room otherwise
        if recording:
            self.query_one("#held-on", Input).focus()
        else:
            notes.focus()

    def _keep_note(self) -> None:
        if self.step.kind is not StepKind.RECORD:
            self.notes[self.index] = self.query_one("#notes", TextArea).text

    def action_step(self, move: int) -> None:
        if not self.steps:
            return
        self._keep_note()
        self.index = max(0, min(len(self.steps) - 1, self.index + move))
        self._show_step()

    # ------------------------------------------------------------------ recording

    def draft(self) -> ReviewDraft:
        """What the meeting records, from the fields (``UserError`` on a bad value)."""
        self._keep_note()
        held_on = parse_day(self.query_one("#held-on", Input).value, "held on")
        attendees = split_names(self.query_one("#attendees", Input).value)
        decisions = split_lines(self.query_one("#decisions", TextArea).text)
        actions = parse_actions(self.query_one("#new-actions", TextArea).text)
        return ReviewDraft(
            supplier_id=self.supplier_id,
            held_on=held_on,
            attendees=tuple(attendees),
            minutes=meeting_minutes(self.steps, self.notes, decisions),
            performance_summary=performance_summary(self.steps),
            actions=tuple(actions),
        )

    def _say_error(self, message: str) -> None:
        self.query_one("#meeting-error", Static).update(Text(message))

    def action_record(self) -> None:
        if not self.steps:
            return
        if self.itsms.read_only:
            self._say_error("Read-only: the review cannot be recorded here.")
            return
        try:
            draft = self.draft()
        except UserError as error:
            self._say_error(str(error))
            if self.step.kind is not StepKind.RECORD:
                self.index = len(self.steps) - 1
                self._show_step()
            return
        self._say_error("")

        def recorded(result: RecordedReview) -> None:
            schedule = result.schedule
            due = schedule.next_due.isoformat() if schedule.next_due else "not scheduled"
            made = f" and {len(result.actions)} actions" if result.actions else ""
            self.notify(
                f"Recorded {result.review.id}{made}; next review due {due}"
                f" (every {schedule.interval_months} months)",
                markup=False,
            )
            self.dismiss(result.review.id)

        self.itsms.run_service(self.itsms.workspace.record_review, draft, then=recorded)

    def _typed(self) -> bool:
        self._keep_note()
        areas = ("#decisions", "#new-actions")
        return (
            any(note.strip() for note in self.notes.values())
            or any(self.query_one(a, TextArea).text.strip() for a in areas)
            or bool(self.query_one("#attendees", Input).value.strip())
        )

    def action_leave(self) -> None:
        if not self._typed():
            self.dismiss(None)
            return
        from itsms_tui.ui.widgets.confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Leave the meeting without recording it?",
                ["The notes typed so far are lost."],
                confirm_label="Leave",
                cancel_label="Stay",
            ),
            answered,
        )
