"""Entering six-step progress on the Coverage page: the editable table, file imports, and refusals in words.

The logic sits here, outside the page script, so tests call it directly: `editor_table` lays out the villages
to update, `record_table_entries` turns the edited table into reports and records the valid ones, and
`import_file` does the same for a district office's CSV/XLSX. Both read with geodata.progress_io and record
through the service (`service.Workspace`: as the logged-in person, within their amphoe) under planning.progress's
rules; both keep the valid rows of a batch and return every refused row with its reason, which `refusal_table`
words in Thai or English.

A refused row typed into the table is not lost: `kept_for_correction` keeps what was typed and why it was
refused, and `editor_table` shows those rows again, first, filled in as typed with the reason beside them, so the
reporter corrects the cell instead of typing the row again. Recorded rows come back empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.common.formatting import format_date
from geodata import schema
from geodata.messages import text
from geodata.messages.facts import step_name
from geodata.progress_io import (
    REACHED_ON,
    REASON,
    REPORTED_BY,
    STEP,
    parse_progress_table,
    thai_date_text,
)
from planning.progress import STEPS, Refusal
from service import TABLE_SOURCE, ProgressOutcome, Workspace
from service.progress import ProgressEntry

#: Why a row was refused, per planning/geodata check name; fields come from the refusal's details.
REFUSALS = {
    "unknown_village": "coverage.refusal.unknown_village",
    "no_wave": "coverage.refusal.no_wave",
    "step_out_of_range": "coverage.refusal.step_out_of_range",
    "step_not_number": "coverage.refusal.step_not_number",
    "step_backwards": "coverage.refusal.step_backwards",
    "no_change": "coverage.refusal.no_change",
    "before_current": "coverage.refusal.before_current",
    "future_date": "coverage.refusal.future_date",
    "before_wave": "coverage.refusal.before_wave",
    "missing_value": "coverage.refusal.missing_value",
    "date_unreadable": "coverage.refusal.date_unreadable",
    "text_too_long": "coverage.refusal.text_too_long",
}
#: A report's columns as the reader knows them (a refusal names the column, never its internal name).
COLUMN_WORDS = {
    "village_code": "coverage.column.village_code",
    STEP: "coverage.column.step",
    REACHED_ON: "coverage.column.reached_on",
    REPORTED_BY: "coverage.column.reported_by",
    REASON: "coverage.column.reason",
}
#: Columns of the editable table: shown (read-only), entered, and why a row was refused (read-only).
SHOWN_COLUMNS = ("village_code", "village", "tambon", "wave", "current", "since")
ENTERED_COLUMNS = (STEP, REACHED_ON, REPORTED_BY, REASON)
PROBLEM = "problem"
#: The order the table shows its columns in: the village, then what to type (so a phone shows both without
#: scrolling sideways), then why a row was refused, then the rest.
COLUMN_ORDER = ("village", *ENTERED_COLUMNS, PROBLEM, "current", "since", "wave", "tambon", "village_code")


@dataclass(frozen=True)
class KeptRow:
    """A refused row of the table, kept for correction: the cells as typed and every reason it was refused."""

    cells: dict[str, str]
    refusals: tuple[Refusal, ...]


def step_option(number: int, lang: str) -> str:
    """How a step reads in the table's drop-down: "3 · ความมีประสิทธิภาพของชุมชน"."""
    return f"{number} · {step_name(number, lang)}"


def refusal_reason(refusal: Refusal, lang: str) -> str:
    """A refused row's reason in `lang`, with its dates written the Thai way (2 ธ.ค. 2548)."""
    values = {k: (format_date(v, lang) if isinstance(v, dt.date) else v) for k, v in refusal.details.items()}
    values.setdefault("value", refusal.value or "")
    if values.get("column") in COLUMN_WORDS:
        values["column"] = text(COLUMN_WORDS[values["column"]], lang)
    if refusal.check not in REFUSALS:  # a check without its own wording: the rule's own message
        return str(refusal)
    try:
        return text(REFUSALS[refusal.check], lang, **values)
    except (KeyError, IndexError):  # a wording that quotes a value this refusal lacks
        return str(refusal)


def refusal_table(refusals: Sequence[Refusal], lang: str) -> pd.DataFrame:
    """One line per refusal: row, village code, value and the reason in the reader's language."""
    columns = [text(key, lang) for key in ("coverage.refused_table.row", "common.code", "coverage.refused_table.value",
                                           "coverage.refused_table.reason")]
    return pd.DataFrame([[r.row, r.village_code or "", refused_value(r, lang), refusal_reason(r, lang)]
                         for r in refusals], columns=columns)


def refused_value(refusal: Refusal, lang: str) -> str:
    """The refused cell as the reader wrote it: a date that was read is shown back in B.E. (2 ธ.ค. 2548)."""
    reached_on = refusal.details.get("reached_on")
    if refusal.column == REACHED_ON and isinstance(reached_on, dt.date):
        return format_date(reached_on, lang)
    return refusal.value or ""


