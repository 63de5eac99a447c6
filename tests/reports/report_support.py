"""Helpers for the report tests: the demo with hostile names, and an HTML outline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.enums import AgreementKind
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.workspace import Workspace

DEMO_TODAY = date.today()
"""Today: the demo is dated relative to it and the audit trail is written now."""
SCRIPT_NAME = "<script>alert(1)</script>"
MARKUP_NAME = "[bold]Loud[/bold] & [@click=app.quit]Co[/]"
SCOPE = "| a pipe, *stars* and a [link](http://example.com)"


def hostile_demo() -> Workspace:
    """The demo on a fixed day, plus a supplier and an agreement with hostile names."""
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    evil = workspace.save(Supplier(name=SCRIPT_NAME, category="Hosting"))
    workspace.save(Supplier(name=MARKUP_NAME))
    workspace.save(
        Agreement(
            title=f"Contract with {SCRIPT_NAME}",
            kind=AgreementKind.CONTRACT,
            supplier_id=evil.id,
            scope=SCOPE,
        )
    )
    return workspace


@dataclass
class Outline(HTMLParser):
    """What the tests look at in a parsed HTML report."""

    ids: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    svgs: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "section" and values.get("id"):
            self.sections.append(str(values["id"]))
        if tag == "svg":
            self.svgs += 1
        for name in ("src", "href", "xlink:href"):
            value = values.get(name)
            if value and not value.startswith("#"):
                self.external.append(f"{tag} {name}={value}")
        if tag == "link":
            self.external.append(f"link {values}")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data.strip())

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    parsed.close()
    return parsed
