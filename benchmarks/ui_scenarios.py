"""The TUI scenarios of ``make bench``, in a real pseudo-terminal beside a bare Textual floor.

    from benchmarks.ui_scenarios import run_ui_scenarios
    figures = run_ui_scenarios(data_path, presses=10, saves=5)

One app session per data set (started on a copy, so its saves touch nothing else), driven
the way a person would, with a bare Textual app in a second pty as the floor:

- every register browsable: from the app's start, each main screen and Plan tab is opened
  in turn as soon as the shell is painted; the time until its rows are on screen (an id
  of its records), and the last one's time after the first frame.
- keystrokes: cursor move on the KPI board; cursor down, page down, one filter keystroke,
  sort and opening the detail pane (Enter) in the supplier register and in a KPI's
  measurements (where Enter opens the measurement's form). Latency is the time from
  writing the key's bytes to the output going quiet (``QUIET_MS`` of silence, not
  counted), with the bytes written for that key; the floor app, whose focused widget
  repaints one line on any key, is pressed alternately so both see the same load.
- peak RSS (VmHWM) once every screen has been visited, beside the floor app's.
- a save in the TUI: ``E`` on a supplier, one character typed into its name, then the time
  from ctrl+s to "Saved <id>" on screen; floor: the store's own save of the same change
  (``RecordStore.update`` of the name), timed in this process once the app has exited.
- another session's save: this process updates a supplier the app shows; the time from
  the committed save to the new name on screen, while a key is pressed continually (the
  worst key latency meanwhile is the freeze); floor: the bare app polling the mtime of a
  file at the app's own poll interval and showing a counter, after this process appends
  to that file and fsyncs it.
- idle CPU: the app's and the floor's CPU time over a few idle seconds.

Markers are looked for in the raw bytes the app writes (ids and messages are written as
one text run), so no terminal emulator is needed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.terminal import PtyApp

QUIET_MS = 30.0
"""Output silence that ends a key's response (as in ``../shared/tools/ptykeys``)."""

SETTLED_S = 0.15
"""After a key's quiet gap, output within this much silence still counts as its
"settled" response (a debounced filter or detail pane, say), reported beside it."""

LOGIN = "user1"
"""The administrator ``datagen`` creates: the app is opened as this person, so it can save."""

SIZE = "120x40"

FLOOR_APP = """
import os, sys
from rich.segment import Segment
from textual.app import App
from textual.strip import Strip
from textual.widget import Widget

class Box(Widget, can_focus=True):
    DEFAULT_CSS = "Box { height: 1fr; }"
    n = 0
    gen = 0
    def render_line(self, y):
        text = f"floor {self.n}" if y == 0 else (f"gen {self.gen}." if y == 1 else "")
        return Strip([Segment(text.ljust(self.size.width))])
    def on_key(self, event):
        event.stop()
        event.prevent_default()
        self.n += 1
        self.refresh(self.region.__class__(0, 0, self.size.width, 1))

class Floor(App):
    def compose(self):
        yield Box()
    def on_mount(self):
        self.query_one(Box).focus()
        self._stamp = self._stat()
        self.set_interval(float(sys.argv[2]), self._poll)
    def _stat(self):
        try:
            s = os.stat(sys.argv[1])
        except OSError:
            return None
        return (s.st_mtime_ns, s.st_size)
    def _poll(self):
        stamp = self._stat()
        if stamp != self._stamp:
            self._stamp = stamp
            box = self.query_one(Box)
            box.gen += 1
            box.refresh(box.region.__class__(0, 1, box.size.width, 1))
Floor().run()
"""
"""The least a Textual app does: repaint one line per key; poll a file, show a counter."""

ESC, ENTER, BACKSPACE, CTRL_S = b"\x1b", b"\r", b"\x7f", b"\x13"
DOWN, UP, RIGHT, LEFT = b"\x1b[B", b"\x1b[A", b"\x1b[C", b"\x1b[D"
PGDN, PGUP = b"\x1b[6~", b"\x1b[5~"

