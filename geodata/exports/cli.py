"""``rollout export``: the plan files of one amphoe or of all of them, from the command line.

    rollout export [--scenario NAME] [--amphoe 8001|all] [--format xlsx,pdf,csv,gpkg,geojson] --out DIR [--zip]

Without ``--scenario`` the province's official plan is exported, or the default optimised plan of the embedded
province when no plan is official; a named scenario is read from the database the dashboard uses
(``ROLLOUT_DATABASE_URL``, else the file in the user's data folder), and so are the planners' location
corrections and who made the plan official, so the files match the dashboard's Export page. Bad
input (unknown scenario, amphoe or format, an --out that cannot be written) raises ExportError, which ``rollout``
prints as one line (exit 2). Everything is checked before any file is written, and the files are built in a
temporary folder moved into --out at the end, so a failure leaves --out as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import geopandas as gpd

import store
from geodata import embedded, limits, schema
from geodata.corrections import apply_corrections
from geodata.errors import GeodataError
from geodata.exports.errors import ExportError
from geodata.exports.formats import ALL_AMPHOES, FORMATS, parse_formats
from geodata.exports.packet import approval_of
from geodata.output_paths import check_output_folder, staged_folder
from geodata.plans import EMBEDDED_DATASET, default_scenario


def add_export_command(commands: argparse._SubParsersAction) -> None:
    """Register ``export`` on the ``rollout`` command's subparsers."""
    export = commands.add_parser("export", help="write each amphoe's plan files (XLSX, PDF, CSV, GeoPackage)")
    export.add_argument("--scenario", help="saved scenario name (default: the province's official plan, else the "
                                           "default optimised plan)")
    export.add_argument("--amphoe", default=ALL_AMPHOES,
                        help="amphoe code such as 8001, or 'all' for every amphoe plus the province (default)")
    export.add_argument("--format", default=",".join(FORMATS),
                        help=f"comma-separated formats from {','.join(FORMATS)} (default: all)")
    export.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    export.add_argument("--zip", action="store_true", help="also write one zip of everything written")
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Check the arguments, load the plan and write the files; one summary line on stderr."""
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
    database = store.open_store()
    scenario = _scenario(args.scenario, villages, tambons, database)
    approval = approval_of(database.scenario_history(scenario.name)) if scenario.official else None
    # The planners' location corrections, as the dashboard shows them: the same files from both.
    villages = apply_corrections(villages, tambons, database.location_corrections())
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
              database: store.Store) -> store.Scenario:
    if name is None:
        official = database.official_scenario(schema.PROVINCE_CODE)
        if official is None:
            return default_scenario(villages, tambons)
        print(f"rollout export: exporting the province's official plan {official.name!r} (version "
              f"{official.version}); use --scenario NAME for another", file=sys.stderr)
        return official
    try:
        return database.open_scenario(name)
    except store.UnknownScenarioError as error:
        raise ExportError(f"{error}; leave out --scenario for the default optimised plan") from error
