"""Run the rules over a DataSet and report the findings as text or JSON.

JSON output (``format_json``) is an object: ``clauses``, per clause the ids of the rules
met, not met and without evidence; ``findings``, a list in the stable finding order
(clause, rule, first record id) of objects with exactly these keys::

    {"clause": "8.3.4.1", "message": "SUP-0004 Northwind Hosting: ...",
     "record_ids": ["SUP-0004"], "rule": "SUP-CONTRACT", "severity": "error"}

``severity`` is ``error`` (the clause is not met) or ``warning``; ``record_ids[0]`` is the
record the finding is about (none for a "no evidence: ..." finding). Keys are sorted, there is no timestamp, and the text ends with
a newline: the same data and day give the same bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from itsms_tui.compliance.findings import Finding, Severity, clause_key, sort_findings
from itsms_tui.compliance.rules import ALL_RULES
from itsms_tui.compliance.rules.base import Rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.audit_chain import ChainVerdict
from itsms_tui.domain.dataset import DataSet

RULES: tuple[Rule, ...] = ALL_RULES
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

CLAUSE_TITLES: dict[str, str] = {
    "6.1": "Actions to address risks and opportunities",
    "7.5.3": "Control of documented information",
    "8.1": "Operational planning and control",
    "8.3.2": "Business relationship management",
    "8.3.3": "Service level management",
    "8.3.4": "Supplier management",
    "8.3.4.1": "Management of external suppliers",
    "8.3.4.2": "Management of an internal supplier or a customer acting as a supplier",
    "9.1": "Monitoring, measurement, analysis and evaluation",
}
"""ISO/IEC 20000-1:2018 clause titles of the clauses the rules check."""

JSON_KEYS: tuple[str, ...] = ("clause", "message", "record_ids", "rule", "severity")


def select_rules(rule_ids: Collection[str] | None = None) -> tuple[Rule, ...]:
    """The rules to run (all when None), in table order; an unknown id raises ValueError."""
    if rule_ids is None:
        return RULES
    wanted = {r.strip().upper() for r in rule_ids}
    unknown = sorted(wanted - RULES_BY_ID.keys())
    if unknown:
        known = ", ".join(sorted(RULES_BY_ID))
        raise ValueError(f"unknown rule id {', '.join(unknown)}; known rule ids: {known}")
    return tuple(r for r in RULES if r.id in wanted)


def applicable(rules: Sequence[Rule], *, trail_checked: bool) -> tuple[Rule, ...]:
    """The rules that really ran: audit-trail rules only when a trail verdict was given.

    Without one (a snapshot, the TUI's report) they found nothing because they looked at
    nothing, so a summary must not count them as met.
    """
    return tuple(r for r in rules if trail_checked or r.trail_fn is None)


RECORD_RULES: tuple[Rule, ...] = applicable(RULES, trail_checked=False)
"""The rules that look at records only: what runs when no trail verdict is given."""


def run_checks(
    data: DataSet,
    settings: CheckSettings,
    today: date,
    rule_ids: Collection[str] | None = None,
    *,
    trail: ChainVerdict | None = None,
) -> list[Finding]:
    """Every finding of the selected rules (all by default), in the stable order.

    ``trail`` is the audit chain's verdict, computed by the caller (the rules stay pure).
    """
    findings: list[Finding] = []
    for selected in select_rules(rule_ids):
        findings.extend(selected.run(data, settings, today, trail))
    return sort_findings(findings)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when some requirement is not met: ``check`` exits 1."""
    return any(f.severity is Severity.ERROR for f in findings)


@dataclass(frozen=True, slots=True)
class ClauseSummary:
    """Requirements (rules) of one clause: checked, met, not met and without evidence.

    A requirement is met only when its rule looked at something and found nothing: any
    finding, a warning too, makes it not met, and a rule with nothing to look at is "no
    evidence" (never met).
    """

    clause: str
    title: str
    checked: int
    met: int
    not_met: int
    errors: int
    warnings: int
    failed_rules: tuple[str, ...]
    """Ids of the rules not met, in rule table order."""
    no_evidence: int = 0
    no_evidence_rules: tuple[str, ...] = ()
    """Ids of the rules that had nothing to look at, in rule table order."""
    met_rules: tuple[str, ...] = ()


def summarise(
    findings: Iterable[Finding], rules: Sequence[Rule] | None = None
) -> list[ClauseSummary]:
    """Per clause, in clause order: how many of the rules that ran are met.

    ``rules`` are the rules that ran (default: every rule about records). A rule is met when
    it has no finding at all; one whose only finding is "no evidence" is counted apart.
    """
    ran = RECORD_RULES if rules is None else tuple(rules)
    listed = list(findings)
    unproven = {f.rule for f in listed if f.no_evidence}
    flagged = {f.rule for f in listed if not f.no_evidence}
    out: list[ClauseSummary] = []
    for clause in sorted({r.clause for r in ran}, key=clause_key):
        own = [r for r in ran if r.clause == clause]
        ids = {r.id for r in own}
        mine = [f for f in listed if f.rule in ids and not f.no_evidence]
        failed = tuple(r.id for r in own if r.id in flagged)
        empty = tuple(r.id for r in own if r.id in unproven and r.id not in flagged)
        met = tuple(r.id for r in own if r.id not in flagged and r.id not in unproven)
        out.append(
            ClauseSummary(
                clause=clause,
                title=CLAUSE_TITLES.get(clause, ""),
                checked=len(own),
                met=len(met),
                not_met=len(failed),
                errors=sum(f.severity is Severity.ERROR for f in mine),
                warnings=sum(f.severity is Severity.WARNING for f in mine),
                failed_rules=failed,
                no_evidence=len(empty),
                no_evidence_rules=empty,
                met_rules=met,
            )
        )
    return out


def summary_phrase(summary: ClauseSummary) -> str:
    """``3 of 5 requirements met, 1 not met, 1 no evidence``."""
    text = f"{summary.met} of {_plural(summary.checked, 'requirement')} met"
    if summary.not_met:
        text += f", {summary.not_met} not met"
    if summary.no_evidence:
        text += f", {summary.no_evidence} no evidence"
    return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_text(findings: Sequence[Finding], rules: Sequence[Rule] | None = None) -> str:
    """Findings grouped by clause, each clause with its heading and met count; totals last.

    ``rules`` are the rules that ran (default: every rule about records); clauses with no finding are listed
    with their count too, so the report shows what was checked, not only what failed.
    """
    ordered = sort_findings(list(findings))
    by_clause: dict[str, list[Finding]] = defaultdict(list)
    for f in ordered:
        by_clause[f.clause].append(f)
    lines: list[str] = []
    for summary in summarise(ordered, rules):
        heading = f"{summary.clause} {summary.title}".strip()
        lines.append(f"{heading}: {summary_phrase(summary)}")
        for f in by_clause.get(summary.clause, ()):
            lines.append(f"  {f.severity.value:<7}  {f.rule:<20}  {f.message}")
        lines.append("")
    errors = sum(f.severity is Severity.ERROR for f in ordered)
    warnings = len(ordered) - errors
    ran = len(RECORD_RULES if rules is None else rules)
    lines.append(
        f"{_plural(len(ordered), 'finding')}: {_plural(errors, 'error')}, "
        f"{_plural(warnings, 'warning')} ({_plural(ran, 'rule')} checked)"
    )
    return "\n".join(lines) + "\n"


def finding_json(finding: Finding) -> dict[str, object]:
    """One finding as the documented JSON object."""
    return {
        "clause": finding.clause,
        "message": finding.message,
        "record_ids": list(finding.record_ids),
        "rule": finding.rule,
        "severity": finding.severity.value,
    }


def clause_json(summary: ClauseSummary) -> dict[str, object]:
    """One clause's summary as the documented JSON object."""
    return {
        "clause": summary.clause,
        "met": list(summary.met_rules),
        "no_evidence": list(summary.no_evidence_rules),
        "not_met": list(summary.failed_rules),
        "requirements": summary.checked,
        "title": summary.title,
    }


def format_json(findings: Iterable[Finding], rules: Sequence[Rule] | None = None) -> str:
    """``{"clauses": [...], "findings": [...]}`` in the stable order; same data, same bytes.

    ``clauses``: per clause the rule ids met, not met and without evidence (``rules`` are
    the rules that ran, default every rule about records); ``findings``: the findings.
    """
    ordered = sort_findings(list(findings))
    report = {
        "clauses": [clause_json(s) for s in summarise(ordered, rules)],
        "findings": [finding_json(f) for f in ordered],
    }
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
