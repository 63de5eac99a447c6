"""Every closed vocabulary of the model, as string enums (their values are the stored form)."""

from __future__ import annotations

from enum import StrEnum


class Criticality(StrEnum):
    """Supplier tier: drives review intervals and checker severity."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class SupplierKind(StrEnum):
    EXTERNAL = "external"
    INTERNAL = "internal"
    CUSTOMER_AS_SUPPLIER = "customer_as_supplier"


class SupplierStatus(StrEnum):
    """Supplier lifecycle (clause 8.3.1): proposed through exited."""

    PROPOSED = "proposed"
    EVALUATING = "evaluating"
    APPROVED = "approved"
    ACTIVE = "active"
    UNDER_REVIEW = "under_review"
    SUSPENDED = "suspended"
    EXITED = "exited"


class SelectionDecision(StrEnum):
    PENDING = "pending"
    SELECTED = "selected"
    CONDITIONAL = "conditional"
    REJECTED = "rejected"


class AgreementKind(StrEnum):
    CONTRACT = "contract"
    UNDERPINNING_CONTRACT = "underpinning_contract"
    OLA = "ola"
    CUSTOMER_SLA = "customer_sla"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    NEGOTIATION = "negotiation"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class Renewal(StrEnum):
    """How a term continues: not at all, automatically unless cancelled, or by new signature."""

    NONE = "none"
    TACIT = "tacit"
    EXPRESS = "express"


class Priority(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class KpiStatus(StrEnum):
    """RAG status; GREY means no measurement recent enough to judge."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    GREY = "grey"


class ObjectiveStatus(StrEnum):
    PLANNED = "planned"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"
    MISSED = "missed"
    CANCELLED = "cancelled"


class ProcessCategory(StrEnum):
    """The clause 8 process groups of ISO/IEC 20000-1:2018."""

    SERVICE_PORTFOLIO = "service_portfolio"
    RELATIONSHIP_AND_AGREEMENT = "relationship_and_agreement"
    SUPPLY_AND_DEMAND = "supply_and_demand"
    DESIGN_BUILD_TRANSITION = "design_build_transition"
    RESOLUTION_AND_FULFILMENT = "resolution_and_fulfilment"
    SERVICE_ASSURANCE = "service_assurance"
    OPERATION = "operation"


class ActivityStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"


class ResourceKind(StrEnum):
    PERSONNEL = "personnel"
    TECHNOLOGY = "technology"
    INFRASTRUCTURE = "infrastructure"
    BUDGET = "budget"
    INFORMATION = "information"


class RiskTreatment(StrEnum):
    AVOID = "avoid"
    MITIGATE = "mitigate"
    TRANSFER = "transfer"
    ACCEPT = "accept"


class RiskStatus(StrEnum):
    OPEN = "open"
    TREATING = "treating"
    MONITORING = "monitoring"
    CLOSED = "closed"


class ChangeKind(StrEnum):
    STANDARD = "standard"
    NORMAL = "normal"
    EMERGENCY = "emergency"
    UNPLANNED = "unplanned"


class ChangeStatus(StrEnum):
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


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class DisputeStatus(StrEnum):
    OPEN = "open"
    IN_NEGOTIATION = "in_negotiation"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"


class ServiceStatus(StrEnum):
    PIPELINE = "pipeline"
    LIVE = "live"
    RETIRED = "retired"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    RESTORE = "restore"
