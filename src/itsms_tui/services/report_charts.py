"""KPI charts as SVG for the reports, drawn by pygal (a maintained SVG charting library).

The chart shows a KPI's measurements over time with its target and warning lines, like
the KPI detail screen. pygal builds the SVG as an XML tree, so labels are escaped by the
serialiser; its configuration script is dropped (the reports carry no script and load no
external asset), which leaves a static, printable drawing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from itsms_tui.domain.kpis import Kpi, Measurement

if TYPE_CHECKING:
    from pygal.style import Style


@cache
def _style() -> Style:
    """pygal is imported when a chart is drawn, not by every command that loads this."""
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        foreground="#1b1f24",
        foreground_strong="#1b1f24",
        foreground_subtle="#d0d7de",
        colors=("#0b5cad", "#1a7f37", "#bf8700"),
        guide_stroke_color="#e1e4e8",
        major_guide_stroke_color="#e1e4e8",
        guide_stroke_dasharray="1,0",
        major_guide_stroke_dasharray="1,0",
        font_family="DejaVu Sans, Liberation Sans, Arial, sans-serif",
        title_font_size=14,
        label_font_size=10,
        major_label_font_size=10,
        legend_font_size=11,
    )


def _strip_scripts(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)


def kpi_chart_svg(
    kpi: Kpi, measurements: Sequence[Measurement], *, width: int = 720, height: int = 300
) -> str:
    """An ``<svg>`` element: the values (dots), the target (dashed) and warning (dotted)."""
    import pygal
    from pygal.etree import etree as pygal_etree

    pygal_etree.to_etree()  # the standard library's tree, whether or not lxml is installed
    chart = pygal.Line(
        style=_style(),
        js=[],
        width=width,
        height=height,
        explicit_size=False,
        disable_xml_declaration=True,
        show_dots=True,
        dots_size=3,
        x_label_rotation=30,
        show_minor_x_labels=False,
        x_labels_major_every=max(1, len(measurements) // 8),
        truncate_label=-1,
        legend_at_bottom=True,
        print_values=False,
        no_data_text="No measurements in the period",
        y_title=kpi.unit or None,
    )
    chart.x_labels = [m.measured_on.isoformat() for m in measurements]
    count = len(measurements)
    chart.add("Measured", [m.value for m in measurements])
    if count:
        chart.add(
            f"Target {kpi.target:g}",
            [kpi.target] * count,
            show_dots=False,
            stroke_style={"width": 3, "dasharray": "10,5"},
        )
        chart.add(
            f"Warning {kpi.warning:g}",
            [kpi.warning] * count,
            show_dots=False,
            stroke_style={"width": 3, "dasharray": "3,4"},
        )
    root = chart.render_tree()
    _strip_scripts(root)
    ET.register_namespace("", "http://www.w3.org/2000/svg")
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    return ET.tostring(root, encoding="unicode")
