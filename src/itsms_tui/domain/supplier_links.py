"""Which agreements a supplier's review, dispute or improvement action may name.

A review filed against another supplier's contract would move that supplier's review
date; the rule and the filter a picker needs live here, so every path uses one answer.
"""

from __future__ import annotations

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Dispute, ImprovementAction, SupplierReview

FieldProblem = tuple[str, str]


def agreements_for_supplier(data: DataSet, supplier_id: str | None) -> list[Agreement]:
    """Agreements a record about ``supplier_id`` may name (every one when no supplier)."""
    agreements = data.all(Agreement)
    if not supplier_id:
        return agreements
    return [a for a in agreements if a.supplier_id == supplier_id]


def linked_supplier(record: Record, data: DataSet) -> str | None:
    """The supplier a review, dispute or action is about (an action's via its review)."""
    if isinstance(record, SupplierReview | Dispute):
        return record.supplier_id
    if isinstance(record, ImprovementAction):
        if record.supplier_id:
            return record.supplier_id
        review = data.get_as(SupplierReview, record.review_id)
        return review.supplier_id if review is not None else None
    return None


def agreement_link_problems(record: Record, data: DataSet) -> list[FieldProblem]:
    """A named agreement that belongs to another supplier (or to a customer)."""
    if not isinstance(record, SupplierReview | Dispute | ImprovementAction):
        return []
    supplier_id = linked_supplier(record, data)
    agreement = data.get_as(Agreement, record.agreement_id)
    if not supplier_id or agreement is None or agreement.supplier_id == supplier_id:
        return []
    owner = agreement.supplier_id or "no supplier (a customer agreement)"
    return [
        (
            "agreement_id",
            f"{agreement.id} is an agreement of {owner}, not of {supplier_id}; "
            f"name one of {supplier_id}'s agreements",
        )
    ]
