"""Rules about the audit trail itself (clause 7.5.3, control of documented information).

7.5.3 asks that documented information be protected from loss of integrity; the trail
is the evidence every other clause's records rest on, so a broken hash chain means
none of that evidence can be trusted — an error, not a warning.
"""

from __future__ import annotations

from collections.abc import Iterable

from itsms_tui.compliance.findings import Finding, Severity
from itsms_tui.compliance.rules.base import Rule
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.audit_chain import ChainVerdict

CHAIN_ID = "AUD-CHAIN"
CHAIN_CLAUSE = "7.5.3"


def chain_findings(verdict: ChainVerdict) -> Iterable[Finding]:
    """One error naming the first broken entry, or nothing when the chain holds."""
    broken = verdict.broken
    if broken is None:
        return ()
    return (
        Finding(
            rule=CHAIN_ID,
            clause=CHAIN_CLAUSE,
            severity=Severity.ERROR,
            record_ids=(broken.record_id,) if broken.record_id else (),
            message=f"the audit trail's hash chain is broken: {broken.describe()}",
        ),
    )


RULES: tuple[Rule, ...] = (
    Rule(
        CHAIN_ID,
        CHAIN_CLAUSE,
        "Audit trail intact",
        "Every audit entry's hash and link to the previous entry hold (tamper evidence).",
        None,
        chain_findings,
        topic=Topic.AUDIT_TRAIL,
    ),
)
