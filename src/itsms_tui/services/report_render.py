"""Render a report ``Document`` as HTML and Markdown with Jinja2, and write it to a folder.

HTML: autoescaped (every user string is escaped by Jinja2; the only value marked safe is
a chart's SVG, which the chart library built as an XML tree from escaped text).
Markdown: every ``{{ }}`` output passes through ``escape_markdown`` (the environment's
``finalize``), so a name cannot open a link, a table cell or raw HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from itsms_tui import __version__
from itsms_tui.services.report_model import Document
from itsms_tui.store.files import write_file_atomically

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_WHITESPACE_RUN = re.compile(r"\s*\n\s*")


def escape_markdown(value: object) -> object:
    """Text made inert in Markdown: punctuation backslash-escaped, ``<>&`` as entities,
    line breaks as spaces (a table row is one line). Non-strings pass through."""
    if not isinstance(value, str):
        return value
    flat = _WHITESPACE_RUN.sub(" ", value)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


@cache
def _environment(kind: str) -> jinja2.Environment:
    loader = jinja2.PackageLoader("itsms_tui", "templates")
    if kind == "html":
        return jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
    return jinja2.Environment(
        loader=loader,
        autoescape=False,
        finalize=escape_markdown,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )


def render_html(doc: Document) -> str:
    return (
        _environment("html").get_template("document.html.j2").render(doc=doc, version=__version__)
    )


def render_markdown(doc: Document) -> str:
    text = _environment("md").get_template("document.md.j2").render(doc=doc, version=__version__)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


@dataclass(frozen=True, slots=True)
class WrittenReport:
    html: Path
    markdown: Path
    charts: tuple[Path, ...]


def write_document(doc: Document, directory: Path, stem: str) -> WrittenReport:
    """Write ``STEM.html`` (self-contained) and ``STEM.md`` with its charts under
    ``charts/``; each file atomically. The folder is created when missing."""
    directory.mkdir(parents=True, exist_ok=True)
    charts: list[Path] = []
    for chart in doc.charts():
        path = directory / chart.file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomically(path, chart.svg.encode("utf-8"))
        charts.append(path)
    html = directory / f"{stem}.html"
    markdown = directory / f"{stem}.md"
    write_file_atomically(html, render_html(doc).encode("utf-8"))
    write_file_atomically(markdown, render_markdown(doc).encode("utf-8"))
    return WrittenReport(html, markdown, tuple(charts))
