"""Comparing two scenarios (what moved, metric by metric) and reading a scenario's change history as a table.

Pure functions of `store.Scenario` values and plain mappings (no Streamlit), tested on their tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

import store
from dashboard.common.formatting import format_date
from geodata.messages import text

#: What a change record's action is called (store.Change.action).
ACTIONS = {
    "create": "plan.history.action.create", "save": "plan.history.action.save",
    "assign": "plan.history.action.assign", "lock": "plan.history.action.lock",
    "unlock": "plan.history.action.unlock", "pilot": "plan.history.action.pilot",
    "unpilot": "plan.history.action.unpilot", "roster": "plan.history.action.roster",
    "optimise": "plan.history.action.optimise", "edit": "plan.history.action.edit",
    "undo": "plan.history.action.undo", "redo": "plan.history.action.redo",
    "duplicate": "plan.history.action.duplicate", "save_as": "plan.history.action.save_as",
}
#: The measures compared, from the scenarios' saved metrics.
_MEASURES = {"max_load": "plan.compare.max_load", "split_tambons": "plan.compare.split_tambons",
             "spread_cost": "plan.compare.spread_cost", "pace_gap": "plan.compare.pace_gap",
             "unassigned": "plan.compare.unassigned"}


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
        rows.append([code, village, tambon, amphoe, _wave_and_lock(a, code, lang), _wave_and_lock(b, code, lang)])
    columns = [text(key, lang) for key in ("plan.compare.code", "plan.compare.village", "plan.compare.tambon",
                                           "plan.compare.amphoe")]
    return pd.DataFrame(rows, columns=[*columns, f"A: {a.name}", f"B: {b.name}"])


def metric_comparison(a: store.Scenario, b: store.Scenario, lang: str) -> pd.DataFrame:
    """The plans' measures side by side, with B − A for numbers."""
    rows = []
    for key, message in _MEASURES.items():
        rows.append(_row(text(message, lang), a.metrics.get(key), b.metrics.get(key)))
    labels = list(dict.fromkeys([*a.metrics.get("wave_sizes", {}), *b.metrics.get("wave_sizes", {})]))
    for label in labels:
        rows.append(_row(text("plan.compare.wave_size", lang, label=label),
                         a.metrics.get("wave_sizes", {}).get(label), b.metrics.get("wave_sizes", {}).get(label)))
    rows.append(_row(text("plan.compare.locked", lang), len(a.locked), len(b.locked)))
    rows.append(_row(text("plan.compare.pilots", lang), len(a.settings.get("pilot_tambons", ())),
                     len(b.settings.get("pilot_tambons", ()))))
    rows.append(_row(text("plan.compare.teams", lang), _teams(a), _teams(b)))
    rows.append(_row(text("plan.compare.capacity", lang), _capacity(a), _capacity(b)))
    rows.append(_row(text("plan.compare.failed", lang), ", ".join(a.metrics.get("failed_checks", ())) or "—",
                     ", ".join(b.metrics.get("failed_checks", ())) or "—"))
    rows.append(_row(text("plan.compare.status", lang), a.metrics.get("status", "—"), b.metrics.get("status", "—")))
    return pd.DataFrame(rows, columns=[text("plan.compare.metric", lang), f"A: {a.name}", f"B: {b.name}",
                                       text("plan.compare.difference", lang)])


def history_table(changes: Sequence[store.Change], lang: str) -> pd.DataFrame:
    """A scenario's change records, newest first, as planners read them."""
    rows = []
    for change in reversed(changes):
        action = text(ACTIONS[change.action], lang) if change.action in ACTIONS else change.action
        rows.append([change.version, _when(change.at, lang), change.author, action, len(change.villages),
                     change.reason or "", _detail(change.detail)])
    columns = [text(key, lang) for key in ("plan.history.version", "plan.history.when", "plan.history.who",
                                           "plan.history.action", "plan.history.villages", "plan.history.reason",
                                           "plan.history.detail")]
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
