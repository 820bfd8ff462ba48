"""Six-step progress in and out: district offices' CSV/XLSX reports, the template they fill in, and recording.

A report file has one row per village that moved: ``village_code``, ``step`` (1-6), ``reached_on`` and
optionally ``reported_by`` and ``reason`` (required when a step goes backwards). Other columns (the template's
village names, wave and current step) are ignored. Rows with neither a step nor a date are skipped: the
template lists every village and offices fill in only those that moved.

Dates are read as ISO (``2025-01-31``, Christian era) or as Thai readers write them, day/month/B.E. year
(``31/1/2568``). A year that does not fit the form (``31/1/2025``, ``2568-01-31``) is refused rather than
guessed.

Checking happens row by row: a file-wide problem (wrong file type, unreadable text, a required column missing)
raises UploadError and nothing is read; otherwise every readable row is returned and each unreadable one is
refused with its reasons. Rows without a reporter are reported by the person who imported the file. Checking
the rows against the villages' current steps (planning.progress's rules) and recording them is the service
layer's (`service`), inside the transaction that writes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from geodata import limits, schema
from geodata.errors import Problem, UploadError, column_label
from geodata.exports.cells import spreadsheet_frame
from geodata.messages import Message
from geodata.tables import FIRST_DATA_ROW, read_table
from planning.numbers import ascii_digits, digit_hint, parse_whole_number
from planning.progress import BUDDHIST_ERA_OFFSET, ProgressRow, Reached, Refusal

STEP = "step"
REACHED_ON = "reached_on"
REPORTED_BY = "reported_by"
REASON = "reason"
#: Columns a progress file must have, and those read when present.
REQUIRED_COLUMNS = (schema.VILLAGE_CODE, STEP, REACHED_ON)
OPTIONAL_COLUMNS = (REPORTED_BY, REASON)
#: Informative columns of the template (ignored when the file comes back).
TEMPLATE_INFO_COLUMNS = (schema.VILLAGE_CODE, schema.MOO, schema.VILLAGE_TH, schema.TAMBON_TH, schema.AMPHOE_TH,
                         "wave", "current_step", "current_since")
TEMPLATE_COLUMNS = (*TEMPLATE_INFO_COLUMNS, STEP, REACHED_ON, REPORTED_BY, REASON)
#: Header spellings district offices use, mapped to ours.
HEADER_ALIASES = {
    "รหัสหมู่บ้าน": schema.VILLAGE_CODE,
    "ขั้น": STEP,
    "ขั้นที่": STEP,
    "วันที่": REACHED_ON,
    "วันที่ถึงขั้น": REACHED_ON,
    "ผู้รายงาน": REPORTED_BY,
    "เหตุผล": REASON,
}
SUFFIXES = (".csv", ".xlsx")
#: Free-text columns and their longest allowed text.
TEXT_LIMITS = {REPORTED_BY: limits.NAME_MAX_CHARS, REASON: limits.NOTE_MAX_CHARS}

_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]00:00(?::00)?)?$")
_THAI = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
#: Years at or above this are Buddhist era (C.E. 1857 + 543); below it, Christian era.
_BE_FROM = 2400


@dataclass(frozen=True)
class ParsedFile:
    """The readable rows of a progress file, the rows refused while reading, and blank rows skipped."""

    rows: tuple[ProgressRow, ...]
    refused: tuple[Refusal, ...]
    skipped: int


# --- Dates ------------------------------------------------------------------------------------------------
class DateFormatError(ValueError):
    """A date cell that is neither ISO (2025-01-31) nor day/month/B.E. year (31/1/2568)."""


def parse_report_date(text: str) -> dt.date:
    """A report date from ISO (C.E.) or d/m/yyyy (B.E.) text, in 0-9 or Thai digits; DateFormatError says which
    form to use."""
    text = text.strip()
    digits = ascii_digits(text)
    iso, thai = _ISO.match(digits), _THAI.match(digits)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        if year >= _BE_FROM:
            raise DateFormatError(f"{text!r} has a B.E. year in the ISO form; write {year - BUDDHIST_ERA_OFFSET}"
                                  f"-{month:02d}-{day:02d} or {day}/{month}/{year}")
    elif thai:
        day, month, year = (int(g) for g in thai.groups())
        if year < _BE_FROM:
            raise DateFormatError(f"{text!r} has a C.E. year in the day/month/year form; write {day}/{month}/"
                                  f"{year + BUDDHIST_ERA_OFFSET} (B.E.) or {year}-{month:02d}-{day:02d}")
        year -= BUDDHIST_ERA_OFFSET
    else:
        raise DateFormatError(f"{text!r} is not a date{digit_hint(text)}; write 31/1/2568 (day/month/B.E. year) "
                              "or 2025-01-31")
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateFormatError(f"{text!r} is not a real date ({exc})") from exc


def thai_date_text(day: dt.date) -> str:
    """A date as the import reads it back: day/month/B.E. year (31/1/2568)."""
    return f"{day.day}/{day.month}/{day.year + BUDDHIST_ERA_OFFSET}"


# --- Reading files ----------------------------------------------------------------------------------------
def read_progress_file(data: bytes, filename: str, *, reporter: str) -> ParsedFile:
    """The rows of a CSV/XLSX progress file; UploadError if the file as a whole cannot be used.

    ``reporter`` is recorded for rows whose ``reported_by`` is blank (the planner importing the file).
    """
    table = read_table(data, filename, limit=limits.PROGRESS, columns=(*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS),
                       suffixes=SUFFIXES, header_aliases=HEADER_ALIASES, template=True,
                       number_columns=(schema.VILLAGE_CODE, STEP), free_text=TEXT_LIMITS)
    if not len(table):
        raise UploadError(filename, [Problem("empty_file", Message("problem.empty_progress"),
                                             Message("problem.fix.progress_rows"))])
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        required = [column_label(c) for c in REQUIRED_COLUMNS]
        raise UploadError(filename, [
            Problem("missing_column", Message("problem.missing_column"),
                    Message("problem.fix.add_progress_column", required=required), column=c) for c in missing])
    return parse_progress_table(table, reporter=reporter)


def parse_progress_table(table: pd.DataFrame, *, reporter: str, first_row: int = FIRST_DATA_ROW) -> ParsedFile:
    """Rows of a table of strings with our column names.

    Rows are numbered from `first_row` for the messages: 2 for a file (a spreadsheet's first data row below the
    header; the index of `read_table`'s frame is the spreadsheet row minus 2, blank rows counted), 1 for the
    lines of the page's table.
    """
    rows, refused, skipped = [], [], 0
    positions = table.index if pd.api.types.is_integer_dtype(table.index) else range(len(table))
    for position, record in zip(positions, table.to_dict("records"), strict=True):
        number = int(position) + first_row
        cells = {c: str(record.get(c, "") or "").strip() for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        if not cells[STEP] and not cells[REACHED_ON]:
            skipped += 1
            continue
        row, problems = _parse_cells(cells, number, reporter)
        if problems:
            refused.extend(problems)
        else:
            rows.append(row)
    return ParsedFile(tuple(rows), tuple(refused), skipped)


def _parse_cells(cells: Mapping[str, str], number: int, reporter: str) -> tuple[ProgressRow | None, list[Refusal]]:
    code = cells[schema.VILLAGE_CODE]

    def refuse(check: str, message: str, fix: str, column: str, value: str, **details: object) -> Refusal:
        return Refusal(check, message, fix, row=number, village_code=code or None, column=column, value=value,
                       details={"code": code, "value": value, "column": column, **details})

    problems = []
    if not code:
        problems.append(refuse("missing_value", "the village code is empty", "fill in the 8-digit village code",
                               schema.VILLAGE_CODE, ""))
    step = parse_whole_number(cells[STEP])
    if not cells[STEP]:
        problems.append(refuse("missing_value", "the step is empty", "write the step reached, from 1 to 6", STEP,
                               ""))
    elif step is None:
        problems.append(refuse("step_not_number", f"step {cells[STEP]!r} is not a whole number"
                               f"{digit_hint(cells[STEP])}", "write the step as a number from 1 to 6", STEP,
                               cells[STEP]))
    for column, limit in TEXT_LIMITS.items():
        if len(cells[column]) > limit:
            problems.append(refuse("text_too_long", limits.length_message(column.replace("_", " "), cells[column],
                                                                          limit),
                                   f"shorten it to at most {limit:,} characters", column,
                                   cells[column][:40] + "…", length=len(cells[column]), limit=limit))
    reached_on = None
    if not cells[REACHED_ON]:
        problems.append(refuse("missing_value", "the date reached is empty",
                               "write the date the village reached the step, e.g. 31/1/2568", REACHED_ON, ""))
    else:
        try:
            reached_on = parse_report_date(cells[REACHED_ON])
        except DateFormatError as exc:
            problems.append(refuse("date_unreadable", str(exc), "write 31/1/2568 (day/month/B.E. year) or "
                                   "2025-01-31", REACHED_ON, cells[REACHED_ON]))
    if problems:
        return None, problems
    return ProgressRow(code, step, reached_on, cells[REPORTED_BY] or reporter, cells[REASON], row=number), []


# --- The template -----------------------------------------------------------------------------------------
def template_table(villages: pd.DataFrame, village_waves: Mapping[str, str],
                   current: Mapping[str, Reached]) -> pd.DataFrame:
    """One row per village of ``villages`` that has a wave: names, wave, current step, and blank report cells."""
    planned = villages[villages[schema.VILLAGE_CODE].isin(village_waves.keys())]
    planned = planned.sort_values([schema.AMPHOE_TH, schema.TAMBON_TH, schema.MOO, schema.VILLAGE_CODE])
    table = pd.DataFrame({c: planned[c].astype(str).to_numpy() for c in TEMPLATE_INFO_COLUMNS[:5]})
    codes = table[schema.VILLAGE_CODE]
    table["wave"] = codes.map(village_waves)
    table["current_step"] = codes.map(lambda c: str(current[c].step) if c in current else "")
    table["current_since"] = codes.map(lambda c: thai_date_text(current[c].reached_on) if c in current else "")
    for column in (STEP, REACHED_ON, REPORTED_BY, REASON):
        table[column] = ""
    return table[list(TEMPLATE_COLUMNS)]


def template_csv(table: pd.DataFrame) -> bytes:
    """The template as CSV in UTF-8 with a byte-order mark, so Excel shows the Thai names; no text a spreadsheet
    would run as a formula (geodata.exports.cells)."""
    return spreadsheet_frame(table).to_csv(index=False).encode("utf-8-sig")


def template_xlsx(table: pd.DataFrame, instructions: Sequence[str]) -> bytes:
    """The template as an XLSX workbook: the villages sheet, and a sheet of instructions (one line per row).

    Every cell is text, so codes keep their digits and dates are typed as 31/1/2568; no text becomes a formula.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        spreadsheet_frame(table).to_excel(writer, sheet_name="progress", index=False)
        spreadsheet_frame(pd.DataFrame({"instructions": list(instructions)})).to_excel(
            writer, sheet_name="readme", index=False)
        sheet = writer.sheets["progress"]
        for column_cells in sheet.iter_cols(min_row=2):
            for cell in column_cells:
                cell.number_format = "@"
        for letter, width in zip("ABCDEFGHIJKL", (11, 6, 22, 18, 18, 7, 8, 12, 6, 12, 18, 24), strict=True):
            sheet.column_dimensions[letter].width = width
    return buffer.getvalue()
