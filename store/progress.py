"""Six-step progress of the villages: an append-only history, so every report ever made can be read back.

A district office reports "village V reached step S on date D"; each report is a new row with who reported it,
who recorded it, when, why (a step going backwards) and where it came from (the page's table or an imported
file's name). Nothing is updated or deleted. A village's current step is its latest report by date reached, then
by order of recording (`current_progress`).

The store keeps rows and refuses a report recorded already (same village, step and date). Which reports are
allowed (steps in order, dates within the village's wave...) is planning.progress's to say; the caller passes
that check to `record_progress_checked`, which runs it inside the transaction that writes, against the
villages' latest history, with concurrent recorders of the same villages queued behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from store.database import Store
from store.errors import ProgressAlreadyRecordedError, StoreError
from store.scenarios import now_utc
from store.tables import progress, progress_locks

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


#: Chooses what to record given the current entries of the villages concerned (village code -> latest entry).
Decide = Callable[[Mapping[str, ProgressEntry]], Sequence[NewProgress]]


class ProgressStore(Store):
    """Progress methods of the store."""

    def record_progress(self, rows: Iterable[NewProgress], *, source: str, author: str) -> list[ProgressEntry]:
        """Record reports in one transaction (all of them or, on error, none) and return them as stored.

        `source` is `TABLE_SOURCE` or the imported file's name; `author` the planner recording them. A report
        recorded already (same village, step and date) refuses the batch (ProgressAlreadyRecordedError).
        """
        rows = list(rows)
        _check_batch(rows, source, author)
        return self.record_progress_checked({row.village_code for row in rows}, lambda _current: rows,
                                            source=source, author=author)

    def record_progress_checked(self, villages: Collection[str], decide: Decide, *, source: str,
                                author: str) -> list[ProgressEntry]:
        """Record what `decide` accepts, deciding and writing in one transaction with `villages` locked.

        `decide` gets the current entry of each of `villages` that has one, as committed by every recorder
        before (recorders of the same villages wait for each other here), and returns the reports to record,
        which must concern only `villages`. It must not touch the store. All or nothing, as `record_progress`.
        """
        _check_batch([], source, author)
        villages = sorted(set(villages))
        stamp = now_utc()
        with self.transaction() as conn:
            _lock_villages(conn, villages, stamp)
            rows = list(decide(_current(conn, villages)))
            _check_batch(rows, source, author)
            strays = sorted({row.village_code for row in rows} - set(villages))
            if strays:
                raise StoreError(f"reports for villages {', '.join(strays)} were not among the villages locked")
            if not rows:
                return []
            _refuse_duplicates(conn, rows)
            values = [{"village_code": row.village_code, "step": row.step, "reached_on": row.reached_on.isoformat(),
                       "reported_by": row.reported_by.strip(), "recorded_at": stamp, "recorded_by": author.strip(),
                       "reason": row.reason.strip() or None, "source": source.strip()} for row in rows]
            ids = conn.execute(insert(progress).returning(progress.c.id, sort_by_parameter_order=True),
                               values).scalars().all()
        return [ProgressEntry(i, v["village_code"], v["step"], row.reached_on, v["reported_by"], stamp,
                              v["recorded_by"], v["reason"], v["source"]) for i, v, row in zip(ids, values, rows,
                                                                                                 strict=True)]

    def current_progress(self) -> dict[str, ProgressEntry]:
        """Each reporting village's current step: its latest report by date reached, then by recording order."""
        with self.reading() as conn:
            return _current(conn, None)

    def progress_history(self, village_code: str) -> list[ProgressEntry]:
        """Every report of one village, by date reached then recording order (empty if it never reported)."""
        rows = self.read(select(progress).where(progress.c.village_code == village_code)
                         .order_by(progress.c.reached_on, progress.c.id))
        return [_entry(row) for row in rows]

    def progress_revision(self) -> int:
        """A number that grows with every recorded report: a cheap cache key for progress views.

        The count of rows, not the largest id: on PostgreSQL ids are handed out before commit, so a report
        committed later may carry a smaller id than one already seen. Rows are never deleted.
        """
        return int(self.read(select(func.count().label("n")).select_from(progress))[0]["n"])


def _lock_villages(conn: Connection, villages: Sequence[str], stamp: str) -> None:
    """Write each village's lock row (in code order, so two recorders never wait for each other in a circle)."""
    if not villages:
        return
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    statement = dialect_insert(progress_locks)
    statement = statement.on_conflict_do_update(index_elements=[progress_locks.c.village_code],
                                                set_={"locked_at": statement.excluded.locked_at})
    conn.execute(statement, [{"village_code": code, "locked_at": stamp} for code in villages])


def _current(conn: Connection, villages: Sequence[str] | None) -> dict[str, ProgressEntry]:
    latest = func.row_number().over(partition_by=progress.c.village_code,
                                    order_by=(progress.c.reached_on.desc(), progress.c.id.desc()))
    ranked = select(progress, latest.label("latest"))
    if villages is not None:
        ranked = ranked.where(progress.c.village_code.in_(villages))
    ranked = ranked.subquery()
    rows = conn.execute(select(ranked).where(ranked.c.latest == 1).order_by(ranked.c.village_code)).mappings()
    return {row["village_code"]: _entry(row) for row in rows}


def _refuse_duplicates(conn: Connection, rows: Sequence[NewProgress]) -> None:
    keys = [(row.village_code, row.step, row.reached_on.isoformat()) for row in rows]
    recorded = {tuple(row) for row in conn.execute(
        select(progress.c.village_code, progress.c.step, progress.c.reached_on)
        .where(progress.c.village_code.in_({code for code, _, _ in keys})))}
    seen: set[tuple[str, int, str]] = set()
    duplicates = []
    for key in keys:
        if key in recorded or key in seen:
            duplicates.append(key)
        seen.add(key)
    if duplicates:
        raise ProgressAlreadyRecordedError(duplicates)


def _check_batch(rows: Sequence[NewProgress], source: str, author: str) -> None:
    if not isinstance(source, str) or not source.strip():
        raise StoreError("progress needs a source: 'table' or the imported file's name")
    if not isinstance(author, str) or not author.strip():
        raise StoreError("recording progress needs the recording planner's name (the logged-in user)")
    for row in rows:
        _check(row)


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
