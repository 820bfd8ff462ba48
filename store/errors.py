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
