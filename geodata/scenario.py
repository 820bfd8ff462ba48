"""A plan as every page and export reads it: a scenario with typed settings, saved or not.

The store keeps scenarios as rows and JSON text; the service layer reads them into this value (parsing the
settings once, `planning.parse_settings`) and writes it back. `geodata` builds unsaved ones (the optimised
default plan, a province's part of a national plan) and the exports read them; neither ever sees the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from geodata.provinces import DEFAULT_PROVINCE
from planning import PlanSettings

__all__ = ["DEFAULT_PROVINCE", "Scenario"]


@dataclass(frozen=True)
class Scenario:
    """A plan: `assignment` maps village code -> wave label (absent = not assigned); `locked` are the villages a
    planner or a pilot tambon keeps in their wave; `reasons` why each village is in its wave; `metrics` the
    plan's metrics as JSON values when it was saved. `version` is 0 for a plan that was never saved."""

    name: str
    version: int
    dataset: str
    settings: PlanSettings
    metrics: dict
    assignment: dict[str, str]
    locked: frozenset[str]
    reasons: dict[str, str]
    created_at: str
    updated_at: str
    updated_by: str
    province: str = DEFAULT_PROVINCE
    official: bool = False