SHELL_MARKER = b"Needs attention today"

# (key, marker of its rows): each main screen and Plan tab, in the order they are opened.
REGISTERS: tuple[tuple[str, bytes, bytes], ...] = (
    ("suppliers", b"3", b"SUP-0001"),
    ("agreements", b"4", b"AGR-0001"),
    ("KPI board", b"5", b"KPI-0001"),
    ("plan: objectives", b"2", b"OBJ-0001"),
    ("plan: processes", b"]", b"PRC-0001"),
    ("plan: resources", b"]", b"RES-0001"),
    ("plan: risks", b"]", b"RSK-0001"),
    ("plan: changes", b"]", b"CHG-0001"),
    ("plan: services", b"]", b"SVC-0001"),
    ("plan: people", b"]", b"PER-0001"),
    ("plan: customers", b"]", b"CUS-0001"),
    ("compliance", b"6", b"findings shown"),
    ("overview", b"1", b"item(s) in"),
)


@dataclass(frozen=True, slots=True)
class Step:
    """One key of a scenario's round; ``measured`` keys are pressed in the floor too."""

    key: bytes
    measured: bool = True
    marker: bytes | None = None
    """What the key's response must have shown before its silence counts (a form that
    opens after a pause longer than the quiet time, say)."""


def _progress(started: float, what: str) -> None:
    """A line on stderr per phase, so a long run shows where it is."""
    print(f"  [{time.perf_counter() - started:6.1f} s] {what}", file=sys.stderr, flush=True)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Term(PtyApp):
    """A pty whose output since ``mark()`` is kept, so a marker's arrival can be timed."""

    def __init__(self, argv: Sequence[str], size: str = SIZE) -> None:
        self.started = time.perf_counter()
        super().__init__(argv, size)
        self.buf = self.previous = b""

    def mark(self) -> None:
        self.previous = (self.previous + self.buf)[-(1 << 16) :]
        self.buf = b""

    def screen_text(self) -> str:
        """What was written before and since ``mark()``, escape sequences as ``|``."""
        import re

        text = re.sub(rb"\x1b\[[0-9;?<>=]*[A-Za-z~]", b"|", self.previous + self.buf)
        return re.sub(rb"\|+", b"|", text).decode("utf-8", "replace")

    def _chunk(self, timeout: float) -> bytes | None:
        """One read; None when nothing came within ``timeout``, b"" at the end."""
        import select

        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        try:
            chunk = os.read(self.fd, 1 << 20)
        except OSError:
            return b""
        self.buf = (self.buf + chunk)[-(1 << 22) :]
        return chunk

    def settle(self, quiet: float = 0.25, limit: float = 30.0) -> int:
        """Read until nothing came for ``quiet`` seconds; the bytes read."""
        end, total = time.perf_counter() + limit, 0
        while time.perf_counter() < end:
            chunk = self._chunk(quiet)
            if not chunk:
                break
            total += len(chunk)
        return total

    def until(self, marker: bytes, limit: float) -> float:
        """The ``perf_counter`` time the output since ``mark()`` first held ``marker``."""
        end = time.perf_counter() + limit
        while marker not in self.buf:
            if time.perf_counter() > end:
                raise SystemExit(
                    f"the app never showed {marker!r} within {limit:.0f} s; its last output "
                    f"(escape sequences as |):\n{self.screen_text()[-3000:]}"
                )
            if self._chunk(1.0) == b"":
                raise SystemExit(f"the app ended before showing {marker!r}")
        return time.perf_counter()

    def step(
        self, key: bytes, marker: bytes | None = None, limit: float = 120.0, settle: bool = True
    ) -> float:
        """Press ``key`` (setup, not measured), wait for ``marker``, then for quiet; the
        seconds from the key to the marker (0 without one). A lone Escape waits longer:
        Textual holds it ``ESCDELAY`` (100 ms) for a sequence to follow, and a key sent
        meanwhile would make it an alt+key."""
        self.mark()
        start = time.perf_counter()
        os.write(self.fd, key)
        took = 0.0
        if marker is not None:
            took = self.until(marker, limit) - start
        if settle:
            self.settle(0.35 if key == ESC else 0.2)
        return took

    def respond(
        self,
        key: bytes,
        quiet: float,
        marker: bytes | None = None,
        *,
        wait: bool = True,
        limit: float = 60.0,
    ) -> tuple[float, int, float | None]:
        """Seconds from writing ``key`` to its last byte before ``quiet`` of silence (once
        ``marker``, counted since ``mark()``, has arrived, when one is given and ``wait``),
        the bytes written, and when the marker arrived (None if not during this key)."""
        start = time.perf_counter()
        os.write(self.fd, key)
        got, last, seen = 0, start, None
        while time.perf_counter() - start < limit:
            waiting = wait and marker is not None and seen is None
            chunk = self._chunk(quiet if got and not waiting else 2.0)
            if chunk is None and waiting:
                continue
            if not chunk:
                break
            got += len(chunk)
            last = time.perf_counter()
            if seen is None and marker is not None and marker in self.buf:
                seen = last
        return last - start, got, seen


