"""Clause 8.3 supplier register: suppliers, evaluations, reviews, improvement actions, disputes."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from itsms_tui.domain.enums import (
    ActionStatus,
    Criticality,
    DisputeStatus,
    SelectionDecision,
    SupplierKind,
    SupplierStatus,
)
from itsms_tui.domain.fields import (
    ListItem,
    LongText,
    Name,
    PersonRef,
    RecordId,
    ShortText,
    sod_override_field,
)
from itsms_tui.domain.record import Record


class Contact(BaseModel):
    """A contact point at the supplier; escalation level 0 is day-to-day, 1-3 escalate."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    name: Name = Field(title="Name")
    role: ShortText = Field(default="", title="Role")
    email: ShortText = Field(default="", title="E-mail")
    phone: ShortText = Field(default="", title="Phone")
    escalation_level: int = Field(
        default=0,
        ge=0,
        le=3,
        title="Escalation level",
        description="0 day-to-day, 1-3 escalation steps.",
    )


class Supplier(Record):
    """An external supplier, internal supplier, or customer acting as a supplier."""

    collection: ClassVar[str] = "suppliers"
    prefix: ClassVar[str] = "SUP"
    label: ClassVar[str] = "Supplier"
    references: ClassVar[dict[str, str]] = {
        "relationship_owner": "people",
        "approved_by": "people",
    }

    name: Name = Field(title="Name")
    kind: SupplierKind = Field(default=SupplierKind.EXTERNAL, title="Kind")
    category: ShortText = Field(
        default="", title="Category", description="e.g. Cloud hosting, Network, Service desk."
    )
    services_provided: list[ListItem] = Field(
        default_factory=list, title="Services provided", description="One per line."
    )
    criticality: Criticality = Field(default=Criticality.MEDIUM, title="Criticality tier")
    status: SupplierStatus = Field(default=SupplierStatus.PROPOSED, title="Lifecycle status")
    relationship_owner: PersonRef = Field(
        default=None,
        title="Relationship owner",
        description="Our person accountable for the relationship.",
    )
    contacts: list[Contact] = Field(default_factory=list, title="Contacts and escalation")
    requirements: list[ListItem] = Field(
        default_factory=list,
        title="Identified requirements",
        description="What we need from this supplier; one per line.",
    )
    our_responsibilities: list[ListItem] = Field(
        default_factory=list, title="Our responsibilities", description="One per line."
    )
    supplier_responsibilities: list[ListItem] = Field(
        default_factory=list, title="Supplier responsibilities", description="One per line."
    )
    interfaces: LongText = Field(
        default="",
        title="Interfaces",
        description="How the parties work together: tools, meetings, hand-offs.",
    )
    review_interval_months: int | None = Field(
        default=None,
        ge=1,
        le=60,
        title="Review interval (months)",
        description="Empty: the default for the tier.",
    )
    approved_on: date | None = Field(
        default=None, title="Approved on", description="When the supplier was approved."
    )
    approved_by: PersonRef = Field(
        default=None, title="Approved by", description="Who approved the supplier's selection."
    )
    sod_override: LongText = sod_override_field()
    notes: LongText = Field(default="", title="Notes")
    imported_history: bool = Field(
        default=False,
        title="Imported history",
        description=(
            "Imported with --allow-history although its status lacks the facts of its "
            "approval; set only by that import."
        ),
    )


