"""What a change's recorded facts must agree with, whatever path it arrives by.

The workflow (``domain.changes.transition``) only lets a change reach a state with the
fields of every step on the way; an import or a script could otherwise write a closed
change that was never approved. These checks state the same facts for a change taken as
it is, so the importer, the workspace and the workflow apply one rule.
"""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.changes import (
    INITIAL_STATES,
    REQUIRED_FIELDS,
    ChangeRequest,
    is_blank,
)
from itsms_tui.domain.enums import ChangeKind, ChangeStatus

S = ChangeStatus

FieldProblem = tuple[str, str]
"""(field name, message): the message reads after ``record.field:``."""

_DONE_PATH: tuple[ChangeStatus, ...] = (
    S.SUBMITTED,
    S.ASSESSED,
    S.APPROVED,
    S.IMPLEMENTED,
    S.REVIEWED,
    S.CLOSED,
)
_REJECTED_PATH: tuple[ChangeStatus, ...] = (S.SUBMITTED, S.REJECTED, S.CLOSED)
_ENDED: frozenset[ChangeStatus] = frozenset({S.WITHDRAWN, S.CANCELLED})

STEP_DATES: tuple[str, ...] = (
    "requested_on",
    "approved_on",
    "implemented_on",
    "reviewed_on",
    "closed_on",
)
"""Step dates in workflow order. There is no assessment date: the assessment is recorded
with its step and dated by the audit trail."""


def _looks_rejected(change: ChangeRequest) -> bool:
    """A closed change with no implementation or review went the rejection way."""
    return (
        change.implemented_on is None
        and change.reviewed_on is None
        and is_blank(change.review_notes)
    )


def _path(change: ChangeRequest) -> tuple[ChangeStatus, ...]:
    """The states a change in its status has passed through (its own status last)."""
    status = change.status
    if status in _ENDED:
        return ()
    if status is S.REJECTED or (
        status is S.CLOSED and change.kind is not ChangeKind.UNPLANNED and _looks_rejected(change)
    ):
        path = _REJECTED_PATH
    else:
        path = _DONE_PATH
    if status not in path:
        return ()
    reached = path[: path.index(status) + 1]
    # A kind that may start further along (standard: approved; unplanned: implemented)
    # never recorded the steps up to and including its latest starting state.
    start = max(
        (s for s in INITIAL_STATES[change.kind] if s in _DONE_PATH),
        key=_DONE_PATH.index,
        default=None,
    )
    if start is None:
        return reached
    skipped = set(_DONE_PATH[: _DONE_PATH.index(start) + 1])
    return tuple(s for s in reached if s not in skipped)


def missing_workflow_facts(change: ChangeRequest) -> tuple[str, ...]:
    """Fields the steps behind the change's status needed but that are empty."""
    missing: list[str] = []
    if change.status in _ENDED:
        return tuple(n for n in ("end_reason", "ended_on") if is_blank(getattr(change, n)))
    for state in _path(change):
        fields = REQUIRED_FIELDS.get(state, ())
        if state is S.APPROVED:
            fields = (*REQUIRED_FIELDS[S.ASSESSED], *fields)
        for name in fields:
            if name not in missing and is_blank(getattr(change, name)):
                missing.append(name)
    return tuple(missing)


def _title(name: str) -> str:
    return str(ChangeRequest.model_fields[name].title)


def workflow_fact_problems(change: ChangeRequest) -> list[FieldProblem]:
    """A change whose status claims steps it has no record of (unless imported history)."""
    if change.imported_history:
        return []
    missing = missing_workflow_facts(change)
    if not missing:
        return []
    labels = ", ".join(_title(name) for name in missing)
    return [
        (
            missing[0],
            f"a {change.status.value} {change.kind.value} change needs {labels} "
            "(recorded by the workflow steps before it)",
        )
    ]


def ending_problems(change: ChangeRequest) -> list[FieldProblem]:
    """An ending's reason or date on a change that was neither withdrawn nor cancelled."""
    if change.status in _ENDED:
        return []
    return [
        (name, "is recorded only when the change is withdrawn or cancelled")
        for name in ("end_reason", "ended_on")
        if not is_blank(getattr(change, name))
    ]


def step_date_problems(change: ChangeRequest, today: date) -> list[FieldProblem]:
    """Step dates out of workflow order, or in the future."""
    problems: list[FieldProblem] = []
    latest: tuple[str, date] | None = None
    for name in STEP_DATES:
        value: date | None = getattr(change, name)
        if value is None:
            continue
        if value > today:
            problems.append((name, f"{value} is in the future (today is {today})"))
        if latest is not None and value < latest[1]:
            problems.append(
                (
                    name,
                    f"{_title(name)} ({value}) is before {_title(latest[0])} ({latest[1]}); "
                    "steps are dated in workflow order",
                )
            )
        if latest is None or value >= latest[1]:
            latest = (name, value)
    ended_on = change.ended_on
    if ended_on is not None:
        if ended_on > today:
            problems.append(("ended_on", f"{ended_on} is in the future (today is {today})"))
        if latest is not None and ended_on < latest[1]:
            problems.append(
                (
                    "ended_on",
                    f"{_title('ended_on')} ({ended_on}) is before "
                    f"{_title(latest[0])} ({latest[1]})",
                )
            )
    return problems


def change_problems(change: ChangeRequest, today: date) -> list[FieldProblem]:
    """Every integrity problem of one change taken on its own."""
    return [
        *workflow_fact_problems(change),
        *ending_problems(change),
        *step_date_problems(change, today),
    ]


def as_imported_history(change: ChangeRequest) -> ChangeRequest:
    """The change marked as imported history when its workflow facts are incomplete."""
    if change.imported_history or not missing_workflow_facts(change):
        return change
    return change.model_copy(update={"imported_history": True})
