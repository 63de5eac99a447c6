"""Clause 8.3.4 agreement rules: content, cancel-by, tacit renewal by default, expiry,
amendments; with the date boundaries (on the day vs the day after, exactly 90 days)."""

from __future__ import annotations

from datetime import timedelta

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind, AgreementStatus, Renewal, SupplierStatus
from tests.compliance.builders import (
    TODAY,
    amendment,
    edit,
    findings,
    flagged,
    healthy,
    review,
    without,
)

DAY = timedelta(days=1)


def test_supplier_agreement_states_what_the_clause_requires() -> None:
    assert flagged(healthy(), "AGR-CONTENT") == []
    data = edit(healthy(), "AGR-0002", scope="", targets=[], priority_times=[], authorities=[])
    assert flagged(data, "AGR-CONTENT") == []  # an OLA: 8.3.4.2, AGR-CONTENT-OLA
    [found] = findings(data, "AGR-CONTENT-OLA")
    assert found.message == (
        "AGR-0002 Network OLA: active OLA does not state scope, service level targets "
        "and authorities"
    )
    assert found.record_ids == ("AGR-0002", "SUP-0002")


def test_agreement_content_names_both_parties_responsibilities() -> None:
    data = edit(healthy(), "AGR-0001", their_responsibilities=[], our_responsibilities=[])
    assert "our responsibilities and the supplier's responsibilities" in (
        findings(data, "AGR-CONTENT")[0].message
    )


def test_draft_agreements_and_customer_slas_are_not_judged_as_supplier_agreements() -> None:
    data = edit(healthy(), "AGR-0001", status=AgreementStatus.DRAFT, scope="")
    edit(data, "AGR-0003", scope="", requirements=[])
    assert flagged(data, "AGR-CONTENT") == []


def _tacit(cancel_by_in: int, notice: int = 30) -> DataSet:
    """AGR-0001 renewing tacitly with its current cancel-by ``cancel_by_in`` days from TODAY."""
    end = TODAY + timedelta(days=cancel_by_in + notice)
    return edit(
        healthy(),
        "AGR-0001",
        start_date=end - timedelta(days=364),
        end_date=end,
        notice_days=notice,
    )


def test_cancel_by_warning_up_to_exactly_the_horizon() -> None:
    assert flagged(_tacit(91), "AGR-CANCEL-BY") == []
    [found] = findings(_tacit(90), "AGR-CANCEL-BY")
    assert found.severity == "warning"
    assert "is in 90 days" in found.message
    assert found.record_ids == ("AGR-0001", "SUP-0001")
    [today] = findings(_tacit(0), "AGR-CANCEL-BY")
    assert f"cancel-by date {TODAY} is today: give notice" in today.message
    wider = CheckSettings(cancel_by_warning_days=91)
    assert flagged(_tacit(91), "AGR-CANCEL-BY", settings=wider) == ["AGR-0001"]


def test_express_agreement_warns_until_its_term_ends() -> None:
    data = _tacit(-20)
    edit(data, "AGR-0001", renewal=Renewal.EXPRESS)
    [found] = findings(data, "AGR-CANCEL-BY")
    assert "passed 20 days ago" in found.message
    edit(data, "AGR-0001", end_date=TODAY - DAY, start_date=TODAY - timedelta(days=400))
    assert flagged(data, "AGR-CANCEL-BY") == []


def test_agreement_without_renewal_has_no_cancel_by() -> None:
    data = _tacit(10)
    edit(data, "AGR-0001", renewal=Renewal.NONE)
    assert flagged(data, "AGR-CANCEL-BY") == []


def test_tacit_renewal_passed_without_a_review() -> None:
    """REV-0001 (held 2025-05-01) reviews AGR-0001; move the cancel-by around it."""
    assert flagged(_tacit(0), "AGR-RENEWED") == []
    data = without(_tacit(-1), "REV-0001")
    [found] = findings(data, "AGR-RENEWED")
    assert found.message.startswith(
        f"AGR-0001 Hosting contract: cancel-by date {TODAY - DAY} passed without a contract "
        "review or a recorded renewal decision in the 90 days before it; it renews for 12 "
        "months on"
    )


def test_a_review_within_the_horizon_before_cancel_by_is_a_decision() -> None:
    data = without(_tacit(-1), "REV-0001")
    passed = TODAY - DAY
    data.add(review(7, held_on=passed - timedelta(days=90), agreement_id="AGR-0001"))
    assert flagged(data, "AGR-RENEWED") == []
    data = without(_tacit(-1), "REV-0001")
    data.add(review(7, held_on=passed - timedelta(days=91), agreement_id="AGR-0001"))
    data.add(review(8, held_on=TODAY, agreement_id="AGR-0001"))
    assert flagged(data, "AGR-RENEWED") == ["AGR-0001"]


def test_expired_agreement_while_supplier_still_active() -> None:
    ends_today = edit(healthy(), "AGR-0001", renewal=Renewal.NONE, end_date=TODAY)
    assert flagged(ends_today, "AGR-EXPIRED") == []
    ended = edit(healthy(), "AGR-0001", renewal=Renewal.EXPRESS, end_date=TODAY - DAY)
    [found] = findings(ended, "AGR-EXPIRED")
    assert found.message.startswith(
        f"AGR-0001 Hosting contract: term ended {TODAY - DAY} (1 day ago) while "
        "SUP-0001 Northwind Hosting is still active"
    )
    exited = edit(ended, "SUP-0001", status=SupplierStatus.EXITED)
    assert flagged(exited, "AGR-EXPIRED") == []
    marked = edit(ended, "AGR-0001", status=AgreementStatus.EXPIRED)
    assert flagged(marked, "AGR-EXPIRED") == []


def test_tacit_agreements_never_expire_by_date() -> None:
    data = edit(healthy(), "AGR-0001", end_date=TODAY - timedelta(days=400))
    assert flagged(data, "AGR-EXPIRED") == []


def test_expired_customer_sla_still_marked_active() -> None:
    data = edit(healthy(), "AGR-0003", end_date=TODAY - DAY, kind=AgreementKind.CUSTOMER_SLA)
    assert "customer SLA still active" in findings(data, "AGR-EXPIRED")[0].message


def test_amendment_has_an_impact_assessment() -> None:
    assert flagged(healthy(), "AMD-IMPACT") == []
    data = healthy()
    data.add(amendment(2, impact_assessment="  "))
    [found] = findings(data, "AMD-IMPACT")
    assert found.record_ids == ("AMD-0002", "AGR-0001")
    assert flagged(edit(data, "AGR-0001", status=AgreementStatus.TERMINATED), "AMD-IMPACT") == []


def test_an_agreement_still_active_with_a_supplier_that_exited() -> None:
    exited = edit(healthy(), "SUP-0001", status=SupplierStatus.EXITED)
    [found] = findings(exited, "AGR-EXITED")
    assert found.message == (
        "AGR-0001 Hosting contract: still active although SUP-0001 Northwind Hosting has "
        "exited; it still underpins AGR-0003: end the agreement with its reason, or correct "
        "the supplier's status"
    )
    assert found.record_ids == ("AGR-0001", "SUP-0001", "AGR-0003")
    ended = edit(exited, "AGR-0001", status=AgreementStatus.TERMINATED)
    assert flagged(ended, "AGR-EXITED") == []
    assert flagged(edit(healthy(), "SUP-0001", status=SupplierStatus.SUSPENDED), "AGR-EXITED") == []
