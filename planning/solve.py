"""``plan`` and ``reoptimise``: the lexicographic optimiser, stage by stage.

1. M1, the largest team load, by an exact combinatorial search (planning.balance);
2. M2, the number of split tambons, with M1 fixed (planning.splits), proven by a bound or by HiGHS;
3. M3, spread and pace (planning.metrics), with M1 and M2 fixed, by a deterministic local search
   (planning.spread, planning.local_search).

Both functions refuse to return a plan whose M1 and M2 are not proven; the result's metrics say how M3 was
reached. The final plan is re-checked with the same named checks the dashboard uses.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from fractions import Fraction

import numpy as np

from planning.aggregate import Aggregates, aggregate
from planning.balance import min_max_load, open_caps, wave_caps
from planning.checks import validate_plan
from planning.errors import InvalidInputError, SolverError
from planning.metrics import evaluate
from planning.problem import Problem
from planning.result import PlanResult
from planning.splits import SplitPlan, min_split_plan
from planning.spread import DEFAULT_MAX_ROUNDS, SpreadPlan, fewest_moves, improve_spread
from planning.villages import deal_villages, tambon_counts


def plan(problem: Problem, *, max_rounds: int = DEFAULT_MAX_ROUNDS) -> PlanResult:
    """The best plan: smallest largest load, then fewest split tambons (both proven), then the best spread and
    pace the local search finds within ``max_rounds`` rounds (never worse than stage 2's plan). Raises
    InfeasiblePlanError when no plan fits."""
    started = time.perf_counter()
    agg, room, split, stage_one = _stages_one_two(problem)
    spread = improve_spread(agg, room, split.x, problem.pace_weight, max_rounds)
    assignment = deal_villages(problem, agg, spread.x)
    return _result(problem, assignment, split, spread, stage_one, started, moved={})


def optimal_max_load(problem: Problem) -> Fraction:
    """M1 alone: the smallest largest load (villages per team) any plan of `problem` can have, proven exactly.

    Cheap (no solver): the dashboard flags load cells above it. Raises InfeasiblePlanError when no plan fits.
    """
    return min_max_load(problem, aggregate(problem))


def reoptimise(problem: Problem, current: Mapping[str, str], *,
               max_rounds: int = DEFAULT_MAX_ROUNDS) -> PlanResult:
    """Restore an optimal plan while changing as few unlocked villages of ``current`` as possible.

    ``current`` (village -> wave label) may cover some or all villages. Locks always win. The result has the
    same proven M1 and M2 as ``plan``; among such plans it moves the fewest villages of ``current`` (proven),
    then the local search lowers M3 without moving any more of them. ``moved`` lists village -> (old wave,
    new wave).
    """
    started = time.perf_counter()
    _check_current(problem, current)
    agg, room, split, stage_one = _stages_one_two(problem)
    spread = fewest_moves(agg, room, split.x, tambon_counts(problem, agg, current), problem.pace_weight,
                          max_rounds)
    assignment = deal_villages(problem, agg, spread.x, current)
    moved = {v: (old, assignment[v]) for v, old in sorted(current.items()) if assignment[v] != old}
    return _result(problem, assignment, split, spread, stage_one, started, moved=moved)


def _stages_one_two(problem: Problem) -> tuple[Aggregates, np.ndarray, SplitPlan, float]:
    started = time.perf_counter()
    agg = aggregate(problem)
    limit = min_max_load(problem, agg)
    room = open_caps(agg, wave_caps(agg, limit))
    stage_one = time.perf_counter() - started
    return agg, room, min_split_plan(agg, room), stage_one


def _check_current(problem: Problem, current: Mapping[str, str]) -> None:
    labels = set(problem.labels)
    problems = [f"current plan: village {v} is not in the province; drop it or fix the code"
                for v in sorted(current) if v not in problem.villages]
    problems += [f"current plan: village {v} has wave {w!r}, which does not exist; use one of "
                 f"{', '.join(problem.labels)}" for v, w in sorted(current.items()) if w not in labels]
    if problems:
        raise InvalidInputError(problems[:20])


def _result(problem: Problem, assignment: dict[str, str], split: SplitPlan, spread: SpreadPlan,
            stage_one: float, started: float, moved: dict[str, tuple[str, str]]) -> PlanResult:
    failed = validate_plan(problem, assignment)
    measured = evaluate(problem, assignment)
    if failed or measured.split_tambons != split.splits:
        raise SolverError(f"internal: the plan fails {', '.join(failed) or 'the split count'}; please report")
    split_set = set(measured.split_tambon_codes)
    free_reason = "balance" if spread.status == "off" else "spread"
    reasons = {v: problem.lock_sources.get(v) or ("balance" if problem.villages[v] in split_set else free_reason)
               for v in assignment}
    metrics = dataclasses.replace(
        measured, status="optimal", spread_status=spread.status, proof=split.proof, moved=len(moved),
        seconds=time.perf_counter() - started,
        stage_seconds={"m1": stage_one, "m2": split.seconds, "m3": spread.seconds})
    return PlanResult(assignment=assignment, reasons=reasons, metrics=metrics, moved=moved)
