"""Compliance (key 6): what does not yet meet clauses 8.1, 8.3 and 9.1, and SLA alignment.

Two tabs (``[`` and ``]`` switch, as on the Plan screen):

- Findings: one line per clause (requirements met / not met, errors, warnings), then the
  checker's findings, narrowed by clause (``c``) and severity (``v``) and by text (``/``);
  Enter opens the record a finding is about on its own screen.
- SLA alignment: the customer SLAs; the one under the cursor is shown as a grid of its
  targets beside each underpinning agreement's, weaker cells marked ``✖``.

The checker runs in a thread worker whenever ``app.data`` changes (every save, and other
sessions' saves), never on the UI thread; while another area is shown a change only marks
this screen stale (``MainScreen.follow_data``) and the checker runs when it is shown again.
``o`` edits the checker settings, saved with the data.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane
from textual.widgets.tabbed_content import ContentTabs
from textual.worker import get_current_worker

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.services.compliance_report import (
    EMPTY_REPORT,
    ComplianceReport,
    compliance_report,
)
from itsms_tui.ui.compliance.alignment_view import (
    SLA_COLUMNS,
    AlignmentGrid,
    SlaChoice,
    alignment_label,
    sla_choices,
)
from itsms_tui.ui.compliance.findings_view import (
    FINDING_COLUMNS,
    FindingFilter,
    detail_text,
    finding_key,
    status_line,
    summary_text,
    totals_label,
)
from itsms_tui.ui.compliance.settings_form import CheckSettingsForm
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.widgets.record_table import RecordTable

FINDINGS_TAB = "findings-tab"
ALIGNMENT_TAB = "alignment-tab"
TABS = (FINDINGS_TAB, ALIGNMENT_TAB)


class ComplianceScreen(MainScreen):
    """The clause checker's findings and the SLA alignment matrix."""

    MODE: ClassVar[str] = "compliance"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "cycle_clause", "Clause", id="compliance.clause"),
        Binding("v", "cycle_severity", "Severity", id="compliance.severity"),
        Binding("o", "settings", "Settings", id="compliance.settings"),
        Binding(
            "left_square_bracket",
            "switch_tab(-1)",
            "Prev tab",
            key_display="[",
            id="compliance.previous_tab",
        ),
        Binding(
            "right_square_bracket",
            "switch_tab(1)",
            "Next tab",
            key_display="]",
            id="compliance.next_tab",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: ComplianceReport = EMPTY_REPORT
        self.chosen = FindingFilter()
        self._data = DataSet()
        self._choices: list[SlaChoice] = []

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="compliance-tabs", initial=FINDINGS_TAB):
            with TabPane("Findings", id=FINDINGS_TAB):
                yield Static(summary_text([], None), id="clause-summary")
                yield Static("", id="findings-status")
                yield RecordTable(
                    FINDING_COLUMNS,
                    row_key=finding_key,
                    empty_text="Checking…",
                    id="findings",
                )
                yield Static("", id="finding-detail")
            with TabPane("SLA alignment", id=ALIGNMENT_TAB):
                yield RecordTable(
                    SLA_COLUMNS,
                    row_key=lambda c: c.sla_id,
                    empty_text="Checking…",
                    id="slas",
                )
                with VerticalScroll(id="matrix-scroll", can_focus=False):
                    yield AlignmentGrid(id="matrix")

    def on_mount(self) -> None:
        self.query_one(ContentTabs).can_focus = False
        self.findings_table.focus()
        self.follow_data(self._check_data)

    @property
    def findings_table(self) -> RecordTable[Finding]:
        return self.query_one("#findings", RecordTable)

    @property
    def sla_table(self) -> RecordTable[SlaChoice]:
        return self.query_one("#slas", RecordTable)

    @property
    def grid(self) -> AlignmentGrid:
        return self.query_one("#matrix", AlignmentGrid)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#compliance-tabs", TabbedContent)

    @property
    def active_tab(self) -> str:
        return self.tabs.active or FINDINGS_TAB

    # ------------------------------------------------------------------ checking

    def _check_data(self, data: DataSet) -> None:
        """New data (or back on screen after a change): run the checker in a worker."""
        app = self.itsms
        if app.loaded:
            self._run_checks(data, app.settings, app.today)

    @work(thread=True, exclusive=True, group="compliance", exit_on_error=False)
    def _run_checks(self, data: DataSet, settings: CheckSettings, today: date) -> None:
        """Every rule and every SLA matrix, off the UI thread (about 35 ms at 10k records)."""
        report = compliance_report(data, settings, today)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_report, data, report)

    def _show_report(self, data: DataSet, report: ComplianceReport) -> None:
        if data is not self.itsms.data:
            return  # a newer load is being checked; its report follows
        self._data = data
        self.report = report
        if self.chosen.clause is not None and self.chosen.clause not in report.clauses:
            self.chosen = FindingFilter(None, self.chosen.severity)
        table = self.findings_table
        table.empty_text = "No finding: every requirement checked is met."
        self._show_findings()
        self._choices = sla_choices(report.matrices, data)
        self.sla_table.empty_text = "No customer SLA yet."
        self.sla_table.set_rows(self._choices)
        self._show_matrix(self.sla_table.cursor_row_object)
        self.tabs.get_tab(ALIGNMENT_TAB).label = alignment_label(self._choices)

    def _show_findings(self) -> None:
        report = self.report
        shown = self.chosen.apply(report.findings)
        table = self.findings_table
        table.set_rows(shown)
        self.query_one("#clause-summary", Static).update(
            summary_text(report.summaries, self.chosen.clause)
        )
        self._show_status()
        self.query_one("#finding-detail", Static).update(detail_text(table.cursor_row_object))
        self.tabs.get_tab(FINDINGS_TAB).label = totals_label(report.findings)

    def _show_status(self) -> None:
        table = self.findings_table
        line = status_line(
            table.visible_count, len(self.report.findings), self.chosen, table.filter_text
        )
        self.query_one("#findings-status", Static).update(line)

    def _show_matrix(self, choice: SlaChoice | None) -> None:
        self.grid.show(choice.matrix if choice is not None else None, self._data)

    # ------------------------------------------------------------------ events

    @on(RecordTable.Highlighted, "#findings")
    def _finding_highlighted(self, event: RecordTable.Highlighted) -> None:
        event.stop()
        self.query_one("#finding-detail", Static).update(detail_text(event.row))

    @on(RecordTable.Selected, "#findings")
    def _finding_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        finding: Finding = event.row
        if finding.record_id:
            self.itsms.open_record(finding.record_id)
        else:
            self.notify("This finding names no record.", markup=False)

    @on(RecordTable.Highlighted, "#slas")
    def _sla_highlighted(self, event: RecordTable.Highlighted) -> None:
        event.stop()
        self._show_matrix(event.row)

    @on(RecordTable.Selected, "#slas")
    def _sla_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        choice: SlaChoice = event.row
        self.itsms.open_record(choice.sla_id)

    @on(TabbedContent.TabActivated, "#compliance-tabs")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._focus_tab()
        self.refresh_bindings()

    def _focus_tab(self) -> None:
        if self.active_tab == ALIGNMENT_TAB:
            self.sla_table.focus()
        else:
            self.findings_table.focus()

    def apply_filter(self, text: str) -> None:
        super().apply_filter(text)
        if self._filtered is self.findings_table:
            self._show_status()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"new", "delete"}:
            return False
        if action in {"cycle_clause", "cycle_severity"}:
            return self.active_tab == FINDINGS_TAB
        if action == "settings":
            return not self.itsms.read_only
        return super().check_action(action, parameters)

    def action_cycle_clause(self) -> None:
        """``c``: all clauses -> 8.1 -> 8.3.3 -> ... -> all."""
        self.chosen = self.chosen.next_clause(self.report.clauses)
        self._show_findings()

    def action_cycle_severity(self) -> None:
        """``v``: all -> errors -> warnings -> all."""
        self.chosen = self.chosen.next_severity()
        self._show_findings()

    def action_switch_tab(self, step: int) -> None:
        index = TABS.index(self.active_tab)
        self.tabs.active = TABS[(index + step) % len(TABS)]
        self._focus_tab()

    def action_settings(self) -> None:
        """``o``: edit the checker settings; saved with the data, then the checker reruns."""
        app = self.itsms
        if app.read_only:
            return
        current = app.settings

        def done(settings: CheckSettings | None) -> None:
            if settings is None:
                return
            if settings == current:
                self.notify("Checker settings unchanged.", markup=False)
                return
            app.run_service(app.workspace.save_settings, settings, success="Checker settings saved")

        app.push_screen(CheckSettingsForm(current), done)

    # ------------------------------------------------------------------ MainScreen hooks

    def current_record(self) -> Record | None:
        """The record of the finding (or the SLA) under the cursor: what E and h act on."""
        if self.active_tab == ALIGNMENT_TAB:
            choice = self.sla_table.cursor_row_object
            return None if choice is None else self.itsms.data.get(choice.sla_id)
        finding = self.findings_table.cursor_row_object
        if finding is None or not finding.record_id:
            return None
        return self.itsms.data.get(finding.record_id)

    def select_record(self, record_id: str) -> bool:
        """Put the cursor on the first finding about ``record_id`` (or on that SLA)."""
        if self.active_tab == ALIGNMENT_TAB and self.sla_table.select_key(record_id):
            return True
        for finding in self.findings_table.visible_rows:
            if finding.record_id == record_id:
                self.tabs.active = FINDINGS_TAB
                return self.findings_table.select_key(finding_key(finding))
        return False

    def findings_shown(self) -> list[Finding]:
        """The findings the list shows now (after the clause, severity and text filters)."""
        return self.findings_table.visible_rows

    def matrix_choice(self) -> SlaChoice | None:
        return self.sla_table.cursor_row_object
