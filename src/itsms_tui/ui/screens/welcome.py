"""First run on an empty data file: what the four areas are, and how to begin."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from itsms_tui.domain.suppliers import Supplier
from itsms_tui.ui.widgets.key_footer import KeyFooter
from itsms_tui.ui.widgets.status_header import StatusHeader

INTRO = (
    "This data file is empty. itsms-tui keeps four areas of ISO/IEC 20000-1:\n"
    "\n"
    "  2 Plan        objectives, processes, resources, risks, changes (8.1)\n"
    "  3 Suppliers   register, evaluations, reviews, disputes, actions (8.3)\n"
    "  4 Agreements  contracts, OLAs, customer SLAs, cancel-by dates (8.3)\n"
    "  5 KPIs        targets and measurements, red/amber/green at a glance\n"
    "\n"
    "1 Overview lists what needs attention today; ? shows the keys anywhere."
)


class WelcomeScreen(Screen[None]):
    """Offers: load the sample organisation into this file, or add the first supplier."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "load_demo", "Load demo data here", id="welcome.demo"),
        Binding("s", "first_supplier", "Add the first supplier", id="welcome.supplier"),
        Binding("escape", "app.pop_screen", "Start empty", id="welcome.skip"),
    ]

    def compose(self) -> ComposeResult:
        yield StatusHeader("overview")
        with Vertical(id="welcome"):
            yield Static(Text("Welcome to itsms-tui", style="bold"), id="welcome-title")
            yield Static(Text(INTRO), id="welcome-intro")
            with Horizontal(id="welcome-buttons"):
                yield Button("Load demo data here (d)", id="demo", variant="primary")
                yield Button("Add the first supplier (s)", id="supplier")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self._read_only():
            for button in self.query(Button):
                button.display = False
        else:
            self.query_one("#demo", Button).focus()

    def _read_only(self) -> bool:
        return bool(getattr(self.app, "read_only", False))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in {"load_demo", "first_supplier"} and self._read_only())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "demo":
            self.action_load_demo()
        else:
            self.action_first_supplier()

    def action_load_demo(self) -> None:
        app: Any = self.app
        self.dismiss()
        app.run_service(app.workspace.load_demo_here, success="Demo data loaded into this file")

    def action_first_supplier(self) -> None:
        app: Any = self.app
        self.dismiss()
        app.open_area_and_create("suppliers", Supplier)
