"""Comparing two scenarios (what moved, metric by metric) and reading a scenario's change history as a table.

Pure functions of `store.Scenario` values and plain mappings (no Streamlit), tested on their tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

import store
from dashboard.common.formatting import Texts, format_date, translate

TEXT: Texts = {
    "code": ("รหัส", "Code"),
    "village": ("หมู่บ้าน", "Village"),
    "tambon": ("ตำบล", "Tambon"),
    "amphoe": ("อำเภอ", "District"),
    "metric": ("ตัวชี้วัด", "Measure"),
    "difference": ("ผลต่าง (ข − ก)", "Difference (B − A)"),
    "max_load": ("ภาระสูงสุด (หมู่บ้าน/ทีม)", "Largest load (villages per team)"),
    "split_tambons": ("ตำบลที่แบ่งหลายระยะ", "Tambons split across waves"),
    "spread_cost": ("ต้นทุนการกระจาย (หมู่บ้าน×ระยะห่าง)", "Spread cost (village-hops)"),
    "pace_gap": ("ความต่างจากจังหวะจังหวัด (หมู่บ้าน)", "Gap from the province's pace (villages)"),
    "unassigned": ("หมู่บ้านที่ยังไม่มีระยะ", "Villages without a wave"),
    "failed": ("ข้อที่ไม่ผ่าน", "Failed checks"),
    "status": ("สถานะการคำนวณ", "Status"),
    "locked": ("หมู่บ้านที่ล็อก", "Locked villages"),
    "pilots": ("ตำบลนำร่อง", "Pilot tambons"),
    "teams": ("ทีมคุณอำนวยรวม", "Facilitator teams"),
    "capacity": ("หมู่บ้านต่อทีมต่อระยะ", "Villages per team and wave"),
    "wave_size": ("ระยะ {label}: หมู่บ้าน", "Wave {label}: villages"),
    "version": ("ฉบับที่", "Version"),
    "when": ("เมื่อ", "When"),
    "who": ("ผู้แก้ไข", "By"),
    "action": ("การแก้ไข", "Change"),
    "villages": ("จำนวนหมู่บ้าน", "Villages"),
    "reason": ("เหตุผล", "Reason"),
    "detail": ("รายละเอียด", "Detail"),
    "yes": ("ใช่", "yes"),
    "no": ("ไม่", "no"),
}
_ACTIONS: Texts = {
    "create": ("สร้างแผน", "created"), "save": ("บันทึก", "saved"), "assign": ("กำหนดระยะ", "assigned waves"),
    "lock": ("ล็อก", "locked"), "unlock": ("ปลดล็อก", "unlocked"), "pilot": ("ตั้งตำบลนำร่อง", "marked pilots"),
    "unpilot": ("ยกเลิกตำบลนำร่อง", "unmarked pilots"), "roster": ("เปลี่ยนทีมคุณอำนวย", "changed the roster"),
    "optimise": ("ปรับแผนส่วนที่เหลือ", "optimised the rest"), "edit": ("แก้ไขหลายอย่าง", "several edits"),
    "undo": ("ย้อนกลับ", "undo"), "redo": ("ทำซ้ำ", "redo"), "duplicate": ("ทำสำเนา", "duplicated"),
    "save_as": ("บันทึกเป็นแผนใหม่", "saved as new"),
}


def moved_villages(a: store.Scenario, b: store.Scenario, names: Mapping[str, Sequence[str]], lang: str
                   ) -> pd.DataFrame:
    """Villages whose wave or lock differs between scenario A and B.

    `names` maps village code -> (village, tambon, amphoe) names for display.
    """
    codes = sorted(c for c in set(a.assignment) | set(b.assignment) | a.locked | b.locked
                   if a.assignment.get(c) != b.assignment.get(c) or (c in a.locked) != (c in b.locked))
    rows = []
    for code in codes:
        village, tambon, amphoe = names.get(code, ("", "", ""))
        rows.append({translate(TEXT, "code", lang): code, translate(TEXT, "village", lang): village,
                     translate(TEXT, "tambon", lang): tambon, translate(TEXT, "amphoe", lang): amphoe,
                     f"A: {a.name}": _wave_and_lock(a, code, lang), f"B: {b.name}": _wave_and_lock(b, code, lang)})
    columns = [translate(TEXT, key, lang) for key in ("code", "village", "tambon", "amphoe")]
    return pd.DataFrame(rows, columns=[*columns, f"A: {a.name}", f"B: {b.name}"])


def metric_comparison(a: store.Scenario, b: store.Scenario, lang: str) -> pd.DataFrame:
    """The plans' measures side by side, with B − A for numbers."""
    rows = []
    for key in ("max_load", "split_tambons", "spread_cost", "pace_gap", "unassigned"):
        rows.append(_row(translate(TEXT, key, lang), a.metrics.get(key), b.metrics.get(key)))
    labels = list(dict.fromkeys([*a.metrics.get("wave_sizes", {}), *b.metrics.get("wave_sizes", {})]))
    for label in labels:
        rows.append(_row(translate(TEXT, "wave_size", lang, label=label), a.metrics.get("wave_sizes", {}).get(label),
                         b.metrics.get("wave_sizes", {}).get(label)))
    rows.append(_row(translate(TEXT, "locked", lang), len(a.locked), len(b.locked)))
    rows.append(_row(translate(TEXT, "pilots", lang), len(a.settings.get("pilot_tambons", ())),
                     len(b.settings.get("pilot_tambons", ()))))
    rows.append(_row(translate(TEXT, "teams", lang), _teams(a), _teams(b)))
    rows.append(_row(translate(TEXT, "capacity", lang), _capacity(a), _capacity(b)))
    rows.append(_row(translate(TEXT, "failed", lang), ", ".join(a.metrics.get("failed_checks", ())) or "—",
                     ", ".join(b.metrics.get("failed_checks", ())) or "—"))
    rows.append(_row(translate(TEXT, "status", lang), a.metrics.get("status", "—"), b.metrics.get("status", "—")))
    return pd.DataFrame(rows, columns=[translate(TEXT, "metric", lang), f"A: {a.name}", f"B: {b.name}",
                                       translate(TEXT, "difference", lang)])


