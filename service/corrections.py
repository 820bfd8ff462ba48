"""Village location corrections through the service: anyone who reads plans sees them, planners record them.

Corrections are checked by `geodata.corrections` (a point in Thailand, near the village's tambon) before they
reach here; the service records them as the actor, with the point each one replaces.
"""

from __future__ import annotations

from collections.abc import Iterable

from geodata import limits
from geodata.corrections import CheckedCorrection
from service.base import WorkspaceBase
from service.errors import ServiceError
from store.locations import Correction, NewCorrection, PreviousPoint


class CorrectionService(WorkspaceBase):
    """Reading and recording location corrections."""

    def location_corrections(self) -> dict[str, Correction]:
        """The correction in use for each corrected village (every page needs them to draw the villages)."""
        return self.db.location_corrections()

    def correction_history(self, village_code: str) -> list[Correction]:
        self._allowed("read_plans")
        return self.db.correction_history(village_code)

    def corrections_revision(self) -> int:
        return self.db.corrections_revision()

    def add_location_corrections(self, corrections: Iterable[CheckedCorrection]) -> list[Correction]:
        """Record checked corrections in one transaction, as the actor (a planner): all of them or none."""
        self._allowed("correct_locations")
        new = []
        for item in corrections:
            if len(item.source) > limits.NOTE_MAX_CHARS:
                raise ServiceError(f"village {item.village_code}: the source: "
                                   f"{limits.length_message('source', item.source, limits.NOTE_MAX_CHARS)}",
                                   "access.text_too_long", what="source", max=limits.NOTE_MAX_CHARS)
            previous = PreviousPoint(item.previous.lat, item.previous.lon, item.previous.quality)
            new.append(NewCorrection(item.village_code, item.lat, item.lon, item.source, previous))
        return self.db.add_location_corrections(new, author=self.actor.name)

    def add_location_correction(self, correction: CheckedCorrection) -> Correction:
        return self.add_location_corrections([correction])[0]
