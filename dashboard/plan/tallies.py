"""The live tallies beside the map, as plain tables built from the planning engine's metrics and checks.

- waves: each wave's size against its target, now and with the pending changes, the status cells coloured; and
  the waves a plan leaves over or under their targets (`off_target`);
- load: villages per facilitator team for each district and wave, with cells over capacity (more villages than
  teams x C) and above the optimum (more than the smallest largest load the optimiser can reach) flagged;
- split tambons: tambons whose villages fall in more than one wave;
- validity: the engine's named checks, in words, with what fails.

Pure functions of a `planning.Problem` and `planning.PlanMetrics` (no Streamlit), tested on their tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

import planning
from dashboard.common.formatting import format_number
from geodata.messages import text
from geodata.messages.facts import check_rule, failure_sentence

OVER_CAPACITY, ABOVE_OPTIMUM = "over_capacity", "above_optimum"
#: Cell colours of the load matrix (light tints that keep the numbers readable).
FLAG_COLOURS = {OVER_CAPACITY: "#f4a6a6", ABOVE_OPTIMUM: "#fde2a7"}
#: Cell colours of a wave's status: on target, over it, short of it.
STATUS_COLOURS = {"ok": "#d4edda", "over": "#f4a6a6", "short": "#fde2a7"}


@dataclass(frozen=True)
class WaveOff:
    """A wave whose villages differ from its size: `difference` villages over (> 0) or short (< 0)."""

    label: str
    difference: int


@dataclass(frozen=True)
class LoadMatrix:
    """District x wave villages-per-team (`values`), and a same-shaped frame of flags ("" when fine)."""

    values: pd.DataFrame
    flags: pd.DataFrame
    optimum: float | None
    capacity: int

    def flagged(self, flag: str) -> list[tuple[str, str]]:
        """(district row label, wave) of every cell with `flag`."""
        return [(row, column) for row in self.flags.index for column in self.flags.columns
                if self.flags.at[row, column] == flag]


@dataclass(frozen=True)
class CheckLine:
    """One named check of the plan: its name, its rule in words, whether it passes, and what fails."""

    name: str
    rule: str
    passed: bool
    details: tuple[str, ...] = ()


def wave_table(problem: planning.Problem, metrics: planning.PlanMetrics, lang: str,
               pending: planning.PlanMetrics | None = None) -> pd.DataFrame:
    """One row per wave: the target, the villages now and (with pending changes) if applied, and the status."""
    rows = []
    last = problem.labels[-1]
    for wave in problem.waves:
        size = problem.wave_sizes.get(wave.label, 0)
        if wave.target is None and wave.label != last:
            target = text("plan.tallies.pilot_target", lang, n=format_number(size))
        elif wave.label == last:
            target = text("plan.tallies.rest", lang, n=format_number(size))
        else:
            target = format_number(wave.target)
        row = {text("plan.tallies.wave", lang): wave.label, text("plan.tallies.target", lang): target,
               text("plan.tallies.now", lang): metrics.wave_sizes.get(wave.label, 0)}
        shown = metrics
        if pending is not None:
            row[text("plan.tallies.pending", lang)] = pending.wave_sizes.get(wave.label, 0)
            shown = pending
        row[text("plan.tallies.status", lang)] = _size_status(shown.wave_sizes.get(wave.label, 0), size, lang)
        rows.append(row)
    return pd.DataFrame(rows)


def off_target(problem: planning.Problem, metrics: planning.PlanMetrics) -> list[WaveOff]:
    """The waves `metrics`' plan leaves over or under their sizes, in wave order."""
    return [WaveOff(label, metrics.wave_sizes.get(label, 0) - size) for label, size in problem.wave_sizes.items()
            if metrics.wave_sizes.get(label, 0) != size]


