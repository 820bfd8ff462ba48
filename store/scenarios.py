"""Named scenarios: a plan (wave of every village, locks, reasons), its settings and metrics, and its history.

A scenario's `version` goes up by one with every save. `save` takes the version the caller opened and writes
`UPDATE ... WHERE name = :name AND version = :expected`: if another save came first no row matches, the save is
refused with ScenarioConflictError and nothing is written. That holds on PostgreSQL under READ COMMITTED (the
second writer waits for the first one's row lock, then finds the version moved) as on SQLite. A save writes only
the assignment rows that changed.

One scenario per province may be marked as its official (approved) plan; marking is recorded in the scenario's
history (action `official`, at the version that was approved).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from store.database import Store
from store.errors import ScenarioConflictError, ScenarioExistsError, StoreError, UnknownScenarioError
from store.tables import assignments, changes, scenarios

#: The province a scenario covers unless told otherwise (DOPA code of Nakhon Si Thammarat).
DEFAULT_PROVINCE = "80"
#: What a national scenario (every village of the country) records as its province.
NATION = "nation"
_PROVINCE_CODE = re.compile(r"^\d{2}$")
#: How often a read retries when a save lands between its statements.
_READ_ATTEMPTS = 5


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
    province: str = DEFAULT_PROVINCE
    official: bool = False


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
    province: str = DEFAULT_PROVINCE
    official: bool = False


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


#: Assignment row values compared to decide what a save must write: wave, locked (0/1), reason.
_Row = tuple[str | None, int, str | None]


class ScenarioStore(Store):
    """Scenario methods of the store."""

    def scenario_names(self) -> list[str]:
        return [row["name"] for row in self.read(select(scenarios.c.name).order_by(scenarios.c.name))]

    def list_scenarios(self) -> list[ScenarioSummary]:
        c = scenarios.c
        rows = self.read(select(c.name, c.version, c.updated_at, c.updated_by, c.dataset, c.province, c.official)
                         .order_by(c.name))
        return [ScenarioSummary(r["name"], r["version"], r["updated_at"], r["updated_by"], r["dataset"],
                                r["province"], bool(r["official"])) for r in rows]

    def has_scenario(self, name: str) -> bool:
        return bool(self.read(select(scenarios.c.id).where(scenarios.c.name == name)))

    def open_scenario(self, name: str) -> Scenario:
        """The scenario saved under `name`; UnknownScenarioError lists the names that exist."""
        with self.reading() as conn:
            scenario = _read_scenario(conn, name)
        if scenario is None:
            raise UnknownScenarioError(name, self.scenario_names())
        return scenario

    def official_scenario(self, province: str = DEFAULT_PROVINCE) -> Scenario | None:
        """The province's official plan, or None if no scenario is marked yet."""
        rows = self.read(select(scenarios.c.name).where(scenarios.c.province == province, scenarios.c.official))
        return self.open_scenario(rows[0]["name"]) if rows else None

    def save_scenario(self, name: str, *, assignment: Mapping[str, str], locked: Iterable[str] = (),
                      reasons: Mapping[str, str] | None = None, settings: Mapping | None = None,
                      metrics: Mapping | None = None, dataset: str = "embedded", expected_version: int | None,
                      author: str, change: Change | None = None, province: str = DEFAULT_PROVINCE) -> Scenario:
        """Save a plan under `name` in one transaction and record the change in its history.

        `expected_version=None` creates a new scenario of `province` (ScenarioExistsError if the name is taken);
        otherwise the scenario must still be at that version (ScenarioConflictError if another save came first)
        and keeps its province.
        """
        name = name.strip()
        if not name:
            raise StoreError("a scenario needs a name; type one before saving")
        if not isinstance(author, str) or not author.strip():
            raise StoreError(f"saving scenario {name!r} needs the author's name")
        _check_province(province)
        rows = _plan_rows(assignment, frozenset(locked), dict(reasons or {}))
        stamp = now_utc()
        head = {"dataset": dataset, "settings": _json(settings), "metrics": _json(metrics), "updated_at": stamp,
                "updated_by": author}
        with self.transaction() as conn:
            if expected_version is None:
                version = 1
                scenario_id = _insert_scenario(conn, name, {**head, "created_at": stamp, "province": province})
                current: dict[str, _Row] = {}
            else:
                version = expected_version + 1
                scenario_id = conn.execute(
                    update(scenarios).where(scenarios.c.name == name, scenarios.c.version == expected_version)
                    .values(version=version, **head).returning(scenarios.c.id)).scalar()
                if scenario_id is None:  # no row matched: the name is unknown or the version moved on
                    raise self._why_not_saved(conn, name, expected_version)
                current = _current_rows(conn, scenario_id)
            _write_changed_rows(conn, scenario_id, current, rows)
            change = change or Change(version, stamp, author, "create" if version == 1 else "save", ())
            _record_change(conn, scenario_id, version, stamp, author, change)
            return _read_scenario(conn, name)

    def duplicate_scenario(self, name: str, new_name: str, *, author: str) -> Scenario:
        """A copy of `name` saved as `new_name` (its history starts fresh, noting where it came from)."""
        source = self.open_scenario(name)
        return self.save_scenario(
            new_name, assignment=source.assignment, locked=source.locked, reasons=source.reasons,
            settings=source.settings, metrics=source.metrics, dataset=source.dataset, expected_version=None,
            author=author, province=source.province,
            change=Change(1, now_utc(), author, "duplicate", (), {"from": name, "version": source.version}))

    def delete_scenario(self, name: str) -> None:
        with self.transaction() as conn:
            if conn.execute(delete(scenarios).where(scenarios.c.name == name)).rowcount == 0:
                raise UnknownScenarioError(name, _names(conn))

    def mark_official(self, name: str, *, author: str, expected_version: int) -> Scenario:
        """Make `name` its province's official plan, as it is at `expected_version`; the previous one is unmarked.

        Both scenarios' histories record it (`official`, and `unofficial` on the one replaced). Refused with
        ScenarioConflictError if the scenario moved on from the version the approver saw.
        """
        if not isinstance(author, str) or not author.strip():
            raise StoreError(f"marking {name!r} as the official plan needs the approver's name")
        stamp = now_utc()
        with self.transaction() as conn:
            # Write first: touching every scenario of the province queues concurrent markers (and savers) here.
            province_of_name = select(scenarios.c.province).where(scenarios.c.name == name).scalar_subquery()
            conn.execute(update(scenarios).where(scenarios.c.province == province_of_name)
                         .values(official=scenarios.c.official))
            row = conn.execute(select(scenarios).where(scenarios.c.name == name)).mappings().first()
            if row is None:
                raise UnknownScenarioError(name, _names(conn))
            if row["version"] != expected_version:
                raise ScenarioConflictError(name, expected_version, row["version"], row["updated_by"],
                                            row["updated_at"])
            if not row["official"]:
                previous = conn.execute(select(scenarios.c.id, scenarios.c.version).where(
                    scenarios.c.province == row["province"], scenarios.c.official)).mappings().first()
                if previous is not None:
                    conn.execute(update(scenarios).where(scenarios.c.id == previous["id"]).values(official=False))
                    _record_change(conn, previous["id"], previous["version"], stamp, author,
                                   Change(0, stamp, author, "unofficial", (), {"replaced_by": name}))
                conn.execute(update(scenarios).where(scenarios.c.id == row["id"]).values(official=True))
                _record_change(conn, row["id"], row["version"], stamp, author,
                               Change(0, stamp, author, "official", (), {"province": row["province"]}))
            return _read_scenario(conn, name)

    def scenario_history(self, name: str) -> list[Change]:
        """Every recorded change of a scenario, oldest first."""
        rows = self.read(select(changes).join(scenarios, scenarios.c.id == changes.c.scenario_id)
                         .where(scenarios.c.name == name).order_by(changes.c.id))
        if not rows and not self.has_scenario(name):
            raise UnknownScenarioError(name, self.scenario_names())
        return [Change(r["version"], r["at"], r["author"], r["action"], tuple(json.loads(r["villages"])),
                       json.loads(r["detail"]), r["reason"]) for r in rows]

    def _why_not_saved(self, conn: Connection, name: str, expected_version: int) -> StoreError:
        row = conn.execute(select(scenarios.c.version, scenarios.c.updated_by, scenarios.c.updated_at)
                           .where(scenarios.c.name == name)).mappings().first()
        if row is None:
            return UnknownScenarioError(name, _names(conn))
        return ScenarioConflictError(name, expected_version, row["version"], row["updated_by"], row["updated_at"])


