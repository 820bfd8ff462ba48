"""A plan's settings as one typed value: its waves, pilot wave and tambons, roster, and (later) its province.

Scenarios are saved with their settings as a JSON document. `parse_settings` is the only reader of that
document and `PlanSettings.to_json` its only writer: every other module works on the typed value, so a key is
spelled and defaulted in one place, and a malformed document is refused once, with a message naming what is
wrong, instead of failing later wherever a key happens to be read.

It lives in `planning` because it is made of the engine's own values (`Wave`, `Roster`) and is pure (no files,
no frames): every layer above may use it, and the engine's `Problem` is built from it.

The document (keys not listed are refused, so a typo cannot hide a setting):

    {"waves": [{"label": "2548", "target": null}, {"label": "2549", "target": 400}, ...],
     "pilot_label": "2548" | null, "pilot_tambons": ["800106", ...],
     "roster": {"teams": {"8001": 12, ...}, "capacity": 10, "estimated": true},
     "province": "80"}                     (optional; absent = the province of the data set; "nation" = every village
                                            of the country)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planning.errors import InvalidInputError
from planning.problem import Problem
from planning.roster import MAX_TEAMS, Roster, check_capacity
from planning.waves import Wave, check_waves

SETTINGS_KEYS = ("waves", "pilot_label", "pilot_tambons", "roster", "province")
_ROSTER_KEYS = ("teams", "capacity", "estimated")
_WAVE_KEYS = ("label", "target")
#: The province of a national plan (every village of the country), distinct from every two-digit code.
NATION = "nation"


class SettingsError(InvalidInputError):
    """A settings document that cannot be read as a plan's settings; the message lists every problem."""


@dataclass(frozen=True)
class PlanSettings:
    """What a plan was made under, besides its assignment: waves in rollout order, the pilot wave's label (None
    when the plan has no pilot wave), the pilot tambons (sorted), the facilitator roster (with its `estimated`
    flag), and the DOPA code of the province the plan covers (None: the data set's own province; ``NATION`` for
    a national plan)."""

    waves: tuple[Wave, ...]
    roster: Roster
    pilot_label: str | None = None
    pilot_tambons: tuple[str, ...] = ()
    province: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "waves", tuple(self.waves))
        object.__setattr__(self, "pilot_tambons", tuple(sorted(set(self.pilot_tambons))))

    @classmethod
    def of_problem(cls, problem: Problem, province: str | None = None) -> PlanSettings:
        """The settings a Problem was built with."""
        return cls(waves=problem.waves, roster=problem.roster, pilot_label=problem.pilot_label,
                   pilot_tambons=tuple(problem.pilot_tambons), province=province)

    @property
    def labels(self) -> tuple[str, ...]:
        """Wave labels in rollout order."""
        return tuple(wave.label for wave in self.waves)

    @property
    def pilot_wave(self) -> str | None:
        """The pilot wave's label: `pilot_label`, else the first wave without a target that is not the last
        (the engine's rule), else None."""
        if self.pilot_label:
            return self.pilot_label
        return next((w.label for w in self.waves[:-1] if w.target is None), None)

    def with_pilot_tambons(self, tambons: Iterable[str]) -> PlanSettings:
        """These settings with `tambons` as the pilot tambons; a pilot wave is added before the first wave
        (labelled the year before it) when there is none yet and some tambons are given."""
        tambons = tuple(tambons)
        settings = self if not tambons or self.pilot_wave else self._with_pilot_wave()
        return dataclasses.replace(settings, pilot_label=settings.pilot_wave or settings.pilot_label,
                                   pilot_tambons=tambons)

    def with_roster(self, roster: Roster) -> PlanSettings:
        return dataclasses.replace(self, roster=roster)

    def _with_pilot_wave(self) -> PlanSettings:
        first = self.waves[0].label if self.waves else "2549"
        label = str(int(first) - 1) if first.isdigit() else "pilot"
        return dataclasses.replace(self, waves=(Wave(label, None), *self.waves), pilot_label=label)

    def to_json(self) -> dict:
        """The JSON document of these settings (what `parse_settings` reads back to an equal value)."""
        document: dict = {
            "waves": [{"label": w.label, "target": w.target} for w in self.waves],
            "pilot_label": self.pilot_label,
            "pilot_tambons": list(self.pilot_tambons),
            "roster": roster_json(self.roster),
        }
        if self.province is not None:
            document["province"] = self.province
        return document


