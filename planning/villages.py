"""From tambon counts to villages: which village of a tambon goes to which wave.

Locked villages go to their lock. The unlocked villages of a tambon are interchangeable for every objective, so
they are dealt in village-code order: first those that keep the wave a current plan gave them (reoptimise),
then the rest into the tambon's waves in rollout order. Deterministic by construction.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from planning.aggregate import Aggregates
from planning.problem import Problem


def deal_villages(problem: Problem, agg: Aggregates, x: np.ndarray,
                  current: Mapping[str, str] | None = None) -> dict[str, str]:
    """Village -> wave label with ``x[t, w]`` unlocked villages of tambon t in wave w."""
    index = {t: i for i, t in enumerate(agg.tambons)}
    quota = {t: [int(n) for n in x[i]] for t, i in index.items()}
    assignment = dict(problem.locks)
    wave_index = {label: w for w, label in enumerate(agg.labels)}
    unlocked = [v for v in problem.villages if v not in problem.locks]  # sorted by code
    waiting = []
    for village in unlocked:
        left = quota[problem.villages[village]]
        w = wave_index.get((current or {}).get(village, ""), -1)
        if w >= 0 and left[w] > 0:
            assignment[village] = agg.labels[w]
            left[w] -= 1
        else:
            waiting.append(village)
    for village in waiting:
        left = quota[problem.villages[village]]
        w = next(w for w, n in enumerate(left) if n > 0)
        assignment[village] = agg.labels[w]
        left[w] -= 1
    return dict(sorted(assignment.items()))


def tambon_counts(problem: Problem, agg: Aggregates, assignment: Mapping[str, str]) -> np.ndarray:
    """Unlocked villages per (tambon, wave) in ``assignment`` (unknown codes and labels ignored)."""
    index = {t: i for i, t in enumerate(agg.tambons)}
    wave_index = {label: w for w, label in enumerate(agg.labels)}
    counts = np.zeros((len(agg.tambons), agg.n_waves), dtype=np.int64)
    for village, label in assignment.items():
        tambon = problem.villages.get(village)
        if tambon is not None and village not in problem.locks and label in wave_index:
            counts[index[tambon], wave_index[label]] += 1
    return counts
