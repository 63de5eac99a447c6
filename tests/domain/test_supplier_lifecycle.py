"""Supplier lifecycle steps: which are allowed, what each asks and fills, what is refused."""

from __future__ import annotations

from datetime import date

import pytest

from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.supplier_lifecycle import (
    BY_NAME,
    LifecycleError,
    allowed_steps,
    prefilled,
    step_named,
    step_refusal,
    take_step,
)
from itsms_tui.domain.suppliers import Supplier

TODAY = date(2026, 3, 2)
S = SupplierStatus


def supplier(status: SupplierStatus = S.PROPOSED, **fields: object) -> Supplier:
    return Supplier(id="SUP-0001", name="Acme", status=status, **fields)


@pytest.mark.parametrize(
    ("status", "steps"),
    [
        (S.PROPOSED, ["evaluate", "exit"]),
        (S.EVALUATING, ["approve", "exit"]),
        (S.APPROVED, ["activate", "exit"]),
        (S.ACTIVE, ["review", "suspend", "exit"]),
        (S.UNDER_REVIEW, ["activate", "suspend", "exit"]),
        (S.SUSPENDED, ["activate", "exit"]),
        (S.EXITED, []),
    ],
)
def test_allowed_steps_follow_the_lifecycle(status: SupplierStatus, steps: list[str]) -> None:
    assert [s.name for s in allowed_steps(supplier(status))] == steps


def test_the_whole_lifecycle_fills_the_approval_date() -> None:
    record = supplier()
    record = take_step(record, BY_NAME["evaluate"], None, TODAY)
    assert record.status is S.EVALUATING
    record = take_step(record, BY_NAME["approve"], {"relationship_owner": "PER-0006"}, TODAY)
    assert (record.status, record.approved_on, record.relationship_owner) == (
        S.APPROVED,
        TODAY,
        "PER-0006",
    )
    for name, status in [
        ("activate", S.ACTIVE),
        ("review", S.UNDER_REVIEW),
        ("activate", S.ACTIVE),
        ("suspend", S.SUSPENDED),
        ("exit", S.EXITED),
    ]:
        record = take_step(record, BY_NAME[name], None, TODAY)
        assert record.status is status
    assert record.approved_on == TODAY


def test_an_approval_date_already_set_is_kept() -> None:
    earlier = date(2025, 1, 1)
    record = supplier(S.EVALUATING, approved_on=earlier)
    assert prefilled(record, BY_NAME["approve"], TODAY).approved_on == earlier
    assert prefilled(supplier(S.EVALUATING), BY_NAME["approve"], TODAY).approved_on == TODAY


def test_a_step_from_the_wrong_state_says_what_it_needs() -> None:
    with pytest.raises(
        LifecycleError, match="Approve needs an evaluating supplier; .* is proposed"
    ):
        take_step(supplier(), BY_NAME["approve"], {"relationship_owner": "PER-0006"}, TODAY)
    sentence, leads = step_refusal(supplier(), BY_NAME["approve"])
    assert leads is not None and leads.name == "evaluate"
    assert step_refusal(supplier(S.EXITED), BY_NAME["activate"]) == (
        "Activate: SUP-0001 Acme has exited; no further steps",
        None,
    )


def test_a_required_field_left_blank_or_a_field_the_step_does_not_ask_is_refused() -> None:
    with pytest.raises(LifecycleError, match="approve needs Relationship owner"):
        take_step(supplier(S.EVALUATING), BY_NAME["approve"], None, TODAY)
    with pytest.raises(LifecycleError, match="does not set name"):
        take_step(supplier(S.ACTIVE), BY_NAME["review"], {"name": "Other"}, TODAY)
    with pytest.raises(LifecycleError, match="the steps are evaluate, approve"):
        step_named("promote")
