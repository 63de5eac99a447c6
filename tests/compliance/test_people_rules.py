"""Separation of duties as the data shows it: "SOD-CHANGE", "SOD-SUPPLIER", "SOD-OVERRIDE".

The services refuse these conflicts; the rules catch them where data arrived another way
(an import, a script) and list every administrator's override.
"""

from __future__ import annotations

from datetime import date

from itsms_tui.compliance.settings import CheckSettings
from tests.compliance.builders import (
    amendment,
    edit,
    evaluation,
    findings,
    flagged,
    healthy,
)


def test_a_change_approved_by_its_requester_is_an_error() -> None:
    data = healthy()
    assert flagged(data, "SOD-CHANGE") == []
    edit(data, "CHG-0001", approver="PER-0013")  # the requester
    assert flagged(data, "SOD-CHANGE") == ["CHG-0001"]
    [found] = findings(data, "SOD-CHANGE")
    assert "approved by its own requester" in found.message


def test_a_recorded_override_answers_the_conflict_and_is_listed() -> None:
    data = edit(healthy(), "CHG-0001", approver="PER-0013", sod_override="only one on call")
    assert flagged(data, "SOD-CHANGE") == []
    [listed] = findings(data, "SOD-OVERRIDE")
    assert listed.record_id == "CHG-0001" and "only one on call" in listed.message


def test_the_setting_turns_the_conflict_rules_off_but_not_the_list() -> None:
    off = CheckSettings(separation_of_duties=False)
    data = edit(healthy(), "CHG-0001", approver="PER-0013")
    assert flagged(data, "SOD-CHANGE", settings=off) == []


def test_an_evaluator_approving_the_selection_is_an_error() -> None:
    data = healthy()
    data.add(evaluation(7, evaluator="PER-0001"))  # the supplier's approver evaluated it
    assert flagged(data, "SOD-SUPPLIER") == ["SUP-0001"]
    edit(data, "SUP-0001", sod_override="sole evaluator on leave")
    assert flagged(data, "SOD-SUPPLIER") == []
    assert "SUP-0001" in flagged(data, "SOD-OVERRIDE")


def test_an_amendment_approved_by_its_author_is_an_error() -> None:
    data = healthy()
    data.add(amendment(5, author="PER-0002", approved_by="PER-0002", approved_on=date(2025, 4, 1)))
    assert flagged(data, "SOD-SUPPLIER") == ["AMD-0005"]
