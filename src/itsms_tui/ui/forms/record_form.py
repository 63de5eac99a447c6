"""RecordForm: one modal form for every entity, built from its pydantic model.

The form reads the model's fields (``field_specs``), builds an editor per field, and
validates with the model itself, so the rules live in one place (the domain). Errors
are shown next to the field they concern, in plain words, while the user types
(debounced) and on save; nothing typed is ever discarded by validation.

Usage from a screen::

    def done(supplier: Supplier | None) -> None:
        if supplier is not None:
            ...  # save through the services layer
    self.app.push_screen(RecordForm(Supplier, choices=self.choices), done)

On save the form dismisses with a validated instance of the model class; when editing,
``id``, ``revision``, ``created_at`` and ``updated_at`` are those of the original (the
store checks the revision). Given a ``submit`` callback, the form instead stays open while
it saves and closes only once the save is done (``saved``); a failed save (``save_failed``)
keeps everything typed, with the reason, ready to retry. Escape cancels (asking first when
something was changed) and dismisses with None. ctrl+g goes to a field by name.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Select, Static, Switch, TextArea

from itsms_tui.domain.record import Record
from itsms_tui.ui.forms.error_text import FormErrors, file_errors
from itsms_tui.ui.forms.field_row import FieldRow
from itsms_tui.ui.forms.field_specs import FieldSpec, Kind, field_specs
from itsms_tui.ui.forms.reference_picker import Candidates, ReferencePicker
from itsms_tui.ui.forms.rows_editor import RowsEditor
from itsms_tui.ui.forms.values import OMIT, empty_value
from itsms_tui.ui.quiet_updates import set_class, set_text
from itsms_tui.ui.widgets.confirm import ConfirmScreen
from itsms_tui.ui.widgets.ordered_input import OrderedInput

R = TypeVar("R", bound=Record)

ChoicesCallback = Callable[[str], Sequence[tuple[str, str]]]
"""Collection name (``"suppliers"``, or ``"*"`` for a KPI subject) -> (id, label) pairs."""

NarrowCallback = Callable[[type[Record], str, Mapping[str, Any]], Sequence[tuple[str, str]] | None]
"""(model, reference field, the form's current values) -> the candidates that field may
pick now, or None to offer every record of its collection (e.g. only the agreements of
the supplier a review is about)."""

VALIDATE_DELAY = 0.3
"""Seconds of quiet typing before the form re-validates."""

SubmitCallback = Callable[["RecordForm[Any]", Any], None]
"""Saves a validated record for the form; it then calls ``saved`` or ``save_failed``."""


HINT = "^s save · ^g go to field · esc cancel"
"""Fits beside the buttons at 80 columns (a field marked * is required)."""


def _blank(value: Any) -> bool:
    return (
        value is None
        or value is OMIT
        or value == []
        or (isinstance(value, str) and not value.strip())
    )


class RecordForm(ModalScreen[R | None], Generic[R]):
    """Create or edit one record of ``model``; dismisses with the validated record or None."""

    AUTO_FOCUS: ClassVar[str | None] = ""
    """No automatic focus: ``on_mount`` focuses the first field without selecting its text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("ctrl+g", "go_to_field", "Go to field", id="form.go_to_field"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    DEFAULT_CSS = """
    RecordForm {
        align: center middle;
        & > #form-dialog {
            width: 100%;
            max-width: 110;
            height: 100%;
            max-height: 60;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & #form-title {
            text-style: bold;
            height: auto;
        }
        & #form-errors {
            color: $text-error;
            text-style: bold;
            height: auto;
            max-height: 5;
            display: none;
        }
        & #form-errors.-shown {
            display: block;
        }
        & #form-body {
            height: 1fr;
            padding-right: 1;
        }
        & #form-buttons {
            height: 1;
            width: 100%;
        }
        & #form-buttons Button {
            margin-right: 2;
        }
        & #form-hint {
            color: $text-muted;
            width: 1fr;
        }
    }
    """

    def __init__(
        self,
        model: type[R],
        record: R | None = None,
        *,
        initial: Mapping[str, Any] | None = None,
        choices: ChoicesCallback | None = None,
        narrow: NarrowCallback | None = None,
        only: Collection[str] | None = None,
        exclude: Collection[str] = (),
        required: Collection[str] = (),
        title: str | None = None,
        draft: R | None = None,
        submit: SubmitCallback | None = None,
    ) -> None:
        """Build the form.

        Args:
            model: The record class (e.g. ``Supplier``).
            record: The record to edit; None to create one.
            initial: For a new record: starting values (e.g. ``{"supplier_id": "SUP-0001"}``);
                names that have no editor (excluded) are passed to the model as given.
                Ignored when ``record`` is given.
            choices: Candidates for reference fields, by collection name; without it a
                reference can only be typed as an exact id.
            narrow: Candidates that depend on the other fields (asked again whenever
                another reference changes); None from it falls back to ``choices``.
            only: Show just these fields (declaration order), e.g. what a change
                workflow transition needs; the other fields keep their values.
            exclude: Fields not to show (e.g. ``status`` moved only by a workflow).
            required: Fields that must not be left blank beyond what the model demands
                (e.g. ``required_fields(change, target)``).
            title: First line of the form; defaults to "New <label>" / "Edit <id name>".
            draft: When editing: the values the editors start with instead of ``record``'s
                (a retried edit merged onto the stored revision); ``record`` stays the
                revision the edit is based on.
            submit: Save the record while the form stays open (a failed save keeps what
                was typed); without it the form dismisses with the record.
        """
        super().__init__()
        self.model = model
        self.record = record
        self.draft = draft if record is not None else None
        self._submit = submit
        self.saving = False
        """True while ``submit`` is saving (a second ctrl+s waits for the outcome)."""
        self._choices = choices
        self._narrow = narrow
        self._all_specs = field_specs(model, required=required)
        self.specs = field_specs(model, only=only, exclude=exclude, required=required)
        self._extra_required = frozenset(required)
        self._sub_specs = {
            s.name: field_specs(s.sub_model)
            for s in self._all_specs
            if s.kind is Kind.ROWS and s.sub_model is not None
        }
        if record is not None:
            # Includes id, revision and timestamps: an edit carries them over unchanged.
            self._base: dict[str, Any] = (self.draft or record).model_dump()
        else:
            self._base = dict(initial or {})
        self.form_title = title or (
            f"Edit {model.label or model.__name__} {record.display}"
            if record is not None
            else f"New {model.label or model.__name__}"
        )
        self._initial_values: dict[str, Any] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._save_failure: str | None = None
        """Why the last save did not go through, shown above the errors until the next try."""
        self._timer: Timer | None = None

    # ------------------------------------------------------------------ layout

    def _start_value(self, spec: FieldSpec) -> Any:
        if self.record is not None:
            return getattr(self.draft or self.record, spec.name)
        if spec.name in self._base:
            return self._base[spec.name]
        return empty_value(spec)

    def _candidates_for(self, spec: FieldSpec) -> Callable[[], Candidates]:
        choices = self._choices
        narrow = self._narrow
        collection = spec.collection or ""

        def candidates() -> Candidates:
            if narrow is not None:
                narrowed = narrow(self.model, spec.name, self.current_values())
                if narrowed is not None:
                    return narrowed
            # a form pushed without its own choices (a workflow or lifecycle step) offers
            # the app's records, so its reference fields pick like any other form's
            source = choices if choices is not None else getattr(self.app, "choices", None)
            return source(collection) if callable(source) else []

        return candidates

    def current_values(self) -> dict[str, Any]:
        """What the record would hold now: the starting values with the editors' on top."""
        data = dict(self._base)
        for row in self.field_rows():
            try:
                value = row.value()
            except NoMatches:  # the row is still being built
                continue
            if value is OMIT:
                data.pop(row.spec.name, None)
            else:
                data[row.spec.name] = value
        return data

    @on(ReferencePicker.Changed)
    def _rescope(self, event: ReferencePicker.Changed) -> None:
        """Another reference changed: the pickers whose candidates depend on it ask again."""
        if self._narrow is None:
            return
        for picker in self.query(ReferencePicker):
            if picker is not event.picker:
                picker.reload_candidates()

    def compose(self) -> ComposeResult:
        with Vertical(id="form-dialog"):
            yield Static(self.form_title, id="form-title", markup=False)
            yield Static("", id="form-errors", markup=False)
            with VerticalScroll(id="form-body", can_focus=False):
                for spec in self.specs:
                    yield FieldRow(spec, self._start_value(spec), self._candidates_for(spec))
            with Horizontal(id="form-buttons"):
                yield Button("Save", id="form-save", variant="primary", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)
                yield Static(HINT, id="form-hint", markup=False)

    def on_mount(self) -> None:
        self._initial_values = self.values()
        rows = self.field_rows()
        if rows:
            target = rows[0].focus_target()
            if isinstance(target, OrderedInput):
                # Keys typed while the form opens must not replace the first field's text.
                target.keep_text_on_next_focus()
            self.set_focus(target)  # at once: a key already queued must find the field
        else:
            self.query_one("#form-save", Button).focus()

    # ------------------------------------------------------------------ reading

    def field_rows(self) -> list[FieldRow]:
        """The fields of the form, top to bottom."""
        return list(self.query(FieldRow))

    def field_row(self, name: str) -> FieldRow:
        """The row of one field (raises if the field is not in the form)."""
        return self.query_one(f"#field-{name}", FieldRow)

    def values(self) -> dict[str, Any]:
        """What the editors hold now, by field name (``OMIT`` for an empty field)."""
        return {row.spec.name: row.value() for row in self.field_rows()}

    @property
    def is_dirty(self) -> bool:
        """True when something differs from what the form opened with (or from ``record``)."""
        if self.draft is not None and self.draft.content() != self.record_content():
            return True
        return self.values() != self._initial_values

    def record_content(self) -> dict[str, Any]:
        """The edited record's own content (empty for a new record)."""
        return self.record.content() if self.record is not None else {}

    def validate(self) -> tuple[R | None, FormErrors]:
        """Validate what is typed with the model; the record, or None and the errors."""
        data = dict(self._base)
        values = self.values()
        for name, value in values.items():
            if value is OMIT:
                data.pop(name, None)
            else:
                data[name] = value
        errors = FormErrors()
        result: R | None = None
        try:
            result = self.model.model_validate(data)
        except ValidationError as error:
            errors = file_errors(
                error, self._all_specs, [s.name for s in self.specs], self._sub_specs
            )
        for name in self._extra_required:
            value = values.get(name, data.get(name))
            if _blank(value):
                if name in values:
                    errors.add_field(name, "required")
                else:
                    title = next(s.title for s in self._all_specs if s.name == name)
                    errors.add_general(f"{title}: required")
        if errors:
            return None, errors
        return result, errors

    # ------------------------------------------------------------------ showing errors

    def _show(self, errors: FormErrors) -> None:
        show_all = self._show_all
        general = self.query_one("#form-errors", Static)
        visible_general = errors.general if (show_all or self._touched) else []
        if self._save_failure is not None:  # a later live validation must not hide it
            visible_general = [self._save_failure, *visible_general]
        set_text(general, "\n".join(visible_general))
        set_class(general, bool(visible_general), "-shown")
        for row in self.field_rows():
            name = row.spec.name
            if not (show_all or name in self._touched):
                row.show_errors([])
                continue
            rows = {i: m for (n, i), m in errors.rows.items() if n == name}
            cells = {(i, sub) for (n, i, sub) in errors.cells if n == name}
            row.show_errors(errors.fields.get(name, []), rows, cells)

    def _live_validate(self) -> None:
        self._timer = None
        current = self.values()
        self._touched |= {n for n, v in current.items() if v != self._initial_values.get(n)}
        _, errors = self.validate()
        self._show(errors)

    def _schedule_validation(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(VALIDATE_DELAY, self._live_validate)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Switch.Changed)
    @on(ReferencePicker.Changed)
    @on(RowsEditor.Changed)
    def _edited(self) -> None:
        if self.is_mounted:
            self._schedule_validation()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """A field the user has left is validated even if unchanged (e.g. a required name)."""
        for node in event.widget.ancestors_with_self:
            if isinstance(node, FieldRow):
                self._touched.add(node.spec.name)
                self._schedule_validation()
                return

    # ------------------------------------------------------------------ actions

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter in a single-line field moves on, like Tab (it never saves by accident)."""
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_save(self) -> None:
        """Validate everything; dismiss with the record, or show every error and stay."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._show_all = True
        self._save_failure = None
        result, errors = self.validate()
        self._show(errors)
        if result is not None:
            if self._submit is None:
                self.dismiss(result)
            elif not self.saving:
                self.saving = True
                self._set_hint("Saving…")
                self._submit(self, result)
            return
        for row in self.field_rows():
            name = row.spec.name
            if errors.fields.get(name) or any(n == name for n, _ in errors.rows):
                row.focus_target().focus()
                row.scroll_visible(animate=False)
                break

    def action_go_to_field(self) -> None:
        """ctrl+g: type part of a field's label, Enter puts the cursor in that field."""
        from itsms_tui.ui.forms.field_jump import FieldJumpScreen

        fields = [(row.spec.name, row.spec.title) for row in self.field_rows()]

        def chosen(name: str | None) -> None:
            if name is not None:
                self.focus_field(name)

        self.app.push_screen(FieldJumpScreen(fields), chosen)

    def focus_field(self, name: str) -> None:
        """Put the cursor in a field and scroll it into view."""
        row = self.field_row(name)
        row.focus_target().focus()
        row.scroll_visible(animate=False)

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        """Close with ``result``; the form's widgets are removed once the screen under it
        has been painted.

        Textual removes a popped screen before it handles anything else, and a form's
        150-odd widgets take 0.1-0.3 s to remove: "Saved" and the updated register waited
        for that. Installed for the moment, the closed form is kept; it is uninstalled and
        removed after the next refresh.
        """
        app = self.app
        name = f"closed-form-{id(self)}"
        if app.is_screen_installed(name):  # dismissed twice: the first one tears down
            return super().dismiss(result)
        app.install_screen(self, name)

        def discard() -> None:
            app.uninstall_screen(name)
            if self.is_attached and self not in app.screen_stack:
                self.remove()

        try:
            closing = super().dismiss(result)
        except Exception:
            app.uninstall_screen(name)
            raise
        app.call_after_refresh(discard)
        return closing

    def saved(self, record: R) -> None:
        """The save went through: close with the stored record."""
        self.saving = False
        self.dismiss(record)

    def save_failed(self, reason: str) -> None:
        """The save did not go through: say why, keep everything typed, ready to retry."""
        self.saving = False
        self._set_hint(HINT)
        self._save_failure = f"Not saved: {reason}. Your text is kept; ctrl+s to try again."
        self._show(self.validate()[1])

    def _set_hint(self, text: str) -> None:
        self.query_one("#form-hint", Static).update(text)

    def action_cancel(self) -> None:
        """Close without saving; ask first when something was changed."""
        if not self.is_dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Discard your changes?",
                [f"{self.form_title}: what you typed will be lost."],
                confirm_label="Discard",
                cancel_label="Keep editing",
            ),
            answered,
        )
