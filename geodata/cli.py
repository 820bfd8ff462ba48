"""The ``rollout`` command line's commands that need no database, and the way every command reports errors.

    rollout plan [--out plan.csv] [--metrics metrics.json] [--province CODE|nation] [--pilot 800106,800107]
                 [--targets 400,600,600] [--capacity 10] [--roster roster.csv] [--save-as NAME [--replace]]
    rollout export ...                 (geodata.exports.cli)
    rollout data build|provinces ...   (geodata.databuild.cli)

The ``rollout`` entry point is `service.cli.main`, which adds the commands that use the database (``db``,
``users``) and gives ``plan --save-as`` and ``export --scenario`` their access to saved work through the service
layer: geodata never touches the store.

Every error path prints one line on stderr naming the value and the fix, and exits with status 2: bad options
(argparse's usage errors included), bad files, a database that cannot be opened or read, paths that cannot be
written. Output paths are checked before any work and files are renamed into place only when all are written, so
a failure leaves no partial output. A bug (any other exception) prints one line and exits with status 1;
``ROLLOUT_DEBUG=1`` shows its traceback (`run_command`). ``make_plan`` holds the logic so other commands can
reuse it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, Protocol

import planning
from geodata import limits, province_choice, schema
from geodata.databuild.cli import add_data_command
from geodata.errors import GeodataError
from geodata.exports.cells import spreadsheet_cell
from geodata.exports.cli import SavedWork, add_export_command
from geodata.output_paths import check_output_file, write_files
from geodata.planning_inputs import (
    build_problem,
    parse_capacity,
    parse_codes,
    parse_targets,
    pilot_warnings,
    read_roster_file,
)
from geodata.plans import scenario_from_result
from geodata.scenario import Scenario

PLAN_COLUMNS = ("village_code", "tambon_code", "amphoe_code", "wave", "locked", "reason")
EXIT_BAD_INPUT = 2
EXIT_BUG = 1
DEBUG_VARIABLE = "ROLLOUT_DEBUG"
#: Errors of this package that mean bad input or an unusable path: one line, exit status 2 (`run_command` is
#: given the service's and the store's too).
BAD_INPUT_ERRORS: tuple[type[Exception], ...] = (planning.PlanningError, GeodataError)


class PlanSaver(Protocol):
    """Where ``rollout plan --save-as`` saves (the service layer gives it)."""

    def check_name(self, name: str, *, replace: bool) -> None:
        """Raise if the plan could not be saved under `name` (before any work is done)."""

    def save(self, name: str, plan: Scenario, *, replace: bool) -> Scenario:
        """Save `plan` under `name` and return it as saved."""


@dataclass(frozen=True)
class PlanOptions:
    """Settings of ``rollout plan``; None means the default (the default province; its default waves)."""

    province: str | None = None
    pilot: tuple[str, ...] = ()
    targets: tuple[int, ...] | None = None
    capacity: int | None = None
    roster: Path | None = None


def make_plan(options: PlanOptions) -> tuple[planning.Problem, planning.PlanResult]:
    """Plan a province (``options.province``: a code, ``nation`` or None for the default province) with these
    settings: its default waves unless ``targets`` are given (the nation's: 16,000, 24,000, the rest).

    Raises PlanningError / GeodataError on bad input; a district whose teams cannot take its villages raises
    ``province_choice.RosterShortError`` (district, villages, teams, capacity and the fix) before solving.
    """
    data = province_choice.load_plan_data(province_choice.parse_province(options.province))
    villages, tambons = data.villages, data.tambons
    roster = None
    if options.roster is not None:
        roster = read_roster_file(options.roster, villages[schema.AMPHOE_CODE],
                                  options.capacity or planning.DEFAULT_CAPACITY)
    if data.is_nation:
        from geodata.national_plan import build_national_problem

        problem = build_national_problem(villages, tambons, pilot_tambons=options.pilot, targets=options.targets,
                                         capacity=options.capacity, roster=roster)
    else:
        problem = build_problem(villages, tambons, pilot_tambons=options.pilot, targets=options.targets,
                                capacity=options.capacity, roster=roster, dataset=data.dataset)
    province_choice.check_roster_carries(problem, data.amphoes)
    return problem, planning.plan(problem)


def plan_rows(problem: planning.Problem, result: planning.PlanResult) -> list[dict[str, str]]:
    """One row per village with the columns of PLAN_COLUMNS, sorted by village code."""
    return [{"village_code": village, "tambon_code": tambon, "amphoe_code": problem.tambon_districts[tambon],
             "wave": result.assignment[village], "locked": str(village in problem.locks).lower(),
             "reason": result.reasons[village]}
            for village, tambon in problem.villages.items()]


def plan_csv(problem: planning.Problem, result: planning.PlanResult) -> str:
    """The plan file's text: a header and one row per village (no cell a spreadsheet would run as a formula)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=PLAN_COLUMNS)
    writer.writeheader()
    writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()} for row in plan_rows(problem, result))
    return buffer.getvalue()