def _keys(app: Term, floor: Term, steps: Sequence[Step], presses: int) -> dict[str, float]:
    """Median and worst latency (ms) and median bytes of the measured steps, app and floor;
    the steps are repeated until ``presses`` keys were measured."""
    quiet = QUIET_MS / 1000
    got: dict[str, list[tuple[float, int]]] = {"app": [], "floor": []}
    settled: list[tuple[float, int]] = []
    while len(got["app"]) < presses:
        for step in steps:
            if not step.measured:
                _unmeasured(app, step)
                continue
            for name, term in (("app", app), ("floor", floor)):
                term.mark()
                start = time.perf_counter()
                latency, written, _ = term.respond(
                    step.key, quiet, step.marker if term is app else None
                )
                got[name].append((latency, written))
                more = term.settle(SETTLED_S if term is app else 0.08, 5.0)
                if term is app:  # what came after the quiet gap too (debounced work)
                    end = latency if not more else time.perf_counter() - start - SETTLED_S
                    settled.append((end, written + more))
    app_ms = [t * 1000 for t, _ in got["app"]]
    return {
        "median_ms": statistics.median(app_ms),
        "worst_ms": max(app_ms),
        "bytes": statistics.median(b for _, b in got["app"]),
        "settled_ms": statistics.median(t * 1000 for t, _ in settled),
        "settled_bytes": statistics.median(b for _, b in settled),
        "floor_ms": statistics.median(t * 1000 for t, _ in got["floor"]),
        "floor_bytes": statistics.median(b for _, b in got["floor"]),
        "presses": len(app_ms),
    }


def _unmeasured(app: Term, step: Step) -> None:
    """A setup key between measured ones; with a marker, pressed again (up to three
    times) until it shows: an Escape that reaches a form still opening is lost."""
    if step.marker is None:
        app.step(step.key)
        return
    for attempt in range(3):
        try:
            app.step(step.key, step.marker, 10.0)
            return
        except SystemExit:
            if attempt == 2:
                raise


def _browse(app: Term, limit: float) -> dict[str, Any]:
    """Open every register as soon as the shell is painted, each once the one before shows
    rows: the time from the key to the rows, and their sum after the first frame (what a
    person opening each in turn waits; the 0.1 s of quiet taken between them not counted)."""
    app.mark()
    first = app.until(SHELL_MARKER, limit) - app.started
    own: dict[str, float] = {}
    for name, key, marker in REGISTERS:
        took = app.step(key, marker, limit, settle=False)
        own[name] = took * 1000
        app.settle(0.1)  # the rest of this screen, so that it cannot match the next marker
    app.settle(1.0)
    app.step(
        b"A", b" entr", limit
    )  # "1 entry", "2 entries"  # the audit trail, a screen of its own
    app.step(ESC, SHELL_MARKER, limit)  # back on the overview
    waited = sum(own.values())
    return {
        "first_frame_ms": first * 1000,
        "all_browsable_ms": first * 1000 + waited,
        "after_first_frame_ms": waited,
        "key_to_rows_ms": own,
        "slowest": max(own, key=lambda k: own[k]),
    }


