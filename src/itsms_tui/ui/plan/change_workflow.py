"""The change workflow as keys and forms: which key asks for which step, what each form shows.

The domain decides what is allowed (``allowed_transitions``) and what each step needs
(``required_fields``); this module only maps steps to plain keys that arrive over SSH and
prepares the form: just the fields the step needs, dates and names filled in when blank.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.binding import Binding

from itsms_tui.domain.changes import (
    ACTION_NAMES,
    REQUIRED_FIELDS,
    ChangeRequest,
    allowed_transitions,
    required_fields,
    step_refusal,
)
from itsms_tui.domain.enums import ChangeStatus
from itsms_tui.ui.forms.field_specs import SYSTEM_FIELDS

S = ChangeStatus

STEP_KEYS: dict[ChangeStatus, str] = {
    S.SUBMITTED: "u",
    S.ASSESSED: "v",
    S.APPROVED: "a",
    S.REJECTED: "r",
    S.IMPLEMENTED: "i",
    S.REVIEWED: "w",
    S.CLOSED: "c",
}
"""su(b)mit, e(v)aluate, (a)pprove, (r)eject, (i)mplement, revie(w), (c)lose."""

DATE_FIELDS: frozenset[str] = frozenset(
    {"requested_on", "approved_on", "implemented_on", "reviewed_on", "closed_on"}
)
PERSON_FIELDS: frozenset[str] = frozenset({"requested_by", "approver"})

DECISION_FIELDS: frozenset[str] = frozenset(
    {
        "approver",
        "approved_on",
        "decision_notes",
        "implemented_on",
        "review_notes",
        "reviewed_on",
        "closed_on",
        "end_reason",
        "ended_on",
        "imported_history",
    }
)
"""Filled in by workflow steps (or by a withdrawal, a cancellation or an import of
history), so not asked for when a change is first recorded."""

EDIT_FIELDS: frozenset[str] = frozenset(
    set(ChangeRequest.model_fields)
    - SYSTEM_FIELDS
    - {"status", "kind", "end_reason", "ended_on", "imported_history"}
)
"""What ``E`` edits on a change: everything but its status (workflow only) and its kind."""


def step_bindings() -> list[Binding]:
    """One binding per workflow step; ``check_action`` shows only the allowed ones.

    Each key also has a hidden second binding, ``explain_step``: Textual tries it when the
    step is not allowed (its ``check_action`` is False), so the key says why instead of
    doing nothing.
    """
    steps = [
        Binding(key, f"move('{status.value}')", ACTION_NAMES[status], id=f"plan.change.{status}")
        for status, key in STEP_KEYS.items()
    ]
    explain = [
        Binding(key, f"explain_step('{status.value}')", ACTION_NAMES[status], show=False)
        for status, key in STEP_KEYS.items()
    ]
    return [*steps, *explain]


def refusal_text(change: ChangeRequest, target: ChangeStatus) -> str:
    """``Approve needs an assessed change; CHG-0001 X is draft: press u (Submit) first``.

    The sentence is the domain's (``step_refusal``); this adds the key of the step that
    leads there.
    """
    sentence, first = step_refusal(change, target)
    if first is not None:
        return f"{sentence}: press {STEP_KEYS[first]} ({ACTION_NAMES[first]}) first"
    allowed = allowed_transitions(change)
    if allowed and change.status is not ChangeStatus.CLOSED:
        return f"{sentence}; next: {next_steps_text(allowed)}"
    return sentence


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def prefilled(change: ChangeRequest, target: ChangeStatus, today: date, user: str) -> ChangeRequest:
    """A copy of ``change`` whose blank step fields hold today's date and the current user."""
    updates: dict[str, Any] = {}
    for name in required_fields(change, target):
        if not _blank(getattr(change, name)):
            continue
        if name in DATE_FIELDS:
            updates[name] = today
        elif name in PERSON_FIELDS and user:
            updates[name] = user
    return change.model_copy(update=updates)


def step_updates(result: ChangeRequest, fields: tuple[str, ...]) -> dict[str, Any]:
    """The values of the step's fields from the form's result."""
    return {name: getattr(result, name) for name in fields}


def new_change_fields(initial_state: ChangeStatus) -> tuple[set[str], tuple[str, ...]]:
    """(fields to leave out, fields required) of the form for a new change in that state.

    The status and kind were chosen already; decision fields come with later steps, except
    those the starting state itself needs (an unplanned change's implementation date).
    """
    needed: tuple[str, ...] = ()
    if initial_state in (S.SUBMITTED, S.IMPLEMENTED):
        needed = REQUIRED_FIELDS[initial_state]
    exclude = ({"status", "kind"} | DECISION_FIELDS) - set(needed)
    return exclude, needed


def next_steps_text(allowed: tuple[ChangeStatus, ...]) -> str:
    """``a Approve · r Reject``: the keys of the allowed steps."""
    if not allowed:
        return "none (closed)"
    return " · ".join(f"{STEP_KEYS[s]} {ACTION_NAMES[s]}" for s in allowed)
