"""The checker settings form (``o`` on the Compliance screen).

CheckSettings is a pydantic model but not a Record, and one of its fields is a mapping
(review months per supplier tier) that RecordForm has no editor for. This small form
reuses RecordForm's parts (FieldSpec, FieldRow, the plain error messages) with one
integer field per tier, and validates with CheckSettings itself, so the limits live in
one place. It dismisses with the new settings, or None when cancelled.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.enums import Criticality
from itsms_tui.ui.forms.error_text import plain_message
from itsms_tui.ui.forms.field_row import FieldRow
from itsms_tui.ui.forms.field_specs import FieldSpec, Kind, spec_for
from itsms_tui.ui.forms.values import OMIT
from itsms_tui.ui.quiet_updates import set_class
from itsms_tui.ui.widgets.confirm import ConfirmScreen

TIER_FIELD = "supplier_review_months"


def tier_field(tier: Criticality) -> str:
    """The form's field name for one tier's review interval."""
    return f"{TIER_FIELD}__{tier.value}"


def settings_specs() -> list[FieldSpec]:
    """One field per setting, the per-tier mapping as one integer field per tier."""
    specs: list[FieldSpec] = []
    for name, info in CheckSettings.model_fields.items():
        if name != TIER_FIELD:
            specs.append(spec_for(CheckSettings, name, info, required=True))
            continue
        defaults = CheckSettings().supplier_review_months
        for tier in Criticality:
            specs.append(
                FieldSpec(
                    name=tier_field(tier),
                    title=f"Supplier review, {tier.value} tier (months)",
                    help=(
                        f"Months between reviews of a {tier.value}-tier supplier that sets "
                        "no interval of its own (1-60)."
                    ),
                    kind=Kind.INTEGER,
                    optional=False,
                    required=True,
                    has_default=True,
                    default=defaults[tier],
                )
            )
    return specs


def current_values(settings: CheckSettings) -> dict[str, Any]:
    """The form's field name -> the value it opens with."""
    values: dict[str, Any] = {}
    for name in CheckSettings.model_fields:
        if name == TIER_FIELD:
            for tier, months in settings.supplier_review_months.items():
                values[tier_field(tier)] = months
        else:
            values[name] = getattr(settings, name)
    return values


def validate_settings(values: dict[str, Any]) -> tuple[CheckSettings | None, dict[str, str]]:
    """The settings from what is typed, or None and an error message per form field."""
    data: dict[str, Any] = {}
    months: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, value in values.items():
        if value is OMIT or value is None:
            errors[name] = "required"
        elif name.startswith(f"{TIER_FIELD}__"):
            months[name.removeprefix(f"{TIER_FIELD}__")] = value
        else:
            data[name] = value
    data[TIER_FIELD] = months
    try:
        settings = CheckSettings.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            loc = detail["loc"]
            if loc and loc[0] == TIER_FIELD and len(loc) > 1:
                name = f"{TIER_FIELD}__{loc[1]}"
            else:
                name = str(loc[0]) if loc else ""
            errors.setdefault(name, plain_message(detail, Kind.INTEGER))
        return None, errors
    if errors:
        return None, errors
    return settings, {}


class CheckSettingsForm(ModalScreen[CheckSettings | None]):
    """Edit the checker's thresholds; ctrl+s saves, Escape cancels (asking if changed)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="settings_form.save"),
        Binding("escape", "cancel", "Cancel", id="settings_form.cancel"),
    ]

    def __init__(self, settings: CheckSettings) -> None:
        super().__init__()
        self.settings = settings
        self.specs = settings_specs()
        self._initial = current_values(settings)
        self._start: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-dialog"):
            yield Static(
                "Checker settings: thresholds and intervals the rules apply",
                id="settings-title",
                markup=False,
            )
            yield Static("", id="settings-errors", markup=False)
            with VerticalScroll(id="settings-body", can_focus=False):
                for spec in self.specs:
                    yield FieldRow(spec, self._initial[spec.name])
            with Horizontal(id="settings-buttons"):
                yield Button("Save", id="settings-save", variant="primary", compact=True)
                yield Button("Cancel", id="settings-cancel", compact=True)
                yield Static(
                    "ctrl+s save · esc cancel · saved with the data",
                    id="settings-hint",
                    markup=False,
                )

    def on_mount(self) -> None:
        self._start = self.values()
        rows = self.field_rows()
        if rows:
            rows[0].focus_target().focus()

    def field_rows(self) -> list[FieldRow]:
        return list(self.query(FieldRow))

    def field_row(self, name: str) -> FieldRow:
        return self.query_one(f"#field-{name}", FieldRow)

    def values(self) -> dict[str, Any]:
        return {row.spec.name: row.value() for row in self.field_rows()}

    @property
    def is_dirty(self) -> bool:
        return self.values() != self._start

    def _show(self, errors: dict[str, str]) -> None:
        for row in self.field_rows():
            message = errors.get(row.spec.name)
            row.show_errors([message] if message else [])
        general = self.query_one("#settings-errors", Static)
        count = len(errors)
        general.update(f"{count} setting(s) to correct before saving" if count else "")
        set_class(general, bool(count), "-shown")

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        if self.is_mounted and self._start:
            _, errors = validate_settings(self.values())
            self._show(errors)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#settings-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#settings-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_save(self) -> None:
        settings, errors = validate_settings(self.values())
        self._show(errors)
        if settings is not None:
            self.dismiss(settings)
            return
        for row in self.field_rows():
            if row.spec.name in errors:
                row.focus_target().focus()
                row.scroll_visible(animate=False)
                break

    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Discard your changes?",
                ["The checker settings you typed will be lost."],
                confirm_label="Discard",
                cancel_label="Keep editing",
            ),
            answered,
        )