def _read_scenario(conn: Connection, name: str) -> Scenario | None:
    """The scenario as one version: re-read if a save landed between reading its head and its rows.

    (On PostgreSQL under READ COMMITTED every statement sees the latest commits, so the head and the rows could
    otherwise come from two versions.)
    """
    for _ in range(_READ_ATTEMPTS):
        head = conn.execute(select(scenarios).where(scenarios.c.name == name)).mappings().first()
        if head is None:
            return None
        plan = _current_rows(conn, head["id"])
        again = conn.execute(select(scenarios.c.version).where(scenarios.c.id == head["id"])).scalar()
        if again == head["version"]:
            break
    else:
        raise StoreError(f"scenario {name!r} kept changing while it was being read; try again")
    return Scenario(
        name=head["name"], version=head["version"], dataset=head["dataset"],
        settings=json.loads(head["settings"]), metrics=json.loads(head["metrics"]),
        assignment={code: wave for code, (wave, _, _) in plan.items() if wave is not None},
        locked=frozenset(code for code, (_, lock, _) in plan.items() if lock),
        reasons={code: reason for code, (_, _, reason) in plan.items() if reason},
        created_at=head["created_at"], updated_at=head["updated_at"], updated_by=head["updated_by"],
        province=head["province"], official=bool(head["official"]))


