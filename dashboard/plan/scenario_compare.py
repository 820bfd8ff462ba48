"""Comparing two scenarios (what moved, metric by metric) and reading a scenario's change history as a table.

Pure functions of `geodata.scenario.Scenario` values and plain mappings (no Streamlit), tested on their tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

import service
from dashboard.common.formatting import format_timestamp
from geodata.messages import text
from geodata.messages.facts import CHECK_RULES, check_rule
from geodata.scenario import Scenario

#: What a change record's action is called (service.Change.action).
ACTIONS = {
    "create": "plan.history.action.create", "save": "plan.history.action.save",
    "assign": "plan.history.action.assign", "lock": "plan.history.action.lock",
    "unlock": "plan.history.action.unlock", "pilot": "plan.history.action.pilot",
    "unpilot": "plan.history.action.unpilot", "roster": "plan.history.action.roster",
    "optimise": "plan.history.action.optimise", "edit": "plan.history.action.edit",
    "undo": "plan.history.action.undo", "redo": "plan.history.action.redo",
    "duplicate": "plan.history.action.duplicate", "save_as": "plan.history.action.save_as",
    "official": "plan.history.action.official", "unofficial": "plan.history.action.unofficial",
    "waves": "plan.history.action.waves",
}
#: The recorded edits that name only their villages or tambons.
_EDIT_WORDS = {"lock": "plan.pending.edit.lock", "unlock": "plan.pending.edit.unlock",
               "pilot": "plan.pending.edit.pilot", "unpilot": "plan.pending.edit.unpilot"}
#: The optimiser's status (planning.PlanMetrics.status) in words.
STATUS_WORDS = {"optimal": "plan.status.optimal", "evaluated": "plan.status.evaluated"}
#: The measures compared, from the scenarios' saved metrics.
_MEASURES = {"max_load": "plan.compare.max_load", "split_tambons": "plan.compare.split_tambons",
             "spread_cost": "plan.compare.spread_cost", "pace_gap": "plan.compare.pace_gap",
             "unassigned": "plan.compare.unassigned"}


def moved_villages(a: Scenario, b: Scenario, names: Mapping[str, Sequence[str]], lang: str
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
    return pd.DataFrame(rows, columns=[*columns, *_scenario_columns(a, b, lang)])


def metric_comparison(a: Scenario, b: Scenario, lang: str) -> pd.DataFrame:
    """The plans' measures side by side, with B − A for numbers."""
    rows = []
    for key, message in _MEASURES.items():
        rows.append(_row(text(message, lang), a.metrics.get(key), b.metrics.get(key)))
    labels = list(dict.fromkeys([*a.metrics.get("wave_sizes", {}), *b.metrics.get("wave_sizes", {})]))
    for label in labels:
        rows.append(_row(text("plan.compare.wave_size", lang, label=label),
                         a.metrics.get("wave_sizes", {}).get(label), b.metrics.get("wave_sizes", {}).get(label)))
    rows.append(_row(text("plan.compare.locked", lang), len(a.locked), len(b.locked)))
    rows.append(_row(text("plan.compare.pilots", lang), len(a.settings.pilot_tambons),
                     len(b.settings.pilot_tambons)))
    rows.append(_row(text("plan.compare.teams", lang), _teams(a), _teams(b)))
    rows.append(_row(text("plan.compare.capacity", lang), _capacity(a), _capacity(b)))
    rows.append(_row(text("plan.compare.failed", lang), _failed(a, lang), _failed(b, lang)))
    rows.append(_row(text("plan.compare.status", lang), _status(a, lang), _status(b, lang)))
    return pd.DataFrame(rows, columns=[text("plan.compare.metric", lang), *_scenario_columns(a, b, lang),
                                       text("plan.compare.difference", lang)])


def history_table(changes: Sequence[service.Change], lang: str, tambon_names: Mapping[str, str] | None = None
                  ) -> pd.DataFrame:
    """A scenario's change records, newest first, as planners read them (`tambon_names` names pilot tambons)."""
    rows = []
    for change in reversed(changes):
        action = text(ACTIONS[change.action], lang) if change.action in ACTIONS else change.action
        rows.append([change.version, format_timestamp(change.at, lang), change.author, action, len(change.villages),
                     change.reason or "", describe_change(change.action, change.detail, lang, tambon_names or {})])
    columns = [text(key, lang) for key in ("plan.history.version", "plan.history.when", "plan.history.who",
                                           "plan.history.action", "plan.history.villages", "plan.history.reason",
                                           "plan.history.detail")]
    return pd.DataFrame(rows, columns=columns)