def _tui_saves(app: Term, runs: int, limit: float) -> tuple[list[float], list[str]]:
    """``E``, one character, ctrl+s on successive suppliers: seconds to "Saved <id>"."""
    times: list[float] = []
    ids: list[str] = []
    app.step(b"3")  # the supplier register (already on screen: nothing to wait for)
    app.step(b"g")  # the first row
    for i in range(runs):
        supplier = f"SUP-{i + 1:04d}"
        app.step(b"E", b"Edit Supplier " + supplier.encode(), limit)
        app.step(b"x")
        app.mark()
        start = time.perf_counter()
        os.write(app.fd, CTRL_S)
        times.append(app.until(b"Saved " + supplier.encode(), limit) - start)
        ids.append(supplier)
        app.settle(0.5)
        app.step(DOWN)
    return times, ids


def _store_saves(path: Path, ids: Sequence[str]) -> list[float]:
    """The floor of a TUI save: the store's own update of the same supplier's name."""
    from itsms_tui.domain.suppliers import Supplier
    from itsms_tui.store.records import RecordStore

    store = RecordStore.open(path, user=LOGIN)
    times: list[float] = []
    try:
        for supplier_id in ids:
            current = store.get(Supplier, supplier_id)
            record = current.model_copy(update={"name": current.name + "y"})
            start = time.perf_counter()
            store.update(record)
            times.append(time.perf_counter() - start)
    finally:
        store.close()
    return times


def _other_session(
    app: Term, floor: Term, path: Path, runs: int, poll: float, limit: float
) -> dict[str, float]:
    """This process saves; time until the app shows it, keys pressed meanwhile."""
    from itsms_tui.domain.suppliers import Supplier
    from itsms_tui.store.records import RecordStore

    quiet = QUIET_MS / 1000
    store = RecordStore.open(path, user="another-session")
    visible: list[float] = []
    freezes: list[float] = []
    try:
        app.step(b"g")  # SUP-0001 on the first row, cursor on it
        for i in range(runs):
            app.settle(0.3)
            name = f"Renamed {i} by another session"
            current = store.get(Supplier, "SUP-0001")
            app.mark()
            store.update(current.model_copy(update={"name": name}))
            committed = time.perf_counter()
            seen: float | None = None
            worst = 0.0
            keys = (DOWN, UP)
            n = 0
            while seen is None:
                if time.perf_counter() - committed > limit:
                    raise SystemExit(f"another session's save not shown within {limit:.0f} s")
                latency, _, at = app.respond(keys[n % 2], quiet, name.encode(), wait=False)
                n += 1
                worst = max(worst, latency)
                seen = at
            visible.append(seen - committed)
            freezes.append(worst)
            app.settle(0.3)
    finally:
        store.close()
    floors: list[float] = []
    stamp = path.with_name("floor-watched.bin")
    for i in range(runs):
        floor.settle(0.2)
        floor.mark()
        with open(stamp, "ab") as handle:
            handle.write(b"x" * 200)
            handle.flush()
            os.fsync(handle.fileno())
        committed = time.perf_counter()
        floors.append(floor.until(f"gen {i + 1}.".encode(), poll * 3 + 5) - committed)
    return {
        "visible_ms": statistics.median(visible) * 1000,
        "visible_worst_ms": max(visible) * 1000,
        "freeze_worst_ms": max(freezes) * 1000,
        "freeze_median_ms": statistics.median(freezes) * 1000,
        "floor_ms": statistics.median(floors) * 1000,
        "poll_s": poll,
        "runs": runs,
    }


