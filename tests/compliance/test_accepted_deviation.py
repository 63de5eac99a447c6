"""An accepted deviation: a weaker supplier target accepted on the record, or allowed by
a documented SLA exception, reads "accepted" in the matrix and is no SLA-ALIGN error."""

from __future__ import annotations

from datetime import date
from typing import Any

from itsms_tui.compliance.alignment import CellState, alignment_matrix
from itsms_tui.domain.agreements import AcceptedDeviation, Agreement, ServiceTarget
from itsms_tui.domain.enums import DeviationBasis, RiskTreatment
from itsms_tui.domain.people import Person, Role
from tests.compliance.builders import TODAY, build, edit, findings, flagged, healthy, risk

WEAK = [ServiceTarget(metric="availability", target=99.5, unit="%")]


def _deviation(**kw: Any) -> AcceptedDeviation:
    return AcceptedDeviation.model_validate(
        {
            "agreement_id": "AGR-0001",
            "metric": "Availability",
            "accepted_by": "PER-0008",
            "accepted_on": date(2025, 3, 1),
            "risk_id": "RSK-0005",
            "review_on": date(2025, 9, 1),
            "reason": "A second data centre is cheaper than a stricter hosting target.",
            **kw,
        }
    )


def _weak_with(*deviations: AcceptedDeviation) -> Any:
    data = edit(healthy(), "AGR-0001", targets=WEAK)
    data.add(risk(5, title="Hosting below the SLA", treatment=RiskTreatment.ACCEPT, likelihood=2))
    edit(data, "AGR-0003", accepted_deviations=list(deviations))
    return data


def test_an_accepted_deviation_is_shown_as_accepted_not_an_error() -> None:
    data = _weak_with(_deviation())
    assert flagged(data, "SLA-ALIGN") == []
    sla = data.get_as(Agreement, "AGR-0003")
    assert sla is not None
    matrix = alignment_matrix(data, sla)
    index = [c.agreement_id for c in matrix.columns].index("AGR-0001")
    assert matrix.rows[0].cells[index].state is CellState.ACCEPTED
    assert matrix.accepted_rows(index) == [matrix.rows[0]]


def test_the_acceptance_covers_only_its_metric_and_agreement() -> None:
    data = _weak_with(_deviation(metric="P1 response"))
    [found] = findings(data, "SLA-ALIGN")
    assert "availability 99.5 % below 99.9 %" in found.message.lower()
    data = _weak_with(_deviation(agreement_id="AGR-0002"))
    assert flagged(data, "SLA-ALIGN") == ["AGR-0003"]


def test_an_acceptance_without_a_risk_that_exists_does_not_count() -> None:
    data = _weak_with(_deviation(risk_id="RSK-0099"))
    [found] = findings(data, "SLA-ALIGN")
    assert "accepted deviation is not valid: risk RSK-0099 does not exist" in found.message


def test_a_documented_sla_exception_allows_the_suppliers_level() -> None:
    exception = "Sites without a second line: availability 99.5 %"
    basis = DeviationBasis.SLA_EXCEPTION
    data = _weak_with(_deviation(basis=basis, risk_id=None, exception=exception))
    [found] = findings(data, "SLA-ALIGN")
    assert "exception is not one of the SLA's exceptions" in found.message
    edit(data, "AGR-0003", exceptions=["Planned maintenance windows", exception])
    assert flagged(data, "SLA-ALIGN") == []


def test_a_deviation_past_its_review_date_is_reported() -> None:
    data = _weak_with(_deviation(review_on=date(2025, 6, 1)))
    assert flagged(data, "SLA-ALIGN") == []
    [found] = findings(data, "SLA-DEVIATION")
    assert found.record_ids == ("AGR-0003", "AGR-0001", "RSK-0005")
    assert "accepted deviation on Availability of AGR-0001" in found.message
    assert "review was due 2025-06-01 (15 days ago)" in found.message
    assert flagged(_weak_with(_deviation()), "SLA-DEVIATION") == []
    assert date(2025, 6, 16) == TODAY


def test_an_acceptance_by_a_person_without_the_authority_does_not_count() -> None:
    data = _weak_with(_deviation())
    data.add(build(Person, 8, name="Sam Analyst", roles=[Role.EDITOR]))
    [found] = findings(data, "SLA-ALIGN")
    assert (
        "accepted deviation is not valid: PER-0008 Sam Analyst, who accepted it, is not a "
        "supplier manager or an administrator"
    ) in found.message


def test_a_supplier_manager_or_an_administrator_may_accept_a_deviation() -> None:
    for role in (Role.SUPPLIER_MANAGER, Role.ADMINISTRATOR):
        data = _weak_with(_deviation())
        data.add(build(Person, 8, name="Sam Lead", roles=[role]))
        assert flagged(data, "SLA-ALIGN") == [], role
