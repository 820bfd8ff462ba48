"""Reading the tables planners upload (CSV in UTF-8 or Thai Windows-874, or XLSX) as text cells.

Every cell comes back as stripped text, so checks see exactly what the planner typed; spreadsheet numbers that
are really codes (80010601.0) are turned back into codes. Row numbers in messages follow the spreadsheet: the
header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from geodata.errors import Problem, UploadError

#: Encodings tried, in order, for CSV files: UTF-8 (with or without BOM), then Thai Windows-874.
CSV_ENCODINGS = ("utf-8-sig", "cp874")
FIRST_DATA_ROW = 2
DIGITS = re.compile(r"^\d+$")


def decode_text(data: bytes, filename: str) -> str:
    """The text of a CSV file in UTF-8 or Windows-874; UploadError if it is neither."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadError(filename, [Problem(
        "encoding", "the file is neither UTF-8 nor Thai Windows-874 (TIS-620) text",
        "save the CSV as 'CSV UTF-8' (Excel) or 'Unicode (UTF-8)' (LibreOffice)")])


def read_table(data: bytes, filename: str, *, suffixes: Sequence[str] = (".csv", ".xlsx"), what: str = "table",
               header_aliases: Mapping[str, str] | None = None, hint: str = "") -> pd.DataFrame:
    """An uploaded CSV/XLSX as a frame of text cells with normalised headers (empty frame for an empty file).

    Headers are stripped and looked up in `header_aliases` (as written, then lower-cased); others are lower-cased.
    Raises UploadError for a file type not in `suffixes` (`hint` is added to the fix), an undecodable CSV or a
    broken workbook.
    """
    suffix = Path(filename).suffix.lower()
    if suffix not in suffixes:
        formats = " or ".join(s.lstrip(".").upper() for s in suffixes)
        raise UploadError(filename, [Problem(
            "file_type", f"{suffix or 'a file without extension'} is not a {what} format: a {what} must be a "
            f"{formats} file", f"save the {what} as {' or '.join(suffixes)}{hint}", value=filename)])
    if not data or not data.strip():
        return pd.DataFrame()
    if suffix == ".xlsx":
        try:
            table = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False)
        except Exception as exc:  # openpyxl raises many kinds for a broken workbook
            raise UploadError(filename, [Problem(
                "unreadable", f"the workbook cannot be opened ({exc})",
                "open it in Excel or LibreOffice and save it again as .xlsx")]) from exc
    else:
        table = pd.read_csv(io.StringIO(decode_text(data, filename)), dtype=str, keep_default_na=False,
                            skipinitialspace=True)
    aliases = header_aliases or {}

    def header(column: object) -> str:
        key = str(column).strip()
        return aliases.get(key, aliases.get(key.lower(), key.lower()))

    return table.rename(columns=header).map(clean_cell)


def clean_cell(value: object) -> str:
    """A cell as stripped text; a whole number a spreadsheet wrote as 80010601.0 becomes 80010601."""
    text = "" if value is None else str(value).strip()
    return text[:-2] if re.fullmatch(r"\d+\.0", text) else text


def spreadsheet_row(index: int) -> int:
    """The spreadsheet row number of a 0-based data row index."""
    return int(index) + FIRST_DATA_ROW
