"""The fault campaign: kills, concurrent writers, full disks, lock deletion, fuzzed imports.

``make soak`` runs the long variants (a few minutes on 2 cores) and prints the figures;
``tests/soak`` runs the short ones in ``make test``. Every loss or crash count must be
0; the script exits 1 when one is not.

    python benchmarks/soak.py            # the long campaign
    python benchmarks/soak.py --short    # the short one (what the tests run)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

import orjson

from itsms_tui.cli import main as cli_main
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store import DataFileStorage, StaleRevisionError, StoreError, open_tinydb
from itsms_tui.store.records import RecordStore

ctx = multiprocessing.get_context("spawn")
JOIN = 300.0
PAD = "x" * 200


@dataclass
class Figures:
    """One scenario's numbers; ``bad`` lists the counts that must be 0."""

    name: str
    values: dict[str, Any] = field(default_factory=dict)
    bad: tuple[str, ...] = ()
    skipped: str = ""

    @property
    def ok(self) -> bool:
        return not self.skipped and all(self.values.get(key, 0) == 0 for key in self.bad)

    def show(self) -> str:
        if self.skipped:
            return f"{self.name}: skipped ({self.skipped})"
        parts = ", ".join(f"{k} {v}" for k, v in self.values.items())
        return f"{self.name}: {parts}" + ("" if self.ok else "  <-- FAILED")


# --- workers (importable by spawned children) ---------------------------------------------


def _write_until_killed(path: str, conn: Connection, first: int) -> None:
    storage = DataFileStorage(path, lock_timeout=120)
    items = open_tinydb(storage).table("items")
    n = first
    while True:
        with storage.transaction():
            items.insert({"id": f"K-{n:07d}", "n": n, "pad": PAD})
        conn.send(n)
        n += 1


def _import_until_killed(snapshot: str, path: str, conn: Connection) -> None:
    quiet = io.StringIO()
    while True:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            code = cli_main(["import", snapshot, "--data", path, "--replace"])
        quiet.seek(0)
        quiet.truncate()
        conn.send(code)


def _conflicting_writer(path: str, writer: int, ops: int, start: Event, out: Connection) -> None:
    store = RecordStore.open(Path(path), user=f"w{writer}")
    shared_id = "SUP-0001"
    done = conflicts = 0
    latencies: list[float] = []
    created: list[str] = []
    start.wait()
    for op in range(ops):
        began = time.perf_counter()
        try:
            if op % 2:
                supplier = store.get(Supplier, shared_id)
                store.update(supplier.model_copy(update={"notes": f"w{writer} op{op}"}))
            else:
                created.append(store.create(Supplier(name=f"Writer {writer} op {op}")).id)
            done += 1
            latencies.append(time.perf_counter() - began)
        except StaleRevisionError:
            conflicts += 1
    out.send((done, conflicts, latencies, created, (ops + 1) // 2 - len(created)))


def _insert_loop(path: str, writer: str, count: int, start: Event) -> None:
    storage = DataFileStorage(path, lock_timeout=120)
    db = open_tinydb(storage)
    start.wait()
    for i in range(count):
        with storage.transaction():
            db.table("items").insert({"id": f"{writer}-{i:05d}"})
            total = db.table("counters").get(doc_id=1)
            assert total is not None
            db.table("counters").update({"value": total["value"] + 1}, doc_ids=[1])


def _delete_lock_until(path: str, stop: Event, out: Connection) -> None:
    count = 0
    while not stop.is_set():
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path + ".lock")
            count += 1
        time.sleep(0.002)
    out.send(count)


# --- scenarios ------------------------------------------------------------------------------


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def kills_during_writes(folder: Path, rounds: int) -> Figures:
    """SIGKILL and SIGHUP a writer at random moments; every acknowledged write must be there."""
    path = folder / "kills.json"
    storage = DataFileStorage(path)
    with storage.transaction():
        open_tinydb(storage).table("bulk").insert_multiple(
            {"id": f"B-{n:05d}", "pad": "y" * 250} for n in range(2000)
        )
    rng = random.Random(1)
    acknowledged: set[int] = set()
    first = torn = 0
    kills = {signal.SIGKILL: 0, signal.SIGHUP: 0}
    for round_ in range(rounds):
        sig = signal.SIGKILL if round_ % 2 == 0 else signal.SIGHUP
        receiver, sender = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_write_until_killed, args=(str(path), sender, first))
        child.start()
        sender.close()
        for _ in range(rng.randint(2, 12)):
            acknowledged.add(receiver.recv())
        time.sleep(rng.uniform(0, 0.02))
        assert child.pid is not None
        os.kill(child.pid, sig)
        child.join(JOIN)
        kills[sig] += 1
        with contextlib.suppress(EOFError):
            while True:
                acknowledged.add(receiver.recv())
        receiver.close()
        try:
            on_disk = orjson.loads(path.read_bytes())
        except orjson.JSONDecodeError:
            torn += 1
            break
        stored = {d["n"] for d in on_disk.get("items", {}).values()}
        first = max(stored | acknowledged | {0}) + 1
    stored = {d["n"] for d in orjson.loads(path.read_bytes()).get("items", {}).values()}
    return Figures(
        "kills during writes",
        {
            "SIGKILL": kills[signal.SIGKILL],
            "SIGHUP": kills[signal.SIGHUP],
            "acknowledged": len(acknowledged),
            "lost": len(acknowledged - stored),
            "torn files": torn,
        },
        bad=("lost", "torn files"),
    )


