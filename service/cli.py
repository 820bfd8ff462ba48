"""The ``rollout`` command line (its entry point): geodata's commands plus those that use the database.

    rollout plan ... [--save-as NAME [--replace]]   (geodata.cli; the plan saved through the service)
    rollout export ...                              (geodata.exports.cli; saved scenarios read through the service)
    rollout data build|provinces|nation ...         (geodata.databuild.cli)
    rollout db upgrade                              bring the database to the schema this version needs
    rollout users add NAME --role ROLE[,ROLE] [--amphoe 8001] [--password-stdin]
    rollout users list | disable NAME | enable NAME | password NAME [--password-stdin]

The database is ROLLOUT_DATABASE_URL's (else the embedded SQLite file). Whoever runs these commands can read
that URL and so could change everything anyway: the command line acts with the admin and planner roles and its
changes are recorded as ``cli:<system user>`` (`service.database.command_line_actor`). A password is asked twice
on the terminal, or read as one line from standard input with --password-stdin (never an option: options show
in the process list and the shell history).

Every error prints one line and exits with status 2 (`geodata.cli.run_command`).
"""

from __future__ import annotations

import argparse
import getpass
import sqlite3
import sys
from collections.abc import Sequence
from functools import cache

from sqlalchemy.exc import SQLAlchemyError

from geodata import limits
from geodata.cli import BAD_INPUT_ERRORS, make_parser, run_command
from geodata.errors import GeodataError, WordedError
from geodata.scenario import Scenario
from service.database import DATABASE_URL_VARIABLE, command_line_actor, open_database, upgrade_database
from service.errors import REFUSALS, ScenarioExistsError, ServiceError
from service.workspace import Workspace
from store import ROLES

#: Raw driver errors that could still reach here (the store translates them; this is the net under it).
_DRIVER_ERRORS = (sqlite3.Error, SQLAlchemyError)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``rollout`` console script; returns the exit status (0 done, 2 bad input, 1 a bug)."""
    workspace = cache(lambda: Workspace(open_database(), command_line_actor()))
    parser, commands = make_parser(workspace, lambda: _PlanSaver(workspace()))
    _add_database_commands(commands, workspace)
    return run_command(parser, argv, (*BAD_INPUT_ERRORS, *REFUSALS, *_DRIVER_ERRORS), _message)


def _message(error: Exception) -> str:
    """The error's own text (English, then Thai for an error worded by the catalogue); a raw database driver error
    gets what it means and what to do."""
    if isinstance(error, WordedError):
        return f"{error.words('en')} / {error.words('th')}"
    if not isinstance(error, _DRIVER_ERRORS):
        return str(error)
    return (f"the database cannot be used ({type(error).__name__}: {error}); check {DATABASE_URL_VARIABLE} "
            "(sqlite:///path/to/file.sqlite3) or restore the database file from a backup")


class _PlanSaver:
    """``rollout plan --save-as``: the computed plan saved as a scenario, as the command-line actor."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    def check_name(self, name: str, *, replace: bool) -> None:
        if not replace and self.workspace.has_scenario(name):
            raise ScenarioExistsError(name)

    def save(self, name: str, plan: Scenario, *, replace: bool) -> Scenario:
        return self.workspace.save_plan_as(name, plan, replace=replace)  # recorded as create / save


def _add_database_commands(commands: argparse._SubParsersAction, workspace) -> None:
    database = commands.add_parser("db", help="the database of saved work (ROLLOUT_DATABASE_URL)")
    database_commands = database.add_subparsers(dest="db_command", required=True)
    upgrade = database_commands.add_parser("upgrade", help="bring the database to the schema this version needs "
                                           "(back it up first); creates it if empty")
    upgrade.set_defaults(run=_run_db_upgrade)

    users = commands.add_parser("users", help="user accounts of the dashboard")
    user_commands = users.add_subparsers(dest="action", required=True)
    add = user_commands.add_parser("add", help="add an account (the password is asked, or read with "
                                   "--password-stdin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, help=f"one or more of {', '.join(ROLES)}, comma-separated")
    add.add_argument("--amphoe", help="a district user's amphoe (4-digit DOPA code, e.g. 8001)")
    add.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    add.set_defaults(run=lambda args: _run_users_add(args, workspace()))
    listing = user_commands.add_parser("list", help="every account: name, roles, amphoe, state")
    listing.set_defaults(run=lambda args: _run_users_list(workspace()))
    for action, helps in (("disable", "disable an account and end its sessions"),
                          ("enable", "enable a disabled account")):
        command = user_commands.add_parser(action, help=helps)
        command.add_argument("name")
        command.set_defaults(run=lambda args, action=action: _run_users_switch(args, workspace(), action))
    password = user_commands.add_parser("password", help="set a new password (ends the account's sessions)")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    password.set_defaults(run=lambda args: _run_users_password(args, workspace()))


def _run_db_upgrade(args: argparse.Namespace) -> int:
    result = upgrade_database()
    if result.before == result.after:
        print(f"db upgrade: {result.database} is already at schema {result.after}", file=sys.stderr)
    else:
        print(f"db upgrade: {result.database} upgraded from schema {result.before} to {result.after}",
              file=sys.stderr)
    return 0


def _run_users_add(args: argparse.Namespace, work: Workspace) -> int:
    roles = [role for role in args.role.replace(" ", ",").split(",") if role]
    _check_user_name(args.name)
    user = work.add_user(args.name, _read_password(args.password_stdin), roles, args.amphoe)
    where = f", amphoe {user.amphoe}" if user.amphoe else ""
    print(f"users add: {user.name} ({', '.join(sorted(user.roles))}{where})", file=sys.stderr)
    return 0


def _run_users_list(work: Workspace) -> int:
    rows = [("name", "roles", "amphoe", "state", "created")]
    rows += [(u.name, ",".join(sorted(u.roles)), u.amphoe or "-", "disabled" if u.disabled else "enabled",
              f"{u.created_at[:10]} by {u.created_by}") for u in work.list_users()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0


def _run_users_switch(args: argparse.Namespace, work: Workspace, action: str) -> int:
    user = work.disable_user(args.name) if action == "disable" else work.enable_user(args.name)
    print(f"users {action}: {user.name} is {'disabled' if user.disabled else 'enabled'}", file=sys.stderr)
    return 0


def _run_users_password(args: argparse.Namespace, work: Workspace) -> int:
    work.reset_password(args.name, _read_password(args.password_stdin))
    print(f"users password: {args.name} has a new password; their sessions have ended", file=sys.stderr)
    return 0


def _check_user_name(name: str) -> None:
    if len(name) > limits.NAME_MAX_CHARS:
        raise GeodataError(f"user name: {limits.length_message('name', name, limits.NAME_MAX_CHARS)}")


def _read_password(from_stdin: bool) -> str:
    """The new password: one line of stdin, or typed twice on the terminal."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise ServiceError("--password-stdin read nothing; pipe the password in, e.g. from a password manager")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ServiceError("no terminal to ask the password on; pipe it in with --password-stdin")
    first = getpass.getpass("New password: ")
    if first != getpass.getpass("Same password again: "):
        raise ServiceError("the two passwords differ; nothing was changed, run the command again")
    return first


if __name__ == "__main__":
    sys.exit(main())
