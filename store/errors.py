"""Errors of the store: one base class; messages say what happened and what the user can do."""

from __future__ import annotations


class StoreError(RuntimeError):
    """Base class for problems reading or writing saved work."""


class UnknownScenarioError(StoreError, KeyError):
    def __init__(self, name: str, known: list[str]):
        self.name = name
        listing = ", ".join(repr(k) for k in known) or "none saved yet"
        super().__init__(f"no scenario named {name!r}; saved scenarios: {listing}")

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


class ScenarioExistsError(StoreError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"a scenario named {name!r} already exists; choose another name or open it")


class ScenarioConflictError(StoreError):
    """The scenario changed since it was opened: another session saved it in between."""

    def __init__(self, name: str, expected: int, found: int, saved_by: str, saved_at: str):
        self.name, self.expected, self.found = name, expected, found
        self.saved_by, self.saved_at = saved_by, saved_at
        super().__init__(
            f"scenario {name!r} was changed by {saved_by} at {saved_at} (version {found}, you opened version "
            f"{expected}); reload it to see their changes, or save yours as a new scenario")


#: The command that brings a database to the schema this version of the planner needs.
UPGRADE_COMMAND = "rollout db upgrade"


class DatabaseUpgradeNeededError(StoreError):
    """The database was made by an older version of the planner: its schema must be upgraded before use."""


class ProgressAlreadyRecordedError(StoreError):
    """Some reports are recorded already (same village, step and date): nothing of the batch was recorded."""

    def __init__(self, duplicates: list[tuple[str, int, str]]):
        self.duplicates = duplicates
        listing = ", ".join(f"village {code} step {step} on {day}" for code, step, day in duplicates[:10])
        more = f" and {len(duplicates) - 10} more" if len(duplicates) > 10 else ""
        super().__init__(f"already recorded: {listing}{more}; nothing of this batch was recorded. Reload to see "
                         f"the current steps, then report only what is new")


class UserExistsError(StoreError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"a user named {name!r} already exists; choose another name")


class UnknownUserError(StoreError, KeyError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"no user named {name!r}; `rollout users list` shows the accounts")

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]