def kills_during_imports(folder: Path, rounds: int, snapshot: Path) -> Figures:
    """Kill ``import --replace`` runs; the file must hold every acknowledged import."""
    path = folder / "imports.json"
    with contextlib.redirect_stdout(io.StringIO()):
        cli_main(["import", str(snapshot), "--data", str(path)])
    rng = random.Random(2)
    acknowledged = lost = torn = kills = 0
    for round_ in range(rounds):
        sig = signal.SIGKILL if round_ % 2 == 0 else signal.SIGHUP
        before = _imports_in(path)
        receiver, sender = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_import_until_killed, args=(str(snapshot), str(path), sender))
        child.start()
        sender.close()
        acked = 0
        for _ in range(rng.randint(1, 3)):
            if receiver.recv() == 0:
                acked += 1
        time.sleep(rng.uniform(0, 0.15))
        assert child.pid is not None
        os.kill(child.pid, sig)
        child.join(JOIN)
        kills += 1
        with contextlib.suppress(EOFError):
            while True:
                if receiver.recv() == 0:
                    acked += 1
        receiver.close()
        acknowledged += acked
        try:
            after = _imports_in(path)
        except StoreError:
            torn += 1
            break
        lost += max(0, before + acked - after)
    return Figures(
        "kills during imports",
        {"kills": kills, "acknowledged": acknowledged, "lost": lost, "torn files": torn},
        bad=("lost", "torn files"),
    )


def _imports_in(path: Path) -> int:
    store = RecordStore.open(path, read_only=True)
    return sum(1 for entry in store.audit_trail() if entry.action == "import")


def concurrent_writers(folder: Path, writers: int, ops: int) -> Figures:
    """``writers`` processes create records and edit one shared record; nothing may be lost."""
    path = folder / "writers.json"
    store = RecordStore.open(path)
    store.create(Supplier(name="Shared supplier"))
    start = ctx.Event()
    pipes = [ctx.Pipe(duplex=False) for _ in range(writers)]
    procs = [
        ctx.Process(target=_conflicting_writer, args=(str(path), n, ops, start, pipes[n][1]))
        for n in range(writers)
    ]
    for proc in procs:
        proc.start()
    start.set()
    results = [receiver.recv() for receiver, _sender in pipes]
    for proc in procs:
        proc.join(JOIN)
    done = sum(r[0] for r in results)
    conflicts = sum(r[1] for r in results)
    latencies = [lat for r in results for lat in r[2]]
    created = [i for r in results for i in r[3]]
    failed_creates = sum(r[4] for r in results)
    final = RecordStore.open(path, read_only=True)
    ids = {s.id for s in final.dataset().collection("suppliers")}
    updates = done - len(created)
    shared = final.get(Supplier, "SUP-0001")
    return Figures(
        f"{writers} concurrent writers",
        {
            "operations": writers * ops,
            "saved": done,
            "conflicts": conflicts,
            "lost creates": len(set(created) - ids) + failed_creates,
            "lost updates": (1 + updates) - shared.revision,
            "duplicate ids": len(created) - len(set(created)),
            "p50 ms": round(_percentile(latencies, 0.5) * 1000, 1),
            "p99 ms": round(_percentile(latencies, 0.99) * 1000, 1),
        },
        bad=("lost creates", "lost updates", "duplicate ids"),
    )


