"""Resource utilisation: what is allocated against each resource's capacity.

- On a given day, an allocation counts when the day lies within its dates (inclusive);
  an unset start or end leaves that side open. With no day given, every allocation counts.
- A resource is over-allocated when the allocated total exceeds its capacity. Totals are
  summed exactly (``math.fsum``) and compared with a relative tolerance of 1e-9, so
  0.1 + 0.2 FTE against 0.3 FTE is full, not over.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.plan import Allocation, Resource

_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class ResourceLoad:
    """A resource's allocated total against its capacity."""

    resource_id: str
    capacity: float
    unit: str
    allocated: float
    allocation_ids: tuple[str, ...]
    """The allocations counted, in id order."""

    @property
    def percent(self) -> float:
        """Allocated as a percentage of capacity (over 100 when over-allocated)."""
        return self.allocated / self.capacity * 100.0 if self.capacity > 0 else 0.0

    @property
    def over_allocated(self) -> bool:
        return self.allocated > self.capacity * (1 + _TOLERANCE)

    @property
    def available(self) -> float:
        """Capacity left (negative when over-allocated)."""
        return self.capacity - self.allocated


def allocation_active_on(allocation: Allocation, on: date | None) -> bool:
    """Whether the allocation counts on ``on`` (always when ``on`` is None)."""
    if on is None:
        return True
    if allocation.start_date is not None and on < allocation.start_date:
        return False
    return allocation.end_date is None or on <= allocation.end_date


def resource_load(
    resource: Resource, allocations: Iterable[Allocation], on: date | None = None
) -> ResourceLoad:
    """The resource's load on ``on`` (or overall); allocations to other resources are ignored."""
    counted = sorted(
        (a for a in allocations if a.resource_id == resource.id and allocation_active_on(a, on)),
        key=lambda a: (len(a.id), a.id),
    )
    return ResourceLoad(
        resource_id=resource.id,
        capacity=resource.capacity,
        unit=resource.unit,
        allocated=math.fsum(a.amount for a in counted),
        allocation_ids=tuple(a.id for a in counted),
    )


def resource_loads(data: DataSet, on: date | None = None) -> list[ResourceLoad]:
    """Every resource's load, in resource id order."""
    by_resource: dict[str, list[Allocation]] = defaultdict(list)
    for a in data.all(Allocation):
        by_resource[a.resource_id].append(a)
    return [resource_load(r, by_resource.get(r.id, []), on) for r in data.all(Resource)]
