"""The one source of truth for the data's shape: coordinate systems, code formats, column names and dtypes.

Every other module (loaders, validators, exports, the dashboard) refers to these names instead of spelling
column names out again, so a renamed column is changed here once.
"""

from __future__ import annotations

from typing import Final

# --- Coordinate reference systems -------------------------------------------------------------------------
#: Longitude/latitude, the CRS of every GeoDataFrame this package returns. Metric work (distances, areas,
#: buffers; never in degrees) is done in the province's UTM zone, from the registry:
#: ``geodata.provinces.metric_crs(code)`` or ``metric_crs_of(frame)``.
GEOGRAPHIC_CRS: Final = "EPSG:4326"

#: A generous box around Thailand (lon/lat). Points outside it are wrong, swapped or in another CRS.
THAILAND_BOUNDS: Final = {"lon_min": 97.3, "lon_max": 105.7, "lat_min": 5.6, "lat_max": 20.5}

# --- Administrative codes (DOPA / TIS-1099) ---------------------------------------------------------------
#: Digits in each kind of code: amphoe PPAA, tambon PPAATT, village PPAATTMM (PP = province, MM = moo number).
#: The provinces and the default one are in the registry, ``geodata.provinces``.
CODE_LENGTHS: Final = {"amphoe_code": 4, "tambon_code": 6, "village_code": 8}

# --- Column names -----------------------------------------------------------------------------------------
VILLAGE_CODE: Final = "village_code"
TAMBON_CODE: Final = "tambon_code"
AMPHOE_CODE: Final = "amphoe_code"
PROVINCE: Final = "province_code"
PROVINCE_TH: Final = "province_th"
PROVINCE_EN: Final = "province_en"
MOO: Final = "moo"
VILLAGE_TH: Final = "village_th"
VILLAGE_EN: Final = "village_en"
TAMBON_TH: Final = "tambon_th"
TAMBON_EN: Final = "tambon_en"
AMPHOE_TH: Final = "amphoe_th"
AMPHOE_EN: Final = "amphoe_en"
LAT: Final = "lat"
LON: Final = "lon"
LOCATION_SOURCE: Final = "loc_source"
MATCH_CONFIDENCE: Final = "match_confidence"
LOCATION_QUALITY: Final = "location_quality"
POPULATION: Final = "pop2021_total"
HOUSEHOLDS: Final = "hh2021_total"
AREA_KM2: Final = "area_km2"
GEOMETRY: Final = "geometry"

# --- Location quality -------------------------------------------------------------------------------------
#: A matched point keeps the confidence of its name match; a village with no point gets an estimated one.
LOCATION_QUALITIES: Final = ("high", "medium", "low", "estimated")
ESTIMATED: Final = "estimated"
#: `loc_source` of a point placed by `geodata.estimate` (the village had no surveyed point).
ESTIMATED_SOURCE: Final = "estimated_in_tambon"

#: Village columns and their dtypes, in the order the loaders return them (geometry last).
VILLAGE_COLUMNS: Final[dict[str, str]] = {
    VILLAGE_CODE: "str",
    MOO: "int64",
    VILLAGE_TH: "str",
    VILLAGE_EN: "str",
    TAMBON_CODE: "str",
    TAMBON_TH: "str",
    TAMBON_EN: "str",
    AMPHOE_CODE: "str",
    AMPHOE_TH: "str",
    AMPHOE_EN: "str",
    PROVINCE: "str",
    LAT: "float64",
    LON: "float64",
    LOCATION_QUALITY: "str",
    LOCATION_SOURCE: "str",
    MATCH_CONFIDENCE: "str",
    "match_tier": "str",
    "match_score": "float64",
    "point_in_own_tambon": "boolean",
    "dist_to_own_tambon_m": "float64",
    "aliases": "str",
    "created_effective": "str",
    "split_from": "str",
    "comment": "str",
}

