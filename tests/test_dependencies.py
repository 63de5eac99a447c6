"""pyproject.toml states ranges; constraints.txt pins the versions the suite was run with.

An install without the constraints file gets versions inside the ranges; ``make`` gets
exactly the pinned ones. These tests keep the two files from drifting apart.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines: list[str] = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines.extend(extra)
    return [Requirement(line) for line in lines]


def pins() -> dict[str, Version]:
    pinned: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin"
            pinned[canonicalize_name(name)] = Version(version)
    return pinned


@pytest.mark.parametrize("requirement", declared(), ids=str)
def test_every_dependency_is_pinned_inside_its_range(requirement: Requirement) -> None:
    pinned = pins().get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement.name} has no pin in constraints.txt"
    assert requirement.specifier.contains(pinned), f"{requirement.name}=={pinned} not in range"


@pytest.mark.parametrize("requirement", declared(), ids=str)
def test_ranges_are_compatible_ranges_not_pins(requirement: Requirement) -> None:
    """Only Textual is exact: a patch release changes how the snapshots render."""
    exact = any(spec.operator == "==" for spec in requirement.specifier)
    assert exact == (canonicalize_name(requirement.name) == "textual"), str(requirement)
    if not exact:
        assert any(spec.operator in {"<", "~="} for spec in requirement.specifier), (
            f"{requirement} has no upper bound"
        )
