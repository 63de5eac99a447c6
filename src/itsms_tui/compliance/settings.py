"""Checker thresholds, saved with the data (``settings.model_dump(mode="json")``).

Every field has a default, so ``CheckSettings()`` is a sensible starting point and a saved
table may hold only the values someone changed. No field is None: 0 means "off" where a
field allows it, so the settings round-trip through TOML, which has no null.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from itsms_tui.domain.customers import (
    DEFAULT_COMPLAINT_DAYS,
    DEFAULT_LOW_SATISFACTION,
    ComplaintSeverity,
)
from itsms_tui.domain.enums import Criticality
from itsms_tui.domain.evaluation_score import DEFAULT_SELECTION_THRESHOLD, MAX_SCORE
from itsms_tui.domain.kpi_status import DEFAULT_GRACE_DAYS, DEFAULT_GRACE_FRACTION
from itsms_tui.domain.review_schedule import (
    DEFAULT_AGREEMENT_REVIEW_MONTHS,
    DEFAULT_REVIEW_MONTHS,
)

Months = Annotated[int, Field(ge=1, le=60)]
Days = Annotated[int, Field(ge=0, le=3650)]


def _default_tier_months() -> dict[Criticality, int]:
    return dict(DEFAULT_REVIEW_MONTHS)


class CheckSettings(BaseModel):
    """Thresholds and intervals the rules apply; stored with the data as the settings table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    risk_acceptance_score: int = Field(
        default=9,
        ge=1,
        le=25,
        title="Risk acceptance threshold",
        description=(
            "Highest inherent score (likelihood x impact, 1-25) that may be accepted; a risk "
            "scoring above it needs an owner, a treatment other than accept and mitigation "
            "actions."
        ),
    )
    supplier_review_months: dict[Criticality, Months] = Field(
        default_factory=_default_tier_months,
        title="Supplier review interval by tier (months)",
        description=(
            "Months between supplier reviews for each criticality tier, when a supplier "
            "sets no interval of its own. Tiers left out keep their default."
        ),
    )
    agreement_review_months: int = Field(
        default=DEFAULT_AGREEMENT_REVIEW_MONTHS,
        ge=0,
        le=60,
        title="Agreement review interval (months)",
        description=(
            "Months between contract and OLA reviews when an agreement sets no interval "
            "of its own; 0 leaves such agreements unscheduled."
        ),
    )
    cancel_by_warning_days: Days = Field(
        default=90,
        title="Cancel-by warning horizon (days)",
        description="Warn when an agreement's cancel-by date is this many days away or fewer.",
    )
    cancel_by_urgent_days: Days = Field(
        default=30,
        title="Cancel-by urgent (days)",
        description=(
            "Mark a cancel-by date red (✖) when it is this many days away or fewer; "
            "amber (▲) from the warning horizon."
        ),
    )
    review_soon_days: Days = Field(
        default=30,
        title="Review soon (days)",
        description="Mark a supplier or contract review amber (▲) this many days before it is due.",
    )
    dispute_max_open_days: Days = Field(
        default=60,
        title="Dispute open at most (days)",
        description="Flag a dispute still unresolved this many days after it was raised.",
    )
    kpi_grace_days: Days = Field(
        default=DEFAULT_GRACE_DAYS,
        title="KPI measurement grace (days)",
        description=(
            "Days after a KPI's next measurement falls due (one frequency period after the "
            "last) before it counts as overdue."
        ),
    )
    kpi_grace_fraction: float = Field(
        default=DEFAULT_GRACE_FRACTION,
        ge=0,
        le=1,
        allow_inf_nan=False,
        title="KPI measurement grace (share of the period)",
        description=(
            "The grace days are at most this share of a KPI's period (0.25: a week for a "
            "monthly KPI, none for a daily one); 1 allows up to one whole period."
        ),
    )
    post_implementation_review_days: Days = Field(
        default=30,
        title="Post-implementation review period (days)",
        description="Days after a normal change is implemented by which its review is due.",
    )
    emergency_review_days: Days = Field(
        default=10,
        title="Emergency and unplanned change review period (days)",
        description=(
            "Days after an emergency or unplanned change is implemented by which its review is due."
        ),
    )
    selection_threshold: float = Field(
        default=DEFAULT_SELECTION_THRESHOLD,
        ge=0,
        le=MAX_SCORE,
        allow_inf_nan=False,
        title="Supplier selection threshold (score 0-5)",
        description=(
            "Lowest weighted evaluation score at which a supplier may be selected; selecting "
            "below it, or with a standard criterion unscored, needs a recorded reason."
        ),
    )
    separation_of_duties: bool = Field(
        default=True,
        title="Separation of duties",
        description=(
            "The requester of a change cannot approve it, a supplier's evaluator cannot "
            "alone approve its selection, an amendment's approver differs from its author; "
            "an administrator may override with a recorded reason."
        ),
    )
    action_grace_days: Days = Field(
        default=0,
        title="Improvement action grace (days)",
        description="Days after an improvement action's due date before it counts as overdue.",
    )

    customer_review_months: int = Field(
        default=6,
        ge=0,
        le=60,
        title="Customer review interval (months)",
        description=(
            "Months between service reviews with each customer of a live service; "
            "0 leaves customer reviews unscheduled."
        ),
    )
    satisfaction_interval_months: int = Field(
        default=6,
        ge=0,
        le=60,
        title="Customer satisfaction interval (months)",
        description=(
            "Months within which each customer of a live service has a satisfaction result; "
            "0 turns the check off."
        ),
    )
    satisfaction_low_share: float = Field(
        default=DEFAULT_LOW_SATISFACTION,
        ge=0,
        le=1,
        allow_inf_nan=False,
        title="Low satisfaction (share of the scale)",
        description=(
            "A satisfaction score below this share of its scale (0.6: under 3 of 5) is low "
            "and needs an improvement action."
        ),
    )
    complaint_days_critical: Days = Field(
        default=DEFAULT_COMPLAINT_DAYS[ComplaintSeverity.CRITICAL],
        title="Critical complaint resolved within (days)",
        description="Days from receipt to a critical complaint's target resolution date.",
    )
    complaint_days_high: Days = Field(
        default=DEFAULT_COMPLAINT_DAYS[ComplaintSeverity.HIGH],
        title="High complaint resolved within (days)",
        description="Days from receipt to a high-severity complaint's target resolution date.",
    )
    complaint_days_medium: Days = Field(
        default=DEFAULT_COMPLAINT_DAYS[ComplaintSeverity.MEDIUM],
        title="Medium complaint resolved within (days)",
        description="Days from receipt to a medium-severity complaint's target resolution date.",
    )
    complaint_days_low: Days = Field(
        default=DEFAULT_COMPLAINT_DAYS[ComplaintSeverity.LOW],
        title="Low complaint resolved within (days)",
        description="Days from receipt to a low-severity complaint's target resolution date.",
    )

    @property
    def complaint_days(self) -> dict[ComplaintSeverity, int]:
        """Severity -> days from receipt to a complaint's target resolution date."""
        return {
            ComplaintSeverity.CRITICAL: self.complaint_days_critical,
            ComplaintSeverity.HIGH: self.complaint_days_high,
            ComplaintSeverity.MEDIUM: self.complaint_days_medium,
            ComplaintSeverity.LOW: self.complaint_days_low,
        }

    @field_validator("supplier_review_months", mode="after")
    @classmethod
    def _every_tier(cls, value: dict[Criticality, int]) -> dict[Criticality, int]:
        """Fill tiers a saved table left out, in tier order, so the dump is complete."""
        merged = {**DEFAULT_REVIEW_MONTHS, **value}
        return {tier: merged[tier] for tier in Criticality}

    @classmethod
    def from_saved(cls, saved: Mapping[str, Any] | None) -> CheckSettings:
        """Settings from a saved table ({} or None: the defaults); raises ValidationError."""
        return cls.model_validate(dict(saved or {}))