def history_table(changes: Sequence[store.Change], lang: str) -> pd.DataFrame:
    """A scenario's change records, newest first, as planners read them."""
    rows = []
    for change in reversed(changes):
        rows.append({translate(TEXT, "version", lang): change.version,
                     translate(TEXT, "when", lang): _when(change.at, lang),
                     translate(TEXT, "who", lang): change.author,
                     translate(TEXT, "action", lang): translate(_ACTIONS, change.action, lang)
                     if change.action in _ACTIONS else change.action,
                     translate(TEXT, "villages", lang): len(change.villages),
                     translate(TEXT, "reason", lang): change.reason or "",
                     translate(TEXT, "detail", lang): _detail(change.detail)})
    columns = [translate(TEXT, key, lang) for key in ("version", "when", "who", "action", "villages", "reason",
                                                       "detail")]
    return pd.DataFrame(rows, columns=columns)


def _wave_and_lock(scenario: store.Scenario, code: str, lang: str) -> str:
    wave = scenario.assignment.get(code, "—")
    return f"{wave} 🔒" if code in scenario.locked else wave


def _row(name: str, a: object, b: object) -> list:
    numeric = isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool)
    difference = _fmt(round(b - a, 3)) if numeric else ""
    return [name, "—" if a is None else _fmt(a), "—" if b is None else _fmt(b), difference]


def _fmt(value: object) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _teams(scenario: store.Scenario) -> int | None:
    roster = scenario.settings.get("roster") or {}
    return sum(int(n) for n in roster.get("teams", {}).values()) if roster else None


def _capacity(scenario: store.Scenario) -> int | None:
    roster = scenario.settings.get("roster") or {}
    return roster.get("capacity")


def _when(stamp: str, lang: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def _detail(detail: Mapping) -> str:
    edits = detail.get("edits")
    if edits:
        parts = []
        for edit in edits:
            text = edit.get("action", "")
            if "wave" in edit:
                text += f" → {edit['wave']}"
            if "moved" in edit:
                text += f" ({len(edit['moved'])})"
            parts.append(text)
        return "; ".join(parts)
    return ", ".join(f"{k}: {v}" for k, v in detail.items())
