"""Contract terms: notice in months, notice given and the renewal decision, SLA terms."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.enums import NoticeUnit, Renewal, RenewalDecision
from tests.compliance.builders import TODAY, edit, findings, flagged, healthy, without


def test_tacit_renewal_without_a_notice_period_is_flagged() -> None:
    assert flagged(healthy(), "AGR-TERMS") == []
    data = edit(healthy(), "AGR-0001", notice_days=None)
    [found] = findings(data, "AGR-TERMS")
    assert "renews tacitly but states no notice period" in found.message


def test_notice_longer_than_the_term_is_flagged() -> None:
    data = edit(healthy(), "AGR-0001", notice_days=13, notice_unit=NoticeUnit.MONTHS)
    [found] = findings(data, "AGR-TERMS")
    assert "notice period of 13 months is longer than its 12-month renewal term" in found.message
    data = edit(healthy(), "AGR-0001", notice_days=400)
    assert flagged(data, "AGR-TERMS") == ["AGR-0001"]
    data = edit(healthy(), "AGR-0001", notice_days=12, notice_unit=NoticeUnit.MONTHS)
    assert flagged(data, "AGR-TERMS") == []


def test_cancel_by_in_months_reaches_the_warning() -> None:
    # term ends 2026-01-31 (tacit, 12 months); 7 months' notice: cancel-by 2025-06-30
    data = edit(healthy(), "AGR-0001", notice_days=7, notice_unit=NoticeUnit.MONTHS)
    [found] = findings(data, "AGR-CANCEL-BY")
    assert "cancel-by date 2025-06-30 is in 14 days" in found.message


def test_a_recorded_renewal_decision_answers_the_cancel_by_warning() -> None:
    data = edit(healthy(), "AGR-0001", notice_days=7, notice_unit=NoticeUnit.MONTHS)
    edit(
        data,
        "AGR-0001",
        renewal_decision=RenewalDecision.RENEW,
        decided_by="PER-0005",
        decided_on=date(2025, 6, 2),
    )
    assert flagged(data, "AGR-CANCEL-BY") == []


def test_exit_decided_but_no_notice_given_by_the_cancel_by_date() -> None:
    data = edit(
        healthy(),
        "AGR-0001",
        notice_days=7,
        notice_unit=NoticeUnit.MONTHS,
        renewal_decision=RenewalDecision.EXIT,
        decided_by="PER-0005",
        decided_on=date(2025, 6, 2),
    )
    [found] = findings(data, "AGR-CANCEL-BY")
    assert "exit decided on 2025-06-02: give notice by 2025-06-30" in found.message
    edit(data, "AGR-0001", notice_given_on=date(2025, 6, 10))
    assert flagged(data, "AGR-CANCEL-BY") == []
    late = edit(data, "AGR-0001", notice_given_on=None)
    [found] = findings(late, "AGR-RENEWED", today=date(2025, 7, 2))
    assert "exit was decided but no notice was given by 2025-06-30" in found.message


def test_a_renewal_decision_before_the_cancel_by_is_as_good_as_a_review() -> None:
    data = without(healthy(), "REV-0001", "ACN-0001")
    edit(data, "AGR-0001", end_date=date(2025, 7, 31), notice_days=60)  # cancel-by 06-01
    assert flagged(data, "AGR-RENEWED") == ["AGR-0001"]
    edit(
        data,
        "AGR-0001",
        renewal_decision=RenewalDecision.RENEGOTIATE,
        decided_by="PER-0004",
        decided_on=date(2025, 5, 20),
    )
    assert flagged(data, "AGR-RENEWED") == []


def test_a_customer_sla_about_to_expire_is_an_alert() -> None:
    data = edit(healthy(), "AGR-0003", end_date=date(2025, 8, 31))
    [found] = findings(data, "SLA-TERM")
    assert found.severity == "warning"
    assert "term ends 2025-08-31 (in 76 days)" in found.message
    assert found.due == date(2025, 8, 31)
    edit(data, "AGR-0003", renewal_decision=RenewalDecision.RENEW, decided_on=TODAY)
    assert flagged(data, "SLA-TERM") == []


def test_a_customer_sla_past_its_decision_date_is_an_error() -> None:
    data = edit(
        healthy(),
        "AGR-0003",
        end_date=date(2025, 8, 31),
        renewal=Renewal.EXPRESS,
        notice_days=3,
        notice_unit=NoticeUnit.MONTHS,
    )  # decide by 2025-05-31
    [found] = findings(data, "SLA-TERM")
    assert found.severity == "error"
    assert "decision date 2025-05-31 passed 16 days ago" in found.message


def test_a_customer_sla_renewing_tacitly_without_notice() -> None:
    data = edit(
        healthy(),
        "AGR-0003",
        end_date=date(2025, 12, 31),
        renewal=Renewal.TACIT,
        renewal_months=12,
    )
    [found] = findings(data, "SLA-TERM")
    assert "renews tacitly but states no notice period" in found.message