def _idle_cpu(app: Term, floor: Term, seconds: float) -> dict[str, float]:
    app.settle(0.5)
    before = (_cpu_seconds(app.pid), _cpu_seconds(floor.pid), time.perf_counter())
    end = before[2] + seconds
    while time.perf_counter() < end:
        app.settle(0.05, 0.2)
        floor.settle(0.05, 0.2)
    wall = time.perf_counter() - before[2]
    return {
        "app_percent": (_cpu_seconds(app.pid) - before[0]) / wall * 100,
        "floor_percent": (_cpu_seconds(floor.pid) - before[1]) / wall * 100,
        "seconds": wall,
    }


def run_ui_scenarios(
    path: Path,
    *,
    presses: int = 10,
    saves: int = 5,
    idle_seconds: float = 3.0,
    limit: float = 180.0,
) -> dict[str, Any]:
    """Every TUI scenario on a copy of ``path``; figures in ms, MB and percent."""
    from itsms_tui.ui.app import POLL_SECONDS

    out: dict[str, Any] = {"presses": presses, "saves": saves}
    with tempfile.TemporaryDirectory(prefix="itsms-ui-", dir=path.parent) as tmp:
        folder = Path(tmp)
        data = folder / path.name
        for source in (path, path.with_name(path.name + ".journal")):
            if source.exists():
                shutil.copyfile(source, folder / source.name)
        floor_py = folder / "floor.py"
        floor_py.write_text(FLOOR_APP, encoding="utf-8")
        watched = folder / "floor-watched.bin"
        watched.write_bytes(b"")
        floor = Term([sys.executable, str(floor_py), str(watched), str(POLL_SECONDS)])
        floor.mark()
        floor.until(b"floor 0", 60.0)
        floor.settle()
        argv = ["env", f"ITSMS_TUI_USER={LOGIN}", sys.executable, "-m", "itsms_tui"]
        app = Term([*argv, "--data", str(data)])
        try:
            _progress(app.started, "TUI started; opening every register")
            out["browse"] = _browse(app, limit)
            _progress(app.started, "keys on the KPI board and in a KPI's measurements")
            keys: dict[str, dict[str, float]] = {}
            app.step(b"5", b"KPI-0001", limit)
            keys["KPI board: cursor move"] = _keys(app, floor, [Step(RIGHT), Step(LEFT)], presses)
            app.step(ENTER, b"Measured on", limit)
            keys.update(_register_keys(app, floor, presses, "KPI measurements", form=True))
            app.step(ESC)
            _progress(app.started, "keys in the supplier register")
            app.step(b"3", b"SUP-0001", limit)
            keys.update(_register_keys(app, floor, presses, "suppliers", form=False))
            out["keys"] = keys
            out["peak_rss_mb"] = _peak_rss_mb(app.pid)
            out["floor_peak_rss_mb"] = _peak_rss_mb(floor.pid)
            _progress(app.started, "saves in the TUI")
            tui, ids = _tui_saves(app, saves, limit)
            _progress(app.started, "another session's saves")
            out["other_session"] = _other_session(app, floor, data, saves, POLL_SECONDS, limit)
            _progress(app.started, "idle CPU, sort")
            out["idle_cpu"] = _idle_cpu(app, floor, idle_seconds)
            keys["suppliers: sort"] = _keys(app, floor, [Step(b"s")], presses)
            out["peak_rss_end_mb"] = _peak_rss_mb(app.pid)
        finally:
            app.close()
            floor.close()
        _progress(app.started, "the store's own saves")
        store = _store_saves(data, ids)
        out["tui_save"] = {
            "median_ms": statistics.median(tui) * 1000,
            "worst_ms": max(tui) * 1000,
            "floor_ms": statistics.median(store) * 1000,
            "runs": len(tui),
        }
    return out


