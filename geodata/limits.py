"""Limits on what planners upload and type: file size, rows, and the length of free text. One place for all.

The readers, the command line, the dashboard's widgets and the README quote these numbers, and the store's
service layer enforces the same text limits. Why they exist: on a small shared server one 200,000-row village
list took 26 s and 415 MB to refuse, which is a denial of service. A file beyond its limit is refused before it
is parsed in full: its byte size is known at once, and rows are counted while reading, stopping at the limit.

Why these numbers: the province has 1,553 villages, 170 tambons and 23 districts, and its full village list is
0.4 MB as CSV. Each limit leaves several times the room an honest file needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from geodata.messages import Message, text
from planning.balance import MAX_OPEN_WAVES
from planning.roster import MAX_CAPACITY, MAX_TEAMS

MEGABYTE: Final = 1024 * 1024


@dataclass(frozen=True)
class UploadLimit:
    """The largest file of one kind: `max_megabytes` of bytes and `max_rows` data rows (features for layers).

    `what` names the kind of file in English, `label` is its name in the message catalogue.
    """

    what: str
    label: str
    max_megabytes: int
    max_rows: int
    unit: str = "rows"

    @property
    def max_bytes(self) -> int:
        return self.max_megabytes * MEGABYTE

    def caption(self, lang: str) -> str:
        """The limit as the page states it under the file picker, in Thai ("th") or English (geodata.messages)."""
        return text(_CAPTIONS[self.unit], lang, megabytes=self.max_megabytes, rows=f"{self.max_rows:,}")

    @property
    def kind(self) -> Message:
        """The kind of file, to fill a message ("รายชื่อหมู่บ้าน", "village list")."""
        return Message(self.label)

    @property
    def units(self) -> Message:
        """What the limit counts, to fill a message ("แถว", "rows")."""
        return Message(_UNITS[self.unit])


#: The caption of a limit counted in rows, or in features (a boundary file's polygons).
_CAPTIONS: Final = {"rows": "upload.limit_rows", "features": "upload.limit_features"}
_UNITS: Final = {"rows": "upload.unit.rows", "features": "upload.unit.features"}
VILLAGE_LIST: Final = UploadLimit("village list", "upload.kind.village_list", 5, 10_000)
CORRECTIONS: Final = UploadLimit("corrections file", "upload.kind.corrections", 2, 10_000)
PROGRESS: Final = UploadLimit("progress file", "upload.kind.progress", 5, 20_000)
ROSTER: Final = UploadLimit("roster file", "upload.kind.roster", 1, 1_000)
BOUNDARIES: Final = UploadLimit("boundary file", "upload.kind.boundaries", 20, 5_000, "features")
UPLOAD_LIMITS: Final = (VILLAGE_LIST, CORRECTIONS, PROGRESS, ROSTER, BOUNDARIES)
#: The largest upload of any kind: Streamlit's `server.maxUploadSize` (.streamlit/config.toml) is this many MB.
MAX_UPLOAD_MEGABYTES: Final = max(limit.max_megabytes for limit in UPLOAD_LIMITS)
#: What a workbook (.xlsx) or a zipped Shapefile may unpack to. XML and Shapefiles compress about 10:1, so this
#: passes every honest file under the size limits and stops a "zip bomb" before anything is unpacked.
MAX_UNPACKED_BYTES: Final = 200 * MEGABYTE

# --- Free text ------------------------------------------------------------------------------------------------
#: Names: of villages, of people (author, reported by) and of scenarios.
NAME_MAX_CHARS: Final = 100
#: Notes: reasons (for a plan change, for a step going back) and the source of a location correction.
NOTE_MAX_CHARS: Final = 500
#: Any other cell an upload reader reads (codes, numbers, dates): far more than a real value needs.
CELL_MAX_CHARS: Final = 1_000

# --- Numbers on the command line and in rosters -----------------------------------------------------------------
#: Villages one team can take per wave, and teams in one district (the planning engine's own bounds).
CAPACITY_MAX: Final = MAX_CAPACITY
TEAMS_MAX: Final = MAX_TEAMS
#: Waves after the pilot that `rollout plan --targets` may ask for: the engine's most waves taking unlocked
#: villages (the province planned 3).
MAX_WAVES: Final = MAX_OPEN_WAVES


def length_message(what: str, text: str, limit: int) -> str:
    """"the reason has 20,000 characters; at most 500 are allowed" (what, count and limit in one sentence)."""
    return f"the {what} has {len(text):,} characters; at most {limit:,} are allowed"
