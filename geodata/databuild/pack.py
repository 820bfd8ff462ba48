"""Pack the national source layers into the compact files shipped in ``geodata/data/thailand/``.

Run once when the sources change (the output is committed; the product never reads the source folder):

    python -m geodata.databuild.pack SOURCE_DIR geodata/data/thailand

``SOURCE_DIR`` holds the DOPA gazetteer (``dopa/*.csv``), the tambon polygons (``tambon.gpkg``) and the 2012
village points (``village_points_2012.gpkg``), as described in geodata/data/SOURCES.md. Only the columns the data
build reads are kept; codes stay text; polygons are snapped to a 1e-6 degree grid (about 0.1 m, which keeps
shared borders shared and every polygon valid) and written as GeoJSON with six decimals; the large files are
gzip'd without a time stamp, so packing the same sources twice gives identical bytes.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geodata import schema

#: Grid (degrees) the shipped polygons and points are snapped to: 1e-6 degree is about 0.1 m.
GRID_DEGREES = 1e-6
COORDINATE_DECIMALS = 6
#: Where province centres are computed (metric, so the centroid is a true one; see _province_table).
_CENTRE_CRS = "EPSG:32647"

#: Shipped file names (inside geodata/data/thailand/).
PROVINCES_FILE = "provinces.csv"
AMPHOE_FILE = "amphoe.csv"
TAMBON_FILE = "tambon.csv.gz"
VILLAGES_FILE = "villages.csv.gz"
POLYGONS_FILE = "tambon_polygons.geojson.gz"
POINTS_FILE = "village_points_2012.csv.gz"


def pack_national(source: Path, out: Path) -> dict[str, int]:
    """Write the compact national files from ``source`` into ``out``; returns the size of each file in bytes."""
    out.mkdir(parents=True, exist_ok=True)
    dopa = source / "dopa"
    provinces = _read_codes(dopa / "provinces.csv")
    amphoes = _read_codes(dopa / "amphoe.csv")
    tambons = _read_codes(dopa / "tambon.csv")
    villages = _read_codes(dopa / "villages.csv")
    polygons = _snapped_polygons(gpd.read_file(source / "tambon.gpkg"))
    _write_csv(_province_table(provinces, amphoes, tambons, villages, polygons), out / PROVINCES_FILE)
    _write_csv(amphoes[["amphoe_code", "amphoe_th", "amphoe_en", "amphoe_type"]], out / AMPHOE_FILE)
    _write_csv(tambons[["tambon_code", "tambon_th", "tambon_en", "population_2021", "households_2021"]],
               out / TAMBON_FILE)
    _write_csv(villages[["village_code", "village_th", "village_en"]], out / VILLAGES_FILE)
    _write_polygons(polygons, out / POLYGONS_FILE)
    _write_points(gpd.read_file(source / "village_points_2012.gpkg"), out / POINTS_FILE)
    return {path.name: path.stat().st_size for path in sorted(out.iterdir()) if path.is_file()}


def _read_codes(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    data = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    _write_bytes(data, path)


def _write_bytes(data: bytes, path: Path) -> None:
    if path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)


def _snapped_polygons(polygons: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Tambon polygons with the DOPA code (P-code without ``TH``) and the Thai name, snapped to the grid."""
    codes = polygons["tambon_pcode"].str.removeprefix(schema.PCODE_PREFIX)
    geometry = shapely.set_precision(polygons.to_crs(schema.GEOGRAPHIC_CRS).geometry.to_numpy(), GRID_DEGREES)
    return gpd.GeoDataFrame({schema.TAMBON_CODE: codes, schema.TAMBON_TH: polygons["tambon_th"]},
                            geometry=geometry, crs=schema.GEOGRAPHIC_CRS).sort_values(schema.TAMBON_CODE,
                                                                                      ignore_index=True)


def _province_table(provinces: pd.DataFrame, amphoes: pd.DataFrame, tambons: pd.DataFrame,
                    villages: pd.DataFrame, polygons: gpd.GeoDataFrame) -> pd.DataFrame:
    """Names and counts from the gazetteer, centre and frame (lon/lat) from the tambon polygons.

    The centre is the centroid of the province's outline, taken in UTM 47N (any metric CRS would do at this
    scale: no province's centre lies within 0.1 degree of the 102 degree zone border); the registry takes the UTM
    zone from it.
    """
    outlines = polygons.assign(province_code=polygons[schema.TAMBON_CODE].str[:2]).dissolve("province_code")
    centres = outlines.geometry.to_crs(_CENTRE_CRS).centroid.to_crs(schema.GEOGRAPHIC_CRS)
    bounds = outlines.geometry.bounds
    table = provinces[["province_code", "province_th", "province_en"]].copy()
    code = table["province_code"]
    for name, frame, column in (("n_amphoe", amphoes, "province_code"), ("n_tambon", tambons, "province_code"),
                                ("n_villages", villages, "province_code")):
        table[name] = code.map(frame[column].value_counts()).fillna(0).astype(int)
    table["centre_lon"] = code.map(centres.x).round(COORDINATE_DECIMALS)
    table["centre_lat"] = code.map(centres.y).round(COORDINATE_DECIMALS)
    for ours, theirs in (("min_lon", "minx"), ("min_lat", "miny"), ("max_lon", "maxx"), ("max_lat", "maxy")):
        table[ours] = code.map(bounds[theirs]).round(COORDINATE_DECIMALS)
    return table


def _write_polygons(frame: gpd.GeoDataFrame, path: Path) -> None:
    buffer = io.BytesIO()
    frame.to_file(buffer, driver="GeoJSON", layer_options={"COORDINATE_PRECISION": COORDINATE_DECIMALS,
                                                           "RFC7946": "YES", "WRITE_NAME": "NO"})
    _write_bytes(buffer.getvalue(), path)


def _write_points(points: gpd.GeoDataFrame, path: Path) -> None:
    """The 2012 points: their id, Thai name, the tambon name they were recorded under, and lon/lat."""
    points = points.to_crs(schema.GEOGRAPHIC_CRS)
    frame = pd.DataFrame({
        "main_id": points["main_id"].astype("int64"),
        "name": points["name"].fillna(""),
        "tam_name": points["tam_name"].fillna(""),
        "lon": points.geometry.x.round(COORDINATE_DECIMALS),
        "lat": points.geometry.y.round(COORDINATE_DECIMALS),
    }).sort_values("main_id")
    _write_csv(frame, path)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m geodata.databuild.pack SOURCE_DIR OUT_DIR", file=sys.stderr)
        return 2
    sizes = pack_national(Path(argv[0]), Path(argv[1]))
    for name, size in sizes.items():
        print(f"{name}\t{size:,} bytes")
    print(f"total\t{sum(sizes.values()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
