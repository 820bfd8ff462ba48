"""A tiny plan of two amphoe (8001: three villages, 8002: one) for the service tests, and a snapshot of
everything a write could change."""

from __future__ import annotations

import datetime as dt

from planning import PlanSettings, Roster, Wave

SETTINGS = PlanSettings(waves=(Wave("2549", 2), Wave("2550", None)), roster=Roster({"8001": 1, "8002": 1}, 10, True))
ASSIGNMENT = {"80010101": "2549", "80010102": "2549", "80010201": "2550", "80020101": "2550"}
KNOWN = tuple(ASSIGNMENT)
TODAY = dt.date(2007, 6, 30)
SCENARIO = "แผนทดลอง"


def save_plan(work, name: str = SCENARIO):
    return work.save_scenario(name, assignment=ASSIGNMENT, locked={"80010101"}, reasons={"80010101": "locked"},
                              settings=SETTINGS, metrics={"max_load": 2}, expected_version=None)


def progress_csv(*codes: str) -> bytes:
    lines = [f"{code},1,1/11/2549,," for code in codes]
    return ("village_code,step,reached_on,reported_by,reason\n" + "\n".join(lines) + "\n").encode()


def snapshot(db) -> dict:
    """Everything the service's writes change, as comparable values."""
    return {
        "scenarios": [(s.name, s.version, s.official, s.updated_by) for s in db.list_scenarios()],
        "history": {name: len(db.scenario_history(name)) for name in db.scenario_names()},
        "corrections": db.corrections_revision(),
        "progress": db.progress_revision(),
        "users": [(u.name, u.disabled, u.password_hash, tuple(sorted(u.roles))) for u in db.list_users()],
    }
