"""Weighted supplier evaluation scores (clause 8.3.1 selection) and the latest evaluation.

Score = sum(weight x score) / sum(weight), on the criteria's 0-5 scale; as a percentage,
score / 5 x 100. Weights are relative, so 2:1 and 40:20 give the same result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from itsms_tui.domain.enums import SelectionDecision
from itsms_tui.domain.suppliers import DEFAULT_CRITERIA, Criterion, Evaluation

MAX_SCORE = 5.0


def weighted_score(criteria: Sequence[Criterion]) -> float | None:
    """The weighted mean score, 0-5; None when there is nothing to weigh."""
    total_weight = math.fsum(c.weight for c in criteria)
    if total_weight <= 0:
        return None
    return math.fsum(c.weight * c.score for c in criteria) / total_weight


def score_percent(score: float) -> float:
    """A 0-5 score as a 0-100 percentage."""
    return score / MAX_SCORE * 100.0


def evaluation_score(evaluation: Evaluation) -> float | None:
    """The evaluation's weighted score, 0-5."""
    return weighted_score(evaluation.criteria)


def evaluation_percent(evaluation: Evaluation) -> float | None:
    """The evaluation's weighted score as a percentage, 0-100."""
    score = evaluation_score(evaluation)
    return None if score is None else score_percent(score)


def _evaluation_key(e: Evaluation) -> tuple[date, datetime, int, str]:
    return (e.evaluated_on, e.created_at, len(e.id), e.id)


def latest_evaluation(evaluations: Iterable[Evaluation], supplier_id: str) -> Evaluation | None:
    """The supplier's most recent evaluation (by date, then by when it was recorded)."""
    own = [e for e in evaluations if e.supplier_id == supplier_id]
    return max(own, key=_evaluation_key) if own else None


DEFAULT_SELECTION_THRESHOLD = 3.0
"""Lowest weighted score (0-5) at which a supplier may be selected without a reason."""


def selection_problems(evaluation: Evaluation, threshold: float) -> list[tuple[str, str]]:
    """A "selected" decision needs every standard criterion (capability, expertise,
    reliability, alignment) scored and a weighted score at or above ``threshold``, or a
    recorded reason for selecting below it."""
    if evaluation.decision is not SelectionDecision.SELECTED:
        return []
    if evaluation.below_threshold_reason.strip():
        return []
    scored = {c.name.casefold() for c in evaluation.criteria}
    unscored = [name for name in DEFAULT_CRITERIA if name not in scored]
    if unscored:
        return [
            (
                "criteria",
                f"a selected supplier needs every criterion scored (not scored: "
                f"{', '.join(unscored)}), or a reason for selecting below the threshold",
            )
        ]
    score = evaluation_score(evaluation)
    if score is not None and score < threshold:
        return [
            (
                "decision",
                f"selected with a score of {score:.2f}, below the selection threshold "
                f"{threshold:g} of {MAX_SCORE:g}; record a reason for selecting below it",
            )
        ]
    return []
