"""Print the requirement table: each requirement, its rules, a violating case, and whether
the checker caught it, computed by running every case of ``requirement_cases``.

    .venv/bin/python -m tests.compliance.requirement_table

"Caught" is "yes" when the case's rules report a new finding naming the changed record and
no other rule reacts, "yes, with ..." when the violation necessarily breaks those other
requirements too, and "no" for a violation the checker misses (its reason follows).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from tests.compliance.requirement_cases import TODAY, Outcome, ordered_cases, run_case

HEADER = ("Clause", "Requirement", "Rule ids", "Violating case (in a copy of the demo)", "Caught")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def caught_text(outcome: Outcome) -> str:
    case = outcome.case
    if not outcome.caught:
        return f"no: {case.xfail}" if case.xfail else "no"
    if outcome.other_rules:
        return f"yes, not alone: {', '.join(outcome.other_rules)} react too"
    if case.also:
        return f"yes, with {', '.join(case.also)} ({case.not_alone})"
    return "yes"


def table(outcomes: Iterable[Outcome]) -> str:
    """The Markdown table, one row per case, in clause order."""
    rows = [HEADER, ("---",) * len(HEADER)]
    for outcome in outcomes:
        case = outcome.case
        rows.append(
            (
                case.clause,
                case.requirement,
                ", ".join(case.rules),
                case.violation,
                caught_text(outcome),
            )
        )
    return "\n".join("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows) + "\n"


def main() -> int:
    outcomes = [run_case(case) for case in ordered_cases()]
    sys.stdout.write(table(outcomes))
    caught = sum(o.caught for o in outcomes)
    sys.stdout.write(
        f"\n{len(outcomes)} cases checked on the demo dated {TODAY}: {caught} caught, "
        f"{len(outcomes) - caught} not caught.\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
