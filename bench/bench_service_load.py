"""Twenty people at once for five minutes on one PostgreSQL server, through the service layer.

    .venv/bin/python bench/bench_service_load.py [--seconds 300] [--processes 2] [--url postgresql+psycopg://...]

Two app-like processes (as two Streamlit servers behind a proxy would be) run ten sessions each, as threads (a
Streamlit server runs each browser session in a thread). Every session logs in (Argon2id, a server-side session),
then works until the time is up:

- 8 planners, four on each of two scenarios of the 1,553 embedded villages: open the scenario, think 0.2-1 s,
  move 5 random villages to another wave and save from the version opened; a save another planner made in
  between is refused (the conflict), and the planner opens the scenario again;
- 8 district users, two per amphoe (8001-8004): read their villages' current steps, import a progress file of
  10 of their villages each one step further (a quarter of the time the same file again, as an office that
  sends a report twice), with refusals per row (`no_change`, `before_current`, ...) and whole imports refused when
  another import of the same rows won (`already recorded`);
- 4 executives: read the official scenario and the province's progress and count villages per district, step
  and wave (what the Coverage page computes).

At the end: saves, refusals by reason, p50/p95 latency of saves (successful and refused) and imports, and the
proof that nothing was lost or recorded twice: every successful save is one history row and one version (versions
1..N, none twice), every recorded report is one progress row, and no village has the same step and date twice.
Without --url, a throwaway server on 127.0.0.1 is started and stopped (tests/postgres_server.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench load passphrase"
SCENARIOS = ("แผน ก", "แผน ข")
AMPHOES = ("8001", "8002", "8003", "8004")
TODAY = dt.date(2009, 9, 30)
WAVES = ("2549", "2550", "2551")


def sessions() -> list[tuple[str, str, str | None]]:
    """(name, role, amphoe) of the 20 sessions."""
    people = [(f"planner{n}", "planner", None) for n in range(8)]
    people += [(f"district{n}", "district", AMPHOES[n % 4]) for n in range(8)]
    people += [(f"executive{n}", "executive", None) for n in range(4)]
    return people


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def prepare(url: str) -> dict[str, str]:
    """Accounts and the two scenarios (the optimised default plan); returns village -> amphoe."""
    import geodata
    from geodata.plans import default_scenario
    from service import Workspace
    from service.database import command_line_actor
    from service.passwords import hash_password
    from store import open_store

    db = open_store(url)
    password_hash = hash_password(PASSWORD)
    for name, role, amphoe in sessions():
        db.create_user(name, password_hash=password_hash, roles={role}, amphoe=amphoe, created_by="bench")
    villages, tambons = geodata.load_villages(), geodata.load_tambons()
    plan = default_scenario(villages, tambons)
    work = Workspace(db, command_line_actor())
    for name in SCENARIOS:
        work.save_plan_as(name, plan)
    work.mark_official(SCENARIOS[0], expected_version=1)
    db.close()
    return dict(zip(villages["village_code"], villages["amphoe_code"], strict=True))


class Session(threading.Thread):
    def __init__(self, db, name: str, role: str, amphoe: str | None, until: float, seed: int,
                 village_amphoe: dict[str, str], results: list):
        super().__init__(daemon=True)
        self.db, self.name_, self.role, self.amphoe, self.until = db, name, role, amphoe, until
        self.rng = random.Random(seed)
        self.village_amphoe, self.results = village_amphoe, results
        self.log: dict = {"saves": [], "refusals": Counter(), "save_seconds": [], "refused_seconds": [],
                          "import_seconds": [], "read_seconds": [], "recorded": 0, "imports": 0, "errors": []}

    def run(self) -> None:
        from service import Gate, Workspace

        login = Gate(self.db).log_in(self.name_, PASSWORD, address=f"10.0.0.{self.rng.randint(1, 250)}")
        work = Workspace(self.db, login.actor)
        step = {"planner": self.plan, "district": self.report, "executive": self.read}[self.role]
        try:
            while time.monotonic() < self.until:
                step(work)
        except Exception as error:  # noqa: BLE001 - counted and shown: the bench expects none
            self.log["errors"].append(f"{type(error).__name__}: {error}")
        self.results.append(self.log)

    def plan(self, work) -> None:
        from service import ChangeNote, ScenarioConflictError

        name = SCENARIOS[int(self.name_[-1]) % 2]
        opened = work.open_scenario(name)
        time.sleep(self.rng.uniform(0.2, 1.0))
        moved = self.rng.sample(sorted(opened.assignment), 5)
        assignment = dict(opened.assignment)
        for code in moved:
            assignment[code] = self.rng.choice([w for w in WAVES if w != assignment[code]])
        started = time.perf_counter()
        try:
            saved = work.save_scenario(name, assignment=assignment, locked=opened.locked, reasons=opened.reasons,
                                       settings=opened.settings, metrics=opened.metrics,
                                       expected_version=opened.version, change=ChangeNote("assign", tuple(moved)))
        except ScenarioConflictError:
            self.log["refused_seconds"].append(time.perf_counter() - started)
            self.log["refusals"]["save: changed by another planner since opened"] += 1
            return
        self.log["save_seconds"].append(time.perf_counter() - started)
        self.log["saves"].append((name, saved.version))

    def report(self, work) -> None:
        from planning.progress import ProgressRow
        from service import ProgressAlreadyRecordedError

        plan = work.official_scenario()
        current = work.current_steps()
        mine = sorted(code for code in plan.assignment if self.village_amphoe[code] == self.amphoe)
        if self.log.get("last") and self.rng.random() < 0.25:
            rows = self.log["last"]
        else:
            rows = []
            for code in self.rng.sample(mine, 10):
                now = current.get(code)
                step = min(6, now.step + 1) if now else 1
                start = dt.date(int(plan.assignment[code]) - 544, 10, 1)
                since = max(now.reached_on, start) if now else start
                rows.append(ProgressRow(code, step, min(TODAY, since + dt.timedelta(days=self.rng.randint(1, 30))),
                                        self.name_))
            self.log["last"] = rows
        started = time.perf_counter()
        try:
            outcome = work.record_reports(rows, source=f"{self.name_}.csv", known_villages=self.village_amphoe,
                                          village_waves=plan.assignment, today=TODAY)
        except ProgressAlreadyRecordedError:
            self.log["refusals"]["import: already recorded by another import"] += 1
        else:
            self.log["recorded"] += len(outcome.recorded)
            for refusal in outcome.refused:
                self.log["refusals"][f"report row: {refusal.check}"] += 1
        self.log["imports"] += 1
        self.log["import_seconds"].append(time.perf_counter() - started)
        time.sleep(self.rng.uniform(0.2, 1.0))

    def read(self, work) -> None:
        from planning.progress import step_counts_by_district

        started = time.perf_counter()
        plan = work.official_scenario()
        current = work.current_steps()
        step_counts_by_district(current, plan.assignment, self.village_amphoe, today=TODAY)
        Counter((self.village_amphoe[code], wave) for code, wave in plan.assignment.items())
        self.log["read_seconds"].append(time.perf_counter() - started)
        time.sleep(self.rng.uniform(0.5, 2.0))


def app_process(url: str, people: list, until: float, seed: int, village_amphoe: dict, queue) -> None:
    from store import open_store

    db = open_store(url)
    results: list = []
    threads = [Session(db, name, role, amphoe, until, seed + n, village_amphoe, results)
               for n, (name, role, amphoe) in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for log in results:
        log.pop("last", None)
    queue.put(results)


def verify(url: str, logs: list[dict]) -> list[str]:
    """The proof: history rows and versions match the successful saves; progress rows match the recorded ones."""
    from sqlalchemy import func, select

    from store import open_store
    from store.tables import progress

    db = open_store(url)
    lines = []
    saves = Counter(name for log in logs for name, _ in log["saves"])
    for name in SCENARIOS:
        history = [c.version for c in db.scenario_history(name) if c.action != "official"]
        final = db.open_scenario(name).version
        won = sorted(version for log in logs for scenario, version in log["saves"] if scenario == name)
        lost = final - 1 - saves[name]
        duplicated = len(history) - len(set(history))
        lines.append(f"{name}: {saves[name]} saves, final version {final}, history versions 1..{max(history)} "
                     f"({len(history)} rows): lost {lost}, duplicated {duplicated}, versions as the savers saw them "
                     f"{'1 each' if won == list(range(2, final + 1)) else 'MISMATCH'}")
    with db.reading() as conn:
        rows = conn.execute(select(func.count()).select_from(progress)).scalar_one()
        distinct = conn.execute(select(func.count()).select_from(
            select(progress.c.village_code, progress.c.step, progress.c.reached_on).distinct().subquery())).scalar_one()
    recorded = sum(log["recorded"] for log in logs)
    lines.append(f"progress: {recorded} reports recorded by the sessions, {rows} rows stored: lost "
                 f"{recorded - rows if recorded > rows else 0}, extra {rows - recorded if rows > recorded else 0}, "
                 f"same village/step/date twice {rows - distinct}")
    db.close()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--url", help="a new, empty PostgreSQL database (default: a throwaway server)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    server = None
    if args.url is None:
        from tests.postgres_server import PostgresServer

        server = PostgresServer().start()
    try:
        url = args.url or server.new_database()
        village_amphoe = prepare(url)
        people = sessions()
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        until = time.monotonic() + args.seconds
        workers = [context.Process(target=app_process, args=(url, people[n::args.processes], until,
                                                              args.seed + 100 * n, village_amphoe, queue))
                   for n in range(args.processes)]
        for worker in workers:
            worker.start()
        logs = [log for _ in workers for log in queue.get(timeout=args.seconds + 300)]
        for worker in workers:
            worker.join()
        saves = [s for log in logs for s in log["save_seconds"]]
        refused = [s for log in logs for s in log["refused_seconds"]]
        imports = [s for log in logs for s in log["import_seconds"]]
        reads = [s for log in logs for s in log["read_seconds"]]
        refusals = sum((log["refusals"] for log in logs), Counter())
        print(f"{len(people)} sessions in {args.processes} processes for {args.seconds:.0f} s on PostgreSQL")
        print(f"saves: {len(saves)}; save latency p50 {percentile(saves, 0.5) * 1000:.0f} ms, p95 "
              f"{percentile(saves, 0.95) * 1000:.0f} ms (refused saves p50 {percentile(refused, 0.5) * 1000:.0f} ms)")
        print(f"imports: {sum(log['imports'] for log in logs)}; p50 {percentile(imports, 0.5) * 1000:.0f} ms, p95 "
              f"{percentile(imports, 0.95) * 1000:.0f} ms; executive reads: {len(reads)}, p50 "
              f"{percentile(reads, 0.5) * 1000:.0f} ms, p95 {percentile(reads, 0.95) * 1000:.0f} ms")
        print("refusals: " + "; ".join(f"{reason} {count}" for reason, count in refusals.most_common()))
        errors = [error for log in logs for error in log["errors"]]
        print(f"unexpected errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
        for line in verify(url, logs):
            print(line)
        return 0 if not errors else 1
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
