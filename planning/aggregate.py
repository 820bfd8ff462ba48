"""Tambon- and district-level counts that the solver stages work on.

Villages of one district are interchangeable for team loads, and villages of one tambon for tambon splits, so
the optimiser never looks at single villages: it works on counts per (district, wave) and (tambon, wave), and
villages are dealt out at the very end (planning.villages).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planning.problem import Problem


@dataclass(frozen=True)
class Aggregates:
    """Counts derived from a Problem; index order is sorted codes and wave order.

    ``locked[d, w]`` villages of district d locked to wave w, ``unlocked[d]`` the rest of d's villages,
    ``demand[w]`` the unlocked villages wave w still takes (its size minus its locks). For tambons (those with
    villages): ``t_district`` index of their district, ``t_unlocked`` unlocked villages, ``t_locked[t, w]`` locked
    ones, ``t_hops`` hops from the nearest seed (0 without seeds).
    """

    labels: tuple[str, ...]
    districts: tuple[str, ...]
    teams: np.ndarray
    capacity: int
    villages: np.ndarray
    locked: np.ndarray
    unlocked: np.ndarray
    demand: np.ndarray
    tambons: tuple[str, ...]
    t_district: np.ndarray
    t_unlocked: np.ndarray
    t_locked: np.ndarray
    t_hops: np.ndarray

    @property
    def n_waves(self) -> int:
        return len(self.labels)


def aggregate(problem: Problem) -> Aggregates:
    """Count villages per district, tambon and wave, locked and unlocked."""
    labels = problem.labels
    wave_index = {label: i for i, label in enumerate(labels)}
    districts = problem.districts
    district_index = {d: i for i, d in enumerate(districts)}
    tambons = tuple(sorted(set(problem.villages.values())))
    tambon_index = {t: i for i, t in enumerate(tambons)}
    n_w = len(labels)
    t_size = np.zeros(len(tambons), dtype=np.int64)
    t_locked = np.zeros((len(tambons), n_w), dtype=np.int64)
    for village, tambon in problem.villages.items():
        i = tambon_index[tambon]
        t_size[i] += 1
        label = problem.locks.get(village)
        if label is not None:
            t_locked[i, wave_index[label]] += 1
    t_district = np.array([district_index[problem.tambon_districts[t]] for t in tambons], dtype=np.int64)
    locked = np.zeros((len(districts), n_w), dtype=np.int64)
    np.add.at(locked, t_district, t_locked)
    villages = np.bincount(t_district, weights=t_size, minlength=len(districts)).astype(np.int64)
    sizes = np.array([problem.wave_sizes[label] for label in labels], dtype=np.int64)
    return Aggregates(
        labels=labels, districts=districts,
        teams=np.array([problem.roster.teams[d] for d in districts], dtype=np.int64),
        capacity=problem.roster.capacity, villages=villages, locked=locked,
        unlocked=villages - locked.sum(axis=1), demand=sizes - locked.sum(axis=0), tambons=tambons,
        t_district=t_district, t_unlocked=t_size - t_locked.sum(axis=1), t_locked=t_locked,
        t_hops=np.array([problem.hops.get(t, 0) for t in tambons], dtype=np.int64))
