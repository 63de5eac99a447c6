"""Removing or hiding a record never improves the result without a recorded reason."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itsms_tui.compliance.engine import run_checks, summarise
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementStatus, Renewal
from tests.compliance.builders import contract, customer, edit, flagged, healthy, service, sla


def test_retiring_an_sla_leaves_the_live_service_without_one() -> None:
    data = edit(healthy(), "AGR-0003", status=AgreementStatus.EXPIRED)
    assert flagged(data, "SVC-SLA") == ["SVC-0001"]


def test_an_sla_retired_without_a_reason_while_its_customer_still_uses_the_service() -> None:
    data = healthy()
    data.add(customer(2, name="Wholesale"))
    data.add(sla(4, status=AgreementStatus.TERMINATED, customer_id="CUS-0002"))
    assert flagged(data, "SLA-RETIRED") == ["AGR-0004"]
    [finding] = run_checks(data, CheckSettings(), date(2025, 6, 16), ["SLA-RETIRED"])
    assert "Wholesale" in finding.message and "SVC-0001" in finding.message


def test_an_sla_retired_with_a_reason_or_replaced_is_not_flagged() -> None:
    data = healthy()
    data.add(customer(2, name="Wholesale"))
    data.add(sla(4, status=AgreementStatus.TERMINATED, customer_id="CUS-0002"))
    edit(data, "AGR-0004", end_reason="Wholesale left the group in May 2025.")
    assert flagged(data, "SLA-RETIRED") == []
    data = healthy()
    data.add(sla(4, status=AgreementStatus.EXPIRED))  # same customer, AGR-0003 replaces it
    assert flagged(data, "SLA-RETIRED") == []


def test_a_retired_sla_whose_service_is_retired_is_not_flagged() -> None:
    data = healthy()
    data.add(service(2, name="Fax", status="retired"))
    data.add(sla(4, status=AgreementStatus.EXPIRED, service_ids=["SVC-0002"]))
    assert flagged(data, "SLA-RETIRED") == []


def test_a_contract_on_an_sla_service_that_underpins_nothing_is_flagged() -> None:
    data = edit(healthy(), "AGR-0003", underpinning_ids=["AGR-0002"])
    assert flagged(data, "SLA-UNDERPIN") == ["AGR-0001"]
    [finding] = run_checks(data, CheckSettings(), date(2025, 6, 16), ["SLA-UNDERPIN"])
    assert "AGR-0003" in finding.message
    edit(data, "AGR-0001", not_underpinning_reason="A software licence, no service levels.")
    assert flagged(data, "SLA-UNDERPIN") == []


def test_an_internal_ola_left_off_the_sla_is_flagged_under_8_3_4_2() -> None:
    data = edit(healthy(), "AGR-0003", underpinning_ids=["AGR-0001"])
    [finding] = run_checks(data, CheckSettings(), date(2025, 6, 16), ["SLA-UNDERPIN-OLA"])
    assert (finding.record_id, finding.clause) == ("AGR-0002", "8.3.4.2")


def test_a_contract_on_no_sla_service_is_not_flagged() -> None:
    data = healthy()
    data.add(contract(5, service_ids=["SVC-0009"], renewal=Renewal.NONE, renewal_months=None))
    assert flagged(data, "SLA-UNDERPIN") == []


def test_an_expired_sla_keeps_its_missed_target_findings() -> None:
    from tests.compliance.builders import measurement

    data = healthy()
    data.add(measurement(9, "KPI-0003", date(2025, 5, 1), 97.0))  # red on the SLA's KPI
    assert flagged(data, "KPI-MISSED") == ["KPI-0003"]
    edit(data, "AGR-0003", status=AgreementStatus.EXPIRED)
    assert flagged(data, "KPI-MISSED") == ["KPI-0003"]


# -- property: no single deletion the store allows improves the demo ----------------------

DEMO_TODAY = date(2026, 3, 2)


def _demo() -> tuple[DataSet, CheckSettings]:
    from itsms_tui.snapshot.demo import load_demo_snapshot

    snapshot = load_demo_snapshot(DEMO_TODAY)
    return snapshot.dataset, CheckSettings.from_saved(snapshot.settings)


def _clauses_met(data: DataSet, check: CheckSettings) -> set[str]:
    found = run_checks(data, check, DEMO_TODAY)
    return {s.clause for s in summarise(found) if s.met == s.checked}


try:
    DEMO, DEMO_SETTINGS = _demo()
except FileNotFoundError:  # pragma: no cover - the wheel always bundles it
    pytest.skip("no bundled demo data", allow_module_level=True)
DELETABLE = sorted(r.id for r in DEMO if not DEMO.referring_any(r.id))
MET_BEFORE = _clauses_met(DEMO, DEMO_SETTINGS)


@given(st.sampled_from(DELETABLE))
@settings(max_examples=40, deadline=None)
def test_deleting_any_single_record_never_turns_a_clause_met(record_id: str) -> None:
    after = DataSet(r for r in DEMO if r.id != record_id)
    assert _clauses_met(after, DEMO_SETTINGS) <= MET_BEFORE, record_id
