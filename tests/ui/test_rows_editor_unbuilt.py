"""A row added to a sub-record table is read and validated before Textual builds its cells.

The form's live validation runs on a timer; when it fires between ``ctrl+n`` adding a row
and that row's ``compose``, the row used to raise ``NoMatches`` and end the app.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from itsms_tui.domain.agreements import PriorityTimes
from itsms_tui.domain.enums import Priority
from itsms_tui.ui.forms.field_specs import field_specs
from itsms_tui.ui.forms.rows_editor import RowEditor


def test_a_row_not_built_yet_reads_as_its_starting_values_and_skips_errors() -> None:
    row = RowEditor(field_specs(PriorityTimes), {"priority": Priority.P2})
    assert not row.composed
    assert row.read() == {"priority": Priority.P2}
    row.show_errors(["response_minutes: required"], {"response_minutes"})  # no NoMatches


async def test_once_built_the_row_reads_its_cells_and_shows_errors() -> None:
    row = RowEditor(field_specs(PriorityTimes), {"priority": Priority.P2})

    class Harness(App[None]):
        def compose(self) -> ComposeResult:
            yield row

    async with Harness().run_test() as pilot:
        await pilot.pause()
        assert row.composed
        assert row.read()["priority"] == Priority.P2
        row.show_errors(["bad"], {"priority"})
        assert row.query_one(".row-error").display
