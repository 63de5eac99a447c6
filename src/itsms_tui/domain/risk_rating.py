"""Risk scores, bands and the 5x5 heat map.

- Score = likelihood x impact, each 1-5, so 1-25.
- Bands: 1-4 low, 5-9 medium, 10-16 high, 20-25 critical. No product of two 1-5
  ratings lies in 17-19; were one to appear it would count as critical (above 16).
- The residual rating is the one after treatment. A risk without a residual rating has
  not been rated after treatment: a score falls back on its inherent rating (``rating``),
  but the residual heat map leaves it out — placed at its inherent cell it would look
  rated — and ``residual_unrated`` names those risks so the map can say how many.
- Heat map: rows are likelihood 5 (top) down to 1, columns impact 1 (left) to 5, as a
  risk matrix is usually drawn; each cell holds risk ids in id order. Closed risks are
  left out unless asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from itsms_tui.domain.enums import RiskStatus
from itsms_tui.domain.risks import Risk

SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
LIKELIHOOD_ROWS: tuple[int, ...] = (5, 4, 3, 2, 1)
"""Likelihood of each heat-map row, top to bottom."""
IMPACT_COLUMNS: tuple[int, ...] = (1, 2, 3, 4, 5)
"""Impact of each heat-map column, left to right."""

HeatMap = tuple[tuple[tuple[str, ...], ...], ...]
"""``grid[row][column]``: risk ids, rows by LIKELIHOOD_ROWS, columns by IMPACT_COLUMNS."""


class RiskBand(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


BAND_RANGES: dict[RiskBand, tuple[int, int]] = {
    RiskBand.LOW: (1, 4),
    RiskBand.MEDIUM: (5, 9),
    RiskBand.HIGH: (10, 16),
    RiskBand.CRITICAL: (17, 25),
}
"""Inclusive score range of each band (17-19 cannot occur; see the module docstring)."""


def risk_score(likelihood: int, impact: int) -> int:
    """Likelihood x impact; both must be 1-5."""
    if likelihood not in SCALE or impact not in SCALE:
        raise ValueError(f"likelihood and impact must be 1-5, not {likelihood} and {impact}")
    return likelihood * impact


def risk_band(score: int) -> RiskBand:
    """The band of a 1-25 score."""
    for band, (low, high) in BAND_RANGES.items():
        if low <= score <= high:
            return band
    raise ValueError(f"a risk score is 1-25, not {score}")


def rating(risk: Risk, residual: bool = False) -> tuple[int, int]:
    """(likelihood, impact): residual when asked and recorded, else inherent."""
    if residual and risk.residual_likelihood is not None and risk.residual_impact is not None:
        return risk.residual_likelihood, risk.residual_impact
    return risk.likelihood, risk.impact


def rated_score(risk: Risk, residual: bool = False) -> int:
    """The score of the rating ``rating`` picks."""
    return risk_score(*rating(risk, residual))


def rated_band(risk: Risk, residual: bool = False) -> RiskBand:
    """The band of the rating ``rating`` picks."""
    return risk_band(rated_score(risk, residual))


def has_residual(risk: Risk) -> bool:
    """Whether the risk has a residual rating (both likelihood and impact after treatment)."""
    return risk.residual_likelihood is not None and risk.residual_impact is not None


def heat_map(
    risks: Iterable[Risk], residual: bool = False, include_closed: bool = False
) -> HeatMap:
    """The 5x5 grid of risk ids by likelihood (rows, 5 first) and impact (columns, 1 first).

    The residual grid holds only the risks with a residual rating (see ``residual_unrated``).
    """
    cells: dict[tuple[int, int], list[str]] = {}
    for risk in risks:
        if risk.status is RiskStatus.CLOSED and not include_closed:
            continue
        if residual and not has_residual(risk):
            continue
        cells.setdefault(rating(risk, residual), []).append(risk.id)
    return tuple(
        tuple(tuple(sorted(cells.get((lk, im), []), key=_id_key)) for im in IMPACT_COLUMNS)
        for lk in LIKELIHOOD_ROWS
    )


def residual_unrated(risks: Iterable[Risk], include_closed: bool = False) -> tuple[str, ...]:
    """Ids of the risks the residual heat map leaves out: no residual rating recorded."""
    ids = [
        risk.id
        for risk in risks
        if not has_residual(risk) and (include_closed or risk.status is not RiskStatus.CLOSED)
    ]
    return tuple(sorted(ids, key=_id_key))


def cell(grid: HeatMap, likelihood: int, impact: int) -> tuple[str, ...]:
    """The ids in the cell for ``likelihood`` and ``impact`` (1-5 each)."""
    return grid[LIKELIHOOD_ROWS.index(likelihood)][IMPACT_COLUMNS.index(impact)]


def _id_key(record_id: str) -> tuple[int, str]:
    return (len(record_id), record_id)
