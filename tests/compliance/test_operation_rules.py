"""8.1: a process is run (activities), measured (a KPI) and controlled; an objective has
resources; an activity is not outsourced to a supplier that has exited."""

from __future__ import annotations

from itsms_tui.domain.enums import SupplierStatus
from tests.compliance.builders import edit, findings, flagged, healthy, process


def test_a_process_without_activities_kpi_or_controls() -> None:
    assert flagged(healthy(), "PRC-CONTROLLED") == []
    data = healthy()
    data.add(process(2, name="Problem management", controls=[]))
    [found] = findings(data, "PRC-CONTROLLED")
    assert found.record_id == "PRC-0002"
    assert found.message.endswith("process has no activities, no KPI and no controls")
    edit(data, "PRC-0002", controls=["Weekly problem review"])
    assert "no activities and no KPI" in findings(data, "PRC-CONTROLLED")[0].message


def test_an_objective_without_resources() -> None:
    assert flagged(healthy(), "OBJ-RESOURCES") == []
    data = edit(healthy(), "OBJ-0001", resources=[])
    [found] = findings(data, "OBJ-RESOURCES")
    assert found.message.endswith("objective states no resources to achieve it")
    assert flagged(edit(data, "OBJ-0001", status="cancelled"), "OBJ-RESOURCES") == []


def test_an_activity_run_by_an_exited_supplier() -> None:
    data = edit(healthy(), "SUP-0001", status=SupplierStatus.EXITED)
    [found] = findings(data, "PRC-OUTSOURCED")
    assert "outsourced to SUP-0001 Northwind Hosting, which has exited" in found.message
