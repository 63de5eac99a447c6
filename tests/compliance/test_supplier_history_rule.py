"""SUP-HISTORY: suppliers kept by ``import --allow-history`` are listed with what they lack."""

from __future__ import annotations

from datetime import date

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.suppliers import Supplier
from tests.compliance.builders import TODAY as HEALTHY_DAY
from tests.compliance.builders import healthy

TODAY = date(2026, 11, 25)


def test_an_imported_history_supplier_is_listed_with_what_it_lacks() -> None:
    marked = Supplier(
        id="SUP-0001", name="Kite", status=SupplierStatus.ACTIVE, imported_history=True
    )
    plain = Supplier(id="SUP-0002", name="Idea")
    findings = run_checks(DataSet([marked, plain]), CheckSettings(), TODAY, ["SUP-HISTORY"])
    assert [(f.record_ids[0], f.severity.value) for f in findings] == [("SUP-0001", "warning")]
    assert "imported history: active without Relationship owner, Approved on" in (
        findings[0].message
    )


def test_healthy_data_has_no_imported_supplier_history() -> None:
    assert run_checks(healthy(), CheckSettings(), HEALTHY_DAY, ["SUP-HISTORY"]) == []
