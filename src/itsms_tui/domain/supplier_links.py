"""Which agreements a supplier's review, dispute or improvement action may name.

A review filed against another supplier's contract would move that supplier's review
date; the rule and the filter a picker needs live here, so every path uses one answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


SUPPLIER_SCOPED: tuple[type[Record], ...] = (SupplierReview, Dispute, ImprovementAction)
"""Records whose ``agreement_id`` must be one of their supplier's agreements."""

SCOPING_FIELDS: frozenset[str] = frozenset({"supplier_id", "review_id"})
"""The fields that decide which supplier such a record is about."""


def linked_supplier(record: Record, data: DataSet) -> str | None:
    """The supplier a review, dispute or action is about (an action's via its review)."""
    if not isinstance(record, SUPPLIER_SCOPED):
        return None
    return supplier_of_values(type(record), record.model_dump(), data)


def supplier_of_values(model: type[Record], values: Mapping[str, Any], data: DataSet) -> str | None:
    """``linked_supplier`` for field values not yet a record (a form being filled in)."""
    if not issubclass(model, SUPPLIER_SCOPED):
        return None
    supplier_id = values.get("supplier_id")
    if supplier_id:
        return str(supplier_id)
    if issubclass(model, ImprovementAction):
        review = data.get_as(SupplierReview, values.get("review_id"))
        return review.supplier_id if review is not None else None
    return None


def reference_choices(
    model: type[Record], field: str, values: Mapping[str, Any], data: DataSet
) -> list[Agreement] | None:
    """The records ``field`` of a ``model`` record holding ``values`` may name (a picker's list).

    Only a review's, dispute's or action's agreement is narrowed, to its supplier's
    agreements; None when the rule does not narrow (another field, or no supplier yet).
    """
    if field != "agreement_id":
        return None
    supplier_id = supplier_of_values(model, values, data)
    if not supplier_id:
        return None
    return agreements_for_supplier(data, supplier_id)


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
