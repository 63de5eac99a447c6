"""The supplier lifecycle as steps: which step a supplier may take, what each asks, what it fills.

proposed -> evaluating -> approved -> active -> under review -> suspended -> exited
(clause 8.3.1). A supplier under review or suspended is activated again when the matter is
settled; a supplier can be exited from any state. Each step names the fields its small
form asks for, which of them must be filled in, and the dates it fills with today when
blank (approval records the approval date), so a front end asks for exactly that and a
step taken from the CLI or a script obeys the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from itsms_tui.domain.changes import WorkflowError
from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.suppliers import Supplier

S = SupplierStatus


class LifecycleError(WorkflowError):
    """A lifecycle step that is not allowed, or misses a field; the message says which."""


@dataclass(frozen=True, slots=True)
class LifecycleStep:
    """One step: from which states, to which state, what it asks and fills."""

    name: str
    """``evaluate``: how the step is named in code and on the command line."""
    action: str
    """``Evaluate``: how it is named to people."""
    target: SupplierStatus
    sources: tuple[SupplierStatus, ...]
    fields: tuple[str, ...] = ()
    recorded: tuple[str, ...] = ()
    """Fields the services record with the step (who approved, an override reason), not
    asked for on its form."""
    """Asked for in the step's form (none: the step is only confirmed)."""
    required: tuple[str, ...] = ()
    """Must not be blank once the step is taken."""
    dates: tuple[str, ...] = ()
    """Filled with today's date when blank."""


STEPS: tuple[LifecycleStep, ...] = (
    LifecycleStep("evaluate", "Evaluate", S.EVALUATING, (S.PROPOSED,)),
    LifecycleStep(
        "approve",
        "Approve",
        S.APPROVED,
        (S.EVALUATING,),
        fields=("approved_on", "relationship_owner", "criticality", "review_interval_months"),
        recorded=("approved_by", "sod_override"),
        required=("approved_on", "relationship_owner"),
        dates=("approved_on",),
    ),
    LifecycleStep(
        "activate",
        "Activate",
        S.ACTIVE,
        (S.APPROVED, S.UNDER_REVIEW, S.SUSPENDED),
        fields=("relationship_owner",),
        required=("approved_on", "relationship_owner"),
    ),
    LifecycleStep("review", "Review", S.UNDER_REVIEW, (S.ACTIVE,), fields=("notes",)),
    LifecycleStep("suspend", "Suspend", S.SUSPENDED, (S.ACTIVE, S.UNDER_REVIEW), fields=("notes",)),
    LifecycleStep(
        "exit",
        "Exit",
        S.EXITED,
        (S.PROPOSED, S.EVALUATING, S.APPROVED, S.ACTIVE, S.UNDER_REVIEW, S.SUSPENDED),
        fields=("notes",),
    ),
)

BY_NAME: dict[str, LifecycleStep] = {step.name: step for step in STEPS}


def step_named(name: str) -> LifecycleStep:
    """The step called ``name``; LifecycleError naming the known ones otherwise."""
    try:
        return BY_NAME[name]
    except KeyError:
        known = ", ".join(BY_NAME)
        raise LifecycleError(f"no lifecycle step {name!r}; the steps are {known}") from None


def allowed_steps(supplier: Supplier) -> tuple[LifecycleStep, ...]:
    """The steps this supplier may take now, in lifecycle order."""
    return tuple(step for step in STEPS if supplier.status in step.sources)


def _words(status: SupplierStatus) -> str:
    return status.value.replace("_", " ")


def step_refusal(supplier: Supplier, step: LifecycleStep) -> tuple[str, LifecycleStep | None]:
    """Why ``step`` cannot be taken now, and the step that leads towards it (if one does).

    ``("Approve needs an evaluating supplier; SUP-0001 X is proposed", <evaluate>)``.
    """
    sources = " or ".join(_words(s) for s in step.sources)
    article = "an" if sources[:1] in "aeiou" else "a"
    now = _words(supplier.status)
    if supplier.status is S.EXITED:
        return f"{step.action}: {supplier.display} has exited; no further steps", None
    sentence = f"{step.action} needs {article} {sources} supplier; {supplier.display} is {now}"
    leads = next((s for s in allowed_steps(supplier) if s.target in step.sources), None)
    return sentence, leads


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def prefilled(supplier: Supplier, step: LifecycleStep, today: date) -> Supplier:
    """A copy of ``supplier`` whose blank step dates hold today (what the form starts with)."""
    updates = {name: today for name in step.dates if _blank(getattr(supplier, name))}
    return supplier.model_copy(update=updates)


def take_step(
    supplier: Supplier, step: LifecycleStep, updates: dict[str, Any] | None, today: date
) -> Supplier:
    """``supplier`` moved by ``step``, with the step's fields from ``updates``.

    Raises LifecycleError when the step is not allowed from the supplier's state, when
    ``updates`` holds a field the step does not ask for, or when a required field is blank.
    """
    if supplier.status not in step.sources:
        sentence, _ = step_refusal(supplier, step)
        raise LifecycleError(sentence)
    updates = dict(updates or {})
    extra = sorted(set(updates) - set(step.fields) - set(step.recorded))
    if extra:
        raise LifecycleError(
            f"{supplier.display}: {step.action.lower()} does not set {', '.join(extra)}"
        )
    data = prefilled(supplier, step, today).model_dump()
    data.update(updates)
    data["status"] = step.target
    moved = Supplier.model_validate(data)
    missing = [f for f in step.required if _blank(getattr(moved, f))]
    if missing:
        labels = ", ".join(str(Supplier.model_fields[f].title) for f in missing)
        raise LifecycleError(f"{supplier.display}: {step.action.lower()} needs {labels}")
    return moved
