"""Reading the tables planners upload (CSV in UTF-8, UTF-16 or Thai Windows-874, or XLSX) as text cells.

Every cell comes back as stripped text, so checks see exactly what the planner typed; spreadsheet numbers that
are really codes (80010601.0) are turned back into codes, and Thai digits in number columns become 0-9. Row
numbers follow the spreadsheet: the header is row 1, the first data row is row 2, and a blank row still counts
(the frame's index is the spreadsheet row minus 2, so `spreadsheet_row(index)` names the row the planner sees).

A file is refused whole (UploadError, every problem listed) when it is larger than its `UploadLimit`, has more
rows than the limit (counted while reading, stopping there), cannot be decoded or parsed (an unclosed quote, a
row with more cells than the header), or when two headers mean the same column. The CSV is read with Python's
`csv` module rather than pandas, so none of that can end in a parser exception, a silent column shift or a
duplicated column name.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import re
import zipfile
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.xml import functions as xml_functions

from geodata.errors import Problem, UploadError, all_of, one_of
from geodata.limits import CELL_MAX_CHARS, MAX_UNPACKED_BYTES, MEGABYTE, UploadLimit
from geodata.messages import Message
from planning.numbers import ascii_digits

#: Encodings tried, in order, for CSV files without a byte-order mark: UTF-8, then Thai Windows-874.
CSV_ENCODINGS = ("utf-8", "cp874")
FIRST_DATA_ROW = 2
#: 0-9 only: Thai digits are turned into these first, and digits of other scripts are refused.
DIGITS = re.compile(r"^[0-9]+$")
#: Characters XML (so XLSX) cannot hold and no typed value contains; tab, line feed and carriage return are allowed.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Where `read_table` records the header the planner wrote for each column it kept (`frame.attrs`).
HEADERS = "headers"

_log = logging.getLogger(__name__)


def read_table(data: bytes, filename: str, *, limit: UploadLimit, columns: Collection[str],
               suffixes: Sequence[str] = (".csv", ".xlsx"), header_aliases: Mapping[str, str] | None = None,
               number_columns: Collection[str] = (), free_text: Collection[str] = (),
               template: bool = False) -> pd.DataFrame:
    """An uploaded CSV/XLSX as a frame of text cells under normalised headers (empty frame for an empty file).

    Only `columns` are kept (other columns are not read); cells of `number_columns` get Thai digits as 0-9.
    Cells longer than CELL_MAX_CHARS are refused, except in `free_text` columns, whose reader checks their
    length against its own limit (geodata.limits).
    Headers are stripped and looked up in `header_aliases` (as written, then lower-cased); others are
    lower-cased; the header as written is kept in ``frame.attrs[HEADERS]`` (column -> header). Raises
    UploadError for a file type not in `suffixes` (with `template`, its fix says to download the template), a
    file over `limit`, an undecodable or unparsable file, a row with more cells than the header, two headers
    meaning the same column, or a cell too long or holding control characters.
    """
    suffix = Path(filename).suffix.lower()
    if suffix not in suffixes:
        raise UploadError(filename, [Problem(
            "file_type",
            Message("problem.file_type", suffix=suffix or Message("problem.no_extension"), what=limit.kind,
                    formats=one_of([s.lstrip(".").upper() for s in suffixes])),
            Message("problem.fix.save_as", what=limit.kind, suffixes=one_of(list(suffixes)),
                    hint=Message("problem.template_hint") if template else ""),
            value=filename)])
    check_size(data, filename, limit)
    if not data or not data.strip():
        return pd.DataFrame()
    records = xlsx_records(data, filename, limit) if suffix == ".xlsx" else csv_records(data, filename, limit)
    return _frame(records, filename, columns, header_aliases or {}, number_columns, free_text)


def check_size(data: bytes, filename: str, limit: UploadLimit) -> None:
    """UploadError when `data` is larger than the limit of its kind of file."""
    if len(data) > limit.max_bytes:
        raise UploadError(filename, [Problem(
            "file_too_large",
            Message("problem.file_too_large", size=len(data) / MEGABYTE, what=limit.kind,
                    megabytes=limit.max_megabytes, rows=f"{limit.max_rows:,}", unit=limit.units),
            Message("problem.fix.smaller_file"))])


def too_many_rows(filename: str, limit: UploadLimit) -> UploadError:
    """The error for a file with more rows (features) than its limit."""
    return UploadError(filename, [Problem(
        "too_many_rows",
        Message("problem.too_many_rows", rows=f"{limit.max_rows:,}", unit=limit.units, what=limit.kind),
        Message("problem.fix.split_file", unit=limit.units))])


def decode_text(data: bytes, filename: str) -> str:
    """The text of a CSV file: UTF-8 or UTF-16 (with or without a byte-order mark) or Thai Windows-874.

    UploadError if it is none of them, or if the text holds NUL characters (a binary file, not a table).
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode(data[len(bom):], encoding, filename)
    without_bom = _utf16_without_bom(data)
    if without_bom:
        return _decode(data, without_bom, filename)
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _text_only(text, filename)
    raise UploadError(filename, [Problem("encoding", Message("problem.encoding_unknown"),
                                         Message("problem.fix.save_utf8"))])


