"""The Coverage page's figures and tables: a scenario and the data set in use turned into plain frames.

The numbers come from planning.coverage and planning.progress (pure); this module only gathers their inputs from
a `geodata.scenario.Scenario` and the data set's frames, and lays the answers out as small pandas tables with
stable column keys (the page gives them headings in the reader's language). No Streamlit here, so every table is
testable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from geodata import schema
from geodata.messages.facts import step_name
from geodata.scenario import Scenario
from planning.coverage import CoverageFigures, coverage_figures, rank_districts
from planning.progress import NOT_REPORTED, STEPS, Reached, stalled_villages, step_counts_by_district, wave_start
from planning.roster import DEFAULT_CAPACITY


@dataclass(frozen=True)
class CoverageView:
    """A scenario's coverage with what the page needs beside the figures.

    ``pilot_label`` is None when the plan has no pilot villages (an empty pilot wave is left out of the waves);
    ``roster_estimated`` is True when the teams are the default estimate (one team per tambon), which every
    team figure must say; ``capacity`` is the most villages a team takes in one wave (the plan's roster).
    """

    scenario: str
    figures: CoverageFigures
    pilot_label: str | None
    pilot_tambons: tuple[str, ...]
    roster_estimated: bool
    village_waves: dict[str, str]
    village_districts: dict[str, str]
    capacity: int = DEFAULT_CAPACITY


def coverage_view(scenario: Scenario, villages: pd.DataFrame, tambons: pd.DataFrame) -> CoverageView:
    """The coverage of `scenario` over the villages and tambons in use (planning.coverage definitions).

    Raises planning.InvalidInputError when the plan does not fit the data set (unknown villages, missing teams).
    """
    settings = scenario.settings
    assignment = dict(scenario.assignment)
    labels = list(settings.labels) or sorted(set(assignment.values()))
    pilot = settings.pilot_label
    if pilot in labels and pilot not in assignment.values():
        labels.remove(pilot)  # the default plan keeps an empty pilot wave: nothing to show for it
        pilot = None
    teams = dict(settings.roster.teams)
    village_tambons = dict(zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE], strict=True))
    tambon_districts = dict(zip(tambons[schema.TAMBON_CODE], tambons[schema.AMPHOE_CODE], strict=True))
    figures = coverage_figures(assignment, village_tambons, tambon_districts, labels, teams)
    return CoverageView(
        scenario=scenario.name, figures=figures, pilot_label=pilot if pilot in labels else None,
        pilot_tambons=settings.pilot_tambons, roster_estimated=settings.roster.estimated, village_waves=assignment,
        village_districts={v: tambon_districts[t] for v, t in village_tambons.items()},
        capacity=settings.roster.capacity or DEFAULT_CAPACITY)


def names(frame: pd.DataFrame, code: str, thai: str, english: str, lang: str) -> dict[str, str]:
    """Code -> name in the reader's language, from any table with code and Thai/English name columns."""
    column = thai if lang == "th" else english
    return dict(zip(frame[code], frame[column], strict=True))


# --- Coverage tables --------------------------------------------------------------------------------------
def headline_table(figures: CoverageFigures) -> pd.DataFrame:
    """One row per wave: new villages, covered by its end (count, share), tambons full/partly, teams engaged."""
    return pd.DataFrame([{
        "wave": label,
        "new": figures.new_by_wave[label],
        "covered": figures.covered_by_wave[label],
        "share": figures.share_by_wave[label],
        "tambons_full": figures.tambons_full_by_wave[label],
        "tambons_partial": figures.tambons_partial_by_wave[label],
        "teams": figures.teams_by_wave[label],
    } for label in figures.labels])


def s_curve_table(figures: CoverageFigures, district_names: Mapping[str, str], province_name: str,
                  districts: Sequence[str] | None = None) -> pd.DataFrame:
    """Cumulative share by B.E. year for the province and each district (or only `districts`), starting at 0
    the year before wave 1.

    Columns: year (int, B.E.), area (name), kind ("province" or "district"), covered, villages, share.
    """
    chosen = figures.district_villages if districts is None else {d: figures.district_villages[d]
                                                                  for d in districts}
    years = [figures.years[0] - 1, *figures.years]
    rows = []
    for year in years:
        rows.append({"year": year, "area": province_name, "kind": "province", "covered": figures.covered_at(year),
                     "villages": figures.total_villages, "share": figures.share_at(year)})
        wave = figures.wave_at(year)
        for district, total in chosen.items():
            covered = figures.district_covered[district][wave] if wave else 0
            rows.append({"year": year, "area": district_names.get(district, district), "kind": "district",
                         "covered": covered, "villages": total, "share": covered / total if total else 0.0})
    return pd.DataFrame(rows)


def load_table(figures: CoverageFigures, district_names: Mapping[str, str], capacity: int) -> pd.DataFrame:
    """District x wave: villages, teams, villages per team, and whether that is over the teams' `capacity`
    (the heatmap's cells)."""
    return pd.DataFrame([{
        "district": code, "name": district_names.get(code, code), "wave": label,
        "villages": figures.district_new[code][label], "teams": figures.district_teams[code],
        "load": figures.district_load[code][label], "over": figures.district_load[code][label] > capacity,
    } for code in figures.district_villages for label in figures.labels])


def ranking_table(figures: CoverageFigures, year: int, district_names: Mapping[str, str],
                  order: str = "coverage") -> pd.DataFrame:
    """Districts ranked by coverage at B.E. `year` (`order="coverage"`) or by heaviest load (`"load"`): `rank` is
    the rank in that order (tied districts share it), the rows in that order."""
    key = "coverage_rank" if order == "coverage" else "load_rank"
    table = pd.DataFrame([{
        "rank": getattr(r, key), "name": district_names.get(r.district, r.district), "district": r.district,
        "villages": r.villages, "covered": r.covered, "share_pct": r.share * 100, "teams": r.teams,
        "max_load": r.max_load, "max_load_wave": r.max_load_wave or "",
    } for r in rank_districts(figures, year)])
    return table.sort_values(["rank", "district"], ignore_index=True)


def area_shares(view: CoverageView, year: int) -> tuple[dict[str, float], dict[str, float]]:
    """(district -> share, tambon -> share) covered by the end of B.E. `year`."""
    return view.figures.district_share_at(year), view.figures.tambon_share_at(year)


def wave_share_table(figures: CoverageFigures) -> pd.DataFrame:
    """District x wave cumulative share (the small multiples' colours)."""
    return pd.DataFrame([{"district": d, "wave": label, "share": share}
                         for d, row in figures.district_share.items() for label, share in row.items()])


# --- Six-step progress tables ------------------------------------------------------------------------------
def village_steps(view: CoverageView, current: Mapping[str, Reached], today: dt.date) -> dict[str, int | None]:
    """Village -> current step (0 = no report yet) for villages whose wave has started; None if not started."""
    return {code: ((current[code].step if code in current else NOT_REPORTED)
                   if wave_start(wave) <= today else None)
            for code, wave in view.village_waves.items()}


def step_share_table(view: CoverageView, current: Mapping[str, Reached], today: dt.date,
                     district_names: Mapping[str, str], step_names: Mapping[int, str]) -> pd.DataFrame:
    """District x step (0-6): villages and share of the district's started villages (stacked bars)."""
    counts = step_counts_by_district(current, view.village_waves, view.village_districts, today=today)
    rows = []
    for district, row in counts.items():
        total = sum(row.values())
        for step, n in row.items():
            rows.append({"district": district, "name": district_names.get(district, district), "step": step,
                         "step_name": step_names[step], "villages": n, "share": n / total if total else 0.0})
    return pd.DataFrame(rows, columns=["district", "name", "step", "step_name", "villages", "share"])


def stalled_table(view: CoverageView, current: Mapping[str, Reached], today: dt.date, months: int,
                  villages: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Stalled villages (planning.progress.stalled_villages) with their names, oldest first."""
    stalled = stalled_villages(current, view.village_waves, today=today, months=months)
    suffix = "th" if lang == "th" else "en"
    info = villages.set_index(schema.VILLAGE_CODE)
    rows = []
    for s in stalled:
        if s.village_code not in info.index:
            continue
        v = info.loc[s.village_code]
        rows.append({"village_code": s.village_code, "village": v[f"village_{suffix}"], "moo": int(v[schema.MOO]),
                     "tambon": v[f"tambon_{suffix}"], "amphoe": v[f"amphoe_{suffix}"], "wave": s.wave,
                     "step": s.step, "since": s.since, "days": (today - s.since).days})
    return pd.DataFrame(rows, columns=["village_code", "village", "moo", "tambon", "amphoe", "wave", "step", "since",
                                       "days"])


def step_names(lang: str, not_reported: str) -> dict[int, str]:
    """Step number -> "n. name" in `lang`, with 0 named `not_reported`."""
    return {NOT_REPORTED: not_reported, **{s.number: f"{s.number}. {step_name(s.number, lang)}" for s in STEPS}}
