"""People for tests: file a person (with roles and a login) and work as them."""

from __future__ import annotations

from itsms_tui.domain.people import Person, Role
from itsms_tui.services.workspace import Workspace


def file_person(workspace: Workspace, name: str, *roles: Role, login: str = "") -> Person:
    """``name`` filed in the people register (as the workspace's administrator)."""
    return workspace.save(Person(name=name, roles=list(roles), logins=[login] if login else []))


def working_as(workspace: Workspace, login: str) -> Workspace:
    """Another session on the same store, working as ``login``."""
    return Workspace(workspace.store, demo=workspace.demo, today=workspace.today, login=login)


def named_people(workspace: Workspace, *names: str) -> dict[str, str]:
    """Name -> id of a person filed for each name (markup look-alikes in markup tests)."""
    return {name: file_person(workspace, name).id for name in names}
