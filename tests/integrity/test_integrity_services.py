"""The same integrity rules hold for Workspace service calls (what the TUI and scripts use)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.changes import ChangeRequest, WorkflowError
from itsms_tui.domain.enums import ChangeKind, ChangeStatus, SelectionDecision, SupplierStatus
from itsms_tui.domain.suppliers import (
    Criterion,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.services.errors import UserError
from itsms_tui.services.workspace import Workspace
from itsms_tui.snapshot.demo import load_demo

TODAY = date(2026, 11, 25)
S = ChangeStatus


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace.open_file(tmp_path / "itsms.json")
    ws.today = lambda: TODAY
    ws.store.replace_all(load_demo(TODAY), summary="demo")
    return ws


def _submitted(workspace: Workspace) -> ChangeRequest:
    change = workspace.save(
        ChangeRequest(title="Firewall patch", requested_by="PER-0001", requested_on=TODAY)
    )
    return workspace.move_change(change, S.SUBMITTED)


def test_an_implementation_dated_before_the_approval_is_refused(workspace: Workspace) -> None:
    change = workspace.store.get(ChangeRequest, "CHG-0004")  # approved
    assert change.approved_on is not None
    early = change.approved_on - timedelta(days=1)
    with pytest.raises(UserError, match=f"implemented_on: Implemented on \\({early}\\) is before"):
        workspace.move_change(change, S.IMPLEMENTED, {"implemented_on": early})
    assert workspace.store.get(ChangeRequest, "CHG-0004").status is S.APPROVED


def test_a_step_dated_in_the_future_is_refused(workspace: Workspace) -> None:
    change = workspace.store.get(ChangeRequest, "CHG-0006")  # implemented
    with pytest.raises(UserError, match=r"CHG-0006 .*: reviewed_on: 2026-11-30 is in the future"):
        workspace.move_change(
            change, S.REVIEWED, {"review_notes": "ok", "reviewed_on": TODAY + timedelta(days=5)}
        )
    assert workspace.store.get(ChangeRequest, "CHG-0006").status is S.IMPLEMENTED


def test_the_kind_cannot_change_after_submission(workspace: Workspace) -> None:
    change = _submitted(workspace)
    with pytest.raises(WorkflowError, match="Type cannot change after submission"):
        workspace.save(change.model_copy(update={"kind": ChangeKind.STANDARD}))
    assert workspace.store.get(ChangeRequest, change.id).kind is ChangeKind.NORMAL


def test_withdraw_and_cancel_through_the_workspace(workspace: Workspace) -> None:
    withdrawn = workspace.end_change(_submitted(workspace), S.WITHDRAWN, "Fixed upstream")
    stored = workspace.store.get(ChangeRequest, withdrawn.id)
    assert (stored.status, stored.end_reason, stored.ended_on) == (
        S.WITHDRAWN,
        "Fixed upstream",
        TODAY,
    )
    approved = workspace.store.get(ChangeRequest, "CHG-0004")
    workspace.end_change(approved, S.CANCELLED, "Budget withdrawn")
    assert workspace.store.get(ChangeRequest, "CHG-0004").status is S.CANCELLED
    with pytest.raises(UserError, match="cancel needs a reason"):
        workspace.end_change(_submitted(workspace), S.CANCELLED, "")
    implemented = workspace.store.get(ChangeRequest, "CHG-0006")
    with pytest.raises(UserError, match="cannot withdraw a change that is implemented"):
        workspace.end_change(implemented, S.WITHDRAWN, "too late")
    assert workspace.store.get(ChangeRequest, "CHG-0006").status is S.IMPLEMENTED


def test_a_review_of_another_suppliers_agreement_is_refused(workspace: Workspace) -> None:
    data = workspace.data()
    meridian = data.get_as(Agreement, "AGR-0001")
    assert meridian is not None and meridian.supplier_id == "SUP-0001"
    review = SupplierReview(supplier_id="SUP-0002", agreement_id="AGR-0001", held_on=TODAY)
    before = len(workspace.data().all(SupplierReview))
    with pytest.raises(UserError, match="agreement_id: AGR-0001 is an agreement of SUP-0001"):
        workspace.save(review)
    assert len(workspace.data().all(SupplierReview)) == before
    saved = workspace.save(review.model_copy(update={"agreement_id": "AGR-0002"}))
    assert saved.id


def test_an_action_follows_its_reviews_supplier(workspace: Workspace) -> None:
    review = workspace.store.get(SupplierReview, "REV-0003")  # HelpPoint's (SUP-0002)
    action = ImprovementAction(description="Fix", review_id=review.id, agreement_id="AGR-0001")
    with pytest.raises(UserError, match="not of SUP-0002"):
        workspace.save(action)


def test_selecting_below_the_threshold_needs_a_reason(workspace: Workspace) -> None:
    low = [
        Criterion(name=n, weight=1, score=2)
        for n in ("capability", "expertise", "reliability", "alignment")
    ]
    evaluation = Evaluation(
        supplier_id="SUP-0002",
        evaluated_on=TODAY,
        criteria=low,
        decision=SelectionDecision.SELECTED,
    )
    with pytest.raises(UserError, match="below the selection threshold 3 of 5"):
        workspace.save(evaluation)
    saved = workspace.save(evaluation.model_copy(update={"below_threshold_reason": "Only bidder"}))
    assert workspace.store.get(Evaluation, saved.id).decision is SelectionDecision.SELECTED


def test_an_already_inconsistent_record_can_still_be_corrected_elsewhere(
    workspace: Workspace,
) -> None:
    data = workspace.data()
    review = data.get_as(SupplierReview, "REV-0003")
    assert review is not None
    bad = review.model_copy(update={"agreement_id": "AGR-0001"})
    workspace.store.replace_all(
        type(data)([bad if r.id == bad.id else r for r in data]), summary="old data"
    )
    stored = workspace.store.get(SupplierReview, "REV-0003")
    saved = workspace.save(stored.model_copy(update={"minutes": "Corrected minutes"}))
    assert saved.minutes == "Corrected minutes"


def test_an_ending_cannot_be_typed_into_a_live_change(workspace: Workspace) -> None:
    change = _submitted(workspace)
    with pytest.raises(UserError, match="end_reason: is recorded only when the change is"):
        workspace.save(change.model_copy(update={"end_reason": "typed in"}))
    assert workspace.store.get(ChangeRequest, change.id).end_reason == ""


def test_an_active_supplier_needs_the_facts_of_its_approval(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="a supplier that is active needs Approved on"):
        workspace.save(
            Supplier(name="Kite", status=SupplierStatus.ACTIVE, relationship_owner="PER-0001")
        )
    saved = workspace.save(
        Supplier(
            name="Kite",
            status=SupplierStatus.ACTIVE,
            relationship_owner="PER-0001",
            approved_on=TODAY,
        )
    )
    with pytest.raises(UserError, match="needs Relationship owner"):
        workspace.save(saved.model_copy(update={"relationship_owner": ""}))
    with pytest.raises(UserError, match="is in the future"):
        workspace.save(saved.model_copy(update={"approved_on": TODAY + timedelta(days=1)}))
    stored = workspace.store.get(Supplier, saved.id)
    assert stored.approved_on == TODAY and stored.relationship_owner == "PER-0001"


def test_a_proposed_or_exited_supplier_needs_no_approval(workspace: Workspace) -> None:
    assert workspace.save(Supplier(name="Idea")).status is SupplierStatus.PROPOSED
    exited = workspace.save(Supplier(name="Gone", status=SupplierStatus.EXITED))
    assert exited.id


def test_only_the_import_marks_a_supplier_as_history(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="set only by import --allow-history"):
        workspace.save(Supplier(name="Old", imported_history=True))
    stored = workspace.store.get(Supplier, "SUP-0001")
    with pytest.raises(UserError, match="set only by import --allow-history"):
        workspace.save(stored.model_copy(update={"imported_history": True}))


def test_a_lifecycle_step_cannot_date_the_approval_in_the_future(workspace: Workspace) -> None:
    evaluating = workspace.store.get(Supplier, "SUP-0011")
    assert evaluating.status is SupplierStatus.EVALUATING
    with pytest.raises(UserError, match="is in the future"):
        workspace.move_supplier(evaluating, "approve", {"approved_on": TODAY + timedelta(days=3)})
    approved = workspace.move_supplier(evaluating, "approve", {"approved_on": TODAY})
    assert approved.status is SupplierStatus.APPROVED
