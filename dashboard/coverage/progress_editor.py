"""Entering six-step progress on the Coverage page: the editable table, file imports, and refusals in words.

The logic sits here, outside the page script, so tests call it directly: `editor_table` lays out the villages
to update, `record_table_entries` turns the edited table into reports and records the valid ones, and
`import_file` does the same for a district office's CSV/XLSX. Both go through geodata.progress_io (reading,
recording) and planning.progress (the rules), and both keep the valid rows of a batch and return every refused
row with its reason, which `refusal_table` words in Thai or English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from dashboard.common.formatting import Texts, format_date, translate
from geodata import schema
from geodata.progress_io import (
    REACHED_ON,
    REASON,
    REPORTED_BY,
    STEP,
    ProgressOutcome,
    import_progress_file,
    parse_progress_table,
    record_reports,
    thai_date_text,
)
from planning.progress import STEPS, Refusal
from store.progress import TABLE_SOURCE, ProgressEntry, ProgressStore

#: Why a row was refused, per planning/geodata check name; fields come from the refusal's details.
REFUSAL_TEXT: Texts = {
    "unknown_village": ("ไม่พบรหัสหมู่บ้าน {code} ในชุดข้อมูลที่ใช้อยู่ ตรวจรหัส 8 หลัก",
                        "Village code {code} is not in the data set in use; check the 8-digit code"),
    "no_wave": ("หมู่บ้าน {code} ไม่มีระยะในแผนนี้ จึงยังไม่อยู่ในการขยายผล",
                "Village {code} has no wave in this plan, so it is not being covered"),
    "step_out_of_range": ("ไม่มีขั้น {step}: ใช้เลข 1 ถึง 6", "There is no step {step}: use 1 to 6"),
    "step_not_number": ("ขั้น '{value}' ไม่ใช่ตัวเลข: ใช้เลข 1 ถึง 6", "Step '{value}' is not a number: use 1 to 6"),
    "step_backwards": ("ขั้น {step} ถอยหลังจากขั้นปัจจุบัน {current} โดยไม่มีเหตุผล: ระบุเหตุผลในช่องเหตุผล",
                       "Step {step} goes back from the current step {current} without a reason: write the reason"),
    "no_change": ("หมู่บ้านอยู่ขั้น {step} อยู่แล้ว (ตั้งแต่ {current_on}): รายงานเมื่อเปลี่ยนขั้นเท่านั้น",
                  "The village is already at step {step} (since {current_on}): report only a change of step"),
    "before_current": ("วันที่ {reached_on} ก่อนวันที่ถึงขั้นปัจจุบัน {current} ({current_on})",
                       "The date {reached_on} is before the current step {current} was reached ({current_on})"),
    "future_date": ("วันที่ {reached_on} ยังมาไม่ถึง (วันนี้ {today})",
                    "The date {reached_on} is in the future (today is {today})"),
    "before_wave": ("วันที่ {reached_on} ก่อนเริ่มระยะ {wave} ของหมู่บ้าน (ปีงบประมาณ {wave} เริ่ม {wave_start})",
                    "The date {reached_on} is before the village's wave {wave} began (fiscal year {wave} starts "
                    "{wave_start})"),
    "missing_value": ("ช่อง {column} ว่าง: กรอกรหัสหมู่บ้าน ขั้น และวันที่ถึงขั้น",
                      "The {column} cell is empty: fill in the village code, the step and the date"),
    "date_unreadable": ("อ่านวันที่ '{value}' ไม่ได้: เขียนแบบ 31/1/2568 (วัน/เดือน/ปี พ.ศ.) หรือ 2025-01-31",
                        "Cannot read the date '{value}': write 31/1/2568 (day/month/B.E. year) or 2025-01-31"),
}
TEXT: Texts = {
    "row": ("แถว", "Row"), "value": ("ค่า", "Value"), "reason": ("เหตุผลที่ไม่รับ", "Why refused"),
}
#: Columns of the editable table: shown (read-only) then entered.
SHOWN_COLUMNS = ("village_code", "village", "tambon", "wave", "current", "since")
ENTERED_COLUMNS = (STEP, REACHED_ON, REPORTED_BY, REASON)


def step_option(number: int, lang: str) -> str:
    """How a step reads in the table's drop-down: "3 · ความมีประสิทธิภาพของชุมชน"."""
    return f"{number} · {STEPS[number - 1].name(lang)}"


def refusal_reason(refusal: Refusal, lang: str) -> str:
    """A refused row's reason in `lang`, with its dates written the Thai way (2 ธ.ค. 2548)."""
    values = {k: (format_date(v, lang) if isinstance(v, dt.date) else v) for k, v in refusal.details.items()}
    values.setdefault("value", refusal.value or "")
    try:
        return translate(REFUSAL_TEXT, refusal.check, lang, **values)
    except (KeyError, IndexError):  # a check without its own wording: the rule's own message
        return str(refusal)


def refusal_table(refusals: Sequence[Refusal], lang: str) -> pd.DataFrame:
    """One line per refusal: row, village code, value and the reason in the reader's language."""
    return pd.DataFrame([{
        translate(TEXT, "row", lang): r.row, translate({}, "code", lang): r.village_code or "",
        translate(TEXT, "value", lang): r.value or "", translate(TEXT, "reason", lang): refusal_reason(r, lang),
    } for r in refusals])


def editor_table(villages: pd.DataFrame, village_waves: Mapping[str, str], current: Mapping[str, ProgressEntry],
                 lang: str) -> pd.DataFrame:
    """The villages of `villages` that have a wave, with their current step, ready for new reports."""
    suffix = "th" if lang == "th" else "en"
    planned = villages[villages[schema.VILLAGE_CODE].isin(village_waves.keys())]
    planned = planned.sort_values([schema.TAMBON_CODE, schema.MOO])
    codes = planned[schema.VILLAGE_CODE].tolist()
    return pd.DataFrame({
        "village_code": codes,
        "village": [f"{m}. {n}" for m, n in zip(planned[schema.MOO], planned[f"village_{suffix}"], strict=True)],
        "tambon": planned[f"tambon_{suffix}"].tolist(),
        "wave": [village_waves[c] for c in codes],
        "current": [step_option(current[c].step, lang) if c in current else "" for c in codes],
        "since": [format_date(current[c].reached_on, lang) if c in current else "" for c in codes],
        STEP: [""] * len(codes),
        REACHED_ON: [""] * len(codes),
        REPORTED_BY: [""] * len(codes),
        REASON: [""] * len(codes),
    })


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


def record_table_entries(progress: ProgressStore, edited: pd.DataFrame, *, author: str,
                         known_villages: Iterable[str], village_waves: Mapping[str, str],
                         today: dt.date) -> ProgressOutcome:
    """Record the reports typed into the table (rows left blank are skipped); refused rows come back with reasons.

    Lines are numbered from 1 as the table shows them; a blank reporter is recorded as the planner (`author`).
    """
    parsed = parse_progress_table(entered_rows(edited), reporter=author, first_row=1)
    return record_reports(progress, parsed.rows, source=TABLE_SOURCE, author=author, known_villages=known_villages,
                          village_waves=village_waves, today=today, refused=parsed.refused, skipped=parsed.skipped)


def import_file(progress: ProgressStore, data: bytes, filename: str, *, author: str,
                known_villages: Iterable[str], village_waves: Mapping[str, str], today: dt.date) -> ProgressOutcome:
    """Import a district office's CSV/XLSX (geodata.progress_io); UploadError if the file as a whole is unusable."""
    return import_progress_file(progress, data, filename, author=author, known_villages=known_villages,
                                village_waves=village_waves, today=today)
