"""The synthetic data generator makes valid, consistent, realistic-looking data at any size."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from benchmarks.datagen import counts_for, generate
from itsms_tui.domain.registry import COLLECTIONS
from itsms_tui.snapshot import export_snapshot, load_snapshot


@pytest.mark.parametrize("size", [1, 17, 3_000])
def test_generated_data_passes_the_snapshot_import_checks(size: int) -> None:
    data = generate(size, seed=3)
    text = export_snapshot(data, exported_at=datetime(2026, 1, 1, tzinfo=UTC), app_version="x")
    loaded = load_snapshot(text, source="generated.toml")  # validates fields and references
    assert loaded.counts() == data.counts()
    assert all(data.counts()[c] >= 1 for c in COLLECTIONS)


def test_size_and_proportions() -> None:
    data = generate(10_000)
    counts = data.counts()
    assert abs(len(data) - 10_000) <= 100
    assert counts["measurements"] / len(data) > 0.5
    assert 0.015 <= counts["suppliers"] / len(data) <= 0.025
    assert 0.025 <= counts["agreements"] / len(data) <= 0.035
    assert counts == counts_for(10_000)


def test_same_seed_same_data_other_seed_other_data() -> None:
    def dump(seed: int) -> list[dict[str, object]]:
        return [r.model_dump() for r in generate(500, seed=seed)]

    assert dump(1) == dump(1)
    assert dump(1) != dump(2)
