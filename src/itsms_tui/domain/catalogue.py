"""The service catalogue that agreements, activities and changes refer to."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from itsms_tui.domain.enums import ServiceStatus
from itsms_tui.domain.fields import LongText, Name, PersonRef, RecordId
from itsms_tui.domain.record import Record


class Service(Record):
    """A service in the catalogue: what agreements, processes and changes refer to."""

    collection: ClassVar[str] = "services"
    prefix: ClassVar[str] = "SVC"
    label: ClassVar[str] = "Service"
    references: ClassVar[dict[str, str]] = {
        "owner": "people",
        "customer_ids": "customers",
    }

    name: Name = Field(title="Name", description="Service name as customers know it.")
    description: LongText = Field(default="", title="Description")
    owner: PersonRef = Field(
        default=None, title="Service owner", description="Person accountable for the service."
    )
    status: ServiceStatus = Field(default=ServiceStatus.LIVE, title="Status")
    customer_ids: list[RecordId] = Field(
        default_factory=list,
        title="Customers",
        description="The customers who use the service; one per line.",
    )
