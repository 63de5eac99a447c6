"""Each requirement the checker covers, violated alone in a copy of the demo, is caught.

The cases are in ``requirement_cases``: one (at least) per rule of the rule table, so a new
rule cannot be added without saying which requirement it checks and showing it catches a
violation of it. A case the checker does not catch is marked xfail with the reason: a known
gap in the checker, listed as "no" in the requirement table.
"""

from __future__ import annotations

import pytest

from itsms_tui.compliance.engine import (
    RECORD_RULES,
    RULES,
    RULES_BY_ID,
    format_text,
    has_errors,
    run_checks,
    summarise,
    summary_phrase,
)
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from tests.compliance.requirement_cases import (
    CASES,
    INTACT_TRAIL,
    TODAY,
    RequirementCase,
    demo,
    run_case,
)


def _param(case: RequirementCase) -> object:
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.fixture(scope="module", autouse=True)
def _demo_loaded() -> None:
    """Load and check the demo once; every case copies it."""
    demo()


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_the_requirement_violated_alone_is_caught(case: RequirementCase) -> None:
    outcome = run_case(case)
    new = [f"{f.rule} {f.message}" for f in outcome.new]
    assert outcome.caught, (
        f"{case.id} reports no new finding naming {case.names} after: {case.violation}; "
        f"new findings: {new}"
    )
    assert not outcome.other_rules, (
        f"the violation is not alone: {', '.join(outcome.other_rules)} react too "
        f"({new}); change the case, or list them in `also` with the reason in `not_alone`"
    )
    fired = {f.rule for f in outcome.new}
    assert set(case.also) <= fired, f"`also` claims {case.also}, but only {sorted(fired)} react"


def test_every_rule_has_a_requirement_case() -> None:
    covered = {rule for case in CASES for rule in case.rules}
    missing = [r.id for r in RULES if r.id not in covered]
    assert not missing, (
        f"rules without a requirement case: {', '.join(missing)}. A new rule adds one to "
        "tests/compliance/requirement_cases.py: the requirement it checks and a change to "
        "the demo that violates it alone."
    )


def test_cases_name_real_rules_and_say_why_they_are_not_alone() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), "two cases with one id: give one a `variant`"
    for case in CASES:
        for rule in (*case.rules, *case.also):
            assert rule in RULES_BY_ID, f"{case.id}: no rule {rule}"
        assert bool(case.also) == bool(case.not_alone.strip()), case.id
        assert {RULES_BY_ID[r].clause for r in case.rules} == {case.clause}, case.id


def test_a_case_left_unchanged_catches_nothing() -> None:
    """The comparison itself can fail: the demo against its own copy reports nothing new."""
    [case] = [c for c in CASES if c.id == "PRC-OWNER"]
    unchanged = RequirementCase(
        case.clause, case.requirement, case.rules, "nothing", lambda d: d, case.names
    )
    outcome = run_case(unchanged)
    assert outcome.new == () and not outcome.caught


def test_the_empty_data_set_has_no_evidence_for_any_clause() -> None:
    found = run_checks(DataSet(), CheckSettings(), TODAY)
    assert has_errors(found)  # `check` exits 1
    assert sorted(f.rule for f in found) == sorted(r.id for r in RECORD_RULES)
    assert all(f.no_evidence and f.message.startswith("no evidence: ") for f in found)
    text = format_text(found)
    clauses = summarise(found)
    assert {s.clause for s in clauses} == {r.clause for r in RECORD_RULES}
    for summary in clauses:
        phrase = f"0 of {summary.checked} requirement{'s' * (summary.checked != 1)} met, "
        assert summary_phrase(summary) == phrase + f"{summary.checked} no evidence"
        assert f"{summary.clause} {summary.title}: {summary_phrase(summary)}" in text


def test_running_the_cases_leaves_the_demo_unchanged() -> None:
    base = demo()
    for case in CASES[:5]:
        run_case(case)
    again = run_checks(base.data, base.settings, TODAY, trail=INTACT_TRAIL)
    assert tuple(again) == base.findings
