"""Suppliers (key 3): the register and everything about the highlighted supplier.

The register (columns, rows, detail) is declared in ``ui.registers.suppliers`` and named
by the suppliers' home; this screen adds the lifecycle steps (evaluate ... exit), with
their keys and forms in ``supplier_lifecycle``, and ``m`` for a review meeting.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from itsms_tui.services.register_rows import SupplierRow
from itsms_tui.ui.screens import supplier_lifecycle as lifecycle
from itsms_tui.ui.screens.register import RegisterScreen


class SuppliersScreen(RegisterScreen[SupplierRow]):
    """The supplier register (clause 8.3.1-8.3.4)."""

    MODE: ClassVar[str] = "suppliers"
    BINDINGS: ClassVar[list[BindingType]] = [
        *lifecycle.lifecycle_bindings(),
        Binding("m", "review_meeting", "Review meeting", id="suppliers.review_meeting"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in lifecycle.ACTIONS:
            return lifecycle.check_step(self, action, parameters)
        return super().check_action(action, parameters)

    def action_review_meeting(self) -> None:
        """m: hold a review of the highlighted supplier (``screens.review_meeting``)."""
        from itsms_tui.ui.screens.review_meeting import ReviewMeetingScreen

        supplier = lifecycle.current_supplier(self)
        if supplier is None:
            self.notify("Nothing selected: move the cursor to a supplier first.", markup=False)
            return
        self.app.push_screen(ReviewMeetingScreen(supplier.id))

    def action_lifecycle(self, step: str) -> None:
        lifecycle.take_step(self, step)

    def action_explain_lifecycle(self, step: str) -> None:
        lifecycle.explain_step(self, step)
