"""Build the files of a plan for one amphoe or for all of them, into a folder (and a zip), for the CLI and page.

Layout of the output folder (amphoe folders are named by code and English name in ASCII; an amphoe's files by
code and Thai name, as the district office calls itself):

    8001_Mueang_Nakhon_Si_Thammarat/8001_เมืองนครศรีธรรมราช_plan.xlsx, 8001_เมืองนครศรีธรรมราช_plan.pdf,
                                    8001_เมืองนครศรีธรรมราช_plan.gpkg, 8001_เมืองนครศรีธรรมราช_villages.csv,
                                    8001_เมืองนครศรีธรรมราช_villages.geojson, 8001_เมืองนครศรีธรรมราช_tambons.geojson
    ...                             (one folder per amphoe)
    <code>_<Province>_plan.xlsx, ..._plan.pdf, ..._plan.gpkg, ..._villages.csv, ...
                                    (with amphoe "all": the whole province, one file per format, named by
                                    the province's code and English name from the registry:
                                    30_Nakhon_Ratchasima_plan.xlsx)
    km_rollout_<code>_<Province>_all_<B.E. date>.zip, or km_rollout_<amphoe code>_<B.E. date>.zip

The content of every file comes from one ProvincePacket (geodata.exports.packet), so formats never disagree.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd

from geodata import schema
from geodata.exports import vector
from geodata.exports.formats import ALL_AMPHOES, FORMATS, parse_formats
from geodata.exports.packet import AmphoePacket, Approval, PlanInfo, ProvincePacket, province_packet
from geodata.exports.pdf import write_amphoe_pdf, write_province_pdf
from geodata.exports.pdf_map import MapPainter
from geodata.exports.text import both, file_name_part, safe_name, thai_day
from geodata.exports.xlsx import write_amphoe_xlsx, write_province_xlsx
from geodata.scenario import Scenario
from planning.thai_dates import BUDDHIST_ERA_OFFSET


def province_stem(plan: PlanInfo) -> str:
    """"34_Ubon_Ratchathani": the stem of the province files, the province's code and English name in safe
    characters."""
    return f"{plan.province_code}_{safe_name(plan.province_en)}"


#: progress(share done in [0, 1], what is being built)
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class ExportFile:
    """One file written: its path, its format and the amphoe it is for (None: the whole province)."""

    path: Path
    format: str
    amphoe_code: str | None


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, the zip (when asked for) and the seconds spent per format.

    `seconds["map"]` is the part of `seconds["pdf"]` spent drawing maps.
    """

    folder: Path
    files: tuple[ExportFile, ...]
    zip_path: Path | None
    seconds: dict[str, float] = field(default_factory=dict)


def amphoe_folder_name(packet: AmphoePacket) -> str:
    """"8001_Mueang_Nakhon_Si_Thammarat": the amphoe's code and English name in safe characters."""
    return f"{packet.amphoe_code}_{safe_name(packet.amphoe_en)}"


def amphoe_file_stem(packet: AmphoePacket) -> str:
    """"8001_เมืองนครศรีธรรมราช": the start of every file name of an amphoe, its code and Thai name."""
    return f"{packet.amphoe_code}_{file_name_part(packet.amphoe_th)}"


def export_plan(scenario: Scenario, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame,
                amphoes: gpd.GeoDataFrame, out_dir: Path, *, amphoe: str = ALL_AMPHOES,
                formats: Sequence[str] = FORMATS, make_zip: bool = False,
                progress: Progress | None = None, approval: Approval | None = None,
                province: str | None = None) -> ExportResult:
    """Write the plan's files for `amphoe` (a code, or "all" for every amphoe plus the province) into `out_dir`;
    `approval` (who made the plan official, when) is printed in the PDFs' approval block.

    ``province``: the code whose names (registry) the titles and file names carry, default the amphoes'.

    Everything is built in this process: with two cores, worker processes measured no faster (the province
    PDF repeats every amphoe's pages, and starting a process costs seconds). ExportError, with nothing
    written, for an unknown amphoe or format, or a plan that covers none of the villages.
    """
    formats = parse_formats(formats)
    out_dir = Path(out_dir)
    province = province_packet(scenario, villages, amphoes, approval, province=province)
    chosen = province.amphoes if amphoe == ALL_AMPHOES else (province.amphoe(amphoe),)
    chosen = tuple(p for p in chosen if p.villages) or chosen
    with_province = amphoe == ALL_AMPHOES
    out_dir.mkdir(parents=True, exist_ok=True)
    builder = _Builder(province, tambons, amphoes, out_dir, formats, progress,
                       steps=len(chosen) + int(with_province))
    files = [f for packet in chosen for f in builder.amphoe_files(packet)]
    if with_province:
        files += builder.province_files()
    zip_path = None
    if make_zip:
        which = f"{province_stem(province.plan)}_all" if amphoe == ALL_AMPHOES else chosen[0].amphoe_code
        name = f"km_rollout_{which}_{_stamp(province)}.zip"
        zip_path = write_zip(files, out_dir, out_dir / name)
    if progress:
        progress(1.0, both("doc.done"))
    return ExportResult(out_dir, tuple(files), zip_path, dict(builder.seconds))


def write_zip(files: Sequence[ExportFile], root: Path, path: Path) -> Path:
    """A zip of `files` keeping their folders relative to `root` (one folder per amphoe)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for item in files:
            archive.write(item.path, item.path.relative_to(root).as_posix())
    return path


def _stamp(province: ProvincePacket) -> str:
    """The plan's date (in Thailand) as B.E. year-month-day for file names: 2569-11-26."""
    day = thai_day(province.plan.updated_at)
    return f"{day.year + BUDDHIST_ERA_OFFSET}-{day.month:02d}-{day.day:02d}"


