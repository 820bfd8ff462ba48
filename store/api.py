"""The store with all its parts: scenarios, location corrections and six-step progress."""

from __future__ import annotations

from store.locations import LocationStore
from store.progress import ProgressStore
from store.scenarios import ScenarioStore


class FullStore(ScenarioStore, LocationStore, ProgressStore):
    """Every method of the store; `store.open_store()` returns one."""
