"""KPI rules: 9.1 definitions and freshness, 8.3.4 supplier monitoring, 8.3.3 missed targets."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.enums import (
    ActionStatus,
    AgreementStatus,
    Frequency,
    ObjectiveStatus,
    SupplierStatus,
)
from tests.compliance.builders import (
    TODAY,
    action,
    edit,
    findings,
    flagged,
    healthy,
    kpi,
    measurement,
    without,
)

DAY = timedelta(days=1)


def test_kpi_states_what_how_and_when_evaluated() -> None:
    assert flagged(healthy(), "KPI-DEFINED") == []
    data = edit(healthy(), "KPI-0002", method="", evaluation="")
    [found] = findings(data, "KPI-DEFINED")
    assert found.message.endswith(
        "KPI does not state method or data source and when it is evaluated"
    )
    assert found.record_ids == ("KPI-0002", "SUP-0001")
    assert found.clause == "9.1"


def test_active_supplier_is_monitored_by_a_kpi() -> None:
    assert flagged(healthy(), "SUP-KPI") == []
    data = without(healthy(), "KPI-0002", "MEA-0002")
    assert flagged(data, "SUP-KPI") == ["SUP-0001"]
    data.add(kpi(9, "AGR-0001"))
    assert flagged(data, "SUP-KPI") == []


def test_supplier_kpi_rule_skips_suppliers_not_delivering() -> None:
    data = without(healthy(), "KPI-0002", "MEA-0002")
    assert flagged(edit(data, "SUP-0001", status=SupplierStatus.APPROVED), "SUP-KPI") == []


def test_supplier_kpi_measured_within_period_and_grace() -> None:
    """Monthly: due one month after the last measurement, overdue after 7 more days."""
    assert flagged(healthy(), "SUP-KPI-CURRENT") == []
    # 2025-05-09 + 1 month = 06-09, + 7 days = 06-16 = TODAY: still on time.
    on_time = edit(healthy(), "MEA-0002", measured_on=date(2025, 5, 9))
    assert flagged(on_time, "SUP-KPI-CURRENT") == []
    late = edit(healthy(), "MEA-0002", measured_on=date(2025, 5, 8))
    [found] = findings(late, "SUP-KPI-CURRENT")
    assert found.record_ids == ("KPI-0002", "SUP-0001")
    assert "last measured 2025-05-08; the monthly measurement was due 2025-06-08" in (found.message)
    # 8 grace days need a share above a quarter of the 31-day period (7 days at most)
    assert flagged(late, "SUP-KPI-CURRENT", settings=CheckSettings(kpi_grace_days=8)) != []
    wider = CheckSettings(kpi_grace_days=8, kpi_grace_fraction=0.5)
    assert flagged(late, "SUP-KPI-CURRENT", settings=wider) == []
    assert flagged(late, "KPI-CURRENT") == []


def test_kpi_on_a_suppliers_agreement_counts_as_supplier_monitoring() -> None:
    late = edit(healthy(), "MEA-0004", measured_on=date(2025, 1, 1))
    [found] = findings(late, "SUP-KPI-CURRENT")
    assert found.record_ids == ("KPI-0004", "SUP-0002", "AGR-0002")


def test_never_measured_kpi_is_stale_one_period_after_it_was_defined() -> None:
    data = without(healthy(), "MEA-0002")
    edit(data, "KPI-0002", created_at=datetime(2025, 5, 9, 12, 0, tzinfo=UTC))
    assert flagged(data, "SUP-KPI-CURRENT") == []
    edit(data, "KPI-0002", created_at=datetime(2025, 5, 8, 12, 0, tzinfo=UTC))
    [found] = findings(data, "SUP-KPI-CURRENT")
    assert "never measured; the first monthly measurement was due 2025-06-08" in found.message


def test_stale_kpi_of_an_exited_supplier_is_not_flagged() -> None:
    late = edit(healthy(), "MEA-0002", measured_on=date(2025, 1, 1))
    edit(late, "SUP-0001", status=SupplierStatus.EXITED)
    assert flagged(late, "SUP-KPI-CURRENT") == []
    assert flagged(late, "KPI-CURRENT") == []


def test_other_kpis_measured_on_time_is_a_warning() -> None:
    assert flagged(healthy(), "KPI-CURRENT") == []
    late = edit(healthy(), "MEA-0001", measured_on=date(2025, 5, 8))
    edit(late, "MEA-0003", measured_on=date(2025, 5, 8))
    found = findings(late, "KPI-CURRENT")
    assert [f.record_id for f in found] == ["KPI-0001", "KPI-0003"]
    assert {f.severity for f in found} == {"warning"}
    edit(late, "OBJ-0001", status=ObjectiveStatus.ACHIEVED)
    edit(late, "AGR-0003", status=AgreementStatus.TERMINATED)
    assert flagged(late, "KPI-CURRENT") == []


def test_weekly_kpi_boundary() -> None:
    data = healthy()
    data.add(kpi(8, "PRC-0001", frequency=Frequency.WEEKLY))
    # a quarter of a week is one day of grace (the flat 7 days only with a share of 1)
    data.add(measurement(8, "KPI-0008", measured_on=TODAY - timedelta(days=8)))
    assert flagged(data, "KPI-CURRENT") == []
    edit(data, "MEA-0008", measured_on=TODAY - timedelta(days=9))
    assert flagged(data, "KPI-CURRENT") == ["KPI-0008"]
    edit(data, "MEA-0008", measured_on=TODAY - timedelta(days=14))
    assert flagged(data, "KPI-CURRENT", settings=CheckSettings(kpi_grace_fraction=1)) == []
    edit(data, "MEA-0008", measured_on=TODAY - timedelta(days=15))
    assert flagged(data, "KPI-CURRENT", settings=CheckSettings(kpi_grace_fraction=1)) == [
        "KPI-0008"
    ]


def test_missed_sla_target_needs_an_improvement_action() -> None:
    assert flagged(healthy(), "KPI-MISSED") == []
    amber = edit(healthy(), "MEA-0003", value=99.6)  # below target: missed, amber or red
    [found] = findings(amber, "KPI-MISSED")
    assert "missed its target (amber: 99.6 % on 2025-06-01, target 99.9)" in found.message
    data = edit(healthy(), "MEA-0003", value=98.0)
    [found] = findings(data, "KPI-MISSED")
    assert found.record_ids == ("KPI-0003", "AGR-0003", "MEA-0003")
    assert "missed its target (red: 98 % on 2025-06-01, target 99.9)" in found.message
    data.add(action(5, kpi_id="KPI-0003", status=ActionStatus.IN_PROGRESS))
    assert flagged(data, "KPI-MISSED") == []


def test_a_missed_contract_target_too_and_only_fresh_actions_answer_it() -> None:
    data = healthy()
    data.add(kpi(9, "AGR-0001"))
    data.add(measurement(9, "KPI-0009", value=90.0))
    assert flagged(data, "KPI-MISSED") == ["KPI-0009"]
    done_before = action(
        5, kpi_id="KPI-0009", status=ActionStatus.DONE, completed_on=date(2025, 5, 31)
    )
    data.add(done_before)
    assert flagged(data, "KPI-MISSED") == ["KPI-0009"]
    edit(data, "ACN-0005", completed_on=date(2025, 6, 1))
    assert flagged(data, "KPI-MISSED") == []
    edit(data, "ACN-0005", status=ActionStatus.CANCELLED)
    assert flagged(data, "KPI-MISSED") == ["KPI-0009"]


def test_missed_target_of_an_objective_kpi_is_not_an_agreement_miss() -> None:
    data = edit(healthy(), "MEA-0001", value=10.0)
    assert flagged(data, "KPI-MISSED") == []


def test_a_daily_kpi_gets_a_share_of_its_period_as_grace_not_a_flat_week() -> None:
    from itsms_tui.domain.enums import Frequency

    data = edit(healthy(), "KPI-0003", frequency=Frequency.DAILY)
    edit(data, "MEA-0003", measured_on=TODAY - timedelta(days=3))  # due two days ago
    assert flagged(data, "KPI-CURRENT") == ["KPI-0003"]
    flat = CheckSettings(kpi_grace_fraction=1.0)  # at most one period: 1 day
    assert flagged(data, "KPI-CURRENT", settings=flat) == ["KPI-0003"]
    edit(data, "MEA-0003", measured_on=TODAY - timedelta(days=1))  # due today
    assert flagged(data, "KPI-CURRENT") == []
