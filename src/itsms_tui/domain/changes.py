"""Change requests and their enforced workflow.

draft -> submitted -> assessed -> approved | rejected -> implemented -> reviewed -> closed.
Before implementation a change may instead be withdrawn (by its requester) or cancelled,
with a reason (``end_change``); both states are final.
An emergency change may be approved straight from submitted (assessment recorded with the
approval); an unplanned change is recorded as already implemented and must be reviewed.
Each target state states which fields it needs, so the UI can ask for exactly those.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from pydantic import Field

from itsms_tui.domain.enums import ChangeKind, ChangeStatus, RiskLevel
from itsms_tui.domain.fields import LongText, Name, PersonRef, RecordId, sod_override_field
from itsms_tui.domain.record import Record
from itsms_tui.domain.workflow_errors import WorkflowError as WorkflowError  # re-exported

S = ChangeStatus


class ChangeRequest(Record):
    """A request for change with assessment, approval, backout plan and review."""

    collection: ClassVar[str] = "changes"
    prefix: ClassVar[str] = "CHG"
    label: ClassVar[str] = "Change"
    title_field: ClassVar[str] = "title"
    references: ClassVar[dict[str, str]] = {
        "service_id": "services",
        "process_id": "processes",
        "supplier_id": "suppliers",
        "requested_by": "people",
        "approver": "people",
    }
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (
        ("planned_start", "planned_end"),
        ("requested_on", "approved_on"),
    )

    title: Name = Field(title="Change")
    description: LongText = Field(
        default="", title="Description", description="What changes and why."
    )
    kind: ChangeKind = Field(default=ChangeKind.NORMAL, title="Type")
    status: ChangeStatus = Field(
        default=ChangeStatus.DRAFT, title="Status", description="Moved only through the workflow."
    )
    requested_by: PersonRef = Field(default=None, title="Requested by")
    requested_on: date | None = Field(default=None, title="Requested on", description="YYYY-MM-DD")
    service_id: RecordId | None = Field(default=None, title="Service affected")
    process_id: RecordId | None = Field(default=None, title="Process affected")
    supplier_id: RecordId | None = Field(default=None, title="Supplier involved")
    impact_assessment: LongText = Field(default="", title="Impact assessment")
    risk_level: RiskLevel | None = Field(default=None, title="Risk level")
    backout_plan: LongText = Field(default="", title="Backout plan")
    planned_start: date | None = Field(
        default=None, title="Planned start", description="YYYY-MM-DD"
    )
    planned_end: date | None = Field(default=None, title="Planned end", description="YYYY-MM-DD")
    approver: PersonRef = Field(default=None, title="Approver")
    approved_on: date | None = Field(
        default=None, title="Decided on", description="Date of approval or rejection."
    )
    decision_notes: LongText = Field(
        default="",
        title="Decision notes",
        description="Conditions of approval or reason for rejection.",
    )
    sod_override: LongText = sod_override_field()
    implemented_on: date | None = Field(
        default=None, title="Implemented on", description="YYYY-MM-DD"
    )
    review_notes: LongText = Field(default="", title="Post-implementation review")
    reviewed_on: date | None = Field(default=None, title="Reviewed on", description="YYYY-MM-DD")
    closed_on: date | None = Field(default=None, title="Closed on", description="YYYY-MM-DD")
    end_reason: LongText = Field(
        default="",
        title="Reason withdrawn or cancelled",
        description="Why the change was withdrawn or cancelled before implementation.",
    )
    ended_on: date | None = Field(
        default=None, title="Withdrawn or cancelled on", description="YYYY-MM-DD"
    )
    imported_history: bool = Field(
        default=False,
        title="Imported history",
        description=(
            "Imported with --allow-history although its workflow record is incomplete; "
            "set only by that import."
        ),
    )


TRANSITIONS: dict[ChangeStatus, tuple[ChangeStatus, ...]] = {
    S.DRAFT: (S.SUBMITTED,),
    S.SUBMITTED: (S.ASSESSED, S.REJECTED),
    S.ASSESSED: (S.APPROVED, S.REJECTED),
    S.APPROVED: (S.IMPLEMENTED,),
    S.REJECTED: (S.CLOSED,),
    S.IMPLEMENTED: (S.REVIEWED,),
    S.REVIEWED: (S.CLOSED,),
    S.CLOSED: (),
    S.WITHDRAWN: (),
    S.CANCELLED: (),
}
"""Workflow steps. Withdrawing or cancelling is not a step of the flow but its end, with
a reason: ``end_change``."""

EMERGENCY_SHORTCUT: tuple[ChangeStatus, ChangeStatus] = (S.SUBMITTED, S.APPROVED)

REQUIRED_FIELDS: dict[ChangeStatus, tuple[str, ...]] = {
    S.SUBMITTED: ("requested_by", "requested_on"),
    S.ASSESSED: ("impact_assessment", "risk_level", "backout_plan"),
    S.APPROVED: ("approver", "approved_on"),
    S.REJECTED: ("approver", "approved_on", "decision_notes"),
    S.IMPLEMENTED: ("implemented_on",),
    S.REVIEWED: ("review_notes", "reviewed_on"),
    S.CLOSED: ("closed_on",),
}
"""What must be filled in (already, or with the transition) to enter each state."""

ACTION_NAMES: dict[ChangeStatus, str] = {
    S.SUBMITTED: "Submit",
    S.ASSESSED: "Assess",
    S.APPROVED: "Approve",
    S.REJECTED: "Reject",
    S.IMPLEMENTED: "Implement",
    S.REVIEWED: "Review",
    S.CLOSED: "Close",
}

INITIAL_STATES: dict[ChangeKind, tuple[ChangeStatus, ...]] = {
    ChangeKind.STANDARD: (S.DRAFT, S.APPROVED),
    ChangeKind.NORMAL: (S.DRAFT,),
    ChangeKind.EMERGENCY: (S.DRAFT, S.SUBMITTED),
    ChangeKind.UNPLANNED: (S.IMPLEMENTED,),
}
"""States a new change of each kind may be recorded in: a standard change is pre-approved;
an unplanned change is recorded after the fact, as implemented, to be reviewed."""


def allowed_transitions(change: ChangeRequest) -> tuple[ChangeStatus, ...]:
    """The states this change may move to next."""
    nexts = TRANSITIONS[change.status]
    if change.kind is ChangeKind.EMERGENCY and change.status is EMERGENCY_SHORTCUT[0]:
        nexts = (*nexts, EMERGENCY_SHORTCUT[1])
    return nexts


def _allowed_from(status: ChangeStatus, kind: ChangeKind) -> tuple[ChangeStatus, ...]:
    nexts = TRANSITIONS[status]
    if kind is ChangeKind.EMERGENCY and status is EMERGENCY_SHORTCUT[0]:
        nexts = (*nexts, EMERGENCY_SHORTCUT[1])
    return nexts


def _state_words(states: tuple[ChangeStatus, ...]) -> str:
    words = " or ".join(s.value.replace("_", " ") for s in states)
    article = "an" if words[:1] in "aeiou" else "a"
    return f"{article} {words}"


def step_refusal(change: ChangeRequest, target: ChangeStatus) -> tuple[str, ChangeStatus | None]:
    """Why ``target`` is not a step this change can take now, and the step that leads there.

    ``("Approve needs an assessed change; CHG-0001 is draft", SUBMITTED)``: the sentence
    names the state the step starts from; the step is the first one on the shortest way
    there (None when no way leads there: the change is past it, or closed).
    """
    action = ACTION_NAMES.get(target, target.value)
    # The usual way first, then a shortcut (an emergency approval straight from submitted).
    sources = tuple(
        sorted(
            (s for s in ChangeStatus if target in _allowed_from(s, change.kind)),
            key=lambda s: target not in TRANSITIONS[s],
        )
    )
    current = change.status.value.replace("_", " ")
    if change.status is S.CLOSED:
        sentence = f"{action}: {change.display} is closed, no further steps"
    elif target in allowed_transitions(change):
        sentence = f"{action} is allowed for {change.display}"
    elif sources:
        sentence = f"{action} needs {_state_words(sources)} change; {change.display} is {current}"
    else:
        sentence = f"{action}: no change moves to {target.value} by a step"
    return sentence, _first_step_towards(change, set(sources))


def _first_step_towards(change: ChangeRequest, goals: set[ChangeStatus]) -> ChangeStatus | None:
    """Breadth-first over the workflow: the first step of the shortest path into ``goals``."""
    if change.status in goals:
        return None
    frontier: list[tuple[ChangeStatus, ChangeStatus]] = [
        (step, step) for step in allowed_transitions(change)
    ]
    seen = {change.status}
    while frontier:
        nxt: list[tuple[ChangeStatus, ChangeStatus]] = []
        for state, first in frontier:
            if state in goals:
                return first
            if state in seen:
                continue
            seen.add(state)
            nxt.extend((after, first) for after in _allowed_from(state, change.kind))
        frontier = nxt
    return None


def required_fields(change: ChangeRequest, target: ChangeStatus) -> tuple[str, ...]:
    """Fields needed to enter ``target``; an emergency approval also needs the assessment."""
    fields = REQUIRED_FIELDS.get(target, ())
    if target is S.APPROVED and change.status is S.SUBMITTED:
        fields = (*REQUIRED_FIELDS[S.ASSESSED], *fields)
    return fields


def is_blank(value: Any) -> bool:
    """Empty for the workflow: None, or a string of only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def transition(
    change: ChangeRequest, target: ChangeStatus, updates: dict[str, Any] | None = None
) -> ChangeRequest:
    """Return a copy of ``change`` moved to ``target`` with ``updates`` applied.

    Raises WorkflowError naming the allowed transitions, or the missing fields.
    """
    allowed = allowed_transitions(change)
    if target not in allowed:
        names = ", ".join(s.value for s in allowed) or "none (the change is closed)"
        raise WorkflowError(
            f"{change.display}: cannot go from {change.status.value} to {target.value}; "
            f"allowed: {names}"
        )
    updates = dict(updates or {})
    if "status" in updates:
        raise WorkflowError("status is set by the transition, not as a field")
    data = change.model_dump()
    data.update(updates)
    data["status"] = target
    moved = ChangeRequest.model_validate(data)
    missing = [f for f in required_fields(change, target) if is_blank(getattr(moved, f))]
    if missing:
        labels = ", ".join(str(ChangeRequest.model_fields[f].title) for f in missing)
        raise WorkflowError(f"{change.display}: {target.value} needs {labels}")
    return moved


