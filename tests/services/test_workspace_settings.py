"""Workspace.save_settings: the checker settings are stored with the data and audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.enums import Criticality
from itsms_tui.services.checking import check_settings
from itsms_tui.services.errors import UserError
from itsms_tui.services.workspace import Workspace


def test_saved_settings_are_read_back_by_another_session(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    first = Workspace.open_file(path)
    changed = CheckSettings(
        risk_acceptance_score=4,
        supplier_review_months={Criticality.CRITICAL: 2},
    )
    first.save_settings(changed)

    second = Workspace.open_file(path)
    loaded = check_settings(second.settings(), source=str(path))
    assert loaded == changed
    assert loaded.supplier_review_months[Criticality.CRITICAL] == 2
    assert (
        loaded.supplier_review_months[Criticality.LOW]
        == CheckSettings().supplier_review_months[Criticality.LOW]
    )


def test_saving_settings_leaves_an_audit_entry_naming_the_change(tmp_path: Path) -> None:
    workspace = Workspace.open_file(tmp_path / "d.json")
    workspace.save_settings(CheckSettings(dispute_max_open_days=30))
    entries = [e for e in workspace.store.audit_trail() if e.collection == "settings"]
    assert len(entries) == 1
    assert "dispute_max_open_days" in str(entries[0].changes)


def test_read_only_workspace_refuses_to_save_settings(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    Workspace.open_file(path).save_settings(CheckSettings())
    read_only = Workspace.open_file(path, read_only=True)
    with pytest.raises(UserError, match="read-only"):
        read_only.save_settings(CheckSettings(risk_acceptance_score=3))
    assert check_settings(read_only.settings(), source="x") == CheckSettings()


def test_demo_settings_change_stays_in_memory() -> None:
    workspace = Workspace.open_demo(today=lambda: date(2026, 3, 2))
    workspace.save_settings(CheckSettings(kpi_grace_days=0))
    assert workspace.settings()["kpi_grace_days"] == 0
