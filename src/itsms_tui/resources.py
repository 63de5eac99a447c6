"""Where the bundled ``styles/`` and ``sample_data/`` folders are.

A wheel carries them inside the package (``itsms_tui/_resources/``, see pyproject's
hatch force-include); an editable install or a source checkout has them at the
repository root. Both are looked up, the packaged copy first.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE / "_resources", _PACKAGE.parents[1])


def _bundled(name: str) -> Path:
    for root in _CANDIDATES:
        path = root / name
        if path.is_dir():
            return path
    searched = ", ".join(str(root / name) for root in _CANDIDATES)
    raise FileNotFoundError(f"bundled folder {name!r} not found (looked in {searched})")


def styles_dir() -> Path:
    """The folder of ``.tcss`` stylesheets."""
    return _bundled("styles")


def sample_data_dir() -> Path:
    return _bundled("sample_data")


def sample_data_path(name: str) -> Path:
    """A bundled sample file, e.g. ``sample_data_path("demo.toml")``."""
    if Path(name).name != name:
        raise ValueError(f"not a plain file name: {name!r}")
    return sample_data_dir() / name
