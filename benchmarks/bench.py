"""`make bench`: the store, snapshot and checker scenarios at three scales, with floors.

    .venv/bin/python -m benchmarks.bench [--scales demo,50k,200k] [--json bench.json]

For each scale a data set is generated (``datagen``) and saved through the real store,
then every scenario is timed and printed as a median beside a floor measured in the
same run on the same machine, and their ratio (a shared, busy machine makes absolute
figures meaningless alone; the load average is printed with them):

- store update: one supplier update through ``RecordStore`` (audit entry, fsync
  included); floor: appending and fsyncing as many bytes as the save added on disk.
- 8 writers: eight processes updating suppliers at once; p50/p99 of a save, lock
  timeouts counted.
- export / import, at the 50k scale only: the CLI commands, whole process; floor: a
  Python process doing ``tomli_w.dumps(tomllib.loads(...))`` of the same snapshot (the
  in-process dumps and loads times are in the JSON too).
- check: ``itsms-tui check``, whole process.
- load: opening the store and building the validated data set, in a fresh process,
  with that process's peak RSS.

- first frame: the TUI started in a real terminal (tmux, ``benchmarks.terminal``) until
  the shell is painted ("Needs attention today"), until the records are on screen (the
  overview's counts) and until the overview's attention list is filled (its title's
  item count); floor: a bare Textual app started the same way. Skipped, and said so,
  without tmux.

- the TUI scenarios (``benchmarks.ui_scenarios``, in a pseudo-terminal beside a bare
  Textual app): every register browsable, keystroke latency and bytes per key in the
  supplier register, a KPI's measurements and the KPI board, peak RSS after visiting
  every screen, a save in the TUI (floor: the store's own save of the same change),
  another session's save visible (and the keys' freeze meanwhile), idle CPU.

The largest scale uses fewer runs and key presses (``runs_for``); the table says how many.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from benchmarks import terminal, ui_scenarios
from benchmarks.datagen import generate
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store.errors import StoreBusyError
from itsms_tui.store.records import RecordStore

SCALES = {"demo": 540, "1k": 1_000, "50k": 50_000, "200k": 200_000}
CLI = [sys.executable, "-m", "itsms_tui"]


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def on_disk(path: Path) -> int:
    """Bytes of the data file and its journal."""
    journal = path.with_name(path.name + ".journal")
    return path.stat().st_size + (journal.stat().st_size if journal.exists() else 0)


def make_data(n: int, folder: Path) -> Path:
    path = folder / f"data-{n}.json"
    store = RecordStore.open(path, user="bench")
    store.replace_all(generate(n, seed=1), summary="benchmark data")
    store.close()
    return path


def bench_update(path: Path, runs: int, folder: Path) -> dict[str, float]:
    store = RecordStore.open(path, user="bench")
    supplier = store.dataset().all(Supplier)[0]
    saves: list[float] = []
    grew: list[int] = []
    for i in range(runs):
        record = supplier.model_copy(update={"notes": f"touched {i} {time.time_ns()}"})
        before = on_disk(path)
        start = time.perf_counter()
        supplier = store.update(record)
        saves.append(time.perf_counter() - start)
        grew.append(max(on_disk(path) - before, 1))
    store.close()
    change = int(median([float(g) for g in grew]))
    floor_path = folder / "floor.bin"
    payload = b"x" * change
    floors: list[float] = []
    with open(floor_path, "ab") as handle:
        for _ in range(runs):
            start = time.perf_counter()
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
            floors.append(time.perf_counter() - start)
    return {
        "median_ms": median(saves) * 1000,
        "floor_ms": median(floors) * 1000,
        "change_bytes": change,
    }


def _writer(path: str, index: int, saves: int, start: Any, out: Any) -> None:
    store = RecordStore.open(Path(path), user=f"w{index}")
    suppliers = store.dataset().all(Supplier)
    mine = suppliers[index % len(suppliers)]
    times: list[float] = []
    timeouts = 0
    start.wait()
    for i in range(saves):
        current = store.get(Supplier, mine.id)
        record = current.model_copy(update={"notes": f"writer {index} save {i}"})
        began = time.perf_counter()
        try:
            store.update(record)
        except StoreBusyError:
            timeouts += 1
        times.append(time.perf_counter() - began)
    out.send((times, timeouts))


def bench_writers(path: Path, writers: int = 8, saves: int = 10) -> dict[str, float]:
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    pipes = []
    procs = []
    for index in range(writers):
        receiver, sender = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_writer, args=(str(path), index, saves, start, sender))
        proc.start()
        pipes.append(receiver)
        procs.append(proc)
    time.sleep(0.5)
    start.set()
    times: list[float] = []
    timeouts = 0
    for receiver, proc in zip(pipes, procs, strict=True):
        got, busy = receiver.recv()
        times.extend(got)
        timeouts += busy
        proc.join()
    return {
        "p50_ms": percentile(times, 0.5) * 1000,
        "p99_ms": percentile(times, 0.99) * 1000,
        "lock_timeouts": timeouts,
    }


def run_cli(args: list[str], ok: tuple[int, ...] = (0, 1)) -> float:
    """Wall time of one CLI run; a failure (not just findings) stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run([*CLI, *args], stdout=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok:
        raise SystemExit(f"itsms-tui {' '.join(args)} exited {done.returncode}")
    return elapsed


def bench_exchange(path: Path, folder: Path, runs: int) -> dict[str, float]:
    """Export, the TOML floor process and import, in turn within each run (a busy shared
    machine then slows all three alike); ratios are medians of the per-run ratios."""
    snapshot = folder / f"{path.stem}.toml"
    run_cli(["export", "--data", str(path), "-o", str(snapshot)])  # the floor's input
    text = snapshot.read_text(encoding="utf-8")
    parsed = tomllib.loads(text)
    dumps = [timed(lambda: tomli_w.dumps(parsed)) for _ in range(runs)]
    loads = [timed(lambda: tomllib.loads(text)) for _ in range(runs)]
    exports: list[float] = []
    toml_process: list[float] = []
    imports: list[float] = []
    for i in range(runs):
        exports.append(run_cli(["export", "--data", str(path), "-o", str(snapshot)]))
        # The least a whole process turning this data into TOML and back must do.
        toml_process.append(
            timed(
                lambda: subprocess.run(
                    [sys.executable, "-c", TOML_PROBE, str(snapshot)], check=True
                )
            )
        )
        target = folder / f"imported-{path.stem}-{i}.json"
        imports.append(run_cli(["import", "--data", str(target), str(snapshot)]))
        target.unlink(missing_ok=True)
    return {
        "export_ms": median(exports) * 1000,
        "export_floor_ms": median(dumps) * 1000,
        "import_ms": median(imports) * 1000,
        "import_floor_ms": median(loads) * 1000,
        "toml_process_floor_ms": median(toml_process) * 1000,
        "export_ratio": median([e / f for e, f in zip(exports, toml_process, strict=True)]),
        "import_ratio": median([m / f for m, f in zip(imports, toml_process, strict=True)]),
    }


TOML_PROBE = """
import sys, tomllib, tomli_w
tomli_w.dumps(tomllib.loads(open(sys.argv[1], encoding="utf-8").read()))
"""

# Peak RSS from VmHWM: getrusage's ru_maxrss survives exec, so a child would report
# this (large) benchmark process's peak instead of its own.
HWM = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"

LOAD_PROBE = f"""
import sys, time
start = time.perf_counter()
from itsms_tui.store.records import RecordStore
store = RecordStore.open(__import__("pathlib").Path(sys.argv[1]), read_only=True)
store.dataset()
print(time.perf_counter() - start, {HWM})
"""

FLOOR_PROBE = f"print(0, {HWM})"


def bench_load(path: Path, runs: int) -> dict[str, float]:
    def probe(code: str, *args: str) -> tuple[float, float]:
        out = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
        ).stdout.split()
        return float(out[0]), float(out[1]) / 1024

    loads = [probe(LOAD_PROBE, str(path)) for _ in range(runs)]
    bare = probe(FLOOR_PROBE)
    checks = [run_cli(["check", "--data", str(path), "--read-only"]) for _ in range(runs)]
    python = [timed(lambda: subprocess.run([sys.executable, "-c", "pass"])) for _ in range(runs)]
    return {
        "load_ms": median([t for t, _ in loads]) * 1000,
        "peak_rss_mb": max(r for _, r in loads),
        "bare_python_rss_mb": bare[1],
        "check_ms": median(checks) * 1000,
        "bare_python_ms": median(python) * 1000,
    }


