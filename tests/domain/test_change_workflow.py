"""The enforced change workflow: legal and illegal moves, required fields, first states."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from itsms_tui.domain.changes import (
    ChangeRequest,
    WorkflowError,
    allowed_transitions,
    check_edit,
    check_initial_state,
    frozen_fields,
    transition,
)
from itsms_tui.domain.enums import ChangeKind, ChangeStatus, RiskLevel

S = ChangeStatus
K = ChangeKind

# What the brief specifies, written out independently of changes.TRANSITIONS.
NEXT: dict[ChangeStatus, set[ChangeStatus]] = {
    S.DRAFT: {S.SUBMITTED},
    S.SUBMITTED: {S.ASSESSED, S.REJECTED},
    S.ASSESSED: {S.APPROVED, S.REJECTED},
    S.APPROVED: {S.IMPLEMENTED},
    S.REJECTED: {S.CLOSED},
    S.IMPLEMENTED: {S.REVIEWED},
    S.REVIEWED: {S.CLOSED},
    S.CLOSED: set(),
    S.WITHDRAWN: set(),
    S.CANCELLED: set(),
}


def expected_next(kind: ChangeKind, status: ChangeStatus) -> set[ChangeStatus]:
    extra = {S.APPROVED} if kind is K.EMERGENCY and status is S.SUBMITTED else set()
    return NEXT[status] | extra


ENTRY: dict[ChangeStatus, dict[str, Any]] = {
    S.SUBMITTED: {"requested_by": "PER-0009", "requested_on": date(2024, 5, 1)},
    S.ASSESSED: {
        "impact_assessment": "Core switch reload: 5 min outage.\nBranch offices affected.",
        "risk_level": RiskLevel.MEDIUM,
        "backout_plan": "Restore the saved configuration.",
    },
    S.APPROVED: {"approver": "PER-0003", "approved_on": date(2024, 5, 3)},
    S.REJECTED: {
        "approver": "PER-0003",
        "approved_on": date(2024, 5, 3),
        "decision_notes": "Clashes with the quarter-end freeze.",
    },
    S.IMPLEMENTED: {"implemented_on": date(2024, 5, 10)},
    S.REVIEWED: {"review_notes": "Went as planned.", "reviewed_on": date(2024, 5, 14)},
    S.CLOSED: {"closed_on": date(2024, 5, 15)},
}

ENTRY_TITLES: dict[ChangeStatus, list[str]] = {
    S.SUBMITTED: ["Requested by", "Requested on"],
    S.ASSESSED: ["Impact assessment", "Risk level", "Backout plan"],
    S.APPROVED: ["Approver", "Decided on"],
    S.REJECTED: ["Approver", "Decided on", "Decision notes"],
    S.IMPLEMENTED: ["Implemented on"],
    S.REVIEWED: ["Post-implementation review", "Reviewed on"],
    S.CLOSED: ["Closed on"],
}


def change(kind: ChangeKind, status: ChangeStatus, **fields: Any) -> ChangeRequest:
    return ChangeRequest(
        id="CHG-0001", title="Replace core switch", kind=kind, status=status, **fields
    )


def entry_fields(kind: ChangeKind, source: ChangeStatus, target: ChangeStatus) -> dict[str, Any]:
    fields = dict(ENTRY.get(target, {}))
    if kind is K.EMERGENCY and source is S.SUBMITTED and target is S.APPROVED:
        fields.update(ENTRY[S.ASSESSED])
    return fields


LEGAL = [
    (kind, source, target)
    for kind in K
    for source in S
    for target in sorted(expected_next(kind, source))
]
ILLEGAL = [
    (kind, source, target)
    for kind in K
    for source in S
    for target in S
    if target not in expected_next(kind, source)
]


@pytest.mark.parametrize(("kind", "source"), [(k, s) for k in K for s in S])
def test_allowed_transitions_match_the_workflow(kind: ChangeKind, source: ChangeStatus) -> None:
    assert set(allowed_transitions(change(kind, source))) == expected_next(kind, source)


@pytest.mark.parametrize(("kind", "source", "target"), LEGAL)
def test_every_legal_transition_works_with_its_fields(
    kind: ChangeKind, source: ChangeStatus, target: ChangeStatus
) -> None:
    before = change(kind, source)
    updates = entry_fields(kind, source, target)
    moved = transition(before, target, updates)
    assert moved.status is target
    for name, value in updates.items():
        assert getattr(moved, name) == value
    assert before.status is source


@pytest.mark.parametrize(("kind", "source", "target"), ILLEGAL)
def test_every_illegal_transition_names_the_allowed_next_states(
    kind: ChangeKind, source: ChangeStatus, target: ChangeStatus
) -> None:
    with pytest.raises(WorkflowError) as caught:
        transition(change(kind, source), target, entry_fields(kind, source, target))
    message = str(caught.value)
    assert f"from {source.value} to {target.value}" in message
    allowed = expected_next(kind, source)
    for state in allowed:
        assert state.value in message.split("allowed:", 1)[1]
    if not allowed:
        assert "closed" in message.split("allowed:", 1)[1]


@pytest.mark.parametrize(("kind", "source", "target"), LEGAL)
def test_missing_required_fields_are_named(
    kind: ChangeKind, source: ChangeStatus, target: ChangeStatus
) -> None:
    with pytest.raises(WorkflowError) as caught:
        transition(change(kind, source), target)
    message = str(caught.value)
    titles = list(ENTRY_TITLES[target])
    if kind is K.EMERGENCY and source is S.SUBMITTED and target is S.APPROVED:
        titles += ENTRY_TITLES[S.ASSESSED]
    for title in titles:
        assert title in message
    assert target.value in message


def test_only_the_fields_still_missing_are_named_and_blank_text_counts_as_missing() -> None:
    draft = change(K.NORMAL, S.DRAFT, requested_by="PER-0009")
    with pytest.raises(WorkflowError) as caught:
        transition(draft, S.SUBMITTED)
    assert "Requested on" in str(caught.value)
    assert "Requested by" not in str(caught.value)
    with pytest.raises(WorkflowError, match="Requested by"):
        transition(
            change(K.NORMAL, S.DRAFT),
            S.SUBMITTED,
            {"requested_by": "   ", "requested_on": date(2024, 5, 1)},
        )


def test_emergency_shortcut_needs_the_assessment_recorded_with_the_approval() -> None:
    submitted = change(K.EMERGENCY, S.SUBMITTED, **ENTRY[S.SUBMITTED])
    with pytest.raises(WorkflowError) as caught:
        transition(submitted, S.APPROVED, ENTRY[S.APPROVED])
    for title in ENTRY_TITLES[S.ASSESSED]:
        assert title in str(caught.value)
    approved = transition(submitted, S.APPROVED, {**ENTRY[S.APPROVED], **ENTRY[S.ASSESSED]})
    assert approved.status is S.APPROVED
    assert approved.risk_level is RiskLevel.MEDIUM


def test_emergency_shortcut_accepts_an_assessment_already_on_the_record() -> None:
    submitted = change(K.EMERGENCY, S.SUBMITTED, **ENTRY[S.SUBMITTED], **ENTRY[S.ASSESSED])
    assert transition(submitted, S.APPROVED, ENTRY[S.APPROVED]).status is S.APPROVED


def test_normal_change_cannot_skip_assessment() -> None:
    submitted = change(K.NORMAL, S.SUBMITTED, **ENTRY[S.SUBMITTED], **ENTRY[S.ASSESSED])
    with pytest.raises(WorkflowError, match="allowed: assessed, rejected"):
        transition(submitted, S.APPROVED, ENTRY[S.APPROVED])


def test_a_normal_change_walks_the_whole_lifecycle_and_keeps_its_history() -> None:
    current = change(K.NORMAL, S.DRAFT)
    path = [S.SUBMITTED, S.ASSESSED, S.APPROVED, S.IMPLEMENTED, S.REVIEWED, S.CLOSED]
    for target in path:
        current = transition(current, target, ENTRY[target])
    assert current.status is S.CLOSED
    assert current.approver == "PER-0003" and current.review_notes == "Went as planned."
    assert allowed_transitions(current) == ()


def test_an_unplanned_change_is_reviewed_then_closed() -> None:
    recorded = change(K.UNPLANNED, S.IMPLEMENTED, implemented_on=date(2024, 5, 9))
    check_initial_state(recorded)
    reviewed = transition(recorded, S.REVIEWED, ENTRY[S.REVIEWED])
    assert transition(reviewed, S.CLOSED, ENTRY[S.CLOSED]).status is S.CLOSED


def test_status_cannot_be_set_as_a_field() -> None:
    with pytest.raises(WorkflowError, match="status"):
        transition(
            change(K.NORMAL, S.DRAFT), S.SUBMITTED, {**ENTRY[S.SUBMITTED], "status": S.CLOSED}
        )


def test_updates_are_validated_like_any_edit() -> None:
    submitted = change(K.NORMAL, S.ASSESSED, requested_on=date(2024, 5, 10), **ENTRY[S.ASSESSED])
    with pytest.raises(ValueError, match="approved_on .* requested_on"):
        transition(submitted, S.APPROVED, {"approver": "PER-0003", "approved_on": date(2024, 5, 1)})
    with pytest.raises(ValueError, match="control character"):
        transition(
            submitted,
            S.APPROVED,
            {
                "approver": "PER-0003",
                "decision_notes": "ok\x1b[2J",
                "approved_on": date(2024, 5, 11),
            },
        )


INITIAL: dict[ChangeKind, set[ChangeStatus]] = {
    K.STANDARD: {S.DRAFT, S.APPROVED},
    K.NORMAL: {S.DRAFT},
    K.EMERGENCY: {S.DRAFT, S.SUBMITTED},
    K.UNPLANNED: {S.IMPLEMENTED},
}


@pytest.mark.parametrize(("kind", "status"), [(k, s) for k in K for s in S])
def test_initial_state_depends_on_the_kind(kind: ChangeKind, status: ChangeStatus) -> None:
    new = change(kind, status)
    if status in INITIAL[kind]:
        check_initial_state(new)
    else:
        with pytest.raises(WorkflowError) as caught:
            check_initial_state(new)
        for start in INITIAL[kind]:
            assert start.value in str(caught.value)


def _approved_change() -> ChangeRequest:
    change = ChangeRequest(
        id="CHG-0001",
        title="Patch the firewalls",
        kind=ChangeKind.NORMAL,
        requested_by="PER-0001",
        requested_on=date(2026, 1, 5),
    )
    change = transition(change, ChangeStatus.SUBMITTED)
    change = transition(
        change,
        ChangeStatus.ASSESSED,
        {
            "impact_assessment": "2 min outage",
            "risk_level": RiskLevel.LOW,
            "backout_plan": "Roll back",
        },
    )
    return transition(
        change, ChangeStatus.APPROVED, {"approver": "PER-0003", "approved_on": date(2026, 1, 7)}
    )


def test_recorded_workflow_facts_are_frozen_for_plain_edits() -> None:
    approved = _approved_change()
    assert {"approver", "approved_on", "impact_assessment", "requested_by"} <= set(
        frozen_fields(approved)
    )
    edited = approved.model_copy()
    edited.approver = ""
    with pytest.raises(WorkflowError, match="Approver was recorded by a workflow step"):
        check_edit(approved, edited)
    wording = approved.model_copy()
    wording.description = "Also the VPN concentrators"
    check_edit(approved, wording)  # ordinary fields stay editable


def test_a_draft_has_nothing_frozen_and_status_never_moves_by_edit() -> None:
    draft = ChangeRequest(id="CHG-0002", title="Draft", approver="PER-0010")
    assert frozen_fields(draft) == ()
    moved = draft.model_copy()
    moved.status = ChangeStatus.APPROVED
    with pytest.raises(WorkflowError, match="workflow actions"):
        check_edit(draft, moved)


def test_an_unplanned_change_has_no_approval_to_freeze() -> None:
    unplanned = ChangeRequest(
        id="CHG-0003",
        title="Hot fix",
        kind=ChangeKind.UNPLANNED,
        status=ChangeStatus.IMPLEMENTED,
        implemented_on=date(2026, 2, 1),
    )
    assert frozen_fields(unplanned) == ("implemented_on",)


def test_a_refused_step_says_what_it_needs_and_the_step_that_leads_there() -> None:
    from itsms_tui.domain.changes import step_refusal

    draft = ChangeRequest(id="CHG-0001", title="Patch", status=ChangeStatus.DRAFT)
    sentence, first = step_refusal(draft, ChangeStatus.APPROVED)
    assert sentence == "Approve needs an assessed change; CHG-0001 Patch is draft"
    assert first is ChangeStatus.SUBMITTED
    submitted = draft.model_copy(update={"status": ChangeStatus.SUBMITTED})
    assert step_refusal(submitted, ChangeStatus.APPROVED)[1] is ChangeStatus.ASSESSED
    # An emergency change may be approved from submitted: the sentence says so.
    emergency = submitted.model_copy(
        update={"kind": ChangeKind.EMERGENCY, "status": ChangeStatus.DRAFT}
    )
    assert "an assessed or submitted change" in step_refusal(emergency, ChangeStatus.APPROVED)[0]
    assert step_refusal(emergency, ChangeStatus.APPROVED)[1] is ChangeStatus.SUBMITTED
    # Past the step: nothing leads back to it.
    implemented = draft.model_copy(update={"status": ChangeStatus.IMPLEMENTED})
    assert step_refusal(implemented, ChangeStatus.APPROVED)[1] is None
    closed = draft.model_copy(update={"status": ChangeStatus.CLOSED})
    assert "is closed" in step_refusal(closed, ChangeStatus.REVIEWED)[0]
