"""Store and snapshot timings: one supplier update at 1k and 10k documents, `export --demo`.

Each figure is a median, printed beside a floor measured in the same run on the same
machine (shared and noisy machines make absolute numbers meaningless alone):
- update floor: encoding the same database with orjson and writing it to a file with
  fsync, i.e. the least any crash-safe whole-file store must do;
- export floor: starting the same Python and importing tomllib.

    .venv/bin/python -m benchmarks.store_and_export [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from benchmarks.datagen import generate
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store.records import RecordStore


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_update(n: int, runs: int, folder: Path) -> tuple[float, float, int]:
    path = folder / f"store-{n}.json"
    store = RecordStore.open(path, user="bench")
    store.replace_all(generate(n, seed=1), summary="benchmark data")
    supplier = store.dataset().all(Supplier)[0]
    state = {"record": supplier}

    def update() -> None:
        record = state["record"].model_copy()
        record.notes = f"touched {time.perf_counter_ns()}"
        state["record"] = store.update(record)

    raw = orjson.loads(path.read_bytes())
    floor_path = folder / "floor.json"

    def floor() -> None:
        payload = orjson.dumps(raw)
        with open(floor_path, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())

    documents = len(store.dataset())
    return median_ms(update, runs), median_ms(floor, runs), documents


def bench_export(runs: int) -> tuple[float, float]:
    python = sys.executable

    def export() -> None:
        subprocess.run(
            [python, "-m", "itsms_tui", "export", "--demo"], check=True, stdout=subprocess.DEVNULL
        )

    def floor() -> None:
        subprocess.run([python, "-c", "import tomllib"], check=True)

    return median_ms(export, runs), median_ms(floor, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1_000, 10_000):
            update, floor, docs = bench_update(n, args.runs, Path(tmp))
            print(
                f"supplier update, {docs} records: {update:.1f} ms median "
                f"(floor {floor:.1f} ms, ratio {update / floor:.2f})"
            )
    export, floor = bench_export(max(5, args.runs // 3))
    print(
        f"export --demo: {export:.0f} ms median (floor {floor:.0f} ms, ratio {export / floor:.2f})"
    )


if __name__ == "__main__":
    main()
