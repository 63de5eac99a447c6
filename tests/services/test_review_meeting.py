"""Review-meeting steps, the parsing of what was typed, and recording in one transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from itsms_tui.domain.suppliers import ImprovementAction, SupplierReview
from itsms_tui.services.errors import UserError
from itsms_tui.services.review_meeting import (
    NewAction,
    ReviewDraft,
    StepKind,
    meeting_minutes,
    meeting_steps,
    parse_actions,
    split_names,
)
from itsms_tui.services.workspace import Workspace
from tests.compliance.builders import TODAY, action, dispute, healthy, kpi, measurement


def test_the_steps_walk_kpis_targets_actions_disputes_then_record() -> None:
    data = healthy()
    data.add(kpi(5, "SUP-0001"))
    data.add(measurement(9, "KPI-0005", date(2025, 5, 10), value=98.0))
    data.add(action(7, supplier_id="SUP-0001", description="Fix the runbook"))
    data.add(dispute(3))
    steps = meeting_steps(data, "SUP-0001", TODAY)
    kinds = [s.kind for s in steps]
    assert kinds[-4:] == [StepKind.TARGETS, StepKind.ACTIONS, StepKind.DISPUTES, StepKind.RECORD]
    kpi_step = next(s for s in steps if s.kpi_id == "KPI-0005")
    assert "2025-05 ✗" in kpi_step.lines[2]
    assert "missed 1" in kpi_step.summary
    actions = next(s for s in steps if s.kind is StepKind.ACTIONS)
    assert any("ACN-0007 Fix the runbook" in line for line in actions.lines)
    disputes = next(s for s in steps if s.kind is StepKind.DISPUTES)
    assert any(line.startswith("DSP-0003") for line in disputes.lines)


def test_an_unknown_supplier_is_refused() -> None:
    with pytest.raises(UserError, match="SUP-0099: no such supplier"):
        meeting_steps(healthy(), "SUP-0099", TODAY)


def test_actions_are_read_one_per_line_and_a_bad_line_is_named() -> None:
    assert parse_actions("Fix it; Ana; 2025-07-01\n\n  Call back  \n") == [
        NewAction("Fix it", "Ana", date(2025, 7, 1)),
        NewAction("Call back", "", None),
    ]
    with pytest.raises(UserError, match="new action line 2: due date: '1/7' is not a date"):
        parse_actions("ok\nFix; Ana; 1/7")
    with pytest.raises(UserError, match="new action line 1: the action is empty"):
        parse_actions("; Ana")


def test_minutes_hold_the_decisions_then_each_steps_note() -> None:
    steps = meeting_steps(healthy(), "SUP-0001", TODAY)
    minutes = meeting_minutes(steps, {0: " fine ", 1: ""}, ["Renew"])
    assert minutes == f"Decisions:\n- Renew\n\n{steps[0].title}:\nfine"
    assert split_names("Ana, Ben;Cleo\nDee") == ["Ana", "Ben", "Cleo", "Dee"]


def _workspace() -> Workspace:
    workspace = Workspace.open_demo(today=lambda: date(2026, 3, 2))
    return workspace


def _draft(**kw: Any) -> ReviewDraft:
    values: dict[str, Any] = {
        "supplier_id": "SUP-0001",
        "held_on": date(2026, 3, 2),
        "attendees": ("Ana",),
        "minutes": "Decisions:\n- Renew",
        "actions": (NewAction("Second site", "Tom", date(2026, 6, 30)),),
    }
    return ReviewDraft(**{**values, **kw})


def test_recording_saves_the_review_and_its_actions_and_gives_the_next_due_date() -> None:
    workspace = _workspace()
    recorded = workspace.record_review(_draft())
    assert recorded.review.id and recorded.review.minutes == "Decisions:\n- Renew"
    (saved,) = recorded.actions
    assert saved.review_id == recorded.review.id and saved.supplier_id == "SUP-0001"
    assert recorded.schedule.last_review == date(2026, 3, 2)
    assert recorded.schedule.next_due == date(2026, 6, 2)  # critical tier: every 3 months


def test_a_failing_action_leaves_nothing_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = _workspace()
    before = len(workspace.data().all(SupplierReview)), len(workspace.data().all(ImprovementAction))
    real_save = workspace.save

    def save(record: Any) -> Any:
        if isinstance(record, ImprovementAction):
            raise UserError("refused")
        return real_save(record)

    monkeypatch.setattr(workspace, "save", save)
    with pytest.raises(UserError, match="refused"):
        workspace.record_review(_draft())
    after = len(workspace.data().all(SupplierReview)), len(workspace.data().all(ImprovementAction))
    assert after == before


def test_a_read_only_workspace_refuses_a_review() -> None:
    workspace = Workspace.open_demo(today=lambda: date(2026, 3, 2), read_only=True)
    with pytest.raises(UserError, match="read-only"):
        workspace.record_review(_draft())
