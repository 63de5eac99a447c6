"""`m`: record a KPI measurement — the value field is focused, today is prefilled, Enter saves."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.ui.forms.error_text import plain_message
from itsms_tui.ui.widgets.ordered_input import OrderedInput

VALUE_LIMIT = 1e12


@dataclass(frozen=True, slots=True)
class MeasurementInput:
    value: float
    measured_on: date
    note: str


def parse_value(text: str) -> float:
    """A number as typed (``87``, ``99.95``, ``1,5``); raises ValueError with a plain message."""
    cleaned = text.strip().replace(",", ".").rstrip("%").strip()
    if not cleaned:
        raise ValueError("type a value")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"not a number: {text.strip()}") from None
    if not math.isfinite(value) or abs(value) > VALUE_LIMIT:
        raise ValueError("the value is out of range")
    return value


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError("the date must be YYYY-MM-DD") from None


class MeasurementPrompt(ModalScreen[MeasurementInput | None]):
    """Value, date and note for one KPI; Enter in any field saves when everything is valid."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="measure.cancel"),
        Binding("ctrl+s", "save", "Save", id="measure.save"),
    ]

    DEFAULT_CSS = """
    MeasurementPrompt {
        align: center middle;
        & > Vertical {
            width: 64;
            max-width: 100%;
            height: auto;
            border: round $primary;
            background: $panel;
            padding: 0 1;
        }
        & .title {
            text-style: bold;
        }
        & Horizontal {
            height: 1;
            margin-top: 1;
        }
        & Label {
            width: 12;
        }
        & Input {
            width: 1fr;
        }
        & #measure-error {
            color: $text-error;
            height: auto;
        }
        & .hint {
            color: $text-muted;
        }
    }
    """

    def __init__(self, kpi: Kpi, today: date) -> None:
        super().__init__()
        self.kpi = kpi
        self.today = today

    def compose(self) -> ComposeResult:
        kpi = self.kpi
        with Vertical():
            yield Static(Text(f"New measurement: {kpi.display}"), classes="title")
            yield Static(
                Text(
                    f"Target {kpi.target:g} {kpi.unit}, warning {kpi.warning:g} {kpi.unit} "
                    f"({kpi.direction.label})"
                ),
                classes="hint",
            )
            with Horizontal():
                yield Label(f"Value ({kpi.unit})"[:12], markup=False)
                yield OrderedInput(id="measure-value", compact=True, placeholder="e.g. 99.5")
            with Horizontal():
                yield Label("Measured on")
                yield OrderedInput(self.today.isoformat(), id="measure-date", compact=True)
            with Horizontal():
                yield Label("Note")
                yield OrderedInput(id="measure-note", compact=True, placeholder="optional")
            yield Static("", id="measure-error", markup=False)
            yield Static("Enter saves · Tab next field · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#measure-value", Input).focus()

    def result(self) -> MeasurementInput:
        """What is typed, validated; raises ValueError with the message to show."""
        value = parse_value(self.query_one("#measure-value", Input).value)
        day = parse_day(self.query_one("#measure-date", Input).value)
        note = self.query_one("#measure-note", Input).value.strip()
        try:
            Measurement(kpi_id=self.kpi.id, measured_on=day, value=value, note=note)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "value"
            raise ValueError(f"{where}: {plain_message(first)}") from None
        return MeasurementInput(value, day, note)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            result = self.result()
        except ValueError as error:
            self.query_one("#measure-error", Static).update(str(error))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
