"""Timing the app in a real terminal (tmux): time from process start to screens showing
given markers, beside a bare Textual app started the same way (the floor).

    from benchmarks.terminal import first_frames
    first_frames([sys.executable, "-m", "itsms_tui", "--demo"], ["Needs attention", "KPIs:"])

The app's figure for each marker is the time the marker first appears on the captured
pane; the floor is the bare app's own first frame, measured alternately with the app so
both see the same machine load. Needs ``tmux``; ``available()`` says whether it is there.
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

FLOOR_APP = """
from textual.app import App
from textual.widgets import Static
class Floor(App):
    def compose(self):
        yield Static("floor-ready")
Floor().run()
"""
FLOOR_MARKER = "floor-ready"


def available() -> bool:
    return shutil.which("tmux") is not None


def _capture(session: str) -> str:
    done = subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    )
    return done.stdout


def _once(command: Sequence[str], markers: Sequence[str], size: str, timeout: float) -> list[float]:
    """Seconds from start until each marker is on screen (in order of appearance)."""
    session = f"bench{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    width, height = size.split("x")
    shell = f"env TERM=xterm-256color {shlex.join(command)}; sleep 60"
    start = time.monotonic()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", width, "-y", height, shell],
        check=True,
    )
    seen: dict[str, float] = {}
    try:
        while len(seen) < len(markers):
            elapsed = time.monotonic() - start
            if elapsed > timeout:
                missing = [m for m in markers if m not in seen]
                raise SystemExit(
                    f"no screen showed {missing!r} within {timeout:.0f} s; last screen:\n"
                    + _capture(session)
                )
            screen = _capture(session)
            for marker in markers:
                if marker not in seen and marker in screen:
                    seen[marker] = elapsed
            time.sleep(0.01)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return [seen[m] for m in markers]


def first_frames(
    command: Sequence[str],
    markers: Sequence[str],
    *,
    runs: int = 3,
    size: str = "120x40",
    timeout: float = 120.0,
) -> dict[str, float]:
    """Medians in ms: ``marker_<i>_ms`` per marker, ``floor_ms``, and ``ratio_<i>`` (the
    median of per-run ratios to the floor run just before it)."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(FLOOR_APP)
        floor_py = Path(handle.name)
    floors: list[float] = []
    apps: list[list[float]] = []
    try:
        for _ in range(runs):
            floors.extend(_once([sys.executable, str(floor_py)], [FLOOR_MARKER], size, timeout))
            apps.append(_once(command, markers, size, timeout))
    finally:
        floor_py.unlink(missing_ok=True)
    out: dict[str, float] = {"floor_ms": statistics.median(floors) * 1000}
    for i in range(len(markers)):
        times = [run[i] for run in apps]
        out[f"marker_{i}_ms"] = statistics.median(times) * 1000
        out[f"ratio_{i}"] = statistics.median(t / f for t, f in zip(times, floors, strict=True))
    return out


# --- keystrokes in a pseudo-terminal ------------------------------------------------


class PtyApp:
    """A command in a pseudo-terminal of ``size`` (``120x40``); reads what it writes."""

    def __init__(self, argv: Sequence[str], size: str) -> None:
        import fcntl
        import pty
        import struct
        import termios

        cols, rows = (int(v) for v in size.split("x"))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        env.pop("TMUX", None)
        pid, fd = pty.fork()
        if pid == 0:  # the child: the terminal's size, then the command
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execvpe(argv[0], list(argv), env)
        self.pid, self.fd = pid, fd
        self.seen = b""

    def read_until_quiet(self, quiet: float, limit: float = 120.0) -> int:
        """Read until nothing came for ``quiet`` seconds; the bytes read."""
        import select

        end, total = time.monotonic() + limit, 0
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 1 << 20)
            except OSError:
                break
            if not chunk:
                break
            total += len(chunk)
            self.seen = (self.seen + chunk)[-65536:]
        return total

    def wait_for(self, marker: bytes, limit: float) -> None:
        """Read until ``marker`` was written (the screen it is on is drawn), then quiet."""
        end = time.monotonic() + limit
        while marker not in self.seen:
            if time.monotonic() > end:
                raise SystemExit(f"the app never showed {marker!r} within {limit:.0f} s")
            self.read_until_quiet(0.2, 1.0)
        self.read_until_quiet(0.5)

    def press(self, data: bytes, quiet: float) -> tuple[float, int]:
        """Seconds from writing ``data`` to the last byte before ``quiet``; bytes written."""
        import select

        start = time.perf_counter()
        os.write(self.fd, data)
        got, last = 0, start
        while True:
            ready, _, _ = select.select([self.fd], [], [], quiet if got else 2.0)
            if not ready:
                break
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                break
            got += len(chunk)
            last = time.perf_counter()
        return last - start, got

    def close(self) -> None:
        import signal

        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                return
            for _ in range(40):
                self.read_until_quiet(0.02, 0.1)
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    return
                time.sleep(0.05)
