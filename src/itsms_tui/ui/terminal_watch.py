"""Noticing that the terminal went away, for sessions that get no SIGHUP.

A TUI started under ``setsid`` (or whose SSH connection dies oddly) keeps running
when its terminal closes: Textual's input thread then reads end-of-file in a tight
loop, burning a core forever. ``poll`` reports a hung-up or closed terminal without
reading from it (so it never competes with Textual's reader), so the app can check
it on a timer and exit.
"""

from __future__ import annotations

import select
import sys

_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL

WATCH_SECONDS = 1.0
"""How often the app looks; one poll(2) call, no reading."""


def terminal_fd() -> int | None:
    """The terminal Textual reads keys from, or None when there is none to watch."""
    stream = sys.__stdin__
    if stream is None:
        return None
    try:
        return stream.fileno()
    except (OSError, ValueError):
        return None


def terminal_gone(fd: int) -> bool:
    """Whether ``fd`` is hung up, in error or closed (no data is read)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        events = poller.poll(0)
    except OSError:
        return True
    return any(mask & _GONE for _fd, mask in events)
