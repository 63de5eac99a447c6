"""6.1 risks: the three required areas, customer impact, acceptance on the residual score
by a named person, mitigation tracked as improvement actions, effectiveness at review."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from itsms_tui.domain.enums import RiskArea, RiskTreatment
from tests.compliance.builders import action, edit, findings, flagged, healthy, risk, without


def test_the_register_covers_the_three_areas_of_6_1() -> None:
    assert flagged(healthy(), "RSK-AREAS") == []
    data = without(healthy(), "RSK-0003")
    [found] = findings(data, "RSK-AREAS")
    assert found.severity == "error"
    assert "no open risk about the involvement of other parties" in found.message
    assert found.record_id == "RSK-0001"


def test_an_open_risk_states_its_area_and_its_impact_on_customers() -> None:
    assert flagged(healthy(), "RSK-DEFINED") == []
    data = edit(healthy(), "RSK-0001", area=None, customer_impact="")
    [found] = findings(data, "RSK-DEFINED")
    assert found.message.endswith("risk states no area and no impact on customers")


def test_acceptance_is_judged_on_the_residual_score_and_recorded() -> None:
    accepted = {
        "treatment": RiskTreatment.ACCEPT,
        "residual_likelihood": 2,
        "residual_impact": 4,
        "accepted_by": "PER-0008",
        "accepted_on": date(2025, 5, 1),
    }
    data = edit(healthy(), "RSK-0001", **accepted)  # inherent 16, residual 8
    assert flagged(data, "RSK-TREATMENT") == []
    above = edit(healthy(), "RSK-0001", **{**accepted, "residual_likelihood": 3})
    [found] = findings(above, "RSK-TREATMENT")
    assert "accepted, but its residual score 12 is above the acceptance threshold 9" in (
        found.message
    )
    unnamed = edit(healthy(), "RSK-0001", **{**accepted, "accepted_by": ""})
    [found] = findings(unnamed, "RSK-TREATMENT")
    assert "accepted without a record of who accepted it and when" in found.message


def test_a_residual_higher_than_the_inherent_score_is_refused() -> None:
    with pytest.raises(ValidationError, match="residual score 20 is higher than the inherent 16"):
        risk(residual_likelihood=5, residual_impact=4)


def test_mitigation_is_tracked_as_improvement_actions() -> None:
    data = without(healthy(), "ACN-0002")
    [found] = findings(data, "RSK-TREATMENT")
    assert found.severity == "warning"
    assert "mitigation is not tracked: no improvement action names this risk" in found.message
    data.add(action(7, risk_id="RSK-0001", description="Second data centre"))
    assert flagged(data, "RSK-TREATMENT") == []


def test_a_review_evaluates_the_effectiveness_of_the_treatment() -> None:
    data = edit(healthy(), "RSK-0001", reviewed_on=date(2025, 6, 1), effectiveness="")
    [found] = findings(data, "RSK-REVIEW")
    assert "reviewed on 2025-06-01 without evaluating how effective its treatment is" in (
        found.message
    )
    assert RiskArea.OTHER_PARTIES.value == "other_parties"
