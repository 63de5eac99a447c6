"""Satisfaction results and customer reviews are named by what they are and when, so a
finding, a picker or the audit trail reads as a survey or a review, not a customer id."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.customers import CustomerReview, SatisfactionMethod, SatisfactionResult
from itsms_tui.services.workspace import Workspace


def test_a_result_reads_as_its_method_and_month() -> None:
    result = SatisfactionResult(
        id="SAT-0012", customer_id="CUS-0003", measured_on=date(2026, 9, 28), score=2.9
    )
    assert result.display == "SAT-0012 Survey 2026-09"
    result.method = SatisfactionMethod.INTERVIEW
    assert result.heading == "Interview 2026-09"


def test_a_review_reads_as_a_service_review_on_its_day() -> None:
    review = CustomerReview(id="CRV-0004", customer_id="CUS-0003", held_on=date(2026, 3, 27))
    assert review.display == "CRV-0004 Service review 2026-03-27"


def test_no_demo_result_or_review_is_named_by_its_customer_id() -> None:
    data = Workspace.open_demo(today=lambda: date(2026, 12, 2)).data()
    records = [*data.all(SatisfactionResult), *data.all(CustomerReview)]
    assert len(records) == 16
    assert not [r.display for r in records if "CUS-" in r.display]
    latest = data.get("SAT-0012")
    assert isinstance(latest, SatisfactionResult)
    assert latest.display == "SAT-0012 Survey 2026-10"
