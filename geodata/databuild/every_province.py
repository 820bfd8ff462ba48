"""Build every province with villages into one folder, in parallel, with a summary table.

    OUT/34/villages.csv, OUT/34/tambon.geojson, ...   one folder per province (geodata.databuild.province layout)
    OUT/summary.csv                                    one row per province: villages, located, estimated, ...

Provinces are independent, so they are built by a pool of worker processes (each reads the national files once);
the largest go first so the pool finishes evenly. The output does not depend on the number of workers.
"""

from __future__ import annotations

import csv
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

from geodata import provinces
from geodata.databuild.matching import TIERS
from geodata.databuild.province import BuildSummary, build_province, write_province

SUMMARY_TABLE = "summary.csv"
SUMMARY_COLUMNS = ("province", "name_th", "name_en", "metric_crs", "amphoes", "tambons", "tambons_with_villages",
                   "villages", "located", "estimated", "located_percent", *TIERS, "max_distance_m", "population",
                   "households", "seconds")


def buildable_provinces() -> tuple[str, ...]:
    """Codes of the provinces that have villages (all but Bangkok), in code order."""
    return tuple(p.code for p in provinces.provinces() if p.has_villages)


def build_every_province(out: Path, *, workers: int | None = None) -> tuple[BuildSummary, ...]:
    """Build and write every province with villages under ``out``; returns the summaries in code order."""
    out.mkdir(parents=True, exist_ok=True)
    codes = sorted(buildable_provinces(), key=lambda c: (-provinces.province(c).n_villages, c))
    workers = max(1, workers or min(2, os.cpu_count() or 1))
    if workers == 1:
        summaries = [_build_and_write(code, out) for code in codes]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            summaries = list(pool.map(_build_and_write, codes, [out] * len(codes)))
    summaries.sort(key=lambda s: s.province)
    write_summary_table(summaries, out / SUMMARY_TABLE)
    return tuple(summaries)


def _build_and_write(code: str, out: Path) -> BuildSummary:
    build = build_province(code)
    write_province(build, out / code)
    return build.summary


def summary_rows(summaries: list[BuildSummary] | tuple[BuildSummary, ...]) -> list[dict[str, object]]:
    """One row per province with the columns of SUMMARY_COLUMNS."""
    rows = []
    for summary in summaries:
        row = asdict(summary)
        row.update(row.pop("by_tier"))
        row["located_percent"] = round(100 * summary.located / summary.villages, 1) if summary.villages else 0.0
        rows.append({column: row[column] for column in SUMMARY_COLUMNS})
    return rows


def write_summary_table(summaries: list[BuildSummary] | tuple[BuildSummary, ...], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(summary_rows(summaries))