_LIFECYCLE: tuple[ChangeStatus, ...] = (
    S.SUBMITTED,
    S.ASSESSED,
    S.APPROVED,
    S.REJECTED,
    S.IMPLEMENTED,
    S.REVIEWED,
    S.CLOSED,
)
"""States in lifecycle order. Approved and rejected are alternatives at one step and
need the same decision fields, so listing both before implemented is harmless."""


ENDINGS: tuple[ChangeStatus, ...] = (S.WITHDRAWN, S.CANCELLED)
"""Final states a change not yet implemented may end in, with a reason."""

ENDABLE_FROM: tuple[ChangeStatus, ...] = (S.DRAFT, S.SUBMITTED, S.ASSESSED, S.APPROVED)
"""States a change may be withdrawn or cancelled from: before it is implemented."""

END_ACTION_NAMES: dict[ChangeStatus, str] = {S.WITHDRAWN: "Withdraw", S.CANCELLED: "Cancel"}


def end_refusal(change: ChangeRequest, target: ChangeStatus) -> str | None:
    """Why ``change`` cannot be withdrawn or cancelled now (None: it can, with a reason)."""
    if target not in ENDINGS:
        return f"{target.value} is not withdrawn or cancelled"
    if change.status in ENDABLE_FROM:
        return None
    action = END_ACTION_NAMES[target].lower()
    allowed = ", ".join(s.value for s in ENDABLE_FROM)
    return (
        f"{change.display}: cannot {action} a change that is {change.status.value} (only {allowed})"
    )


