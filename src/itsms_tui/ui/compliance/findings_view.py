"""The findings list and the per-clause summary: columns, filters and the lines of text.

Severity is a symbol and a word (``✖ error``, ``▲ warning``) so it reads without colour;
every user string (record names inside messages) stays literal text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.text import Text

from itsms_tui.compliance.engine import RULES_BY_ID, ClauseSummary
from itsms_tui.compliance.findings import Finding, Severity, clause_key, record_id_key
from itsms_tui.ui.theme import rag_text
from itsms_tui.ui.widgets.record_table import Column

T = TypeVar("T")

SEVERITY_STATUS: dict[Severity, str] = {Severity.ERROR: "red", Severity.WARNING: "amber"}
"""Severity -> the status colour and symbol it borrows (✖ red, ▲ amber)."""


def severity_text(severity: Severity) -> Text:
    """``✖ error`` in red, ``▲ warning`` in amber."""
    return rag_text(SEVERITY_STATUS[severity], severity.value)


def short_message(finding: Finding) -> str:
    """The message without its leading record id (the Record column shows it)."""
    prefix = f"{finding.record_id} "
    message = finding.message
    return message[len(prefix) :] if finding.record_id and message.startswith(prefix) else message


def finding_key(finding: Finding) -> str:
    """Unique per finding: one rule can report the same record twice (two agreements)."""
    return f"{finding.rule}:{'/'.join(finding.record_ids)}:{finding.message}"


FINDING_COLUMNS: list[Column[Finding]] = [
    Column(
        "severity",
        "Severity",
        lambda f: severity_text(f.severity),
        width=9,
        sort_key=lambda f: f.severity is not Severity.ERROR,
    ),
    Column(
        "clause", "Clause", lambda f: f.clause, width=7, sort_key=lambda f: clause_key(f.clause)
    ),
    Column("rule", "Rule", lambda f: f.rule, width=14),
    Column(
        "record",
        "Record",
        lambda f: f.record_id or "—",
        width=8,
        sort_key=lambda f: record_id_key(f.record_id),
    ),
    Column("message", "Finding", short_message, width=20, flex=1),
]


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """The clause and severity the list is narrowed to (None: all)."""

    clause: str | None = None
    severity: Severity | None = None

    def keeps(self, finding: Finding) -> bool:
        return (self.clause is None or finding.clause == self.clause) and (
            self.severity is None or finding.severity is self.severity
        )

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.keeps(f)]

    def next_clause(self, clauses: Sequence[str]) -> FindingFilter:
        """All -> the first clause -> ... -> the last -> all (``c``)."""
        return FindingFilter(_cycle(self.clause, list(clauses)), self.severity)

    def next_severity(self) -> FindingFilter:
        """All -> errors -> warnings -> all (``v``)."""
        return FindingFilter(self.clause, _cycle(self.severity, list(Severity)))


def _cycle(current: T | None, options: list[T]) -> T | None:
    if current is None or current not in options:
        return options[0] if options else None
    index = options.index(current) + 1
    return options[index] if index < len(options) else None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(summary: ClauseSummary, selected: bool) -> Text:
    """``▶ 8.3.3    2 of 4 met   ✖ 1 not met  ○ 1 no evidence  3 errors  1 warning  Servi…``.

    Met, not met and "no evidence" (a rule with nothing to look at) are counted apart:
    a clause reads "all met" only when every requirement was checked against something.
    """
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append("▶ " if selected else "  ", style="bold")
    line.append(f"{summary.clause:<8}", style="bold")
    line.append(f"{summary.met:>2} of {f'{summary.checked} met':<7} ")
    if summary.not_met:
        line.append_text(rag_text("red", f"{summary.not_met} not met".ljust(9)))
    if summary.no_evidence:
        if summary.not_met:
            line.append("  ")
        line.append_text(rag_text("grey", f"{summary.no_evidence} no evidence"))
    if not summary.not_met and not summary.no_evidence:
        line.append_text(rag_text("green", "all met".ljust(9)))
    line.append("  ")
    line.append(f"{_plural(summary.errors, 'error'):<10}")
    line.append(f"{_plural(summary.warnings, 'warning'):<12}")
    line.append(summary.title, style="dim")
    return line


def summary_text(summaries: Sequence[ClauseSummary], selected: str | None) -> Text:
    """One line per clause; the clause the list is narrowed to is marked ``▶``."""
    if not summaries:
        return Text("Checking…", no_wrap=True)
    text = Text("\n", no_wrap=True, overflow="ellipsis", end="")
    return text.join(summary_line(s, s.clause == selected) for s in summaries)


def status_line(shown: int, total: int, chosen: FindingFilter, text: str = "") -> Text:
    """``12 of 31 findings shown · clause [c] 8.1 · severity [v] all · text "acme"``."""
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append(f"{shown} of {_plural(total, 'finding')} shown", style="bold")
    line.append(" · clause [c] ")
    line.append(chosen.clause or "all", style="bold")
    line.append(" · severity [v] ")
    line.append(chosen.severity.value if chosen.severity else "all", style="bold")
    if text.strip():
        line.append(" · text ")
        line.append(repr(text.strip()), style="bold")
    return line


def totals_label(findings: Sequence[Finding]) -> Text:
    """The Findings tab's label: ``Findings: 21 errors, 10 warnings``."""
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    return Text(f"Findings: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}")


def detail_text(finding: Finding | None) -> Text:
    """The whole message of the finding under the cursor, with its rule's title."""
    if finding is None:
        return Text("")
    rule = RULES_BY_ID.get(finding.rule)
    text = Text(overflow="ellipsis", end="")
    text.append_text(severity_text(finding.severity))
    text.append(f" {finding.clause} {finding.rule}", style="bold")
    if rule is not None:
        text.append(f" ({rule.title})", style="dim")
    text.append(": ")
    text.append(finding.message)
    return text
