"""Six-step progress through the service: planners report for any village, district users for their amphoe's.

Reports are checked against each village's current step by planning.progress's rules inside the transaction that
records them (`store.ProgressStore.record_progress_checked`), so the same file imported twice at once is recorded
once. The person recording is the actor; a row without a reporter is reported by them too. A batch that
reaches outside a district user's amphoe is refused whole, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from geodata import limits
from geodata.progress_io import read_progress_file
from planning.progress import ProgressRow, Reached, Refusal, check_progress_rows
from service.base import WorkspaceBase
from service.errors import AccessDenied, ServiceError
from store.progress import TABLE_SOURCE, NewProgress, ProgressEntry

__all__ = ["TABLE_SOURCE", "ProgressOutcome", "ProgressService", "current_steps"]


@dataclass(frozen=True)
class ProgressOutcome:
    """What happened to a batch of reports: the rows recorded, every refusal, and blank rows skipped."""

    recorded: tuple[ProgressEntry, ...]
    refused: tuple[Refusal, ...]
    skipped: int = 0


def current_steps(entries: Mapping[str, ProgressEntry]) -> dict[str, Reached]:
    """Recorded entries as the planning rules read them: each village's step and the date it was reached."""
    return {code: Reached(e.step, e.reached_on) for code, e in entries.items()}


class ProgressService(WorkspaceBase):
    """Reading and recording six-step progress."""

    def current_progress(self) -> dict[str, ProgressEntry]:
        """Each reporting village's current entry, within the actor's scope."""
        granted = self._allowed("read_plans")
        return {code: entry for code, entry in self.db.current_progress().items() if granted.covers(code)}

    def current_steps(self) -> dict[str, Reached]:
        return current_steps(self.current_progress())

    def progress_history(self, village_code: str) -> list[ProgressEntry]:
        granted = self._allowed("read_plans")
        if not granted.covers(village_code):
            raise self._out_of_scope(granted.amphoe, [village_code])
        return self.db.progress_history(village_code)

    def progress_revision(self) -> int:
        """A number that grows with every recorded report (a cache key)."""
        return self.db.progress_revision()

    def record_reports(self, rows: Sequence[ProgressRow], *, source: str, known_villages: Iterable[str],
                       village_waves: Mapping[str, str], today: dt.date, refused: Sequence[Refusal] = (),
                       skipped: int = 0) -> ProgressOutcome:
        """Check `rows` against the villages' current steps and record the valid ones in one transaction.

        `source` is TABLE_SOURCE or the imported file's name; `refused` are refusals found while reading, returned
        with the new ones. AccessDenied (nothing recorded) if the actor may not report for a row's village.
        """
        granted = self._allowed("report_progress")
        outside = self._outside_scope(granted, (row.village_code for row in rows))
        if outside:
            raise self._out_of_scope(granted.amphoe, outside)
        _check_texts(rows, source)
        known = set(known_villages)
        found: list[Refusal] = []

        def decide(current: Mapping[str, ProgressEntry]) -> list[NewProgress]:
            checked = check_progress_rows(rows, known_villages=known, village_waves=village_waves,
                                          current=current_steps(current), today=today)
            found[:] = checked.refused
            return [NewProgress(r.village_code, r.step, r.reached_on, r.reported_by, r.reason)
                    for r in checked.accepted]

        villages = {row.village_code for row in rows if row.village_code in known}
        recorded = self.db.record_progress_checked(villages, decide, source=source, author=self.actor.name) \
            if rows else []
        all_refused = sorted([*refused, *found], key=lambda r: (r.row is None, r.row or 0))
        return ProgressOutcome(tuple(recorded), tuple(all_refused), skipped)

    def import_progress_file(self, data: bytes, filename: str, *, known_villages: Iterable[str],
                             village_waves: Mapping[str, str], today: dt.date) -> ProgressOutcome:
        """Read a district office's file and record its valid rows (source: the file's name); the rest refused.

        UploadError (nothing recorded) when the file as a whole cannot be read.
        """
        self._allowed("report_progress")
        parsed = read_progress_file(data, filename, reporter=self.actor.name)
        return self.record_reports(parsed.rows, source=Path(filename).name, known_villages=known_villages,
                                   village_waves=village_waves, today=today, refused=parsed.refused,
                                   skipped=parsed.skipped)

    def _out_of_scope(self, amphoe: str | None, villages: Sequence[str]) -> AccessDenied:
        listing = ", ".join(villages[:5]) + (f" and {len(villages) - 5} more" if len(villages) > 5 else "")
        return AccessDenied(f"{self.actor.name} reports for amphoe {amphoe} only; villages {listing} are in another "
                            "amphoe, so nothing was recorded", "access.denied.other_amphoe", name=self.actor.name,
                            amphoe=amphoe, villages=listing)


def _check_texts(rows: Sequence[ProgressRow], source: str) -> None:
    if len(str(source)) > limits.NAME_MAX_CHARS * 2:
        raise ServiceError(f"the source: {limits.length_message('file name', str(source), limits.NAME_MAX_CHARS * 2)}")
    for row in rows:
        for what, value, limit in (("reporter's name", row.reported_by, limits.NAME_MAX_CHARS),
                                   ("reason", row.reason, limits.NOTE_MAX_CHARS)):
            if isinstance(value, str) and len(value) > limit:
                raise ServiceError(f"village {row.village_code}: {limits.length_message(what, value, limit)}",
                                   "access.text_too_long", what=what, max=limit)
