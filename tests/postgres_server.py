"""A throwaway PostgreSQL server for the tests: its own data folder under /tmp, a free port on 127.0.0.1, trust
authentication on loopback, stopped at the end of the session (also when tests fail).

initdb and pg_ctl refuse to run as root, so as root they run as Debian's unprivileged `postgres` user through
`runuser`. Debian keeps the server programs in /usr/lib/postgresql/<major>/bin, off PATH.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

INSTALL_HINT = ("install Debian's PostgreSQL server (`apt-get install postgresql`, which `make test` does) so "
                "the store is tested on PostgreSQL as well as SQLite")
SUPERUSER = "rollout"
SERVICE_ACCOUNT = "postgres"


class PostgresMissing(RuntimeError):
    """The server programs or an unprivileged account to run them are not there."""


def server_bin() -> Path:
    """The folder holding initdb and pg_ctl (the newest Debian major version, else PATH)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresMissing(f"PostgreSQL server programs (initdb, pg_ctl) not found: {INSTALL_HINT}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """Start with `start()`, stop with `stop()`; `url(database)` names a database on it."""

    def __init__(self) -> None:
        self.bin = server_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="rollout-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._names = itertools.count(1)
        self._runner: list[str] = []
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam(SERVICE_ACCOUNT)
            except KeyError:
                raise PostgresMissing(f"no unprivileged '{SERVICE_ACCOUNT}' account to run the server as "
                                      f"(initdb refuses root): {INSTALL_HINT}") from None
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self._runner = ["runuser", "-u", SERVICE_ACCOUNT, "--"]

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self._runner, *command], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command[:2])} failed ({done.returncode}): {done.stderr.strip()} "
                               f"{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def start(self) -> PostgresServer:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
                  "--no-sync", "--no-instructions")
        self.resume()
        return self

    def resume(self) -> None:
        """Start the server on its data folder (after `pause`)."""
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   f"-c full_page_writes=off -c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w",
                  "-t", "60", "start")

    def pause(self) -> None:
        """Stop the server, keeping its data (as an outage or a restart would)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database on this server."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def execute(self, sql: str) -> None:
        """Run one statement as the superuser, outside a transaction (CREATE/ALTER DATABASE)."""
        import psycopg

        with psycopg.connect(self.url(driver="postgresql"), autocommit=True) as conn:
            conn.execute(sql)
