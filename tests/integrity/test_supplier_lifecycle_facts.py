"""The facts a supplier's status implies, derived from the lifecycle steps, and the checker's list."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.supplier_integrity import (
    as_imported_history,
    lifecycle_facts,
    lifecycle_problems,
    missing_lifecycle_facts,
)
from itsms_tui.domain.suppliers import Supplier

S = SupplierStatus
TODAY = date(2026, 11, 25)
APPROVAL = frozenset({"approved_on", "relationship_owner"})


def test_every_status_past_approval_holds_the_approvals_facts() -> None:
    assert {s: lifecycle_facts(s) for s in S} == {
        S.PROPOSED: frozenset(),
        S.EVALUATING: frozenset(),
        S.APPROVED: APPROVAL,
        S.ACTIVE: APPROVAL,
        S.UNDER_REVIEW: APPROVAL,
        S.SUSPENDED: APPROVAL,
        S.EXITED: frozenset(),  # a supplier can be exited from any state
    }


def test_problems_name_the_first_missing_field_and_every_label() -> None:
    supplier = Supplier(id="SUP-0001", name="Kite", status=S.UNDER_REVIEW)
    assert missing_lifecycle_facts(supplier) == ("relationship_owner", "approved_on")
    assert lifecycle_problems(supplier, TODAY) == [
        (
            "relationship_owner",
            "a supplier that is under review needs Relationship owner, Approved on "
            "(recorded by its approval)",
        )
    ]
    marked = as_imported_history(supplier)
    assert marked.imported_history and lifecycle_problems(marked, TODAY) == []
    complete = supplier.model_copy(update={"approved_on": TODAY, "relationship_owner": "PER-0001"})
    assert as_imported_history(complete) is complete
