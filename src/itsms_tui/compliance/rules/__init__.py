"""Every rule, one small pure function each, grouped by clause area in modules named after it."""

from __future__ import annotations

from itsms_tui.compliance.rules import (
    agreement_rules,
    audit_rules,
    change_rules,
    customer_rules,
    kpi_rules,
    people_rules,
    plan_rules,
    review_rules,
    risk_rules,
    service_level_rules,
    supplier_rules,
)
from itsms_tui.compliance.rules.base import Rule

ALL_RULES: tuple[Rule, ...] = (
    *plan_rules.RULES,
    *risk_rules.RULES,
    *change_rules.RULES,
    *people_rules.RULES,
    *customer_rules.RULES,
    *service_level_rules.RULES,
    *supplier_rules.RULES,
    *agreement_rules.RULES,
    *review_rules.RULES,
    *kpi_rules.RULES,
    *audit_rules.RULES,
)

__all__ = ["ALL_RULES", "Rule"]