def lock_file_deletion(folder: Path, writers: int, count: int) -> Figures:
    """Delete ``<data>.lock`` every 2 ms while writers insert and bump a shared counter."""
    path = folder / "lockdel.json"
    storage = DataFileStorage(path)
    with storage.transaction():
        open_tinydb(storage).table("counters").insert({"value": 0})
    start, stop = ctx.Event(), ctx.Event()
    receiver, sender = ctx.Pipe(duplex=False)
    names = [f"W{n}" for n in range(writers)]
    procs = [ctx.Process(target=_insert_loop, args=(str(path), n, count, start)) for n in names]
    deleter = ctx.Process(target=_delete_lock_until, args=(str(path), stop, sender))
    for proc in procs:
        proc.start()
    deleter.start()
    start.set()
    crashed = 0
    for proc in procs:
        proc.join(JOIN)
        crashed += proc.exitcode != 0
    stop.set()
    deletions = receiver.recv()
    deleter.join(JOIN)
    db = open_tinydb(DataFileStorage(path))
    items = [d["id"] for d in db.table("items").all()]
    expected = {f"{n}-{i:05d}" for n in names for i in range(count)}
    counter = db.table("counters").get(doc_id=1)
    assert counter is not None
    return Figures(
        "lock-file deletion during writes",
        {
            "writers": writers,
            "deletions": deletions,
            "writes": writers * count,
            "lost inserts": len(expected - set(items)),
            "lost updates": writers * count - counter["value"],
            "duplicate ids": len(items) - len(set(items)),
            "crashed writers": crashed,
        },
        bad=("lost inserts", "lost updates", "duplicate ids", "crashed writers"),
    )


def _save_in_child(path: str, fsize: int | None) -> int:
    """Save a big record in a child (optionally under a file-size limit); 0 saved, 2 refused."""
    script = (
        "import resource, sys\n"
        f"limit = {fsize!r}\n"
        "if limit is not None: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
        "from itsms_tui.store import DataFileStorage, StoreError, open_tinydb\n"
        f"s = DataFileStorage({path!r})\n"
        "try:\n"
        "    with s.transaction():\n"
        "        open_tinydb(s).table('big').insert({'id': 'BIG', 'pad': 'z' * 400000})\n"
        "except StoreError as e:\n"
        "    print(e, file=sys.stderr); sys.exit(2)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=120
    ).returncode


@contextlib.contextmanager
def _tmpfs(size: str) -> Iterator[Path | None]:
    folder = Path(tempfile.mkdtemp(prefix="itsms-soak-"))
    mounted = False
    try:
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
            timeout=30,
        )
        mounted = result.returncode == 0
        yield folder if mounted else None
    finally:
        if mounted:
            done = subprocess.run(["umount", str(folder)], capture_output=True, timeout=30)
            if done.returncode != 0:  # still busy (a file held open): detach it anyway
                subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)
        with contextlib.suppress(OSError):
            folder.rmdir()


