"""Clause 8.3.3 rules: services covered by SLAs, SLA content, and SLA alignment findings."""

from __future__ import annotations

from itsms_tui.domain.agreements import PriorityTimes, ServiceTarget
from itsms_tui.domain.enums import AgreementStatus, Priority, ServiceStatus
from tests.compliance.builders import (
    contract,
    edit,
    findings,
    flagged,
    healthy,
    service,
    without,
)


def test_live_service_has_an_active_customer_sla() -> None:
    assert flagged(healthy(), "SVC-SLA") == []
    data = edit(healthy(), "AGR-0003", status=AgreementStatus.TERMINATED)
    [found] = findings(data, "SVC-SLA")
    assert found.message == (
        "SVC-0001 E-mail: live service has no active customer SLA for its customer "
        "CUS-0001 Retail division"
    )
    edit(data, "SVC-0001", customer_ids=[])
    [found] = findings(data, "SVC-SLA")
    assert found.message == "SVC-0001 E-mail: live service has no active customer SLA"
    data.add(service(2, name="Intranet", status=ServiceStatus.PIPELINE))
    data.add(service(3, name="Fax", status=ServiceStatus.RETIRED))
    assert flagged(data, "SVC-SLA") == ["SVC-0001"]


def test_a_supplier_contract_on_the_service_is_not_a_customer_sla() -> None:
    data = edit(healthy(), "AGR-0003", service_ids=["SVC-0002"])
    data.add(service(2, name="Intranet"))
    assert flagged(data, "SVC-SLA") == ["SVC-0001"]


def test_customer_sla_states_targets_workload_limits_and_exceptions() -> None:
    assert flagged(healthy(), "SLA-CONTENT") == []
    data = edit(healthy(), "AGR-0003", workload_limits=[], exceptions=[])
    [found] = findings(data, "SLA-CONTENT")
    assert found.message.endswith("customer SLA does not state workload limits and exceptions")
    only_times = edit(healthy(), "AGR-0003", targets=[])
    assert flagged(only_times, "SLA-CONTENT") == []
    edit(only_times, "AGR-0003", priority_times=[])
    assert "service level targets" in findings(only_times, "SLA-CONTENT")[0].message


def test_weaker_underpinning_agreement_is_an_error() -> None:
    assert flagged(healthy(), "SLA-ALIGN-OLA") == []
    data = edit(
        healthy(),
        "AGR-0002",
        targets=[ServiceTarget(metric="availability", target=99.5, unit="%")],
        priority_times=[
            PriorityTimes(priority=Priority.P1, response_minutes=10, resolution_minutes=300),
        ],
    )
    [found] = findings(data, "SLA-ALIGN-OLA")
    assert found.severity == "error"
    assert found.record_ids == ("AGR-0003", "AGR-0002")
    assert found.message == (
        "AGR-0003 Mail SLA: underpinning AGR-0002 Network OLA is weaker: "
        "Availability 99.5 % below 99.9 %; P1 resolution 300 min longer than 240 min"
    )


def test_equal_targets_are_aligned() -> None:
    data = edit(
        healthy(),
        "AGR-0002",
        priority_times=[
            PriorityTimes(priority=Priority.P1, response_minutes=30, resolution_minutes=240),
            PriorityTimes(priority=Priority.P2, response_minutes=60, resolution_minutes=480),
        ],
    )
    assert flagged(data, "SLA-ALIGN-OLA") == []


def test_targets_not_stated_are_not_findings_unless_none_is_stated() -> None:
    data = edit(healthy(), "AGR-0002", targets=[])
    assert flagged(data, "SLA-ALIGN-OLA") == []
    edit(data, "AGR-0002", priority_times=[])
    [found] = findings(data, "SLA-ALIGN-OLA")
    assert found.severity == "warning"
    assert found.message.endswith(
        "underpinning AGR-0002 Network OLA states none of the SLA's targets: "
        "its alignment cannot be shown"
    )


def test_underpinning_agreement_not_in_force() -> None:
    data = edit(healthy(), "AGR-0001", status=AgreementStatus.TERMINATED)
    [found] = findings(data, "SLA-ALIGN")
    assert found.severity == "error"
    assert "underpinning AGR-0001 Hosting contract is terminated, not active" in found.message
    edit(data, "AGR-0003", underpinning_ids=["AGR-0002", "AGR-0099"])
    assert "AGR-0099 does not exist" in findings(data, "SLA-ALIGN")[0].message


def test_unlisted_agreements_on_the_service_are_not_judged() -> None:
    data = healthy()
    data.add(contract(5, targets=[ServiceTarget(metric="availability", target=95.0)]))
    assert flagged(data, "SLA-ALIGN") == []


def test_inactive_slas_are_not_judged() -> None:
    data = edit(healthy(), "AGR-0002", targets=[], priority_times=[])
    edit(data, "AGR-0003", status=AgreementStatus.DRAFT)
    assert flagged(data, "SLA-ALIGN-OLA") == []


def test_customer_sla_states_its_requirements_and_when_it_was_agreed() -> None:
    data = edit(healthy(), "AGR-0003", requirements=[], signed_on=None)
    [found] = findings(data, "SLA-CONTENT")
    assert found.message == (
        "AGR-0003 Mail SLA: customer SLA does not state service requirements and the date "
        "it was agreed (signed on)"
    )


def test_a_draft_sla_is_not_yet_judged_for_its_signature() -> None:
    data = edit(healthy(), "AGR-0003", status=AgreementStatus.DRAFT, signed_on=None)
    assert flagged(data, "SLA-CONTENT") == []


# ------------------------------------------------------------------ SLA-KPI


def test_an_sla_whose_performance_no_kpi_reports_is_an_error() -> None:
    assert findings(healthy(), "SLA-KPI") == []
    # its workload KPI KPI-0006 is left: workload is not performance
    data = without(healthy(), "KPI-0003", "MEA-0003")
    [found] = findings(data, "SLA-KPI")
    assert found.clause == "8.3.3"
    assert found.message == (
        "AGR-0003 Mail SLA: states service level targets but no performance KPI reports "
        "against them"
    )


def test_an_sla_without_targets_needs_no_performance_kpi_here() -> None:
    # the missing targets are SLA-CONTENT's finding
    data = edit(
        without(healthy(), "KPI-0003", "MEA-0003"), "AGR-0003", targets=[], priority_times=[]
    )
    assert flagged(data, "SLA-KPI") == []