def csv_records(data: bytes, filename: str, limit: UploadLimit) -> list[tuple[int, list[str]]]:
    """The non-blank records of a CSV as (spreadsheet row, cells), header first; stops past `limit.max_rows`.

    The delimiter is a comma, or a semicolon or tab when the header has no comma but one of those.
    """
    text = decode_text(data, filename)
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        delimiter = next((d for d in (";", "\t") if d in first_line), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    row = 0
    try:
        for cells in reader:
            row += 1
            if any(cell.strip() for cell in cells):
                records.append((row, cells))
                if len(records) > limit.max_rows + 1:
                    raise too_many_rows(filename, limit)
    except csv.Error as exc:
        raise UploadError(filename, [_csv_problem(str(exc), row + 1)]) from exc
    return records


def xlsx_records(data: bytes, filename: str, limit: UploadLimit) -> list[tuple[int, list[str]]]:
    """The non-blank rows of a workbook's first sheet as (row, cells), header first; stops past the limit.

    Before openpyxl opens it, the zip's unpacked size is checked and the first sheet's rows are counted while
    streaming its XML, stopping past the limit: openpyxl itself reads a whole sheet that lacks a <dimension>
    element just to open it (12 s for 200,000 short rows).
    """
    check_unpacked_size(data, filename, Message("problem.workbook"))
    if _rows_with_values(data, stop=limit.max_rows + 2) > limit.max_rows + 1:
        raise too_many_rows(filename, limit)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign file
        _log.info("unreadable workbook %s: %r", filename, exc)
        raise _unreadable_workbook(filename) from exc
    records: list[tuple[int, list[str]]] = []
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(value) for value in values]
            if any(cells):
                records.append((number, cells))
                if len(records) > limit.max_rows + 1:
                    raise too_many_rows(filename, limit)
    except UploadError:
        raise
    except Exception as exc:  # a damaged sheet fails while streaming, not when opened
        _log.info("unreadable workbook %s: %r", filename, exc)
        raise _unreadable_workbook(filename) from exc
    finally:
        book.close()
    return records


