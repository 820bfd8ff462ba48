"""The national files the data build reads (``geodata/data/thailand/``, written by ``geodata.databuild.pack``).

Read once per process. Codes are text. Two things are settled here, once for every province:
- which tambon polygon each 2012 village point lies in (a spatial join against every polygon of the country, so
  a point just across a province border is known to lie outside);
- a polygon whose code the gazetteer no longer has is given the code of the gazetteer tambon of the same
  province and the same Thai name that has villages but no polygon (a tambon moved to another amphoe keeps its
  land but gets a new code: 530306 ท่าแฝก of amphoe Tha Pla is 530407 of amphoe Nam Pat today). Only one-to-one
  pairs are recoded; anything else is left alone and reported by the build.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
from dataclasses import dataclass
from importlib import resources

import geopandas as gpd
import pandas as pd

from geodata import schema
from geodata.databuild import pack
from geodata.databuild.names import normalise_name

#: Folder of the shipped national files inside the package.
NATIONAL_FOLDER = "thailand"
#: Column of the 2012 points holding the code of the (current) tambon polygon each one lies in ("" = none).
POINT_TAMBON = "in_tambon"
POINT_ID = "main_id"
POINT_NAME = "name"
POINT_TAMBON_NAME = "tam_name"


@dataclass(frozen=True)
class NationalData:
    """The gazetteer tables (text codes), the tambon polygons and the 2012 points, all in EPSG:4326.

    ``recoded`` lists the polygons given a current code: (code in the boundary file, gazetteer code).
    """

    provinces: pd.DataFrame
    amphoes: pd.DataFrame
    tambons: pd.DataFrame
    villages: pd.DataFrame
    polygons: gpd.GeoDataFrame
    points: gpd.GeoDataFrame
    recoded: tuple[tuple[str, str], ...]


def national_file(name: str):
    """A path-like handle to one shipped national file (importlib.resources, so it works from a wheel too)."""
    return resources.files("geodata") / "data" / NATIONAL_FOLDER / name


SHIPPED_FILES = (pack.PROVINCES_FILE, pack.AMPHOE_FILE, pack.TAMBON_FILE, pack.VILLAGES_FILE, pack.POLYGONS_FILE,
                 pack.POINTS_FILE)


@functools.cache
def input_digest() -> str:
    """SHA-256 of every shipped national file, in a fixed order: changes whenever the build's input does."""
    digest = hashlib.sha256()
    for name in SHIPPED_FILES:
        digest.update(name.encode())
        digest.update(national_file(name).read_bytes())
    return digest.hexdigest()


@functools.cache
def national_data() -> NationalData:
    """Everything the build reads, loaded once per process (callers must not modify the frames)."""
    provinces = _read_table(pack.PROVINCES_FILE)
    amphoes = _read_table(pack.AMPHOE_FILE)
    tambons = _read_table(pack.TAMBON_FILE)
    for column in ("population_2021", "households_2021"):
        tambons[column] = tambons[column].astype("int64")
    tambons[schema.AMPHOE_CODE] = tambons[schema.TAMBON_CODE].str[:4]
    villages = _read_table(pack.VILLAGES_FILE)
    villages[schema.TAMBON_CODE] = villages[schema.VILLAGE_CODE].str[:6]
    villages[schema.MOO] = villages[schema.VILLAGE_CODE].str[6:].astype("int64")
    polygons, recoded = _recode_orphans(_read_polygons(), tambons, villages)
    points = _read_points(polygons)
    return NationalData(provinces=provinces, amphoes=amphoes, tambons=tambons, villages=villages,
                        polygons=polygons, points=points, recoded=recoded)


def _read_bytes(name: str) -> bytes:
    data = national_file(name).read_bytes()
    return gzip.decompress(data) if name.endswith(".gz") else data


def _read_table(name: str) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(_read_bytes(name)), dtype=str, keep_default_na=False)


def _read_polygons() -> gpd.GeoDataFrame:
    frame = gpd.read_file(io.BytesIO(_read_bytes(pack.POLYGONS_FILE)))
    frame[schema.TAMBON_CODE] = frame[schema.TAMBON_CODE].astype(str)
    return frame.set_crs(schema.GEOGRAPHIC_CRS, allow_override=True)


def _recode_orphans(polygons: gpd.GeoDataFrame, tambons: pd.DataFrame, villages: pd.DataFrame
                    ) -> tuple[gpd.GeoDataFrame, tuple[tuple[str, str], ...]]:
    """Give a polygon the gazetteer has no code for the code of the one same-named homeless tambon (see above)."""
    codes = polygons[schema.TAMBON_CODE]
    orphans = polygons[~codes.isin(set(tambons[schema.TAMBON_CODE]))]
    homeless = tambons[tambons[schema.TAMBON_CODE].isin(set(villages[schema.TAMBON_CODE]))
                       & ~tambons[schema.TAMBON_CODE].isin(set(codes))]
    by_place: dict[tuple[str, str], list] = {}
    for index, code, name in zip(orphans.index, orphans[schema.TAMBON_CODE], orphans[schema.TAMBON_TH],
                                 strict=True):
        by_place.setdefault(_place(code, name), []).append(index)
    wanted: dict[tuple[str, str], list[str]] = {}
    for code, name in zip(homeless[schema.TAMBON_CODE], homeless[schema.TAMBON_TH], strict=True):
        wanted.setdefault(_place(code, name), []).append(code)
    out = polygons.copy()
    recoded = []
    for place, new_codes in sorted(wanted.items()):
        found = by_place.get(place, [])
        if len(found) == 1 and len(new_codes) == 1:
            recoded.append((out.at[found[0], schema.TAMBON_CODE], new_codes[0]))
            out.at[found[0], schema.TAMBON_CODE] = new_codes[0]
    return out.sort_values(schema.TAMBON_CODE, ignore_index=True), tuple(sorted(recoded))


def _place(code: str, name: str) -> tuple[str, str]:
    """A tambon's province and normalised Thai name."""
    return code[:2], normalise_name(name, strip_prefix=False)


def _read_points(polygons: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    table = pd.read_csv(io.BytesIO(_read_bytes(pack.POINTS_FILE)), dtype={POINT_ID: "int64"},
                        keep_default_na=False)
    points = gpd.GeoDataFrame(table[[POINT_ID, POINT_NAME, POINT_TAMBON_NAME]],
                              geometry=gpd.points_from_xy(table["lon"], table["lat"]), crs=schema.GEOGRAPHIC_CRS)
    where = gpd.sjoin(points, polygons[[schema.TAMBON_CODE, "geometry"]], how="left", predicate="within")
    where = where[~where.index.duplicated(keep="first")]
    points[POINT_TAMBON] = where[schema.TAMBON_CODE].fillna("").astype(str)
    return points
