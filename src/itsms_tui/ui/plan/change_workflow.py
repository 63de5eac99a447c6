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
    END_ACTION_NAMES,
    ENDINGS,
    REQUIRED_FIELDS,
    ChangeRequest,
    allowed_transitions,
    end_refusal,
    required_fields,
    step_refusal,
)
from itsms_tui.domain.enums import ChangeStatus
from itsms_tui.services.authority import Capability
from itsms_tui.services.workspace import Workspace
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

END_KEYS: dict[ChangeStatus, str] = {S.WITHDRAWN: "W", S.CANCELLED: "X"}
"""(W)ithdraw, cancel (X): the end of a change before implementation, with a reason."""

END_FIELDS: tuple[str, ...] = ("end_reason",)
"""What the withdraw or cancel form asks for (the date is today's)."""

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


def end_bindings() -> list[Binding]:
    """Withdraw and cancel, each with a hidden ``explain_end`` twin (like ``step_bindings``).

    Not in the footer (the steps fill it at 80 columns): the detail's "Next steps" line
    and the keys screen (``?``) list them.
    """
    ends = [
        Binding(
            key,
            f"end('{status.value}')",
            END_ACTION_NAMES[status],
            show=False,
            id=f"plan.change.{status}",
        )
        for status, key in END_KEYS.items()
    ]
    explain = [
        Binding(key, f"explain_end('{status.value}')", END_ACTION_NAMES[status], show=False)
        for status, key in END_KEYS.items()
    ]
    return [*ends, *explain]


def can_end(change: ChangeRequest) -> bool:
    """Whether the change may still be withdrawn or cancelled (the domain's rule)."""
    return all(end_refusal(change, target) is None for target in ENDINGS)


def end_refusal_text(change: ChangeRequest, target: ChangeStatus) -> str:
    """The domain's reason, and what to do instead once the change is implemented."""
    sentence = end_refusal(change, target) or f"{END_ACTION_NAMES[target]} is allowed"
    allowed = allowed_transitions(change)
    if allowed:
        return f"{sentence}; next: {next_steps_text(allowed)}"
    return sentence


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


def override_offered(workspace: Workspace, change: ChangeRequest, target: ChangeStatus) -> bool:
    """Whether the approve form asks for a separation-of-duties override reason: the
    administrator approving is the change's requester (anyone else is refused anyway)."""
    if target is not S.APPROVED or not workspace.checked_settings().separation_of_duties:
        return False
    actor = workspace.actor
    return bool(
        actor.person_id
        and actor.person_id == change.requested_by
        and actor.may(Capability.ADMINISTER)
    )


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


def next_steps_text(allowed: tuple[ChangeStatus, ...], *, endable: bool = False) -> str:
    """``a Approve · r Reject``: the keys of the allowed steps (then withdraw and cancel)."""
    steps = [f"{STEP_KEYS[s]} {ACTION_NAMES[s]}" for s in allowed]
    if endable:
        steps += [f"{key} {END_ACTION_NAMES[s]}" for s, key in END_KEYS.items()]
    if not steps:
        return "none (closed)"
    return " · ".join(steps)