SHELL_MARKER = "Needs attention today"
"""On the overview from its first frame, before any record is loaded."""
LOADED_MARKER = "evaluations,"
"""In the overview's counts, which show once the records are loaded."""
ATTENTION_MARKER = "item(s) in"
"""In the attention list's title once the list is filled ("1322 item(s) in 28 topics")."""


def bench_first_frame(path: Path, runs: int) -> dict[str, float] | None:
    """The TUI's first frame and its records on screen, beside a bare Textual app."""
    if not terminal.available():
        return None
    command = [*CLI, "--data", str(path), "--read-only"]
    markers = [SHELL_MARKER, LOADED_MARKER, ATTENTION_MARKER]
    got = terminal.first_frames(command, markers, runs=runs)
    return {
        "first_frame_ms": got["marker_0_ms"],
        "loaded_ms": got["marker_1_ms"],
        "attention_ms": got["marker_2_ms"],
        "floor_ms": got["floor_ms"],
        "first_frame_ratio": got["ratio_0"],
        "attention_ratio": got["ratio_2"],
        "runs": runs,
    }


def runs_for(n: int, runs: int) -> dict[str, int]:
    """Runs per scenario at ``n`` records (``runs`` store updates below the largest scale):
    fewer where a run is long, so that the whole suite stays near ten minutes on two cores
    (the TUI's scenarios take about two minutes per scale, the 200k scenarios' runs each
    take seconds)."""
    # export/import at the 50k scale only: at 200k one export, one import and their floor
    # take 140 s, a quarter of the suite, and tell nothing 50k does not.
    if n >= 100_000:
        return {"update": 5, "exchange": 0, "load": 1, "first_frame": 1, "presses": 3, "saves": 2}
    if n >= 10_000:
        return {
            "update": runs,
            "exchange": 2,
            "load": 2,
            "first_frame": 3,
            "presses": 6,
            "saves": 4,
        }
    return {"update": runs, "exchange": 0, "load": 3, "first_frame": 3, "presses": 4, "saves": 3}


