"""Benchmark of the data build: every province from the national files, and province 80 against today's set.

    .venv/bin/python bench/bench_databuild.py [--workers 2] [--out DIR] [--markdown]

Target (issue 13): the national build in under 5 minutes on the 2-core machine. Prints the wall time (the
workers read the national files themselves, so that is included), the shipped size of the national files,
the national totals (villages, located, estimated), 2012 points taken by two provinces' builds, and for
province 80 the figures the issue asks for: amphoe, tambons, village codes, population against the embedded
set, villages located, and how many of today's located villages the build puts within 100 m of today's point.
With --markdown it also prints the per-province table for geodata/data/SOURCES.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 300.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="keep the built files here (default: a temp folder)")
    parser.add_argument("--markdown", action="store_true", help="print the per-province table as Markdown")
    args = parser.parse_args()

    from geodata.databuild.every_province import build_every_province
    from geodata.databuild.national import SHIPPED_FILES, national_file

    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        started = time.perf_counter()
        summaries = build_every_province(out, workers=args.workers)
        seconds = time.perf_counter() - started
        shipped = sum(national_file(name).stat().st_size for name in SHIPPED_FILES)
        villages = sum(s.villages for s in summaries)
        located = sum(s.located for s in summaries)
        print(f"national build: {len(summaries)} provinces in {seconds:.1f} s with {args.workers} workers "
              f"(target < {TARGET_SECONDS:.0f} s: {'met' if seconds < TARGET_SECONDS else 'MISSED'})")
        print(f"shipped national files: {shipped / 1e6:.2f} MB")
        print(f"villages {villages:,}: located {located:,} ({100 * located / villages:.1f} %), "
              f"estimated {villages - located:,}")
        print(f"2012 points taken by two provinces' builds: {_shared_points(out, summaries)}")
        _province_80(out / "80")
        if args.markdown:
            _markdown(summaries)
    return 0


def _shared_points(out: Path, summaries) -> int:
    import pandas as pd

    used: Counter[str] = Counter()
    for s in summaries:
        table = pd.read_csv(out / s.province / "villages.csv", dtype=str, usecols=["src2012_main_id"])
        used.update(table["src2012_main_id"].dropna())
    return sum(1 for count in used.values() if count > 1)


def _province_80(folder: Path) -> None:
    import geopandas as gpd

    from geodata import embedded, provinces, schema
    from geodata.databuild.province import AMPHOE_FILE, TAMBON_FILE, VILLAGES_FILE

    ours = embedded.read_village_table(folder / VILLAGES_FILE).set_index(schema.VILLAGE_CODE)
    today = embedded.read_village_table(embedded.data_file("villages.csv")).set_index(schema.VILLAGE_CODE)
    tambons, amphoes = embedded.read_tambons(folder / TAMBON_FILE), embedded.read_amphoes(folder / AMPHOE_FILE)
    metric = provinces.metric_crs("80")

    def points(frame, rows):
        return gpd.GeoSeries.from_xy(frame.loc[rows, schema.LON].astype(float),
                                     frame.loc[rows, schema.LAT].astype(float),
                                     crs=schema.GEOGRAPHIC_CRS).to_crs(metric)

    both = ours.index[ours[schema.LAT].notna() & today[schema.LAT].notna()]
    close = int((points(ours, both).distance(points(today, both)) <= 100).sum())
    same_population = (tambons.set_index(schema.TAMBON_CODE)[schema.POPULATION].sort_index().equals(
        embedded.load_tambons().set_index(schema.TAMBON_CODE)[schema.POPULATION].sort_index()))
    located, today_located = int(ours[schema.LAT].notna().sum()), int(today[schema.LAT].notna().sum())
    print(f"province 80: {len(amphoes)} amphoe, {len(tambons)} tambons, {len(ours)} villages "
          f"(same codes as today: {list(ours.index) == list(today.index)}), population "
          f"{tambons[schema.POPULATION].sum():,} (same per tambon as today: {same_population})")
    print(f"province 80: located {located} ({100 * located / len(ours):.1f} %), today {today_located} "
          f"({100 * today_located / len(today):.1f} %); located both ways {len(both)}, of which {close} "
          f"within 100 m of today's point; located only today {int(today[schema.LAT].notna().sum()) - len(both)}, "
          f"only by the build {located - len(both)}")


def _markdown(summaries) -> None:
    print("\n| code | province | CRS | villages | located | estimated | located % |")
    print("|---|---|---|---:|---:|---:|---:|")
    for s in summaries:
        print(f"| {s.province} | {s.name_th} · {s.name_en} | {s.metric_crs.removeprefix('EPSG:')} | "
              f"{s.villages:,} | {s.located:,} | {s.estimated:,} | {100 * s.located / s.villages:.1f} |")
    villages, located = sum(s.villages for s in summaries), sum(s.located for s in summaries)
    print(f"| | **all {len(summaries)} provinces** | | **{villages:,}** | **{located:,}** | "
          f"**{villages - located:,}** | **{100 * located / villages:.1f}** |")


if __name__ == "__main__":
    sys.exit(main())
