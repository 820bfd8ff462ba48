"""Row checks shared by every table a planner uploads (village lists, corrections, boundary attributes).

Each check returns a list of `Problem`s (row, column, value, what is wrong, how to fix it) and never raises, so
callers run them all and report every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from geodata import schema
from geodata.errors import Problem, column_label, digit_hint
from geodata.messages import Message
from geodata.tables import DIGITS, spreadsheet_row


def blank_values(table: pd.DataFrame, columns: Iterable[str]) -> list[Problem]:
    """An empty cell in any of `columns`."""
    return [
        Problem("missing_value", Message("problem.missing_value"), Message("problem.fix.fill_in"),
                row=spreadsheet_row(i), column=column, value="")
        for column in columns for i in table.index[table[column] == ""]
    ]


def long_texts(table: pd.DataFrame, limits: Mapping[str, int]) -> list[Problem]:
    """A free-text cell longer than its column's limit (`limits`: column -> most characters)."""
    return [
        Problem("text_too_long", Message("problem.text_too_long", length=len(text), most=limit),
                Message("problem.fix.shorten_to", most=limit), row=spreadsheet_row(i), column=column,
                value=text[:40] + "…")
        for column, limit in limits.items() if column in table.columns
        for i, text in table[column].items() if len(text) > limit
    ]


def malformed_codes(table: pd.DataFrame) -> list[Problem]:
    """A code column (village/tambon/amphoe) whose value is not exactly its number of digits."""
    problems = []
    for column, length in schema.CODE_LENGTHS.items():
        if column not in table.columns:
            continue
        for i, value in table[column].items():
            if value and not (len(value) == length and DIGITS.match(value)):
                problems.append(Problem(
                    "malformed_code", Message("problem.malformed_code", length=length, hint=digit_hint(value)),
                    Message("problem.fix.write_code", length=length), row=spreadsheet_row(i), column=column,
                    value=value))
    return problems


def duplicate_codes(table: pd.DataFrame, column: str) -> list[Problem]:
    """A code used on an earlier row; the message names that row."""
    if column not in table.columns:
        return []
    codes = table[column]
    first_row = {}
    problems = []
    for i, code in codes.items():
        if not code:
            continue
        if code in first_row:
            problems.append(Problem(
                "duplicate_code", Message("problem.duplicate_code", first_row=first_row[code]),
                Message("problem.fix.one_row_per_code"), row=spreadsheet_row(i), column=column, value=code))
        else:
            first_row[code] = spreadsheet_row(i)
    return problems


def well_formed(value: str, column: str) -> bool:
    """True when `value` has exactly the digits a `column` code needs."""
    return len(value) == schema.CODE_LENGTHS[column] and bool(DIGITS.match(value))


def hierarchy_problems(table: pd.DataFrame) -> list[Problem]:
    """A village code not starting with its tambon code, or a tambon code not starting with its amphoe code."""
    problems = []
    pairs = ((schema.VILLAGE_CODE, schema.TAMBON_CODE), (schema.TAMBON_CODE, schema.AMPHOE_CODE))
    for child, parent in pairs:
        if child not in table.columns or parent not in table.columns:
            continue
        for i, (c, p) in enumerate(zip(table[child], table[parent], strict=True)):
            if well_formed(c, child) and well_formed(p, parent) and not c.startswith(p):
                problems.append(Problem(
                    "code_hierarchy",
                    Message("problem.code_hierarchy", code=c, parent=column_label(parent), parent_code=p),
                    Message("problem.fix.code_hierarchy", parent=column_label(parent)),
                    row=spreadsheet_row(table.index[i]), column=child, value=c))
    return problems


def coordinate_problems(table: pd.DataFrame) -> list[Problem]:
    """Coordinates that are not numbers, look swapped, or fall outside Thailand (both empty is fine)."""
    if schema.LAT not in table.columns and schema.LON not in table.columns:
        return []
    lat_col = table.get(schema.LAT, pd.Series("", index=table.index))
    lon_col = table.get(schema.LON, pd.Series("", index=table.index))
    b = schema.THAILAND_BOUNDS
    problems = []
    for i, (lat_text, lon_text) in enumerate(zip(lat_col, lon_col, strict=True)):
        row = spreadsheet_row(table.index[i])
        if not lat_text and not lon_text:
            continue  # no point: an estimated one will be placed
        lat, lon = pd.to_numeric(lat_text, errors="coerce"), pd.to_numeric(lon_text, errors="coerce")
        if pd.isna(lat) or pd.isna(lon):
            bad_col, bad_val = (schema.LAT, lat_text) if pd.isna(lat) else (schema.LON, lon_text)
            problems.append(Problem("coordinate_not_numeric",
                                    Message("problem.coordinate_not_numeric", hint=digit_hint(bad_val)),
                                    Message("problem.fix.decimal_degrees"), row=row, column=bad_col, value=bad_val))
            continue
        lat_ok = b["lat_min"] <= lat <= b["lat_max"]
        lon_ok = b["lon_min"] <= lon <= b["lon_max"]
        if lat_ok and lon_ok:
            continue
        if b["lat_min"] <= lon <= b["lat_max"] and b["lon_min"] <= lat <= b["lon_max"]:
            problems.append(Problem("coordinates_swapped", Message("problem.coordinates_swapped"),
                                    Message("problem.fix.swap", lat=lon, lon=lat),
                                    row=row, column=schema.LAT, value=f"{lat_text}, {lon_text}"))
        else:
            problems.append(outside_thailand(row, f"{lat_text}, {lon_text}"))
    return problems


def outside_thailand(row: int | None, value: str) -> Problem:
    """A point outside Thailand's box; the fix quotes the box (schema.THAILAND_BOUNDS)."""
    return Problem("outside_thailand", Message("problem.outside_thailand"),
                   Message("problem.fix.inside_thailand", **schema.THAILAND_BOUNDS), row=row, column=schema.LAT,
                   value=value)
