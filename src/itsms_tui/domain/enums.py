"""Every closed vocabulary of the model, as string enums (their values are the stored form)."""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A closed vocabulary whose members also know how they read on screen.

    ``label`` is the value as words (``not_started`` -> ``not started``) unless a member
    has its own; ``short`` is the narrow-column form (``customer_as_supplier`` -> ``cust``),
    the label when there is none. Every screen takes these, so a word is spelt once.
    """

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " "))

    @property
    def short(self) -> str:
        return _SHORTS.get(self, self.label)


class Criticality(Vocabulary):
    """Supplier tier: drives review intervals and checker severity."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class SupplierKind(Vocabulary):
    EXTERNAL = "external"
    INTERNAL = "internal"
    CUSTOMER_AS_SUPPLIER = "customer_as_supplier"


class SupplierStatus(Vocabulary):
    """Supplier lifecycle (clause 8.3.1): proposed through exited."""

    PROPOSED = "proposed"
    EVALUATING = "evaluating"
    APPROVED = "approved"
    ACTIVE = "active"
    UNDER_REVIEW = "under_review"
    SUSPENDED = "suspended"
    EXITED = "exited"


class SelectionDecision(Vocabulary):
    PENDING = "pending"
    SELECTED = "selected"
    CONDITIONAL = "conditional"
    REJECTED = "rejected"


class AgreementKind(Vocabulary):
    CONTRACT = "contract"
    UNDERPINNING_CONTRACT = "underpinning_contract"
    OLA = "ola"
    CUSTOMER_SLA = "customer_sla"


class AgreementStatus(Vocabulary):
    DRAFT = "draft"
    NEGOTIATION = "negotiation"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class NoticeUnit(Vocabulary):
    """What a notice period counts: days, or calendar months ("3 months' notice")."""

    DAYS = "days"
    MONTHS = "months"


class RenewalDecision(Vocabulary):
    """What was decided before an agreement's cancel-by date."""

    NONE = "none"
    RENEW = "renew"
    RENEGOTIATE = "renegotiate"
    EXIT = "exit"


class DeviationBasis(Vocabulary):
    """Why a weaker supplier target stands: accepted as a risk, or a documented SLA exception."""

    ACCEPTED = "accepted"
    SLA_EXCEPTION = "sla_exception"


class Renewal(Vocabulary):
    """How a term continues: not at all, automatically unless cancelled, or by new signature."""

    NONE = "none"
    TACIT = "tacit"
    EXPRESS = "express"


class Priority(Vocabulary):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class Direction(Vocabulary):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class KpiKind(Vocabulary):
    """What a KPI's target is: a performance target, or an agreement's workload limit."""

    PERFORMANCE = "performance"
    WORKLOAD = "workload"


class Frequency(Vocabulary):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class KpiStatus(Vocabulary):
    """RAG status; GREY means no measurement recent enough to judge."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    GREY = "grey"


class ObjectiveStatus(Vocabulary):
    PLANNED = "planned"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"
    MISSED = "missed"
    CANCELLED = "cancelled"


class ProcessCategory(Vocabulary):
    """The clause 8 process groups of ISO/IEC 20000-1:2018."""

    SERVICE_PORTFOLIO = "service_portfolio"
    RELATIONSHIP_AND_AGREEMENT = "relationship_and_agreement"
    SUPPLY_AND_DEMAND = "supply_and_demand"
    DESIGN_BUILD_TRANSITION = "design_build_transition"
    RESOLUTION_AND_FULFILMENT = "resolution_and_fulfilment"
    SERVICE_ASSURANCE = "service_assurance"
    OPERATION = "operation"


class ActivityStatus(Vocabulary):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"


class ResourceKind(Vocabulary):
    PERSONNEL = "personnel"
    TECHNOLOGY = "technology"
    INFRASTRUCTURE = "infrastructure"
    BUDGET = "budget"
    INFORMATION = "information"


class RiskTreatment(Vocabulary):
    AVOID = "avoid"
    MITIGATE = "mitigate"
    TRANSFER = "transfer"
    ACCEPT = "accept"


class RiskArea(Vocabulary):
    """The three areas clause 6.1 requires risks to be determined for."""

    ORGANISATION = "organisation"
    """Risks to the organisation."""
    SERVICE_REQUIREMENTS = "service_requirements"
    """Not fulfilling the service requirements."""
    OTHER_PARTIES = "other_parties"
    """The involvement of other parties in the service lifecycle."""


class RiskStatus(Vocabulary):
    OPEN = "open"
    TREATING = "treating"
    MONITORING = "monitoring"
    CLOSED = "closed"


class ChangeKind(Vocabulary):
    STANDARD = "standard"
    NORMAL = "normal"
    EMERGENCY = "emergency"
    UNPLANNED = "unplanned"


class ChangeStatus(Vocabulary):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ASSESSED = "assessed"
    APPROVED = "approved"
    REJECTED = "rejected"
    IMPLEMENTED = "implemented"
    REVIEWED = "reviewed"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"


class RiskLevel(Vocabulary):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ActionStatus(Vocabulary):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class DisputeStatus(Vocabulary):
    OPEN = "open"
    IN_NEGOTIATION = "in_negotiation"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"


class ServiceStatus(Vocabulary):
    PIPELINE = "pipeline"
    LIVE = "live"
    RETIRED = "retired"


class AuditAction(Vocabulary):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    RESTORE = "restore"
    MIGRATE = "migrate"


_LABELS: dict[StrEnum, str] = {
    AgreementKind.OLA: "OLA",
    AgreementKind.CUSTOMER_SLA: "customer SLA",
}
_SHORTS: dict[StrEnum, str] = {
    Criticality.CRITICAL: "crit",
    Criticality.MEDIUM: "med",
    SupplierKind.EXTERNAL: "ext",
    SupplierKind.INTERNAL: "int",
    SupplierKind.CUSTOMER_AS_SUPPLIER: "cust",
    AgreementKind.CONTRACT: "CON",
    AgreementKind.UNDERPINNING_CONTRACT: "UC",
    AgreementKind.OLA: "OLA",
    AgreementKind.CUSTOMER_SLA: "SLA",
    AgreementStatus.NEGOTIATION: "negot.",
    AgreementStatus.TERMINATED: "ended",
}
