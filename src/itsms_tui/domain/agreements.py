"""Agreements of the four kinds (contract, underpinning contract, OLA, customer SLA) and amendments."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    DeviationBasis,
    Direction,
    NoticeUnit,
    Priority,
    Renewal,
    RenewalDecision,
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


class ServiceTarget(BaseModel):
    """A service level target such as availability >= 99.9 %."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    metric: Name = Field(title="Metric", description="e.g. availability, first-time fix rate.")
    target: float = Field(ge=-1e12, le=1e12, title="Target")
    unit: ShortText = Field(default="%", title="Unit")
    direction: Direction = Field(default=Direction.HIGHER_IS_BETTER, title="Direction")


class PriorityTimes(BaseModel):
    """Response and resolution times (minutes) for one incident priority."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    unique_field: ClassVar[str] = "priority"
    """One row per priority: a new row starts at the first priority not used yet."""

    priority: Priority = Field(title="Priority")
    response_minutes: int = Field(ge=0, le=525_600, title="Response (min)")
    resolution_minutes: int = Field(ge=0, le=5_256_000, title="Resolution (min)")

    @model_validator(mode="after")
    def _resolution_after_response(self) -> Self:
        if self.resolution_minutes < self.response_minutes:
            raise ValueError("resolution time cannot be shorter than response time")
        return self


class AcceptedDeviation(BaseModel):
    """On a customer SLA: an underpinning agreement's target weaker than the SLA's, accepted.

    Either accepted as a risk (by a person with authority, on a day, with the risk that
    records it and a date to review the acceptance) or allowed by one of the SLA's own
    documented exceptions (``exception`` repeats it). The checker judges whether it holds.
    """

    model_config = ConfigDict(extra="forbid")

    agreement_id: RecordId = Field(title="Agreement", description="The underpinning agreement.")
    metric: ShortText = Field(
        default="",
        title="Target",
        description="The SLA's target as the matrix names it (Availability, P1 response); "
        "empty: every weaker target of that agreement.",
    )
    basis: DeviationBasis = Field(default=DeviationBasis.ACCEPTED, title="Basis")
    accepted_by: PersonRef = Field(default=None, title="Accepted by")
    accepted_on: date | None = Field(default=None, title="Accepted on")
    risk_id: RecordId | None = Field(default=None, title="Risk")
    review_on: date | None = Field(default=None, title="Review on")
    exception: ShortText = Field(
        default="", title="SLA exception", description="The SLA exception that allows it."
    )
    reason: LongText = Field(default="", title="Reason")


SUPPLIER_SIDE_KINDS: frozenset[AgreementKind] = frozenset(
    {AgreementKind.CONTRACT, AgreementKind.UNDERPINNING_CONTRACT, AgreementKind.OLA}
)


class Agreement(Record):
    """An agreement with a supplier (contract, UC, OLA) or a customer (SLA)."""

    collection: ClassVar[str] = "agreements"
    prefix: ClassVar[str] = "AGR"
    label: ClassVar[str] = "Agreement"
    title_field: ClassVar[str] = "title"
    references: ClassVar[dict[str, str]] = {
        "supplier_id": "suppliers",
        "customer_id": "customers",
        "service_ids": "services",
        "underpinning_ids": "agreements",
        "owner": "people",
        "decided_by": "people",
    }
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("start_date", "end_date"),)

    title: Name = Field(title="Title")
    kind: AgreementKind = Field(default=AgreementKind.CONTRACT, title="Kind")
    status: AgreementStatus = Field(default=AgreementStatus.DRAFT, title="Status")
    supplier_id: RecordId | None = Field(
        default=None, title="Supplier", description="The supplier party (contracts, UCs and OLAs)."
    )
    customer_id: RecordId | None = Field(
        default=None, title="Customer", description="The customer party (customer SLAs)."
    )
    service_ids: list[RecordId] = Field(
        default_factory=list, title="Services", description="Services the agreement covers."
    )
    underpinning_ids: list[RecordId] = Field(
        default_factory=list,
        title="Underpinned by",
        description="For a customer SLA: the contracts and OLAs that support it.",
    )
    owner: PersonRef = Field(
        default=None,
        title="Agreement owner",
        description="Our person accountable for the agreement.",
    )
    scope: LongText = Field(default="", title="Scope")
    requirements: list[ListItem] = Field(
        default_factory=list, title="Requirements", description="One per line."
    )
    targets: list[ServiceTarget] = Field(default_factory=list, title="Service level targets")
    priority_times: list[PriorityTimes] = Field(
        default_factory=list, title="Response and resolution times"
    )
    quality_standards: list[ListItem] = Field(
        default_factory=list,
        title="Quality standards",
        description="e.g. ISO/IEC 27001; one per line.",
    )
    conditions: list[ListItem] = Field(
        default_factory=list, title="Conditions", description="One per line."
    )
    accepted_deviations: list[AcceptedDeviation] = Field(
        default_factory=list,
        title="Accepted deviations",
        description="For a customer SLA: underpinning targets weaker than its own, accepted.",
    )
    workload_limits: list[ListItem] = Field(
        default_factory=list,
        title="Workload limits",
        description="e.g. max 500 tickets/month; one per line.",
    )
    exceptions: list[ListItem] = Field(
        default_factory=list, title="Exceptions", description="One per line."
    )
    authorities: list[ListItem] = Field(
        default_factory=list,
        title="Authorities",
        description="Who may decide what, on either side; one per line.",
    )
    our_responsibilities: list[ListItem] = Field(
        default_factory=list, title="Our responsibilities", description="One per line."
    )
    their_responsibilities: list[ListItem] = Field(
        default_factory=list, title="Other party's responsibilities", description="One per line."
    )
    start_date: date | None = Field(
        default=None, title="Start", description="YYYY-MM-DD: first day of the initial term."
    )
    end_date: date | None = Field(
        default=None,
        title="End of initial term",
        description="YYYY-MM-DD: last day of the initial term.",
    )
    renewal: Renewal = Field(
        default=Renewal.NONE,
        title="Renewal",
        description="tacit: renews unless cancelled; express: only by new signature.",
    )
    renewal_months: int | None = Field(default=None, ge=1, le=120, title="Renewal period (months)")
    notice_days: int | None = Field(
        default=None,
        ge=0,
        le=3650,
        title="Notice period",
        description="Cancellation notice before the end of a term, in the notice unit.",
    )
    notice_unit: NoticeUnit = Field(
        default=NoticeUnit.DAYS,
        title="Notice unit",
        description='days, or calendar months ("3 months\' notice").',
    )
    notice_given_on: date | None = Field(
        default=None,
        title="Notice given on",
        description="YYYY-MM-DD: when notice to end the agreement was given.",
    )
    renewal_decision: RenewalDecision = Field(
        default=RenewalDecision.NONE,
        title="Renewal decision",
        description="renew, renegotiate or exit, decided before the cancel-by date.",
    )
    decided_by: PersonRef = Field(default=None, title="Decided by")
    decided_on: date | None = Field(default=None, title="Decided on", description="YYYY-MM-DD")
    value: float | None = Field(default=None, ge=0, le=1e13, title="Annual value")
    currency: ShortText = Field(default="EUR", title="Currency")
    review_interval_months: int | None = Field(
        default=None, ge=1, le=60, title="Review interval (months)"
    )
    signed_on: date | None = Field(default=None, title="Signed on", description="YYYY-MM-DD")
    end_reason: LongText = Field(
        default="",
        title="Why it ended",
        description="For an expired or terminated agreement: why, and what replaces it.",
    )
    not_underpinning_reason: LongText = Field(
        default="",
        title="Why it underpins no SLA",
        description=(
            "For a contract or OLA on a service a customer SLA commits to but that SLA does "
            "not list: why its targets need not support the SLA (e.g. a licence)."
        ),
    )

    @model_validator(mode="after")
    def _party_and_term(self) -> Self:
        if self.kind is AgreementKind.CUSTOMER_SLA:
            if self.supplier_id:
                raise ValueError("a customer SLA names a customer, not a supplier")
        elif self.underpinning_ids:
            raise ValueError("only a customer SLA is underpinned by other agreements")
        elif self.accepted_deviations:
            raise ValueError("only a customer SLA accepts deviations of the agreements under it")
        if self.renewal is Renewal.TACIT and self.renewal_months is None:
            raise ValueError("tacit renewal needs a renewal period (months)")
        priorities = [p.priority for p in self.priority_times]
        if len(priorities) != len(set(priorities)):
            raise ValueError("each priority may have one row of response and resolution times")
        return self

    @property
    def party(self) -> str:
        """The other party: supplier id or customer id."""
        party = self.customer_id if self.kind is AgreementKind.CUSTOMER_SLA else self.supplier_id
        return party or ""


class Amendment(Record):
    """A change to an agreement, with its impact assessment."""

    collection: ClassVar[str] = "amendments"
    prefix: ClassVar[str] = "AMD"
    label: ClassVar[str] = "Amendment"
    title_field: ClassVar[str] = "title"
    references: ClassVar[dict[str, str]] = {
        "agreement_id": "agreements",
        "author": "people",
        "approved_by": "people",
    }

    agreement_id: RecordId = Field(title="Agreement")
    title: Name = Field(title="Amendment")
    description: LongText = Field(default="", title="Description")
    effective_on: date | None = Field(default=None, title="Effective on", description="YYYY-MM-DD")
    impact_assessment: LongText = Field(
        default="",
        title="Impact assessment",
        description="Effect on services, targets, cost and risk.",
    )
    author: PersonRef = Field(
        default=None, title="Author", description="Who drafted the amendment."
    )
    approved_by: PersonRef = Field(default=None, title="Approved by")
    approved_on: date | None = Field(default=None, title="Approved on", description="YYYY-MM-DD")
    sod_override: LongText = sod_override_field()
