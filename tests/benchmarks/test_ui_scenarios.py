"""The pseudo-terminal harness of the TUI benchmarks times real keys and sees real screens.

The whole scenario set needs the app started and walked through every screen (tens of
seconds), so only the harness is tested here, against the bare Textual floor app itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.ui_scenarios import DOWN, FLOOR_APP, Step, Term, _keys


def test_keys_are_counted_on_screen_and_a_changed_file_is_noticed(tmp_path: Path) -> None:
    script = tmp_path / "floor.py"
    script.write_text(FLOOR_APP, encoding="utf-8")
    watched = tmp_path / "watched"
    watched.write_bytes(b"")
    terms = [Term([sys.executable, str(script), str(watched), "0.1"]) for _ in range(2)]
    app, floor = terms
    try:
        for term in terms:
            term.mark()
            term.until(b"floor 0", 60.0)
            term.settle()
        figures = _keys(app, floor, [Step(DOWN), Step(b"s", measured=False)], 2)
        assert figures["presses"] == 2
        assert figures["bytes"] > 0 and figures["floor_bytes"] > 0
        # Two measured keys and one setup key between them: the app's counter shows 3.
        assert b"floor 3" in app.previous + app.buf
        assert b"floor 2" in floor.previous + floor.buf
        app.mark()
        watched.write_bytes(b"changed")
        app.until(b"gen 1.", 30.0)
    finally:
        for term in terms:
            term.close()
