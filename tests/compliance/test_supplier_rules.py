"""Clause 8.3.4 supplier register rules: agreements in force, owner, interfaces, evaluation,
disputes."""

from __future__ import annotations

from datetime import date, timedelta

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    DisputeStatus,
    SelectionDecision,
    SupplierKind,
    SupplierStatus,
)
from itsms_tui.domain.suppliers import Dispute
from tests.compliance.builders import TODAY, edit, evaluation, findings, flagged, healthy, without

DAY = timedelta(days=1)


def test_external_supplier_without_active_contract() -> None:
    assert flagged(healthy(), "SUP-CONTRACT") == []
    data = edit(healthy(), "AGR-0001", status=AgreementStatus.EXPIRED)
    [found] = findings(data, "SUP-CONTRACT")
    assert found.message == (
        "SUP-0001 Northwind Hosting: active external supplier has no active contract "
        "(AGR-0001 is expired)"
    )
    assert found.record_ids == ("SUP-0001", "AGR-0001")
    assert found.clause == "8.3.4.1"


def test_an_underpinning_contract_counts_an_ola_does_not() -> None:
    uc = edit(healthy(), "AGR-0001", kind=AgreementKind.UNDERPINNING_CONTRACT)
    assert flagged(uc, "SUP-CONTRACT") == []
    ola = edit(healthy(), "AGR-0001", kind=AgreementKind.OLA)
    assert flagged(ola, "SUP-CONTRACT") == ["SUP-0001"]


def test_contract_rule_applies_from_approval_until_suspension() -> None:
    data = without(healthy(), "AGR-0001")
    for status in (SupplierStatus.APPROVED, SupplierStatus.ACTIVE, SupplierStatus.UNDER_REVIEW):
        assert flagged(edit(data, "SUP-0001", status=status), "SUP-CONTRACT") == ["SUP-0001"]
    for status in (
        SupplierStatus.PROPOSED,
        SupplierStatus.EVALUATING,
        SupplierStatus.SUSPENDED,
        SupplierStatus.EXITED,
    ):
        assert flagged(edit(data, "SUP-0001", status=status), "SUP-CONTRACT") == []


def test_internal_supplier_and_customer_as_supplier_need_an_ola() -> None:
    assert flagged(healthy(), "SUP-OLA") == []
    data = without(healthy(), "AGR-0002")
    [found] = findings(data, "SUP-OLA")
    assert found.message.endswith("active internal supplier has no active agreement (OLA)")
    edit(data, "SUP-0002", kind=SupplierKind.CUSTOMER_AS_SUPPLIER)
    assert "customer acting as a supplier" in findings(data, "SUP-OLA")[0].message
    assert flagged(data, "SUP-CONTRACT") == []


def test_supplier_relationship_owner() -> None:
    assert flagged(healthy(), "SUP-OWNER") == []
    data = edit(healthy(), "SUP-0001", relationship_owner="")
    assert flagged(data, "SUP-OWNER") == ["SUP-0001"]
    assert flagged(edit(data, "SUP-0001", status=SupplierStatus.PROPOSED), "SUP-OWNER") == []


def test_supplier_interfaces_and_contacts() -> None:
    assert flagged(healthy(), "SUP-INTERFACES") == []
    data = edit(healthy(), "SUP-0001", interfaces="", contacts=[])
    [found] = findings(data, "SUP-INTERFACES")
    assert found.message.endswith("no interfaces described and contact points")
    assert flagged(edit(data, "SUP-0001", status=SupplierStatus.EXITED), "SUP-INTERFACES") == []


def test_supplier_evaluated_on_or_before_approval() -> None:
    assert flagged(healthy(), "SUP-EVALUATION") == []
    on_the_day = edit(healthy(), "EVL-0001", evaluated_on=date(2024, 1, 10))
    assert flagged(on_the_day, "SUP-EVALUATION") == []
    after = edit(healthy(), "EVL-0001", evaluated_on=date(2024, 1, 11))
    assert "evaluated only after its approval on 2024-01-10" in (
        findings(after, "SUP-EVALUATION")[0].message
    )


def test_supplier_approved_without_a_selecting_evaluation() -> None:
    none = without(healthy(), "EVL-0001")
    assert findings(none, "SUP-EVALUATION")[0].message.endswith("approved without an evaluation")
    rejected = edit(healthy(), "EVL-0001", decision=SelectionDecision.REJECTED)
    assert "latest decision: rejected" in findings(rejected, "SUP-EVALUATION")[0].message
    conditional = edit(healthy(), "EVL-0001", decision=SelectionDecision.CONDITIONAL)
    assert flagged(conditional, "SUP-EVALUATION") == []
    later = healthy()
    later.add(evaluation(2, evaluated_on=date(2025, 1, 5), decision=SelectionDecision.PENDING))
    assert flagged(later, "SUP-EVALUATION") == []


def test_internal_suppliers_need_no_evaluation() -> None:
    assert "SUP-0002" not in flagged(without(healthy(), "EVL-0001"), "SUP-EVALUATION")


def _dispute(days_open: int, status: DisputeStatus = DisputeStatus.OPEN) -> Dispute:
    return Dispute(
        id="DSP-0002",
        supplier_id="SUP-0001",
        title="Credit note",
        raised_on=TODAY - timedelta(days=days_open),
        status=status,
    )


def test_dispute_open_longer_than_the_limit() -> None:
    data = healthy()
    data.add(_dispute(60))
    assert flagged(data, "DSP-OPEN") == []
    data.add(_dispute(61, DisputeStatus.ESCALATED))
    [found] = findings(data, "DSP-OPEN")
    assert found.severity == "warning"
    assert found.record_ids == ("DSP-0002", "SUP-0001")
    assert "escalated for 61 days" in found.message
    assert flagged(data, "DSP-OPEN", settings=CheckSettings(dispute_max_open_days=61)) == []
    data.add(_dispute(200, DisputeStatus.RESOLVED))
    assert flagged(data, "DSP-OPEN") == []


def test_an_approved_supplier_not_yet_delivering_may_have_its_contract_in_preparation() -> None:
    from itsms_tui.domain.enums import AgreementStatus as AS

    data = edit(healthy(), "SUP-0001", status=SupplierStatus.APPROVED)
    edit(data, "AGR-0001", status=AS.DRAFT)
    assert flagged(data, "SUP-CONTRACT") == []  # selected, contract being drafted
    edit(data, "AGR-0001", status=AS.NEGOTIATION)
    assert flagged(data, "SUP-CONTRACT") == []
    edit(data, "SUP-0001", status=SupplierStatus.ACTIVE)  # delivering: needs it in force
    assert flagged(data, "SUP-CONTRACT") == ["SUP-0001"]
