"""Clause 8.3.2 business relationship management: customers, their satisfaction,
their complaints and the service reviews held with them.

Services name the customers who use them (``Service.customer_ids``) and customer SLAs
their customer (``Agreement.customer_id``), so "every customer of a live service" is a
question the checker can answer, and so is "does this customer have an SLA for it".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import ClassVar, Self

from pydantic import Field, model_validator

from itsms_tui.domain.enums import Vocabulary
from itsms_tui.domain.fields import LongText, Name, PersonRef, RecordId, ShortText
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Contact


class CustomerType(Vocabulary):
    EXTERNAL = "external"
    INTERNAL = "internal"


class Customer(Record):
    """A customer of the services: who they are, who manages the relationship, how we talk."""

    collection: ClassVar[str] = "customers"
    prefix: ClassVar[str] = "CUS"
    label: ClassVar[str] = "Customer"
    references: ClassVar[dict[str, str]] = {"relationship_manager": "people"}

    name: Name = Field(title="Name")
    type: CustomerType = Field(default=CustomerType.EXTERNAL, title="Type")
    relationship_manager: PersonRef = Field(
        default=None,
        title="Relationship manager",
        description="Our person accountable for the relationship with this customer.",
    )
    contacts: list[Contact] = Field(default_factory=list, title="Contacts and escalation")
    communication: LongText = Field(
        default="",
        title="Communication arrangements",
        description="Meetings, reports and channels agreed with the customer.",
    )
    notes: LongText = Field(default="", title="Notes")


class SatisfactionMethod(Vocabulary):
    SURVEY = "survey"
    INTERVIEW = "interview"
    MEASUREMENT = "measurement"


DEFAULT_LOW_SATISFACTION = 0.6
"""A score below this share of its scale is low and needs an improvement action."""


class SatisfactionResult(Record):
    """One survey or measurement of a customer's satisfaction, its analysis and actions."""

    collection: ClassVar[str] = "satisfaction"
    prefix: ClassVar[str] = "SAT"
    label: ClassVar[str] = "Satisfaction result"
    title_field: ClassVar[str] = "measured_on"
    references: ClassVar[dict[str, str]] = {
        "customer_id": "customers",
        "service_id": "services",
        "action_ids": "actions",
    }

    customer_id: RecordId = Field(title="Customer")
    service_id: RecordId | None = Field(
        default=None, title="Service", description="Empty: all the customer's services."
    )
    measured_on: date = Field(title="Measured on", description="YYYY-MM-DD")
    method: SatisfactionMethod = Field(default=SatisfactionMethod.SURVEY, title="Method")
    score: float = Field(ge=0, le=1000, allow_inf_nan=False, title="Score")
    scale_max: float = Field(
        default=5, gt=0, le=1000, allow_inf_nan=False, title="Scale (best score)"
    )
    respondents: int | None = Field(default=None, ge=0, le=1_000_000, title="Respondents")
    analysis: LongText = Field(default="", title="Analysis")
    action_ids: list[RecordId] = Field(
        default_factory=list,
        title="Improvement actions",
        description="The actions taken on this result; one per line.",
    )

    @model_validator(mode="after")
    def _score_on_scale(self) -> Self:
        if self.score > self.scale_max:
            raise ValueError(f"score ({self.score:g}) is above the scale ({self.scale_max:g})")
        return self

    @property
    def heading(self) -> str:
        """``Survey 2026-09``: the method and month, so a finding or a picker reads as a
        survey rather than a bare customer id (the customer's name needs the data set)."""
        return f"{self.method.label.capitalize()} {self.measured_on:%Y-%m}"

    @property
    def share(self) -> float:
        """The score as a share of the scale (0-1)."""
        return self.score / self.scale_max


class ComplaintSeverity(Vocabulary):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ComplaintStatus(Vocabulary):
    OPEN = "open"
    INVESTIGATING = "investigating"
    RESOLVED = "resolved"
    CLOSED = "closed"


OPEN_COMPLAINT = frozenset({ComplaintStatus.OPEN, ComplaintStatus.INVESTIGATING})
ESCALATE_SEVERITY = frozenset({ComplaintSeverity.HIGH, ComplaintSeverity.CRITICAL})
"""Complaints of these severities are escalated (``escalated_to``) while open."""

