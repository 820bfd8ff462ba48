"""``rollout export``: the plan files of one amphoe or of all of them, from the command line.

    rollout export [--scenario NAME] [--amphoe 8001|all] [--format xlsx,pdf,csv,gpkg,geojson] --out DIR [--zip]

Without ``--scenario`` the province's official plan is exported, or the default optimised plan of the embedded
province when no plan is official; a named scenario is read from the database the dashboard uses
(``ROLLOUT_DATABASE_URL``, else the file in the user's data folder), and so are the planners' location
corrections and who made the plan official, so the files match the dashboard's Export page. The saved work comes
through the service layer (`SavedWork`, given by `service.cli`); this module never touches the store. Bad
input (unknown scenario, amphoe or format, an --out that cannot be written) raises ExportError, which ``rollout``
prints as one line (exit 2). Everything is checked before any file is written, and the files are built in a
temporary folder moved into --out at the end, so a failure leaves --out as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import geopandas as gpd

from geodata import embedded, limits, schema
from geodata.corrections import CorrectedPoint, apply_corrections
from geodata.errors import GeodataError
from geodata.exports.errors import ExportError
from geodata.exports.formats import ALL_AMPHOES, FORMATS, parse_formats
from geodata.exports.packet import HistoryEntry, approval_of
from geodata.output_paths import check_output_folder, staged_folder
from geodata.plans import EMBEDDED_DATASET, default_scenario
from geodata.scenario import Scenario


class SavedWork(Protocol):
    """What an export reads of the saved work: a scenario by name (KeyError naming the saved ones if there is no
    such scenario), the location corrections in use, the province's official plan and who made it official."""

    def open_scenario(self, name: str) -> Scenario: ...

    def location_corrections(self) -> Mapping[str, CorrectedPoint]: ...

    def official_scenario(self, province: str) -> Scenario | None: ...

    def scenario_history(self, name: str) -> Sequence[HistoryEntry]: ...


def add_export_command(commands: argparse._SubParsersAction, saved_work: Callable[[], SavedWork]) -> None:
    """Register ``export`` on the ``rollout`` command's subparsers; `saved_work()` opens the saved work."""
    export = commands.add_parser("export", help="write each amphoe's plan files (XLSX, PDF, CSV, GeoPackage)")
    export.add_argument("--scenario", help="saved scenario name (default: the province's official plan, else the "
                                           "default optimised plan)")
    export.add_argument("--amphoe", default=ALL_AMPHOES,
                        help="amphoe code such as 8001, or 'all' for every amphoe plus the province (default)")
    export.add_argument("--format", default=",".join(FORMATS),
                        help=f"comma-separated formats from {','.join(FORMATS)} (default: all)")
    export.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    export.add_argument("--zip", action="store_true", help="also write one zip of everything written")
    export.set_defaults(run=lambda args: run_export(args, saved_work))


def run_export(args: argparse.Namespace, saved_work: Callable[[], SavedWork]) -> int:
    """Check the arguments, load the plan (opening the saved work only then) and write the files; one summary
    line on stderr."""
    from geodata.exports.packets import export_plan  # the writers (matplotlib, fpdf2, openpyxl) load in ~1 s

    started = time.perf_counter()
    formats = parse_formats(args.format)
    villages, tambons, amphoes = embedded.load_villages(), embedded.load_tambons(), embedded.load_amphoes()
    amphoe = _check_amphoe(str(args.amphoe).strip(), amphoes)
    if args.scenario is not None and len(args.scenario) > limits.NAME_MAX_CHARS:
        raise ExportError(f"--scenario: {limits.length_message('scenario name', args.scenario, limits.NAME_MAX_CHARS)}"
                          "; give the name of a saved scenario")
    try:
        check_output_folder(args.out, "--out")
    except GeodataError as error:
        raise ExportError(str(error)) from error
    saved = saved_work()
    scenario = _scenario(args.scenario, villages, tambons, saved)
    approval = approval_of(saved.scenario_history(scenario.name)) if scenario.official else None
    # The planners' location corrections, as the dashboard shows them: the same files from both.
    villages = apply_corrections(villages, tambons, saved.location_corrections())
    if scenario.dataset != EMBEDDED_DATASET:
        print(f"rollout export: scenario {scenario.name!r} was planned on data set {scenario.dataset!r}; "
              f"exporting it with the embedded data set", file=sys.stderr)
    try:
        with staged_folder(args.out) as stage:
            result = export_plan(scenario, villages, tambons, amphoes, stage, amphoe=amphoe, formats=formats,
                                 make_zip=args.zip, approval=approval)
    except OSError as error:
        raise ExportError(f"cannot write in {args.out} ({error.strerror}); nothing was written, choose a writable "
                          "--out folder") from error
    zipped = f"; zip {Path(args.out) / result.zip_path.name}" if result.zip_path else ""
    print(f"export: {len(result.files)} files in {args.out}{zipped} "
          f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


def _check_amphoe(amphoe: str, amphoes: gpd.GeoDataFrame) -> str:
    codes = amphoes[schema.AMPHOE_CODE].tolist()
    if amphoe.lower() == ALL_AMPHOES:
        return ALL_AMPHOES
    if amphoe not in codes:
        raise ExportError(f"no amphoe {amphoe!r}; use a code of the province ({', '.join(codes)}) or 'all'")
    return amphoe


def _scenario(name: str | None, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame,
              saved: SavedWork) -> Scenario:
    if name is None:
        official = saved.official_scenario(schema.PROVINCE_CODE)
        if official is None:
            return default_scenario(villages, tambons)
        print(f"rollout export: exporting the province's official plan {official.name!r} (version "
              f"{official.version}); use --scenario NAME for another", file=sys.stderr)
        return official
    try:
        return saved.open_scenario(name)
    except KeyError as error:  # the store's UnknownScenarioError, whose message lists the saved scenarios
        raise ExportError(f"{error}; leave out --scenario for the default optimised plan") from error
