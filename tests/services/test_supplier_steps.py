"""Lifecycle steps through the workspace (every front end's path) and form defaults."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.supplier_lifecycle import LifecycleError
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.errors import EXPECTED_ERRORS, UserError
from itsms_tui.services.form_defaults import suggested_values
from itsms_tui.services.workspace import Workspace
from itsms_tui.store.errors import StaleRevisionError
from tests.people_support import file_person

TODAY = date(2026, 3, 2)


def workspace(path: Path, *, read_only: bool = False) -> Workspace:
    opened = Workspace.open_file(path, read_only=read_only)
    opened.today = lambda: TODAY
    return opened


def test_a_step_is_stored_audited_and_refused_on_a_stale_revision(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    ws = workspace(path)
    owner = file_person(ws, "Dana Wood").id
    supplier = ws.save(Supplier(name="Acme", status=SupplierStatus.EVALUATING))
    approved = ws.move_supplier(supplier, "approve", {"relationship_owner": owner})
    assert (approved.status, approved.approved_on, approved.revision) == (
        SupplierStatus.APPROVED,
        TODAY,
        supplier.revision + 1,
    )
    assert ws.store.get(Supplier, supplier.id) == approved
    assert len(ws.history(supplier.id)) == 2  # created, then the step (audited)
    with pytest.raises(StaleRevisionError):
        ws.move_supplier(supplier, "exit")  # based on the revision before the approval
    with pytest.raises(LifecycleError) as refused:
        ws.move_supplier(approved, "approve", {"relationship_owner": owner})
    assert isinstance(refused.value, EXPECTED_ERRORS)
    ws.store.close()


def test_a_read_only_workspace_refuses_a_step(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    ws = workspace(path)
    supplier = ws.save(Supplier(name="Acme"))
    ws.store.close()
    reader = workspace(path, read_only=True)
    with pytest.raises(UserError, match="read-only"):
        reader.move_supplier(supplier, "evaluate")
    reader.store.close()


def test_a_new_agreement_takes_the_most_used_currency() -> None:
    def agreements(*currencies: str) -> DataSet:
        return DataSet(
            [
                Agreement(id=f"AGR-{i + 1:04d}", title=f"A{i}", currency=c)
                for i, c in enumerate(currencies)
            ]
        )

    assert suggested_values(Agreement, agreements("GBP", "EUR", "GBP")) == {"currency": "GBP"}
    assert suggested_values(Agreement, agreements()) == {}
    assert suggested_values(Supplier, agreements("GBP")) == {}
