"""How long the clause checker takes on a generated data set, and whether it scales linearly.

    .venv/bin/python -m benchmarks.check_scale [n_records ...]    (default: 10000)

For each size: the median of several ``run_checks`` runs (all rules, default settings),
each on a fresh DataSet so the lazily built reverse-reference index is paid every time, as
in a real ``itsms-tui check``. The floor is one pass over the same DataSet (iterating every
record once, in id order), measured in the same run, so the ratio does not depend on the
machine. The slowest rules are listed to spot one that scans another collection per record.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from benchmarks.datagen import TODAY, generate
from itsms_tui.compliance.engine import RULES, run_checks
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Supplier

RUNS = 5


def _median(fn: Callable[[], object], setup: Callable[[], None] = lambda: None) -> float:
    times: list[float] = []
    for _ in range(RUNS):
        setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(n_records: int, today: date) -> None:
    records: list[Record] = list(generate(n_records, seed=1))
    settings = CheckSettings()
    holder: list[DataSet] = [DataSet(records)]

    def fresh() -> None:
        holder[0] = DataSet(records)

    floor = _median(lambda: sum(1 for _ in holder[0]), fresh)
    index = _median(lambda: holder[0].referring("SUP-0001", Supplier), fresh)
    total = _median(lambda: run_checks(holder[0], settings, today), fresh)
    findings = run_checks(DataSet(records), settings, today)
    errors = sum(f.is_error for f in findings)
    print(
        f"{len(records):>7} records: run_checks {total * 1000:8.1f} ms (median of {RUNS}); "
        f"floor (one pass) {floor * 1000:6.1f} ms; ratio {total / floor:5.1f}x; "
        f"{len(findings)} findings ({errors} errors)"
    )
    print(f"         of which building the reverse-reference index: {index * 1000:.1f} ms")
    data = DataSet(records)
    run_checks(data, settings, today, [RULES[0].id])  # reverse index built once
    per_rule = sorted(
        ((_median(partial(rule.run, data, settings, today)), rule.id) for rule in RULES),
        reverse=True,
    )
    slowest = ", ".join(f"{rid} {t * 1000:.1f} ms" for t, rid in per_rule[:5])
    print(f"         slowest rules (index built): {slowest}")


def main(argv: Sequence[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000]
    for n in sizes:
        measure(n, TODAY)


if __name__ == "__main__":
    main(sys.argv[1:])
