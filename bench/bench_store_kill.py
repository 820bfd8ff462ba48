"""A process killed with SIGKILL in the middle of a save leaves the old version or the new one, never a mix.

    .venv/bin/python bench/bench_store_kill.py [--rounds 20] [--backend sqlite,postgresql]

For each backend: a scenario of the 1,553 embedded villages is saved; then, `--rounds` times, a separate process
saves it over and over, version N putting every village in wave WAVES[N % 3] (so a save rewrites all 1,553
rows), and is killed with SIGKILL at a random moment once it is saving. Afterwards the store must hold one
whole version: every village in the wave of the stored version, and a history ending at that version. The
PostgreSQL run starts a throwaway server on 127.0.0.1 (as tests/postgres_server.py does) and stops it after.
Prints, per backend, the rounds that left one whole version and the versions reached (a save of 1,553 rows
takes most of the saver's time, so most kills land inside one).
"""

from __future__ import annotations

import argparse
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


def saver(url: str) -> None:
    """The process to kill: save the scenario again and again, all villages moving each time."""
    from store import open_store

    db = open_store(url)
    scenario = db.open_scenario(NAME)
    print("saving", flush=True)
    while True:
        wave = WAVES[(scenario.version + 1) % 3]
        scenario = db.save_scenario(NAME, assignment=dict.fromkeys(scenario.assignment, wave),
                                    expected_version=scenario.version, author="saver")


def check(url: str) -> tuple[bool, int]:
    """Whether the store holds one whole version, and which version it is."""
    from store import open_store

    db = open_store(url)
    scenario = db.open_scenario(NAME)
    history = db.scenario_history(NAME)
    db.close()
    whole = set(scenario.assignment.values()) == {WAVES[scenario.version % 3]} and len(scenario.assignment) == 1553
    return whole and history[-1].version == scenario.version, scenario.version


def run_backend(url: str, rounds: int, rng: random.Random) -> None:
    import geodata
    from store import open_store

    codes = sorted(geodata.load_villages()["village_code"])
    db = open_store(url)
    db.save_scenario(NAME, assignment=dict.fromkeys(codes, WAVES[1]), expected_version=None, author="bench")
    db.close()
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
    backend = url.split(":", 1)[0]
    print(f"{backend}: {consistent}/{rounds} rounds left one whole version (0 mixed expected); versions reached "
          f"{versions[0]} .. {versions[-1]}, {len(set(versions))} distinct")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--backend", default="sqlite,postgresql")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--saver", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.saver:
        saver(args.saver)
        return 0
    rng = random.Random(args.seed)
    backends = args.backend.split(",")
    if "sqlite" in backends:
        run_backend(f"sqlite:///{Path(tempfile.mkdtemp()) / 'kill.sqlite3'}", args.rounds, rng)
    if "postgresql" in backends:
        from tests.postgres_server import PostgresServer

        server = PostgresServer()
        try:
            server.start()
            run_backend(server.new_database(), args.rounds, rng)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
