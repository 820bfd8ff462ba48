"""Benchmark of the district exports: all 23 amphoe packets and the province files, in every format.

    .venv/bin/python bench/bench_exports.py [--formats xlsx,pdf,csv,gpkg,geojson] [--out DIR] [--zip]

Target (issue 7): every amphoe packet in every format in under 60 s on the 2-core machine. The plan is the
default optimised plan of the embedded province, computed before the clock starts (planning is not an
export cost). Prints seconds per format (the map drawing is part of the PDF time and also shown alone), the
total wall time, the number of files and their size.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 60.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="xlsx,pdf,csv,gpkg,geojson")
    parser.add_argument("--out", type=Path, default=None, help="keep the files here (default: a temp folder)")
    parser.add_argument("--zip", action="store_true", help="also write the zip of everything")
    args = parser.parse_args()

    import geodata
    from geodata.exports.packets import export_plan
    from geodata.plans import default_scenario

    villages, tambons, amphoes = geodata.load_villages(), geodata.load_tambons(), geodata.load_amphoes()
    with contextlib.redirect_stdout(io.StringIO()):  # the solver's log
        scenario = default_scenario(villages, tambons)
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        started = time.perf_counter()
        result = export_plan(scenario, villages, tambons, amphoes, out, formats=args.formats, make_zip=args.zip)
        total = time.perf_counter() - started
        size = sum(f.path.stat().st_size for f in result.files)
    for fmt, seconds in result.seconds.items():
        print(f"{fmt:>8}: {seconds:6.2f} s")
    print(f"{'total':>8}: {total:6.2f} s for {len(result.files)} files ({size / 1e6:.1f} MB), "
          f"target < {TARGET_SECONDS:.0f} s: {'met' if total < TARGET_SECONDS else 'MISSED'}")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
