"""Benchmark of the nation as a data set and of its map layers: first build, cached read, layer payloads.

    .venv/bin/python bench/bench_nation.py [--workers 2] [--cache DIR] [--json results.json]

1. The first build of the nation (``geodata.nation``) in an empty cache folder (a temporary one unless --cache
   names one): every province built from the national files by the worker processes, then assembled, dissolved
   into provinces, its adjacency computed and written as GeoParquet. Wall seconds and the CPU seconds of the
   workers (the wall time depends on what else the 2 cores are doing; the CPU time much less).
2. Reading the cached nation in a fresh process: seconds and peak memory (ru_maxrss).
3. The payload of every map layer of the national view (``geodata.national_layers``, bytes of JSON as folium
   embeds them): the provinces, and for every province its amphoe, tambons and villages; the largest national
   map (provinces plus one province's three layers) against ``MAP_PAYLOAD_BUDGET``.
4. One province's packets of the default national plan (Nakhon Ratchasima, every format), seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXPORT_PROVINCE = "30"


def first_build(workers: int) -> dict:
    from geodata import nation

    started = time.perf_counter()
    folder = nation.nation_folder(workers=workers)
    seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    size = sum(path.stat().st_size for path in folder.iterdir())
    return {"seconds": seconds, "worker_cpu_seconds": children.ru_utime + children.ru_stime,
            "cache_mb": size / 1e6}


def cached_read() -> dict:
    started = time.perf_counter()
    from geodata import nation

    summary = nation.national_summary()
    return {"seconds": time.perf_counter() - started, "summary": summary.__dict__,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def payloads() -> dict:
    from geodata import national_layers, provinces

    started = time.perf_counter()
    national = national_layers.payload_bytes(national_layers.province_layer())
    rows = []
    for province in provinces.provinces():
        if not province.has_villages:
            continue
        code = province.code
        sizes = {"amphoe": national_layers.payload_bytes(national_layers.amphoe_layer(code)),
                 "tambon": national_layers.payload_bytes(national_layers.tambon_layer(code)),
                 "village": national_layers.payload_bytes(national_layers.village_layer(code))}
        rows.append({"province": code, "name_en": province.name_en, "villages": province.n_villages, **sizes,
                     "map_total": national + sum(sizes.values())})
    rows.sort(key=lambda r: -r["map_total"])
    return {"provinces_layer": national, "largest": rows[:5], "seconds": time.perf_counter() - started,
            "budget": national_layers.MAP_PAYLOAD_BUDGET}


def province_export() -> dict:
    from geodata import nation
    from geodata.exports.national import export_national_plan_province
    from geodata.national_plan import default_national_scenario

    villages, tambons = nation.load_national_villages(), nation.load_national_tambons()
    planned = time.perf_counter()
    scenario = default_national_scenario(villages, tambons)
    exported = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        result = export_national_plan_province(scenario, EXPORT_PROVINCE, Path(out))
        files = len(result.files)
    return {"plan_seconds": exported - planned, "export_seconds": time.perf_counter() - exported, "files": files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="cache folder to build into (default: a temporary one)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step = {"build": lambda: first_build(args.workers), "read": cached_read, "payloads": payloads,
                "export": province_export}[args.child]
        print(json.dumps(step(), ensure_ascii=False))
        return
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "ROLLOUT_CACHE_DIR": str(args.cache or scratch)}
        results = {}
        for step in ("build", "read", "payloads", "export"):
            done = subprocess.run([sys.executable, __file__, "--child", step, "--workers", str(args.workers)],
                                  capture_output=True, text=True, check=True, env=env)
            results[step] = json.loads(done.stdout.strip().splitlines()[-1])
    build, read, sizes, export = results["build"], results["read"], results["payloads"], results["export"]
    print(f"first build: {build['seconds']:.1f} s wall with {args.workers} workers ({build['worker_cpu_seconds']:.1f} "
          f"CPU s in the workers); cache {build['cache_mb']:.1f} MB")
    print(f"cached read in a new process: {read['seconds']:.2f} s, peak {read['peak_rss_mb']:.0f} MB; "
          f"{read['summary']}")
    print(f"layers: provinces {sizes['provinces_layer'] / 1e3:.0f} kB; the largest national maps "
          f"(budget {sizes['budget'] / 1e6:.1f} MB), all {sizes['seconds']:.1f} s:")
    print(f"  {'province':24} {'villages':>8} {'amphoe kB':>9} {'tambon kB':>9} {'village kB':>10} {'map kB':>7}")
    for r in sizes["largest"]:
        print(f"  {r['province'] + ' ' + r['name_en']:24} {r['villages']:>8} {r['amphoe'] / 1e3:>9.0f} "
              f"{r['tambon'] / 1e3:>9.0f} {r['village'] / 1e3:>10.0f} {r['map_total'] / 1e3:>7.0f}")
    print(f"default national plan {export['plan_seconds']:.1f} s; province {EXPORT_PROVINCE}'s packets of it: "
          f"{export['files']} files in {export['export_seconds']:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
