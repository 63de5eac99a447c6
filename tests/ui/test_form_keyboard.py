"""Filling forms from the keyboard: go to a field by name, Tab skips "Add row", exact ids,
the next unused priority, the currency most used."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Button, Static

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.enums import Priority
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.forms.field_jump import FieldJumpScreen, matching_fields
from itsms_tui.ui.forms.field_row import FieldRow
from itsms_tui.ui.forms.reference_picker import ReferencePicker
from itsms_tui.ui.forms.rows_editor import RowsEditor, next_unused
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
)


class Harness(App[None]):
    def __init__(self, form: RecordForm[Any]) -> None:
        super().__init__()
        self.form = form
        self.results: list[Record | None] = []

    def compose(self) -> ComposeResult:
        yield Static("harness")

    def on_mount(self) -> None:
        self.push_screen(self.form, self.results.append)


def _row_of(widget: object) -> str | None:
    for node in getattr(widget, "ancestors_with_self", []):
        if isinstance(node, FieldRow):
            return node.spec.name
    return None


def test_field_names_match_by_word_starts_first_word_first() -> None:
    fields = [
        ("renewal", "Renewal"),
        ("approved_on", "Approved on"),
        ("notice_days", "Notice period (days)"),
        ("signed_on", "Signed on"),
        ("requested", "Date approved"),
    ]
    assert [n for n, _ in matching_fields(fields, "appr")] == ["approved_on", "requested"]
    assert [n for n, _ in matching_fields(fields, "sig on")] == ["signed_on"]
    assert [n for n, _ in matching_fields(fields, "iod")] == ["notice_days"]  # inside a word
    assert matching_fields(fields, "zzz") == []
    assert len(matching_fields(fields, "")) == len(fields)


def test_the_next_unused_choice() -> None:
    assert next_unused(list(Priority), [Priority.P1, Priority.P3]) is Priority.P2
    assert next_unused(list(Priority), list(Priority)) is None


async def test_ctrl_g_goes_to_a_field_by_typing_part_of_its_label() -> None:
    form: RecordForm[Agreement] = RecordForm(Agreement)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        jump: object = app.screen
        assert isinstance(jump, FieldJumpScreen)
        await pilot.press(*"signed", "enter")
        await pilot.pause()
        assert app.screen is form
        assert _row_of(form.focused) == "signed_on"
        body = form.query_one("#form-body")
        assert body.region.contains_region(form.field_row("signed_on").editor.region)


async def test_tab_never_stops_on_an_add_row_button_and_ctrl_n_works_on_an_empty_table() -> None:
    form: RecordForm[Supplier] = RecordForm(Supplier)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        visited: list[str | None] = []
        for _ in range(40):
            await pilot.press("tab")
            focused = form.focused
            assert not (isinstance(focused, Button) and focused.has_class("add-row"))
            visited.append(_row_of(focused))
        assert "contacts" in visited  # the empty contacts table is still reached
        form.field_row("contacts").focus_target().focus()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        editor = form.field_row("contacts").editor
        assert isinstance(editor, RowsEditor) and len(editor.row_editors()) == 1
        assert _row_of(form.focused) == "contacts"


async def test_new_priority_rows_start_at_the_next_unused_priority() -> None:
    form: RecordForm[Agreement] = RecordForm(Agreement)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form.field_row("priority_times").focus_target().focus()
        await pilot.pause()
        for _ in range(3):
            await pilot.press("ctrl+n")
            await pilot.pause()
        editor = form.field_row("priority_times").editor
        assert isinstance(editor, RowsEditor)
        priorities = [row.read().get("priority") for row in editor.row_editors()]
        assert priorities == [Priority.P1, Priority.P2, Priority.P3]


def _choices(collection: str) -> Sequence[tuple[str, str]]:
    # A name that mentions another id comes first among the matches of "SUP-0002".
    return [("SUP-0001", "Took over SUP-0002's contracts"), ("SUP-0002", "Contoso Networks")]


async def test_an_exact_id_typed_in_a_picker_and_enter_picks_that_record() -> None:
    form: RecordForm[Agreement] = RecordForm(Agreement, choices=_choices)
    app = Harness(form)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = form.field_row("supplier_id").editor
        assert isinstance(picker, ReferencePicker)
        picker.search.focus()
        await pilot.pause()
        await pilot.press(*"sup-0002", "enter")
        await pilot.pause()
        assert picker.picked == ["SUP-0002"]


async def test_a_new_agreement_starts_in_the_currency_most_agreements_use() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        currencies = [a.currency for a in app.data.all(Agreement)]
        assert currencies.count("GBP") > currencies.count("EUR")
        app.create_record(Agreement)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.values()["currency"] == "GBP"
