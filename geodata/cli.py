"""The ``rollout`` command line: ``rollout plan`` writes an optimised plan of the embedded province.

    rollout plan --out plan.csv --metrics metrics.json [--pilot 800106,800107] [--targets 400,600,600]
                 [--capacity 10] [--roster roster.csv]

Bad input prints one line on stderr naming the value and the fix, and exits with status 2. Subcommands are
argparse subparsers; ``make_plan`` holds the logic so other commands (export) can reuse it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import planning
from geodata import embedded, schema
from geodata.errors import GeodataError
from geodata.exports.cells import spreadsheet_cell
from geodata.exports.cli import add_export_command
from geodata.planning_inputs import build_problem, parse_codes, parse_targets, read_roster_file

PLAN_COLUMNS = ("village_code", "tambon_code", "amphoe_code", "wave", "locked", "reason")
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class PlanOptions:
    """Settings of ``rollout plan``; None means the default."""

    pilot: tuple[str, ...] = ()
    targets: tuple[int, ...] | None = None
    capacity: int | None = None
    roster: Path | None = None


def make_plan(options: PlanOptions) -> tuple[planning.Problem, planning.PlanResult]:
    """Plan the embedded province with these settings (raises PlanningError / GeodataError on bad input)."""
    villages, tambons = embedded.load_villages(), embedded.load_tambons()
    roster = None
    if options.roster is not None:
        roster = read_roster_file(options.roster, villages[schema.AMPHOE_CODE],
                                  options.capacity or planning.DEFAULT_CAPACITY)
    problem = build_problem(villages, tambons, pilot_tambons=options.pilot, targets=options.targets,
                            capacity=options.capacity, roster=roster)
    return problem, planning.plan(problem)


def plan_rows(problem: planning.Problem, result: planning.PlanResult) -> list[dict[str, str]]:
    """One row per village with the columns of PLAN_COLUMNS, sorted by village code."""
    return [{"village_code": village, "tambon_code": tambon, "amphoe_code": problem.tambon_districts[tambon],
             "wave": result.assignment[village], "locked": str(village in problem.locks).lower(),
             "reason": result.reasons[village]}
            for village, tambon in problem.villages.items()]


def metrics_document(problem: planning.Problem, result: planning.PlanResult) -> dict:
    """The metrics JSON: wave_sizes, max_load (M1), split_tambons (M2), status, seconds, and the rest."""
    m = result.metrics
    return {
        "wave_sizes": m.wave_sizes, "max_load": m.max_load, "split_tambons": m.split_tambons,
        "status": m.status, "seconds": round(m.seconds, 3),
        "max_load_fraction": list(m.max_load_fraction), "split_tambon_codes": list(m.split_tambon_codes),
        "spread_cost": m.spread_cost, "pace_gap": round(m.pace_gap, 3),
        "spread_objective": round(m.spread_objective, 3), "spread_status": m.spread_status,
        "mean_hops": {k: round(v, 3) for k, v in m.mean_hops.items()}, "m2_proof": m.proof,
        "stage_seconds": {k: round(v, 3) for k, v in m.stage_seconds.items()},
        "pilot_tambons": sorted(problem.pilot_tambons), "capacity": problem.roster.capacity,
        "roster_estimated": problem.roster.estimated, "load": m.load,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``rollout`` console script; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (planning.PlanningError, GeodataError) as error:
        print(f"rollout {args.command}: {' '.join(str(error).split())}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rollout", description="KM rollout planner for Nakhon Si Thammarat")
    commands = parser.add_subparsers(dest="command", required=True)
    plan = commands.add_parser("plan", help="optimise the rollout of the embedded province")
    plan.add_argument("--out", type=Path, required=True, help="plan CSV to write")
    plan.add_argument("--metrics", type=Path, help="metrics JSON to write")
    plan.add_argument("--pilot", default="", help="pilot tambon codes, comma-separated (wave 2548)")
    plan.add_argument("--targets", help="villages per wave after the pilot, e.g. 400,600,600")
    plan.add_argument("--capacity", help="villages one team can take per wave (C), default 10")
    plan.add_argument("--roster", type=Path, help="CSV with columns amphoe_code,teams")
    plan.set_defaults(run=_run_plan)
    add_export_command(commands)
    return parser


def _run_plan(args: argparse.Namespace) -> int:
    options = PlanOptions(pilot=parse_codes(args.pilot),
                          targets=None if args.targets is None else parse_targets(args.targets),
                          capacity=None if args.capacity is None else _positive_int(args.capacity),
                          roster=args.roster)
    problem, result = make_plan(options)
    try:
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=PLAN_COLUMNS)
            writer.writeheader()
            writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()} for row in plan_rows(problem, result))
        if args.metrics is not None:
            args.metrics.write_text(json.dumps(metrics_document(problem, result), ensure_ascii=False, indent=2)
                                    + "\n", encoding="utf-8")
    except OSError as error:
        raise GeodataError(f"cannot write {error.filename} ({error.strerror}); choose a writable path") from error
    m = result.metrics
    print(f"plan: {', '.join(f'{k} {v}' for k, v in m.wave_sizes.items())}; largest load {m.max_load:g} "
          f"villages per team; {m.split_tambons} split tambons; {m.status} in {m.seconds:.2f} s", file=sys.stderr)
    return 0


def _positive_int(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise GeodataError(f"capacity {text!r} is not a whole number >= 1; give villages per team and wave, "
                           f"e.g. --capacity 10")
    return int(text)


if __name__ == "__main__":
    sys.exit(main())