def editor_table(villages: pd.DataFrame, village_waves: Mapping[str, str], current: Mapping[str, ProgressEntry],
                 lang: str, kept: Mapping[str, KeptRow] | None = None) -> pd.DataFrame:
    """The villages of `villages` that have a wave, with their current step, ready for new reports.

    Rows refused last time (`kept`, by village code) come first, filled in as typed, with why they were refused.
    """
    kept = kept or {}
    suffix = "th" if lang == "th" else "en"
    planned = villages[villages[schema.VILLAGE_CODE].isin(village_waves.keys())].copy()
    planned["_kept"] = ~planned[schema.VILLAGE_CODE].isin(kept.keys())
    planned = planned.sort_values(["_kept", schema.TAMBON_CODE, schema.MOO])
    codes = planned[schema.VILLAGE_CODE].tolist()

    def typed(column: str) -> list[str]:
        return [kept[c].cells.get(column, "") if c in kept else "" for c in codes]

    return pd.DataFrame({
        "village_code": codes,
        "village": [f"{m}. {n}" for m, n in zip(planned[schema.MOO], planned[f"village_{suffix}"], strict=True)],
        "tambon": planned[f"tambon_{suffix}"].tolist(),
        "wave": [village_waves[c] for c in codes],
        "current": [step_option(current[c].step, lang) if c in current else "" for c in codes],
        "since": [format_date(current[c].reached_on, lang) if c in current else "" for c in codes],
        STEP: [_step_cell(kept[c].cells.get(STEP, ""), lang) if c in kept else "" for c in codes],
        REACHED_ON: typed(REACHED_ON),
        REPORTED_BY: typed(REPORTED_BY),
        REASON: typed(REASON),
        PROBLEM: ["; ".join(refusal_reason(r, lang) for r in kept[c].refusals) if c in kept else ""
                  for c in codes],
    })


def kept_for_correction(edited: pd.DataFrame, refusals: Sequence[Refusal],
                        earlier: Mapping[str, KeptRow] | None = None) -> dict[str, KeptRow]:
    """The refused rows of the table just recorded, by village code, with the cells as typed and the reasons.

    Rows kept from `earlier` for villages that were not in this table (another district or tambon shown) stay
    kept; those that were in it are replaced by what this recording found.
    """
    rows = entered_rows(edited).reset_index(drop=True)
    by_row: dict[int, list[Refusal]] = {}
    for refusal in refusals:
        if refusal.row is not None and 1 <= refusal.row <= len(rows):
            by_row.setdefault(refusal.row, []).append(refusal)
    shown = set(rows["village_code"])
    kept = {code: row for code, row in (earlier or {}).items() if code not in shown}
    for number, found in sorted(by_row.items()):
        cells = rows.iloc[number - 1].to_dict()
        kept[str(cells["village_code"])] = KeptRow({c: str(cells[c]) for c in ENTERED_COLUMNS}, tuple(found))
    return kept


def _step_cell(step: str, lang: str) -> str:
    """A kept step number back as the drop-down's option ("3 · ..."), or as typed when it is not a step."""
    return step_option(int(step), lang) if step.isdigit() and 1 <= int(step) <= len(STEPS) else step


def entered_rows(edited: pd.DataFrame) -> pd.DataFrame:
    """The edited table as report cells (strings): step numbers from the drop-down, the other cells as typed."""
    def step_number(value: object) -> str:
        text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
        return text.split("·")[0].strip() if text else ""

    def text(value: object) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return ""
        return thai_date_text(value) if isinstance(value, dt.date) else str(value).strip()

    return pd.DataFrame({
        "village_code": edited["village_code"].astype(str),
        STEP: [step_number(v) for v in edited[STEP]],
        REACHED_ON: [text(v) for v in edited[REACHED_ON]],
        REPORTED_BY: [text(v) for v in edited[REPORTED_BY]],
        REASON: [text(v) for v in edited[REASON]],
    })


def record_table_entries(progress: Workspace, edited: pd.DataFrame, *, known_villages: Iterable[str],
                         village_waves: Mapping[str, str], today: dt.date) -> ProgressOutcome:
    """Record the reports typed into the table (rows left blank are skipped); refused rows come back with reasons.

    Lines are numbered from 1 as the table shows them; a blank reporter is recorded as the logged-in person.
    """
    parsed = parse_progress_table(entered_rows(edited), reporter=progress.actor.name, first_row=1)
    return progress.record_reports(parsed.rows, source=TABLE_SOURCE, known_villages=known_villages,
                                   village_waves=village_waves, today=today, refused=parsed.refused,
                                   skipped=parsed.skipped)


def import_file(progress: Workspace, data: bytes, filename: str, *, known_villages: Iterable[str],
                village_waves: Mapping[str, str], today: dt.date) -> ProgressOutcome:
    """Import a district office's CSV/XLSX (geodata.progress_io); UploadError if the file as a whole is unusable."""
    return progress.import_progress_file(data, filename, known_villages=known_villages, village_waves=village_waves,
                                         today=today)
