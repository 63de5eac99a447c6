"""Checker settings: sensible defaults, saved as a TOML-friendly table, validated on load."""

from __future__ import annotations

import tomllib

import pytest
import tomli_w
from pydantic import ValidationError

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.enums import Criticality
from itsms_tui.domain.review_schedule import DEFAULT_REVIEW_MONTHS


def test_defaults() -> None:
    s = CheckSettings()
    assert s.cancel_by_warning_days == 90
    assert s.kpi_grace_days == 7
    assert s.supplier_review_months == dict(DEFAULT_REVIEW_MONTHS)
    assert s.agreement_review_months == 12


def test_every_field_has_a_title_and_description() -> None:
    for name, field in CheckSettings.model_fields.items():
        assert field.title and field.description, name


def test_saved_table_round_trips_through_toml() -> None:
    dumped = CheckSettings().model_dump(mode="json")
    assert dumped["supplier_review_months"] == {
        "critical": 3,
        "high": 6,
        "medium": 12,
        "low": 12,
    }
    text = tomli_w.dumps({"settings": dumped})
    assert CheckSettings.from_saved(tomllib.loads(text)["settings"]) == CheckSettings()


def test_a_partial_table_keeps_the_other_defaults() -> None:
    s = CheckSettings.from_saved({"supplier_review_months": {"critical": 2}, "kpi_grace_days": 0})
    assert s.supplier_review_months[Criticality.CRITICAL] == 2
    assert s.supplier_review_months[Criticality.LOW] == 12
    assert s.kpi_grace_days == 0
    assert CheckSettings.from_saved(None) == CheckSettings.from_saved({}) == CheckSettings()


@pytest.mark.parametrize(
    "saved",
    [
        {"unknown_setting": 1},
        {"risk_acceptance_score": 26},
        {"cancel_by_warning_days": -1},
        {"supplier_review_months": {"platinum": 3}},
        {"supplier_review_months": {"high": 0}},
    ],
)
def test_bad_values_are_refused(saved: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        CheckSettings.from_saved(saved)
