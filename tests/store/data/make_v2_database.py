"""How `v2_rollout.sqlite3` was made: run once with the store of commit d3fbc3a (raw sqlite3, PRAGMA
user_version = 2, no alembic_version table), before the store moved to SQLAlchemy and Alembic.

Kept for the record; it is not a test and is not run by the suite. The file holds what a planner of that time
would have saved: a province plan of every embedded village saved three times, a duplicate of it, location
corrections, and six-step progress including the duplicate rows two concurrent imports of one file left behind.

    python tests/store/data/make_v2_database.py tests/store/data/v2_rollout.sqlite3
"""

import datetime as dt
import sqlite3
import sys

import geodata
from store import Change, open_store
from store.locations import NewCorrection, PreviousPoint
from store.progress import NewProgress

WAVES = ("2549", "2550", "2551")


def main(path: str) -> None:
    codes = sorted(geodata.load_villages()["village_code"])
    db = open_store(f"sqlite:///{path}")
    plan = {code: WAVES[i % 3] for i, code in enumerate(codes)}
    db.save_scenario("แผนหลัก", assignment=plan, locked=set(codes[:40]), reasons={codes[0]: "นำร่อง"},
                     settings={"capacity": 10, "targets": [400, 600, 600]}, metrics={"max_load": 2.5},
                     expected_version=None, author="สมชาย")
    db.save_scenario("แผนหลัก", assignment={**plan, codes[1]: "2551"}, locked=set(codes[:40]),
                     reasons={codes[0]: "นำร่อง"}, settings={"capacity": 10}, metrics={"max_load": 2.4},
                     expected_version=1, author="สมหญิง",
                     change=Change(2, "", "สมหญิง", "assign", (codes[1],), {"to": "2551"}, "ถนนขาด"))
    db.save_scenario("แผนหลัก", assignment={**plan, codes[1]: "2551", codes[2]: "2549"}, locked=set(codes[:41]),
                     reasons={codes[0]: "นำร่อง"}, settings={"capacity": 10}, metrics={"max_load": 2.4},
                     expected_version=2, author="สมชาย",
                     change=Change(3, "", "สมชาย", "lock", (codes[40],), {}))
    db.duplicate_scenario("แผนหลัก", "ทางเลือก ข", author="สมหญิง")
    db.add_location_corrections([NewCorrection(codes[i], 8.4 + i / 100, 99.9, "GPS อบต.",
                                               PreviousPoint(8.43, 99.96, "estimated")) for i in range(5)],
                                author="สมชาย")
    db.add_location_correction(codes[0], 8.41, 99.91, source="สำรวจ", author="สมหญิง",
                               previous=PreviousPoint(8.4, 99.9, "high"))
    reports = [NewProgress(codes[i], 1 + i % 3, dt.date(2006, 11, 1 + i % 20), "พัฒนาการอำเภอ") for i in range(30)]
    db.record_progress(reports, source="amphoe-8001.csv", author="สมชาย")
    db.record_progress(reports[:10], source="amphoe-8001.csv", author="สมชาย")  # the duplicate import
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1])
