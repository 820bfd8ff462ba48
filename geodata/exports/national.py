"""One province's packets of a national plan, written by the same code as a province's own plan.

A national scenario (``geodata.national_plan``) gives a wave to every village of the country; a province office
receives only its province's part. ``geodata.national_plan.province_scenario`` cuts the plan down to the
province (its villages, its districts' teams, the waves as the national plan fills them there, the metrics of
that part), and ``geodata.exports.packets.export_plan`` writes the files from the province's own data set, as
for a province's plan; the province files are named by its code and English name (``30_Nakhon_Ratchasima_plan.xlsx``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd

from geodata import nation, province_data, provinces
from geodata.errors import GeodataError
from geodata.exports.errors import ExportError
from geodata.exports.formats import ALL_AMPHOES, FORMATS
from geodata.exports.packets import ExportResult, Progress, export_plan
from geodata.national_plan import province_scenario
from geodata.scenario import Scenario


def export_national_plan_province(scenario: Scenario, province: str, out_dir: Path, *, amphoe: str = ALL_AMPHOES,
                                  formats: Sequence[str] = FORMATS, make_zip: bool = False,
                                  progress: Progress | None = None,
                                  data: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame] | None = None
                                  ) -> ExportResult:
    """Write one province's files of a national plan into ``out_dir`` (one amphoe, or ``all`` of them plus the
    province files), like ``export_plan`` does for a province's plan.

    ``data`` is the province's (villages, tambons, amphoes), default its own data set (``geodata.load_villages``
    ...; pass them to apply location corrections first). ExportError, with nothing written, for a scenario that
    is not a national plan, an unknown province or one without villages, and whatever ``export_plan`` refuses.
    """
    if scenario.dataset != nation.NATIONAL_DATASET:
        raise ExportError(f"scenario {scenario.name!r} was planned on data set {scenario.dataset!r}, not on the "
                          f"whole country ({nation.NATIONAL_DATASET!r}); export it as a province's plan")
    try:
        code = provinces.province(province).code
        villages, tambons, amphoes = data or (province_data.load_villages(code), province_data.load_tambons(code),
                                              province_data.load_amphoes(code))
    except GeodataError as error:
        raise ExportError(error.message) from error
    part = province_scenario(scenario, code, villages, tambons)
    return export_plan(part, villages, tambons, amphoes, out_dir, amphoe=amphoe, formats=formats,
                       make_zip=make_zip, progress=progress)
