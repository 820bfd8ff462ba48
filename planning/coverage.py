"""How far a plan reaches, wave by wave: the figures executives read on the Coverage page.

Pure: a plan as plain mappings in (village -> wave label, village -> tambon, tambon -> district, wave order,
teams per district), one frozen value out. Definitions:

- covered by the end of wave w: villages whose wave is w or an earlier one (cumulative), over every village of
  the data set (unassigned villages count in the denominator, never as covered);
- a tambon is fully covered by the end of w when all its villages are, partly covered when some but not all are;
  only tambons that have villages count;
- facilitator teams engaged in wave w: the sum of the teams of the districts that have at least one village in
  wave w (a district's teams work that wave if any of its villages does);
- load of district d in wave w: villages of d in w per team of d (the planning engine's M1 measure).

Waves are labelled with Buddhist-era years ("2549"); a wave's year is its label, and the coverage at a year is
the coverage by the end of the last wave whose year is not after it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planning.errors import InvalidInputError

#: How many unknown codes an error message quotes before summarising.
_QUOTED = 5


@dataclass(frozen=True)
class CoverageFigures:
    """Coverage of one plan by wave, for the province, each district and each tambon (see module docstring).

    Wave-keyed dicts follow ``labels`` order. ``district_*`` and ``tambon_share`` are keyed by district / tambon
    code; every district and tambon with villages appears. Shares are in [0, 1].
    """

    labels: tuple[str, ...]
    total_villages: int
    unassigned: int
    new_by_wave: dict[str, int]
    covered_by_wave: dict[str, int]
    share_by_wave: dict[str, float]
    tambons_with_villages: int
    tambons_full_by_wave: dict[str, int]
    tambons_partial_by_wave: dict[str, int]
    teams_by_wave: dict[str, int]
    district_villages: dict[str, int]
    district_teams: dict[str, int]
    district_new: dict[str, dict[str, int]]
    district_covered: dict[str, dict[str, int]]
    district_share: dict[str, dict[str, float]]
    district_load: dict[str, dict[str, float]]
    tambon_villages: dict[str, int]
    tambon_covered: dict[str, dict[str, int]]
    tambon_share: dict[str, dict[str, float]]

    @property
    def years(self) -> tuple[int, ...]:
        """The B.E. year of each wave, in wave order."""
        return tuple(int(label) for label in self.labels)

    def wave_at(self, year: int) -> str | None:
        """The last wave whose year is ``year`` or earlier; None before the first wave."""
        done = [label for label in self.labels if int(label) <= year]
        return done[-1] if done else None

    def covered_at(self, year: int) -> int:
        """Villages covered by the end of B.E. ``year``."""
        wave = self.wave_at(year)
        return self.covered_by_wave[wave] if wave else 0

    def share_at(self, year: int) -> float:
        wave = self.wave_at(year)
        return self.share_by_wave[wave] if wave else 0.0

    def district_share_at(self, year: int) -> dict[str, float]:
        """District -> share of its villages covered by the end of B.E. ``year``."""
        wave = self.wave_at(year)
        return {d: (shares[wave] if wave else 0.0) for d, shares in self.district_share.items()}

    def tambon_share_at(self, year: int) -> dict[str, float]:
        """Tambon -> share of its villages covered by the end of B.E. ``year``."""
        wave = self.wave_at(year)
        return {t: (shares[wave] if wave else 0.0) for t, shares in self.tambon_share.items()}


@dataclass(frozen=True)
class DistrictRank:
    """One district's line in the ranked table: coverage at a year and its heaviest facilitator load."""

    district: str
    villages: int
    covered: int
    share: float
    teams: int
    max_load: float
    max_load_wave: str | None
    coverage_rank: int
    load_rank: int


def coverage_figures(assignment: Mapping[str, str], village_tambons: Mapping[str, str],
                     tambon_districts: Mapping[str, str], labels: Sequence[str],
                     teams: Mapping[str, int]) -> CoverageFigures:
    """The coverage of a plan, wave by wave (definitions in the module docstring).

    ``assignment`` maps village -> wave label (villages without a wave are left out), ``village_tambons`` every
    village of the data set -> tambon, ``tambon_districts`` tambon -> district, ``labels`` the waves in rollout
    order (B.E. years, increasing), ``teams`` district -> facilitator teams. Raises InvalidInputError listing
    unknown villages, tambons, wave labels and districts without teams.
    """
    labels = tuple(labels)
    _check_inputs(assignment, village_tambons, tambon_districts, labels, teams)
    village_districts = {v: tambon_districts[t] for v, t in village_tambons.items()}
    district_villages = Counter(village_districts.values())
    tambon_villages = Counter(village_tambons.values())
    new = {d: dict.fromkeys(labels, 0) for d in sorted(district_villages)}
    tambon_new = {t: dict.fromkeys(labels, 0) for t in sorted(tambon_villages)}
    for village, label in assignment.items():
        new[village_districts[village]][label] += 1
        tambon_new[village_tambons[village]][label] += 1
    district_covered = {d: _cumulative(row, labels) for d, row in new.items()}
    tambon_covered = {t: _cumulative(row, labels) for t, row in tambon_new.items()}
    total = len(village_tambons)
    new_by_wave = {label: sum(row[label] for row in new.values()) for label in labels}
    covered_by_wave = _cumulative(new_by_wave, labels)
    district_teams = {d: int(teams[d]) for d in new}
    return CoverageFigures(
        labels=labels,
        total_villages=total,
        unassigned=total - len(assignment),
        new_by_wave=new_by_wave,
        covered_by_wave=covered_by_wave,
        share_by_wave={label: _share(n, total) for label, n in covered_by_wave.items()},
        tambons_with_villages=len(tambon_villages),
        tambons_full_by_wave={label: sum(1 for t, row in tambon_covered.items() if row[label] == tambon_villages[t])
                              for label in labels},
        tambons_partial_by_wave={label: sum(1 for t, row in tambon_covered.items()
                                            if 0 < row[label] < tambon_villages[t]) for label in labels},
        teams_by_wave={label: sum(district_teams[d] for d, row in new.items() if row[label] > 0) for label in labels},
        district_villages=dict(sorted(district_villages.items())),
        district_teams=district_teams,
        district_new=new,
        district_covered=district_covered,
        district_share={d: {label: _share(n, district_villages[d]) for label, n in row.items()}
                        for d, row in district_covered.items()},
        district_load={d: {label: n / district_teams[d] for label, n in row.items()} for d, row in new.items()},
        tambon_villages=dict(sorted(tambon_villages.items())),
        tambon_covered=tambon_covered,
        tambon_share={t: {label: _share(n, tambon_villages[t]) for label, n in row.items()}
                      for t, row in tambon_covered.items()},
    )


