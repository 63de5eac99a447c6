"""Clause 8.3.4 supplier register: an agreement in force for every supplier we depend on,
a relationship owner, interfaces, selection by evaluation, and disputes managed to closure.

Which suppliers a rule applies to follows their lifecycle status (see ``base``): proposed,
evaluating and exited suppliers are skipped; suspended ones keep their owner and
interfaces but need no agreement in force.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import (
    CONTRACTED_SUPPLIER,
    Check,
    Evidence,
    Rule,
    any_of,
    blank,
    days,
    missing_list,
    rule,
)
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import SUPPLIER_SIDE_KINDS, Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    SelectionDecision,
    SupplierKind,
    SupplierStatus,
)
from itsms_tui.domain.obligations import ENGAGED_SUPPLIER, OPEN_DISPUTE
from itsms_tui.domain.supplier_integrity import missing_lifecycle_facts
from itsms_tui.domain.suppliers import Dispute, Evaluation, Supplier

SUP_CONTRACT = Check("SUP-CONTRACT", "8.3.4.1", Topic.SUPPLIER_CONTRACT)
SUP_OLA = Check("SUP-OLA", "8.3.4.2", Topic.SUPPLIER_CONTRACT)
SUP_OWNER = Check("SUP-OWNER", "8.3.4", Topic.SUPPLIER)
SUP_INTERFACES = Check("SUP-INTERFACES", "8.3.4", Topic.SUPPLIER)
SUP_EVALUATION = Check("SUP-EVALUATION", "8.3.4.1", Topic.SUPPLIER)
SUP_HISTORY = Check("SUP-HISTORY", "8.3.4", Topic.SUPPLIER)
DSP_OPEN = Check("DSP-OPEN", "8.3.4", Topic.DISPUTE, dated=True)
DSP_CLOSED = Check("DSP-CLOSED", "8.3.4", Topic.DISPUTE)

CONTRACT_KINDS = frozenset({AgreementKind.CONTRACT, AgreementKind.UNDERPINNING_CONTRACT})
SELECTING = frozenset({SelectionDecision.SELECTED, SelectionDecision.CONDITIONAL})


def _engaged(supplier: Supplier) -> bool:
    return supplier.status in ENGAGED_SUPPLIER


def _external(supplier: Supplier) -> bool:
    return supplier.kind is SupplierKind.EXTERNAL and supplier.status in ENGAGED_SUPPLIER


def _internal(supplier: Supplier) -> bool:
    return supplier.kind is not SupplierKind.EXTERNAL and supplier.status in ENGAGED_SUPPLIER


IN_PREPARATION = frozenset({AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION})


def _without_agreement(
    data: DataSet, supplier: Supplier, kinds: frozenset[AgreementKind]
) -> tuple[bool, list[Agreement]]:
    """(no agreement of ``kinds`` good enough, the supplier's inactive ones of those kinds).

    A supplier delivering today needs one in force; one only approved (selected, not yet
    delivering) may have it still in preparation (draft or in negotiation).
    """
    own = [a for a in data.referring(supplier.id, Agreement) if a.kind in kinds]
    good = {AgreementStatus.ACTIVE}
    if supplier.status is SupplierStatus.APPROVED:
        good |= IN_PREPARATION
    enough = [a for a in own if a.status in good]
    return (not enough, [a for a in own if a.status is not AgreementStatus.ACTIVE])


def _inactive_note(inactive: list[Agreement]) -> str:
    if not inactive:
        return ""
    listed = ", ".join(f"{a.id} is {a.status.value}" for a in inactive[:3])
    return f" ({listed})"


def supplier_contract(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for supplier in data.all(Supplier):
        if supplier.kind is not SupplierKind.EXTERNAL or supplier.status not in CONTRACTED_SUPPLIER:
            continue
        lacking, inactive = _without_agreement(data, supplier, CONTRACT_KINDS)
        if lacking:
            yield SUP_CONTRACT.error(
                supplier,
                f"{supplier.status.value} external supplier has no active contract"
                + _inactive_note(inactive),
                *(a.id for a in inactive),
            )


def supplier_ola(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for supplier in data.all(Supplier):
        if supplier.kind is SupplierKind.EXTERNAL or supplier.status not in CONTRACTED_SUPPLIER:
            continue
        lacking, inactive = _without_agreement(data, supplier, SUPPLIER_SIDE_KINDS)
        if lacking:
            who = (
                "internal supplier"
                if supplier.kind is SupplierKind.INTERNAL
                else "customer acting as a supplier"
            )
            yield SUP_OLA.error(
                supplier,
                f"{supplier.status.value} {who} has no active agreement (OLA)"
                + _inactive_note(inactive),
                *(a.id for a in inactive),
            )


def supplier_owner(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for supplier in data.all(Supplier):
        if supplier.status in ENGAGED_SUPPLIER and blank(supplier.relationship_owner):
            yield SUP_OWNER.error(supplier, "no relationship owner named")


def supplier_interfaces(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for supplier in data.all(Supplier):
        if supplier.status not in ENGAGED_SUPPLIER:
            continue
        missing = missing_list(
            [
                (blank(supplier.interfaces), "interfaces described"),
                (not supplier.contacts, "contact points"),
            ]
        )
        if missing:
            yield SUP_INTERFACES.error(supplier, f"no {missing}")


def supplier_evaluation(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for supplier in data.all(Supplier):
        if supplier.kind is not SupplierKind.EXTERNAL or supplier.status not in ENGAGED_SUPPLIER:
            continue
        evaluations = data.referring(supplier.id, Evaluation)
        approved = supplier.approved_on
        selecting = [e for e in evaluations if e.decision in SELECTING]
        in_time = [e for e in selecting if approved is None or e.evaluated_on <= approved]
        if in_time:
            continue
        if not evaluations:
            problem = "approved without an evaluation"
        elif selecting:
            problem = f"evaluated only after its approval on {approved}"
        else:
            latest = max(evaluations, key=lambda e: (e.evaluated_on, e.id))
            problem = f"no evaluation selected it (latest decision: {latest.decision.value})"
        yield SUP_EVALUATION.error(supplier, problem, *(e.id for e in evaluations))


def supplier_history(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    """Suppliers kept by ``import --allow-history`` although their status lacks the facts
    of their approval: each is listed with what it lacks."""
    for supplier in data.all(Supplier):
        if not supplier.imported_history:
            continue
        missing = missing_lifecycle_facts(supplier)
        lacks = ", ".join(str(Supplier.model_fields[f].title) for f in missing)
        status = supplier.status.label
        yield SUP_HISTORY.warning(
            supplier, f"imported history: {status} without " + (lacks or "gaps (since completed)")
        )


def dispute_open(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    limit = settings.dispute_max_open_days
    for dispute in data.all(Dispute):
        if dispute.status not in OPEN_DISPUTE:
            continue
        age = (today - dispute.raised_on).days
        if age > limit:
            yield DSP_OPEN.warning(
                dispute,
                f"{dispute.status.value.replace('_', ' ')} for {days(age)} since "
                f"{dispute.raised_on} (limit {days(limit)})",
                dispute.supplier_id,
                dispute.agreement_id,
            )


def dispute_closed(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for dispute in data.all(Dispute):
        if dispute.status in OPEN_DISPUTE:
            continue
        missing = missing_list(
            [
                (blank(dispute.resolution), "a recorded resolution"),
                (dispute.resolved_on is None, "a resolution date"),
            ]
        )
        if missing:
            yield DSP_CLOSED.error(
                dispute,
                f"{dispute.status.value} without {missing}",
                dispute.supplier_id,
                dispute.agreement_id,
            )


RULES: tuple[Rule, ...] = (
    rule(
        SUP_CONTRACT,
        "External suppliers have an active contract",
        "An external supplier that is active or under review has at least one active "
        "contract or underpinning contract; one only approved (not yet delivering) has one "
        "in force or in preparation (draft, negotiation).",
        supplier_contract,
        Evidence("external supplier", any_of(Supplier, _external)),
    ),
    rule(
        SUP_OLA,
        "Internal suppliers have an agreement",
        "An internal supplier or a customer acting as a supplier that is active or under "
        "review has an active agreement (usually an OLA); one only approved has one in "
        "force or in preparation.",
        supplier_ola,
        Evidence("internal supplier", any_of(Supplier, _internal)),
    ),
    rule(
        SUP_OWNER,
        "Suppliers have a relationship owner",
        "A supplier from approval to suspension names the person responsible for the "
        "relationship, its contracts and performance.",
        supplier_owner,
        Evidence("supplier", any_of(Supplier, _engaged), required=True),
    ),
    rule(
        SUP_INTERFACES,
        "Supplier interfaces are defined",
        "A supplier from approval to suspension describes how the parties work together "
        "and lists at least one contact point.",
        supplier_interfaces,
        Evidence("supplier", any_of(Supplier, _engaged), required=True),
    ),
    rule(
        SUP_EVALUATION,
        "External suppliers were evaluated before approval",
        "An approved external supplier has an evaluation that selected it (selected or "
        "conditional) dated on or before its approval.",
        supplier_evaluation,
        Evidence("external supplier", any_of(Supplier, _external)),
    ),
    rule(
        SUP_HISTORY,
        "Imported supplier history is listed",
        "A supplier imported with --allow-history although its status lacked the facts of "
        "its approval (approval date, relationship owner) is listed with what it lacks.",
        supplier_history,
        Evidence("supplier", any_of(Supplier)),
    ),
    rule(
        DSP_OPEN,
        "Disputes are resolved in time",
        "A dispute still open, in negotiation or escalated longer than the set number of "
        "days after it was raised is flagged.",
        dispute_open,
        Evidence("dispute", any_of(Dispute)),
    ),
    rule(
        DSP_CLOSED,
        "Disputes are closed with a resolution",
        "A dispute resolved or closed records how it was resolved and when.",
        dispute_closed,
        Evidence("dispute", any_of(Dispute)),
    ),
)
