"""8.3.4: red supplier KPIs, suspended suppliers still under contract, amendments and
disputes closed properly; 8.3.3: a miss in any period needs an improvement action."""

from __future__ import annotations

from datetime import date, timedelta

from itsms_tui.domain.enums import ActionStatus, DisputeStatus, SupplierStatus
from tests.compliance.builders import (
    TODAY,
    action,
    edit,
    findings,
    flagged,
    healthy,
    kpi,
    measurement,
)


def test_a_red_supplier_kpi_is_a_finding() -> None:
    assert flagged(healthy(), "SUP-KPI-RED") == []
    data = edit(healthy(), "MEA-0002", value=99.0)  # KPI-0002 on SUP-0001: below warning
    [found] = findings(data, "SUP-KPI-RED")
    assert found.severity == "error"
    assert found.record_ids[:2] == ("KPI-0002", "SUP-0001")
    assert "red: 99 % on 2025-06-01" in found.message


def test_a_red_kpi_on_a_suppliers_agreement_counts_and_an_action_makes_it_a_warning() -> None:
    data = edit(healthy(), "MEA-0004", value=90.0)  # KPI-0004 on the OLA AGR-0002
    assert flagged(data, "SUP-KPI-RED") == ["KPI-0004"]
    data.add(action(5, kpi_id="KPI-0004", supplier_id="SUP-0002"))
    [found] = findings(data, "SUP-KPI-RED")
    assert found.severity == "warning" and "ACN-0005" in found.message


def test_an_amber_supplier_kpi_is_not_red() -> None:
    assert flagged(edit(healthy(), "MEA-0002", value=99.6), "SUP-KPI-RED") == []


def test_a_suspended_supplier_with_an_active_contract_and_a_stale_kpi() -> None:
    data = edit(healthy(), "SUP-0001", status=SupplierStatus.SUSPENDED)
    assert flagged(data, "SUP-SUSPENDED") == []  # measured on 2025-06-01: still current
    edit(data, "MEA-0002", measured_on=TODAY - timedelta(days=60))
    [found] = findings(data, "SUP-SUSPENDED")
    assert found.record_ids[:2] == ("SUP-0001", "AGR-0001")
    assert "AGR-0001" in found.message and "KPI-0002" in found.message
    edit(data, "AGR-0001", status="terminated")
    assert flagged(data, "SUP-SUSPENDED") == []


def test_an_amendment_in_force_without_approval() -> None:
    assert flagged(healthy(), "AMD-APPROVAL") == []  # AMD-0001 is not dated: not in force
    data = edit(healthy(), "AMD-0001", effective_on=date(2025, 5, 1))
    [found] = findings(data, "AMD-APPROVAL")
    assert "in force since 2025-05-01 without a recorded approval" in found.message
    edit(data, "AMD-0001", approved_by="PER-0004", approved_on=date(2025, 4, 20))
    assert flagged(data, "AMD-APPROVAL") == []
    edit(data, "AMD-0001", effective_on=date(2025, 7, 1), approved_by="")
    assert flagged(data, "AMD-APPROVAL") == []  # not in force yet


def test_a_dispute_closed_without_resolution_or_date() -> None:
    assert flagged(healthy(), "DSP-CLOSED") == []
    data = edit(healthy(), "DSP-0001", resolution="")
    [found] = findings(data, "DSP-CLOSED")
    assert found.message.endswith("resolved without a recorded resolution")
    data = edit(healthy(), "DSP-0001", status=DisputeStatus.CLOSED, resolved_on=None)
    assert "closed without a resolution date" in findings(data, "DSP-CLOSED")[0].message


def test_a_miss_in_an_earlier_period_needs_an_action_even_when_the_latest_is_green() -> None:
    data = healthy()
    data.add(measurement(9, "KPI-0003", date(2025, 4, 1), 99.6))  # amber in April
    assert flagged(data, "KPI-MISSED") == ["KPI-0003"]  # June is green: still answered?
    data.add(action(5, kpi_id="KPI-0003", status=ActionStatus.DONE, completed_on=date(2025, 4, 20)))
    assert flagged(data, "KPI-MISSED") == []


def test_a_miss_on_a_supplier_kpi_needs_an_action() -> None:
    data = healthy()
    data.add(kpi(9, "SUP-0002", name="Network changes on time"))
    data.add(measurement(9, "KPI-0009", date(2025, 6, 1), 50.0))
    assert flagged(data, "KPI-MISSED") == ["KPI-0009"]
