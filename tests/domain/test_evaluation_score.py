"""Weighted supplier evaluation scores and the latest evaluation of a supplier."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from itsms_tui.domain.evaluation_score import (
    evaluation_percent,
    evaluation_score,
    latest_evaluation,
    weighted_score,
)
from itsms_tui.domain.suppliers import Criterion, Evaluation


def evaluation(
    number: int,
    on: date,
    criteria: list[tuple[str, float, float]],
    supplier_id: str = "SUP-0001",
    recorded: datetime | None = None,
) -> Evaluation:
    extra = {"created_at": recorded} if recorded else {}
    return Evaluation(
        id=f"EVL-{number:04d}",
        supplier_id=supplier_id,
        evaluated_on=on,
        criteria=[Criterion(name=n, weight=w, score=s) for n, w, s in criteria],
        **extra,
    )


def test_weighted_score_and_percentage() -> None:
    e = evaluation(1, date(2024, 1, 1), [("capability", 3, 4), ("expertise", 1, 2)])
    assert evaluation_score(e) == pytest.approx(3.5)
    assert evaluation_percent(e) == pytest.approx(70.0)


def test_weights_are_relative() -> None:
    small = [Criterion(name="a", weight=2, score=5), Criterion(name="b", weight=1, score=2)]
    large = [Criterion(name="a", weight=40, score=5), Criterion(name="b", weight=20, score=2)]
    assert weighted_score(small) == pytest.approx(weighted_score(large) or -1)
    assert weighted_score(small) == pytest.approx(4.0)


def test_extremes_and_empty() -> None:
    perfect = evaluation(1, date(2024, 1, 1), [("reliability", 1, 5), ("alignment", 7, 5)])
    assert evaluation_percent(perfect) == pytest.approx(100.0)
    zero = evaluation(2, date(2024, 1, 1), [("reliability", 1, 0)])
    assert evaluation_percent(zero) == pytest.approx(0.0)
    assert weighted_score([]) is None


def test_latest_evaluation_of_a_supplier() -> None:
    old = evaluation(1, date(2023, 5, 1), [("capability", 1, 3)])
    new = evaluation(2, date(2024, 5, 1), [("capability", 1, 4)])
    other = evaluation(3, date(2025, 1, 1), [("capability", 1, 1)], supplier_id="SUP-0002")
    assert latest_evaluation([new, old, other], "SUP-0001") is new
    assert latest_evaluation([old, other], "SUP-0003") is None


def test_same_day_evaluations_take_the_one_recorded_last() -> None:
    first = evaluation(
        1, date(2024, 5, 1), [("capability", 1, 3)], recorded=datetime(2024, 5, 1, 9, tzinfo=UTC)
    )
    redo = evaluation(
        2, date(2024, 5, 1), [("capability", 1, 4)], recorded=datetime(2024, 5, 1, 15, tzinfo=UTC)
    )
    assert latest_evaluation([redo, first], "SUP-0001") is redo
