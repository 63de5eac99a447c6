"""Separation of duties as the record shows it, on every path (imports included).

The services refuse a person doing two duties that are kept apart unless an
administrator records a reason (``services.authority``); these rules judge the data
itself, so a snapshot or a script that bypassed the services is caught too, and every
recorded override is listed for the auditor to weigh.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import Check, Evidence, Rule, any_of, rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import Amendment
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.suppliers import Evaluation, Supplier

SOD_CHANGE = Check("SOD-CHANGE", "8.1", Topic.DUTIES)
SOD_SUPPLIER = Check("SOD-SUPPLIER", "8.3.4.1", Topic.DUTIES)
SOD_OVERRIDE = Check("SOD-OVERRIDE", "8.1", Topic.DUTIES)


def _approved(change: ChangeRequest) -> bool:
    return bool(change.approver) and change.approved_on is not None


def _any_approval(data: DataSet) -> bool:
    return (
        any(_approved(c) for c in data.all(ChangeRequest))
        or any(s.approved_by for s in data.all(Supplier))
        or any(a.approved_by for a in data.all(Amendment))
    )


def change_duties(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    if not settings.separation_of_duties:
        return
    for change in data.all(ChangeRequest):
        if _approved(change) and change.approver == change.requested_by and not change.sod_override:
            who = person_name(data, change.approver)
            yield SOD_CHANGE.error(change, f"approved by its own requester, {who}")


def supplier_duties(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    if not settings.separation_of_duties:
        return
    for supplier in data.all(Supplier):
        if not supplier.approved_by or supplier.sod_override:
            continue
        for evaluation in data.referring(supplier.id, Evaluation):
            if (
                evaluation.supplier_id == supplier.id
                and evaluation.evaluator == supplier.approved_by
            ):
                who = person_name(data, supplier.approved_by)
                yield SOD_SUPPLIER.error(
                    supplier, f"selection approved by {who}, who also evaluated it", evaluation.id
                )
                break
    for amendment in data.all(Amendment):
        if (
            amendment.approved_by
            and amendment.approved_by == amendment.author
            and not amendment.sod_override
        ):
            who = person_name(data, amendment.author)
            yield SOD_SUPPLIER.error(amendment, f"approved by its own author, {who}")


def overrides(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    records: list[ChangeRequest | Supplier | Amendment] = [
        *data.all(ChangeRequest),
        *data.all(Supplier),
        *data.all(Amendment),
    ]
    for record in records:
        if record.sod_override:
            yield SOD_OVERRIDE.warning(
                record, f"separation of duties overridden: {record.sod_override}"
            )


RULES: tuple[Rule, ...] = (
    rule(
        SOD_CHANGE,
        "A change is not approved by its requester",
        "The person who approved a change is not the person who requested it, unless an "
        "administrator recorded a reason (separation of duties, a setting).",
        change_duties,
        Evidence("approved change", any_of(ChangeRequest, _approved)),
    ),
    rule(
        SOD_SUPPLIER,
        "Supplier selection and amendments are approved by someone else",
        "A supplier's selection is not approved by the person who evaluated it, and an "
        "amendment is not approved by its author, unless an administrator recorded a reason.",
        supplier_duties,
        Evidence(
            "approved supplier or amendment",
            lambda d: (
                any(s.approved_by for s in d.all(Supplier))
                or any(a.approved_by for a in d.all(Amendment))
            ),
        ),
    ),
    rule(
        SOD_OVERRIDE,
        "Separation-of-duties overrides are listed",
        "Every record on which an administrator overrode separation of duties is listed "
        "with the recorded reason.",
        overrides,
        Evidence("approval (of a change, a supplier or an amendment)", _any_approval),
    ),
)
