"""Every stored collection has a home in the UI (a screen, a Plan tab, a parent record)."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.registry import BY_COLLECTION, COLLECTIONS
from itsms_tui.ui.homes import HOME_OF, HOMES, adds_from, shown_under
from itsms_tui.ui.navigation import BY_MODE, mode_for_record
from itsms_tui.ui.screens.plan import PlanScreen
from tests.compliance.builders import healthy


def test_every_collection_of_the_registry_has_exactly_one_home() -> None:
    homes = [home.collection for home in HOMES]
    assert sorted(homes) == sorted(COLLECTIONS)
    assert len(set(homes)) == len(homes)


def test_every_home_names_a_screen_a_plan_tab_and_collections_that_exist() -> None:
    tabs = {tab.id for tab in PlanScreen().tabs}
    for home in HOMES:
        assert home.mode in BY_MODE, home
        assert (home.tab is not None) == (home.mode == "plan"), home
        assert home.tab is None or home.tab in tabs, home
        keys = [add.key for add in home.adds]
        assert len(set(keys)) == len(keys), home
        for add in home.adds:
            assert add.collection in BY_COLLECTION, add


def test_a_record_jumps_to_the_screen_of_its_home() -> None:
    assert mode_for_record("ALC-0001") == HOME_OF["allocations"].mode == "plan"
    assert mode_for_record("AMD-0001") == "agreements"
    assert mode_for_record("NOPE-0001") is None


def test_detail_pane_records_are_shown_under_their_parent_on_their_own_screen() -> None:
    data = healthy()
    review = data.get("REV-0001")
    assert review is not None
    assert shown_under(review, "suppliers", data) == "SUP-0001"
    assert shown_under(review, "agreements", data) is None  # a link there: Enter jumps


def test_a_offers_a_contract_review_only_for_an_agreement_with_a_supplier() -> None:
    data = healthy()
    contract, sla = data.get("AGR-0001"), data.get("AGR-0003")
    assert contract is not None and sla is not None
    today = date(2025, 6, 16)
    offered = {add.collection: values for add, values in adds_from(contract, today)}
    assert offered["reviews"] == {
        "agreement_id": "AGR-0001",
        "supplier_id": "SUP-0001",
        "held_on": today,
    }
    assert "reviews" not in {add.collection for add, _ in adds_from(sla, today)}