def styled_waves(table: pd.DataFrame, problem: planning.Problem, shown: planning.PlanMetrics):
    """The wave table (`wave_table`, indexed by wave) as a pandas Styler: the status cells coloured by whether
    the shown plan (`shown`: pending if any, else saved) meets, passes or falls short of each wave's size."""
    status = table.columns[-1]
    differences = {wave.label: wave.difference for wave in off_target(problem, shown)}

    def colour(label: str) -> str:
        difference = differences.get(label, 0)
        kind = "ok" if difference == 0 else "over" if difference > 0 else "short"
        return f"background-color: {STATUS_COLOURS[kind]}"

    def colours(column: pd.Series) -> list[str]:
        return [colour(label) if column.name == status else "" for label in column.index]

    return table.style.apply(colours)


def optimal_max_load(problem: planning.Problem) -> Fraction | None:
    """The smallest largest team load any plan of `problem` can have (the optimiser's first objective, proven);
    None when no plan fits (the plan's checks then say why)."""
    try:
        return planning.optimal_max_load(problem)
    except planning.PlanningError:
        return None


def load_matrix(problem: planning.Problem, metrics: planning.PlanMetrics, district_names: Mapping[str, str],
                optimum: Fraction | None = None) -> LoadMatrix:
    """Villages per team by district (rows, "name (code)") and wave (columns), with flagged cells.

    A cell is over capacity when the district has more villages in the wave than teams x C, and above the
    optimum when its load is over `optimum` (the best largest load; see `optimal_max_load`).
    """
    capacity = problem.roster.capacity
    values, flags = {}, {}
    for district in problem.districts:
        teams = problem.roster.teams[district]
        label = f"{district_names.get(district, district)} ({district})"
        counts = metrics.counts.get(district, {})
        values[label] = {wave: counts.get(wave, 0) / teams for wave in problem.labels}
        flags[label] = {wave: _load_flag(counts.get(wave, 0), teams, capacity, optimum) for wave in problem.labels}
    frame = pd.DataFrame.from_dict(values, orient="index", columns=list(problem.labels))
    flag_frame = pd.DataFrame.from_dict(flags, orient="index", columns=list(problem.labels))
    return LoadMatrix(frame, flag_frame, None if optimum is None else float(optimum), capacity)


def styled_load(matrix: LoadMatrix):
    """The load matrix as a pandas Styler: flagged cells tinted, loads with one decimal."""
    colours = matrix.flags.map(lambda flag: f"background-color: {FLAG_COLOURS[flag]}" if flag else "")
    return matrix.values.style.apply(lambda _: colours, axis=None).format("{:.1f}")


def split_table(metrics: planning.PlanMetrics, assignment: Mapping[str, str], tambon_of: Mapping[str, str],
                tambon_names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """The split tambons: code, name, and how many villages each wave has there."""
    rows = []
    for tambon in metrics.split_tambon_codes:
        waves: dict[str, int] = {}
        for village, wave in assignment.items():
            if tambon_of.get(village) == tambon:
                waves[wave] = waves.get(wave, 0) + 1
        rows.append([tambon, tambon_names.get(tambon, tambon),
                     ", ".join(f"{w}: {n}" for w, n in sorted(waves.items()))])
    columns = [text(key, lang) for key in ("plan.tallies.code", "plan.tallies.tambon",
                                           "plan.tallies.waves_with_villages")]
    return pd.DataFrame(rows, columns=columns)


def check_lines(problem: planning.Problem, assignment: Mapping[str, str], lang: str) -> list[CheckLine]:
    """Every named check of the planning engine, in the interface language, with the failures' numbers."""
    failed = set(planning.validate_plan(problem, assignment))
    failures = planning.find_failures(problem, assignment) if failed else {}
    return [CheckLine(name, check_rule(name, lang), name not in failed,
                      tuple(failure_sentence(f, lang) for f in failures.get(name, ())))
            for name in planning.CHECKS]


def _size_status(count: int, size: int, lang: str) -> str:
    if count == size:
        return text("plan.tallies.ok", lang)
    if count < size:
        return text("plan.tallies.short", lang, n=format_number(size - count))
    return text("plan.tallies.over", lang, n=format_number(count - size))


def _load_flag(count: int, teams: int, capacity: int, optimum: Fraction | None) -> str:
    if count > teams * capacity:
        return OVER_CAPACITY
    if optimum is not None and Fraction(count, teams) > optimum:
        return ABOVE_OPTIMUM
    return ""
