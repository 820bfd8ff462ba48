"""Machine-readable exports: CSV of the villages, GeoPackage and GeoJSON of villages and tambon polygons.

Column names are ASCII (the schema's names) so GIS and spreadsheet tools read them anywhere; values keep Thai text.
Every row carries the scenario's name, version and date and the province's code and names (from the registry), so a
file that travels alone still says which plan and which province it holds. Coordinates are EPSG:4326
(longitude/latitude) in every file: GeoJSON requires it (RFC 7946) and one CRS for all files avoids mixing them up
in QGIS. CSV is UTF-8 with a byte-order mark, which Excel needs to open Thai text correctly.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geodata import schema
from geodata.exports.cells import spreadsheet_frame
from geodata.exports.packet import PlanInfo, TambonRow, VillageRow

CSV_ENCODING = "utf-8-sig"
VILLAGE_LAYER = "villages"
TAMBON_LAYER = "tambons"
#: Village columns of the vector files, in order (geometry last where there is one).
VILLAGE_FIELDS = (schema.VILLAGE_CODE, schema.MOO, schema.VILLAGE_TH, schema.VILLAGE_EN, schema.TAMBON_CODE,
                  schema.TAMBON_TH, schema.TAMBON_EN, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN,
                  "wave", "locked", "reason", schema.LOCATION_QUALITY, schema.LON, schema.LAT)
PLAN_FIELDS = ("scenario", "scenario_version", "plan_date", schema.PROVINCE, schema.PROVINCE_TH, schema.PROVINCE_EN)
#: GeoPackage 1.2 opens without warnings in older GDAL/QGIS too (Debian's GDAL 3.6 warns about 1.4).
GPKG_VERSION = "1.2"


def villages_table(rows: Sequence[VillageRow], plan: PlanInfo) -> pd.DataFrame:
    """The villages with their wave as a plain table (what the CSV holds)."""
    frame = pd.DataFrame([[getattr(r, f) for f in VILLAGE_FIELDS] for r in rows], columns=list(VILLAGE_FIELDS))
    frame = frame.astype({schema.MOO: "int64", "locked": "bool", schema.LON: "float64", schema.LAT: "float64"})
    frame["wave"] = frame["wave"].astype("string")
    frame["reason"] = frame["reason"].astype("string")
    return _with_plan(frame, plan)


def villages_frame(rows: Sequence[VillageRow], plan: PlanInfo) -> gpd.GeoDataFrame:
    """The villages as points in EPSG:4326."""
    table = villages_table(rows, plan)
    geometry = gpd.points_from_xy(table[schema.LON], table[schema.LAT], crs=schema.GEOGRAPHIC_CRS)
    return gpd.GeoDataFrame(table, geometry=geometry, crs=schema.GEOGRAPHIC_CRS)


def tambons_frame(tambon_rows: Sequence[TambonRow], polygons: gpd.GeoDataFrame, plan: PlanInfo
                  ) -> gpd.GeoDataFrame:
    """The tambon polygons of `polygons` with their villages per wave (`wave_2549`...), `waves` and `split`."""
    by_code = {t.tambon_code: t for t in tambon_rows}
    frame = polygons[[schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN, schema.AMPHOE_CODE,
                      schema.AMPHOE_TH, schema.AMPHOE_EN, polygons.geometry.name]].copy()
    codes = frame[schema.TAMBON_CODE]
    frame["villages"] = [by_code[c].villages if c in by_code else 0 for c in codes]
    for wave in plan.waves:
        frame[f"wave_{wave}"] = [by_code[c].per_wave.get(wave, 0) if c in by_code else 0 for c in codes]
    frame["waves"] = [",".join(w for w, n in by_code[c].per_wave.items() if n) if c in by_code else ""
                      for c in codes]
    frame["split"] = [by_code[c].split if c in by_code else False for c in codes]
    frame = _with_plan(frame, plan)
    return gpd.GeoDataFrame(frame, geometry=polygons.geometry.name, crs=polygons.crs).to_crs(schema.GEOGRAPHIC_CRS)


def write_csv(rows: Sequence[VillageRow], plan: PlanInfo, path: Path) -> Path:
    """The villages as CSV, UTF-8 with BOM (Excel opens the Thai names correctly); no text a spreadsheet would
    run as a formula (geodata.exports.cells)."""
    table = spreadsheet_frame(villages_table(rows, plan))
    table.to_csv(path, index=False, encoding=CSV_ENCODING, lineterminator="\r\n")
    return path


def write_gpkg(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, plan: PlanInfo, path: Path) -> Path:
    """One GeoPackage with layers `villages` (points) and `tambons` (polygons), EPSG:4326."""
    path.unlink(missing_ok=True)
    description = _description(plan)
    pyogrio.write_dataframe(villages, path, layer=VILLAGE_LAYER, driver="GPKG",
                            dataset_options={"VERSION": GPKG_VERSION}, layer_options={"DESCRIPTION": description})
    pyogrio.write_dataframe(tambons, path, layer=TAMBON_LAYER, driver="GPKG", append=False,
                            layer_options={"DESCRIPTION": description})
    return path


def write_geojson(frame: gpd.GeoDataFrame, path: Path) -> Path:
    """A GeoJSON file (RFC 7946: EPSG:4326, 7 decimals, UTF-8)."""
    path.unlink(missing_ok=True)
    pyogrio.write_dataframe(frame, path, driver="GeoJSON", layer_options={"RFC7946": "YES"})
    return path


def _with_plan(frame: pd.DataFrame, plan: PlanInfo) -> pd.DataFrame:
    frame["scenario"] = plan.scenario
    frame["scenario_version"] = plan.version
    frame["plan_date"] = plan.date
    frame[schema.PROVINCE] = plan.province_code
    frame[schema.PROVINCE_TH] = plan.province_th
    frame[schema.PROVINCE_EN] = plan.province_en
    return frame


def _description(plan: PlanInfo) -> str:
    return (f"KM rollout plan: scenario {plan.scenario}, version {plan.version}, {plan.date}; "
            f"{plan.province_name('en')} ({plan.province_code})")
