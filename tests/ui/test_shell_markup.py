"""User text that looks like markup is shown as typed on every screen, pane and palette.

A supplier called ``[@click=app.quit]x[/]`` would quit a naive app and ``[/x]`` would
crash it; each string below sits in every kind of record these screens show.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from textual.pilot import Pilot

from itsms_tui.domain.agreements import Agreement, Amendment, ServiceTarget
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    ChangeStatus,
    Renewal,
    SupplierStatus,
)
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.people import Person
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Contact,
    Criterion,
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.services.workspace import Workspace
from itsms_tui.store.records import RecordStore
from itsms_tui.ui.app import ItsmsApp, make_app
from itsms_tui.ui.screens.history import HistoryScreen
from itsms_tui.ui.screens.kpi_detail import KpiDetailScreen
from itsms_tui.ui.widgets.confirm import MessageScreen
from itsms_tui.ui.widgets.detail_pane import DetailPane
from tests.people_support import named_people
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    fixed_today,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
    wait_for,
)

CLOSE = "[/x]"
BOLD = "[bold]Acme"
CLICK = "[@click=app.quit]x[/]"
ALL = (CLOSE, BOLD, CLICK)


def nasty_workspace() -> Workspace:
    """One of each record these screens show, every text field full of markup look-alikes."""
    ws = Workspace(RecordStore.in_memory(), today=fixed_today)
    who = named_people(ws, *ALL)
    me = ws.store.get(Person, ws.actor.person_id)
    ws.save(me.model_copy(update={"name": CLICK}))  # the history's "who" reads like markup
    svc = ws.save(Service(name=f"{BOLD} service"))
    sup = ws.save(
        Supplier(
            name=f"{BOLD} {CLOSE}",
            category=CLICK,
            services_provided=[CLOSE],
            status=SupplierStatus.ACTIVE,
            approved_on=FIXED_TODAY - timedelta(days=800),
            relationship_owner=who[CLICK],
            contacts=[Contact(name=CLICK, role=BOLD, email=CLOSE)],
            requirements=[CLICK],
            our_responsibilities=[BOLD],
            supplier_responsibilities=[CLOSE],
            interfaces=f"{CLICK}\n{BOLD}",
            notes=CLOSE,
        )
    )
    ws.save(
        Evaluation(
            supplier_id=sup.id,
            evaluated_on=FIXED_TODAY,
            evaluator=who[BOLD],
            criteria=[Criterion(name=CLICK, weight=1, score=2)],
            rationale=CLOSE,
        )
    )
    review = ws.save(
        SupplierReview(
            supplier_id=sup.id,
            held_on=FIXED_TODAY - timedelta(days=400),
            attendees=[who[BOLD]],
            performance_summary=CLICK,
            minutes=CLOSE,
        )
    )
    ws.save(ImprovementAction(description=f"{CLICK} action", review_id=review.id, owner=who[BOLD]))
    ws.save(ImprovementAction(description=f"{CLOSE} action", supplier_id=sup.id))
    ws.save(Dispute(supplier_id=sup.id, title=f"{CLICK} dispute", raised_on=FIXED_TODAY))
    contract = ws.save(
        Agreement(
            title=f"{CLICK} contract",
            supplier_id=sup.id,
            status=AgreementStatus.ACTIVE,
            service_ids=[svc.id],
            owner=who[BOLD],
            scope=CLOSE,
            requirements=[CLICK],
            targets=[ServiceTarget(metric=BOLD, target=99, unit=CLOSE)],
            quality_standards=[CLICK],
            conditions=[BOLD],
            workload_limits=[CLOSE],
            exceptions=[CLICK],
            authorities=[BOLD],
            our_responsibilities=[CLOSE],
            their_responsibilities=[CLICK],
            start_date=FIXED_TODAY - timedelta(days=300),
            end_date=FIXED_TODAY + timedelta(days=40),
            renewal=Renewal.TACIT,
            renewal_months=12,
            notice_days=30,
            currency=BOLD,
        )
    )
    ws.save(
        Agreement(
            title=f"{BOLD} SLA",
            kind=AgreementKind.CUSTOMER_SLA,
            customer_id=ws.save(Customer(name=CLICK)).id,
            status=AgreementStatus.ACTIVE,
            underpinning_ids=[contract.id],
        )
    )
    ws.save(
        Amendment(agreement_id=contract.id, title=f"{CLOSE} amendment", impact_assessment=CLICK)
    )
    kpi = ws.save(
        Kpi(
            name=f"{CLICK} KPI",
            unit=CLOSE,
            target=95,
            warning=90,
            subject_id=sup.id,
            measures=BOLD,
            owner=who[CLICK],
        )
    )
    for days, value in ((60, 99), (30, 93), (1, 50)):
        ws.save(
            Measurement(
                kpi_id=kpi.id,
                measured_on=FIXED_TODAY - timedelta(days=days),
                value=value,
                note=f"{BOLD} note",
                recorded_by=CLICK,
            )
        )
    ws.save(Risk(title=f"{BOLD} risk", likelihood=5, impact=4, supplier_id=sup.id))
    ws.save(ChangeRequest(title=f"{CLOSE} change", status=ChangeStatus.DRAFT))
    change = ws.data().all(ChangeRequest)[0]
    ws.move_change(
        change, ChangeStatus.SUBMITTED, {"requested_by": who[CLICK], "requested_on": FIXED_TODAY}
    )
    return ws


def assert_still_running(app: ItsmsApp) -> None:
    assert app.is_running
    assert app.return_code is None


async def read_whole_pane(pilot: Pilot[Any], app: ItsmsApp) -> str:
    """Everything the detail pane shows, page by page, as painted."""
    pane = app.screen.query_one(DetailPane)
    pane.focus()
    seen = [screen_text(app)]
    for _ in range(pane.total_count // 5 + 2):
        await pilot.press("pagedown")
        await pilot.pause()
        seen.append(screen_text(app))
    return "\n".join(seen)


async def test_markup_in_every_record_is_shown_literally_everywhere() -> None:
    app = make_app(nasty_workspace(), poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await wait_for(pilot, lambda: "item(s)" in screen_text(app), 400)
        # The attention list is longer than the screen: the filter (typed literally)
        # brings each line up, and the line itself shows the markup as text.
        for text in (f"{BOLD} {CLOSE}", f"{CLOSE} change", f"{BOLD} risk", CLICK[:14]):
            await pilot.press("/", *text, "enter")
            await settle(pilot)
            assert text in screen_text(app).split("Needs attention today", 1)[1], text
            await pilot.press("escape")
            await settle(pilot)
        assert_still_running(app)

        await pilot.press("3")
        await settle(pilot)
        assert f"{BOLD} {CLOSE}" in screen_text(app)
        pane = await read_whole_pane(pilot, app)
        for text in (
            f"{CLICK} action",
            f"{CLOSE} action",
            f"{CLICK} dispute",
            f"{CLICK} contract",
            f"{CLICK} KPI",
            f"{BOLD} risk",
            f"Category: {CLICK}",
            f"• {CLICK}",
            f"{CLICK}: score 2",
        ):
            assert text in pane, text
        for text in ALL:
            assert text in pane
        assert_still_running(app)

        await pilot.press("escape", "4")
        await settle(pilot)
        register = screen_text(app)  # titles are cut to the column, literally
        assert "[@click=app." in register and "[bold]Acme" in register
        pane = await read_whole_pane(pilot, app)
        for text in (
            f"{CLICK} contract",
            f"{CLOSE} amendment",
            f"{BOLD} ≥ 99 {CLOSE}",
            f"Owner: {BOLD}",
            f"{BOLD} service",
        ):
            assert text in pane, text
        await pilot.press("escape", "j")  # the SLA: its customer, linked by id and name
        customer = re.compile(f"CUS-[0-9]+ {re.escape(CLICK)}")
        # The pane follows the cursor once it rests (the detail is debounced).

        def shows_customer() -> bool:
            return customer.search(screen_text(app)) is not None

        assert await wait_for(pilot, shows_customer), screen_text(app)
        assert_still_running(app)

        await pilot.press("5")
        await settle(pilot)
        board = screen_text(app)
        assert f"KPI-0001 {CLICK}" in board and f"50 {CLOSE}" in board
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, KpiDetailScreen)
        detail = screen_text(app)
        assert f"{BOLD} note" in detail and f"Measures {BOLD}" in detail
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        history = screen_text(app)
        assert CLICK[:10] in history  # the user (who) column is narrow
        assert f"{BOLD} note" in history
        await pilot.press("escape", "escape")
        await settle(pilot)

        await pilot.press("3", "d")  # the supplier has agreements: explained, not asked
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        blocked = screen_text(app)
        assert f"SUP-0001 {BOLD} {CLOSE} is still referred to" in blocked
        assert f"Agreement AGR-0001 {CLICK} contract" in blocked
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "acme")
        await settle(pilot)
        await pilot.pause(0.3)
        palette = screen_text(app)
        assert f"SUP-0001 {BOLD} {CLOSE}" in palette
        assert_still_running(app)
        await pilot.press("escape")
        await pilot.pause()
        assert_still_running(app)
