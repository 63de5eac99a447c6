"""Who is working and what they may do: roles and separation of duties.

Every write of the workspace asks here first, so the TUI, the CLI and scripts obey the
same rules; a refusal says which role the action needs. The session's OS login maps to
an active person (``Person.logins``); a data file in which no person has a login yet is
new to the register, and its first login becomes its administrator.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from itsms_tui.domain.enums import Vocabulary
from itsms_tui.domain.people import Person, Role, person_for_login
from itsms_tui.services.errors import UserError

LOGIN_VARIABLE = "ITSMS_TUI_USER"
"""Names the login to work as, on a data file the OS user owns (or the demo).

Several people share one SSH account on some hosts; each says who they are with this.
It is honoured only where it grants nothing the OS user lacks anyway: on files the OS
user owns (they could edit the file directly) and on the in-memory demo.
"""


class Capability(Vocabulary):
    """What an action needs; roles grant these (``GRANTS``)."""

    EDIT = "edit"
    MANAGE_SUPPLIERS = "manage_suppliers"
    MANAGE_CHANGES = "manage_changes"
    APPROVE_CHANGES = "approve_changes"
    ADMINISTER = "administer"


_CAPABILITY_WORDS: dict[Capability, str] = {
    Capability.EDIT: "edit records",
    Capability.MANAGE_SUPPLIERS: "manage suppliers, agreements and reviews",
    Capability.MANAGE_CHANGES: "move changes through assessment, implementation and review",
    Capability.APPROVE_CHANGES: "approve or reject changes",
    Capability.ADMINISTER: "administer people, roles, settings and imports",
}

GRANTS: dict[Role, frozenset[Capability]] = {
    Role.VIEWER: frozenset(),
    Role.EDITOR: frozenset({Capability.EDIT}),
    Role.SUPPLIER_MANAGER: frozenset({Capability.MANAGE_SUPPLIERS}),
    Role.CHANGE_MANAGER: frozenset({Capability.MANAGE_CHANGES}),
    Role.CHANGE_AUTHORITY: frozenset({Capability.APPROVE_CHANGES}),
    Role.ADMINISTRATOR: frozenset(Capability),
}
"""What each role may do. An administrator may do everything, but separation of duties
still holds for them unless they record an override with a reason."""

SUPPLIER_COLLECTIONS = frozenset(
    {"suppliers", "agreements", "evaluations", "reviews", "disputes", "amendments"}
)


class AuthorityError(UserError):
    """An action the person working may not take; the message names the role it needs."""


@dataclass(frozen=True)
class Actor:
    """The person a session works as (None: the login maps to nobody)."""

    login: str
    person: Person | None
    roles: frozenset[Role]
    first_login: bool = False
    """No person has a login yet: this login becomes the administrator on its first save."""

    @property
    def person_id(self) -> str:
        return self.person.id if self.person is not None else ""

    @property
    def name(self) -> str:
        who = self.person.display if self.person is not None else "nobody in the people register"
        return f"{who} (login {self.login})"

    def may(self, capability: Capability) -> bool:
        return any(capability in GRANTS[role] for role in self.roles)

    @property
    def writes(self) -> bool:
        return any(self.may(c) for c in Capability)

    def require(self, capability: Capability, doing: str) -> None:
        """Raise ``AuthorityError`` unless a role of the actor grants ``capability``."""
        if self.may(capability):
            return
        needed = ", ".join(
            r.label for r in Role if capability in GRANTS[r] and r is not Role.ADMINISTRATOR
        )
        needed = f"the {needed} role" if needed else "the administrator role"
        if capability is not Capability.ADMINISTER:
            needed += " (or administrator)"
        has = ", ".join(r.label for r in sorted(self.roles)) or "no role"
        raise AuthorityError(f"{self.name} may not {doing}: that needs {needed}; they have {has}")

    @property
    def read_only_reason(self) -> str | None:
        """Why this actor cannot write at all, if so."""
        if self.person is None and not self.first_login:
            return (
                f"the login {self.login!r} is not in the people register; an administrator "
                "adds it to a person's OS logins (Plan, People tab)"
            )
        if not self.writes:
            return f"{self.name} has the viewer role only"
        return None


def os_login() -> str:
    """The OS user's login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid{os.getuid()}"


def session_login(*, owns_data: bool) -> str:
    """The login this session works as: ``ITSMS_TUI_USER`` where honoured, else the OS's."""
    named = os.environ.get(LOGIN_VARIABLE, "").strip()
    return named if named and owns_data else os_login()


def resolve_actor(login: str, people: Iterable[Person]) -> Actor:
    """The actor for ``login`` among ``people`` (see the module docstring)."""
    everyone = list(people)
    person = person_for_login(everyone, login)
    if person is not None:
        return Actor(login, person, frozenset(person.roles))
    if not any(p.logins for p in everyone):
        return Actor(login, None, frozenset({Role.ADMINISTRATOR}), first_login=True)
    return Actor(login, None, frozenset())


def first_administrator(login: str) -> Person:
    """The person a data file's first login becomes."""
    return Person(name=login, logins=[login], roles=[Role.ADMINISTRATOR])


def capability_to_save(collection: str) -> tuple[Capability, str]:
    """What saving or deleting a record of ``collection`` needs, and how to say it."""
    if collection in SUPPLIER_COLLECTIONS:
        return Capability.MANAGE_SUPPLIERS, f"change {collection}"
    return Capability.EDIT, f"change {collection}"


def person_access_changed(before: Person | None, after: Person) -> bool:
    """Whether a save changes what a person may do (logins, roles, active or left)."""
    if before is None:
        return bool(after.logins or after.roles)
    return (
        before.logins != after.logins
        or before.roles != after.roles
        or before.status != after.status
    )


# --- separation of duties ------------------------------------------------------------


class SeparationOfDuties(AuthorityError):
    """One person doing two duties that are kept apart; an administrator may override it
    with a recorded reason."""


def check_separation(actor: Actor, conflict: str | None, override: str, *, enabled: bool) -> str:
    """The override reason to record ('' when none is needed), or raise.

    ``conflict`` says which duties one person would hold (None: no conflict).
    """
    if conflict is None or not enabled:
        return ""
    if not override.strip():
        hint = (
            "; as an administrator you may override it with a reason"
            if actor.may(Capability.ADMINISTER)
            else ""
        )
        raise SeparationOfDuties(f"separation of duties: {conflict}{hint}")
    actor.require(Capability.ADMINISTER, "override separation of duties")
    return override.strip()


def browser_person(data: Path | None, demo: bool, as_person: str | None) -> tuple[str, str]:
    """The login and name of the person ``serve``'s token stands for.

    By default the person serving (their own login); ``as_person`` (an id) another
    person, which only an administrator may hand out, and only on a file the OS user
    owns (elsewhere the login variable is not honoured).
    """
    from itsms_tui.services.commands import open_workspace

    workspace = open_workspace(data, demo, read_only=True)
    actor = workspace.actor
    if as_person is None:
        if actor.person is None and not actor.first_login:
            raise UserError(f"{workspace.location}: {actor.read_only_reason}")
        return actor.login, actor.name
    actor.require(Capability.ADMINISTER, "serve the app as someone else")
    person = workspace.data().get(as_person.strip())
    if not isinstance(person, Person) or not person.active or not person.logins:
        raise UserError(f"--as {as_person}: not an active person with an OS login")
    if not (workspace.demo or workspace.store.owned_by_user):
        raise UserError(f"--as {as_person}: only on a data file you own")
    return person.logins[0], f"{person.display} (login {person.logins[0]})"
