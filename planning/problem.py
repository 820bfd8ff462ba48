"""The planning problem: villages, their tambons and districts, waves, teams, locks and the spread seeds.

Build it with ``make_problem``, which checks every input, reports every bad code at once, expands pilot tambons
and tambon locks into village locks and works out each wave's size. The result is a frozen value made of plain
dicts and tuples, so it pickles and can be cached by the dashboard.

Lock precedence: a pilot tambon's villages belong to the pilot wave (the first wave but the last whose target is
None; a last wave with target None is an open remainder, not a pilot); a
village lock beats a lock on its tambon (the more specific wins); a lock that moves a pilot village out of the
pilot wave is an error.

Seeds of the spread preference: the pilot tambons; without any, the tambons that have villages locked to the
earliest wave holding a lock; without any lock either, there is no seed and the spread term is off (every hop 0).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planning.errors import Fact, InvalidInputError
from planning.hops import hop_distances
from planning.roster import Roster, default_roster
from planning.waves import Wave, check_waves, default_waves, wave_sizes_for

DEFAULT_PACE_WEIGHT = 1.0


@dataclass(frozen=True, eq=False)
class Problem:
    """Validated inputs of one planning run (build with ``make_problem``).

    ``locks`` is the expanded village -> wave label map (pilot villages, tambon locks and village locks);
    ``lock_sources`` says for each locked village whether it is ``pilot`` or ``locked`` (by a planner).
    ``wave_sizes`` is the number of villages each wave must hold. ``hops`` is empty when there is no seed.
    """

    villages: dict[str, str]
    tambon_districts: dict[str, str]
    waves: tuple[Wave, ...]
    roster: Roster
    locks: dict[str, str]
    lock_sources: dict[str, str]
    pilot_tambons: frozenset[str]
    pilot_label: str | None
    adjacency: dict[str, tuple[str, ...]]
    hops: dict[str, int]
    seeds: tuple[str, ...]
    district_names: dict[str, str]
    wave_sizes: dict[str, int]
    pace_weight: float
    village_districts: dict[str, str]

    @property
    def labels(self) -> tuple[str, ...]:
        """Wave labels in rollout order."""
        return tuple(wave.label for wave in self.waves)

    @property
    def districts(self) -> tuple[str, ...]:
        """Codes of the districts that have villages, sorted."""
        return tuple(sorted(self.roster.teams))

    def district_label(self, code: str) -> str:
        """How messages name a district: ``บางขัน (8017)`` when a display name is known, else the code."""
        name = self.district_names.get(code)
        return f"{name} ({code})" if name else code


def make_problem(
    villages: Mapping[str, str],
    tambon_districts: Mapping[str, str],
    *,
    waves: Sequence[Wave] | None = None,
    roster: Roster | None = None,
    locks: Mapping[str, str] | None = None,
    tambon_locks: Mapping[str, str] | None = None,
    pilot_tambons: Iterable[str] = (),
    adjacency: Mapping[str, Sequence[str]] | None = None,
    hops: Mapping[str, int] | None = None,
    district_names: Mapping[str, str] | None = None,
    pace_weight: float = DEFAULT_PACE_WEIGHT,
) -> Problem:
    """Check the inputs and build a Problem.

    ``villages`` maps village code -> tambon code and ``tambon_districts`` tambon code -> district code (tambons
    without villages may be listed: they still carry adjacency). ``waves`` defaults to ``default_waves(n)``
    (the pilot, then 26 %, 39 % and the rest of the n villages),
    ``roster`` to ``default_roster`` (one team per tambon with villages, C = 10, marked estimated). ``hops``
    (tambon -> hops from the nearest seed) is computed by breadth-first search on ``adjacency`` when not given.
    ``pace_weight`` weighs district pace against spread in the third objective (see planning/README.md).

    Raises InvalidInputError listing every unknown code or malformed value, and InfeasiblePlanError when the
    wave targets cannot hold the villages or locks overfill a wave.
    """
    waves = tuple(default_waves(len(villages)) if waves is None else waves)
    check_waves(waves)
    villages = dict(sorted(villages.items()))
    tambon_districts = dict(sorted(tambon_districts.items()))
    _check_codes(villages, tambon_districts)
    pilot_tambons = frozenset(pilot_tambons)
    pilot_label = next((wave.label for wave in waves[:-1] if wave.target is None), None)
    roster = default_roster(villages, tambon_districts) if roster is None else roster
    village_districts = {v: tambon_districts[t] for v, t in villages.items()}
    _check_roster(roster, set(village_districts.values()), set(tambon_districts.values()))
    expanded, sources = _expand_locks(villages, tambon_districts, waves, pilot_label, pilot_tambons,
                                      dict(locks or {}), dict(tambon_locks or {}))
    sizes = wave_sizes_for(waves, len(villages), Counter(expanded.values()))
    adjacency = _clean_adjacency(adjacency or {}, tambon_districts)
    seeds = _seeds(pilot_tambons, expanded, villages, waves)
    hop_map = _hops(hops, adjacency, seeds, tambon_districts)
    if isinstance(pace_weight, bool) or not isinstance(pace_weight, int | float) or not pace_weight >= 0:
        raise InvalidInputError(f"pace_weight {pace_weight!r} must be a number >= 0 (default "
                                f"{DEFAULT_PACE_WEIGHT})")
    return Problem(
        villages=villages, tambon_districts=tambon_districts, waves=waves, roster=roster, locks=expanded,
        lock_sources=sources, pilot_tambons=pilot_tambons, pilot_label=pilot_label, adjacency=adjacency,
        hops=hop_map, seeds=seeds, district_names=dict(district_names or {}), wave_sizes=sizes,
        pace_weight=float(pace_weight), village_districts=village_districts)


def _check_codes(villages: dict[str, str], tambon_districts: dict[str, str]) -> None:
    if not villages:
        raise InvalidInputError("no villages given; pass a mapping village code -> tambon code")
    problems = [f"code {code!r} is not a string; pass codes as text (str), e.g. {str(code)!r}"
                for code in [*villages, *villages.values(), *tambon_districts, *tambon_districts.values()]
                if not isinstance(code, str)]
    problems += [f"tambon {t} (of village {v}) has no district; add it to tambon_districts"
                 for v, t in villages.items() if isinstance(t, str) and t not in tambon_districts]
    if problems:
        raise InvalidInputError(problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20
                                                 else []))


def _check_roster(roster: Roster, with_villages: set[str], all_districts: set[str]) -> None:
    if not isinstance(roster, Roster):
        raise InvalidInputError(f"roster {roster!r} is not a Roster; use default_roster or roster_from_rows")
    problems: list[str | Fact] = []
    if isinstance(roster.capacity, bool) or not isinstance(roster.capacity, int) or roster.capacity < 1:
        problems.append(f"roster capacity {roster.capacity!r} must be a whole number >= 1")
    for district, teams in sorted(roster.teams.items()):
        if district not in all_districts:
            problems.append(Fact("roster_district_not_in_province", {"district": district},
                                 f"roster lists district {district}, which is not in the province; "
                                 f"remove the row or fix the code"))
        if isinstance(teams, bool) or not isinstance(teams, int) or teams < 1:
            problems.append(Fact("roster_district_teams", {"district": district, "teams": str(teams)},
                                 f"district {district} has {teams!r} teams in the roster; give a whole number >= 1"))
    problems += [Fact("district_without_teams", {"district": district},
                      f"district {district} has villages but no teams in the roster; add a row for it")
                 for district in sorted(with_villages - set(roster.teams))]
    if problems:
        raise InvalidInputError(problems)


def _expand_locks(villages: dict[str, str], tambon_districts: dict[str, str], waves: tuple[Wave, ...],
                  pilot_label: str | None, pilot_tambons: frozenset[str], locks: dict[str, str],
                  tambon_locks: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    labels = [wave.label for wave in waves]
    problems: list[Fact] = []
    if pilot_tambons and pilot_label is None:
        problems.append(Fact("pilot_without_wave", {},
                             "pilot tambons are given but no wave is a pilot wave; add Wave(label, None) first"))
    problems += [Fact("pilot_tambon_unknown", {"tambon": t},
                      f"pilot tambon {t} is not a tambon of the province; check the code")
                 for t in sorted(pilot_tambons) if t not in tambon_districts]
    for tambon, label in sorted(tambon_locks.items()):
        values = {"tambon": tambon, "wave": label, "waves": tuple(labels), "pilot": pilot_label}
        if tambon not in tambon_districts:
            problems.append(Fact("tambon_lock_unknown_tambon", values,
                                 f"tambon lock: tambon {tambon} is not in the province; check the code"))
        if label not in labels:
            problems.append(Fact("tambon_lock_unknown_wave", values,
                                 f"tambon {tambon} is locked to wave {label!r}, which does not exist; use one of "
                                 f"{', '.join(labels)}"))
        elif tambon in pilot_tambons and label != pilot_label:
            problems.append(Fact("pilot_tambon_locked", values,
                                 f"tambon {tambon} is a pilot tambon (wave {pilot_label}) but locked to {label}; "
                                 f"unlock it or remove it from the pilot tambons"))
    for village, label in sorted(locks.items()):
        values = {"village": village, "wave": label, "waves": tuple(labels), "pilot": pilot_label,
                  "tambon": villages.get(village, "")}
        if village not in villages:
            problems.append(Fact("village_lock_unknown_village", values,
                                 f"lock: village {village} is not in the province; check the code"))
            continue
        if label not in labels:
            problems.append(Fact("village_lock_unknown_wave", values,
                                 f"village {village} is locked to wave {label!r}, which does not exist; use one "
                                 f"of {', '.join(labels)}"))
        elif villages[village] in pilot_tambons and label != pilot_label:
            problems.append(Fact("pilot_village_locked", values,
                                 f"village {village} is in pilot tambon {villages[village]} (wave {pilot_label}) "
                                 f"but locked to {label}; unlock it or remove the tambon from the pilot tambons"))
    if problems:
        raise InvalidInputError(problems)
    expanded: dict[str, str] = {}
    sources: dict[str, str] = {}
    for village, tambon in villages.items():
        if tambon in pilot_tambons:
            expanded[village], sources[village] = pilot_label, "pilot"  # type: ignore[assignment]
        elif village in locks:
            expanded[village], sources[village] = locks[village], "locked"
        elif tambon in tambon_locks:
            expanded[village], sources[village] = tambon_locks[tambon], "locked"
    return expanded, sources


def _clean_adjacency(adjacency: Mapping[str, Sequence[str]],
                     tambon_districts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    mentioned = {code for tambon, neighbours in adjacency.items() for code in (tambon, *neighbours)}
    unknown = sorted(code for code in mentioned if code not in tambon_districts)
    if unknown:
        raise InvalidInputError(f"adjacency mentions tambon {t}, which is not in tambon_districts; fix the code"
                                for t in unknown[:20])
    return {t: tuple(sorted(set(adjacency[t]) - {t})) for t in sorted(adjacency)}


def _seeds(pilot_tambons: frozenset[str], locks: dict[str, str], villages: dict[str, str],
           waves: tuple[Wave, ...]) -> tuple[str, ...]:
    if pilot_tambons:
        return tuple(sorted(pilot_tambons))
    for wave in waves:
        seeds = {villages[v] for v, label in locks.items() if label == wave.label}
        if seeds:
            return tuple(sorted(seeds))
    return ()


def _hops(hops: Mapping[str, int] | None, adjacency: dict[str, tuple[str, ...]], seeds: tuple[str, ...],
          tambon_districts: dict[str, str]) -> dict[str, int]:
    if hops is None:
        if not seeds:
            return {}
        graph = {t: adjacency.get(t, ()) for t in tambon_districts}
        return hop_distances(graph, seeds)
    problems = [f"hops: tambon {t} is not in tambon_districts; fix the code"
                for t in sorted(hops) if t not in tambon_districts]
    problems += [f"hops: tambon {t} has {h!r} hops; give a whole number >= 0"
                 for t, h in sorted(hops.items())
                 if isinstance(h, bool) or not isinstance(h, int) or h < 0]
    if problems:
        raise InvalidInputError(problems[:20])
    unreached = max(hops.values(), default=-1) + 1
    return {t: hops.get(t, unreached) for t in tambon_districts}
