"""A save that fails (disk full, lock busy, read-only directory) keeps the form and the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.workspace import Workspace
from itsms_tui.store.errors import (
    ReadOnlyStoreError,
    StoreBusyError,
    StoreError,
    StoreWriteError,
)
from itsms_tui.store.storage import DataFileStorage
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.screens.suppliers import SuppliersScreen
from tests.ui.shell_support import (
    SIZE,
    file_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
    wait_for,
)

FAILURES: dict[str, tuple[type[StoreError], str, str]] = {
    "disk full": (StoreWriteError, "No space left on device", "No space left on device"),
    "lock busy": (StoreBusyError, "", "busy, another session"),
    "read-only directory": (ReadOnlyStoreError, "cannot create files", "read-only"),
}


def _open_form(screen: object) -> RecordForm[Any]:
    assert isinstance(screen, RecordForm)
    return screen


def _error(kind: type[StoreError], path: Path, detail: str) -> StoreError:
    if kind is StoreBusyError:
        return StoreBusyError(path, 5.0)
    return kind(path, detail)


@pytest.mark.parametrize("case", list(FAILURES))
async def test_a_failed_save_keeps_the_form_open_with_the_reason_and_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    kind, detail, shown = FAILURES[case]
    path = tmp_path / "d.json"
    first = Workspace.open_file(path)
    supplier = first.save(Supplier(name="Acme Hosting"))
    first.store.close()

    def fail(self: DataFileStorage, payload: bytes, schema_version: int) -> object:
        raise _error(kind, path, detail)

    app = file_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        form = _open_form(app.screen)
        form.field_row("notes").focus_target().focus()
        await type_text(pilot, "typed with care")

        with monkeypatch.context() as patch:
            patch.setattr(DataFileStorage, "_persist", fail)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is form, "the form must stay open"
            assert form.values()["notes"] == "typed with care"
            # the reason is painted a frame after the worker reports the failure
            assert await wait_for(pilot, lambda: "Not saved:" in screen_text(app))
            message = str(form.query_one("#form-errors", Static).render())
            assert shown in message and "text is kept" in message

        # The cause is gone: ctrl+s again saves what was kept.
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, SuppliersScreen))
        await settle(pilot)

    check = Workspace.open_file(path)
    assert check.store.get(Supplier, supplier.id).notes == "typed with care"
    check.store.close()


async def test_a_lifecycle_step_that_fails_to_save_keeps_its_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.json"
    first = Workspace.open_file(path)
    supplier = first.save(Supplier(name="Acme", status=SupplierStatus.EVALUATING))
    first.store.close()

    def fail(self: DataFileStorage, payload: bytes, schema_version: int) -> object:
        raise StoreWriteError(path, "No space left on device")

    app = file_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("o")  # approve
        await pilot.pause()
        form = _open_form(app.screen)
        form.field_row("relationship_owner").focus_target().focus()
        await type_text(pilot, "praman")  # the file's first login, filed as its administrator
        with monkeypatch.context() as patch:
            patch.setattr(DataFileStorage, "_persist", fail)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is form
            assert form.values()["relationship_owner"] == "PER-0001"
            assert "No space left on device" in str(form.query_one("#form-errors", Static).render())
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, SuppliersScreen))
        await settle(pilot)

    check = Workspace.open_file(path)
    approved = check.store.get(Supplier, supplier.id)
    assert (approved.status, approved.relationship_owner) == (SupplierStatus.APPROVED, "PER-0001")
    check.store.close()
