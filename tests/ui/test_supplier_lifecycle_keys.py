"""Supplier lifecycle steps from the Suppliers screen: their own keys and small forms."""

from __future__ import annotations

from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.ui.app import ItsmsApp
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.screens.suppliers import SuppliersScreen
from itsms_tui.ui.widgets.confirm import ConfirmScreen
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
)


def stored(app: ItsmsApp, supplier_id: str) -> Supplier:
    found = app.workspace.data().get_as(Supplier, supplier_id)
    assert found is not None
    return found


def offered(app: ItsmsApp) -> set[str]:
    return {a.binding.action for a in app.screen.active_bindings.values() if a.binding.show}


async def test_a_proposed_supplier_is_evaluated_then_approved_with_todays_date() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SuppliersScreen)
        assert screen.select_record("SUP-0013")  # proposed, never approved
        await pilot.pause()
        assert stored(app, "SUP-0013").status is SupplierStatus.PROPOSED
        assert "lifecycle('evaluate')" in offered(app)
        assert "lifecycle('approve')" not in offered(app)

        # Approve is not a step from proposed: the key says what is needed.
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is screen
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith("Approve needs an evaluating supplier;")
            and m.endswith("is proposed: press v (Evaluate) first")
            for m in messages
        ), messages

        # v: a yes/no question (the step asks nothing), then the status moves.
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert stored(app, "SUP-0013").status is SupplierStatus.EVALUATING

        # o: the approval form asks a few fields, the date already filled with today.
        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        names = [row.spec.name for row in form.field_rows()]
        assert names == [
            "criticality",
            "relationship_owner",
            "review_interval_months",
            "approved_on",
        ]
        assert form.values()["approved_on"] == FIXED_TODAY.isoformat()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        approved = stored(app, "SUP-0013")
        assert (approved.status, approved.approved_on) == (SupplierStatus.APPROVED, FIXED_TODAY)
        assert approved.relationship_owner == "PER-0011"  # Hannah Becker, picked by name

        # c activates it; x asks for a note and exits it.
        assert "lifecycle('activate')" in offered(app)
        await pilot.press("c", "ctrl+s")
        await settle(pilot)
        assert stored(app, "SUP-0013").status is SupplierStatus.ACTIVE
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(app, "SUP-0013").status is SupplierStatus.EXITED
        assert not any(a.startswith("lifecycle(") for a in offered(app))
