"""Six-step progress of the villages: an append-only history, so every report ever made can be read back.

A district office reports "village V reached step S on date D"; each report is a new row with who reported it,
who recorded it, when, why (a step going backwards) and where it came from (the page's table or an imported
file's name). Nothing is updated or deleted. A village's current step is its latest report by date reached, then
by order of recording (`current_progress`).

The store only keeps rows; which reports are allowed (steps in order, dates within the village's wave...) is
decided before recording, by planning.progress.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from store.database import Store
from store.errors import StoreError
from store.scenarios import now_utc

#: The steps a row may carry (the table's CHECK constraint says the same).
STEP_RANGE = range(1, 7)
#: `source` of rows typed into the Coverage page's table.
TABLE_SOURCE = "table"


@dataclass(frozen=True)
class NewProgress:
    """A report to record: the village, the step it reached, the date, who reported it, and why if backwards."""

    village_code: str
    step: int
    reached_on: dt.date
    reported_by: str
    reason: str = ""


@dataclass(frozen=True)
class ProgressEntry:
    """One recorded report. `id` orders rows recorded the same day; `recorded_at` is an ISO UTC timestamp."""

    id: int
    village_code: str
    step: int
    reached_on: dt.date
    reported_by: str
    recorded_at: str
    recorded_by: str
    reason: str | None
    source: str


class ProgressStore(Store):
    """Progress methods of the store."""

    def record_progress(self, rows: Iterable[NewProgress], *, source: str, author: str) -> list[ProgressEntry]:
        """Record reports in one transaction (all of them or, on error, none) and return them as stored.

        `source` is `TABLE_SOURCE` or the imported file's name; `author` the planner recording them.
        """
        rows = list(rows)
        if not source.strip():
            raise StoreError("progress needs a source: 'table' or the imported file's name")
        if not author.strip():
            raise StoreError("recording progress needs the planner's name; type it in the sidebar")
        for row in rows:
            _check(row)
        stamp = now_utc()
        stored = []
        with self.transaction() as conn:
            for row in rows:
                cursor = conn.execute(
                    "INSERT INTO progress (village_code, step, reached_on, reported_by, recorded_at, recorded_by, "
                    "reason, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (row.village_code, row.step, row.reached_on.isoformat(), row.reported_by.strip(), stamp,
                     author.strip(), row.reason.strip() or None, source.strip()))
                stored.append(ProgressEntry(cursor.lastrowid, row.village_code, row.step, row.reached_on,
                                            row.reported_by.strip(), stamp, author.strip(),
                                            row.reason.strip() or None, source.strip()))
        return stored

    def current_progress(self) -> dict[str, ProgressEntry]:
        """Each reporting village's current step: its latest report by date reached, then by recording order."""
        rows = self.read(
            "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY village_code ORDER BY reached_on DESC, "
            "id DESC) AS latest FROM progress) WHERE latest = 1 ORDER BY village_code")
        return {row["village_code"]: _entry(row) for row in rows}

    def progress_history(self, village_code: str) -> list[ProgressEntry]:
        """Every report of one village, by date reached then recording order (empty if it never reported)."""
        rows = self.read("SELECT * FROM progress WHERE village_code = ? ORDER BY reached_on, id", (village_code,))
        return [_entry(row) for row in rows]

    def progress_revision(self) -> int:
        """A number that grows with every recorded report: a cheap cache key for progress views."""
        return int(self.read("SELECT COALESCE(MAX(id), 0) FROM progress")[0][0])


def _check(row: NewProgress) -> None:
    code = row.village_code
    if not isinstance(code, str) or not code.strip():
        raise StoreError(f"a progress report needs a village code, got {code!r}")
    if isinstance(row.step, bool) or not isinstance(row.step, int) or row.step not in STEP_RANGE:
        raise StoreError(f"village {code}: step {row.step!r} is not one of the steps 1 to 6")
    if not isinstance(row.reached_on, dt.date) or isinstance(row.reached_on, dt.datetime):
        raise StoreError(f"village {code}: the date reached {row.reached_on!r} must be a date (no time)")
    if not isinstance(row.reported_by, str) or not row.reported_by.strip():
        raise StoreError(f"village {code}: say who reported step {row.step} (reported_by is empty)")


def _entry(row) -> ProgressEntry:
    return ProgressEntry(row["id"], row["village_code"], row["step"], dt.date.fromisoformat(row["reached_on"]),
                         row["reported_by"], row["recorded_at"], row["recorded_by"], row["reason"], row["source"])
