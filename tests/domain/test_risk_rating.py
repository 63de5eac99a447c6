"""Risk scores, bands and the heat map."""

from __future__ import annotations

import pytest

from itsms_tui.domain.enums import RiskStatus
from itsms_tui.domain.risk_rating import (
    RiskBand,
    cell,
    heat_map,
    rated_band,
    rated_score,
    residual_unrated,
    risk_band,
    risk_score,
)
from itsms_tui.domain.risks import Risk


def risk(
    number: int,
    likelihood: int,
    impact: int,
    residual: tuple[int, int] | None = None,
    status: RiskStatus = RiskStatus.OPEN,
) -> Risk:
    return Risk(
        id=f"RSK-{number:04d}",
        title=f"Risk {number}",
        likelihood=likelihood,
        impact=impact,
        residual_likelihood=residual[0] if residual else None,
        residual_impact=residual[1] if residual else None,
        status=status,
    )


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1, RiskBand.LOW),
        (4, RiskBand.LOW),
        (5, RiskBand.MEDIUM),
        (9, RiskBand.MEDIUM),
        (10, RiskBand.HIGH),
        (16, RiskBand.HIGH),
        (20, RiskBand.CRITICAL),
        (25, RiskBand.CRITICAL),
    ],
)
def test_band_edges(score: int, band: RiskBand) -> None:
    assert risk_band(score) is band


def test_every_rating_on_the_scale_has_the_documented_band() -> None:
    expected = {
        RiskBand.LOW: {1, 2, 3, 4},
        RiskBand.MEDIUM: {5, 6, 8, 9},
        RiskBand.HIGH: {10, 12, 15, 16},
        RiskBand.CRITICAL: {20, 25},
    }
    seen: dict[RiskBand, set[int]] = {}
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            score = risk_score(likelihood, impact)
            seen.setdefault(risk_band(score), set()).add(score)
    assert seen == expected


def test_out_of_scale_values_are_refused() -> None:
    for bad in (0, 26):
        with pytest.raises(ValueError, match="1-25"):
            risk_band(bad)
    with pytest.raises(ValueError, match="1-5"):
        risk_score(0, 3)
    with pytest.raises(ValueError, match="1-5"):
        risk_score(3, 6)


def test_residual_rating_falls_back_to_inherent_until_treated() -> None:
    treated = risk(1, 5, 5, residual=(2, 2))
    untreated = risk(2, 4, 3)
    assert (rated_score(treated), rated_band(treated)) == (25, RiskBand.CRITICAL)
    assert (rated_score(treated, residual=True), rated_band(treated, residual=True)) == (
        4,
        RiskBand.LOW,
    )
    assert rated_score(untreated, residual=True) == 12


def test_heat_map_rows_are_likelihood_5_to_1_and_columns_impact_1_to_5() -> None:
    grid = heat_map([risk(1, 5, 1), risk(2, 1, 5), risk(3, 3, 3)])
    assert len(grid) == 5 and all(len(row) == 5 for row in grid)
    assert grid[0][0] == ("RSK-0001",)
    assert grid[4][4] == ("RSK-0002",)
    assert grid[2][2] == ("RSK-0003",)
    assert cell(grid, 5, 1) == ("RSK-0001",)
    assert sum(len(c) for row in grid for c in row) == 3


def test_heat_map_excludes_closed_risks_unless_asked() -> None:
    risks = [risk(1, 4, 4), risk(2, 4, 4, status=RiskStatus.CLOSED)]
    assert cell(heat_map(risks), 4, 4) == ("RSK-0001",)
    assert cell(heat_map(risks, include_closed=True), 4, 4) == ("RSK-0001", "RSK-0002")


def test_residual_heat_map_places_treated_risks_at_their_residual_rating() -> None:
    risks = [risk(1, 5, 5, residual=(2, 3)), risk(2, 5, 5)]
    grid = heat_map(risks, residual=True)
    assert cell(grid, 2, 3) == ("RSK-0001",)


def test_residual_heat_map_leaves_out_risks_without_a_residual_rating_and_counts_them() -> None:
    risks = [
        risk(1, 5, 5, residual=(2, 3)),
        risk(2, 5, 5),
        risk(3, 4, 4),
        risk(4, 3, 3, status=RiskStatus.CLOSED),
    ]
    grid = heat_map(risks, residual=True)
    assert cell(grid, 5, 5) == ()  # not at its inherent cell, unlabelled
    assert cell(grid, 4, 4) == ()
    assert sum(len(c) for row in grid for c in row) == 1
    assert residual_unrated(risks) == ("RSK-0002", "RSK-0003")
    assert residual_unrated(risks, include_closed=True) == ("RSK-0002", "RSK-0003", "RSK-0004")
    # The inherent map still holds every open risk.
    assert cell(heat_map(risks), 5, 5) == ("RSK-0001", "RSK-0002")


def test_cell_ids_are_in_numeric_id_order() -> None:
    grid = heat_map([risk(10000, 2, 2), risk(9999, 2, 2), risk(3, 2, 2)])
    assert cell(grid, 2, 2) == ("RSK-0003", "RSK-9999", "RSK-10000")
