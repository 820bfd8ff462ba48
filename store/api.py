"""The store with all its parts: scenarios, location corrections, six-step progress, users and logins."""

from __future__ import annotations

from store.locations import LocationStore
from store.progress import ProgressStore
from store.scenarios import ScenarioStore
from store.users import UserStore


class FullStore(ScenarioStore, LocationStore, ProgressStore, UserStore):
    """Every method of the store; `store.open_store()` returns one."""