class Criterion(BaseModel):
    """One weighted evaluation criterion scored 0-5."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    name: Name = Field(title="Criterion")
    weight: float = Field(gt=0, le=100, title="Weight")
    score: float = Field(ge=0, le=5, title="Score (0-5)")


DEFAULT_CRITERIA: tuple[str, ...] = ("capability", "expertise", "reliability", "alignment")


class Evaluation(Record):
    """A weighted evaluation of a supplier with the selection decision and its rationale."""

    collection: ClassVar[str] = "evaluations"
    prefix: ClassVar[str] = "EVL"
    label: ClassVar[str] = "Evaluation"
    title_field: ClassVar[str] = "supplier_id"
    references: ClassVar[dict[str, str]] = {
        "supplier_id": "suppliers",
        "evaluator": "people",
    }

    supplier_id: RecordId = Field(title="Supplier")
    evaluated_on: date = Field(title="Evaluated on", description="YYYY-MM-DD")
    evaluator: PersonRef = Field(default=None, title="Evaluator")
    criteria: list[Criterion] = Field(
        min_length=1,
        title="Criteria",
        description="Capability, expertise, reliability, alignment and your own, each weighted.",
    )
    decision: SelectionDecision = Field(default=SelectionDecision.PENDING, title="Decision")
    rationale: LongText = Field(default="", title="Rationale")
    below_threshold_reason: LongText = Field(
        default="",
        title="Reason for selecting below the threshold",
        description="Needed when a supplier is selected with a criterion unscored or a low score.",
    )

    @model_validator(mode="after")
    def _unique_criteria(self) -> Self:
        names = [c.name.casefold() for c in self.criteria]
        if len(names) != len(set(names)):
            raise ValueError("criteria names must be unique")
        return self


class SupplierReview(Record):
    """A scheduled review meeting with a supplier: minutes and performance summary."""

    collection: ClassVar[str] = "reviews"
    prefix: ClassVar[str] = "REV"
    label: ClassVar[str] = "Review"
    title_field: ClassVar[str] = "supplier_id"
    references: ClassVar[dict[str, str]] = {
        "supplier_id": "suppliers",
        "agreement_id": "agreements",
        "attendees": "people",
    }

    supplier_id: RecordId = Field(title="Supplier")
    agreement_id: RecordId | None = Field(
        default=None, title="Agreement reviewed", description="Set for a contract review."
    )
    held_on: date = Field(title="Held on", description="YYYY-MM-DD")
    attendees: list[RecordId] = Field(
        default_factory=list, title="Attendees", description="The people present; one per line."
    )
    performance_summary: LongText = Field(default="", title="Performance summary")
    minutes: LongText = Field(default="", title="Minutes")


class ImprovementAction(Record):
    """An improvement action from a review, a missed target or a dispute."""

    collection: ClassVar[str] = "actions"
    prefix: ClassVar[str] = "ACN"
    label: ClassVar[str] = "Improvement action"
    title_field: ClassVar[str] = "description"
    references: ClassVar[dict[str, str]] = {
        "review_id": "reviews",
        "supplier_id": "suppliers",
        "agreement_id": "agreements",
        "kpi_id": "kpis",
        "risk_id": "risks",
        "owner": "people",
    }

    description: Name = Field(title="Action")
    owner: PersonRef = Field(default=None, title="Owner")
    due_date: date | None = Field(default=None, title="Due", description="YYYY-MM-DD")
    status: ActionStatus = Field(default=ActionStatus.OPEN, title="Status")
    review_id: RecordId | None = Field(default=None, title="From review")
    supplier_id: RecordId | None = Field(default=None, title="Supplier")
    agreement_id: RecordId | None = Field(default=None, title="Agreement")
    kpi_id: RecordId | None = Field(
        default=None, title="KPI", description="Set when the action answers a missed target."
    )
    completed_on: date | None = Field(default=None, title="Completed on", description="YYYY-MM-DD")
    risk_id: RecordId | None = Field(
        default=None, title="Risk", description="The risk whose mitigation this action is."
    )


class Dispute(Record):
    """A dispute with a supplier, managed to closure."""

    collection: ClassVar[str] = "disputes"
    prefix: ClassVar[str] = "DSP"
    label: ClassVar[str] = "Dispute"
    title_field: ClassVar[str] = "title"
    references: ClassVar[dict[str, str]] = {
        "supplier_id": "suppliers",
        "agreement_id": "agreements",
    }
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("raised_on", "resolved_on"),)

    supplier_id: RecordId = Field(title="Supplier")
    agreement_id: RecordId | None = Field(default=None, title="Agreement")
    title: Name = Field(title="Dispute")
    description: LongText = Field(default="", title="Description")
    raised_on: date = Field(title="Raised on", description="YYYY-MM-DD")
    raised_by: ShortText = Field(default="", title="Raised by")
    status: DisputeStatus = Field(default=DisputeStatus.OPEN, title="Status")
    resolution: LongText = Field(default="", title="Resolution")
    resolved_on: date | None = Field(default=None, title="Resolved on", description="YYYY-MM-DD")
