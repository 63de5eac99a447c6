"""AUD-CHAIN: the audit chain verdict, computed by services, handed to a pure rule."""

from __future__ import annotations

from datetime import date

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.findings import Severity
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.audit_chain import GENESIS, ChainBreak, ChainHead, ChainVerdict
from itsms_tui.domain.dataset import DataSet

TODAY = date(2026, 6, 1)


def _run(trail: ChainVerdict | None) -> list[tuple[str, str, Severity, tuple[str, ...]]]:
    found = run_checks(DataSet(), CheckSettings(), TODAY, ["AUD-CHAIN"], trail=trail)
    return [(f.rule, f.clause, f.severity, f.record_ids) for f in found]


def test_a_broken_chain_is_an_error_naming_the_record() -> None:
    fault = ChainBreak(7, "CHG-0003", "removed", "entry 6 before it is missing")
    verdict = ChainVerdict(9, 0, ChainHead(5, GENESIS), fault)
    assert _run(verdict) == [("AUD-CHAIN", "7.5.3", Severity.ERROR, ("CHG-0003",))]
    message = run_checks(DataSet(), CheckSettings(), TODAY, ["AUD-CHAIN"], trail=verdict)[0]
    assert "audit entry 7 (CHG-0003): removed" in message.message


def test_an_intact_chain_or_no_trail_finds_nothing() -> None:
    assert _run(ChainVerdict(3, 0, ChainHead(3, "a" * 64))) == []
    assert _run(None) == []
