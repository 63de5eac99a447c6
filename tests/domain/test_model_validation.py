"""Model validation that protects the terminal and the data: text, lengths, dates, rules, ids."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from itsms_tui.domain.agreements import Agreement, PriorityTimes
from itsms_tui.domain.enums import AgreementKind, Direction, Priority, Renewal
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.plan import Activity, Allocation
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import Contact, Criterion, Supplier

# --- text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("Acme\x1b[31mRed", "U+001B"),
        ("Acme\x00", "U+0000"),
        ("Acme\x9b2J", "U+009B"),
        ("Acme\nHosting", "U+000A"),
        ("Acme\u2028Hosting", "U+2028"),
    ],
)
def test_control_characters_are_refused_in_names(bad: str, code: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(code)):
        Supplier(name=bad)


def test_control_characters_are_refused_in_lists_and_nested_contacts() -> None:
    with pytest.raises(ValidationError, match=r"U\+001B"):
        Supplier(name="Acme", requirements=["24x7 support\x1b]0;pwned\x07"])
    with pytest.raises(ValidationError, match=r"U\+0000"):
        Supplier(name="Acme", contacts=[Contact(name="Bob\x00")])


def test_multi_line_fields_accept_newlines_and_tabs_but_not_escapes() -> None:
    supplier = Supplier(name="Acme", notes="Line one\r\n\tLine two\nLine three")
    assert supplier.notes == "Line one\n\tLine two\nLine three"
    with pytest.raises(ValidationError, match=r"U\+001B"):
        Supplier(name="Acme", notes="ok\n\x1b[2J")
    with pytest.raises(ValidationError, match=r"U\+000D"):
        Supplier(name="Acme", notes="carriage\rreturn")


def test_markup_like_text_is_kept_literally() -> None:
    assert Supplier(name="[/x] [@click=app.quit]x[/]").name == "[/x] [@click=app.quit]x[/]"


def test_length_limits_and_blank_names() -> None:
    assert len(Supplier(name="x" * 200).name) == 200
    with pytest.raises(ValidationError, match="at most 200"):
        Supplier(name="x" * 201)
    with pytest.raises(ValidationError, match="at least 1"):
        Supplier(name="   ")
    assert Supplier(name="  Acme  ").name == "Acme"
    Supplier(name="Acme", notes="n" * 20_000)
    with pytest.raises(ValidationError, match="at most 20000"):
        Supplier(name="Acme", notes="n" * 20_001)
    with pytest.raises(ValidationError, match="at most 500"):
        Supplier(name="Acme", requirements=["r" * 501])


# --- dates -------------------------------------------------------------------------------


def test_end_before_start_is_refused_naming_both_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        Agreement(title="Hosting", start_date=date(2024, 1, 1), end_date=date(2023, 12, 31))
    message = str(caught.value)
    assert "end_date (2023-12-31)" in message and "start_date (2024-01-01)" in message
    Agreement(title="One day", start_date=date(2024, 1, 1), end_date=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="due_date .* start_date"):
        Activity(
            process_id="PRC-0001",
            name="Patch",
            start_date=date(2024, 3, 2),
            due_date=date(2024, 3, 1),
        )
    with pytest.raises(ValidationError, match="end_date .* start_date"):
        Allocation(
            resource_id="RES-0001",
            process_id="PRC-0001",
            amount=1,
            start_date=date(2024, 3, 2),
            end_date=date(2024, 3, 1),
        )


def test_a_refused_assignment_leaves_the_record_unchanged() -> None:
    agreement = Agreement(title="Hosting", start_date=date(2024, 1, 1), end_date=date(2024, 12, 31))
    with pytest.raises(ValidationError, match="end_date"):
        agreement.end_date = date(2023, 1, 1)
    assert agreement.end_date == date(2024, 12, 31)
    with pytest.raises(ValidationError, match="tacit renewal"):
        agreement.renewal = Renewal.TACIT
    assert agreement.renewal is Renewal.NONE
    agreement.end_date = date(2025, 6, 30)
    assert agreement.end_date == date(2025, 6, 30)


def test_timestamps_must_carry_a_time_zone_and_are_stored_in_utc() -> None:
    with pytest.raises(ValidationError, match="time zone"):
        Supplier(name="Acme", created_at=datetime(2024, 1, 1, 12, 0))
    cet = timezone(timedelta(hours=1))
    supplier = Supplier(name="Acme", created_at=datetime(2024, 1, 1, 12, 0, tzinfo=cet))
    assert supplier.created_at == datetime(2024, 1, 1, 11, 0, tzinfo=UTC)
    assert supplier.created_at.utcoffset() == timedelta(0)


# --- scores ------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, 6])
def test_risk_ratings_are_1_to_5(bad: int) -> None:
    with pytest.raises(ValidationError):
        Risk(title="Outage", likelihood=bad, impact=3)
    with pytest.raises(ValidationError):
        Risk(title="Outage", likelihood=3, impact=bad)


def test_residual_rating_is_set_as_a_pair() -> None:
    with pytest.raises(ValidationError, match="set together"):
        Risk(title="Outage", likelihood=3, impact=3, residual_likelihood=2)
    assert Risk(title="Outage", likelihood=3, impact=4).score == 12


def test_evaluation_criteria_are_scored_0_to_5_with_positive_weight() -> None:
    Criterion(name="capability", weight=1, score=0)
    with pytest.raises(ValidationError):
        Criterion(name="capability", weight=1, score=5.1)
    with pytest.raises(ValidationError):
        Criterion(name="capability", weight=0, score=3)


# --- KPI thresholds ----------------------------------------------------------------------


def test_kpi_thresholds_must_point_the_way_of_the_direction() -> None:
    with pytest.raises(ValidationError, match="not be above the target"):
        Kpi(name="Availability", target=99, warning=99.5, subject_id="AGR-0001")
    with pytest.raises(ValidationError, match="not be below the target"):
        Kpi(
            name="Fix time",
            direction=Direction.LOWER_IS_BETTER,
            target=4,
            warning=2,
            subject_id="AGR-0001",
        )
    Kpi(name="Equal", target=5, warning=5, subject_id="AGR-0001")


def test_kpi_subject_must_be_a_measurable_record() -> None:
    with pytest.raises(ValidationError, match="subject must be one of"):
        Kpi(name="Risky", target=1, warning=0, subject_id="RSK-0001")


# --- agreement party and term rules ------------------------------------------------------


def test_customer_sla_names_a_customer_not_a_supplier() -> None:
    with pytest.raises(ValidationError, match="customer SLA names a customer"):
        Agreement(title="SLA", kind=AgreementKind.CUSTOMER_SLA, supplier_id="SUP-0001")
    sla = Agreement(
        title="SLA",
        kind=AgreementKind.CUSTOMER_SLA,
        customer_id="CUS-0001",
        underpinning_ids=["AGR-0002"],
    )
    assert sla.party == "CUS-0001"


def test_only_a_customer_sla_is_underpinned() -> None:
    with pytest.raises(ValidationError, match="only a customer SLA"):
        Agreement(title="Contract", supplier_id="SUP-0001", underpinning_ids=["AGR-0002"])


def test_tacit_renewal_needs_a_renewal_period() -> None:
    with pytest.raises(ValidationError, match="renewal period"):
        Agreement(title="Contract", renewal=Renewal.TACIT)
    Agreement(title="Contract", renewal=Renewal.TACIT, renewal_months=12, notice_days=0)


def test_priority_times_are_one_row_per_priority_and_resolution_not_before_response() -> None:
    row = PriorityTimes(priority=Priority.P1, response_minutes=15, resolution_minutes=240)
    with pytest.raises(ValidationError, match="one row"):
        Agreement(title="Contract", priority_times=[row, row])
    with pytest.raises(ValidationError, match="shorter than response"):
        PriorityTimes(priority=Priority.P2, response_minutes=60, resolution_minutes=30)


# --- record ids --------------------------------------------------------------------------


@pytest.mark.parametrize("good", ["", "SUP-0001", "SUP-12345"])
def test_record_ids_that_are_accepted(good: str) -> None:
    assert Supplier(id=good, name="Acme").id == good


@pytest.mark.parametrize(
    "bad", ["SUP-1", "sup-0001", "SUP0001", "SUP-0001 ", "SUP-0001\n", "AGR-0001"]
)
def test_record_ids_that_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        Supplier(id=bad, name="Acme")


def test_references_must_be_ids() -> None:
    with pytest.raises(ValidationError):
        Agreement(title="Contract", supplier_id="Acme")
    with pytest.raises(ValidationError):
        Agreement(title="Contract", supplier_id="SUP-0001\n")


def test_display_names_a_record_by_id_and_title() -> None:
    assert Supplier(id="SUP-0007", name="Acme").display == "SUP-0007 Acme"
    assert Supplier(name="Acme").display == "Acme"


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\ud800"])
def test_bidi_overrides_and_lone_surrogates_are_refused(char: str) -> None:
    with pytest.raises(ValidationError, match="not allowed"):
        Supplier(name=f"Acme{char}Ltd")
