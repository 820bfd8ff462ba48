"""Refusals of the service layer, and the store's errors passed on, so pages and the command line catch one family.

A `ServiceError` says what was refused and what to do, in English (`str(error)`, what the command line prints);
`key` and `values` name the same message in the catalogue, so a page can show it in the reader's language. The
store's own errors (`StoreError` and its kinds: a conflict, a name taken, an unreachable database) are re-exported
from here: pages and the command line never import the store.
"""

from __future__ import annotations

from store import (
    DatabaseUpgradeNeededError,
    ProgressAlreadyRecordedError,
    ScenarioConflictError,
    ScenarioExistsError,
    StoreError,
    UnknownScenarioError,
    UnknownUserError,
    UserExistsError,
)

__all__ = [
    "REFUSALS",
    "AccessDenied",
    "DatabaseUpgradeNeededError",
    "LoginRefused",
    "LoginThrottled",
    "PasswordRejected",
    "ProgressAlreadyRecordedError",
    "SavedSettingsError",
    "ScenarioConflictError",
    "ScenarioExistsError",
    "ServiceError",
    "StoreError",
    "UnknownScenarioError",
    "UnknownUserError",
    "UserExistsError",
]


class ServiceError(Exception):
    """Something the service refused to do; the message says why and what to do instead."""

    def __init__(self, message: str, key: str | None = None, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(message)


class AccessDenied(ServiceError):
    """The person asking may not do this (their role, their amphoe, or their account is disabled)."""


class LoginRefused(ServiceError):
    """Wrong name or password, or a disabled account (the message does not say which: that would help guessing)."""


class LoginThrottled(ServiceError):
    """Too many failed logins lately for this account or from this address."""


class PasswordRejected(ServiceError):
    """A new password that is too short or too long."""


class SavedSettingsError(ServiceError):
    """A saved scenario whose settings document cannot be read as a plan's settings."""


#: What a page or the command line shows as a message (never a traceback): the service's and the store's refusals.
REFUSALS: tuple[type[Exception], ...] = (ServiceError, StoreError)
