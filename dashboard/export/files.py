"""The Export page's logic without Streamlit: the amphoe choices and the files to offer for download.

The files are built by geodata.exports (the same code as `rollout export`) into a temporary folder and read
into memory, because a download button needs the bytes and the page reruns on every click.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from geodata import schema
from geodata.exports import ALL_AMPHOES
from geodata.exports.packet import Approval
from geodata.exports.packets import Progress, export_plan
from geodata.scenario import Scenario

MIME_TYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
    ".gpkg": "application/geopackage+sqlite3",
    ".geojson": "application/geo+json",
    ".zip": "application/zip",
}


@dataclass(frozen=True)
class Download:
    """One file to offer: its name, content and MIME type."""

    file_name: str
    data: bytes
    mime: str


@dataclass(frozen=True)
class ExportDownloads:
    """What one click on "build" produced (and the wall seconds it took), and the request it answers (to tell
    when it is out of date)."""

    request: tuple
    files: tuple[Download, ...]
    archive: Download
    seconds: float
    written: int


def amphoe_options(amphoes: gpd.GeoDataFrame) -> list[str]:
    """"all" first, then every amphoe code in order."""
    return [ALL_AMPHOES, *sorted(amphoes[schema.AMPHOE_CODE])]


def amphoe_names(amphoes: gpd.GeoDataFrame) -> dict[str, str]:
    """Amphoe code -> "8001 เมืองนครศรีธรรมราช (Mueang Nakhon Si Thammarat)" (typing Thai or English finds it)."""
    return {code: f"{code} {thai} ({english})" for code, thai, english in
            zip(amphoes[schema.AMPHOE_CODE], amphoes[schema.AMPHOE_TH], amphoes[schema.AMPHOE_EN], strict=True)}


def export_request(scenario: Scenario, dataset_version: str, amphoe: str, formats: Sequence[str]) -> tuple:
    """A key for one export: the same key means the files built for it still hold (marking the plan official
    changes its printed approval block, so it changes the key too)."""
    return (scenario.name, scenario.version, scenario.updated_at, dataset_version, amphoe, tuple(formats),
            scenario.official)


def build_downloads(scenario: Scenario, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame,
                    amphoes: gpd.GeoDataFrame, *, dataset_version: str, amphoe: str, formats: Sequence[str],
                    progress: Progress | None = None, approval: Approval | None = None,
                    province: str | None = None) -> ExportDownloads:
    """Build the files and a zip of all of them; for "all" the single files offered are the province's.
    `approval` (who made the plan official, when) goes in the PDFs' approval block; `province` (a registry
    code, default the amphoes') names the titles and the files."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="km-export-") as folder:
        result = export_plan(scenario, villages, tambons, amphoes, Path(folder), amphoe=amphoe, formats=formats,
                             make_zip=True, progress=progress, approval=approval, province=province)
        offered = [f for f in result.files if amphoe != ALL_AMPHOES or f.amphoe_code is None]
        files = tuple(_download(f.path) for f in offered)
        archive = _download(result.zip_path)
    return ExportDownloads(export_request(scenario, dataset_version, amphoe, formats), files, archive,
                           time.perf_counter() - started, len(result.files))


def _download(path: Path) -> Download:
    return Download(path.name, path.read_bytes(), MIME_TYPES.get(path.suffix, "application/octet-stream"))