def _rows_with_values(data: bytes, stop: int) -> int:
    """Rows holding at least one value in the workbook's first sheet, counted up to `stop` (0 if the parts
    cannot be found: openpyxl then says the workbook cannot be opened)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = _first_sheet_path(archive)
            if path is None:
                return 0
            count = 0
            with archive.open(path) as source:
                for _, element in xml_functions.iterparse(source):
                    name = xml_functions.localname(element)
                    if name == "row":
                        if any(xml_functions.localname(value) in ("v", "is") for cell in element for value in cell):
                            count += 1
                            if count >= stop:
                                return count
                        element.clear()
            return count
    except Exception as exc:  # a damaged zip or XML: openpyxl reports it in the planner's terms
        _log.info("rows of %s not counted: %r", "workbook", exc)
        return 0


def _first_sheet_path(archive: zipfile.ZipFile) -> str | None:
    """The zip member of the workbook's first sheet (the one openpyxl reads as `worksheets[0]`)."""
    workbook = xml_functions.fromstring(archive.read("xl/workbook.xml"))
    sheet = next((e for e in workbook.iter() if xml_functions.localname(e) == "sheet"), None)
    if sheet is None:
        return None
    relation = next((value for key, value in sheet.attrib.items() if key.endswith("}id")), None)
    relations = xml_functions.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next((e.get("Target") for e in relations.iter() if e.get("Id") == relation), None)
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def check_unpacked_size(data: bytes, filename: str, what: Message) -> None:
    """UploadError when a zip container (XLSX, zipped Shapefile) would unpack to more than MAX_UNPACKED_BYTES."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return  # not a zip at all: the reader says the file cannot be opened
    if unpacked > MAX_UNPACKED_BYTES:
        raise UploadError(filename, [Problem(
            "file_too_large",
            Message("problem.unpacks_too_large", what=what, size=unpacked / MEGABYTE,
                    most=MAX_UNPACKED_BYTES // MEGABYTE),
            Message("problem.fix.upload_smaller"))])


def clean_cell(value: object) -> str:
    """A cell as stripped text; a whole number a spreadsheet wrote as 80010601.0 becomes 80010601."""
    text = "" if value is None else str(value).strip()
    return text[:-2] if re.fullmatch(r"[0-9]+\.0", text) else text


def spreadsheet_row(index: int) -> int:
    """The spreadsheet row number of a 0-based data row index."""
    return int(index) + FIRST_DATA_ROW


# --- helpers ----------------------------------------------------------------------------------------------
def _decode(data: bytes, encoding: str, filename: str) -> str:
    try:
        return _text_only(data.decode(encoding), filename)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding == "utf-8" else "UTF-16"
        raise UploadError(filename, [Problem("encoding", Message("problem.encoding_damaged", encoding=name),
                                             Message("problem.fix.save_utf8_again"))]) from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the start of `data` looks like UTF-16 without a byte-order mark, else None.

    Our tables hold ASCII (headers, codes, numbers) and Thai, which UTF-16 writes as a printable ASCII byte
    beside a zero byte, or a byte below 0x80 beside 0x0E (the Thai block U+0E00-U+0E7F). At least half of the
    first pairs must look like that, in one byte order.
    """
    sample = data[:2048]
    pairs = list(zip(sample[0::2], sample[1::2], strict=False))
    if len(pairs) < 2:
        return None

    def text_unit(low: int, high: int) -> bool:
        return (high == 0 and (32 <= low < 127 or low in (9, 10, 13))) or (high == 0x0E and low < 0x80)

    if sum(1 for a, b in pairs if text_unit(a, b)) >= 0.5 * len(pairs):
        return "utf-16-le"
    if sum(1 for a, b in pairs if text_unit(b, a)) >= 0.5 * len(pairs):
        return "utf-16-be"
    return None


def _text_only(text: str, filename: str) -> str:
    if "\x00" in text:
        raise UploadError(filename, [Problem("encoding", Message("problem.not_text"),
                                             Message("problem.fix.save_as_table"))])
    return text


def _csv_problem(error: str, row: int) -> Problem:
    if "end of data" in error:
        return Problem("unclosed_quote", Message("problem.unclosed_quote"), Message("problem.fix.close_quote"),
                       row=row)
    if "expected after" in error:
        return Problem("stray_quote", Message("problem.stray_quote"), Message("problem.fix.quote_cell"), row=row)
    if "field larger" in error:
        return Problem("cell_too_long", Message("problem.csv_cell_too_long", most=CELL_MAX_CHARS),
                       Message("problem.fix.shorten_cell"), row=row)
    return Problem("unreadable", Message("problem.unreadable_row"), Message("problem.fix.save_csv_again"), row=row)


