"""The Suppliers and Agreements rows and the KPI cards, checked without drawing a screen."""

from __future__ import annotations

from datetime import date

import pytest

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementStatus, Direction, KpiStatus, SupplierStatus
from itsms_tui.domain.kpi_status import KpiReading, Trend, kpi_readings
from itsms_tui.services.register_rows import (
    AgreementRow,
    SupplierRow,
    Urgency,
    agreement_rows,
    card_data,
    supplier_rows,
)
from tests.compliance.builders import TODAY, edit, healthy, kpi, measurement

SETTINGS = CheckSettings()


def reading(kpi_id: str, status: KpiStatus) -> KpiReading:
    return KpiReading(kpi_id, 1.0, TODAY, None, status, status, None, False)


def supplier_row(data: DataSet, supplier_id: str, **readings: KpiStatus) -> SupplierRow:
    found = {
        key.replace("_", "-"): reading(key.replace("_", "-"), s) for key, s in readings.items()
    }
    rows = {r.supplier.id: r for r in supplier_rows(data, TODAY, found, SETTINGS)}
    return rows[supplier_id]


def agreement_row(
    data: DataSet, agreement_id: str, settings: CheckSettings = SETTINGS
) -> AgreementRow:
    return {r.agreement.id: r for r in agreement_rows(data, TODAY, settings)}[agreement_id]


@pytest.mark.parametrize(
    ("statuses", "worst"),
    [
        ((KpiStatus.GREEN, KpiStatus.RED), KpiStatus.RED),
        ((KpiStatus.GREY, KpiStatus.AMBER, KpiStatus.GREEN), KpiStatus.AMBER),
        ((KpiStatus.GREEN, KpiStatus.GREY), KpiStatus.GREY),
        ((KpiStatus.GREEN, KpiStatus.GREEN), KpiStatus.GREEN),
    ],
)
def test_a_suppliers_kpi_health_is_its_worst_kpi(
    statuses: tuple[KpiStatus, ...], worst: KpiStatus
) -> None:
    data = healthy()
    for number in range(len(statuses)):
        data.add(kpi(10 + number, "SUP-0001"))
    found = {f"KPI-{10 + n:04d}": s for n, s in enumerate(statuses)}
    rows = supplier_rows(data, TODAY, {k: reading(k, s) for k, s in found.items()}, SETTINGS)
    assert {r.supplier.id: r.kpi_health for r in rows}["SUP-0001"] is worst


def test_the_kpis_of_a_suppliers_agreements_count_for_the_supplier() -> None:
    # KPI-0004 measures AGR-0002, the OLA of SUP-0002.
    row = supplier_row(healthy(), "SUP-0002", KPI_0004=KpiStatus.RED)
    assert row.kpi_health is KpiStatus.RED
    assert row.active_agreements == 1


def test_a_review_due_soon_is_amber_with_the_threshold_from_the_settings() -> None:
    data = healthy()  # SUP-0001 (critical) was reviewed 2025-05-01: next due 2025-08-01
    rows = supplier_rows(data, TODAY, {}, SETTINGS)
    row = next(r for r in rows if r.supplier.id == "SUP-0001")
    assert row.review is not None and row.review.next_due == date(2025, 8, 1)
    assert row.review_urgency is Urgency.LATER
    wider = CheckSettings(review_soon_days=46)
    row = next(r for r in supplier_rows(data, TODAY, {}, wider) if r.supplier.id == "SUP-0001")
    assert row.review_urgency is Urgency.SOON


def test_an_overdue_review_is_urgent_but_not_for_an_exited_supplier() -> None:
    data = edit(healthy(), "REV-0001", held_on=date(2024, 12, 1))
    assert supplier_row(data, "SUP-0001").review_urgency is Urgency.URGENT
    edit(data, "SUP-0001", status=SupplierStatus.EXITED)
    row = supplier_row(data, "SUP-0001")
    assert row.review is None and row.review_urgency is Urgency.NONE


@pytest.mark.parametrize(
    ("end", "urgency"),
    [
        (date(2025, 9, 1), Urgency.URGENT),  # cancel-by 2025-07-03: 17 days
        (date(2025, 10, 1), Urgency.SOON),  # cancel-by 2025-08-02: 47 days
        (date(2026, 1, 31), Urgency.LATER),  # cancel-by 2025-12-02: 169 days
    ],
)
def test_the_cancel_by_date_is_urgent_within_the_urgent_days_then_soon_within_the_horizon(
    end: date, urgency: Urgency
) -> None:
    row = agreement_row(edit(healthy(), "AGR-0001", end_date=end), "AGR-0001")
    assert row.cancel_by_urgency is urgency


def test_the_urgent_days_come_from_the_settings() -> None:
    data = edit(healthy(), "AGR-0001", end_date=date(2025, 9, 1))
    quiet = CheckSettings(cancel_by_urgent_days=10)
    assert agreement_row(data, "AGR-0001", quiet).cancel_by_urgency is Urgency.SOON


@pytest.mark.parametrize("status", [AgreementStatus.EXPIRED, AgreementStatus.TERMINATED])
def test_an_ended_agreement_has_no_review_and_no_cancel_by_to_act_on(
    status: AgreementStatus,
) -> None:
    data = edit(healthy(), "AGR-0001", end_date=date(2025, 9, 1), status=status)
    edit(data, "REV-0001", held_on=date(2023, 1, 1))
    row = agreement_row(data, "AGR-0001")
    assert row.closed
    assert row.review is None and row.review_urgency is Urgency.NONE
    assert row.cancel_by_urgency is Urgency.NONE


def test_a_kpi_card_takes_the_trend_of_the_domain_over_the_last_three_values() -> None:
    data = healthy()
    data.add(kpi(9, "SUP-0001", direction=Direction.HIGHER_IS_BETTER))
    values = [98.0, 99.9, 99.5, 99.2, 99.3]
    for n, value in enumerate(values):
        data.add(measurement(20 + n, "KPI-0009", date(2025, 1 + n, 1), value))
    readings = kpi_readings(data, TODAY)
    (card,) = [c for c in card_data(data, readings) if c.kpi.id == "KPI-0009"]
    assert card.recent == tuple(values)
    # 99.5, 99.2, 99.3: the least-squares slope (-0.1) is within its standard error: steady
    # (from the first value it would read improving, first against last worsening)
    assert card.trend is Trend.STEADY
    assert card.subject == "SUP-0001 Northwind Hosting"


def test_a_customer_sla_review_date_is_never_marked_late_as_the_checker_does_not_judge_it() -> None:
    data = healthy()  # AGR-0003 is the customer SLA, started 2025-01-01, never reviewed
    row = agreement_row(data, "AGR-0003", CheckSettings(agreement_review_months=1))
    assert row.review is not None and row.review.overdue
    assert row.review_urgency is Urgency.LATER