class _Builder:
    """Writes the chosen formats of amphoes and of the province, timing each format and reporting progress;
    draws each map once (the province PDF reuses the amphoes' maps)."""

    def __init__(self, province: ProvincePacket, tambons: gpd.GeoDataFrame, amphoes: gpd.GeoDataFrame,
                 out_dir: Path, formats: Sequence[str], progress: Progress | None, steps: int = 1):
        self.province, self.tambons, self.amphoes = province, tambons, amphoes
        self.out_dir, self.formats, self.progress = out_dir, formats, progress
        self.seconds: dict[str, float] = {}
        self.maps: dict[str, bytes] = {}
        self._painter: MapPainter | None = None
        self._steps, self._done = max(1, steps * len(formats)), 0

    def amphoe_files(self, packet: AmphoePacket) -> list[ExportFile]:
        """Every chosen format of one amphoe, in its own folder."""
        folder = self.out_dir / amphoe_folder_name(packet)
        folder.mkdir(exist_ok=True)
        files: list[ExportFile] = []
        for fmt in self.formats:
            self._report(f"{packet.amphoe_code} {packet.amphoe_th}: {fmt}")
            files += self._timed(fmt, lambda f=fmt: self._amphoe_file(f, packet, folder))
        return files

    def province_files(self) -> list[ExportFile]:
        """Every chosen format for the whole province, in the output folder itself."""
        files: list[ExportFile] = []
        for fmt in self.formats:
            self._report(f"{province_stem(self.province.plan)}: {fmt}")
            files += self._timed(fmt, lambda f=fmt: self._province_file(f))
        return files

    def _report(self, message: str) -> None:
        if self.progress:
            self.progress(min(1.0, self._done / self._steps), message)

    def _timed(self, fmt: str, write: Callable[[], list[ExportFile]]) -> list[ExportFile]:
        started = time.perf_counter()
        written = write()
        self.seconds[fmt] = self.seconds.get(fmt, 0.0) + time.perf_counter() - started
        self._done += 1
        return written

    def _amphoe_file(self, fmt: str, packet: AmphoePacket, folder: Path) -> list[ExportFile]:
        code, plan, stem = packet.amphoe_code, packet.plan, amphoe_file_stem(packet)
        if fmt == "xlsx":
            return [ExportFile(write_amphoe_xlsx(packet, folder / f"{stem}_plan.xlsx"), fmt, code)]
        if fmt == "pdf":
            path = write_amphoe_pdf(packet, self._amphoe_map(packet), folder / f"{stem}_plan.pdf")
            return [ExportFile(path, fmt, code)]
        if fmt == "csv":
            return [ExportFile(vector.write_csv(packet.villages, plan, folder / f"{stem}_villages.csv"), fmt, code)]
        points = vector.villages_frame(packet.villages, plan)
        polygons = vector.tambons_frame(packet.tambons, self._tambons_of(code), plan)
        return self._vector_files(fmt, points, polygons, folder, stem, code)

    def _province_file(self, fmt: str) -> list[ExportFile]:
        province, plan, stem = self.province, self.province.plan, province_stem(self.province.plan)
        if fmt == "xlsx":
            return [ExportFile(write_province_xlsx(province, self.out_dir / f"{stem}_plan.xlsx"), fmt, None)]
        if fmt == "pdf":
            maps = {p.amphoe_code: self._amphoe_map(p) for p in province.amphoes if p.villages}
            started = time.perf_counter()
            overview = self._painter_for().province_map(province)
            self.seconds["map"] = self.seconds.get("map", 0.0) + time.perf_counter() - started
            path = write_province_pdf(province, overview, maps, self.out_dir / f"{stem}_plan.pdf")
            return [ExportFile(path, fmt, None)]
        if fmt == "csv":
            return [ExportFile(vector.write_csv(province.villages, plan, self.out_dir / f"{stem}_villages.csv"),
                               fmt, None)]
        points = vector.villages_frame(province.villages, plan)
        tambon_rows = [t for p in province.amphoes for t in p.tambons]
        polygons = vector.tambons_frame(tambon_rows, self.tambons, plan)
        return self._vector_files(fmt, points, polygons, self.out_dir, stem, None)

    def _vector_files(self, fmt: str, points: gpd.GeoDataFrame, polygons: gpd.GeoDataFrame, folder: Path,
                      stem: str, code: str | None) -> list[ExportFile]:
        plan = self.province.plan
        if fmt == "gpkg":
            return [ExportFile(vector.write_gpkg(points, polygons, plan, folder / f"{stem}_plan.gpkg"), fmt, code)]
        return [ExportFile(vector.write_geojson(points, folder / f"{stem}_villages.geojson"), fmt, code),
                ExportFile(vector.write_geojson(polygons, folder / f"{stem}_tambons.geojson"), fmt, code)]

    def _amphoe_map(self, packet: AmphoePacket) -> bytes:
        if packet.amphoe_code not in self.maps:
            started = time.perf_counter()
            self.maps[packet.amphoe_code] = self._painter_for().amphoe_map(packet)
            self.seconds["map"] = self.seconds.get("map", 0.0) + time.perf_counter() - started
        return self.maps[packet.amphoe_code]

    def _painter_for(self) -> MapPainter:
        if self._painter is None:
            self._painter = MapPainter(self.tambons, self.amphoes)
        return self._painter

    def _tambons_of(self, code: str) -> gpd.GeoDataFrame:
        return self.tambons[self.tambons[schema.AMPHOE_CODE] == code]
