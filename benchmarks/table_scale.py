"""How RecordTable scales: mount + first paint at 1k/10k/100k rows, filter, sort, cursor moves.

Run: ``.venv/bin/python -m benchmarks.table_scale [--repeat N]``

Each figure is a median over N runs in a headless ``App.run_test`` at 80x24, measured
from the call until the widget has rendered a line again, and is also given as a ratio
to a floor measured the same way in the same run (mounting an empty Static for mounts;
updating a Static for the operations), so results from different machines compare.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from textual.app import App
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from itsms_tui.ui.widgets.record_table import Column, RecordTable

SIZES = (1_000, 10_000, 100_000)
STATUSES = ("proposed", "evaluating", "approved", "active", "under_review", "suspended")


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    name: str
    category: str
    status: str
    review_due: date


def make_rows(count: int) -> list[Row]:
    start = date(2025, 1, 1)
    return [
        Row(
            id=f"SUP-{i:06d}",
            name=f"Supplier {i} {'Hosting' if i % 3 else 'Networks'}",
            category=("Cloud", "Network", "Service desk", "Facilities")[i % 4],
            status=STATUSES[i % len(STATUSES)],
            review_due=start + timedelta(days=(i * 37) % 730),
        )
        for i in range(count)
    ]


COLUMNS: list[Column[Row]] = [
    Column("id", "Id", lambda r: r.id, width=10),
    Column("name", "Name", lambda r: r.name, width=12, flex=2),
    Column("category", "Category", lambda r: r.category, width=12, flex=1),
    Column("status", "Status", lambda r: r.status, width=12),
    Column(
        "due",
        "Review due",
        lambda r: r.review_due.isoformat(),
        width=10,
        sort_key=lambda r: r.review_due,
    ),
]


def row_id(row: Row) -> str:
    return row.id


class TimedTable(RecordTable[Row]):
    """Records when it last rendered a line."""

    rendered_at = 0.0

    def render_line(self, y: int) -> Strip:
        TimedTable.rendered_at = time.perf_counter()
        return super().render_line(y)


class TimedStatic(Static):
    """The floor: the cheapest widget, timed the same way."""

    rendered_at = 0.0

    def render_line(self, y: int) -> Strip:
        TimedStatic.rendered_at = time.perf_counter()
        return super().render_line(y)


class Bench(App[None]):
    pass


async def until_rendered(
    pilot: Pilot[None], cls: type[TimedTable] | type[TimedStatic], t0: float
) -> float:
    """Seconds from ``t0`` until ``cls`` rendered a line after ``t0``."""
    for _ in range(10_000):
        if cls.rendered_at > t0:
            return cls.rendered_at - t0
        await pilot.pause()
    raise RuntimeError("never rendered")


async def time_mount(make: Callable[[], TimedTable | TimedStatic], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        app = Bench()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            t0 = time.perf_counter()
            widget = make()
            await app.mount(widget)
            samples.append(await until_rendered(pilot, type(widget), t0))
    return statistics.median(samples)


async def time_ops(
    pilot: Pilot[None],
    cls: type[TimedTable] | type[TimedStatic],
    ops: list[Callable[[], object]],
) -> float:
    samples = []
    for op in ops:
        await pilot.pause()
        t0 = time.perf_counter()
        result = op()
        if isinstance(result, Awaitable):
            await result
        samples.append(await until_rendered(pilot, cls, t0))
    return statistics.median(samples)


def report(name: str, seconds: float, floor: float) -> None:
    print(f"{name:<46} {seconds * 1000:9.1f} ms  {seconds / floor:7.1f}x floor")


async def main(repeat: int) -> None:
    mount_floor = await time_mount(lambda: TimedStatic("x"), repeat)
    print(f"{'floor: mount an empty Static':<46} {mount_floor * 1000:9.1f} ms")
    for size in SIZES:
        rows = make_rows(size)
        seconds = await time_mount(partial(TimedTable, COLUMNS, row_id, rows), repeat)
        report(f"mount + first paint, {size:,} rows", seconds, mount_floor)

    rows = make_rows(SIZES[-1])
    app = Bench()
    async with app.run_test(size=(80, 24)) as pilot:
        static = TimedStatic("x")
        table = TimedTable(COLUMNS, lambda r: r.id, rows)
        await app.mount(static)
        await app.mount(table)
        table.focus()
        await pilot.pause()
        texts = [f"x{i}" for i in range(repeat * 3)]
        update_floor = await time_ops(
            pilot, TimedStatic, [partial(static.update, t) for t in texts]
        )
        print(f"{'floor: update a Static':<46} {update_floor * 1000:9.1f} ms")
        n = len(rows)

        first = await time_ops(pilot, TimedTable, [lambda: table.set_filter("h")])
        report(f"first filter keystroke, {n:,} rows (cold cache)", first, update_floor)
        typing = ["ho", "hos", "host", "hosti", "hostin", "hosting", "hosting 4"]
        narrow = await time_ops(pilot, TimedTable, [partial(table.set_filter, t) for t in typing])
        report(f"filter keystroke narrowing, {n:,} rows", narrow, update_floor)
        widen = await time_ops(
            pilot, TimedTable, [partial(table.set_filter, t) for t in reversed(typing)]
        )
        report(f"filter keystroke widening (backspace), {n:,}", widen, update_floor)
        clear = await time_ops(pilot, TimedTable, [lambda: table.set_filter("")])
        report(f"clear filter, {n:,} rows", clear, update_floor)

        cold_sort = await time_ops(pilot, TimedTable, [lambda: table.sort_by("name")])
        report(f"first sort on a text column, {n:,} rows", cold_sort, update_floor)
        toggles = await time_ops(
            pilot, TimedTable, [lambda: table.sort_by("name") for _ in range(repeat)]
        )
        report(f"sort toggle (keys cached), {n:,} rows", toggles, update_floor)
        date_sort = await time_ops(pilot, TimedTable, [lambda: table.sort_by("due")])
        report(f"first sort on a date column, {n:,} rows", date_sort, update_floor)

        down = await time_ops(
            pilot, TimedTable, [table.action_cursor_down for _ in range(repeat * 5)]
        )
        report("cursor down (no scroll)", down, update_floor)
        table.action_last()
        await pilot.pause()
        table.action_first()
        pages = await time_ops(
            pilot, TimedTable, [table.action_page_down for _ in range(repeat * 3)]
        )
        report("page down (scrolls)", pages, update_floor)
        end = await time_ops(pilot, TimedTable, [table.action_last, table.action_first] * repeat)
        report("end / home", end, update_floor)
        replace = await time_ops(
            pilot, TimedTable, [lambda: table.set_rows(rows) for _ in range(repeat)]
        )
        report(f"set_rows with sort active, {n:,} rows", replace, update_floor)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    asyncio.run(main(parser.parse_args().repeat))
