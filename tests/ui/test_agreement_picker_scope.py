"""A review's, dispute's or action's agreement picker offers only its supplier's agreements."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.suppliers import ImprovementAction, SupplierReview
from itsms_tui.ui.app import ItsmsApp
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.forms.reference_picker import ReferenceMatches, ReferencePicker
from itsms_tui.ui.screens.suppliers import SuppliersScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
    type_text,
)


def _form(app: ItsmsApp) -> RecordForm[Any]:
    form = app.screen
    assert isinstance(form, RecordForm)
    return form


async def _offered(pilot: Pilot[None], app: ItsmsApp, field: str) -> list[str]:
    """The ids the picker of ``field`` lists once the cursor is in it (nothing typed)."""
    form = _form(app)
    form.focus_field(field)
    await pilot.pause()
    picker = form.field_row(field).editor
    assert isinstance(picker, ReferencePicker)
    matches = picker.query_one(ReferenceMatches)
    ids = [matches.get_option_at_index(i).id for i in range(matches.option_count)]
    return [i for i in ids if i is not None]


async def test_a_new_review_offers_its_suppliers_agreements_and_follows_a_new_supplier() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SuppliersScreen)
        assert screen.select_record("SUP-0004")
        await pilot.press("a", "r")  # add linked: review
        await settle(pilot)
        form = _form(app)
        assert form.model is SupplierReview
        every = [a.id for a in app.data.all(Agreement)]
        assert len(every) > 10
        assert await _offered(pilot, app, "agreement_id") == ["AGR-0004"]

        form.focus_field("supplier_id")
        await pilot.pause()
        await type_text(pilot, "SUP-0002")
        await pilot.press("enter")
        await pilot.pause()
        assert await _offered(pilot, app, "agreement_id") == ["AGR-0002"]
        await type_text(pilot, "AGR-0004")  # another supplier's, typed exactly
        await pilot.pause()
        picker = form.field_row("agreement_id").editor
        assert isinstance(picker, ReferencePicker)
        matches = picker.query_one(ReferenceMatches)
        first = matches.get_option_at_index(0)
        assert first.id is None and "no match" in str(first.prompt)


async def test_an_action_without_a_supplier_offers_its_reviews_suppliers_agreements() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        review = next(r for r in app.data.all(SupplierReview) if r.supplier_id == "SUP-0002")
        app.create_record(ImprovementAction, {"review_id": review.id})
        await settle(pilot)
        form = _form(app)
        assert form.model is ImprovementAction
        assert await _offered(pilot, app, "agreement_id") == ["AGR-0002"]
        form.focus_field("review_id")
        await pilot.pause()
        picker = form.field_row("review_id").editor
        assert isinstance(picker, ReferencePicker)
        picker.set_picked([])
        await pilot.pause()
        assert len(await _offered(pilot, app, "agreement_id")) == len(app.data.all(Agreement))
