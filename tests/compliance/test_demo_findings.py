"""The demo organisation shows a realistic mix: some requirements not met, not hundreds."""

from __future__ import annotations

from datetime import date

import pytest

from itsms_tui.compliance.engine import RULES, has_errors, run_checks
from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.resources import sample_data_path

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo_findings() -> tuple[DataSet, list[Finding]]:
    try:
        path = sample_data_path("demo.toml")
    except FileNotFoundError:
        pytest.skip("no bundled demo data")
    if not path.exists():
        pytest.skip("no bundled demo data")
    from itsms_tui.snapshot.demo import load_demo_snapshot

    snapshot = load_demo_snapshot(TODAY)
    settings = CheckSettings.from_saved(snapshot.settings)
    return snapshot.dataset, run_checks(snapshot.dataset, settings, TODAY)


def test_demo_has_real_problems_but_not_hundreds(
    demo_findings: tuple[DataSet, list[Finding]],
) -> None:
    data, found = demo_findings
    assert has_errors(found)
    assert 5 <= len(found) < 100
    assert len({f.rule for f in found}) < len(RULES), "some requirements are met"
    for f in found:
        record = data.get(f.record_id)
        assert record is not None and f.message.startswith(record.display + ": ")
