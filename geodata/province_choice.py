"""The province a command works on (or the whole country), its data, and whether its roster can carry it.

``rollout plan`` and ``rollout export`` take ``--province CODE`` (a two-digit DOPA code from the registry,
default the default province) or ``--province nation`` (every village of the country, ``geodata.nation``). Both
choices end here as a `PlanData`: the villages, tambons and amphoes to plan or export, and the data-set name plans
of them are saved under. Bad choices are worded by the message catalogue (Thai and English): an unknown code, a
province without villages (Bangkok), a roster whose teams cannot take a district's villages.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from dataclasses import dataclass

import geopandas as gpd

import planning
from geodata import province_data, provinces, schema
from geodata.errors import ByLanguage, WordedError
from geodata.messages import text

NATION = provinces.NATION


class RosterShortError(WordedError):
    """A district whose facilitator teams cannot take its villages in the waves there are."""


@dataclass(frozen=True)
class PlanData:
    """What a command plans or exports: ``province`` is a registry code or ``NATION``."""

    province: str
    villages: gpd.GeoDataFrame
    tambons: gpd.GeoDataFrame
    amphoes: gpd.GeoDataFrame
    dataset: str

    @property
    def is_nation(self) -> bool:
        return self.province == NATION


@dataclass(frozen=True)
class Shortfall:
    """A district whose teams cannot take its villages: ``places`` = teams x capacity x waves < villages."""

    district: str
    name: str
    villages: int
    teams: int
    capacity: int
    waves: int

    @property
    def places(self) -> int:
        return self.teams * self.capacity * self.waves

    @property
    def teams_needed(self) -> int:
        return math.ceil(self.villages / (self.capacity * self.waves))

    @property
    def capacity_needed(self) -> int:
        return math.ceil(self.villages / (self.teams * self.waves))


def add_province_option(command: argparse.ArgumentParser) -> None:
    """``--province CODE|nation`` on a subcommand (``rollout plan``, ``rollout export``)."""
    default = provinces.province()
    command.add_argument("--province", metavar="CODE|nation",
                         help=f"two-digit DOPA province code (default {default.code}, {default.name_en}; "
                              f"'rollout data provinces' lists them) or '{NATION}' for the whole country")


def label(choice: str) -> str:
    """"Ranong (85)" or "the whole country", for a parsed choice."""
    return "the whole country" if choice == NATION else provinces.province(choice).label("en")


def parse_province(text: str | None) -> str:
    """``None`` -> the default province; ``"nation"`` (any case) -> NATION; a registered code with villages ->
    that code. UnknownProvinceError for an unknown code, WordedError for a province without villages."""
    if text is None:
        return provinces.province().code
    if text.strip().lower() == NATION:
        return NATION
    info = provinces.province(text)
    if not info.has_villages:
        raise WordedError("province.no_villages", province=ByLanguage(info.name_th, info.name_en), code=info.code)
    return info.code


def parse_provinces(text: str) -> tuple[str, ...]:
    """``"34,85"`` -> ``("34", "85")``: registered codes with villages, each once, in the order given."""
    codes = [parse_province(part) for part in text.split(",") if part.strip()]
    if not codes or NATION in codes:
        raise WordedError("province.needs_for_province")
    return tuple(dict.fromkeys(codes))


def load_plan_data(province: str) -> PlanData:
    """The data of a parsed choice (``parse_province``): the province's data set, or the nation's (built and
    cached on first use, ``geodata.nation``)."""
    if province == NATION:
        from geodata import nation  # the nation's loaders read (or build) the whole country: only when asked

        return PlanData(NATION, nation.load_national_villages(), nation.load_national_tambons(),
                        nation.load_national_amphoes(), nation.NATIONAL_DATASET)
    return PlanData(province, province_data.load_villages(province), province_data.load_tambons(province),
                    province_data.load_amphoes(province), province_data.dataset_name(province))


def roster_shortfalls(problem: planning.Problem) -> tuple[Shortfall, ...]:
    """Districts whose teams x capacity x waves (the waves that take villages) is less than their villages."""
    waves = sum(1 for size in problem.wave_sizes.values() if size > 0)
    counts = Counter(problem.village_districts.values())
    capacity = problem.roster.capacity
    return tuple(Shortfall(d, problem.district_names.get(d, d), n, problem.roster.teams[d], capacity, waves)
                 for d, n in sorted(counts.items())
                 if waves and n > problem.roster.teams[d] * capacity * waves)


def check_roster_carries(problem: planning.Problem, amphoes: gpd.GeoDataFrame | None = None) -> None:
    """RosterShortError naming the first district whose teams cannot take its villages, with its villages,
    teams, capacity, waves, places and the fix (how many teams, or what capacity), and how many more there are.
    ``amphoes`` give the district's English name (else the Thai name is used in both languages)."""
    short = roster_shortfalls(problem)
    if not short:
        return
    first = short[0]
    info = provinces.province(first.district[:2])
    name: object = first.name
    if amphoes is not None:
        row = amphoes.loc[amphoes[schema.AMPHOE_CODE] == first.district]
        if len(row):
            name = ByLanguage(str(row[schema.AMPHOE_TH].iloc[0]), str(row[schema.AMPHOE_EN].iloc[0]))
    values = {"district": name, "code": first.district, "villages": first.villages, "teams": first.teams,
              "capacity": first.capacity, "waves": first.waves, "places": first.places,
              "short": first.villages - first.places, "teams_needed": first.teams_needed,
              "capacity_needed": first.capacity_needed}
    more = ByLanguage(*(f"; {text('province.more_short', lang, n=len(short) - 1)}" if len(short) > 1 else ""
                        for lang in ("th", "en")))
    raise RosterShortError("province.roster_short", province=ByLanguage(info.name_th, info.name_en), more=more,
                           **values)
