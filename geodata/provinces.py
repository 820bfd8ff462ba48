"""The province registry: every Thai province's code, names, metric CRS, map frame and default waves.

One table (``geodata/data/thailand/provinces.csv``, made by ``geodata.databuild.pack`` from the DOPA gazetteer and the
tambon polygons) holds the 77 provinces. Nakhon Si Thammarat is the default province, with its governor's own
schedule; any other province gets waves with the same shares of its villages, flagged as a default for the
planner to change. Metric work (distances, areas, buffers) is done in the UTM zone of the province's centre:
47N (EPSG:32647) west of 102 degrees E, 48N (EPSG:32648) east of it.

This module and the default below are the only places that name the default province.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from importlib import resources

import geopandas as gpd
import pandas as pd

import planning
from geodata import schema
from geodata.errors import UnknownProvinceError

#: Nakhon Si Thammarat: the province the product was made for, opened when no province is given.
DEFAULT_PROVINCE = "80"
#: What names the whole country where a province code is asked for (distinct from every two-digit code; the
#: same word as the nation's data-set name, ``geodata.plans.NATIONAL_DATASET``, and what a national scenario
#: records as its province, ``planning.NATION``).
NATION = planning.NATION
#: The default province's own schedule after the 2548 pilot: 400 villages in 2549, 600 in 2550, 600 in 2551.
DEFAULT_PROVINCE_TARGETS = (400, 600, 600)
#: Shares of a province's villages in the first two waves after the pilot, the rest in the third: the default
#: province's 400 and 600 of its 1,553 villages (25.8 % and 38.6 %), rounded (the engine's own default).
DEFAULT_WAVE_PERCENTAGES = planning.waves.DEFAULT_WAVE_PERCENTAGES
_REGISTRY_FILE = "provinces.csv"


@dataclass(frozen=True)
class MapFrame:
    """A province's extent in lon/lat (EPSG:4326): what a map of the province shows."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


@dataclass(frozen=True)
class Province:
    """One province of the registry.

    ``centre`` is (lon, lat) of its centroid; ``metric_crs`` the UTM zone holding it. ``default_waves`` is the
    schedule a new plan starts from; ``waves_are_default`` is True when those waves are the shares of
    ``DEFAULT_WAVE_PERCENTAGES`` rather than the province's own schedule, and should be shown as such.
    ``n_villages`` is 0 for Bangkok, whose khwaeng are not divided into villages.
    """

    code: str
    name_th: str
    name_en: str
    centre: tuple[float, float]
    metric_crs: str
    frame: MapFrame
    n_amphoe: int
    n_tambon: int
    n_villages: int
    default_waves: tuple[planning.Wave, ...]
    waves_are_default: bool

    @property
    def has_villages(self) -> bool:
        return self.n_villages > 0

    def label(self, language: str = "th") -> str:
        """``นครศรีธรรมราช (80)`` or ``Nakhon Si Thammarat (80)``."""
        return f"{self.name_th if language == 'th' else self.name_en} ({self.code})"


def utm_crs(lon: float, lat: float) -> str:
    """The WGS 84 / UTM CRS of the zone holding (lon, lat), e.g. ``EPSG:32647`` for 100 degrees E, 8 degrees N."""
    zone = int((lon + 180.0) // 6.0) + 1
    return f"EPSG:{(32600 if lat >= 0 else 32700) + zone}"


def metric_crs_of(frame: gpd.GeoDataFrame | gpd.GeoSeries) -> str:
    """The metric CRS for these geometries: their province's when they all carry one registered province code,
    otherwise the UTM zone of the centre of their extent."""
    code = province_code_of(frame) if hasattr(frame, "columns") else None
    if code is not None:
        return _registry()[code].metric_crs
    min_lon, min_lat, max_lon, max_lat = frame.to_crs(schema.GEOGRAPHIC_CRS).total_bounds
    return utm_crs((min_lon + max_lon) / 2, (min_lat + max_lat) / 2)


def province_code_of(frame: gpd.GeoDataFrame | pd.DataFrame) -> str | None:
    """The registered province every row of these villages, tambons or amphoes belongs to (by their province
    column, else the first two digits of their amphoe, tambon or village codes), or None when they belong to
    none or to several (the nation)."""
    codes: set[str] = set()
    if schema.PROVINCE in frame.columns:
        codes = {str(c) for c in frame[schema.PROVINCE].dropna().unique()}
    if not codes:
        column = next((c for c in (schema.AMPHOE_CODE, schema.TAMBON_CODE, schema.VILLAGE_CODE)
                       if c in frame.columns), None)
        codes = set() if column is None else {str(c)[:2] for c in frame[column].dropna().unique()}
    return codes.pop() if len(codes) == 1 and next(iter(codes)) in _registry() else None


def default_waves_for(n_villages: int) -> tuple[planning.Wave, ...]:
    """Pilot 2548 (the villages of pilot tambons), then 26 % of the villages in 2549, 39 % in 2550, the rest in
    2551 (shares rounded half up)."""
    return planning.default_waves(n_villages, DEFAULT_WAVE_PERCENTAGES)


def provinces() -> tuple[Province, ...]:
    """Every province, by code."""
    return tuple(_registry().values())


def province(code: str | None = None) -> Province:
    """The province with this 2-digit DOPA code (None: the default province); UnknownProvinceError (a
    GeodataError, worded in Thai and English) for any other code."""
    registry = _registry()
    key = DEFAULT_PROVINCE if code is None else str(code).strip()
    if key not in registry:
        with_villages = [p.code for p in registry.values() if p.has_villages and p.code != DEFAULT_PROVINCE]
        examples = ", ".join([DEFAULT_PROVINCE, *with_villages[:: max(1, len(with_villages) // 2)]][:3])
        raise UnknownProvinceError("province.unknown", code=str(code)[:20], examples=examples, nation=NATION)
    return registry[key]


def metric_crs(code: str | None = None) -> str:
    """The CRS to measure in (metres) for this province: the UTM zone of its centre."""
    return province(code).metric_crs


def default_waves(code: str | None = None) -> tuple[planning.Wave, ...]:
    """The waves a new plan of this province starts from (see ``Province.waves_are_default``)."""
    return province(code).default_waves


@functools.cache
def _registry() -> dict[str, Province]:
    data = (resources.files("geodata") / "data" / "thailand" / _REGISTRY_FILE).read_bytes()
    table = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    registry = {}
    for row in table.to_dict("records"):
        code, n_villages = row["province_code"], int(row["n_villages"])
        centre = (float(row["centre_lon"]), float(row["centre_lat"]))
        own_schedule = code == DEFAULT_PROVINCE
        registry[code] = Province(
            code=code, name_th=row["province_th"], name_en=row["province_en"], centre=centre,
            metric_crs=utm_crs(*centre),
            frame=MapFrame(*(float(row[k]) for k in ("min_lon", "min_lat", "max_lon", "max_lat"))),
            n_amphoe=int(row["n_amphoe"]), n_tambon=int(row["n_tambon"]), n_villages=n_villages,
            default_waves=(planning.waves_from_targets(DEFAULT_PROVINCE_TARGETS) if own_schedule
                           else default_waves_for(n_villages)),
            waves_are_default=not own_schedule)
    return dict(sorted(registry.items()))
