"""Workspace use cases that guard the data beyond field validation."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from itsms_tui.domain.changes import ChangeRequest, WorkflowError
from itsms_tui.domain.enums import ChangeStatus, RiskLevel
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.errors import UserError
from itsms_tui.services.workspace import Workspace
from tests.people_support import file_person

TODAY = date(2026, 11, 25)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace.open_file(tmp_path / "itsms.json")
    ws.today = lambda: TODAY
    return ws


def test_a_measurement_dated_in_the_future_is_refused(workspace: Workspace) -> None:
    supplier = workspace.save(Supplier(name="Acme"))
    kpi = workspace.save(
        Kpi(name="Availability", target=99.9, warning=99.5, subject_id=supplier.id)
    )
    with pytest.raises(UserError, match="in the future"):
        workspace.record_measurement(kpi, 99.0, measured_on=TODAY + timedelta(days=1))
    with pytest.raises(UserError, match="in the future"):
        workspace.save(Measurement(kpi_id=kpi.id, measured_on=date(2030, 1, 1), value=98))
    assert workspace.data().all(Measurement) == []
    saved = workspace.record_measurement(kpi, 99.95)
    assert saved.measured_on == TODAY


def test_a_plain_edit_cannot_erase_an_approval(workspace: Workspace) -> None:
    requester = file_person(workspace, "Ana Silva")
    change = workspace.save(
        ChangeRequest(title="Firewall patch", requested_by=requester.id, requested_on=TODAY)
    )
    change = workspace.move_change(change, ChangeStatus.SUBMITTED)
    change = workspace.move_change(
        change,
        ChangeStatus.ASSESSED,
        {"impact_assessment": "none", "risk_level": RiskLevel.LOW, "backout_plan": "undo"},
    )
    change = workspace.move_change(
        change, ChangeStatus.APPROVED, {"approver": "PER-0003", "approved_on": TODAY}
    )
    edited = change.model_copy()
    edited.approver = ""
    with pytest.raises(WorkflowError, match="Approver"):
        workspace.save(edited)
    assert workspace.store.get(ChangeRequest, change.id).approver == workspace.actor.person_id