def show(scale: str, n: int, figures: dict[str, Any]) -> None:
    u, w, lo = figures["update"], figures["writers"], figures["load"]
    rows: list[tuple[str, str, str, float | None]] = [
        (
            "store update",
            f"{u['median_ms']:.1f} ms",
            f"{u['floor_ms']:.1f} ms ({u['change_bytes']} B write+fsync)",
            u["median_ms"] / u["floor_ms"],
        ),
        (
            "8 writers save p50 / p99",
            f"{w['p50_ms']:.0f} / {w['p99_ms']:.0f} ms",
            f"{w['lock_timeouts']} lock timeouts",
            None,
        ),
    ]
    x = figures.get("exchange")
    if x is None:
        rows.append(("export / import", "at 50k only", "", None))
    else:
        rows += [
            (
                "export (whole process)",
                f"{x['export_ms']:.0f} ms",
                f"process: tomllib+tomli_w {x['toml_process_floor_ms']:.0f} ms",
                x["export_ratio"],
            ),
            (
                "import (whole process)",
                f"{x['import_ms']:.0f} ms",
                f"process: tomllib+tomli_w {x['toml_process_floor_ms']:.0f} ms",
                x["import_ratio"],
            ),
        ]
    rows += [
        (
            "check (whole process)",
            f"{lo['check_ms']:.0f} ms",
            f"python start {lo['bare_python_ms']:.0f} ms",
            lo["check_ms"] / lo["bare_python_ms"],
        ),
        ("load (store + data set)", f"{lo['load_ms']:.0f} ms", "", None),
        (
            "peak RSS of loading",
            f"{lo['peak_rss_mb']:.0f} MB",
            f"bare python {lo['bare_python_rss_mb']:.0f} MB",
            None,
        ),
    ]
    ff = figures.get("first_frame")
    if ff is None:
        rows.append(("first frame (TUI)", "not measured", "tmux is not installed", None))
    else:
        rows.append(
            (
                "first frame (TUI)",
                f"{ff['first_frame_ms']:.0f} ms",
                f"bare Textual app {ff['floor_ms']:.0f} ms",
                ff["first_frame_ratio"],
            )
        )
        rows.append(
            (
                "records on screen (TUI)",
                f"{ff['loaded_ms']:.0f} ms",
                f"{ff['loaded_ms'] - ff['first_frame_ms']:.0f} ms after the first frame",
                None,
            )
        )
        rows.append(
            (
                "attention list filled",
                f"{ff['attention_ms']:.0f} ms",
                f"bare Textual app {ff['floor_ms']:.0f} ms",
                ff["attention_ratio"],
            )
        )
    rows.extend(ui_scenarios.rows(figures["ui"], ff["floor_ms"] if ff else None))
    runs = figures["runs"]
    print(
        f"\n== {scale}: {n} records, data file {figures['file_mb']:.1f} MB, "
        f"{figures['seconds']:.0f} s, load average {figures['load_average'][0]:.2f} =="
    )
    print(
        f"  runs: {runs['update']} store updates, {runs['exchange']} export/import, "
        f"{runs['first_frame']} TUI starts, {runs['presses']} presses per key, "
        f"{runs['saves']} TUI saves; medians"
    )
    for name, value, floor, ratio in rows:
        shown = "" if ratio is None else f"{ratio:6.2f}x"
        print(f"  {name:<36} {value:>18}   floor {floor:<40} {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="demo,50k,200k")
    parser.add_argument("--json", type=Path, default=Path("bench.json"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    results: dict[str, Any] = {"load_average_start": os.getloadavg(), "scales": {}}
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="itsms-bench-", dir=os.getcwd()) as tmp:
        folder = Path(tmp)
        for scale in args.scales.split(","):
            n = SCALES[scale]
            runs = runs_for(n, args.runs)
            began = time.perf_counter()
            path = make_data(n, folder)
            figures: dict[str, Any] = {
                "records": n,
                "file_mb": path.stat().st_size / 1e6,
                "generate_s": time.perf_counter() - began,
                "runs": runs,
            }
            figures["update"] = bench_update(path, runs["update"], folder)
            figures["writers"] = bench_writers(path)
            if runs["exchange"]:
                figures["exchange"] = bench_exchange(path, folder, runs["exchange"])
            figures["load"] = bench_load(path, runs["load"])
            figures["first_frame"] = bench_first_frame(path, runs["first_frame"])
            figures["ui"] = ui_scenarios.run_ui_scenarios(
                path, presses=runs["presses"], saves=runs["saves"]
            )
            figures["seconds"] = time.perf_counter() - began
            figures["load_average"] = os.getloadavg()
            results["scales"][scale] = figures
            show(scale, n, figures)
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    results["load_average_end"] = os.getloadavg()
    results["seconds"] = time.perf_counter() - started
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"whole run: {results['seconds']:.0f} s")
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.json}")


if __name__ == "__main__":
    main()
