"""The rule table, run_checks, the per-clause summary and the text and JSON reports."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from itsms_tui.compliance.engine import (
    CLAUSE_TITLES,
    JSON_KEYS,
    RECORD_RULES,
    RULES,
    format_json,
    format_text,
    has_errors,
    run_checks,
    select_rules,
    summarise,
)
from itsms_tui.compliance.findings import Finding, Severity, sort_findings
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementStatus
from tests.compliance.builders import TODAY, edit, healthy, without


def broken() -> DataSet:
    """The healthy organisation with a few problems across clauses."""
    data = edit(healthy(), "PRC-0001", owner="")
    edit(data, "AGR-0001", status=AgreementStatus.EXPIRED)
    edit(data, "OBJ-0001", due_date=TODAY - timedelta(days=3))
    edit(data, "KPI-0001", evaluation="")
    return data


def test_rule_table_is_well_formed() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert re.fullmatch(r"[A-Z]{3}(-[A-Z]+)+", rule.id), rule.id
        assert rule.clause in CLAUSE_TITLES
        assert rule.title and rule.description.endswith(".")


def test_every_rule_has_its_own_tests() -> None:
    """Each rule id appears in a test module besides this one (pass and fail cases live there)."""
    here = Path(__file__)
    text = "".join(
        p.read_text(encoding="utf-8") for p in here.parent.glob("test_*.py") if p != here
    )
    assert [r.id for r in RULES if f'"{r.id}"' not in text] == []


@pytest.mark.parametrize("rule_id", [r.id for r in RULES])
def test_the_healthy_organisation_passes_every_rule(rule_id: str) -> None:
    assert run_checks(healthy(), CheckSettings(), TODAY, [rule_id]) == []


def test_unknown_rule_id_names_the_known_ones() -> None:
    with pytest.raises(ValueError) as raised:
        run_checks(healthy(), CheckSettings(), TODAY, ["SUP-CONTRACT", "NOPE-1"])
    message = str(raised.value)
    assert message.startswith("unknown rule id NOPE-1; known rule ids: ")
    assert "SUP-CONTRACT" in message and "SLA-ALIGN" in message


def test_selected_rules_only_and_ids_are_case_insensitive() -> None:
    found = run_checks(broken(), CheckSettings(), TODAY, ["prc-owner", "SUP-CONTRACT"])
    assert [f.rule for f in found] == ["PRC-OWNER", "SUP-CONTRACT"]
    assert [r.id for r in select_rules(["sup-contract", "prc-owner"])] == [
        "PRC-OWNER",
        "SUP-CONTRACT",
    ]


def test_findings_come_in_clause_rule_record_order() -> None:
    found = run_checks(broken(), CheckSettings(), TODAY)
    assert found == sort_findings(list(reversed(found)))
    assert [f.clause for f in found] == sorted(
        (f.clause for f in found), key=lambda c: [int(p) for p in c.split(".")]
    )
    made = [
        Finding("B", "9.1", Severity.ERROR, ("KPI-0001",), "x"),
        Finding("A", "8.3.10", Severity.ERROR, ("SUP-10000",), "x"),
        Finding("A", "8.3.10", Severity.ERROR, ("SUP-9999",), "x"),
        Finding("A", "8.3.4.1", Severity.ERROR, ("SUP-0001",), "x"),
    ]
    assert [(f.clause, f.record_id) for f in sort_findings(made)] == [
        ("8.3.4.1", "SUP-0001"),
        ("8.3.10", "SUP-9999"),
        ("8.3.10", "SUP-10000"),
        ("9.1", "KPI-0001"),
    ]


def test_every_finding_is_about_a_record_it_names_first() -> None:
    data = broken()
    found = run_checks(data, CheckSettings(), TODAY)
    assert found
    for f in found:
        if f.no_evidence:  # nothing to look at: about no record (test_evidence)
            assert f.record_ids == () and f.message.startswith("no evidence: ")
            continue
        record = data.get(f.record_id)
        assert record is not None
        assert f.message.startswith(record.display + ": ")


def test_summary_per_clause() -> None:
    found = run_checks(broken(), CheckSettings(), TODAY)
    summary = {s.clause: s for s in summarise(found)}
    assert list(summary) == ["6.1", "8.1", "8.3.2", "8.3.3", "8.3.4", "8.3.4.1", "8.3.4.2", "9.1"]
    plan = summary["8.1"]
    assert plan.checked == sum(r.clause == "8.1" for r in RULES)
    # OBJ-OVERDUE has a warning only: not met either (a requirement is met by no finding)
    assert plan.failed_rules == ("PRC-OWNER", "PRC-OUTSOURCED", "OBJ-OVERDUE")
    assert (plan.not_met, plan.met + plan.not_met) == (3, plan.checked)
    assert plan.warnings == 1
    assert summary["8.3.4.2"].not_met == 0


def test_summary_of_a_selection_counts_only_the_rules_that_ran() -> None:
    rules = select_rules(["PRC-OWNER"])
    found = run_checks(broken(), CheckSettings(), TODAY, ["PRC-OWNER"])
    [only] = summarise(found, rules)
    assert (only.clause, only.checked, only.met, only.not_met) == ("8.1", 1, 0, 1)


def test_text_report_grouped_by_clause_with_totals() -> None:
    found = run_checks(broken(), CheckSettings(), TODAY)
    text = format_text(found)
    lines = text.splitlines()
    assert lines[0].startswith("6.1 Actions to address risks and opportunities: ")
    assert (
        "  error    PRC-OWNER             PRC-0001 Incident management: process has no owner"
        in (lines)
    )
    # AGR-CONTENT (an error: 8.3.4.1 requires a contract) and SLA-UNDERPIN have no active
    # contract left to look at once AGR-0001 expired
    assert lines[-1] == f"8 findings: 6 errors, 2 warnings ({len(RECORD_RULES)} rules checked)"
    [heading] = [i for i, ln in enumerate(lines) if ln.startswith("8.3.4.1 Management of external")]
    assert lines[heading].endswith(" met, 2 not met, 2 no evidence")
    assert "SUP-CONTRACT" in "".join(lines[heading + 1 : heading + 5])


def test_text_report_with_nothing_found() -> None:
    text = format_text([], select_rules(["SUP-OWNER"]))
    assert text == (
        "8.3.4 Supplier management: 1 of 1 requirement met\n\n"
        "0 findings: 0 errors, 0 warnings (1 rule checked)\n"
    )


def test_json_report_has_the_documented_keys_and_parses() -> None:
    found = run_checks(broken(), CheckSettings(), TODAY)
    report = json.loads(format_json(found))
    assert tuple(report) == ("clauses", "findings")
    items = report["findings"]
    assert isinstance(items, list) and len(items) == len(found)
    for item, f in zip(items, found, strict=True):
        assert tuple(item) == JSON_KEYS
        assert item == {
            "clause": f.clause,
            "message": f.message,
            "record_ids": list(f.record_ids),
            "rule": f.rule,
            "severity": f.severity.value,
        }
    assert {i["severity"] for i in items} == {"error", "warning"}
    plan = report["clauses"][1]
    assert plan["clause"] == "8.1" and plan["requirements"] == len(plan["met"]) + 3
    assert plan["not_met"] == ["PRC-OWNER", "PRC-OUTSOURCED", "OBJ-OVERDUE"]
    assert plan["no_evidence"] == []


def test_json_report_is_stable_same_data_same_bytes() -> None:
    first = format_json(run_checks(broken(), CheckSettings(), TODAY))
    shuffled = DataSet(reversed(list(broken())))
    second = format_json(run_checks(shuffled, CheckSettings(), TODAY))
    assert first == second
    assert first.endswith("}\n")
    assert json.loads(format_json([], select_rules(["SUP-OWNER"]))) == {
        "clauses": [
            {
                "clause": "8.3.4",
                "met": ["SUP-OWNER"],
                "no_evidence": [],
                "not_met": [],
                "requirements": 1,
                "title": "Supplier management",
            }
        ],
        "findings": [],
    }


def test_json_keeps_user_text_literal() -> None:
    data = edit(healthy(), "PRC-0001", owner="", name='[bold]"Ops" \\ ünïcode')
    found = run_checks(data, CheckSettings(), TODAY, ["PRC-OWNER"])
    [item] = json.loads(format_json(found))["findings"]
    assert item["message"] == 'PRC-0001 [bold]"Ops" \\ ünïcode: process has no owner'


def test_exit_status_follows_errors_only() -> None:
    assert not has_errors(run_checks(healthy(), CheckSettings(), TODAY))
    warn_only = run_checks(
        edit(healthy(), "OBJ-0001", due_date=date(2025, 1, 1)), CheckSettings(), TODAY
    )
    assert warn_only and not has_errors(warn_only)
    assert has_errors(run_checks(without(healthy(), "AGR-0001"), CheckSettings(), TODAY))
