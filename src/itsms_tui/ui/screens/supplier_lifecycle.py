"""Supplier lifecycle steps as keys on the Suppliers screen, each with a small form.

The domain (``domain.supplier_lifecycle``) says which steps a supplier may take, what each
asks for and which dates it fills; this module maps the steps to plain keys and opens the
step's form (just its fields, today's date filled in) or, for a step that asks nothing, a
yes/no question. ``Workspace.move_supplier`` runs in a worker. A key whose step is not
allowed now says why, like the change workflow's keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from itsms_tui.domain.supplier_lifecycle import (
    BY_NAME,
    LifecycleStep,
    allowed_steps,
    prefilled,
    step_refusal,
)
from itsms_tui.domain.suppliers import Supplier

if TYPE_CHECKING:
    from itsms_tui.ui.screens.base import MainScreen

STEP_KEYS: dict[str, str] = {
    "evaluate": "v",
    "approve": "o",
    "activate": "c",
    "review": "w",
    "suspend": "u",
    "exit": "x",
}
"""e(v)aluate, appr(o)ve, a(c)tivate, revie(w), s(u)spend, e(x)it: free on the Suppliers screen."""

ACTIONS: frozenset[str] = frozenset({"lifecycle", "explain_lifecycle"})


def lifecycle_bindings() -> list[BindingType]:
    """A key per step (shown only when allowed), then a hidden one that explains a refusal."""
    steps: list[BindingType] = [
        Binding(key, f"lifecycle('{name}')", BY_NAME[name].action, id=f"suppliers.step.{name}")
        for name, key in STEP_KEYS.items()
    ]
    explain = [
        Binding(key, f"explain_lifecycle('{name}')", BY_NAME[name].action, show=False)
        for name, key in STEP_KEYS.items()
    ]
    return [*steps, *explain]


def current_supplier(screen: MainScreen) -> Supplier | None:
    """The supplier under the register's cursor."""
    return _supplier(screen)


def _supplier(screen: MainScreen) -> Supplier | None:
    key = getattr(getattr(screen, "register", None), "cursor_key", None)
    record = screen.itsms.data.get(key) if key else None
    return record if isinstance(record, Supplier) else None


def check_step(screen: MainScreen, action: str, parameters: tuple[object, ...]) -> bool:
    """``check_action`` for the step keys: a step shows only when the supplier may take it."""
    if screen.itsms.read_only or not screen.is_mounted:
        return False
    supplier = _supplier(screen)
    if supplier is None:
        return False
    step = BY_NAME.get(str(parameters[0])) if parameters else None
    if step is None:
        return False
    allowed = step in allowed_steps(supplier)
    return allowed if action == "lifecycle" else not allowed


def refusal_text(supplier: Supplier, step: LifecycleStep) -> str:
    """The domain's sentence, plus the key of the step that leads there."""
    sentence, leads = step_refusal(supplier, step)
    if leads is not None:
        return f"{sentence}: press {STEP_KEYS[leads.name]} ({leads.action}) first"
    return sentence


def explain_step(screen: MainScreen, name: str) -> None:
    """A step key pressed when the step is not allowed: say what it needs."""
    supplier = _supplier(screen)
    if supplier is not None:
        screen.notify(refusal_text(supplier, BY_NAME[name]), severity="warning", markup=False)


def take_step(screen: MainScreen, name: str) -> None:
    """Ask for the step's fields (or confirm it), then move the supplier in a worker."""
    app = screen.itsms
    supplier = _supplier(screen)
    step = BY_NAME[name]
    if supplier is None:
        screen.notify("Move the cursor to a supplier first.", markup=False)
        return
    if step not in allowed_steps(supplier):  # pressed before the footer caught up
        explain_step(screen, name)
        return
    change = f"{step.action}: {supplier.display} is now {step.target.value.replace('_', ' ')}"

    if not step.fields:
        from itsms_tui.ui.widgets.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                app.run_service(app.workspace.move_supplier, supplier, step.name, success=change)

        before = supplier.status.value.replace("_", " ")
        after = step.target.value.replace("_", " ")
        app.push_screen(
            ConfirmScreen(
                f"{step.action} {supplier.display}?",
                [f"Lifecycle status: {before} → {after}"],
                confirm_label=step.action,
                cancel_label="Cancel",
            ),
            answered,
        )
        return

    from itsms_tui.ui.forms import RecordForm

    def job(result: Supplier) -> Supplier:
        updates = {f: getattr(result, f) for f in step.fields}
        return app.workspace.move_supplier(supplier, step.name, updates)

    form: RecordForm[Supplier] = RecordForm(
        Supplier,
        prefilled(supplier, step, app.today),
        only=step.fields,
        required=step.required,
        title=f"{step.action} {supplier.display}",
        submit=app.form_job(job, lambda _moved: change),
    )
    app.push_screen(form)
