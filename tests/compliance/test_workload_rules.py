"""Clause 8.3.3 workload against limits: an SLA's workload limits are measured by workload
KPIs (its target is the limit), and a period over a limit is answered by an improvement
action or a review that names it."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from itsms_tui.compliance.findings import Severity
from itsms_tui.domain.customers import CustomerReview
from itsms_tui.domain.enums import ActionStatus, AgreementStatus, Direction, KpiKind
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.suppliers import SupplierReview
from tests.compliance.builders import (
    action,
    build,
    contract,
    customer_review,
    edit,
    findings,
    flagged,
    healthy,
    kpi,
    measurement,
    without,
)


def _over() -> Measurement:
    """The healthy SLA's ticket workload over its 500 limit in May."""
    return measurement(20, "KPI-0006", date(2025, 5, 31), value=612.0)


# ------------------------------------------------------------------ the model


def test_a_kpi_stored_before_the_kind_existed_is_a_performance_kpi() -> None:
    stored = kpi(9, "AGR-0003").model_dump()
    del stored["kind"]
    assert Kpi.model_validate(stored).kind is KpiKind.PERFORMANCE


def test_a_workload_kpi_must_measure_an_agreement() -> None:
    with pytest.raises(ValidationError, match="its subject must be an agreement"):
        kpi(
            9,
            "SVC-0001",
            kind=KpiKind.WORKLOAD,
            direction=Direction.LOWER_IS_BETTER,
            target=500,
            warning=550,
        )


def test_a_workload_kpi_is_lower_is_better() -> None:
    with pytest.raises(ValidationError, match="set the direction to lower is better"):
        kpi(9, "AGR-0003", kind=KpiKind.WORKLOAD, target=500, warning=450)


# ------------------------------------------------------------------ SLA-WORKLOAD


def test_healthy_data_measures_its_workload_limits() -> None:
    data = healthy()
    assert findings(data, "SLA-WORKLOAD") == []
    assert findings(data, "KPI-OVER-LIMIT") == []


def test_an_sla_with_workload_limits_and_no_workload_kpi_is_an_error() -> None:
    data = without(healthy(), "KPI-0006", "MEA-0006")
    [found] = findings(data, "SLA-WORKLOAD")
    assert found.clause == "8.3.3"
    assert found.severity is Severity.ERROR
    assert found.record_id == "AGR-0003"
    assert found.message == (
        "AGR-0003 Mail SLA: states workload limits (500 tickets a month) but no workload "
        "KPI measures them: workload is not measured against its limits"
    )


def test_a_performance_kpi_on_the_sla_does_not_measure_its_workload() -> None:
    data = edit(healthy(), "KPI-0006", kind=KpiKind.PERFORMANCE)
    assert flagged(data, "SLA-WORKLOAD") == ["AGR-0003"]


def test_fewer_workload_kpis_than_limits_is_a_warning() -> None:
    data = edit(healthy(), "AGR-0003", workload_limits=["500 tickets a month", "40 changes"])
    [found] = findings(data, "SLA-WORKLOAD")
    assert found.severity is Severity.WARNING
    assert found.record_ids == ("AGR-0003", "KPI-0006")
    assert "states 2 workload limits but only 1 workload KPI measures them (KPI-0006)" in (
        found.message
    )


def test_an_sla_without_workload_limits_needs_no_workload_kpi() -> None:
    # the missing limits are SLA-CONTENT's finding
    data = edit(without(healthy(), "KPI-0006", "MEA-0006"), "AGR-0003", workload_limits=[])
    assert flagged(data, "SLA-WORKLOAD") == []


def test_an_sla_no_longer_active_is_not_judged_for_workload_kpis() -> None:
    data = edit(
        without(healthy(), "KPI-0006", "MEA-0006"),
        "AGR-0003",
        status=AgreementStatus.EXPIRED,
        end_reason="Replaced",
    )
    assert flagged(data, "SLA-WORKLOAD") == []


# ------------------------------------------------------------------ KPI-OVER-LIMIT


def test_a_reading_over_the_limit_without_an_answer_is_an_error() -> None:
    data = healthy()
    data.add(_over())
    [found] = findings(data, "KPI-OVER-LIMIT")
    assert found.clause == "8.3.3"
    assert found.severity is Severity.ERROR
    assert found.record_ids == ("KPI-0006", "AGR-0003", "MEA-0020")
    assert found.message == (
        "KPI-0006 Tickets a month: workload 612 tickets on 2025-05-31 is over the limit "
        "500 tickets of AGR-0003 Mail SLA, and no improvement action or review addresses it"
    )


def test_an_over_limit_reading_in_an_earlier_period_still_counts() -> None:
    # June (MEA-0006, 430) is within the limit; May was over
    data = healthy()
    data.add(measurement(20, "KPI-0006", date(2025, 3, 31), value=700.0))
    assert flagged(data, "KPI-OVER-LIMIT") == ["KPI-0006"]


