"""Clause 8.1 operational plan: objectives, processes, activities, resources, allocations."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field

from itsms_tui.domain.enums import (
    ActivityStatus,
    ObjectiveStatus,
    ProcessCategory,
    ResourceKind,
)
from itsms_tui.domain.fields import ListItem, LongText, Name, PersonRef, RecordId, ShortText
from itsms_tui.domain.record import Record


class Objective(Record):
    """A service management objective (clause 6.2) that the operational plan delivers."""

    collection: ClassVar[str] = "objectives"
    prefix: ClassVar[str] = "OBJ"
    label: ClassVar[str] = "Objective"
    title_field: ClassVar[str] = "title"
    references: ClassVar[dict[str, str]] = {
        "owner": "people",
    }

    title: Name = Field(title="Objective", description="What is to be achieved.")
    description: LongText = Field(default="", title="Description")
    owner: PersonRef = Field(
        default=None, title="Owner", description="Person accountable for the objective."
    )
    due_date: date | None = Field(default=None, title="Due date", description="YYYY-MM-DD")
    evaluation: LongText = Field(
        default="", title="Evaluation of results", description="How and when results are evaluated."
    )
    resources: list[ListItem] = Field(
        default_factory=list,
        title="Resources",
        description="People, budget and tools needed to achieve it; one per line.",
    )
    status: ObjectiveStatus = Field(default=ObjectiveStatus.PLANNED, title="Status")


class Process(Record):
    """A service delivery process with its owner, criteria, controls and evidence."""

    collection: ClassVar[str] = "processes"
    prefix: ClassVar[str] = "PRC"
    label: ClassVar[str] = "Process"
    references: ClassVar[dict[str, str]] = {
        "owner": "people",
    }

    name: Name = Field(title="Name", description="e.g. Incident management.")
    category: ProcessCategory = Field(default=ProcessCategory.OPERATION, title="Process group")
    owner: PersonRef = Field(default=None, title="Process owner")
    purpose: LongText = Field(default="", title="Purpose")
    performance_criteria: list[ListItem] = Field(
        default_factory=list, title="Performance criteria", description="One criterion per line."
    )
    controls: list[ListItem] = Field(
        default_factory=list, title="Controls", description="One control per line."
    )
    resource_requirements: list[ListItem] = Field(
        default_factory=list,
        title="Resource requirements",
        description="People, tools, budget the process needs; one per line.",
    )
    evidence: list[ListItem] = Field(
        default_factory=list,
        title="Evidence",
        description="Documented information references (document ids, links); one per line.",
    )


class Activity(Record):
    """A planned activity of a process, with RACI, dates and status; may be outsourced."""

    collection: ClassVar[str] = "activities"
    prefix: ClassVar[str] = "ACT"
    label: ClassVar[str] = "Activity"
    references: ClassVar[dict[str, str]] = {
        "process_id": "processes",
        "supplier_id": "suppliers",
        "agreement_id": "agreements",
        "responsible": "people",
        "accountable": "people",
    }
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("start_date", "due_date"),)

    process_id: RecordId = Field(
        title="Process", description="The process this activity belongs to."
    )
    name: Name = Field(title="Activity")
    responsible: PersonRef = Field(
        default=None, title="Responsible (R)", description="Who does the work."
    )
    accountable: PersonRef = Field(
        default=None, title="Accountable (A)", description="Who answers for the result."
    )
    consulted: list[ListItem] = Field(
        default_factory=list, title="Consulted (C)", description="One per line."
    )
    informed: list[ListItem] = Field(
        default_factory=list, title="Informed (I)", description="One per line."
    )
    start_date: date | None = Field(default=None, title="Start", description="YYYY-MM-DD")
    due_date: date | None = Field(default=None, title="Due", description="YYYY-MM-DD")
    status: ActivityStatus = Field(default=ActivityStatus.NOT_STARTED, title="Status")
    supplier_id: RecordId | None = Field(
        default=None,
        title="Outsourced to",
        description="Supplier performing the activity, if outsourced.",
    )
    agreement_id: RecordId | None = Field(
        default=None,
        title="Covering agreement",
        description="Agreement that covers the outsourced activity.",
    )


class Resource(Record):
    """A resource (people, technology, infrastructure, budget) with a capacity."""

    collection: ClassVar[str] = "resources"
    prefix: ClassVar[str] = "RES"
    label: ClassVar[str] = "Resource"
    references: ClassVar[dict[str, str]] = {
        "owner": "people",
    }

    name: Name = Field(title="Name")
    kind: ResourceKind = Field(default=ResourceKind.PERSONNEL, title="Kind")
    capacity: float = Field(
        gt=0, le=1e12, title="Capacity", description="Available amount, in the unit below."
    )
    unit: ShortText = Field(
        default="FTE", title="Unit", description="e.g. FTE, hours/month, EUR, TB."
    )
    owner: PersonRef = Field(default=None, title="Owner")
    description: LongText = Field(default="", title="Description")


class Allocation(Record):
    """Part of a resource's capacity allocated to a process (or one of its activities)."""

    collection: ClassVar[str] = "allocations"
    prefix: ClassVar[str] = "ALC"
    label: ClassVar[str] = "Allocation"
    title_field: ClassVar[str] = "resource_id"
    references: ClassVar[dict[str, str]] = {
        "resource_id": "resources",
        "process_id": "processes",
        "activity_id": "activities",
    }
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("start_date", "end_date"),)

    resource_id: RecordId = Field(title="Resource")
    process_id: RecordId = Field(title="Process")
    activity_id: RecordId | None = Field(
        default=None, title="Activity", description="Optional: the activity within the process."
    )
    amount: float = Field(gt=0, le=1e12, title="Amount", description="In the resource's unit.")
    start_date: date | None = Field(default=None, title="From", description="YYYY-MM-DD")
    end_date: date | None = Field(default=None, title="Until", description="YYYY-MM-DD")
    note: ShortText = Field(default="", title="Note")
