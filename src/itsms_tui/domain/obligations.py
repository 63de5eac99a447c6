"""What is late or missing for one record: the predicates the checker and the screens share.

Each answers one question about a record on a day ("is this objective overdue?", "does
this live service lack an active SLA?"), so a red marker on screen and a finding of the
checker never disagree.
"""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.agreements import SUPPLIER_SIDE_KINDS, Agreement
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    ActionStatus,
    ActivityStatus,
    AgreementKind,
    AgreementStatus,
    DisputeStatus,
    ObjectiveStatus,
    RiskStatus,
    ServiceStatus,
    SupplierStatus,
)
from itsms_tui.domain.plan import Activity, Objective
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import Supplier

OPEN_OBJECTIVE = frozenset(
    {ObjectiveStatus.PLANNED, ObjectiveStatus.ON_TRACK, ObjectiveStatus.AT_RISK}
)
FINISHED_ACTIVITY = frozenset({ActivityStatus.DONE, ActivityStatus.CANCELLED})
OPEN_ACTION = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})
"""Improvement actions still to be done (the others are done or cancelled)."""
OPEN_DISPUTE = frozenset(
    {DisputeStatus.OPEN, DisputeStatus.IN_NEGOTIATION, DisputeStatus.ESCALATED}
)
"""Disputes not yet resolved or closed."""
ENGAGED_SUPPLIER: frozenset[SupplierStatus] = frozenset(
    {
        SupplierStatus.APPROVED,
        SupplierStatus.ACTIVE,
        SupplierStatus.UNDER_REVIEW,
        SupplierStatus.SUSPENDED,
    }
)
"""Suppliers we have a relationship with: owner, interfaces, evaluation and reviews apply."""
CLOSED_AGREEMENT = frozenset({AgreementStatus.EXPIRED, AgreementStatus.TERMINATED})
"""Agreements that bind no one any more: no review, no notice to give."""

COVER_ORDER = (
    AgreementKind.CUSTOMER_SLA,
    AgreementKind.UNDERPINNING_CONTRACT,
    AgreementKind.OLA,
    AgreementKind.CONTRACT,
)


def objective_overdue(objective: Objective, today: date) -> bool:
    """Past its due date and still open (planned, on track or at risk)."""
    due = objective.due_date
    return objective.status in OPEN_OBJECTIVE and due is not None and due < today


def activity_overdue(activity: Activity, today: date) -> bool:
    """Past its due date and neither done nor cancelled."""
    due = activity.due_date
    return activity.status not in FINISHED_ACTIVITY and due is not None and due < today


def risk_review_overdue(risk: Risk, today: date) -> bool:
    """An open risk whose review date has passed."""
    due = risk.review_date
    return risk.status is not RiskStatus.CLOSED and due is not None and due < today


def supplier_reviews_due(supplier: Supplier) -> bool:
    """Whether the supplier is reviewed on a schedule (not proposed, evaluating or exited)."""
    return supplier.status in ENGAGED_SUPPLIER


def agreement_reviews_due(agreement: Agreement) -> bool:
    """Whether the agreement is reviewed on a schedule: an active supplier-side agreement."""
    return agreement.kind in SUPPLIER_SIDE_KINDS and agreement.status is AgreementStatus.ACTIVE


def active_customer_sla(agreement: Agreement) -> bool:
    """What covers a live service (SVC-SLA) and what SLA-CONTENT judges."""
    return (
        agreement.kind is AgreementKind.CUSTOMER_SLA and agreement.status is AgreementStatus.ACTIVE
    )


def lacks_active_sla(data: DataSet, service: Service) -> bool:
    """A live service that no active customer SLA covers (SVC-SLA)."""
    if service.status is not ServiceStatus.LIVE:
        return False
    return not any(active_customer_sla(a) for a in data.referring(service.id, Agreement))


def sla_covers(agreement: Agreement, customer_id: str, service_id: str) -> bool:
    """An active customer SLA with ``customer_id`` that commits to ``service_id``."""
    return (
        active_customer_sla(agreement)
        and agreement.customer_id == customer_id
        and service_id in agreement.service_ids
    )


def uncovered_customers(data: DataSet, service: Service) -> list[str]:
    """The customers of a live service with no active SLA of their own for it (SVC-SLA).

    Clause 8.3.3 asks for an SLA per customer and service: another customer's SLA for the
    same service does not cover this one.
    """
    if service.status is not ServiceStatus.LIVE:
        return []
    slas = data.referring(service.id, Agreement)
    return [
        customer_id
        for customer_id in service.customer_ids
        if not any(sla_covers(a, customer_id, service.id) for a in slas)
    ]


def covering_agreements(data: DataSet, service_id: str) -> list[Agreement]:
    """The agreements naming ``service_id``: customer SLAs first, then underpinning
    contracts, OLAs and contracts, each kind in id order."""
    found = [a for a in data.referring(service_id, Agreement) if service_id in a.service_ids]
    return sorted(found, key=lambda a: (COVER_ORDER.index(a.kind), a.id))
