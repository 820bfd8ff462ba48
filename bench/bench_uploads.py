"""Benchmark of oversized uploads: how long the village-list reader takes, and how much memory, to refuse them.

    .venv/bin/python bench/bench_uploads.py [--cases province,rows200k,csv50mb,...]

Issue 10 measured a 200,000-row village list at 26 s and 415 MB, and a 50 MB CSV at 563 MB: on a small shared
server one upload like that is a denial of service. Each case here builds the file once (from the embedded
villages, repeated), then reads it in a fresh Python process through the same function the Data page calls, and
prints the wall time of the call, the process's peak memory (VmHWM) and its baseline (the same process
after imports and loading the tambons, before the call), and how the call ended (the first line of the error).

Cases: `province` the embedded 1,553 villages as a planner's CSV (accepted: the normal cost); `rows200k`
200,000 villages (18.5 MB); `csv50mb` the embedded file's 25 columns repeated to 50 MB; `xlsx200k` 200,000
villages as a workbook; `boundaries50mb` the tambon GeoJSON repeated to 47 MB; `rows200k_small` and
`xlsx200k_small` 200,000 rows (one cell each in the CSV, five in the workbook), small enough to pass the
byte limit, so the row count has to stop them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = ("province", "rows200k", "csv50mb", "xlsx200k", "boundaries50mb", "rows200k_small", "xlsx200k_small")

#: Runs in the child process: read one file, report seconds, peak memory and the outcome as JSON.
CHILD = r"""
import json, sys, time
from pathlib import Path
import geodata
from geodata.uploads import read_boundaries, read_village_list
path = Path(sys.argv[1])
tambons = geodata.load_tambons()
villages = geodata.load_villages()
data = path.read_bytes()
def peak_mb():  # VmHWM: this process's own peak (ru_maxrss would keep the parent's peak across exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
baseline = peak_mb()
started = time.perf_counter()
try:
    if path.suffix in (".geojson", ".json", ".gpkg", ".zip"):
        result = read_boundaries(data, path.name)
    else:
        result = read_village_list(data, path.name, tambons, known_points=villages)
    outcome = f"accepted {len(result)} rows"
except Exception as error:
    outcome = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    lines = str(error).splitlines()
    if len(lines) > 1:
        outcome += " | " + lines[1][:200]
seconds = time.perf_counter() - started
peak = peak_mb()
print(json.dumps({"seconds": seconds, "peak_mb": peak, "baseline_mb": baseline, "outcome": outcome}))
"""


def upload_rows(count: int) -> tuple[list[list[str]], list[str]]:
    """`count` village-list rows (the upload columns) cycling through the embedded villages."""
    import geodata
    from geodata import schema

    villages = geodata.load_villages()
    columns = [*schema.UPLOAD_REQUIRED_COLUMNS, schema.VILLAGE_EN, schema.LAT, schema.LON]
    base = villages[columns].astype(object).where(villages[columns].notna(), "").astype(str).values.tolist()
    return [base[i % len(base)] for i in range(count)], columns


def build(case: str, folder: Path) -> Path:
    """The file of one case (built once per folder)."""
    import csv

    import geodata

    if case == "province":
        path = folder / "villages_province.csv"
        rows, header = upload_rows(1553)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        return path
    if case in ("rows200k_small", "xlsx200k_small"):
        header = ["village_code", "moo", "village_th", "tambon_code", "amphoe_code"]
        rows = [[f"8001{6 + i % 3:02d}{1 + i % 20:02d}", str(1 + i % 20), "ก", f"8001{6 + i % 3:02d}", "8001"]
                for i in range(200_000)]
        if case == "rows200k_small":  # one cell per row (short rows are allowed), to stay under 5 MB
            path = folder / "villages_200k_small.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(row[:1] for row in rows)
            return path
        from openpyxl import Workbook

        path = folder / "villages_200k_small.xlsx"
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        book.save(path)
        return path
    if case == "rows200k":
        path = folder / "villages_200k.csv"
        rows, header = upload_rows(200_000)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        return path
    if case == "csv50mb":
        path = folder / "villages_50mb.csv"
        text = (Path(geodata.__file__).parent / "data" / "villages.csv").read_text(encoding="utf-8")
        header, _, body = text.partition("\n")
        with path.open("w", encoding="utf-8") as handle:
            handle.write(header + "\n")
            while handle.tell() < 50 * 1024 * 1024:
                handle.write(body)
        return path
    if case == "xlsx200k":
        from openpyxl import Workbook

        path = folder / "villages_200k.xlsx"
        rows, header = upload_rows(200_000)
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        book.save(path)
        return path
    if case == "boundaries50mb":
        path = folder / "tambons_50mb.geojson"
        features = json.loads((Path(geodata.__file__).parent / "data" / "tambon.geojson").read_text("utf-8"))
        copies = []
        while len(json.dumps({"type": "FeatureCollection", "features": copies[:1]})) * len(copies) < 50e6:
            copies += features["features"]
            if len(copies) > 5000:
                break
        path.write_text(json.dumps({"type": "FeatureCollection", "features": copies}), encoding="utf-8")
        return path
    raise SystemExit(f"unknown case {case!r}; choose from {', '.join(CASES)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--keep", type=Path, default=None, help="build the files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for case in args.cases.split(","):
            path = build(case.strip(), folder)
            size = path.stat().st_size / 1024 / 1024
            run = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                 cwd=ROOT, check=False)
            if run.returncode != 0:
                print(f"{case}: child failed\n{run.stderr}", file=sys.stderr)
                return 1
            result = json.loads(run.stdout.strip().splitlines()[-1])
            print(f"{case:>15}: {size:6.1f} MB file, {result['seconds']:6.2f} s, peak {result['peak_mb']:5.0f} MB "
                  f"(baseline {result['baseline_mb']:4.0f} MB, +{result['peak_mb'] - result['baseline_mb']:4.0f} MB)"
                  f" -> {result['outcome']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
