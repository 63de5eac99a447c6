"""Resource utilisation and over-allocation."""

from __future__ import annotations

from datetime import date

import pytest

from itsms_tui.domain.capacity import allocation_active_on, resource_load, resource_loads
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.plan import Allocation, Resource

_counter = iter(range(1, 100_000))


def engineers(capacity: float = 2.0, resource_id: str = "RES-0001") -> Resource:
    return Resource(id=resource_id, name="Network engineers", capacity=capacity)


def allocate(
    amount: float,
    start: date | None = None,
    end: date | None = None,
    resource_id: str = "RES-0001",
) -> Allocation:
    return Allocation(
        id=f"ALC-{next(_counter):04d}",
        resource_id=resource_id,
        process_id="PRC-0001",
        amount=amount,
        start_date=start,
        end_date=end,
    )


def test_allocation_dates_are_inclusive_and_unset_sides_are_open() -> None:
    q1 = allocate(1, date(2024, 1, 1), date(2024, 3, 31))
    assert allocation_active_on(q1, date(2024, 1, 1))
    assert allocation_active_on(q1, date(2024, 3, 31))
    assert not allocation_active_on(q1, date(2024, 4, 1))
    assert not allocation_active_on(q1, date(2023, 12, 31))
    from_april = allocate(1, start=date(2024, 4, 1))
    assert allocation_active_on(from_april, date(2099, 1, 1))
    assert not allocation_active_on(from_april, date(2024, 3, 31))
    assert allocation_active_on(allocate(1), date(1990, 1, 1))
    assert allocation_active_on(q1, None)


def test_load_on_a_day_counts_only_overlapping_allocations() -> None:
    allocations = [
        allocate(1.0, date(2024, 1, 1), date(2024, 6, 30)),
        allocate(1.5, date(2024, 6, 1), None),
        allocate(0.5, resource_id="RES-0002"),
    ]
    june = resource_load(engineers(), allocations, date(2024, 6, 15))
    assert june.allocated == pytest.approx(2.5)
    assert june.percent == pytest.approx(125.0)
    assert june.over_allocated
    assert june.available == pytest.approx(-0.5)
    assert june.allocation_ids == (allocations[0].id, allocations[1].id)
    july = resource_load(engineers(), allocations, date(2024, 7, 1))
    assert (july.allocated, july.over_allocated) == (1.5, False)


def test_without_a_day_every_allocation_counts() -> None:
    allocations = [allocate(1.0, date(2020, 1, 1), date(2020, 12, 31)), allocate(1.0)]
    load = resource_load(engineers(), allocations)
    assert load.allocated == 2.0
    assert load.percent == pytest.approx(100.0)
    assert not load.over_allocated


def test_fractions_that_add_up_to_capacity_are_full_not_over() -> None:
    load = resource_load(engineers(0.3), [allocate(0.1), allocate(0.2)])
    assert not load.over_allocated
    assert resource_load(engineers(0.3), [allocate(0.1), allocate(0.21)]).over_allocated


def test_unallocated_resource_is_at_zero() -> None:
    load = resource_load(engineers(), [])
    assert (load.allocated, load.percent, load.over_allocated, load.allocation_ids) == (
        0.0,
        0.0,
        False,
        (),
    )


def test_loads_for_every_resource_of_a_dataset() -> None:
    data = DataSet(
        [
            engineers(1.0),
            engineers(10.0, resource_id="RES-0002"),
            allocate(2.0),
            allocate(3.0, resource_id="RES-0002"),
        ]
    )
    loads = resource_loads(data)
    assert [(x.resource_id, x.over_allocated) for x in loads] == [
        ("RES-0001", True),
        ("RES-0002", False),
    ]