def end_change(change: ChangeRequest, target: ChangeStatus, reason: str, on: date) -> ChangeRequest:
    """Return a copy of ``change`` withdrawn or cancelled on ``on`` for ``reason``.

    Raises WorkflowError when ``target`` is not an ending, the change is past approval
    (an implemented change is reviewed instead), or no reason is given.
    """
    refusal = end_refusal(change, target)
    if refusal is not None:
        raise WorkflowError(refusal)
    action = END_ACTION_NAMES[target].lower()
    if is_blank(reason):
        raise WorkflowError(f"{change.display}: {action} needs a reason")
    data = change.model_dump()
    data.update(status=target, end_reason=reason, ended_on=on)
    return ChangeRequest.model_validate(data)


def frozen_fields(change: ChangeRequest) -> tuple[str, ...]:
    """Fields a plain edit may no longer change: the evidence of steps already taken.

    A field is frozen once the change has reached a state that required it and the field
    holds a value (an unplanned or standard change never recorded an approval, so its
    approver is not frozen). Only the workflow records these facts.
    """
    if change.status is S.DRAFT:
        return ()
    if change.status in ENDINGS:
        return tuple(name for name in ChangeRequest.model_fields if name in _ENDED_FROZEN)
    reached = _LIFECYCLE[: _LIFECYCLE.index(change.status) + 1]
    names: list[str] = []
    for state in reached:
        for name in REQUIRED_FIELDS.get(state, ()):
            if name not in names and not is_blank(getattr(change, name)):
                names.append(name)
    return tuple(names)


