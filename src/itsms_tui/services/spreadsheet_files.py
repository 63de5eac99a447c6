"""Reading and writing spreadsheet files: CSV as spreadsheet programs write it, and XLSX.

CSV: UTF-8 with or without a byte-order mark (Excel writes one), or another encoding when
the user names it (``cp1252`` for older Windows Excel); comma, semicolon (Excel in
European locales) or tab, chosen from the header line; quoted cells may hold newlines.
XLSX through openpyxl: the sheet named after the collection, else the first sheet.
Rows are numbered as the spreadsheet program shows them (the header is row 1).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from itsms_tui.services.errors import UserError

MAX_SHEET_BYTES = 50 * 1024 * 1024
"""Larger spreadsheet files are refused before reading (far beyond any register)."""


@dataclass(frozen=True)
class Sheet:
    """A header row and the data rows under it, each with its spreadsheet row number."""

    header: list[str]
    rows: list[tuple[int, list[Any]]]
    details: str
    """How the file was read (``CSV, UTF-8 with BOM, ';'``), for the preview."""


def spreadsheet_kind(path: Path) -> str | None:
    """``"csv"`` or ``"xlsx"`` from the file name; None for anything else."""
    suffix = path.suffix.casefold()
    return {".csv": "csv", ".xlsx": "xlsx"}.get(suffix)


def read_sheet(path: Path, *, collection: str, encoding: str | None = None) -> Sheet:
    """Read a CSV or XLSX file; raises UserError naming the file on anything unreadable."""
    kind = spreadsheet_kind(path)
    if kind is None:
        raise UserError(f"{path}: not a spreadsheet file (.csv or .xlsx)")
    size = path.stat().st_size
    if size > MAX_SHEET_BYTES:
        raise UserError(f"{path}: too large to import ({size // 1024 // 1024} MB)")
    if kind == "xlsx":
        return _read_xlsx(path, collection)
    return read_csv_bytes(path.read_bytes(), source=str(path), encoding=encoding)


def read_csv_bytes(data: bytes, *, source: str, encoding: str | None = None) -> Sheet:
    text, how = _decode(data, source, encoding)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if not first_line.count(delimiter):
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise UserError(f"{source}: not readable as CSV ({exc})") from None
    shown = {"\t": "tab"}.get(delimiter, f"'{delimiter}'")
    return _sheet(rows, source, f"CSV, {how}, {shown}-separated")


def _decode(data: bytes, source: str, encoding: str | None) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UserError(f"--encoding {encoding}: not an encoding Python knows") from None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise UserError(
                f"{source}: not {encoding} text (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start})"
            ) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{source}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "if it was saved by older Excel on Windows, add --encoding cp1252"
        ) from None


def _sheet(rows: Sequence[Sequence[Any]], source: str, details: str) -> Sheet:
    numbered = [(i, list(r)) for i, r in enumerate(rows, start=1)]
    numbered = [(i, r) for i, r in numbered if any(_filled(c) for c in r)]
    if not numbered:
        raise UserError(f"{source}: the sheet is empty (no header row)")
    (_, header), *data = numbered
    names = [str(h).strip() if h is not None else "" for h in header]
    return Sheet(names, data, details)


def _filled(cell: Any) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _read_xlsx(path: Path, collection: str) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, XML errors...
        raise UserError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__})") from None
    try:
        names = list(book.sheetnames)
        name = next((n for n in names if n.casefold() == collection), names[0])
        rows = [list(r) for r in book[name].iter_rows(values_only=True)]
    finally:
        book.close()
    return _sheet(rows, str(path), f"XLSX, sheet {name!r}")


# --- writing ----------------------------------------------------------------------------


def csv_text(header: list[str], rows: list[list[Any]]) -> str:
    """CSV text (comma-separated, CRLF line ends, cells with newlines quoted)."""
    from itsms_tui.services.spreadsheet_columns import cell_text

    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(v) for v in row])
    return out.getvalue()


def xlsx_bytes(sheets: list[tuple[str, list[str], list[list[Any]]]]) -> bytes:
    """An .xlsx workbook with one sheet per (name, header, rows): typed cells, bold header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    for name, header, rows in sheets:
        sheet = book.create_sheet(title=name[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(
                [None if v is None else (v if not isinstance(v, str) else "") for v in row]
            )
            cells = sheet[sheet.max_row]
            for cell, value in zip(cells, row, strict=False):
                if isinstance(value, str):
                    cell.value = value
                    cell.data_type = "s"  # never a formula, even when the text starts with =
                    if "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                elif isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
        for index, title in enumerate(header, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = max(10, min(50, len(title) + 4))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
