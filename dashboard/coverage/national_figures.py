"""The national view's figures: how far a national plan reaches by a year, per province, amphoe and tambon.

Plain pandas on the nation's village frame (``geodata.nation``) and a national scenario; no Streamlit, so every
figure is testable. A village is covered by B.E. year Y when its wave's label (a B.E. year) is Y or earlier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from geodata import schema
from geodata.scenario import Scenario


@dataclass(frozen=True)
class NationalCoverage:
    """Coverage of a national plan by one year: covered villages and shares per province, amphoe and tambon
    (codes -> share in [0, 1] and covered count; every unit with villages is present), and the national total."""

    year: int
    villages: int
    covered: int
    province_share: Mapping[str, float]
    province_covered: Mapping[str, int]
    amphoe_share: Mapping[str, float]
    amphoe_covered: Mapping[str, int]
    tambon_share: Mapping[str, float]
    tambon_covered: Mapping[str, int]
    covered_villages: frozenset[str]

    @property
    def share(self) -> float:
        return self.covered / self.villages if self.villages else 0.0


def plan_years(scenario: Scenario) -> tuple[int, ...]:
    """The B.E. years of the plan's waves that hold villages, in order."""
    used = set(scenario.assignment.values())
    return tuple(int(w.label) for w in scenario.settings.waves if w.label in used and w.label.isdigit())


def wave_counts(scenario: Scenario) -> dict[str, int]:
    """Villages per wave label, in the plan's wave order (waves without villages left out)."""
    counts = pd.Series(list(scenario.assignment.values()), dtype=object).value_counts()
    return {w.label: int(counts[w.label]) for w in scenario.settings.waves if w.label in counts.index}


def national_coverage(scenario: Scenario, villages: pd.DataFrame, year: int) -> NationalCoverage:
    """Coverage of `scenario` over the nation's `villages` by B.E. `year`."""
    waves = villages[schema.VILLAGE_CODE].map(scenario.assignment)
    covered = waves.map(lambda label: isinstance(label, str) and label.isdigit() and int(label) <= year)
    covered = covered.fillna(False).astype(bool)

    def per(column: str) -> tuple[dict[str, float], dict[str, int]]:
        grouped = covered.groupby(villages[column].astype(str))
        count, total = grouped.sum(), grouped.size()
        return ({code: float(count[code] / total[code]) for code in total.index},
                {code: int(count[code]) for code in total.index})

    province_share, province_covered = per(schema.PROVINCE)
    amphoe_share, amphoe_covered = per(schema.AMPHOE_CODE)
    tambon_share, tambon_covered = per(schema.TAMBON_CODE)
    return NationalCoverage(year, len(villages), int(covered.sum()), province_share, province_covered,
                            amphoe_share, amphoe_covered, tambon_share, tambon_covered,
                            frozenset(villages.loc[covered, schema.VILLAGE_CODE]))
