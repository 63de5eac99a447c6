"""A requirement is met only when there is evidence: nothing to look at is "no evidence"."""

from __future__ import annotations

import json

from itsms_tui.compliance.engine import (
    RECORD_RULES,
    format_json,
    format_text,
    has_errors,
    run_checks,
    summarise,
)
from itsms_tui.compliance.findings import Severity
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.plan import Process
from tests.compliance.builders import TODAY, healthy, without

REQUIRED = {
    "PRC-OWNER",
    "PRC-CRITERIA",
    "OBJ-DEFINED",
    "SVC-SLA",
    "SLA-CONTENT",
    "SUP-OWNER",
    "AGR-CONTENT",
    "KPI-DEFINED",
}


def test_the_empty_data_set_is_not_compliant() -> None:
    found = run_checks(DataSet(), CheckSettings(), TODAY)
    assert has_errors(found)
    errors = {f.rule for f in found if f.severity is Severity.ERROR}
    assert errors >= REQUIRED
    for summary in summarise(found):
        assert summary.met == 0, summary
        assert summary.no_evidence + summary.not_met == summary.checked


def test_the_empty_data_set_says_no_evidence_per_clause_in_text_and_json() -> None:
    found = run_checks(DataSet(), CheckSettings(), TODAY)
    text = format_text(found)
    assert "8.1 Operational planning and control: 0 of " in text
    assert "no evidence" in text.splitlines()[0]  # 6.1: no risk recorded
    assert "  error    PRC-OWNER             no evidence: no process recorded" in text
    report = json.loads(format_json(found))
    clauses = {c["clause"]: c for c in report["clauses"]}
    assert clauses["8.1"]["met"] == []
    assert "PRC-OWNER" in clauses["8.1"]["no_evidence"]
    assert len(report["findings"]) == len(found)


def test_a_rule_with_nothing_to_look_at_is_no_evidence_not_met() -> None:
    data = without(healthy(), "DSP-0001")
    found = run_checks(data, CheckSettings(), TODAY, ["DSP-OPEN"])
    [finding] = found
    assert finding.severity is Severity.WARNING  # the clause does not require disputes
    assert finding.message == "no evidence: no dispute recorded"
    [summary] = summarise(found, [r for r in RECORD_RULES if r.id == "DSP-OPEN"])
    assert (summary.met, summary.no_evidence) == (0, 1)
    assert not has_errors(found)


def test_a_required_thing_missing_is_an_error() -> None:
    data = DataSet(r for r in healthy() if not isinstance(r, Process))
    [finding] = run_checks(data, CheckSettings(), TODAY, ["PRC-CRITERIA"])
    assert finding.severity is Severity.ERROR
    assert finding.record_ids == ()


def test_a_requirement_with_only_warnings_is_not_met() -> None:
    data = healthy()
    from tests.compliance.builders import edit

    edit(data, "RSK-0001", review_date=None)  # RSK-REVIEW: a warning only
    found = run_checks(data, CheckSettings(), TODAY)
    risks = {s.clause: s for s in summarise(found)}["6.1"]
    assert "RSK-REVIEW" in risks.failed_rules


def test_healthy_meets_everything_with_evidence() -> None:
    found = run_checks(healthy(), CheckSettings(), TODAY)
    assert [f.message for f in found] == []
    for summary in summarise(found):
        assert summary.met == summary.checked, summary