def rank_districts(figures: CoverageFigures, year: int) -> tuple[DistrictRank, ...]:
    """Every district with its coverage at B.E. ``year`` and its heaviest load over all waves, ranked both ways.

    ``coverage_rank`` 1 is the district most covered by then; ``load_rank`` 1 carries the heaviest load per team.
    Ties are ties: districts with the same share (or the same heaviest load) share a rank, and the next rank
    skips as many places ("1, 2, 2, 4", standard competition ranking). The tuple is in coverage-rank order, tied
    districts by code.
    """
    shares = figures.district_share_at(year)
    wave = figures.wave_at(year)
    rows = []
    for d in figures.district_villages:
        loads = figures.district_load[d]
        peak = max(figures.labels, key=lambda label: (loads[label], -figures.labels.index(label)), default=None)
        rows.append((d, shares[d], loads[peak] if peak else 0.0, peak))
    by_coverage = sorted(rows, key=lambda r: (-r[1], r[0]))
    coverage_rank = _competition_ranks({r[0]: r[1] for r in rows})
    load_rank = _competition_ranks({r[0]: r[2] for r in rows})
    return tuple(
        DistrictRank(district=d, villages=figures.district_villages[d],
                     covered=figures.district_covered[d][wave] if wave else 0, share=share,
                     teams=figures.district_teams[d], max_load=load, max_load_wave=peak,
                     coverage_rank=coverage_rank[d], load_rank=load_rank[d])
        for d, share, load, peak in by_coverage)


def _competition_ranks(values: Mapping[str, float]) -> dict[str, int]:
    """Key -> rank, largest value first; equal values share the rank of the first of them (1, 2, 2, 4)."""
    ordered = sorted(values.values(), reverse=True)
    first_place = {}
    for place, value in enumerate(ordered, start=1):
        first_place.setdefault(value, place)
    return {key: first_place[value] for key, value in values.items()}


def _cumulative(row: Mapping[str, int], labels: Sequence[str]) -> dict[str, int]:
    running, out = 0, {}
    for label in labels:
        running += row[label]
        out[label] = running
    return out


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _check_inputs(assignment: Mapping[str, str], village_tambons: Mapping[str, str],
                  tambon_districts: Mapping[str, str], labels: tuple[str, ...], teams: Mapping[str, int]) -> None:
    problems = []
    if not labels:
        problems.append("the plan has no waves; give at least one wave label such as '2549'")
    bad_labels = [label for label in labels if not (isinstance(label, str) and len(label) == 4 and label.isdigit())]
    if bad_labels:
        problems.append(f"wave labels {bad_labels} are not Buddhist-era years; label waves like '2549'")
    elif list(labels) != sorted(set(labels)):
        problems.append(f"wave labels {list(labels)} must be distinct years in increasing order")
    unknown = sorted(v for v in assignment if v not in village_tambons)
    if unknown:
        problems.append(f"{len(unknown)} village(s) of the plan are not in the data set ({_quote(unknown)}); "
                        "open the plan with the data set it was made for")
    known_labels = set(labels)
    strays = sorted({label for label in assignment.values() if label not in known_labels})
    if strays:
        problems.append(f"the plan assigns villages to waves {strays} that are not among its waves {list(labels)}; "
                        "add those waves to the plan's settings or reassign the villages")
    no_tambon = sorted({t for t in village_tambons.values() if t not in tambon_districts})
    if no_tambon:
        problems.append(f"tambon(s) {_quote(no_tambon)} have no district; add them to tambon_districts")
    districts = {tambon_districts[t] for t in village_tambons.values() if t in tambon_districts}
    no_teams = sorted(d for d in districts if not (isinstance(teams.get(d), int) and teams[d] >= 1))
    if no_teams:
        problems.append(f"district(s) {_quote(no_teams)} have no facilitator teams in the roster; "
                        "give every district with villages at least 1 team")
    if problems:
        raise InvalidInputError(problems)


def _quote(codes: Sequence[str]) -> str:
    head = ", ".join(codes[:_QUOTED])
    return head + (f" and {len(codes) - _QUOTED} more" if len(codes) > _QUOTED else "")