def roster_json(roster: Roster) -> dict:
    """A roster as the settings document holds it: teams by district code (sorted), capacity, estimated."""
    return {"teams": dict(sorted(roster.teams.items())), "capacity": roster.capacity, "estimated": roster.estimated}


def parse_settings(document: object) -> PlanSettings:
    """The settings a JSON document (already decoded) holds; SettingsError lists every problem found."""
    if not isinstance(document, Mapping):
        raise SettingsError(f"the settings must be a JSON object with {', '.join(SETTINGS_KEYS[:4])}, "
                            f"got {type(document).__name__}")
    problems = _unknown_keys(document, SETTINGS_KEYS, "the settings")
    for key in ("waves", "roster"):
        if key not in document:
            problems.append(f"the settings have no {key!r}; a plan's settings need its waves and its roster")
    waves = _waves(document.get("waves"), problems) if "waves" in document else ()
    roster = _roster(document.get("roster"), problems) if "roster" in document else None
    pilot_label = document.get("pilot_label")
    if pilot_label is not None and (not isinstance(pilot_label, str) or pilot_label not in {w.label for w in waves}):
        problems.append(f"pilot_label {pilot_label!r} is not one of the waves' labels")
    pilot_tambons = document.get("pilot_tambons", [])
    if not isinstance(pilot_tambons, list) or not all(isinstance(t, str) and t for t in pilot_tambons):
        problems.append(f"pilot_tambons {pilot_tambons!r} must be a list of tambon codes (text)")
        pilot_tambons = []
    province = document.get("province")
    if province is not None and (not isinstance(province, str)
                                 or not (province == NATION or (len(province) == 2 and province.isdigit()))):
        problems.append(f"province {province!r} must be a 2-digit DOPA province code such as '80', or {NATION!r}")
    if problems:
        raise SettingsError(problems)
    return PlanSettings(waves=waves, roster=roster, pilot_label=pilot_label, pilot_tambons=tuple(pilot_tambons),
                        province=province)


def _waves(value: object, problems: list[str]) -> tuple[Wave, ...]:
    if not isinstance(value, list) or not value:
        problems.append(f"waves {value!r} must be a non-empty list of {{'label': ..., 'target': ...}}")
        return ()
    waves = []
    for item in value:
        if not isinstance(item, Mapping) or "label" not in item or "target" not in item:
            problems.append(f"wave {item!r} must be an object with a label and a target (null for the pilot)")
            continue
        problems += _unknown_keys(item, _WAVE_KEYS, f"wave {item.get('label')!r}")
        waves.append(Wave(item["label"], item["target"]))
    try:
        check_waves(waves)
    except InvalidInputError as error:
        problems += error.problems
    return tuple(waves)


def _roster(value: object, problems: list[str]) -> Roster | None:
    if not isinstance(value, Mapping) or any(key not in value for key in _ROSTER_KEYS):
        problems.append(f"roster {value!r} must be an object with teams, capacity and estimated")
        return None
    problems += _unknown_keys(value, _ROSTER_KEYS, "the roster")
    teams, capacity, estimated = value["teams"], value["capacity"], value["estimated"]
    if not isinstance(teams, Mapping) or not teams:
        problems.append(f"the roster's teams {teams!r} must map each district code to its number of teams")
        teams = {}
    for district, count in teams.items():
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_TEAMS:
            problems.append(f"district {district} has {count!r} teams; give a whole number from 1 to {MAX_TEAMS}")
    try:
        check_capacity(capacity)
    except InvalidInputError as error:
        problems += error.problems
    if not isinstance(estimated, bool):
        problems.append(f"the roster's estimated flag {estimated!r} must be true or false")
    return Roster(teams={str(k): v for k, v in sorted(teams.items())}, capacity=capacity, estimated=estimated)


def _unknown_keys(document: Mapping, allowed: tuple[str, ...], what: str) -> list[str]:
    return [f"{what}: unknown key {key!r}; the keys are {', '.join(allowed)}"
            for key in document if key not in allowed]
