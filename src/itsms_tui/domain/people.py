"""The people register: who owns, approves and does things, and what each may do.

Owner, approver, responsible and attendee fields refer to these records (``PER-0001``),
so the record names a person rather than a spelling of one, and the audit trail can say
which person (besides which OS login) made each change. A person's roles decide what the
services let them do (``services.authority``).
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, field_validator

from itsms_tui.domain.enums import Vocabulary
from itsms_tui.domain.fields import ListItem, Name, ShortText
from itsms_tui.domain.record import Record


class Role(Vocabulary):
    """What a person may do; a person holds any number of roles."""

    VIEWER = "viewer"
    EDITOR = "editor"
    SUPPLIER_MANAGER = "supplier_manager"
    CHANGE_MANAGER = "change_manager"
    CHANGE_AUTHORITY = "change_authority"
    ADMINISTRATOR = "administrator"


class PersonStatus(Vocabulary):
    ACTIVE = "active"
    LEFT = "left"


_LOGIN = re.compile(r"^[a-z_][a-z0-9_.@-]{0,63}$", re.IGNORECASE)


def _login(value: str) -> str:
    if not _LOGIN.fullmatch(value):
        raise ValueError(f"{value!r} is not an OS login (letters, digits, . _ - @)")
    return value


Login = Annotated[ListItem, AfterValidator(_login)]


class Person(Record):
    """A person of the organisation (or of a supplier) named in the records."""

    collection: ClassVar[str] = "people"
    prefix: ClassVar[str] = "PER"
    label: ClassVar[str] = "Person"

    name: Name = Field(title="Name")
    email: ShortText = Field(default="", title="E-mail")
    job_title: ShortText = Field(default="", title="Job title")
    team: ShortText = Field(default="", title="Team")
    status: PersonStatus = Field(default=PersonStatus.ACTIVE, title="Status")
    logins: list[Login] = Field(
        default_factory=list,
        title="OS logins",
        description="The logins this person works under (one per line); maps a session to them.",
    )
    roles: list[Role] = Field(
        default_factory=list,
        title="Roles",
        description=(
            "viewer, editor, supplier_manager, change_manager, change_authority, "
            "administrator; one per line."
        ),
    )

    @field_validator("logins")
    @classmethod
    def _distinct_logins(cls, value: list[str]) -> list[str]:
        seen: set[str] = set()
        for login in value:
            if login.casefold() in seen:
                raise ValueError(f"the login {login!r} is listed twice")
            seen.add(login.casefold())
        return value

    @field_validator("roles")
    @classmethod
    def _distinct_roles(cls, value: list[Role]) -> list[Role]:
        return list(dict.fromkeys(value))

    @property
    def active(self) -> bool:
        return self.status is PersonStatus.ACTIVE


def person_for_login(people: list[Person], login: str) -> Person | None:
    """The active person who works under ``login`` (logins compare case-insensitively)."""
    wanted = login.casefold()
    for person in people:
        if person.active and any(lg.casefold() == wanted for lg in person.logins):
            return person
    return None


def login_owners(people: list[Person]) -> dict[str, str]:
    """Login (casefolded) -> id of the person holding it; for the one-login-one-person rule."""
    owners: dict[str, str] = {}
    for person in people:
        for login in person.logins:
            owners.setdefault(login.casefold(), person.id)
    return owners
