"""The service layer: the only code that uses the store, and where the rights of the person asking are checked.

Pages (`dashboard/`) and the command line (`service.cli`) call it; it calls the store (`store/`) and uses
`geodata` and `planning` for the rest. Nothing of the store leaks upward except its records and errors, which
are re-exported here:

    db = open_database()                        # ROLLOUT_DATABASE_URL, else the embedded SQLite file
    gate = Gate(db)
    gate.ensure_first_admin()                   # first start: the `admin` account
    login = gate.log_in("somchai", password, address="10.0.0.7")
    work = Workspace(db, login.actor)           # every method checks the actor's rights
    plan = work.open_scenario("แผนหลัก")         # settings typed (planning.PlanSettings)
    work.save_scenario(..., expected_version=plan.version)   # planners only; recorded as login.actor.name

Imports point one way: dashboard -> service -> geodata -> planning, and service -> store (tests/test_layering.py).
"""

from service.database import UPGRADE_COMMAND, open_database
from service.errors import (
    REFUSALS,
    AccessDenied,
    DatabaseUpgradeNeededError,
    LoginRefused,
    LoginThrottled,
    PasswordRejected,
    ProgressAlreadyRecordedError,
    SavedSettingsError,
    ScenarioConflictError,
    ScenarioExistsError,
    ServiceError,
    StoreError,
    UnknownScenarioError,
    UnknownUserError,
    UserExistsError,
)
from service.logins import Gate, Login
from service.progress import TABLE_SOURCE, ProgressOutcome
from service.roles import ADMIN, DISTRICT, EXECUTIVE, PLANNER, Actor, Permissions, amphoe_of, permissions
from service.scenarios import ChangeNote
from service.workspace import Workspace
from store import Change, ScenarioSummary

__all__ = [
    "ADMIN",
    "DISTRICT",
    "EXECUTIVE",
    "PLANNER",
    "REFUSALS",
    "TABLE_SOURCE",
    "UPGRADE_COMMAND",
    "AccessDenied",
    "Actor",
    "Change",
    "ChangeNote",
    "DatabaseUpgradeNeededError",
    "Gate",
    "Login",
    "LoginRefused",
    "LoginThrottled",
    "PasswordRejected",
    "Permissions",
    "ProgressAlreadyRecordedError",
    "ProgressOutcome",
    "SavedSettingsError",
    "ScenarioConflictError",
    "ScenarioExistsError",
    "ScenarioSummary",
    "ServiceError",
    "StoreError",
    "UnknownScenarioError",
    "UnknownUserError",
    "UserExistsError",
    "Workspace",
    "amphoe_of",
    "open_database",
    "permissions",
]
