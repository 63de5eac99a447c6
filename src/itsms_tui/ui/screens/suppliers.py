"""Suppliers (key 3): the register and everything about the highlighted supplier.

The register (columns, rows, detail) is declared in ``ui.registers.suppliers`` and named
by the suppliers' home; this screen adds the lifecycle steps (evaluate ... exit), with
their keys and forms in ``supplier_lifecycle``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from itsms_tui.services.register_rows import SupplierRow
from itsms_tui.ui.screens import supplier_lifecycle as lifecycle
from itsms_tui.ui.screens.register import RegisterScreen


class SuppliersScreen(RegisterScreen[SupplierRow]):
    """The supplier register (clause 8.3.1-8.3.4)."""

    MODE: ClassVar[str] = "suppliers"
    BINDINGS: ClassVar[list[BindingType]] = lifecycle.lifecycle_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in lifecycle.ACTIONS:
            return lifecycle.check_step(self, action, parameters)
        return super().check_action(action, parameters)

    def action_lifecycle(self, step: str) -> None:
        lifecycle.take_step(self, step)

    def action_explain_lifecycle(self, step: str) -> None:
        lifecycle.explain_step(self, step)
