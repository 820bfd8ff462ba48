"""Planning engine of the KM rollout: assigns villages to waves and balances facilitator load by district.

Pure: plain typed inputs (codes as strings, counts, dicts, tuples) in, frozen picklable values out; no files,
no GeoDataFrames, no user interface. The geodata package converts files and frames into a Problem.

    problem = make_problem(villages, tambon_districts, pilot_tambons={"801701"}, adjacency=adjacency)
    result = plan(problem)            # M1 and M2 proven optimal, M3 improved by a local search
    metrics = evaluate(problem, manual_assignment)
    failed = validate_plan(problem, manual_assignment)

Objectives and their definitions: planning/README.md and planning.metrics.
"""

from planning.checks import (
    CHECKS,
    Failure,
    district_capacity_respected,
    every_village_assigned_once,
    explain_failures,
    find_failures,
    locks_respected,
    validate_plan,
    wave_sizes_met,
)
from planning.errors import Fact, InfeasiblePlanError, InvalidInputError, PlanningError, SolverError
from planning.hops import hop_distances
from planning.metrics import PlanMetrics, evaluate
from planning.problem import Problem, make_problem
from planning.result import REASONS, PlanResult, explain
from planning.roster import DEFAULT_CAPACITY, Roster, default_roster, roster_from_rows
from planning.settings import NATION, PlanSettings, SettingsError, parse_settings
from planning.solve import optimal_max_load, plan, reoptimise
from planning.waves import Wave, default_waves, waves_from_targets

__all__ = [
    "CHECKS",
    "DEFAULT_CAPACITY",
    "Fact",
    "Failure",
    "REASONS",
    "NATION",
    "InfeasiblePlanError",
    "InvalidInputError",
    "PlanMetrics",
    "PlanResult",
    "PlanSettings",
    "PlanningError",
    "Problem",
    "Roster",
    "SettingsError",
    "SolverError",
    "Wave",
    "default_roster",
    "default_waves",
    "district_capacity_respected",
    "evaluate",
    "every_village_assigned_once",
    "explain",
    "explain_failures",
    "find_failures",
    "hop_distances",
    "locks_respected",
    "make_problem",
    "optimal_max_load",
    "parse_settings",
    "plan",
    "reoptimise",
    "roster_from_rows",
    "validate_plan",
    "wave_sizes_met",
    "waves_from_targets",
]