def test_an_open_improvement_action_on_the_kpi_answers_the_reading() -> None:
    data = healthy()
    data.add(_over())
    data.add(action(9, kpi_id="KPI-0006", description="Agree a higher ticket limit"))
    assert flagged(data, "KPI-OVER-LIMIT") == []


def test_an_action_completed_before_the_reading_does_not_answer_it() -> None:
    data = healthy()
    data.add(_over())
    data.add(
        action(
            9,
            kpi_id="KPI-0006",
            status=ActionStatus.DONE,
            completed_on=date(2025, 4, 1),
        )
    )
    assert flagged(data, "KPI-OVER-LIMIT") == ["KPI-0006"]


def test_a_customer_review_since_the_reading_that_names_the_kpi_answers_it() -> None:
    data = healthy()
    data.add(_over())
    data.add(
        customer_review(
            2,
            held_on=date(2025, 6, 10),
            outcomes="KPI-0006 over its limit in May: the customer agreed a 650 limit.",
        )
    )
    assert flagged(data, "KPI-OVER-LIMIT") == []


def test_a_review_that_does_not_name_the_kpi_does_not_answer_it() -> None:
    data = healthy()
    data.add(_over())
    data.add(customer_review(2, held_on=date(2025, 6, 10), outcomes="All targets met."))
    assert flagged(data, "KPI-OVER-LIMIT") == ["KPI-0006"]


def test_a_review_held_before_the_reading_does_not_answer_it() -> None:
    data = healthy()
    data.add(_over())
    data.add(customer_review(2, held_on=date(2025, 5, 20), outcomes="Tickets a month rising."))
    assert flagged(data, "KPI-OVER-LIMIT") == ["KPI-0006"]


def test_a_review_with_another_customer_does_not_answer_it() -> None:
    data = healthy()
    data.add(_over())
    data.add(
        build(
            CustomerReview,
            2,
            customer_id="CUS-0009",
            held_on=date(2025, 6, 10),
            outcomes="KPI-0006 discussed.",
        )
    )
    assert flagged(data, "KPI-OVER-LIMIT") == ["KPI-0006"]


def test_a_supplier_review_of_the_contract_answers_a_contract_workload_reading() -> None:
    data = healthy()
    data.add(
        kpi(
            9,
            "AGR-0001",
            name="Hosted mailboxes",
            kind=KpiKind.WORKLOAD,
            unit="mailboxes",
            direction=Direction.LOWER_IS_BETTER,
            target=2000,
            warning=2200,
        )
    )
    data.add(measurement(21, "KPI-0009", date(2025, 5, 31), value=2300.0))
    assert flagged(data, "KPI-OVER-LIMIT") == ["KPI-0009"]
    data.add(
        build(
            SupplierReview,
            9,
            supplier_id="SUP-0001",
            agreement_id="AGR-0001",
            held_on=date(2025, 6, 5),
            minutes="Hosted mailboxes over the contract limit; a second tier was ordered.",
        )
    )
    assert flagged(data, "KPI-OVER-LIMIT") == []


def test_workload_over_the_limit_is_not_a_missed_performance_target() -> None:
    data = healthy()
    data.add(_over())
    assert flagged(data, "KPI-MISSED") == []


def test_a_red_workload_kpi_on_a_supplier_contract_is_not_supplier_underperformance() -> None:
    data = healthy()
    data.add(
        contract(
            9,
            title="Mailbox licences",
            service_ids=[],
            workload_limits=["2,000 mailboxes"],
        )
    )
    data.add(
        kpi(
            9,
            "AGR-0009",
            name="Mailboxes",
            kind=KpiKind.WORKLOAD,
            unit="mailboxes",
            direction=Direction.LOWER_IS_BETTER,
            target=2000,
            warning=2100,
        )
    )
    data.add(measurement(21, "KPI-0009", date(2025, 6, 1), value=2400.0))
    assert flagged(data, "SUP-KPI-RED") == []
    assert flagged(data, "KPI-OVER-LIMIT") == ["KPI-0009"]


def test_no_workload_kpi_is_no_evidence_for_the_over_limit_rule() -> None:
    data = without(healthy(), "KPI-0006", "MEA-0006")
    [found] = findings(data, "KPI-OVER-LIMIT")
    assert found.no_evidence and found.severity is Severity.WARNING


def test_a_workload_kpi_does_not_monitor_a_suppliers_performance() -> None:
    # SUP-0002's only KPI is KPI-0004 on its OLA: make it a workload count
    data = edit(
        healthy(),
        "KPI-0004",
        name="Network tickets",
        kind=KpiKind.WORKLOAD,
        unit="tickets",
        direction=Direction.LOWER_IS_BETTER,
        target=100,
        warning=120,
    )
    assert flagged(data, "SUP-KPI") == ["SUP-0002"]