def waves_in_words(waves: Sequence[Mapping], lang: str) -> str:
    """A plan's waves as a planner reads them: "2548 นำร่อง · 2549: 400 · 2550: 600 · 2551: ที่เหลือ"."""
    parts = []
    for position, wave in enumerate(waves):
        label, target = wave["label"], wave.get("target")
        if position == len(waves) - 1:
            parts.append(text("plan.waves.rest_of", lang, label=label))
        elif target is None:
            parts.append(text("plan.map.legend_pilot", lang, label=label))
        else:
            parts.append(f"{label}: {int(target):,}")
    return " · ".join(parts)


def _wave_and_lock(scenario: Scenario, code: str, lang: str) -> str:
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


def _teams(scenario: Scenario) -> int:
    return sum(scenario.settings.roster.teams.values())


def _capacity(scenario: Scenario) -> int:
    return scenario.settings.roster.capacity


def _scenario_columns(a: Scenario, b: Scenario, lang: str) -> list[str]:
    """The headings of scenario A's and B's columns ("ก: name", "ข: name")."""
    return [text("plan.compare.column_a", lang, name=a.name), text("plan.compare.column_b", lang, name=b.name)]


def _failed(scenario: Scenario, lang: str) -> str:
    failed = scenario.metrics.get("failed_checks")
    if failed is None:
        return "—"
    return "; ".join(check_rule(name, lang) if name in CHECK_RULES else name for name in failed) or text(
        "plan.compare.none", lang)


def _status(scenario: Scenario, lang: str) -> str:
    status = scenario.metrics.get("status")
    return text(STATUS_WORDS[status], lang) if status in STATUS_WORDS else "—"


def describe_change(action: str, detail: Mapping, lang: str, tambon_names: Mapping[str, str]) -> str:
    """What a change record's detail says, in sentences: the edits applied, the step undone or redone, or where
    a copy came from (`action` is the record's action)."""
    parts = []
    if "from" in detail:
        source = {"source": detail["from"], "version": detail.get("version", "")}
        parts.append(text("plan.history.from_version" if "version" in detail else "plan.history.from", lang,
                          **source))
    if "replaced_by" in detail:
        parts.append(text("plan.history.replaced_by", lang, name=detail["replaced_by"]))
    if "step" in detail:
        step = detail["step"]
        words = text(ACTIONS[step], lang) if step in ACTIONS else step
        parts.append(text("plan.history.redone" if action == "redo" else "plan.history.undone", lang, action=words))
    edits = [describe_edit(edit, lang, tambon_names) for edit in [*detail.get("edits", ()),
                                                                  *detail.get("pending", ())]]
    if detail.get("pending"):
        parts.append(text("plan.history.with_pending", lang, edits="; ".join(edits)))
    elif edits:
        parts.append("; ".join(edits))
    return " · ".join(parts)


def describe_edit(edit: Mapping, lang: str, tambon_names: Mapping[str, str]) -> str:
    """One recorded edit (plan.edits.change_summary's item) in words, as the pending list words it."""
    action = edit.get("action", "")
    n = f"{int(edit.get('villages', 0)):,}"
    if action == "assign":
        key = "plan.pending.edit.assign_lock" if edit.get("lock") else "plan.pending.edit.assign"
        return text(key, lang, n=n, wave=edit.get("wave", ""))
    if action in ("pilot", "unpilot"):
        names = ", ".join(tambon_names.get(code, code) for code in edit.get("tambons", ()))
        return text(_EDIT_WORDS[action], lang, tambons=names)
    if action == "optimise":
        return text("plan.pending.edit.optimise", lang, n=f"{len(edit.get('moved', {})):,}")
    if action == "roster":
        return text("plan.pending.edit.roster", lang)
    if action == "waves":
        return text("plan.pending.edit.waves", lang, waves=waves_in_words(edit.get("waves", ()), lang),
                    n=f"{len(edit.get('moved', {})):,}")
    if action in _EDIT_WORDS:
        return text(_EDIT_WORDS[action], lang, n=n)
    return text(ACTIONS[action], lang) if action in ACTIONS else action
