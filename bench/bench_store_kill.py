"""A process killed with SIGKILL in the middle of a save leaves the old version or the new one, never a mix.

    .venv/bin/python bench/bench_store_kill.py [--rounds 20] [--backend sqlite,postgresql] [--via service,cli]

For each backend, two ways of saving, both through the service layer as the product saves:

- ``service``: an app-like process saves a scenario of the 1,553 embedded villages over and over as a planner
  (`service.Workspace`), version N putting every village in wave WAVES[N % 3] (a save rewrites all 1,553 rows),
  and is killed with SIGKILL at a random moment once it is saving. Afterwards the store must hold one whole
  version: every village in the wave of the stored version, and a history ending at that version.
- ``cli``: ``rollout plan --save-as NAME --replace`` is run with targets alternating between two schedules and
  killed at a random moment of its run (the save is its last ~0.2 s, so only some kills land in it). Afterwards
  the stored plan must be exactly one of the two schedules' plans and the history must end at its version.

The PostgreSQL run starts a throwaway server on 127.0.0.1 (as tests/postgres_server.py does) and stops it after.
Prints, per backend and way, the rounds that left one whole version and the versions reached.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAME = "แผนทดสอบการหยุด"
WAVES = ("2549", "2550", "2551")
PLANNER = "bench-planner"
#: The two schedules `rollout plan` alternates between (targets after the pilot; the last takes the rest).
SCHEDULES = ("400,600,600", "600,600,400")


def _workspace(url: str):
    from service import Workspace
    from service.logins import actor_of
    from store import open_store

    db = open_store(url)
    return db, Workspace(db, actor_of(db.get_user(PLANNER)))


def saver(url: str) -> None:
    """The process to kill: save the scenario again and again through the service, all villages moving."""
    _, work = _workspace(url)
    scenario = work.open_scenario(NAME)
    print("saving", flush=True)
    while True:
        wave = WAVES[(scenario.version + 1) % 3]
        scenario = work.save_scenario(NAME, assignment=dict.fromkeys(scenario.assignment, wave),
                                      settings=scenario.settings, expected_version=scenario.version)


def check(url: str, plans: dict[str, dict[str, str]] | None = None) -> tuple[bool, int]:
    """Whether the store holds one whole version (of `plans` when given), and which version it is."""
    db, work = _workspace(url)
    scenario = work.open_scenario(NAME)
    history = work.scenario_history(NAME)
    db.close()
    if plans is None:
        whole = set(scenario.assignment.values()) == {WAVES[scenario.version % 3]}
    else:
        whole = any(scenario.assignment == plan for plan in plans.values())
    return whole and len(scenario.assignment) == 1553 and history[-1].version == scenario.version, scenario.version


def prepare(url: str, assignment: dict[str, str]):
    """The planner's account and the scenario's first version."""
    import planning
    from service.passwords import hash_password
    from store import open_store

    db = open_store(url)
    if db.get_user(PLANNER) is None:
        db.create_user(PLANNER, password_hash=hash_password("bench passphrase"), roles={"planner"},
                       created_by="bench")
    _, work = _workspace(url)
    settings = planning.PlanSettings((planning.Wave(w, None) for w in WAVES),
                                     planning.Roster({"8001": 1}, 10, True))
    if work.has_scenario(NAME):
        work.delete_scenario(NAME)
    work.save_scenario(NAME, assignment=assignment, settings=settings, expected_version=None)
    db.close()


def kill_service(url: str, rounds: int, rng: random.Random) -> str:
    import geodata

    codes = sorted(geodata.load_villages()["village_code"])
    prepare(url, dict.fromkeys(codes, WAVES[1]))
    consistent, versions = 0, []
    for _ in range(rounds):
        process = subprocess.Popen([sys.executable, __file__, "--saver", url], stdout=subprocess.PIPE, text=True,
                                   cwd=ROOT)
        assert process.stdout.readline().strip() == "saving"
        time.sleep(rng.uniform(0.05, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        whole, version = check(url)
        consistent += whole
        versions.append(version)
    return (f"{consistent}/{rounds} rounds left one whole version (0 mixed expected); versions reached "
            f"{versions[0]} .. {versions[-1]}, {len(set(versions))} distinct")


def kill_cli(url: str, rounds: int, rng: random.Random) -> str:
    from geodata.cli import PlanOptions, make_plan
    from geodata.planning_inputs import parse_targets

    plans = {targets: dict(make_plan(PlanOptions(targets=parse_targets(targets)))[1].assignment)
             for targets in SCHEDULES}
    prepare(url, plans[SCHEDULES[0]])
    rollout = [sys.executable, "-m", "service.cli", "plan", "--save-as", NAME, "--replace"]
    environment = {**os.environ, "ROLLOUT_DATABASE_URL": url}
    runs = []
    for targets in SCHEDULES:  # the shortest of two whole runs (the first one also warms the file cache)
        started = time.perf_counter()
        subprocess.run([*rollout, "--targets", targets], cwd=ROOT, env=environment, check=True, capture_output=True)
        runs.append(time.perf_counter() - started)
    full = min(runs)
    consistent, versions, advanced = 0, [], 0
    for n in range(rounds):
        before = check(url, plans)[1]
        process = subprocess.Popen([*rollout, "--targets", SCHEDULES[n % 2]], cwd=ROOT, env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5 * full, 1.0 * full))
        process.send_signal(signal.SIGKILL)
        process.wait()
        whole, version = check(url, plans)
        consistent += whole
        advanced += version > before
        versions.append(version)
    return (f"{consistent}/{rounds} rounds left one whole plan (0 mixed expected); {advanced} kills came after the "
            f"save committed, {rounds - advanced} before or during it; a full run takes {full:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--backend", default="sqlite,postgresql")
    parser.add_argument("--via", default="service,cli")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--saver", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.saver:
        saver(args.saver)
        return 0
    rng = random.Random(args.seed)
    ways = {"service": kill_service, "cli": kill_cli}
    for backend in args.backend.split(","):
        server = None
        if backend == "postgresql":
            from tests.postgres_server import PostgresServer

            server = PostgresServer().start()
        try:
            for way in args.via.split(","):
                url = (server.new_database() if server else
                       f"sqlite:///{Path(tempfile.mkdtemp()) / 'kill.sqlite3'}")
                print(f"{backend}, {way}: {ways[way](url, args.rounds, rng)}", flush=True)
        finally:
            if server is not None:
                server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
