"""`A`: the whole audit trail, filtered by who, record, collection and date, chain status shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot

from itsms_tui.domain.suppliers import Supplier
from itsms_tui.store.records import RecordStore
from itsms_tui.ui.app import ItsmsApp
from itsms_tui.ui.screens.audit import AuditRow, AuditScreen
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    file_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)

HOSTILE = "[b]Acme[/b] [@click=app.quit]x[/]"


def _file_with_trail(tmp_path: Path) -> Path:
    """Five entries by two people: SUP-0001 created, renamed twice; SUP-0002, SUP-0003 created."""
    path = tmp_path / "data.json"
    alice = RecordStore.open(path, user="alice")
    acme = alice.create(Supplier(name=HOSTILE))
    bob = RecordStore.open(path, user="bob")
    acme = bob.update(acme.model_copy(update={"name": "Acme Ltd"}))
    alice.create(Supplier(name="Beta"))
    alice.update(acme.model_copy(update={"name": "Acme Group"}))
    bob.create(Supplier(name="Gamma"))
    return path


def _rows(app: ItsmsApp) -> list[AuditRow]:
    screen = app.screen
    assert isinstance(screen, AuditScreen)
    table: RecordTable[AuditRow] = screen.query_one("#audit-table", RecordTable)
    return table.visible_rows


async def _open_trail(pilot: Pilot[None], app: ItsmsApp) -> AuditScreen:
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, AuditScreen)
    return screen


async def _fill(pilot: Pilot[None], screen: AuditScreen, name: str, text: str) -> None:
    field = screen.field(name)
    field.focus()
    field.value = ""
    await pilot.pause()
    await type_text(pilot, text)
    await settle(pilot)


async def test_filter_by_record_narrows_the_rows_newest_first(tmp_path: Path) -> None:
    app = file_app(_file_with_trail(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_trail(pilot, app)
        assert [r.entry.seq for r in _rows(app)] == [5, 4, 3, 2, 1]
        text = screen_text(app)
        assert "5 entries · ✔ chain verified" in text
        await pilot.press("slash")  # into the filter fields
        assert screen.focused is screen.field("person")
        await _fill(pilot, screen, "record", "sup-0001")
        assert [r.entry.seq for r in _rows(app)] == [4, 2, 1]
        assert "3 of 5 entries" in screen_text(app)
        await _fill(pilot, screen, "person", "bob")
        assert [r.entry.seq for r in _rows(app)] == [2]
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert len(_rows(app)) == 5


async def test_markup_in_recorded_text_is_shown_literally(tmp_path: Path) -> None:
    app = file_app(_file_with_trail(tmp_path))
    async with app.run_test(size=(160, 24)) as pilot:
        screen = await _open_trail(pilot, app)
        await _fill(pilot, screen, "record", "SUP-0001")
        text = screen_text(app)
        assert "[b]Acme[/b] [@click=app.quit]x[/]" in text
        assert app.is_running


async def test_filter_by_collection_and_dates_with_a_bad_date_named(tmp_path: Path) -> None:
    app = file_app(_file_with_trail(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_trail(pilot, app)
        await _fill(pilot, screen, "collection", "agreements")
        assert _rows(app) == []
        assert "No audit entries match the filters." in screen_text(app)
        await _fill(pilot, screen, "collection", "Suppliers")
        assert len(_rows(app)) == 5
        today = datetime.now(UTC).date()
        await _fill(pilot, screen, "since", (today + timedelta(days=1)).isoformat())
        assert _rows(app) == []
        await _fill(pilot, screen, "since", "31/12/2026")
        assert len(_rows(app)) == 5  # the bad date is ignored, and said so
        assert "From '31/12/2026': not a date" in screen_text(app)
        await _fill(pilot, screen, "since", today.isoformat())
        await _fill(pilot, screen, "until", today.isoformat())
        assert len(_rows(app)) == 5


async def test_a_broken_chain_is_named_and_its_entry_marked(tmp_path: Path) -> None:
    path = _file_with_trail(tmp_path)
    raw = path.read_bytes()
    assert raw.count(b'"summary":"Beta"') == 1
    path.write_bytes(raw.replace(b'"summary":"Beta"', b'"summary":"Bets"'))
    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_trail(pilot, app)
        text = screen_text(app)
        assert "✖ chain broken at audit entry 3 (SUP-0002): changed" in text
        broken = [r.entry.seq for r in _rows(app) if r.broken]
        assert broken == [3]
        assert "✖ chain broken here" in text


async def test_enter_opens_the_record_of_an_entry_and_escape_goes_back(tmp_path: Path) -> None:
    app = file_app(_file_with_trail(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_trail(pilot, app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, AuditScreen)
        screen = await _open_trail(pilot, app)
        assert screen.table.cursor_key == "5"
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "suppliers"
        assert not isinstance(app.screen, AuditScreen)
        screen_now = app.screen
        assert isinstance(screen_now, MainScreen)
        current = screen_now.current_record()
        assert current is not None and current.id == "SUP-0003"


async def test_the_palette_and_the_keys_screen_offer_it() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Audit trail" in screen_text(app)
        await pilot.press("escape")
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Audit trail" in commands
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, AuditScreen)
        assert "demo data loaded" in screen_text(app)
