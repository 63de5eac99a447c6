"""Clause 8.1 risk register entries (likelihood x impact on a 1-5 scale)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from pydantic import Field, model_validator

from itsms_tui.domain.enums import RiskArea, RiskStatus, RiskTreatment
from itsms_tui.domain.fields import (
    ListItem,
    LongText,
    Name,
    PersonRef,
    RecordId,
    Score1to5,
    ShortText,
)
from itsms_tui.domain.record import Record


class Risk(Record):
    """A risk to the services or the plan, with treatment and residual rating."""

    collection: ClassVar[str] = "risks"
    prefix: ClassVar[str] = "RSK"
    label: ClassVar[str] = "Risk"
    title_field: ClassVar[str] = "title"
    references: ClassVar[dict[str, str]] = {
        "process_id": "processes",
        "supplier_id": "suppliers",
        "agreement_id": "agreements",
        "service_id": "services",
        "owner": "people",
        "accepted_by": "people",
    }

    title: Name = Field(title="Risk")
    description: LongText = Field(
        default="", title="Description", description="Cause, event and consequence."
    )
    category: ShortText = Field(
        default="", title="Category", description="e.g. supplier, capacity, security."
    )
    area: RiskArea | None = Field(
        default=None,
        title="Area (6.1)",
        description="organisation, service_requirements (not meeting them) or other_parties.",
    )
    customer_impact: LongText = Field(
        default="",
        title="Impact on customers",
        description="What customers would notice if the risk occurred.",
    )
    owner: PersonRef = Field(default=None, title="Risk owner")
    likelihood: Score1to5 = Field(title="Likelihood", description="1 rare .. 5 almost certain.")
    impact: Score1to5 = Field(title="Impact", description="1 negligible .. 5 severe.")
    treatment: RiskTreatment = Field(default=RiskTreatment.MITIGATE, title="Treatment")
    mitigation_actions: list[ListItem] = Field(
        default_factory=list, title="Mitigation actions", description="One action per line."
    )
    residual_likelihood: Score1to5 | None = Field(
        default=None, title="Residual likelihood", description="After treatment, 1-5."
    )
    residual_impact: Score1to5 | None = Field(
        default=None, title="Residual impact", description="After treatment, 1-5."
    )
    accepted_by: PersonRef = Field(
        default=None, title="Accepted by", description="Who accepted the risk (treatment accept)."
    )
    accepted_on: date | None = Field(default=None, title="Accepted on", description="YYYY-MM-DD")
    review_date: date | None = Field(default=None, title="Next review", description="YYYY-MM-DD")
    reviewed_on: date | None = Field(default=None, title="Last reviewed", description="YYYY-MM-DD")
    effectiveness: LongText = Field(
        default="",
        title="Effectiveness of treatment",
        description="At the last review: did the treatment work, and what changes.",
    )
    status: RiskStatus = Field(default=RiskStatus.OPEN, title="Status")
    process_id: RecordId | None = Field(default=None, title="Process")
    supplier_id: RecordId | None = Field(default=None, title="Supplier")
    agreement_id: RecordId | None = Field(default=None, title="Agreement")
    service_id: RecordId | None = Field(default=None, title="Service")

    @model_validator(mode="after")
    def _residual_pair(self) -> Self:
        if (self.residual_likelihood is None) != (self.residual_impact is None):
            raise ValueError("residual likelihood and residual impact are set together")
        residual = self.residual_score
        if residual is not None and residual > self.score:
            raise ValueError(
                f"residual score {residual} is higher than the inherent {self.score}: "
                "treatment cannot make a risk worse"
            )
        return self

    @property
    def score(self) -> int:
        """Inherent score, 1-25."""
        return self.likelihood * self.impact

    @property
    def judged_score(self) -> int:
        """What the acceptance criterion applies to: the residual score, else the inherent."""
        residual = self.residual_score
        return self.score if residual is None else residual

    @property
    def residual_score(self) -> int | None:
        if self.residual_likelihood is None or self.residual_impact is None:
            return None
        return self.residual_likelihood * self.residual_impact
