"""RecordForm driven with real key presses at 80x24: typing, errors, pickers, rows, edit, cancel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Static

from itsms_tui.domain.agreements import Agreement, PriorityTimes
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.enums import AgreementKind, Priority, Renewal
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.forms.error_text import plain_message
from itsms_tui.ui.forms.field_row import FieldRow
from itsms_tui.ui.forms.reference_picker import ReferenceMatches, ReferencePicker
from itsms_tui.ui.forms.rows_editor import RowsEditor
from itsms_tui.ui.widgets.confirm import ConfirmScreen

SIZE = (80, 24)
NASTY = "[/x] [bold]Acme [@click=app.quit]x[/]"

CANDIDATES: dict[str, list[tuple[str, str]]] = {
    "suppliers": [
        ("SUP-0001", "Northwind Hosting"),
        ("SUP-0002", "Contoso Networks"),
        ("SUP-0003", "[/x] Fabrikam"),
    ],
    "services": [("SVC-0001", "E-mail"), ("SVC-0002", "Service desk")],
    "agreements": [],
    "people": [("PER-0012", "Kim Lee"), ("PER-0020", "Alex Moreau")],
}


def choices(collection: str) -> Sequence[tuple[str, str]]:
    return CANDIDATES.get(collection, [])


class Harness(App[None]):
    """Pushes one form and keeps what it dismissed with."""

    def __init__(self, form: RecordForm[Any]) -> None:
        super().__init__()
        self.form = form
        self.results: list[Record | None] = []

    def compose(self) -> ComposeResult:
        yield Static("harness")

    def on_mount(self) -> None:
        self.push_screen(self.form, self.results.append)


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


def error_text(form: RecordForm[Any], name: str) -> str:
    row = form.field_row(name)
    error = row.query_one(".field-error", Static)
    return str(error.render()) if error.display else ""


def general_errors(form: RecordForm[Any]) -> str:
    widget = form.query_one("#form-errors", Static)
    return str(widget.render()) if widget.has_class("-shown") else ""


async def focus_field(pilot: Pilot[None], form: RecordForm[Any], name: str) -> None:
    form.field_row(name).focus_target().focus()
    await pilot.pause()


async def test_focus_starts_on_the_first_field_and_tab_moves_on() -> None:
    form = RecordForm(Supplier, choices=choices)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen is form
        assert form.focused is form.field_row("name").editor
        await pilot.press("tab")
        assert form.focused is form.field_row("kind").editor
        await pilot.press("shift+tab")
        assert form.focused is form.field_row("name").editor


async def test_empty_name_shows_an_error_and_keeps_the_form_open() -> None:
    form = RecordForm(Supplier, choices=choices)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab")  # to Category
        await type_text(pilot, "Cloud hosting")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert app.screen is form
        assert error_text(form, "name") == "required"
        assert form.field_row("name").has_class("-error")
        # What was typed is still there, and focus went to the field in error.
        assert form.field_row("category").editor.value == "Cloud hosting"  # type: ignore[attr-defined]
        assert form.focused is form.field_row("name").editor

        await type_text(pilot, "Acme Hosting")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.results) == 1
        supplier = app.results[0]
        assert isinstance(supplier, Supplier)
        assert supplier.name == "Acme Hosting"
        assert supplier.category == "Cloud hosting"
        assert supplier.id == ""


async def test_error_clears_while_typing_after_a_failed_save() -> None:
    form = RecordForm(Supplier)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(form, "name") == "required"
        await type_text(pilot, "A")
        await pilot.pause(0.5)
        assert error_text(form, "name") == ""
        assert app.results == []


async def test_save_button_is_reachable_with_tab() -> None:
    form = RecordForm(Supplier, only=("name",))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Tabbed")
        await pilot.press("tab")
        assert form.focused is not None and form.focused.id == "form-save"
        await pilot.press("enter")
        await pilot.pause()
        assert [r.name for r in app.results if isinstance(r, Supplier)] == ["Tabbed"]


async def test_numbers_and_dates_get_plain_messages() -> None:
    form = RecordForm(Supplier, only=("name", "review_interval_months", "approved_on"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "99")
        await pilot.press("tab")
        await type_text(pilot, "2024-13-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert error_text(form, "review_interval_months") == "must be at most 60"
        assert "YYYY-MM-DD" in error_text(form, "approved_on")
        assert form.field_row("approved_on").editor.value == "2024-13-01"  # type: ignore[attr-defined]


async def test_agreement_end_before_start_is_a_model_level_error() -> None:
    form = RecordForm(Agreement, only=("title", "start_date", "end_date"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Hosting contract")
        await pilot.press("tab")
        await type_text(pilot, "2025-06-01")
        await pilot.press("tab")
        await type_text(pilot, "2025-01-31")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        top = general_errors(form)
        # Field names are replaced by their titles; the dates are shown as typed.
        assert "End of initial term (2025-01-31) must be on or after Start (2025-06-01)" in top
        assert "end_date" not in top
        assert error_text(form, "end_date") == top
        assert error_text(form, "start_date") == top
        assert error_text(form, "title") == ""


async def test_model_level_error_appears_while_typing() -> None:
    form = RecordForm(Agreement, only=("title", "start_date", "end_date"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Hosting contract")
        await pilot.press("tab")
        await type_text(pilot, "2025-06-01")
        await pilot.press("tab")
        await type_text(pilot, "2025-01-31")
        await pilot.pause(0.6)
        assert "must be on or after" in general_errors(form)


async def test_picking_a_supplier_by_typing_part_of_its_name() -> None:
    form = RecordForm(Agreement, choices=choices, only=("title", "supplier_id", "service_ids"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Network contract")
        await pilot.press("tab")
        picker = form.field_row("supplier_id").editor
        assert isinstance(picker, ReferencePicker)
        assert form.focused is picker.search
        matches = picker.query_one(ReferenceMatches)
        assert matches.display
        await type_text(pilot, "conto")
        assert matches.option_count == 1
        await pilot.press("enter")
        assert picker.picked == ["SUP-0002"]
        assert "SUP-0002  Contoso Networks" in str(picker.query_one(".picked", Static).render())

        # A list of references takes several picks; Enter on a picked one removes it.
        await pilot.press("tab")
        await type_text(pilot, "mail")
        await pilot.press("enter")
        await type_text(pilot, "desk")
        await pilot.press("enter")
        await type_text(pilot, "mail")
        await pilot.press("enter")
        await type_text(pilot, "svc")
        await pilot.press("down", "down", "up", "enter")  # back on SVC-0001: picked again
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.results) == 1
        agreement = app.results[0]
        assert isinstance(agreement, Agreement)
        assert agreement.supplier_id == "SUP-0002"
        assert agreement.service_ids == ["SVC-0002", "SVC-0001"]


async def test_reference_labels_are_literal() -> None:
    form = RecordForm(Agreement, choices=choices, only=("title", "supplier_id"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "fabrikam")
        picker = form.field_row("supplier_id").editor
        assert isinstance(picker, ReferencePicker)
        prompt = picker.query_one(ReferenceMatches).get_option_at_index(0).prompt
        assert "SUP-0003  [/x] Fabrikam" in str(prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert "[/x] Fabrikam" in str(picker.query_one(".picked", Static).render())
        assert app.is_running


async def test_a_required_reference_left_empty_is_reported() -> None:
    from itsms_tui.domain.suppliers import Evaluation

    form = RecordForm(Evaluation, choices=choices, only=("supplier_id", "evaluated_on"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(form, "supplier_id") == "required"
        assert error_text(form, "evaluated_on") == "required"


async def test_adding_two_priority_rows_and_removing_one() -> None:
    form = RecordForm(Agreement, only=("title", "priority_times"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "SLA")
        await pilot.press("tab")  # the empty table (the Add row button is no Tab stop)
        await pilot.press("ctrl+n")
        await pilot.pause()
        rows_editor = form.field_row("priority_times").editor
        assert isinstance(rows_editor, RowsEditor)
        assert len(rows_editor.row_editors()) == 1
        # First row: priority select keeps P1; response 15, resolution 240.
        await pilot.press("tab")
        await type_text(pilot, "15")
        await pilot.press("tab")
        await type_text(pilot, "240")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(rows_editor.row_editors()) == 2
        # Second row: starts at P2, the next unused priority; then times.
        await pilot.press("tab")
        await type_text(pilot, "30")
        await pilot.press("tab")
        await type_text(pilot, "480")
        # A third row added by mistake is removed again with ctrl+r.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(rows_editor.row_editors()) == 3
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert len(rows_editor.row_editors()) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.results) == 1
        agreement = app.results[0]
        assert isinstance(agreement, Agreement)
        assert agreement.priority_times == [
            PriorityTimes(priority=Priority.P1, response_minutes=15, resolution_minutes=240),
            PriorityTimes(priority=Priority.P2, response_minutes=30, resolution_minutes=480),
        ]


async def test_row_errors_are_shown_under_the_row() -> None:
    form = RecordForm(Agreement, only=("title", "priority_times"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "SLA")
        await pilot.press("tab", "ctrl+n")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "60")
        await pilot.press("tab")
        await type_text(pilot, "30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        rows_editor = form.field_row("priority_times").editor
        assert isinstance(rows_editor, RowsEditor)
        row_error = rows_editor.row_editors()[0].query_one(".row-error", Static)
        assert "resolution time cannot be shorter than response time" in str(row_error.render())
        assert form.field_row("priority_times").has_class("-error")


async def test_editing_keeps_id_revision_and_created_at() -> None:
    created = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    original = Supplier(
        id="SUP-0007",
        revision=4,
        created_at=created,
        updated_at=created,
        name="Old name",
        services_provided=["Hosting", "Backup"],
        review_interval_months=12,
        approved_on=date(2024, 5, 6),
    )
    form = RecordForm(Supplier, original, choices=choices)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "SUP-0007" in str(form.query_one("#form-title", Static).render())
        name = form.field_row("name").editor
        assert isinstance(name, Input) and name.value == "Old name"
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "New name")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.results) == 1
        saved = app.results[0]
        assert isinstance(saved, Supplier)
        assert (saved.id, saved.revision, saved.created_at) == ("SUP-0007", 4, created)
        assert saved.name == "New name"
        assert saved.services_provided == ["Hosting", "Backup"]
        assert saved.review_interval_months == 12
        assert saved.approved_on == date(2024, 5, 6)


async def test_markup_like_text_comes_back_exactly() -> None:
    form = RecordForm(Supplier, only=("name", "category", "notes"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, NASTY)
        await pilot.press("tab")
        await type_text(pilot, "[b]x")
        await pilot.press("tab")
        await type_text(pilot, "[/]")
        await pilot.press("enter")
        await type_text(pilot, "[red]line two")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert len(app.results) == 1
        saved = app.results[0]
        assert isinstance(saved, Supplier)
        assert saved.name == NASTY
        assert saved.category == "[b]x"
        assert saved.notes == "[/]\n[red]line two"


async def test_escape_without_changes_closes_at_once() -> None:
    form = RecordForm(Supplier)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_escape_after_changes_asks_before_discarding() -> None:
    form = RecordForm(Supplier)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Half typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen_stack[-1] is form
        assert app.results == []
        assert form.field_row("name").editor.value == "Half typed"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.results == [None]


async def test_initial_values_and_excluded_fields_pass_through() -> None:
    form = RecordForm(
        Agreement,
        initial={"supplier_id": "SUP-0001", "kind": AgreementKind.OLA, "renewal": Renewal.NONE},
        choices=choices,
        exclude=("status",),
    )
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = [row.spec.name for row in form.field_rows()]
        assert "status" not in names and "id" not in names and "revision" not in names
        picker = form.field_row("supplier_id").editor
        assert isinstance(picker, ReferencePicker) and picker.picked == ["SUP-0001"]
        await type_text(pilot, "Internal OLA")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.results[0]
        assert isinstance(saved, Agreement)
        assert (saved.kind, saved.supplier_id, saved.title) == (
            AgreementKind.OLA,
            "SUP-0001",
            "Internal OLA",
        )


async def test_only_and_required_for_a_workflow_step() -> None:
    change = ChangeRequest(id="CHG-0001", revision=2, title="Upgrade DB", requested_by="PER-0012")
    needed = ("approver", "approved_on")
    form = RecordForm(ChangeRequest, change, only=needed, required=needed, choices=choices)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [row.spec.name for row in form.field_rows()] == list(needed)
        assert all(row.spec.required for row in form.field_rows())
        label = form.field_row("approver").query_one(".field-label", Static)
        assert str(label.render()).endswith("*")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert error_text(form, "approver") == "required"
        await type_text(pilot, "Alex")
        await pilot.press("enter")  # picks the one person the text matches
        await pilot.press("tab")
        await type_text(pilot, "2025-02-03")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.results[0]
        assert isinstance(saved, ChangeRequest)
        assert (saved.id, saved.revision, saved.title, saved.requested_by) == (
            "CHG-0001",
            2,
            "Upgrade DB",
            "PER-0012",
        )
        assert (saved.approver, saved.approved_on) == ("PER-0020", date(2025, 2, 3))


async def test_a_long_form_scrolls_to_the_focused_field() -> None:
    form = RecordForm(Agreement, choices=choices)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await focus_field(pilot, form, "signed_on")
        await pilot.pause()
        row = form.field_row("signed_on")
        body = form.query_one("#form-body")
        assert body.scroll_y > 0
        assert body.region.contains_region(row.editor.region)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ({"type": "missing", "loc": ("x",), "msg": "Field required", "input": None}, "required"),
        (
            {
                "type": "date_from_datetime_parsing",
                "loc": ("x",),
                "msg": "Input should be a valid date or datetime, input is too short",
                "input": "2",
                "ctx": {"error": "input is too short"},
            },
            "use YYYY-MM-DD (a real date)",
        ),
        (
            {
                "type": "value_error",
                "loc": (),
                "msg": "Value error, criteria names must be unique",
                "input": {},
            },
            "criteria names must be unique",
        ),
    ],
)
def test_plain_messages(error: Any, expected: str) -> None:
    assert plain_message(error) == expected


def test_every_model_gets_a_form_layout() -> None:
    from itsms_tui.domain.registry import MODELS
    from itsms_tui.ui.forms import field_specs

    for model in MODELS:
        specs = field_specs(model)
        assert specs, model
        assert all(spec.title for spec in specs)


async def test_field_rows_are_field_rows() -> None:
    form = RecordForm(Supplier)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert all(isinstance(row, FieldRow) for row in form.field_rows())


class DialogHarness(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool | None] = []

    def compose(self) -> ComposeResult:
        yield Static("harness")


@pytest.mark.parametrize(
    ("keys", "answer"), [(("y",), True), (("enter",), True), (("n",), False), (("escape",), False)]
)
async def test_confirm_screen_keys(keys: tuple[str, ...], answer: bool) -> None:
    app = DialogHarness()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(
            ConfirmScreen("Delete [/x]?", ["[@click=app.quit]x[/] refers to it"]),
            app.answers.append,
        )
        await pilot.pause()
        texts = [str(s.render()) for s in app.screen.query(Static)]
        assert "Delete [/x]?" in texts
        assert "[@click=app.quit]x[/] refers to it" in texts
        await pilot.press(*keys)
        await pilot.pause()
        assert app.answers == [answer]
        assert app.is_running


async def test_message_screen_explains_and_closes() -> None:
    from itsms_tui.ui.widgets.confirm import MessageScreen

    app = DialogHarness()
    async with app.run_test(size=SIZE) as pilot:
        closed: list[None] = []
        app.push_screen(
            MessageScreen(
                "SUP-0003 cannot be deleted",
                ["AGR-0004, AGR-0009 refer to it"],
                title="Cannot delete",
            ),
            closed.append,
        )
        await pilot.pause()
        texts = [str(s.render()) for s in app.screen.query(Static)]
        assert "SUP-0003 cannot be deleted" in texts and "AGR-0004, AGR-0009 refer to it" in texts
        await pilot.press("enter")
        await pilot.pause()
        assert closed == [None]


async def test_kpi_subject_asks_for_any_subject() -> None:
    from itsms_tui.domain.kpis import Kpi

    asked: list[str] = []

    def subjects(collection: str) -> Sequence[tuple[str, str]]:
        asked.append(collection)
        return [("OBJ-0001", "Faster restores"), ("SUP-0001", "Northwind Hosting")]

    form = RecordForm(Kpi, choices=subjects, only=("name", "target", "warning", "subject_id"))
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Restore time")
        await pilot.press("tab")
        await type_text(pilot, "4")
        await pilot.press("tab")
        await type_text(pilot, "8")
        await pilot.press("tab")
        await type_text(pilot, "restores")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert app.results == []  # warning above target when higher is better
        assert "warning threshold must not be above the target" in general_errors(form)
        assert set(asked) == {"*"}


async def test_editing_rows_round_trips_and_is_not_dirty_until_changed() -> None:
    from itsms_tui.domain.suppliers import Contact

    original = Supplier(
        id="SUP-0002",
        revision=1,
        name="Contoso",
        contacts=[
            Contact(name="Ann [b]", role="Account manager", escalation_level=0),
            Contact(name="Bo", email="bo@contoso.example", escalation_level=2),
        ],
    )
    form = RecordForm(Supplier, original)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not form.is_dirty
        rows_editor = form.field_row("contacts").editor
        assert isinstance(rows_editor, RowsEditor)
        assert len(rows_editor.row_editors()) == 2
        await pilot.press("escape")  # nothing changed: closes without asking
        await pilot.pause()
        assert app.results == [None]

    form = RecordForm(Supplier, original)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.results[0]
        assert isinstance(saved, Supplier)
        assert saved == original