def _unreadable_workbook(filename: str) -> UploadError:
    return UploadError(filename, [Problem("unreadable", Message("problem.unreadable_workbook"),
                                          Message("problem.fix.save_workbook_again"))])


def _cell_text(value: object) -> str:
    """A workbook value as the text a planner sees: whole floats without .0, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_cell(value)


def _header(cell: str, aliases: Mapping[str, str]) -> str:
    key = cell.strip().lstrip("\ufeff").strip()
    return aliases.get(key, aliases.get(key.lower(), key.lower()))


def _frame(records: list[tuple[int, list[str]]], filename: str, columns: Collection[str],
           aliases: Mapping[str, str], number_columns: Collection[str], free_text: Collection[str]
           ) -> pd.DataFrame:
    if not records:
        return pd.DataFrame()
    header_row, header_cells = records[0]
    names = [_header(cell, aliases) for cell in header_cells]
    places: dict[str, list[int]] = {}
    for position, name in enumerate(names):
        if name in columns:
            places.setdefault(name, []).append(position)
    problems = [_duplicate_column(name, positions, header_cells, header_row)
                for name, positions in places.items() if len(positions) > 1]
    width = len(header_cells)
    kept = {name: positions[0] for name, positions in places.items()}
    rows, index = [], []
    for number, cells in records[1:]:
        extra = [cell for cell in cells[width:] if cell.strip()]
        if extra:
            problems.append(Problem(
                "extra_cells", Message("problem.extra_cells", cells=len(cells), width=width),
                Message("problem.fix.extra_cells"), row=number, value=extra[0].strip()[:60]))
        values = {}
        for name, position in kept.items():
            text = clean_cell(cells[position]) if position < len(cells) else ""
            if name in number_columns:
                text = clean_cell(ascii_digits(text))
            problems += _cell_problems(text, name, number, checks_length=name not in free_text)
            values[name] = text
        rows.append(values)
        index.append(number - FIRST_DATA_ROW)
    if problems:
        raise UploadError(filename, problems)
    ordered = [name for name in dict.fromkeys(names) if name in kept]
    frame = pd.DataFrame(rows, index=index, columns=ordered).fillna("")
    frame.attrs[HEADERS] = {name: header_cells[position].strip().lstrip("\ufeff").strip()
                            for name, position in kept.items()}
    return frame


def headers_as_written(table: pd.DataFrame) -> dict[str, str]:
    """Column -> the header the planner wrote for it, for a frame `read_table` returned ({} for another frame)."""
    return dict(table.attrs.get(HEADERS, {}))


def _duplicate_column(name: str, positions: list[int], header_cells: list[str], header_row: int) -> Problem:
    headers = [Message("problem.header_at", header=header_cells[p].strip(), letter=get_column_letter(p + 1))
               for p in positions]
    key = "problem.duplicate_headers_two" if len(positions) == 2 else "problem.duplicate_headers_many"
    return Problem("duplicate_column", Message(key, headers=all_of(headers)), Message("problem.fix.keep_one_column"),
                   row=header_row, column=name, value=", ".join(header_cells[p].strip() for p in positions))


def _cell_problems(text: str, column: str, row: int, *, checks_length: bool) -> list[Problem]:
    problems = []
    if checks_length and len(text) > CELL_MAX_CHARS:
        problems.append(Problem("cell_too_long", Message("problem.cell_too_long", length=len(text),
                                                         most=CELL_MAX_CHARS),
                                Message("problem.fix.shorten"), row=row, column=column, value=text[:60] + "…"))
    bad = CONTROL_CHARACTERS.search(text)
    if bad:
        problems.append(Problem("control_character",
                                Message("problem.control_character", code=f"U+{ord(bad.group()):04X}"),
                                Message("problem.fix.retype_cell"), row=row, column=column,
                                value=CONTROL_CHARACTERS.sub("?", text[:60])))
    return problems
