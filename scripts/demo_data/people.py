"""Larkfield's staff in the people register: job titles, teams, logins and roles.

Filed first, so the staff are PER-0001 onwards; everyone else a record names (supplier
and customer contacts at reviews, requesters from outside) is filed by the builder on
first mention, without a login or roles.
"""

from __future__ import annotations

from itsms_tui.domain.people import PersonStatus, Role
from scripts.demo_data.common import (
    AISHA,
    BEN,
    DANIEL,
    ELENA,
    GRACE,
    HANNAH,
    LIAM,
    MARCUS,
    OLIVER,
    PRIYA,
    SOFIA,
    TOM,
    Builder,
)

R = Role
STAFF: tuple[tuple[str, str, str, str, tuple[Role, ...]], ...] = (
    (
        PRIYA,
        "Head of Service Management",
        "Service Management Office",
        "praman",
        (R.ADMINISTRATOR, R.CHANGE_AUTHORITY, R.EDITOR),
    ),
    (
        TOM,
        "Supplier Manager",
        "Service Management Office",
        "tokafor",
        (R.SUPPLIER_MANAGER, R.EDITOR),
    ),
    (
        ELENA,
        "Service Level Manager",
        "Service Management Office",
        "emarsh",
        (R.SUPPLIER_MANAGER, R.EDITOR),
    ),
    (DANIEL, "Cloud Platform Lead", "Cloud Platform", "dfischer", (R.CHANGE_AUTHORITY, R.EDITOR)),
    (AISHA, "Network Services Lead", "Networks", "akhan", (R.EDITOR,)),
    (MARCUS, "Service Desk Manager", "Service Desk", "mreid", (R.EDITOR,)),
    (
        SOFIA,
        "Information Security Manager",
        "Security",
        "slindqvist",
        (R.CHANGE_AUTHORITY, R.EDITOR),
    ),
    (BEN, "Change Manager", "Service Management Office", "bhartley", (R.CHANGE_MANAGER, R.EDITOR)),
    (
        GRACE,
        "Capacity and Availability Manager",
        "Service Management Office",
        "gmwangi",
        (R.EDITOR,),
    ),
    (LIAM, "Database Services Team Lead", "Cloud Platform", "loconnor", (R.EDITOR,)),
    (HANNAH, "Finance Business Partner", "Finance", "hbecker", (R.VIEWER,)),
    (OLIVER, "Problem Manager", "Service Management Office", "ogrant", (R.EDITOR,)),
    ("Rachel Stone", "Internal Auditor", "Governance", "rstone", (R.VIEWER,)),
)


def add_people(b: Builder) -> None:
    """The staff, each with the login they work under and their roles."""
    for name, job, team, login, roles in STAFF:
        domain = "larkfield.example"
        b.person(
            name,
            email=f"{login}@{domain}",
            job_title=job,
            team=team,
            logins=[login],
            roles=list(roles),
            status=PersonStatus.ACTIVE,
        )
