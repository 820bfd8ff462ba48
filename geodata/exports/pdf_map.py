"""Static maps for the printed plan: an amphoe's (or the province's) villages coloured by wave on its tambons.

Drawn with matplotlib (Agg, no display) in the province's UTM zone (47N or 48N, from the registry through
``geodata.provinces.metric_crs_of``) so the scale bar is true in metres, and returned as PNG bytes
for the PDF. Each map has a legend (waves with their village counts, estimated locations, boundaries), a scale
bar and a north arrow. Estimated village locations are drawn hollow with a dashed outline, as on the dashboard.
One MapPainter projects and simplifies the boundaries once and reuses one figure for every map it draws.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon as PolygonPatch
from matplotlib.patches import Rectangle
from matplotlib.path import Path as MplPath
from pyproj import Transformer

from geodata import schema
from geodata.exports.fonts import matplotlib_family
from geodata.exports.packet import AmphoePacket, ProvincePacket, VillageRow
from geodata.exports.text import both, en, th
from geodata.messages import text
from geodata.palette import UNASSIGNED_COLOUR, wave_colours
from geodata.provinces import metric_crs_of

#: Map size on the page (millimetres) and resolution of the PNG.
MAP_WIDTH_MM = 180.0
MAP_HEIGHT_MM = 165.0
DPI = 200
#: Height of the legend strip under the map, as a share of the figure.
LEGEND_SHARE = 0.13
#: Boundaries are simplified (metres) for drawing: invisible at print scale, much less to draw.
DRAW_TOLERANCE_M = 25.0
TAMBON_FILL = "#f4f1ea"
CONTEXT_FILL = "#fbfbfb"
TAMBON_EDGE = "#8c8c8c"
AMPHOE_EDGE = "#333333"
NICE_LENGTHS_KM = (0.5, 1, 2, 5, 10, 20, 25, 50, 100)


class MapPainter:
    """Draws the wave maps of one data set; build once per export run, call for each amphoe."""

    def __init__(self, tambons: gpd.GeoDataFrame, amphoes: gpd.GeoDataFrame, *, metric_crs: str | None = None):
        """``metric_crs``: where the maps are drawn (default: the tambons' province's UTM zone)."""
        self._family = matplotlib_family()
        self.metric_crs = metric_crs or metric_crs_of(tambons)
        tambons_m = tambons.to_crs(self.metric_crs)
        amphoes_m = amphoes.to_crs(self.metric_crs)
        self._tambon_codes = tambons_m[schema.TAMBON_CODE].to_numpy()
        self._tambon_amphoe = tambons_m[schema.AMPHOE_CODE].to_numpy()
        self._tambon_names = tambons_m[schema.TAMBON_TH].to_numpy()
        self._tambon_geoms = shapely.coverage_simplify(tambons_m.geometry.to_numpy(), DRAW_TOLERANCE_M)
        self._tambon_paths = [_path_of(g) for g in self._tambon_geoms]
        self._tambon_labels = shapely.point_on_surface(tambons_m.geometry.to_numpy())
        self._amphoe_codes = amphoes_m[schema.AMPHOE_CODE].to_numpy()
        self._amphoe_names = amphoes_m[schema.AMPHOE_TH].to_numpy()
        self._amphoe_geoms = shapely.coverage_simplify(amphoes_m.geometry.to_numpy(), DRAW_TOLERANCE_M)
        self._amphoe_paths = [_path_of(g) for g in self._amphoe_geoms]
        self._amphoe_labels = shapely.point_on_surface(amphoes_m.geometry.to_numpy())
        self._to_metric = Transformer.from_crs(schema.GEOGRAPHIC_CRS, self.metric_crs, always_xy=True)
        width_in, height_in = MAP_WIDTH_MM / 25.4, MAP_HEIGHT_MM / 25.4
        self._figure = Figure(figsize=(width_in, height_in), dpi=DPI)
        FigureCanvasAgg(self._figure)

    def amphoe_map(self, packet: AmphoePacket) -> bytes:
        """PNG of one amphoe: its tambons named, its villages by wave, neighbours drawn faintly."""
        mine = self._amphoe_codes == packet.amphoe_code
        if not mine.any():
            bounds = self._points_bounds(packet.villages)
        else:
            bounds = shapely.total_bounds(self._amphoe_geoms[mine])
        own_tambons = self._tambon_amphoe == packet.amphoe_code
        return self._draw(bounds, packet.villages, packet.plan.waves, packet.plan.pilot_label,
                          highlight=own_tambons, label_tambons=True)

    def province_map(self, province: ProvincePacket) -> bytes:
        """PNG of the whole province: every village by wave, amphoe names and borders."""
        bounds = shapely.total_bounds(self._amphoe_geoms)
        everything = np.ones(len(self._tambon_codes), dtype=bool)
        return self._draw(bounds, province.villages, province.plan.waves, province.plan.pilot_label,
                          highlight=everything, label_tambons=False)

    # -- drawing ------------------------------------------------------------------------------------------
    def _draw(self, bounds: Sequence[float], villages: Sequence[VillageRow], waves: Sequence[str],
              pilot_label: str | None, *, highlight: np.ndarray, label_tambons: bool) -> bytes:
        figure = self._figure
        figure.clear()
        ax = figure.add_axes((0.0, LEGEND_SHARE, 1.0, 1.0 - LEGEND_SHARE))
        ax.set_axis_off()
        ax.set_aspect("equal")
        x0, y0, x1, y1 = _extent(bounds)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor="white", edgecolor="#666666", lw=0.8,
                               zorder=0))
        self._draw_boundaries(ax, highlight)
        colours = wave_colours(list(waves), pilot_label)
        counts = self._draw_villages(ax, villages, colours, size=20 if label_tambons else 9)
        if label_tambons:
            self._label(ax, self._tambon_labels[highlight], self._tambon_names[highlight], size=6.5,
                        colour="#4d4d4d")
        else:
            self._label(ax, self._amphoe_labels, self._amphoe_names, size=7.5, colour="#222222")
        self._scale_bar(ax, x0, y0, x1, y1)
        self._north_arrow(ax, x0, y0, x1, y1)
        self._legend(figure, ax, waves, pilot_label, colours, counts)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI)
        return buffer.getvalue()

    def _draw_boundaries(self, ax, highlight: np.ndarray) -> None:
        others = [p for p, h in zip(self._tambon_paths, highlight, strict=True) if not h]
        own = [p for p, h in zip(self._tambon_paths, highlight, strict=True) if h]
        ax.add_collection(PathCollection(others, facecolors=CONTEXT_FILL, edgecolors="#d0d0d0", linewidths=0.4,
                                         zorder=1))
        ax.add_collection(PathCollection(own, facecolors=TAMBON_FILL, edgecolors=TAMBON_EDGE, linewidths=0.6,
                                         zorder=2))
        ax.add_collection(PathCollection(self._amphoe_paths, facecolors="none", edgecolors=AMPHOE_EDGE,
                                         linewidths=1.1, zorder=3))

    def _draw_villages(self, ax, villages: Sequence[VillageRow], colours: dict[str, str], *, size: float
                       ) -> dict[str, int]:
        if not villages:
            return {}
        lon = np.array([v.lon for v in villages])
        lat = np.array([v.lat for v in villages])
        x, y = self._to_metric.transform(lon, lat)
        wave = np.array([v.wave or "" for v in villages], dtype=object)
        estimated = np.array([v.estimated for v in villages])
        counts: dict[str, int] = {}
        for label in [*colours, ""]:
            colour = colours.get(label, UNASSIGNED_COLOUR)
            of_wave = wave == label
            counts[label] = int(of_wave.sum())
            located = of_wave & ~estimated
            guessed = of_wave & estimated
            ax.scatter(x[located], y[located], s=size, c=colour, edgecolors="white", linewidths=0.5, zorder=5)
            ax.scatter(x[guessed], y[guessed], s=size, facecolors="white", edgecolors=colour, linewidths=1.1,
                       linestyles=(0, (2, 1.2)), zorder=5)
        return counts

    def _label(self, ax, points, names, *, size: float, colour: str) -> None:
        halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
        for point, name in zip(points, names, strict=True):
            ax.text(point.x, point.y, name, fontsize=size, color=colour, family=self._family, ha="center",
                    va="center", path_effects=halo, zorder=6, clip_on=True)

    def _scale_bar(self, ax, x0: float, y0: float, x1: float, y1: float) -> None:
        length_km = nice_length_km(x1 - x0)
        length = length_km * 1000
        left, bottom = x0 + (x1 - x0) * 0.04, y0 + (y1 - y0) * 0.04
        height = (y1 - y0) * 0.012
        for i in range(4):
            ax.add_patch(Rectangle((left + i * length / 4, bottom), length / 4, height, zorder=7, lw=0.6,
                                   facecolor="#222222" if i % 2 == 0 else "white", edgecolor="#222222"))
        style = {"fontsize": 7, "family": self._family, "ha": "center", "va": "bottom", "zorder": 7}
        ax.text(left, bottom + height * 1.4, "0", **style)
        ax.text(left + length / 2, bottom + height * 1.4, f"{length_km / 2:g}", **style)
        ax.text(left + length, bottom + height * 1.4, f"{length_km:g} {both('doc.km')}", **style)

    def _north_arrow(self, ax, x0: float, y0: float, x1: float, y1: float) -> None:
        size = (y1 - y0) * 0.07
        cx, top = x1 - (x1 - x0) * 0.05, y1 - (y1 - y0) * 0.04
        half = size * 0.32
        ax.add_patch(PolygonPatch([(cx, top), (cx - half, top - size), (cx, top - size * 0.72)], closed=True,
                                  facecolor="#222222", edgecolor="#222222", lw=0.6, zorder=7))
        ax.add_patch(PolygonPatch([(cx, top), (cx + half, top - size), (cx, top - size * 0.72)], closed=True,
                                  facecolor="white", edgecolor="#222222", lw=0.6, zorder=7))
        ax.text(cx, top - size * 1.05, f"{en('doc.north')} ({th('doc.north')})", fontsize=7.5,
                family=self._family, ha="center", va="top", zorder=7, fontweight="bold")

    def _legend(self, figure: Figure, ax, waves: Sequence[str], pilot_label: str | None, colours: dict[str, str],
                counts: dict[str, int]) -> None:
        handles, labels = [], []
        for label in waves:
            handles.append(Line2D([], [], marker="o", linestyle="none", markersize=6, markerfacecolor=colours[label],
                                  markeredgecolor="white"))
            pilot = f" {both('doc.pilot')}" if label == pilot_label else ""
            labels.append(text("doc.map_wave", "th", wave=label, pilot=pilot, n=f"{counts.get(label, 0):,}"))
        if counts.get(""):
            handles.append(Line2D([], [], marker="o", linestyle="none", markersize=6,
                                  markerfacecolor=UNASSIGNED_COLOUR, markeredgecolor="white"))
            labels.append(f"{both('doc.unassigned')}: {counts['']:,}")
        handles.append(ax.scatter([], [], s=36, facecolors="white", edgecolors="#555555", linewidths=1.1,
                                  linestyles=(0, (2, 1.2))))
        labels.append(f"{both('doc.quality.estimated')}: {th('doc.map_estimated')}")
        handles.append(Line2D([], [], color=TAMBON_EDGE, lw=0.8))
        labels.append(both("doc.map_boundary"))
        handles.append(Line2D([], [], color=AMPHOE_EDGE, lw=1.4))
        labels.append(both("doc.map_amphoe_boundary"))
        figure.legend(handles, labels, loc="lower center", ncol=2, frameon=False, fontsize=7.5,
                      prop={"family": self._family, "size": 7.5}, bbox_to_anchor=(0.5, 0.0),
                      handletextpad=0.4, columnspacing=1.6)

    def _points_bounds(self, villages: Sequence[VillageRow]) -> tuple[float, float, float, float]:
        x, y = self._to_metric.transform([v.lon for v in villages] or [100.0], [v.lat for v in villages] or [8.4])
        return float(min(x)), float(min(y)), float(max(x)), float(max(y))


def _path_of(geometry) -> MplPath:
    """One compound matplotlib path of a polygon or multipolygon (holes included)."""
    rings = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        rings.append(np.asarray(polygon.exterior.coords))
        rings.extend(np.asarray(hole.coords) for hole in polygon.interiors)
    return MplPath.make_compound_path(*[MplPath(ring, closed=True) for ring in rings if len(ring) >= 3])


def _extent(bounds: Sequence[float]) -> tuple[float, float, float, float]:
    """The bounds padded by 6 % on each side and widened to the map frame's shape, so the map fills it."""
    minx, miny, maxx, maxy = bounds
    width, height = max(maxx - minx, 1000.0) * 1.12, max(maxy - miny, 1000.0) * 1.12
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    aspect = (1.0 - LEGEND_SHARE) * MAP_HEIGHT_MM / MAP_WIDTH_MM
    if height / width > aspect:
        width = height / aspect
    else:
        height = width * aspect
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def nice_length_km(width_m: float) -> float:
    """The scale bar's length: the largest round length not over a quarter of the map's width."""
    target = width_m / 1000 / 4
    return max((n for n in NICE_LENGTHS_KM if n <= target), default=NICE_LENGTHS_KM[0])

