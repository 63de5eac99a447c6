"""Running the clause checker on a workspace or a snapshot (CLI ``check`` and the TUI)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.audit_chain import ChainVerdict
from itsms_tui.domain.dataset import DataSet
from itsms_tui.services.errors import UserError


def check_settings(saved: Mapping[str, Any], *, source: str) -> CheckSettings:
    """The checker settings stored with the data, defaults for what is not set."""
    try:
        return CheckSettings.model_validate(dict(saved))
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise UserError(f"{source}: settings.{field}: {first['msg']}") from None


def findings_for(
    data: DataSet,
    saved_settings: Mapping[str, Any],
    today: date,
    *,
    source: str,
    rule_ids: Collection[str] | None = None,
    trail: ChainVerdict | None = None,
) -> list[Finding]:
    """The findings; ``trail`` is the audit chain verdict (None: not checked, a snapshot)."""
    settings = check_settings(saved_settings, source=source)
    try:
        return run_checks(data, settings, today, rule_ids or None, trail=trail)
    except ValueError as error:  # an unknown rule id
        raise UserError(str(error)) from None
