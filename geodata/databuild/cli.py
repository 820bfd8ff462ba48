"""``rollout data``: build provinces' data sets from the national files, and list the provinces.

    rollout data build --province 34 --out DIR         DIR/34/villages.csv, tambon.geojson, ... and DIR/summary.csv
    rollout data build --province 34,83 --out DIR      several provinces
    rollout data build --province all --out DIR        every province with villages (76; Bangkok has none)
    rollout data provinces                             code, names, metric CRS and village count of each province
    rollout data nation [--workers 2]                  build the whole country into the cache (geodata.nation)

Bad input (an unknown province code, a folder that cannot be written) raises GeodataError, which ``rollout``
prints as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from geodata import nation, provinces
from geodata.databuild.cache import CACHE_DIR_VARIABLE
from geodata.databuild.every_province import build_every_province, write_summary_table
from geodata.databuild.province import build_province, write_province
from geodata.errors import GeodataError

ALL_PROVINCES = "all"


def add_data_command(commands: argparse._SubParsersAction) -> None:
    """Register ``data`` (with ``build`` and ``provinces``) on the ``rollout`` command's subparsers."""
    data = commands.add_parser("data", help="build provinces' data sets from the national files")
    actions = data.add_subparsers(dest="action", required=True)
    build = actions.add_parser("build", help="build one, several or all provinces into a folder")
    build.add_argument("--province", required=True,
                       help="2-digit province code(s), comma-separated, or 'all' (see 'rollout data provinces')")
    build.add_argument("--out", type=Path, required=True,
                       help="folder to write into: one sub-folder per province and summary.csv")
    build.add_argument("--workers", type=int, default=2, help="processes building in parallel (default 2)")
    build.set_defaults(run=run_build)
    listing = actions.add_parser("provinces", help="list every province's code, names and metric CRS")
    listing.set_defaults(run=run_provinces)
    whole = actions.add_parser("nation", help="build the whole country into the cache now (else on first use)")
    whole.add_argument("--workers", type=int, default=2, help="processes building provinces (default 2)")
    whole.set_defaults(run=run_nation)


def parse_provinces(text: str) -> tuple[str, ...]:
    """``"34,83"`` -> ``("34", "83")``, ``"all"`` -> every province with villages; GeodataError for a bad code."""
    if text.strip().lower() == ALL_PROVINCES:
        return tuple(p.code for p in provinces.provinces() if p.has_villages)
    codes = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if not codes:
        raise GeodataError("--province is empty; give a 2-digit province code such as 34, or 'all'")
    for code in codes:
        info = provinces.province(code)
        if not info.has_villages:
            raise GeodataError(f"province {info.label('en')} has no villages to build; choose another province")
    return codes


def run_build(args: argparse.Namespace) -> int:
    """Build the provinces asked for and write their folders and the summary table; one line per province."""
    started = time.perf_counter()
    codes = parse_provinces(args.province)
    if args.workers < 1:
        raise GeodataError(f"--workers {args.workers} must be 1 or more")
    try:
        if args.province.strip().lower() == ALL_PROVINCES:
            summaries = build_every_province(args.out, workers=args.workers)
        else:
            summaries = []
            for code in codes:
                build = build_province(code)
                write_province(build, args.out / code)
                summaries.append(build.summary)
            write_summary_table(summaries, args.out / "summary.csv")
    except OSError as error:
        raise GeodataError(f"cannot write {error.filename} ({error.strerror}); choose a writable --out folder"
                           ) from error
    for s in summaries:
        print(f"{s.province} {s.name_en}: {s.villages} villages, {s.located} located, {s.estimated} estimated "
              f"({s.metric_crs})", file=sys.stderr)
    print(f"data build: {len(summaries)} province(s) in {args.out} ({time.perf_counter() - started:.1f} s)",
          file=sys.stderr)
    return 0


def run_provinces(args: argparse.Namespace) -> int:
    """Print the registry as a tab-separated table on stdout."""
    print("code\tname_th\tname_en\tmetric_crs\tvillages")
    for p in provinces.provinces():
        print(f"{p.code}\t{p.name_th}\t{p.name_en}\t{p.metric_crs}\t{p.n_villages}")
    return 0


def run_nation(args: argparse.Namespace) -> int:
    """Build the nation into the cache (or find it there) and print its counts: run once after installing, so
    the first national view does not wait for the build."""
    started = time.perf_counter()
    if args.workers < 1:
        raise GeodataError(f"--workers {args.workers} must be 1 or more")
    try:
        folder = nation.nation_folder(workers=args.workers)
    except OSError as error:
        raise GeodataError(f"cannot write the build cache ({error.strerror}); set {CACHE_DIR_VARIABLE} to a "
                           f"writable folder") from error
    s = nation.national_summary()
    print(f"nation: {s.provinces} provinces, {s.amphoes} amphoe, {s.tambons:,} tambons ({s.tambons_with_villages:,} "
          f"with villages), {s.villages:,} villages ({s.located:,} located, {s.estimated:,} estimated) in "
          f"{folder} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0