DEFAULT_COMPLAINT_DAYS: Mapping[ComplaintSeverity, int] = {
    ComplaintSeverity.CRITICAL: 5,
    ComplaintSeverity.HIGH: 10,
    ComplaintSeverity.MEDIUM: 20,
    ComplaintSeverity.LOW: 30,
}
"""Days from receipt to the target resolution date, by severity (a checker setting)."""


class Complaint(Record):
    """A customer complaint, owned and managed to closure."""

    collection: ClassVar[str] = "complaints"
    prefix: ClassVar[str] = "CMP"
    label: ClassVar[str] = "Complaint"
    title_field: ClassVar[str] = "title"
    references: ClassVar[dict[str, str]] = {
        "customer_id": "customers",
        "service_id": "services",
        "owner": "people",
        "escalated_to": "people",
    }
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (
        ("received_on", "escalated_on"),
        ("received_on", "resolved_on"),
        ("received_on", "target_on"),
        ("resolved_on", "reported_on"),
    )

    customer_id: RecordId = Field(title="Customer")
    service_id: RecordId | None = Field(default=None, title="Service")
    title: Name = Field(title="Complaint")
    description: LongText = Field(default="", title="Description")
    received_on: date = Field(title="Received on", description="YYYY-MM-DD")
    owner: PersonRef = Field(default=None, title="Owner")
    severity: ComplaintSeverity = Field(default=ComplaintSeverity.MEDIUM, title="Severity")
    target_on: date | None = Field(
        default=None,
        title="Target resolution",
        description="YYYY-MM-DD; empty: from the severity (checker settings).",
    )
    escalation_path: ShortText = Field(
        default="", title="Escalation path", description="e.g. Service owner, then Head of SM."
    )
    escalated_to: PersonRef = Field(default=None, title="Escalated to")
    escalated_on: date | None = Field(default=None, title="Escalated on", description="YYYY-MM-DD")
    status: ComplaintStatus = Field(default=ComplaintStatus.OPEN, title="Status")
    resolution: LongText = Field(default="", title="Resolution")
    resolved_on: date | None = Field(default=None, title="Resolved on", description="YYYY-MM-DD")
    reported_on: date | None = Field(
        default=None,
        title="Reported to customer on",
        description="YYYY-MM-DD: when the customer was told the outcome.",
    )

    @model_validator(mode="after")
    def _closure_facts(self) -> Self:
        if self.status not in OPEN_COMPLAINT:
            missing = [
                name
                for name, absent in (
                    ("a resolution", not self.resolution.strip()),
                    ("the resolved-on date", self.resolved_on is None),
                )
                if absent
            ]
            if self.status is ComplaintStatus.CLOSED and self.reported_on is None:
                missing.append("the date it was reported to the customer")
            if missing:
                raise ValueError(f"a {self.status.value} complaint needs {' and '.join(missing)}")
        if self.escalated_on is not None and not self.escalated_to:
            raise ValueError("escalated_on is set but escalated_to names nobody")
        return self


def complaint_target(complaint: Complaint, days: Mapping[ComplaintSeverity, int]) -> date:
    """The day the complaint should be resolved by: its own target, else by severity."""
    if complaint.target_on is not None:
        return complaint.target_on
    return complaint.received_on + timedelta(days=days[complaint.severity])


def complaint_overdue(
    complaint: Complaint, days: Mapping[ComplaintSeverity, int], today: date
) -> bool:
    """Still open (open or investigating) after its target resolution date."""
    return complaint.status in OPEN_COMPLAINT and complaint_target(complaint, days) < today


class CustomerReview(Record):
    """A service review held with a customer: performance trends, outcomes, actions."""

    collection: ClassVar[str] = "customer_reviews"
    prefix: ClassVar[str] = "CRV"
    label: ClassVar[str] = "Customer review"
    title_field: ClassVar[str] = "held_on"
    references: ClassVar[dict[str, str]] = {
        "customer_id": "customers",
        "attendees": "people",
        "action_ids": "actions",
    }

    customer_id: RecordId = Field(title="Customer")
    held_on: date = Field(title="Held on", description="YYYY-MM-DD")
    attendees: list[RecordId] = Field(
        default_factory=list, title="Attendees", description="The people present; one per line."
    )
    performance_trends: LongText = Field(default="", title="Performance trends")
    outcomes: LongText = Field(default="", title="Outcomes")
    action_ids: list[RecordId] = Field(
        default_factory=list, title="Improvement actions", description="One per line."
    )

    @property
    def heading(self) -> str:
        """``Service review 2026-09-14``: what it is and the day it was held."""
        return f"Service review {self.held_on.isoformat()}"
