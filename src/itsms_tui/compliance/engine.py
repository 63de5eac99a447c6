"""Run the rules over a DataSet and report the findings as text or JSON.

JSON output (``format_json``) is a list, in the stable finding order (clause, rule, first
record id), of objects with exactly these keys::

    {"clause": "8.3.4.1", "message": "SUP-0004 Northwind Hosting: ...",
     "record_ids": ["SUP-0004"], "rule": "SUP-CONTRACT", "severity": "error"}

``severity`` is ``error`` (the clause is not met) or ``warning``; ``record_ids[0]`` is the
record the finding is about. Keys are sorted, there is no timestamp, and the text ends with
a newline: the same data and day give the same bytes.
"""

from __future__ import annotations

import json
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
    "7.5.3": "Control of documented information",
    "8.1": "Operational planning and control",
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
    """Requirements (rules) of one clause: checked, met (no error) and not met."""

    clause: str
    title: str
    checked: int
    met: int
    not_met: int
    errors: int
    warnings: int
    failed_rules: tuple[str, ...]
    """Ids of the rules not met, in rule table order."""


def summarise(
    findings: Iterable[Finding], rules: Sequence[Rule] | None = None
) -> list[ClauseSummary]:
    """Per clause, in clause order: how many of the rules that ran are met.

    ``rules`` are the rules that ran (default: every rule about records). A rule is met when it has no
    error-severity finding; warnings are counted but do not make a rule unmet.
    """
    ran = RECORD_RULES if rules is None else tuple(rules)
    listed = list(findings)
    failing = {f.rule for f in listed if f.severity is Severity.ERROR}
    out: list[ClauseSummary] = []
    for clause in sorted({r.clause for r in ran}, key=clause_key):
        own = [r for r in ran if r.clause == clause]
        ids = {r.id for r in own}
        mine = [f for f in listed if f.rule in ids]
        failed = tuple(r.id for r in own if r.id in failing)
        out.append(
            ClauseSummary(
                clause=clause,
                title=CLAUSE_TITLES.get(clause, ""),
                checked=len(own),
                met=len(own) - len(failed),
                not_met=len(failed),
                errors=sum(f.severity is Severity.ERROR for f in mine),
                warnings=sum(f.severity is Severity.WARNING for f in mine),
                failed_rules=failed,
            )
        )
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_text(findings: Sequence[Finding], rules: Sequence[Rule] | None = None) -> str:
    """Findings grouped by clause, each clause with its heading and met count; totals last.

    ``rules`` are the rules that ran (default: every rule about records); clauses with no finding are listed
    with their count too, so the report shows what was checked, not only what failed.
    """
    ordered = sort_findings(list(findings))
    lines: list[str] = []
    for summary in summarise(ordered, rules):
        heading = f"{summary.clause} {summary.title}".strip()
        lines.append(f"{heading}: {summary.met} of {_plural(summary.checked, 'requirement')} met")
        for f in (f for f in ordered if f.clause == summary.clause):
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


def format_json(findings: Iterable[Finding]) -> str:
    """The findings as a JSON list in the stable order; same findings, same bytes."""
    items = [finding_json(f) for f in sort_findings(list(findings))]
    return json.dumps(items, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
