"""A small, deterministic front end to HiGHS (highspy) for the integer programs of stages 2 and 3.

Models are built row by row in a fixed order and solved single-threaded with a fixed seed, so the same input
gives the same plan. ``solve`` reports HiGHS' own model status; callers decide what counts as proven.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import highspy
import numpy as np

_STATUS = {
    highspy.HighsModelStatus.kOptimal: "optimal",
    highspy.HighsModelStatus.kInfeasible: "infeasible",
    highspy.HighsModelStatus.kTimeLimit: "time_limit",
    highspy.HighsModelStatus.kSolutionLimit: "node_limit",
    highspy.HighsModelStatus.kIterationLimit: "iteration_limit",
}


@dataclass(frozen=True)
class MipSolution:
    """HiGHS' verdict: ``status`` (``optimal``, ``time_limit``, ``node_limit``, ``infeasible``...), the values
    (None when HiGHS holds no feasible point), the objective and the proven bound."""

    status: str
    values: np.ndarray | None
    objective: float
    bound: float


class MipModel:
    """Variables and rows of one integer program, added in a fixed order."""

    def __init__(self) -> None:
        self._lb: list[float] = []
        self._ub: list[float] = []
        self._cost: list[float] = []
        self._integer: list[bool] = []
        self._row_lo: list[float] = []
        self._row_hi: list[float] = []
        self._starts: list[int] = []
        self._index: list[int] = []
        self._value: list[float] = []

    @property
    def n_vars(self) -> int:
        return len(self._lb)

    def add_var(self, lb: float, ub: float, cost: float = 0.0, integer: bool = True) -> int:
        """Add one variable and return its index."""
        self._lb.append(float(lb))
        self._ub.append(float(ub))
        self._cost.append(float(cost))
        self._integer.append(integer)
        return len(self._lb) - 1

    def add_row(self, index: Sequence[int], value: Sequence[float], lo: float = -np.inf,
                hi: float = np.inf) -> None:
        """Add ``lo <= sum(value[i] * x[index[i]]) <= hi``."""
        self._starts.append(len(self._index))
        self._index.extend(index)
        self._value.extend(value)
        self._row_lo.append(float(lo))
        self._row_hi.append(float(hi))

    def set_cost(self, costs: dict[int, float]) -> None:
        """Replace the objective: every variable not in ``costs`` gets 0."""
        self._cost = [0.0] * len(self._lb)
        for var, cost in costs.items():
            self._cost[var] = float(cost)

    def solve(self, *, maximize: bool = False, start: Sequence[float] | None = None,
              time_limit: float | None = None, node_limit: int | None = None, log: bool = False) -> MipSolution:
        """Solve to proven optimality (relative and absolute gap 0) unless a limit stops HiGHS first."""
        highs = highspy.Highs()
        for option, value in (("output_flag", log), ("threads", 1), ("random_seed", 0),
                              ("mip_rel_gap", 0.0), ("mip_abs_gap", 1e-9), ("presolve", "on")):
            highs.setOptionValue(option, value)
        if time_limit is not None:
            highs.setOptionValue("time_limit", float(time_limit))
        if node_limit is not None:
            highs.setOptionValue("mip_max_nodes", int(node_limit))
        n = self.n_vars
        inf = highspy.kHighsInf
        highs.addVars(n, np.array(self._lb), np.clip(np.array(self._ub), -inf, inf))
        highs.changeColsCost(n, np.arange(n, dtype=np.int32), np.array(self._cost))
        integer = np.flatnonzero(np.array(self._integer, dtype=bool)).astype(np.int32)
        if len(integer):
            highs.changeColsIntegrality(len(integer), integer,
                                        np.full(len(integer), highspy.HighsVarType.kInteger))
        if self._row_lo:
            highs.addRows(len(self._row_lo), np.clip(np.array(self._row_lo), -inf, inf),
                          np.clip(np.array(self._row_hi), -inf, inf), len(self._index),
                          np.array(self._starts, dtype=np.int32), np.array(self._index, dtype=np.int32),
                          np.array(self._value, dtype=np.float64))
        if maximize:
            highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        if start is not None:
            highs.setSolution(n, np.arange(n, dtype=np.int32), np.asarray(start, dtype=np.float64))
        highs.run()
        model_status = highs.getModelStatus()
        status = _STATUS.get(model_status, highs.modelStatusToString(model_status))
        info = highs.getInfo()
        has_point = info.primal_solution_status == 2  # kSolutionStatusFeasible
        values = np.array(highs.getSolution().col_value) if has_point else None
        bound = info.mip_dual_bound if len(integer) else info.objective_function_value
        return MipSolution(status=status, values=values, objective=info.objective_function_value,
                           bound=bound)
