"""Named scenarios: a plan (wave of every village, locks, reasons), its settings and metrics, and its history.

A scenario's `version` goes up by one with every save. `save` takes the version the caller opened; if the
scenario has moved on since, the save is refused with ScenarioConflictError and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from store.database import Store
from store.errors import ScenarioConflictError, ScenarioExistsError, StoreError, UnknownScenarioError


def now_utc() -> str:
    """The current time as an ISO 8601 UTC timestamp (seconds)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class ScenarioSummary:
    name: str
    version: int
    updated_at: str
    updated_by: str
    dataset: str


@dataclass(frozen=True)
class Scenario:
    """A saved plan. `assignment` maps village code -> wave label (absent = not assigned)."""

    name: str
    version: int
    dataset: str
    settings: dict
    metrics: dict
    assignment: dict[str, str]
    locked: frozenset[str]
    reasons: dict[str, str]
    created_at: str
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class Change:
    """One applied change, as the history shows it: when, who, what, which villages, why."""

    version: int
    at: str
    author: str
    action: str
    villages: tuple[str, ...]
    detail: dict = field(default_factory=dict)
    reason: str | None = None


class ScenarioStore(Store):
    """Scenario methods of the store."""

    def scenario_names(self) -> list[str]:
        return [row["name"] for row in self.read("SELECT name FROM scenarios ORDER BY name")]

    def list_scenarios(self) -> list[ScenarioSummary]:
        rows = self.read("SELECT name, version, updated_at, updated_by, dataset FROM scenarios ORDER BY name")
        return [ScenarioSummary(**dict(row)) for row in rows]

    def has_scenario(self, name: str) -> bool:
        return bool(self.read("SELECT 1 FROM scenarios WHERE name = ?", (name,)))

    def open_scenario(self, name: str) -> Scenario:
        """The scenario saved under `name`; UnknownScenarioError lists the names that exist."""
        rows = self.read("SELECT * FROM scenarios WHERE name = ?", (name,))
        if not rows:
            raise UnknownScenarioError(name, self.scenario_names())
        head = rows[0]
        plan = self.read("SELECT village_code, wave, locked, reason FROM assignments WHERE scenario_id = ?",
                         (head["id"],))
        return Scenario(
            name=head["name"], version=head["version"], dataset=head["dataset"],
            settings=json.loads(head["settings"]), metrics=json.loads(head["metrics"]),
            assignment={r["village_code"]: r["wave"] for r in plan if r["wave"] is not None},
            locked=frozenset(r["village_code"] for r in plan if r["locked"]),
            reasons={r["village_code"]: r["reason"] for r in plan if r["reason"]},
            created_at=head["created_at"], updated_at=head["updated_at"], updated_by=head["updated_by"],
        )

    def save_scenario(self, name: str, *, assignment: Mapping[str, str], locked: Iterable[str] = (),
                      reasons: Mapping[str, str] | None = None, settings: Mapping | None = None,
                      metrics: Mapping | None = None, dataset: str = "embedded", expected_version: int | None,
                      author: str, change: Change | None = None) -> Scenario:
        """Save a plan under `name` in one transaction and record the change in its history.

        `expected_version=None` creates a new scenario (ScenarioExistsError if the name is taken); otherwise
        the scenario must still be at that version (ScenarioConflictError if another save came first).
        """
        name = name.strip()
        if not name:
            raise StoreError("a scenario needs a name; type one before saving")
        reasons = dict(reasons or {})
        locked = frozenset(locked)
        stamp = now_utc()
        with self.transaction() as conn:
            row = conn.execute("SELECT id, version, updated_by, updated_at FROM scenarios WHERE name = ?",
                               (name,)).fetchone()
            if expected_version is None:
                if row is not None:
                    raise ScenarioExistsError(name)
                version = 1
                scenario_id = conn.execute(
                    "INSERT INTO scenarios (name, version, dataset, settings, metrics, created_at, updated_at, "
                    "updated_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                    (name, dataset, _json(settings), _json(metrics), stamp, stamp, author)).lastrowid
            else:
                if row is None:
                    raise UnknownScenarioError(name, self.scenario_names())
                if row["version"] != expected_version:
                    raise ScenarioConflictError(name, expected_version, row["version"], row["updated_by"],
                                                row["updated_at"])
                scenario_id, version = row["id"], expected_version + 1
                conn.execute(
                    "UPDATE scenarios SET version = ?, dataset = ?, settings = ?, metrics = ?, updated_at = ?, "
                    "updated_by = ? WHERE id = ?",
                    (version, dataset, _json(settings), _json(metrics), stamp, author, scenario_id))
                conn.execute("DELETE FROM assignments WHERE scenario_id = ?", (scenario_id,))
            codes = sorted(set(assignment) | locked | set(reasons))
            conn.executemany(
                "INSERT INTO assignments (scenario_id, village_code, wave, locked, reason) VALUES (?, ?, ?, ?, ?)",
                [(scenario_id, c, assignment.get(c), int(c in locked), reasons.get(c)) for c in codes])
            change = change or Change(version, stamp, author, "create" if version == 1 else "save", ())
            conn.execute(
                "INSERT INTO changes (scenario_id, version, at, author, action, villages, detail, reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (scenario_id, version, stamp, author, change.action, json.dumps(list(change.villages)),
                 _json(change.detail), change.reason))
        return self.open_scenario(name)

    def duplicate_scenario(self, name: str, new_name: str, *, author: str) -> Scenario:
        """A copy of `name` saved as `new_name` (its history starts fresh, noting where it came from)."""
        source = self.open_scenario(name)
        return self.save_scenario(
            new_name, assignment=source.assignment, locked=source.locked, reasons=source.reasons,
            settings=source.settings, metrics=source.metrics, dataset=source.dataset, expected_version=None,
            author=author, change=Change(1, now_utc(), author, "duplicate", (), {"from": name, "version":
                                                                                  source.version}))

    def delete_scenario(self, name: str) -> None:
        with self.transaction() as conn:
            if conn.execute("DELETE FROM scenarios WHERE name = ?", (name,)).rowcount == 0:
                raise UnknownScenarioError(name, self.scenario_names())

    def scenario_history(self, name: str) -> list[Change]:
        """Every recorded change of a scenario, oldest first."""
        rows = self.read(
            "SELECT c.* FROM changes c JOIN scenarios s ON s.id = c.scenario_id WHERE s.name = ? ORDER BY c.id",
            (name,))
        if not rows and not self.has_scenario(name):
            raise UnknownScenarioError(name, self.scenario_names())
        return [Change(r["version"], r["at"], r["author"], r["action"], tuple(json.loads(r["villages"])),
                       json.loads(r["detail"]), r["reason"]) for r in rows]


def _json(value: Mapping | None) -> str:
    return json.dumps(dict(value or {}), ensure_ascii=False, sort_keys=True)
