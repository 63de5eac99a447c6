"""Findings carry the clause that requires them: external vs internal suppliers, 6.1 risks."""

from __future__ import annotations

from itsms_tui.compliance.engine import CLAUSE_TITLES, RULES_BY_ID
from itsms_tui.domain.agreements import ServiceTarget
from itsms_tui.domain.enums import AgreementKind
from tests.compliance.builders import contract, edit, findings, healthy, sla


def test_risk_rules_are_under_6_1() -> None:
    assert CLAUSE_TITLES["6.1"] == "Actions to address risks and opportunities"
    for rule_id in ("RSK-OWNER", "RSK-TREATMENT", "RSK-REVIEW"):
        assert RULES_BY_ID[rule_id].clause == "6.1"


def test_alignment_of_a_contract_is_8_3_4_1_and_of_an_ola_8_3_4_2() -> None:
    weak = [ServiceTarget(metric="availability", target=99.0, unit="%")]
    data = edit(healthy(), "AGR-0001", targets=weak)
    [found] = findings(data, "SLA-ALIGN")
    assert (found.clause, found.record_ids) == ("8.3.4.1", ("AGR-0003", "AGR-0001"))
    assert findings(data, "SLA-ALIGN-OLA") == []
    data = edit(healthy(), "AGR-0002", targets=weak)
    [found] = findings(data, "SLA-ALIGN-OLA")
    assert (found.clause, found.record_ids) == ("8.3.4.2", ("AGR-0003", "AGR-0002"))
    assert findings(data, "SLA-ALIGN") == []


def test_contract_content_is_8_3_4_1_and_ola_content_8_3_4_2() -> None:
    data = edit(healthy(), "AGR-0001", authorities=[])
    [found] = findings(data, "AGR-CONTENT")
    assert found.clause == "8.3.4.1"
    assert findings(data, "AGR-CONTENT-OLA") == []
    data = edit(healthy(), "AGR-0002", authorities=[])
    [found] = findings(data, "AGR-CONTENT-OLA")
    assert (found.clause, found.record_id) == ("8.3.4.2", "AGR-0002")


def test_supplier_evaluation_is_about_external_suppliers() -> None:
    assert RULES_BY_ID["SUP-EVALUATION"].clause == "8.3.4.1"


def test_an_unknown_or_customer_sla_column_is_judged_with_contracts() -> None:
    data = healthy()
    data.add(sla(4, customer_id="CUS-0009"))
    edit(data, "AGR-0003", underpinning_ids=["AGR-0001", "AGR-0002", "AGR-0004", "AGR-0099"])
    found = findings(data, "SLA-ALIGN")
    assert {f.record_ids[1] for f in found} == {"AGR-0004", "AGR-0099"}
    assert all(f.clause == "8.3.4.1" for f in found)
    assert contract(5).kind is AgreementKind.CONTRACT