def _insert_scenario(conn: Connection, name: str, values: dict) -> int:
    try:
        with conn.begin_nested():  # a savepoint, so the refusal leaves the transaction usable on PostgreSQL
            return conn.execute(insert(scenarios).values(name=name, version=1, **values)
                                .returning(scenarios.c.id)).scalar_one()
    except IntegrityError:
        if conn.execute(select(scenarios.c.id).where(scenarios.c.name == name)).first() is not None:
            raise ScenarioExistsError(name) from None
        raise


def _current_rows(conn: Connection, scenario_id: int) -> dict[str, _Row]:
    a = assignments.c
    rows = conn.execute(select(a.village_code, a.wave, a.locked, a.reason).where(a.scenario_id == scenario_id))
    return {code: (wave, int(lock), reason) for code, wave, lock, reason in rows}


def _plan_rows(assignment: Mapping[str, str], locked: frozenset[str], reasons: dict[str, str]) -> dict[str, _Row]:
    """The assignment rows a plan is stored as, checked: codes and waves are text."""
    codes = set(assignment) | locked | set(reasons)
    for code in codes:
        if not isinstance(code, str) or not code.strip():
            raise StoreError(f"a village code must be text, got {code!r}")
    for code, wave in assignment.items():
        if wave is not None and not isinstance(wave, str):
            raise StoreError(f"village {code}: the wave {wave!r} must be a wave label such as '2549'")
    for code, reason in reasons.items():
        if reason is not None and not isinstance(reason, str):
            raise StoreError(f"village {code}: the reason {reason!r} must be text")
    return {code: (assignment.get(code), int(code in locked), reasons.get(code)) for code in sorted(codes)}


def _write_changed_rows(conn: Connection, scenario_id: int, current: Mapping[str, _Row],
                        wanted: Mapping[str, _Row]) -> None:
    """Insert, update and delete only the assignment rows whose values differ."""
    a = assignments.c
    gone = [{"s": scenario_id, "c": code} for code in current if code not in wanted]
    new = [{"scenario_id": scenario_id, "village_code": code, "wave": wave, "locked": lock, "reason": reason}
           for code, (wave, lock, reason) in wanted.items() if code not in current]
    moved = [{"s": scenario_id, "c": code, "w": wave, "l": lock, "r": reason}
             for code, (wave, lock, reason) in wanted.items() if code in current and current[code] != wanted[code]]
    if gone:
        conn.execute(delete(assignments).where(a.scenario_id == bindparam("s"), a.village_code == bindparam("c")),
                     gone)
    if new:
        conn.execute(insert(assignments), new)
    if moved:
        conn.execute(update(assignments).where(a.scenario_id == bindparam("s"), a.village_code == bindparam("c"))
                     .values(wave=bindparam("w"), locked=bindparam("l"), reason=bindparam("r")), moved)


def _record_change(conn: Connection, scenario_id: int, version: int, stamp: str, author: str,
                   change: Change) -> None:
    conn.execute(insert(changes).values(
        scenario_id=scenario_id, version=version, at=stamp, author=author, action=change.action,
        villages=json.dumps(list(change.villages)), detail=_json(change.detail), reason=change.reason))


def _names(conn: Connection) -> list[str]:
    return list(conn.execute(select(scenarios.c.name).order_by(scenarios.c.name)).scalars())


def _check_province(province: str) -> None:
    if not isinstance(province, str) or not (province == NATION or _PROVINCE_CODE.match(province)):
        raise StoreError(f"province {province!r} is not a DOPA province code; use two digits, e.g. '80', or "
                         f"{NATION!r} for a national scenario")


def _json(value: Mapping | None) -> str:
    return json.dumps(dict(value or {}), ensure_ascii=False, sort_keys=True)
