"""The integrity rules as pure functions: workflow facts, step dates, endings, links, selection."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.change_integrity import (
    as_imported_history,
    missing_workflow_facts,
    step_date_problems,
    workflow_fact_problems,
)
from itsms_tui.domain.changes import (
    ChangeRequest,
    WorkflowError,
    check_edit,
    check_initial_state,
    end_change,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ChangeKind, ChangeStatus, RiskLevel, SelectionDecision
from itsms_tui.domain.evaluation_score import selection_problems
from itsms_tui.domain.supplier_links import agreement_link_problems, agreements_for_supplier
from itsms_tui.domain.suppliers import (
    Criterion,
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)

S = ChangeStatus
K = ChangeKind
TODAY = date(2026, 11, 25)
FULL: dict[str, Any] = {
    "requested_by": "PER-0001",
    "requested_on": date(2026, 10, 1),
    "impact_assessment": "Five minutes of outage.",
    "risk_level": RiskLevel.LOW,
    "backout_plan": "Restore the config.",
    "approver": "PER-0003",
    "approved_on": date(2026, 10, 5),
    "implemented_on": date(2026, 10, 10),
    "review_notes": "Went as planned.",
    "reviewed_on": date(2026, 10, 20),
    "closed_on": date(2026, 10, 21),
}


def change(kind: K = K.NORMAL, status: S = S.CLOSED, **fields: object) -> ChangeRequest:
    return ChangeRequest.model_validate(
        {"id": "CHG-0007", "title": "Core switch", "kind": kind, "status": status, **fields}
    )


def test_a_fully_recorded_closed_change_has_no_problem() -> None:
    assert missing_workflow_facts(change(**FULL)) == ()
    assert step_date_problems(change(**FULL), TODAY) == []


def test_a_closed_normal_change_without_its_steps_names_what_it_lacks() -> None:
    bare = change(closed_on=date(2026, 10, 21), implemented_on=date(2026, 10, 10))
    [(field, message)] = workflow_fact_problems(bare)
    assert field == "requested_by"
    assert message.startswith("a closed normal change needs Requested by, Requested on, ")
    assert "Impact assessment" in message and "Approver" in message
    assert "Post-implementation review" in message


def test_a_closed_rejected_change_needs_the_decision_not_an_implementation() -> None:
    rejected = {k: FULL[k] for k in ("requested_by", "requested_on", "approver", "approved_on")}
    closed = change(**rejected, closed_on=date(2026, 10, 21))
    assert missing_workflow_facts(closed) == ("decision_notes",)
    assert missing_workflow_facts(closed.model_copy(update={"decision_notes": "Too risky"})) == ()


@pytest.mark.parametrize(
    ("kind", "status", "lacks"),
    [
        (K.STANDARD, S.APPROVED, ()),  # pre-approved: recorded as approved
        (K.STANDARD, S.IMPLEMENTED, ("implemented_on",)),
        (K.UNPLANNED, S.IMPLEMENTED, ()),  # recorded after the fact
        (K.UNPLANNED, S.CLOSED, ("review_notes", "reviewed_on", "closed_on")),
        (K.EMERGENCY, S.SUBMITTED, ()),
        (K.EMERGENCY, S.APPROVED, ("impact_assessment", "risk_level", "backout_plan")),
        (K.NORMAL, S.SUBMITTED, ("requested_by", "requested_on")),
        (K.NORMAL, S.WITHDRAWN, ("end_reason", "ended_on")),
    ],
)
def test_what_each_kind_must_have_recorded(kind: K, status: S, lacks: tuple[str, ...]) -> None:
    given = {"approver": "PER-0003", "approved_on": date(2026, 10, 5)}
    given = {k: v for k, v in given.items() if k not in lacks}
    assert set(missing_workflow_facts(change(kind, status, **given))) >= set(lacks)
    if not lacks:
        assert missing_workflow_facts(change(kind, status, **given)) == ()


def test_imported_history_excuses_missing_facts_only() -> None:
    bare = change(closed_on=date(2026, 10, 21))
    marked = as_imported_history(bare)
    assert marked.imported_history and workflow_fact_problems(marked) == []
    assert as_imported_history(change(**FULL)).imported_history is False
    late = marked.model_copy(update={"requested_on": date(2026, 12, 1)})
    assert step_date_problems(late, TODAY)


def test_step_dates_must_follow_the_workflow_order() -> None:
    early = change(**{**FULL, "closed_on": date(2026, 9, 1)})
    [(field, message)] = step_date_problems(early, TODAY)
    assert field == "closed_on"
    assert message == (
        "Closed on (2026-09-01) is before Reviewed on (2026-10-20); "
        "steps are dated in workflow order"
    )
    reviewed_early = change(**{**FULL, "reviewed_on": date(2026, 10, 9)})
    assert [f for f, _ in step_date_problems(reviewed_early, TODAY)] == ["reviewed_on"]


def test_no_step_is_dated_in_the_future() -> None:
    ahead = change(**{**FULL, "closed_on": date(2026, 11, 26)})
    assert step_date_problems(ahead, TODAY) == [
        ("closed_on", "2026-11-26 is in the future (today is 2026-11-25)")
    ]
    assert step_date_problems(change(**{**FULL, "closed_on": TODAY}), TODAY) == []


@pytest.mark.parametrize("start", [S.DRAFT, S.SUBMITTED, S.ASSESSED, S.APPROVED])
@pytest.mark.parametrize("target", [S.WITHDRAWN, S.CANCELLED])
def test_a_change_not_yet_implemented_can_end_with_a_reason(start: S, target: S) -> None:
    ended = end_change(change(status=start), target, "No longer needed", TODAY)
    assert (ended.status, ended.end_reason, ended.ended_on) == (target, "No longer needed", TODAY)
    assert missing_workflow_facts(ended) == ()


def test_ending_needs_a_reason_and_an_unimplemented_change() -> None:
    with pytest.raises(WorkflowError, match="withdraw needs a reason"):
        end_change(change(status=S.DRAFT), S.WITHDRAWN, "  ", TODAY)
    with pytest.raises(WorkflowError, match="cannot cancel a change that is implemented"):
        end_change(change(status=S.IMPLEMENTED), S.CANCELLED, "late", TODAY)
    with pytest.raises(WorkflowError, match="not withdrawn or cancelled"):
        end_change(change(status=S.DRAFT), S.CLOSED, "x", TODAY)


def test_an_ended_change_is_frozen() -> None:
    ended = end_change(change(status=S.DRAFT), S.CANCELLED, "CAB said no", TODAY)
    with pytest.raises(WorkflowError, match="cannot be edited"):
        check_edit(ended, ended.model_copy(update={"end_reason": "other"}))


def test_the_kind_is_fixed_once_submitted() -> None:
    draft = change(status=S.DRAFT)
    check_edit(draft, draft.model_copy(update={"kind": K.EMERGENCY}))
    submitted = change(status=S.SUBMITTED, requested_by="PER-0001", requested_on=TODAY)
    with pytest.raises(WorkflowError, match="Type cannot change after submission"):
        check_edit(submitted, submitted.model_copy(update={"kind": K.STANDARD}))


def test_only_import_marks_imported_history() -> None:
    with pytest.raises(WorkflowError, match="--allow-history"):
        check_initial_state(change(status=S.DRAFT, imported_history=True))
    draft = change(status=S.DRAFT)
    with pytest.raises(WorkflowError, match="--allow-history"):
        check_edit(draft, draft.model_copy(update={"imported_history": True}))


# --- agreements of the same supplier ----------------------------------------------------


def _suppliers_and_agreements() -> DataSet:
    return DataSet(
        [
            Supplier(id="SUP-0001", name="Meridian"),
            Supplier(id="SUP-0002", name="HelpPoint"),
            Agreement(id="AGR-0001", title="Meridian WAN", supplier_id="SUP-0001"),
            Agreement(id="AGR-0002", title="HelpPoint desk", supplier_id="SUP-0002"),
            SupplierReview(id="REV-0001", supplier_id="SUP-0002", held_on=TODAY),
        ]
    )


def test_agreements_selectable_for_a_supplier() -> None:
    data = _suppliers_and_agreements()
    assert [a.id for a in agreements_for_supplier(data, "SUP-0002")] == ["AGR-0002"]
    assert [a.id for a in agreements_for_supplier(data, None)] == ["AGR-0001", "AGR-0002"]


@pytest.mark.parametrize(
    "record",
    [
        SupplierReview(
            id="REV-0002", supplier_id="SUP-0002", agreement_id="AGR-0001", held_on=TODAY
        ),
        Dispute(
            id="DSP-0001",
            supplier_id="SUP-0002",
            agreement_id="AGR-0001",
            title="x",
            raised_on=TODAY,
        ),
        ImprovementAction(
            id="ACN-0001", description="x", supplier_id="SUP-0002", agreement_id="AGR-0001"
        ),
        ImprovementAction(
            id="ACN-0002", description="x", review_id="REV-0001", agreement_id="AGR-0001"
        ),
    ],
)
def test_a_record_naming_another_suppliers_agreement_is_refused(
    record: SupplierReview | Dispute | ImprovementAction,
) -> None:
    data = _suppliers_and_agreements()
    assert agreement_link_problems(record, data) == [
        (
            "agreement_id",
            "AGR-0001 is an agreement of SUP-0001, not of SUP-0002; "
            "name one of SUP-0002's agreements",
        )
    ]
    assert (
        agreement_link_problems(record.model_copy(update={"agreement_id": "AGR-0002"}), data) == []
    )


# --- selection ------------------------------------------------------------------------------


def evaluation(
    *scores: float,
    names: tuple[str, ...] = ("capability", "expertise", "reliability", "alignment"),
    **fields: object,
) -> Evaluation:
    criteria = [Criterion(name=n, weight=1, score=s) for n, s in zip(names, scores, strict=True)]
    return Evaluation(
        id="EVL-0001",
        supplier_id="SUP-0001",
        evaluated_on=TODAY,
        criteria=criteria,
        decision=SelectionDecision.SELECTED,
        **fields,
    )


def test_selected_at_the_threshold_passes_below_it_needs_a_reason() -> None:
    assert selection_problems(evaluation(3, 3, 3, 3), 3.0) == []
    [(field, message)] = selection_problems(evaluation(3, 3, 3, 2.9), 3.0)
    assert field == "decision" and "score of 2.98, below the selection threshold 3 of 5" in message
    assert (
        selection_problems(evaluation(1, 1, 1, 1, below_threshold_reason="Sole source"), 3.0) == []
    )
    pending = evaluation(1, 1, 1, 1).model_copy(update={"decision": SelectionDecision.PENDING})
    assert selection_problems(pending, 3.0) == []


def test_selected_needs_every_standard_criterion_scored() -> None:
    partial = evaluation(5, 5, names=("capability", "expertise"))
    [(field, message)] = selection_problems(partial, 3.0)
    assert field == "criteria" and "not scored: reliability, alignment" in message


def test_an_ending_is_recorded_only_by_withdrawing_or_cancelling() -> None:
    from itsms_tui.domain.change_integrity import change_problems

    live = change(status=S.DRAFT, end_reason="gone", ended_on=TODAY)
    assert [f for f, _ in change_problems(live, TODAY)] == ["end_reason", "ended_on"]
    ended = end_change(change(status=S.DRAFT), S.WITHDRAWN, "gone", TODAY)
    assert change_problems(ended, TODAY) == []
