"""Store operations for the concurrency tests, each run in a process of its own (tests/store/concurrency.py).

Each worker prepares everything, calls `wait()` (ready, then held until every worker is ready), does its one
operation and returns its outcome as a short text. Expected refusals are outcomes, not failures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from store import ProgressAlreadyRecordedError, ScenarioConflictError, open_store
from store.progress import TABLE_SOURCE, NewProgress

SCENARIO = "แผนร่วม"
WAVES = ("2549", "2550", "2551")


def village_codes(count: int) -> list[str]:
    return [f"8001{tambon:02d}{moo:02d}" for tambon in range(1, 21) for moo in range(1, 21)][:count]


def progress_rows(count: int = 200) -> list[NewProgress]:
    return [NewProgress(code, 1 + i % 3, dt.date(2006, 11, 1) + dt.timedelta(days=i % 30), "อำเภอ")
            for i, code in enumerate(village_codes(count))]


def main(action: str, url: str, argument: str, wait: Callable[[], None]) -> str:
    if action == "first-open":
        wait()
        db = open_store(url)
        db.save_scenario(argument, assignment={"80010101": "2549"}, expected_version=None, author=argument)
        return "opened"
    db = open_store(url)
    if action == "save":
        opened = db.open_scenario(SCENARIO)
        plan = {**opened.assignment, village_codes(1)[0]: argument}
        wait()
        try:
            db.save_scenario(SCENARIO, assignment=plan, expected_version=opened.version, author=f"worker {argument}")
        except ScenarioConflictError:
            return "conflict"
        return "saved"
    if action == "record":
        rows = progress_rows()
        wait()
        try:
            return f"recorded {len(db.record_progress(rows, source='amphoe-8001.csv', author='worker'))}"
        except ProgressAlreadyRecordedError:
            return "already recorded"
    if action == "mark-official":
        opened = db.open_scenario(argument)
        wait()
        return db.mark_official(argument, author=argument, expected_version=opened.version).name
    raise SystemExit(f"unknown action {action!r}; use first-open, save, record or mark-official ({TABLE_SOURCE})")