def full_disks(folder: Path, rounds: int) -> Figures:
    """A save that cannot complete must leave the old file intact, every time."""
    values: dict[str, Any] = {}
    bad: list[str] = []

    def seed(path: Path) -> bytes:
        storage = DataFileStorage(path)
        with storage.transaction():
            open_tinydb(storage).table("items").insert({"id": "A", "pad": PAD})
        storage.close()  # it holds the file open, which would block a read-only remount
        return path.read_bytes()

    # file-size limit (RLIMIT_FSIZE, like ulimit -f)
    intact = refused = 0
    for n in range(rounds):
        path = folder / f"fsize-{n}.json"
        old = seed(path)
        refused += _save_in_child(str(path), 4096 + n * 512) == 2
        intact += path.read_bytes() == old
    values.update({"file-size limit saves": rounds, "refused": refused, "old file intact": intact})
    values["fsize not intact"] = rounds - intact
    bad.append("fsize not intact")

    skipped = []
    with _tmpfs("256k") as mount:
        if mount is None:
            skipped.append("disk full: cannot mount a tmpfs (needs root)")
        else:
            intact = 0
            for n in range(rounds):
                path = mount / f"full-{n}.json"
                old = seed(path)
                filler = mount / "filler"
                with contextlib.suppress(OSError), open(filler, "wb") as handle:
                    handle.write(b"\0" * (256 * 1024 - len(old) - 4096 * (n % 3)))
                _save_in_child(str(path), None)
                intact += path.read_bytes() == old
                filler.unlink(missing_ok=True)
                for extra in mount.iterdir():
                    if extra.name != path.name and extra.is_file():
                        extra.unlink()
            values.update({"disk-full saves": rounds, "disk-full old file intact": intact})
            values["disk-full not intact"] = rounds - intact
            bad.append("disk-full not intact")
    with _tmpfs("1m") as mount:
        if mount is None:
            skipped.append("read-only remount: cannot mount a tmpfs (needs root)")
        else:
            path = mount / "ro.json"
            old = seed(path)
            intact = 0
            remounted = subprocess.run(
                ["mount", "-o", "remount,ro", str(mount)], capture_output=True, timeout=30
            )
            if remounted.returncode != 0:
                skipped.append("read-only remount refused")
            else:
                for _ in range(rounds):
                    _save_in_child(str(path), None)
                    intact += path.read_bytes() == old
                values.update({"read-only saves": rounds, "read-only old file intact": intact})
                values["read-only not intact"] = rounds - intact
                bad.append("read-only not intact")
    figures = Figures("full disk / file-size limit / read-only", values, bad=tuple(bad))
    if skipped:
        figures.values["skipped"] = "; ".join(skipped)
    return figures


# --- importer fuzzing -------------------------------------------------------------------------


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    choice = rng.randrange(8)
    i = rng.randrange(len(lines))
    if choice == 0:
        del lines[i]
    elif choice == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif choice == 2 and "=" in lines[i]:
        key = lines[i].split("=", 1)[0]
        value = rng.choice(
            [
                "9999-12-31T23:00:00-05:00",
                "0001-01-01T00:00:00+05:00",
                str(2**64),
                "-1",
                "nan",
                '"[/x]"',
                '"\\u0007"',
                "[]",
                "{}",
                "1979-05-27",
                '"' + "x" * 300 + '"',
            ]
        )
        lines[i] = f"{key}= {value}"
    elif choice == 3:
        cut = rng.randrange(len(text))
        return text[:cut]
    elif choice == 4:
        lines[i] = lines[i][::-1]
    elif choice == 5:
        lines.append(
            rng.choice(
                [
                    "[settings]\nkpi_grace_days = 1979-05-27T00:00:00Z",
                    "[settings]\nunknown = 1",
                    "[settings]\nrisk_acceptance_score = 99",
                    "[[suppliers]]\nid = 'SUP-0001'\nname = 'dup'",
                ]
            )
        )
    elif choice == 6:
        pos = rng.randrange(len(text))
        return text[:pos] + chr(rng.randrange(0, 0x80)) + text[pos + 1 :]
    else:
        lines[i] = lines[i].replace("SUP-", "XYZ-").replace("AGR-", "SUP-")
    return "\n".join(lines) + "\n"


def _run_cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(argv)
    return code, err.getvalue()