_ENDED_FROZEN = frozenset(
    {*(f for fields in REQUIRED_FIELDS.values() for f in fields), "end_reason", "ended_on"}
)


def check_edit(stored: ChangeRequest, edited: ChangeRequest) -> None:
    """Refuse a plain edit that moves the status or rewrites recorded workflow facts.

    The kind is fixed once the change is submitted (it decides which steps were needed),
    and only an import with ``--allow-history`` marks a change as imported history.
    """
    if stored.status is not edited.status:
        raise WorkflowError(f"{stored.display}: status changes go through the workflow actions")
    if stored.kind is not edited.kind and stored.status is not S.DRAFT:
        raise WorkflowError(
            f"{stored.display}: Type cannot change after submission "
            f"(it is {stored.kind.value}); withdraw it and record a new change"
        )
    if stored.imported_history is not edited.imported_history:
        raise WorkflowError(
            f"{stored.display}: Imported history is set only by import --allow-history"
        )
    changed = [
        str(ChangeRequest.model_fields[name].title)
        for name in frozen_fields(stored)
        if getattr(stored, name) != getattr(edited, name)
    ]
    if changed:
        raise WorkflowError(
            f"{stored.display}: {', '.join(changed)} "
            f"{'was' if len(changed) == 1 else 'were'} recorded by a workflow step "
            "and cannot be edited"
        )


def check_initial_state(change: ChangeRequest) -> None:
    """Refuse a new change recorded in a state its kind cannot start in."""
    if change.imported_history:
        raise WorkflowError("Imported history is set only by import --allow-history")
    starts = INITIAL_STATES[change.kind]
    if change.status not in starts:
        names = ", ".join(s.value for s in starts)
        raise WorkflowError(
            f"a new {change.kind.value} change starts as {names}, not {change.status.value}"
        )
