"""Every stored collection, in dependency order, with its model class.

The order is the order of snapshot sections and of imports (records referred to come
first); the store, snapshots, the checker and the UI's form engine all iterate this.
"""

from __future__ import annotations

from itsms_tui.domain.agreements import Agreement, Amendment
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customers import Complaint, Customer, CustomerReview, SatisfactionResult
from itsms_tui.domain.kpis import SUBJECT_PREFIXES, Kpi, Measurement
from itsms_tui.domain.people import Person
from itsms_tui.domain.plan import Activity, Allocation, Objective, Process, Resource
from itsms_tui.domain.record import Record
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)

MODELS: tuple[type[Record], ...] = (
    Person,
    Customer,
    Service,
    Objective,
    Process,
    Resource,
    Supplier,
    Agreement,
    Activity,
    Allocation,
    Risk,
    ChangeRequest,
    Evaluation,
    SupplierReview,
    Dispute,
    Amendment,
    Kpi,
    Measurement,
    ImprovementAction,
    Complaint,
    SatisfactionResult,
    CustomerReview,
)

BY_COLLECTION: dict[str, type[Record]] = {m.collection: m for m in MODELS}
BY_PREFIX: dict[str, type[Record]] = {m.prefix: m for m in MODELS}
COLLECTIONS: tuple[str, ...] = tuple(BY_COLLECTION)


def model_for_id(record_id: str) -> type[Record] | None:
    """The model whose id prefix ``record_id`` carries, if any."""
    return BY_PREFIX.get(record_id.split("-", 1)[0])


def referenced_collection(model: type[Record], field: str, record_id: str) -> str:
    """Collection that ``record_id`` in ``model.field`` must exist in (resolves ``*``)."""
    target = model.references[field]
    if target == "*":
        return SUBJECT_PREFIXES.get(record_id.split("-", 1)[0], "")
    return target


def format_id(prefix: str, number: int) -> str:
    """``format_id("SUP", 7) == "SUP-0007"``."""
    return f"{prefix}-{number:04d}"


def id_number(record_id: str) -> int:
    """``id_number("SUP-0007") == 7``."""
    return int(record_id.split("-", 1)[1])
