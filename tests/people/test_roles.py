"""Roles and separation of duties on one data file shared by several logins.

Each session is a ``Workspace`` on the same file working as another login (as two OS
users would be); the services refuse what a role does not allow, whatever front end asks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement, Amendment
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.enums import AgreementKind, ChangeStatus, RiskLevel, SupplierStatus
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.people import Person, Role
from itsms_tui.domain.plan import Objective
from itsms_tui.domain.suppliers import Criterion, Evaluation, Supplier
from itsms_tui.services.authority import AuthorityError, SeparationOfDuties
from itsms_tui.services.errors import UserError
from itsms_tui.services.workspace import Workspace

TODAY = date(2026, 11, 25)
ASSESSMENT = {"impact_assessment": "low", "risk_level": RiskLevel.LOW, "backout_plan": "undo"}


def session(path: Path, login: str) -> Workspace:
    workspace = Workspace.open_file(path)
    workspace.login = login
    workspace.store.user = login
    workspace.today = lambda: TODAY
    return workspace


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """A data file whose first login (``admin``) files two colleagues with their roles."""
    path = tmp_path / "itsms.json"
    admin = session(path, "admin")
    admin.save(Person(name="Sam Editor", logins=["sam"], roles=[Role.EDITOR]))
    admin.save(
        Person(
            name="Cora Authority",
            logins=["cora"],
            roles=[Role.EDITOR, Role.CHANGE_AUTHORITY],
        )
    )
    admin.store.close()
    return path


def test_the_first_login_on_a_new_file_becomes_its_administrator(data_file: Path) -> None:
    admin = session(data_file, "admin")
    [first] = [p for p in admin.data().all(Person) if p.logins == ["admin"]]
    assert first.roles == [Role.ADMINISTRATOR]
    assert admin.actor.person_id == first.id
    filed, sam = admin.store.audit_trail()[:2]
    assert (filed.user, filed.record_id) == ("admin", first.id)
    assert (sam.user, sam.person) == ("admin", first.id)  # the trail names login and person


def test_an_editor_cannot_approve_and_the_refusal_names_the_role(data_file: Path) -> None:
    sam = session(data_file, "sam")
    change = sam.save(ChangeRequest(title="Patch the firewall", requested_on=TODAY))
    submitted = sam.move_change(change, ChangeStatus.SUBMITTED)
    assert submitted.requested_by == sam.actor.person_id  # the requester is who submits
    with pytest.raises(AuthorityError) as refused:
        sam.move_change(submitted, ChangeStatus.REJECTED, {"approved_on": TODAY})
    message = str(refused.value)
    assert "Sam Editor" in message and "change authority role" in message
    assert sam.store.get(ChangeRequest, change.id).status is ChangeStatus.SUBMITTED


def test_the_change_authority_approves_others_changes_but_not_its_own(data_file: Path) -> None:
    sam, cora = session(data_file, "sam"), session(data_file, "cora")
    theirs = sam.move_change(
        sam.save(ChangeRequest(title="Sam's change", requested_on=TODAY)), ChangeStatus.SUBMITTED
    )
    own = cora.move_change(
        cora.save(ChangeRequest(title="Cora's change", requested_on=TODAY)),
        ChangeStatus.SUBMITTED,
    )
    # assessing needs a change manager: nobody here but the administrator has it
    with pytest.raises(AuthorityError, match="change manager role"):
        cora.move_change(
            cora.store.get(ChangeRequest, theirs.id), ChangeStatus.ASSESSED, ASSESSMENT
        )
    admin = session(data_file, "admin")
    for change in (theirs, own):
        admin.move_change(
            admin.store.get(ChangeRequest, change.id), ChangeStatus.ASSESSED, ASSESSMENT
        )
    approved = cora.move_change(
        cora.store.get(ChangeRequest, theirs.id), ChangeStatus.APPROVED, {"approved_on": TODAY}
    )
    assert approved.approver == cora.actor.person_id
    with pytest.raises(SeparationOfDuties, match="the requester of a change cannot approve it"):
        cora.move_change(
            cora.store.get(ChangeRequest, own.id), ChangeStatus.APPROVED, {"approved_on": TODAY}
        )
    # an override needs an administrator, and a reason
    with pytest.raises(AuthorityError, match="administrator"):
        cora.move_change(
            cora.store.get(ChangeRequest, own.id),
            ChangeStatus.APPROVED,
            {"approved_on": TODAY},
            override="urgent",
        )
    assert cora.store.get(ChangeRequest, own.id).status is ChangeStatus.ASSESSED


def test_an_administrators_override_needs_a_reason_and_is_listed_by_check(
    data_file: Path,
) -> None:
    admin = session(data_file, "admin")
    change = admin.move_change(
        admin.save(ChangeRequest(title="Out-of-hours fix", requested_on=TODAY)),
        ChangeStatus.SUBMITTED,
    )
    change = admin.move_change(change, ChangeStatus.ASSESSED, ASSESSMENT)
    with pytest.raises(SeparationOfDuties, match="override it with a reason"):
        admin.move_change(change, ChangeStatus.APPROVED, {"approved_on": TODAY})
    approved = admin.move_change(
        change, ChangeStatus.APPROVED, {"approved_on": TODAY}, override="only CAB member reachable"
    )
    assert approved.sod_override == "only CAB member reachable"
    findings = run_checks(admin.data(), CheckSettings(), TODAY)
    [listed] = [f for f in findings if f.rule == "SOD-OVERRIDE"]
    assert change.id in listed.record_ids and "only CAB member reachable" in listed.message
    assert not [f for f in findings if f.rule == "SOD-CHANGE"]


def test_separation_of_duties_can_be_turned_off_in_the_settings(data_file: Path) -> None:
    admin = session(data_file, "admin")
    admin.save_settings(CheckSettings(separation_of_duties=False))
    change = admin.move_change(
        admin.save(ChangeRequest(title="Small fix", requested_on=TODAY)), ChangeStatus.SUBMITTED
    )
    change = admin.move_change(change, ChangeStatus.ASSESSED, ASSESSMENT)
    approved = admin.move_change(change, ChangeStatus.APPROVED, {"approved_on": TODAY})
    assert approved.approver == approved.requested_by and approved.sod_override == ""


def test_an_evaluator_cannot_alone_approve_the_selection(data_file: Path) -> None:
    admin = session(data_file, "admin")
    admin.save(
        Person(name="Tia Supplier", logins=["tia"], roles=[Role.SUPPLIER_MANAGER, Role.EDITOR])
    )
    tia = session(data_file, "tia")
    supplier = tia.save(Supplier(name="Kite", status=SupplierStatus.EVALUATING))
    tia.save(
        Evaluation(
            supplier_id=supplier.id,
            evaluated_on=TODAY,
            evaluator=tia.actor.person_id,
            criteria=[Criterion(name="Quality", weight=1, score=4)],
            decision="selected",
            below_threshold_reason="only courier covering the region",
        )
    )
    step = {"relationship_owner": tia.actor.person_id, "approved_on": TODAY}
    with pytest.raises(SeparationOfDuties, match="evaluated a supplier"):
        tia.move_supplier(tia.store.get(Supplier, supplier.id), "approve", step)
    approved = admin.move_supplier(admin.store.get(Supplier, supplier.id), "approve", step)
    assert approved.approved_by == admin.actor.person_id


def test_an_amendments_approver_differs_from_its_author(data_file: Path) -> None:
    admin = session(data_file, "admin")
    acme = admin.save(Customer(name="Acme"))
    agreement = admin.save(
        Agreement(title="Hosting", kind=AgreementKind.CUSTOMER_SLA, customer_id=acme.id)
    )
    me = admin.actor.person_id
    with pytest.raises(SeparationOfDuties, match="approver must differ from its author"):
        admin.save(Amendment(agreement_id=agreement.id, title="More storage", approved_by=me))
    cora = next(p for p in admin.data().all(Person) if p.logins == ["cora"])
    saved = admin.save(
        Amendment(agreement_id=agreement.id, title="More storage", approved_by=cora.id)
    )
    assert saved.author == me


def test_an_unknown_login_reads_only_and_is_told_how_to_be_added(data_file: Path) -> None:
    stranger = session(data_file, "mallory")
    assert stranger.read_only
    assert "'mallory' is not in the people register" in (stranger.read_only_reason or "")
    with pytest.raises(UserError, match="read-only"):
        stranger.save(Objective(title="Sneak in"))


def test_a_viewer_reads_only(data_file: Path) -> None:
    admin = session(data_file, "admin")
    admin.save(Person(name="Avi Auditor", logins=["avi"], roles=[Role.VIEWER]))
    auditor = session(data_file, "avi")
    assert auditor.read_only and "viewer" in (auditor.read_only_reason or "")
    with pytest.raises(UserError):
        auditor.save(Objective(title="Nope"))


def test_only_an_administrator_gives_roles_or_logins(data_file: Path) -> None:
    sam = session(data_file, "sam")
    me = sam.store.get(Person, sam.actor.person_id)
    with pytest.raises(AuthorityError, match="administrator role"):
        sam.save(me.model_copy(update={"roles": [Role.EDITOR, Role.ADMINISTRATOR]}))
    contact = sam.save(Person(name="Ines Kramer", team="Stratus"))  # a contact: no access
    assert contact.id and not contact.roles
    with pytest.raises(AuthorityError, match="settings"):
        sam.save_settings(CheckSettings(separation_of_duties=False))


_ACTIONS = st.sampled_from(["objective", "supplier", "kpi", "settings", "person", "delete"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    actions=st.lists(_ACTIONS, min_size=1, max_size=6), role=st.sampled_from([None, Role.VIEWER])
)
def test_no_sequence_of_calls_by_someone_without_a_writing_role_changes_the_store(
    data_file: Path, actions: list[str], role: Role | None
) -> None:
    admin = session(data_file, "admin")
    if role is not None and not any(p.logins == ["vic"] for p in admin.data().all(Person)):
        admin.save(Person(name="Vic Viewer", logins=["vic"], roles=[role]))
    login = "vic" if role is not None else "nobody"
    before = data_file.read_bytes()
    who = session(data_file, login)
    some = who.data().all(Person)[0]
    for action in actions:
        with pytest.raises(UserError):
            if action == "objective":
                who.save(Objective(title="x"))
            elif action == "supplier":
                who.save(Supplier(name="x"))
            elif action == "kpi":
                who.save(Kpi(name="x", target=1, warning=0, subject_id="OBJ-0001"))
            elif action == "settings":
                who.save_settings(CheckSettings())
            elif action == "person":
                who.save(some.model_copy(update={"roles": [Role.ADMINISTRATOR]}))
            else:
                who.delete(some)
    assert data_file.read_bytes() == before


def test_the_cli_obeys_the_roles_too(
    data_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from itsms_tui.cli import main

    snapshot = tmp_path / "s.toml"
    assert main(["export", "--data", str(data_file), "-o", str(snapshot)]) == 0
    monkeypatch.setenv("ITSMS_TUI_USER", "sam")
    assert main(["import", str(snapshot), "--data", str(data_file), "--replace"]) == 2
    err = capsys.readouterr().err
    assert "Sam Editor" in err and "may not import snapshots" in err and "administrator" in err
    monkeypatch.setenv("ITSMS_TUI_USER", "admin")
    assert main(["import", str(snapshot), "--data", str(data_file), "--replace"]) == 0


def test_a_login_belongs_to_one_person(data_file: Path) -> None:
    admin = session(data_file, "admin")
    with pytest.raises(UserError, match="the login 'sam' is already PER-0002 Sam Editor's"):
        admin.save(Person(name="Sam Again", logins=["SAM"]))
