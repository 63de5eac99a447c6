"""Clause 8.1 control of changes: approval before implementation, and reviews afterwards.

- Implemented: an implementation date is recorded, or the status is implemented or
  reviewed, or a closed change has a review (only implemented changes get one).
- Reviewed: a review date and review notes are recorded.
- Standard changes are pre-approved and routine: no approval or post-implementation
  review is asked of them. Unplanned changes are recorded after the fact, so they are not
  checked for approval, only for their review.
- A review is due ``period`` days after implementation; on the due day it is on time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import Check, Evidence, Rule, any_of, blank, days, rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.change_integrity import missing_workflow_facts
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ChangeKind, ChangeStatus

CLAUSE = "8.1"

CHG_APPROVAL = Check("CHG-APPROVAL", CLAUSE, Topic.CHANGE)
CHG_EMERGENCY_REVIEW = Check("CHG-EMERGENCY-REVIEW", CLAUSE, Topic.CHANGE)
CHG_UNPLANNED_REVIEW = Check("CHG-UNPLANNED-REVIEW", CLAUSE, Topic.CHANGE)
CHG_PIR = Check("CHG-PIR", CLAUSE, Topic.CHANGE)
CHG_HISTORY = Check("CHG-HISTORY", CLAUSE, Topic.CHANGE)


def implemented(change: ChangeRequest) -> bool:
    if change.implemented_on is not None:
        return True
    if change.status in (ChangeStatus.IMPLEMENTED, ChangeStatus.REVIEWED):
        return True
    return change.status is ChangeStatus.CLOSED and change.reviewed_on is not None


def reviewed(change: ChangeRequest) -> bool:
    return change.reviewed_on is not None and not blank(change.review_notes)


def _approvable(change: ChangeRequest) -> bool:
    return change.kind in (ChangeKind.NORMAL, ChangeKind.EMERGENCY) and implemented(change)


def _of_kind(kind: ChangeKind) -> Callable[[DataSet], bool]:
    return any_of(ChangeRequest, lambda c: c.kind is kind)


def change_approval(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for change in data.all(ChangeRequest):
        if change.kind not in (ChangeKind.NORMAL, ChangeKind.EMERGENCY):
            continue
        if not implemented(change):
            continue
        done = change.implemented_on
        if change.status is ChangeStatus.REJECTED:
            yield CHG_APPROVAL.error(change, "implemented although the change was rejected")
        elif blank(change.approver) or change.approved_on is None:
            yield CHG_APPROVAL.error(change, "implemented without a recorded approval")
        elif done is not None and change.approved_on > done:
            yield CHG_APPROVAL.error(
                change, f"implemented on {done}, before its approval on {change.approved_on}"
            )


def _review_problem(change: ChangeRequest, period: int, today: date) -> str | None:
    """Why the change's review is late, or None when it is reviewed or not yet due."""
    if not implemented(change) or reviewed(change):
        return None
    if change.status is ChangeStatus.CLOSED:
        return "closed without a review"
    done = change.implemented_on
    if done is None:
        return "implemented (date not recorded) and not reviewed"
    due = done + timedelta(days=period)
    if today <= due:
        return None
    return f"implemented {done}; its review was due {due} ({days((today - due).days)} ago)"


def _late_reviews(
    data: DataSet, kind: ChangeKind, check: Check, period: int, today: date
) -> Iterator[Finding]:
    for change in data.all(ChangeRequest):
        if change.kind is kind:
            problem = _review_problem(change, period, today)
            if problem is not None:
                yield check.error(change, f"{kind.value} change {problem}")


def emergency_review(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _late_reviews(
        data, ChangeKind.EMERGENCY, CHG_EMERGENCY_REVIEW, settings.emergency_review_days, today
    )


def unplanned_review(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _late_reviews(
        data, ChangeKind.UNPLANNED, CHG_UNPLANNED_REVIEW, settings.emergency_review_days, today
    )


def post_implementation_review(
    data: DataSet, settings: CheckSettings, today: date
) -> Iterator[Finding]:
    yield from _late_reviews(
        data, ChangeKind.NORMAL, CHG_PIR, settings.post_implementation_review_days, today
    )


def imported_history(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    """Changes kept by ``import --allow-history`` although their workflow record is
    incomplete: evidence an auditor must weigh, so each one is listed with what it lacks."""
    for change in data.all(ChangeRequest):
        if not change.imported_history:
            continue
        missing = missing_workflow_facts(change)
        lacks = ", ".join(str(ChangeRequest.model_fields[f].title) for f in missing)
        yield CHG_HISTORY.warning(
            change,
            f"imported history: {change.status.value} without "
            + (lacks or "gaps (since completed)"),
        )


RULES: tuple[Rule, ...] = (
    rule(
        CHG_APPROVAL,
        "No change is implemented without approval",
        "A normal or emergency change that was implemented has an approver and an approval "
        "date on or before its implementation, and was not rejected.",
        change_approval,
        Evidence("implemented normal or emergency change", any_of(ChangeRequest, _approvable)),
    ),
    rule(
        CHG_EMERGENCY_REVIEW,
        "Emergency changes are reviewed afterwards",
        "An implemented emergency change has a review recorded within the emergency review "
        "period, and is not closed without one.",
        emergency_review,
        Evidence("emergency change", _of_kind(ChangeKind.EMERGENCY)),
    ),
    rule(
        CHG_UNPLANNED_REVIEW,
        "Unplanned changes are reviewed",
        "An unplanned change has a review of its consequences recorded within the emergency "
        "review period.",
        unplanned_review,
        Evidence("unplanned change", _of_kind(ChangeKind.UNPLANNED)),
    ),
    rule(
        CHG_PIR,
        "Implemented changes get a post-implementation review",
        "A normal change has its post-implementation review recorded within the set period "
        "after implementation.",
        post_implementation_review,
        Evidence("normal change", _of_kind(ChangeKind.NORMAL)),
    ),
    rule(
        CHG_HISTORY,
        "Imported history is listed",
        "A change imported with --allow-history although its workflow record was incomplete "
        "is listed with the steps it has no record of.",
        imported_history,
        Evidence("change", any_of(ChangeRequest)),
    ),
)
