"""Reading and writing the CSV and XLSX files people import and export.

Reading returns rows keyed by normalised column names with their spreadsheet row numbers;
writing neutralises cells that a spreadsheet program would run as a formula.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass

import openpyxl
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from deptcoord.core.bounds import strip_control

NOT_A_SPREADSHEET = gettext_lazy(
    "The file is not a CSV or XLSX spreadsheet. Save it as .csv or .xlsx and try again."
)
EMPTY_FILE = gettext_lazy("The file has no rows. Add a header row and at least one row of data.")
TOO_LARGE = gettext_lazy("The file is larger than %(limit)s MB. Split it into smaller files.")
MISSING_COLUMNS = gettext_lazy(
    "The file lacks the column(s) %(columns)s. Add them to the header row."
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAGIC = b"PK\x03\x04"


class SpreadsheetError(ValueError):
    """A file that cannot be read as a table; the message says what to do."""


@dataclass(frozen=True)
class SheetRow:
    """One data row with its row number as the person sees it in their spreadsheet."""

    number: int
    values: dict[str, str]


def normalise_header(name) -> str:
    """Column names compare without case, spaces or punctuation differences."""
    return "_".join(str(name or "").strip().lower().replace("-", " ").split())


def _plain(name) -> str:
    """A header without case, spacing or Vietnamese accents (“Ngày hết hạn” = ngay_het_han)."""
    text = unicodedata.normalize("NFKD", normalise_header(name).replace("đ", "d"))
    return "".join(char for char in text if not unicodedata.combining(char))


def _is_comment(row) -> bool:
    """A note line of a template (“# …” in its first cell, nothing else)."""
    cells = [str(cell or "").strip() for cell in row]
    return bool(cells) and cells[0].startswith("#") and not any(cells[1:])


def read_rows(
    data: bytes,
    filename: str,
    required: set[str],
    max_bytes: int,
    headers: dict[str, str] | None = None,
    label=str,
) -> list[SheetRow]:
    """Parse a CSV or XLSX upload into rows, refusing files that are not tables.

    ``headers`` maps the names a header row may use (the columns' names in either language) to
    the column codes the rows are keyed by; ``label`` names a column in a message. Note lines
    starting with “#” are left out."""
    if len(data) > max_bytes:
        raise SpreadsheetError(TOO_LARGE % {"limit": max_bytes // (1024 * 1024)})
    lower = filename.lower()
    if lower.endswith(".xlsx") and data.startswith(XLSX_MAGIC):
        table = _xlsx_table(data)
    elif lower.endswith(".csv") and not data.startswith(XLSX_MAGIC):
        table = _csv_table(data)
    else:
        raise SpreadsheetError(str(NOT_A_SPREADSHEET))
    table = [
        row
        for row in table
        if any(str(cell or "").strip() for cell in row) and not _is_comment(row)
    ]
    if len(table) < 2:
        raise SpreadsheetError(str(EMPTY_FILE))
    known = {_plain(name): code for name, code in (headers or {}).items()}
    names = [normalise_header(name) for name in table[0]]
    headers = [known.get(_plain(name), name) for name in names]
    missing = sorted(required - set(headers))
    if missing:
        shown = ", ".join(
            f"{label(code)} ({code})" if label(code) != code else code for code in missing
        )
        raise SpreadsheetError(MISSING_COLUMNS % {"columns": shown})
    return [
        SheetRow(number=index + 2, values=_row_values(headers, row))
        for index, row in enumerate(table[1:])
    ]


def _row_values(headers: list[str], row) -> dict[str, str]:
    values = {}
    for index, header in enumerate(headers):
        cell = row[index] if index < len(row) else ""
        values[header] = "" if cell is None else strip_control(str(cell)).strip()
    return values


def _csv_table(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError(
            _("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
        ) from None
    if "\x00" in text:
        raise SpreadsheetError(str(NOT_A_SPREADSHEET))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _xlsx_table(data: bytes) -> list[list]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(str(NOT_A_SPREADSHEET)) from None
    sheet = workbook.worksheets[0]
    rows = [[_xlsx_cell(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _xlsx_cell(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and hasattr(value, "hour"):
        return value.date().isoformat() if not (value.hour or value.minute) else value.isoformat()
    return value


def day_cell(day) -> str:
    """A date as an exported cell (ISO, empty when missing)."""
    return day.isoformat() if day else ""


def moment_cell(value) -> str:
    """A time as an exported cell: in the viewer's time zone, to the minute."""
    return timezone.localtime(value).isoformat(timespec="minutes") if value else ""


def neutralise(value) -> object:
    """A cell value that a spreadsheet program will show, not evaluate, without the control
    characters an XLSX file cannot hold (a title stored before they were refused)."""
    if isinstance(value, str):
        value = strip_control(value)
        if value.startswith(FORMULA_PREFIXES):
            return "'" + value
    return value


def export_response(filename: str, headers: list[str], rows, file_format: str) -> HttpResponse:
    """A download of the rows as CSV (UTF-8 with BOM so Excel reads Vietnamese) or XLSX."""
    if file_format == "xlsx":
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([str(header) for header in headers])
        for row in rows:
            sheet.append([neutralise(value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(header) for header in headers])
        for row in rows:
            writer.writerow(["" if value is None else neutralise(value) for value in row])
        response = HttpResponse(
            buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
        )
    # RFC 6266: a Vietnamese file name is sent percent-encoded as UTF-8 (filename*=).
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{file_format}")
    return response


def template_response(
    filename: str, headers: list, example: list, notes: list[str], file_format: str
) -> HttpResponse:
    """A blank file to fill in: the header row, an example row (skipped when left in), and
    notes on what each column accepts (“#” lines in CSV, a second sheet in XLSX)."""
    if file_format != "xlsx":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(header) for header in headers])
        writer.writerow([neutralise(value) for value in example])
        for note in notes:
            writer.writerow([f"# {note}"])
        response = HttpResponse(
            buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
        )
    else:
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet(_("Rows"))
        sheet.append([str(header) for header in headers])
        sheet.append([neutralise(value) for value in example])
        help_sheet = workbook.create_sheet(_("Allowed values"))
        for note in notes:
            help_sheet.append([neutralise(note)])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{file_format}")
    return response
