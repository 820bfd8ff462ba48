"""``rollout export``: the plan files of one amphoe or of all of them, from the command line.

    rollout export [--province CODE] [--scenario NAME] [--amphoe 8001|all] [--format xlsx,pdf,csv,gpkg,geojson]
                   --out DIR [--zip]
    rollout export --province nation --for-province CODE[,CODE...] [--scenario NAME] [--amphoe ...] --out DIR

``--province`` chooses the province (default: the default province of the registry). ``--province nation``
exports a national plan the way it reaches the provinces: each province named by ``--for-province`` gets its
packets (``geodata.exports.national``) in a folder of its own, ``DIR/<code>_<Province>/``, laid out like a
province's own export. The provinces are named rather than all built at once: a province office needs only its
own, and the 76 provinces' files would take roughly half an hour (Nakhon Ratchasima's alone take 85 s, bench_nation).

Without ``--scenario`` the province's official plan is exported, or the default optimised plan of the province (or
of the nation) when no plan is official; a named scenario is read from the database the dashboard uses
(``ROLLOUT_DATABASE_URL``, else the file in the user's data folder), and so are the planners' location corrections
and who made the plan official, so the files match the dashboard's Export page. The saved work comes through the
service layer (`SavedWork`, given by `service.cli`); this module never touches the store. Bad
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

from geodata import limits, province_choice, province_data, provinces, schema
from geodata.corrections import CorrectedPoint, apply_corrections
from geodata.errors import GeodataError, WordedError
from geodata.exports.errors import ExportError
from geodata.exports.formats import ALL_AMPHOES, FORMATS, parse_formats
from geodata.exports.packet import HistoryEntry, approval_of
from geodata.exports.text import safe_name
from geodata.output_paths import check_output_folder, staged_folder
from geodata.plans import default_scenario
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
    province_choice.add_province_option(export)
    export.add_argument("--for-province", dest="for_province", metavar="CODE[,CODE...]",
                        help=f"with --province {provinces.NATION}: the provinces whose packets of the national plan "
                             "to write, one folder each")
    export.add_argument("--scenario", help="saved scenario name (default: the province's official plan, else the "
                                           "default optimised plan)")
    export.add_argument("--amphoe", default=ALL_AMPHOES,
                        help="amphoe code of the province (4 digits), or 'all' for every amphoe plus the province "
                             "(default)")
    export.add_argument("--format", default=",".join(FORMATS),
                        help=f"comma-separated formats from {','.join(FORMATS)} (default: all)")
    export.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    export.add_argument("--zip", action="store_true", help="also write one zip of everything written")
    export.set_defaults(run=lambda args: run_export(args, saved_work))


def run_export(args: argparse.Namespace, saved_work: Callable[[], SavedWork]) -> int:
    """Check the arguments, load the plan and write the files; one summary line on stderr."""
    from geodata.exports.packets import export_plan  # the writers (matplotlib, fpdf2, openpyxl) load in ~1 s

    started = time.perf_counter()
    formats = parse_formats(args.format)
    choice = province_choice.parse_province(args.province)
    if choice == provinces.NATION:
        return _run_national_export(args, formats, started, saved_work)
    if args.for_province is not None:
        raise WordedError("province.for_province_alone", nation=provinces.NATION)
    data = province_choice.load_plan_data(choice)
    villages, tambons, amphoes = data.villages, data.tambons, data.amphoes
    amphoe = _check_amphoe(str(args.amphoe).strip(), amphoes)
    _check_name_and_out(args)
    saved = saved_work()
    scenario = _scenario(args.scenario, choice, villages, tambons, saved)
    approval = approval_of(saved.scenario_history(scenario.name)) if scenario.official else None
    # The planners' location corrections, as the dashboard shows them: the same files from both.
    villages = apply_corrections(villages, tambons, saved.location_corrections())
    if scenario.dataset != data.dataset:
        print(f"rollout export: scenario {scenario.name!r} was planned on data set {scenario.dataset!r}; "
              f"exporting it with the data set of {province_choice.label(choice)} ({data.dataset!r})",
              file=sys.stderr)
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


def _run_national_export(args: argparse.Namespace, formats: tuple[str, ...], started: float,
                         saved_work: Callable[[], SavedWork]) -> int:
    """Each --for-province province's packets of a national plan, in DIR/<code>_<Province>/."""
    from geodata.exports.national import export_national_plan_province

    if args.for_province is None:
        raise WordedError("province.needs_for_province")
    codes = province_choice.parse_provinces(args.for_province)
    amphoe = str(args.amphoe).strip()
    if amphoe.lower() == ALL_AMPHOES:
        amphoe = ALL_AMPHOES
    elif len(codes) != 1 or amphoe[:2] != codes[0]:
        raise ExportError(f"--amphoe {amphoe!r} with --for-province {args.for_province}: give one province and one "
                          "of its amphoe codes, or --amphoe all")
    _check_name_and_out(args)
    saved = saved_work()
    if args.scenario is None:
        from geodata.national_plan import default_national_scenario

        nation = province_choice.load_plan_data(provinces.NATION)
        scenario = default_national_scenario(nation.villages, nation.tambons)
    else:
        scenario = _open(args.scenario, saved)
    corrections = saved.location_corrections()
    written, zips = 0, []
    try:
        with staged_folder(args.out) as stage:
            for code in codes:
                villages, tambons = province_data.load_villages(code), province_data.load_tambons(code)
                amphoes = province_data.load_amphoes(code)
                if amphoe != ALL_AMPHOES:
                    _check_amphoe(amphoe, amphoes)
                folder = f"{code}_{safe_name(provinces.province(code).name_en)}"
                result = export_national_plan_province(
                    scenario, code, stage / folder, amphoe=amphoe, formats=formats, make_zip=args.zip,
                    data=(apply_corrections(villages, tambons, corrections), tambons, amphoes))
                written += len(result.files)
                zips += [f"{folder}/{result.zip_path.name}"] if result.zip_path else []
    except OSError as error:
        raise ExportError(f"cannot write in {args.out} ({error.strerror}); nothing was written, choose a writable "
                          "--out folder") from error
    zipped = f"; zips {', '.join(zips)}" if zips else ""
    print(f"export: {scenario.name!r} for {len(codes)} province(s): {written} files in {args.out}{zipped} "
          f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


def _check_name_and_out(args: argparse.Namespace) -> None:
    if args.scenario is not None and len(args.scenario) > limits.NAME_MAX_CHARS:
        raise ExportError(f"--scenario: {limits.length_message('scenario name', args.scenario, limits.NAME_MAX_CHARS)}"
                          "; give the name of a saved scenario")
    try:
        check_output_folder(args.out, "--out")
    except GeodataError as error:
        raise ExportError(str(error)) from error


def _check_amphoe(amphoe: str, amphoes: gpd.GeoDataFrame) -> str:
    codes = amphoes[schema.AMPHOE_CODE].tolist()
    if amphoe.lower() == ALL_AMPHOES:
        return ALL_AMPHOES
    if amphoe not in codes:
        raise ExportError(f"no amphoe {amphoe!r}; use a code of the province ({', '.join(codes)}) or 'all'")
    return amphoe


def _scenario(name: str | None, province: str, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame,
              saved: SavedWork) -> Scenario:
    if name is None:
        official = saved.official_scenario(province)
        if official is None:
            return default_scenario(villages, tambons)
        print(f"rollout export: exporting the province's official plan {official.name!r} (version "
              f"{official.version}); use --scenario NAME for another", file=sys.stderr)
        return official
    return _open(name, saved)


def _open(name: str, saved: SavedWork) -> Scenario:
    try:
        return saved.open_scenario(name)
    except KeyError as error:  # the store's UnknownScenarioError, whose message lists the saved scenarios
        raise ExportError(f"{error}; leave out --scenario for the default optimised plan") from error
