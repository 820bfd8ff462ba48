"""Corrections of village locations: an append-only history, so every earlier point can be read back.

A planner who knows where a village really is (from a site visit, a GPS reading, the district office's list)
records a correction. Nothing is overwritten: each correction is a new row with its source, author and time, and
it keeps the point it replaced (`previous_*`), so the original point of the data set stays in the history. The
latest correction of a village is the one in use (`location_corrections`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from store.database import Store
from store.errors import StoreError
from store.scenarios import now_utc
from store.tables import location_corrections


@dataclass(frozen=True)
class PreviousPoint:
    """The point a correction replaced and how good it was (e.g. `estimated`)."""

    lat: float | None
    lon: float | None
    quality: str | None


@dataclass(frozen=True)
class Correction:
    """One recorded correction of a village's location (latitude/longitude in EPSG:4326)."""

    village_code: str
    lat: float
    lon: float
    source: str
    author: str
    at: str
    previous: PreviousPoint


@dataclass(frozen=True)
class NewCorrection:
    """A correction to record: the village, its new point, where the point comes from, and what it replaces."""

    village_code: str
    lat: float
    lon: float
    source: str
    previous: PreviousPoint = PreviousPoint(None, None, None)


class LocationStore(Store):
    """Location-correction methods of the store."""

    def add_location_correction(self, village_code: str, lat: float, lon: float, *, source: str, author: str,
                                previous: PreviousPoint | None = None) -> Correction:
        """Record one correction and return it as stored."""
        new = NewCorrection(village_code, lat, lon, source, previous or PreviousPoint(None, None, None))
        return self.add_location_corrections([new], author=author)[0]

    def add_location_corrections(self, corrections: Iterable[NewCorrection], *, author: str) -> list[Correction]:
        """Record several corrections in one transaction (an uploaded file): all of them or, on error, none."""
        corrections = list(corrections)
        for item in corrections:
            _check(item, author)
        stamp = now_utc()
        if not corrections:
            return []
        with self.transaction() as conn:
            conn.execute(insert(location_corrections), [
                {"village_code": c.village_code, "lat": float(c.lat), "lon": float(c.lon), "source": c.source.strip(),
                 "author": author, "at": stamp, "previous_lat": c.previous.lat, "previous_lon": c.previous.lon,
                 "previous_quality": c.previous.quality} for c in corrections])
        return [Correction(c.village_code, float(c.lat), float(c.lon), c.source.strip(), author, stamp, c.previous)
                for c in corrections]

    def location_corrections(self) -> dict[str, Correction]:
        """The correction in use for each corrected village: its latest one."""
        t = location_corrections.c
        latest = select(func.max(t.id)).group_by(t.village_code)
        rows = self.read(select(location_corrections).where(t.id.in_(latest)).order_by(t.village_code))
        return {row["village_code"]: _correction(row) for row in rows}

    def correction_history(self, village_code: str) -> list[Correction]:
        """Every correction of one village, oldest first (empty if it was never corrected)."""
        t = location_corrections.c
        rows = self.read(select(location_corrections).where(t.village_code == village_code).order_by(t.id))
        return [_correction(row) for row in rows]

    def corrections_revision(self) -> int:
        """A number that grows with every recorded correction: a cheap cache key for the corrected data set.

        The count of rows (never deleted), not the largest id, which PostgreSQL hands out before commit.
        """
        return int(self.read(select(func.count().label("n")).select_from(location_corrections))[0]["n"])


def _check(item: NewCorrection, author: str) -> None:
    code = item.village_code
    if not isinstance(code, str) or not code.strip():
        raise StoreError(f"a location correction needs a village code, got {code!r}")
    for name, value in (("lat", item.lat), ("lon", item.lon)):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise StoreError(f"village {code}: {name} {value!r} is not a number; give decimal degrees")
    if not isinstance(item.source, str) or not item.source.strip():
        raise StoreError(f"village {code}: the correction needs a source (e.g. 'GPS survey 2549')")
    if not author.strip():
        raise StoreError("a location correction needs its author's name (the logged-in user)")


def _correction(row) -> Correction:
    return Correction(row["village_code"], row["lat"], row["lon"], row["source"], row["author"], row["at"],
                      PreviousPoint(row["previous_lat"], row["previous_lon"], row["previous_quality"]))