def _register_keys(
    app: Term, floor: Term, presses: int, where: str, *, form: bool
) -> dict[str, dict[str, float]]:
    """Cursor down, page down, Enter (detail pane, or the record's form), one filter
    keystroke and (for the measurements, where the order matters to nothing after) sort."""
    out = {
        f"{where}: cursor down": _keys(app, floor, [Step(DOWN), Step(UP, measured=False)], presses),
        f"{where}: page down": _keys(app, floor, [Step(PGDN), Step(PGUP, measured=False)], presses),
        f"{where}: " + ("open the form" if form else "open the detail pane"): _keys(
            app,
            floor,
            [
                Step(ENTER, marker=b"Edit Measurement" if form else None),
                Step(ESC, measured=False, marker=b"Measured on" if form else None),
            ],
            presses,
        ),
    }
    # The filter line must have the focus before a digit is typed: one typed ahead would
    # switch screens (1 to 6 are the main screens' keys).
    app.step(b"/", b"Clear filter")
    out[f"{where}: filter keystroke"] = _keys(app, floor, [Step(b"1"), Step(BACKSPACE)], presses)
    app.step(ESC)  # clears the filter; the table has the focus again
    if form:
        out[f"{where}: sort"] = _keys(app, floor, [Step(b"s")], presses)
    return out


Row = tuple[str, str, str, float | None]
"""A line of the table: scenario, median, floor, ratio (None when there is none)."""


def _ratio(value: float, floor: float) -> float | None:
    return value / floor if floor > 0 else None


def rows(ui: dict[str, Any], bare_first_frame_ms: float | None) -> list[Row]:
    """The table lines of ``run_ui_scenarios``' figures; the browsing floor is the bare
    Textual app's first frame (from ``terminal.first_frames``), when it was measured."""
    browse, save, other, idle = ui["browse"], ui["tui_save"], ui["other_session"], ui["idle_cpu"]
    slowest = browse["slowest"]
    out: list[Row] = [
        (
            "every register browsable",
            f"{browse['all_browsable_ms']:.0f} ms (+{browse['after_first_frame_ms']:.0f})",
            "bare Textual app "
            + ("—" if bare_first_frame_ms is None else f"{bare_first_frame_ms:.0f} ms")
            + f"; slowest {slowest} {browse['key_to_rows_ms'][slowest]:.0f} ms",
            None
            if bare_first_frame_ms is None
            else _ratio(browse["all_browsable_ms"], bare_first_frame_ms),
        ),
        (
            "peak RSS, every screen visited",
            f"{ui['peak_rss_mb']:.0f} MB",
            f"bare Textual app {ui['floor_peak_rss_mb']:.0f} MB",
            _ratio(ui["peak_rss_mb"], ui["floor_peak_rss_mb"]),
        ),
        (
            "a save in the TUI: ctrl+s to Saved",
            f"{save['median_ms']:.0f} ms",
            f"the store's save {save['floor_ms']:.1f} ms; worst {save['worst_ms']:.0f} ms",
            _ratio(save["median_ms"], save["floor_ms"]),
        ),
        (
            "another session's save visible",
            f"{other['visible_ms']:.0f} ms",
            f"bare Textual app polling every {other['poll_s']:g} s {other['floor_ms']:.0f} ms",
            _ratio(other["visible_ms"], other["floor_ms"]),
        ),
    ]
    key_floor = statistics.median(k["floor_ms"] for k in ui["keys"].values())
    out.append(
        (
            "  keys meanwhile: worst latency",
            f"{other['freeze_worst_ms']:.0f} ms",
            f"a bare Textual key {key_floor:.1f} ms",
            _ratio(other["freeze_worst_ms"], key_floor),
        )
    )
    out.append(
        (
            "idle CPU of the TUI",
            f"{idle['app_percent']:.2f} %",
            f"bare Textual app {idle['floor_percent']:.2f} % over {idle['seconds']:.0f} s",
            _ratio(idle["app_percent"], idle["floor_percent"]),
        )
    )
    for name, k in ui["keys"].items():
        out.append(
            (
                name,
                f"{k['median_ms']:.1f} ms {k['bytes']:.0f} B",
                f"Textual {k['floor_ms']:.1f} ms {k['floor_bytes']:.0f} B; worst {k['worst_ms']:.0f} ms"
                f"; settled {k['settled_ms']:.0f} ms {k['settled_bytes']:.0f} B",
                _ratio(k["median_ms"], k["floor_ms"]),
            )
        )
    return out