#: Village counts and DOPA population/households (2021-12-31), carried by tambons and amphoes alike. The split
#: by sex and by municipal area is in the embedded province's files but not in the national gazetteer, so those
#: columns are nullable ("Int64") and stay empty for a province built from the national files.
_COUNTS: Final[dict[str, str]] = {
    "n_muban": "int64",
    "n_muban_located": "int64",
    POPULATION: "int64",
    "pop2021_male": "Int64",
    "pop2021_female": "Int64",
    HOUSEHOLDS: "int64",
    "pop2021_municipal": "Int64",
    "hh2021_municipal": "Int64",
    "pop2021_nonmunicipal": "Int64",
    "hh2021_nonmunicipal": "Int64",
}

#: Tambon (subdistrict) columns and dtypes.
TAMBON_COLUMNS: Final[dict[str, str]] = {
    TAMBON_CODE: "str",
    TAMBON_TH: "str",
    TAMBON_EN: "str",
    AMPHOE_CODE: "str",
    AMPHOE_TH: "str",
    AMPHOE_EN: "str",
    PROVINCE: "str",
    AREA_KM2: "float64",
    **_COUNTS,
}

#: Amphoe (district) columns and dtypes.
AMPHOE_COLUMNS: Final[dict[str, str]] = {
    AMPHOE_CODE: "str",
    AMPHOE_TH: "str",
    AMPHOE_EN: "str",
    PROVINCE: "str",
    AREA_KM2: "float64",
    "n_tambon": "int64",
    **_COUNTS,
}

#: Province (changwat) columns and dtypes: the nation's province polygons, dissolved from its tambons.
PROVINCE_COLUMNS: Final[dict[str, str]] = {
    PROVINCE: "str",
    PROVINCE_TH: "str",
    PROVINCE_EN: "str",
    AREA_KM2: "float64",
    "n_amphoe": "int64",
    "n_tambon": "int64",
    **_COUNTS,
}

# --- Users' village lists ---------------------------------------------------------------------------------
#: Columns a planner's village list must have (DOPA exports carry them).
UPLOAD_REQUIRED_COLUMNS: Final = (VILLAGE_CODE, MOO, VILLAGE_TH, TAMBON_CODE, AMPHOE_CODE)
#: Columns read when present.
UPLOAD_OPTIONAL_COLUMNS: Final = (VILLAGE_EN, LAT, LON)
#: Header spellings seen in Thai spreadsheets, mapped to our column names.
UPLOAD_HEADER_ALIASES: Final[dict[str, str]] = {
    "รหัสหมู่บ้าน": VILLAGE_CODE,
    "หมู่ที่": MOO,
    "หมู่": MOO,
    "ชื่อหมู่บ้าน": VILLAGE_TH,
    "หมู่บ้าน": VILLAGE_TH,
    "รหัสตำบล": TAMBON_CODE,
    "รหัสอำเภอ": AMPHOE_CODE,
    "ชื่อหมู่บ้าน (อังกฤษ)": VILLAGE_EN,
    "ละติจูด": LAT,
    "ลองจิจูด": LON,
    "latitude": LAT,
    "longitude": LON,
}

#: Attribute names of boundary files mapped to ours: Shapefiles cut names to 10 characters, and OCHA/HDX
#: COD-AB layers use P-codes ("TH" + the DOPA code, prefix removed on reading).
BOUNDARY_HEADER_ALIASES: Final[dict[str, str]] = {
    "tambon_cod": TAMBON_CODE,
    "amphoe_cod": AMPHOE_CODE,
    "adm3_pcode": TAMBON_CODE,
    "adm2_pcode": AMPHOE_CODE,
    "adm3_th": TAMBON_TH,
    "adm3_en": TAMBON_EN,
    "adm2_th": AMPHOE_TH,
    "adm2_en": AMPHOE_EN,
    "รหัสตำบล": TAMBON_CODE,
    "รหัสอำเภอ": AMPHOE_CODE,
}
#: Header spellings of a location corrections file: the village list's, and the Thai for its `source` column.
CORRECTION_HEADER_ALIASES: Final[dict[str, str]] = {**UPLOAD_HEADER_ALIASES, "แหล่งที่มา": "source"}
#: Header spellings of a facilitator roster file (amphoe_code, teams).
ROSTER_HEADER_ALIASES: Final[dict[str, str]] = {"รหัสอำเภอ": AMPHOE_CODE, "จำนวนทีม": "teams"}
#: Prefix of HDX P-codes in front of the DOPA code.
PCODE_PREFIX: Final = "TH"