def metrics_document(problem: planning.Problem, result: planning.PlanResult, province: str | None = None) -> dict:
    """The metrics JSON: the province planned (a code or ``nation``), wave_sizes, max_load (M1), split_tambons
    (M2), status, seconds, and the rest."""
    m = result.metrics
    return {
        "province": province_choice.parse_province(province),
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


def run_command(parser: argparse.ArgumentParser, argv: Sequence[str] | None,
                bad_input: tuple[type[Exception], ...] = BAD_INPUT_ERRORS,
                describe: Callable[[Exception], str] = str) -> int:
    """Parse `argv` and run the chosen command; the exit status (0 done, 2 bad input, 1 a bug).

    An error of `bad_input` (or an OSError) prints one line, `describe(error)`; anything else is a bug.
    """
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        _say(f"{error}; see rollout --help")
        return EXIT_BAD_INPUT
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    command = "rollout " + " ".join(filter(None, (args.command, getattr(args, "action", None))))
    try:
        return args.run(args)
    except bad_input as error:
        _say(f"{command}: {describe(error)}")
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        _say(f"{command}: cannot use{where} ({error.strerror or error}); check the path and its permissions")
    except Exception as error:  # a bug: say so in one line, keep the traceback for ROLLOUT_DEBUG
        if os.environ.get(DEBUG_VARIABLE):
            traceback.print_exc()
        _say(f"{command}: internal error ({type(error).__name__}); this is a bug, please report the command "
             f"line (set {DEBUG_VARIABLE}=1 to see the details)")
        return EXIT_BUG
    return EXIT_BAD_INPUT


class UsageError(Exception):
    """A command line argparse cannot parse (unknown option, missing value...)."""


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors as one line (raised, and printed by `main`), not the usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _say(line: str) -> None:
    print(" ".join(line.split()), file=sys.stderr)


def make_parser(saved_work: Callable[[], SavedWork], plan_saver: Callable[[], PlanSaver]
                ) -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    """The ``rollout`` parser with plan, export and data; the caller adds the database commands.

    `saved_work` and `plan_saver` give ``export --scenario`` and ``plan --save-as`` the saved work; they are
    called only when a command needs the database.
    """
    parser = _Parser(prog="rollout", description="KM rollout planner for a Thai province or the whole country")
    commands = parser.add_subparsers(dest="command", required=True)
    plan = commands.add_parser("plan", help="optimise the rollout of a province (or of the whole country)")
    plan.add_argument("--out", type=Path, help="plan CSV to write")
    province_choice.add_province_option(plan)
    plan.add_argument("--metrics", type=Path, help="metrics JSON to write")
    plan.add_argument("--pilot", default="", help="pilot tambon codes, comma-separated (wave 2548)")
    plan.add_argument("--targets", help="villages per wave after the pilot, e.g. 400,600,600")
    plan.add_argument("--capacity", help="villages one team can take per wave (C), default 10")
    plan.add_argument("--roster", type=Path, help="CSV with columns amphoe_code,teams")
    plan.add_argument("--save-as", dest="save_as", metavar="NAME",
                      help="also save the plan as a scenario in the database (ROLLOUT_DATABASE_URL)")
    plan.add_argument("--replace", action="store_true",
                      help="with --save-as: save a new version of an existing scenario of that name")
    plan.set_defaults(run=lambda args: _run_plan(args, plan_saver))
    add_export_command(commands, saved_work)
    add_data_command(commands)
    return parser, commands


def _run_plan(args: argparse.Namespace, plan_saver: Callable[[], PlanSaver]) -> int:
    options = PlanOptions(province=args.province, pilot=parse_codes(args.pilot),
                          targets=None if args.targets is None else parse_targets(args.targets),
                          capacity=None if args.capacity is None else parse_capacity(args.capacity),
                          roster=args.roster)
    if args.out is None and args.save_as is None:
        raise GeodataError("give --out FILE (the plan as CSV), --save-as NAME (a scenario in the database) or "
                           "both; see rollout --help")
    if args.replace and args.save_as is None:
        raise GeodataError("--replace goes with --save-as NAME: it replaces the scenario of that name")
    outputs = [] if args.out is None else [check_output_file(args.out, "--out")]
    if args.metrics is not None:
        if args.out is None:
            raise GeodataError("--metrics goes with --out: give --out FILE for the plan too")
        outputs.append(check_output_file(args.metrics, "--metrics"))
        if outputs[0].resolve() == outputs[1].resolve():
            raise GeodataError(f"--out and --metrics are the same file {args.out}; give two different paths")
    province_choice.parse_province(args.province)  # an unknown code is refused before anything is loaded
    saver = None
    if args.save_as is not None:
        name = args.save_as.strip()
        if not name or len(name) > limits.NAME_MAX_CHARS:
            raise GeodataError(f"--save-as {args.save_as!r}: give a scenario name of 1 to {limits.NAME_MAX_CHARS} "
                               "characters")
        saver = plan_saver()
        saver.check_name(name, replace=args.replace)
    problem, result = make_plan(options)
    for warning in pilot_warnings(problem):
        _say(f"rollout plan: warning: {warning}")
    files: dict[Path, str] = {}
    if args.out is not None:
        files[outputs[0]] = plan_csv(problem, result)
    if args.metrics is not None:
        document = metrics_document(problem, result, args.province)
        files[outputs[1]] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        write_files(files)
    except OSError as error:
        raise GeodataError(f"cannot write {error.filename or args.out} ({error.strerror}); nothing was written, "
                           "choose a writable path") from error
    if saver is not None:
        saved = saver.save(name, scenario_from_result(name, problem, result), replace=args.replace)
        print(f"plan: saved as scenario {saved.name!r} version {saved.version}", file=sys.stderr)
    m = result.metrics
    sizes = ", ".join(f"{k} {v}" for k, v in m.wave_sizes.items())
    where = province_choice.label(province_choice.parse_province(args.province))
    print(f"plan: {where}: {sizes}; largest load {m.max_load:g} "
          f"villages per team; {m.split_tambons} split tambons; {m.status} in {m.seconds:.2f} s", file=sys.stderr)
    return 0