def importer_fuzz(folder: Path, cases: int, snapshot: Path) -> Figures:
    """Mutated snapshots and random bytes through check, dry-run and import."""
    rng = random.Random(5)
    base = snapshot.read_text(encoding="utf-8")
    crashes = wrong_codes = partial = disagreements = refused = accepted = 0
    target = folder / "fuzz.json"
    for case in range(cases):
        if case % 5 == 4:
            payload = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        else:
            text = base
            for _ in range(rng.randint(1, 3)):
                text = _mutate(text, rng)
            payload = text.encode("utf-8", "surrogatepass")
        source = folder / "fuzzed.toml"
        source.write_bytes(payload)
        target.unlink(missing_ok=True)
        for extra in folder.glob("fuzz.json*"):
            if extra.is_dir():
                for f in extra.iterdir():
                    f.unlink()
                extra.rmdir()
            else:
                extra.unlink()
        check_code, check_err = _run_cli(["check", "--snapshot", str(source)])
        dry_code, dry_err = _run_cli(["import", str(source), "--data", str(target), "--dry-run"])
        real_code, real_err = _run_cli(["import", str(source), "--data", str(target)])
        for code, err in ((check_code, check_err), (dry_code, dry_err), (real_code, real_err)):
            if "unexpected error" in err or "Traceback" in err:
                crashes += 1
            if code not in (0, 1, 2) or (code == 2 and len(err.strip().splitlines()) != 1):
                wrong_codes += 1
        if (dry_code == 0) != (real_code == 0) or (check_code == 2) != (real_code == 2):
            disagreements += 1
        if real_code == 0:
            accepted += 1
        else:
            refused += 1
            if target.exists():
                partial += 1
    return Figures(
        "importer fuzzing",
        {
            "cases": cases,
            "accepted": accepted,
            "refused": refused,
            "crashes": crashes,
            "wrong exit codes": wrong_codes,
            "partial writes": partial,
            "dry-run/import disagreements": disagreements,
        },
        bad=("crashes", "wrong exit codes", "partial writes", "dry-run/import disagreements"),
    )


# --- the campaign ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    kill_rounds: int
    import_kills: int
    writers: int
    writer_ops: int
    lock_writers: int
    lock_writes: int
    disk_rounds: int
    fuzz_cases: int


SHORT = Scale(4, 2, 4, 10, 3, 20, 2, 25)
LONG = Scale(200, 40, 8, 150, 4, 200, 20, 1000)


def demo_snapshot(folder: Path) -> Path:
    path = folder / "demo.toml"
    with contextlib.redirect_stderr(io.StringIO()):
        assert cli_main(["export", "--demo", "-o", str(path)]) == 0
    return path


def campaign(scale: Scale, folder: Path, report: Callable[[Figures], None]) -> list[Figures]:
    os.environ.setdefault("ITSMS_TUI_LOG_DIR", str(folder / "logs"))
    snapshot = demo_snapshot(folder)
    steps: list[Callable[[], Figures]] = [
        lambda: kills_during_writes(folder, scale.kill_rounds),
        lambda: kills_during_imports(folder, scale.import_kills, snapshot),
        lambda: concurrent_writers(folder, scale.writers, scale.writer_ops),
        lambda: lock_file_deletion(folder, scale.lock_writers, scale.lock_writes),
        lambda: full_disks(folder, scale.disk_rounds),
        lambda: importer_fuzz(folder, scale.fuzz_cases, snapshot),
    ]
    results = []
    for step in steps:
        began = time.monotonic()
        figures = step()
        figures.values["seconds"] = round(time.monotonic() - began, 1)
        report(figures)
        results.append(figures)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="the short variants")
    args = parser.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="itsms-soak-") as tmp:
        results = campaign(SHORT if args.short else LONG, Path(tmp), lambda f: print(f.show()))
    failed = [f.name for f in results if not f.ok and not f.skipped]
    print(
        f"total {time.monotonic() - began:.0f} s; "
        + ("FAILED: " + ", ".join(failed) if failed else "every loss and crash count is 0")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
