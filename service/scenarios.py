"""Scenarios through the service: read as typed plans (settings parsed once), written by planners only.

The store keeps a scenario's settings as JSON; here they become `planning.PlanSettings` on the way out
(`planning.parse_settings`: a document that cannot be read is refused once, naming the scenario) and JSON on the
way in (`PlanSettings.to_json`). A district user reads only their amphoe's villages of a plan.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import planning
from geodata import limits
from geodata.scenario import DEFAULT_PROVINCE, Scenario
from service.base import WorkspaceBase
from service.errors import SavedSettingsError, ScenarioExistsError, ServiceError
from service.roles import Permissions
from store import Change, ScenarioSummary
from store import Scenario as SavedScenario


@dataclass(frozen=True)
class ChangeNote:
    """What a save changed, for the scenario's history: the action (assign, lock, pilot, optimise, ...), the
    villages concerned, details, and the planner's reason. Who and when are the service's to fill in."""

    action: str
    villages: tuple[str, ...] = ()
    detail: Mapping = field(default_factory=dict)
    reason: str | None = None


def typed_scenario(saved: SavedScenario) -> Scenario:
    """A stored scenario as a plan: its settings document parsed (SavedSettingsError names what is wrong)."""
    try:
        settings = planning.parse_settings(saved.settings)
    except planning.SettingsError as error:
        raise SavedSettingsError(
            f"the saved settings of scenario {saved.name!r} cannot be read ({error}); open another scenario, or "
            "save this plan again from one that opens", "access.bad_settings", name=saved.name,
            detail=str(error)) from None
    return Scenario(name=saved.name, version=saved.version, dataset=saved.dataset, settings=settings,
                    metrics=dict(saved.metrics), assignment=dict(saved.assignment), locked=frozenset(saved.locked),
                    reasons=dict(saved.reasons), created_at=saved.created_at, updated_at=saved.updated_at,
                    updated_by=saved.updated_by, province=saved.province, official=saved.official)


def within(scenario: Scenario, granted: Permissions) -> Scenario:
    """The part of a plan an actor may read: a district user's amphoe, or all of it."""
    if granted.amphoe is None:
        return scenario
    return dataclasses.replace(
        scenario, assignment={c: w for c, w in scenario.assignment.items() if granted.covers(c)},
        locked=frozenset(c for c in scenario.locked if granted.covers(c)),
        reasons={c: r for c, r in scenario.reasons.items() if granted.covers(c)})


class ScenarioService(WorkspaceBase):
    """Reading and saving scenarios."""

    # --- reading (planners, executives, district users) -----------------------------------------------------
    def scenario_names(self) -> list[str]:
        self._allowed("read_plans")
        return self.db.scenario_names()

    def list_scenarios(self) -> list[ScenarioSummary]:
        self._allowed("read_plans")
        return self.db.list_scenarios()

    def has_scenario(self, name: str) -> bool:
        self._allowed("read_plans")
        return self.db.has_scenario(name)

    def open_scenario(self, name: str) -> Scenario:
        """The scenario saved under `name` (UnknownScenarioError lists the names), as far as the actor may read."""
        granted = self._allowed("read_plans")
        return within(typed_scenario(self.db.open_scenario(name)), granted)

    def visible_part(self, scenario: Scenario) -> Scenario:
        """The part of a plan (e.g. the unsaved default plan) this actor may read: a district user's amphoe."""
        return within(scenario, self._allowed("read_plans"))

    def official_scenario(self, province: str = DEFAULT_PROVINCE) -> Scenario | None:
        granted = self._allowed("read_plans")
        saved = self.db.official_scenario(province)
        return None if saved is None else within(typed_scenario(saved), granted)

    def scenario_history(self, name: str) -> list[Change]:
        self._allowed("read_plans")
        return self.db.scenario_history(name)

    # --- writing (planners) ---------------------------------------------------------------------------------
    def save_scenario(self, name: str, *, assignment: Mapping[str, str], locked: Iterable[str] = (),
                      reasons: Mapping[str, str] | None = None, settings: planning.PlanSettings,
                      metrics: Mapping | None = None, dataset: str = "embedded", expected_version: int | None,
                      change: ChangeNote | None = None, province: str = DEFAULT_PROVINCE) -> Scenario:
        """Save a plan as the actor (a planner), in one transaction with its history entry.

        `expected_version=None` creates the scenario (ScenarioExistsError if the name is taken); otherwise the
        save is refused (ScenarioConflictError) if another one came after that version.
        """
        self._allowed("edit_plans")
        _check_name(name)
        if not isinstance(settings, planning.PlanSettings):
            raise ServiceError(f"saving {name!r} needs the plan's settings as planning.PlanSettings, got "
                               f"{type(settings).__name__}")
        if change is not None and change.reason and len(change.reason) > limits.NOTE_MAX_CHARS:
            raise ServiceError(f"the reason: {limits.length_message('reason', change.reason, limits.NOTE_MAX_CHARS)}",
                               "access.reason_too_long", max=limits.NOTE_MAX_CHARS)
        author = self.actor.name
        record = None if change is None else Change(0, "", author, change.action, tuple(change.villages),
                                                    dict(change.detail), change.reason or None)
        saved = self.db.save_scenario(
            name, assignment=assignment, locked=locked, reasons=reasons, settings=settings.to_json(),
            metrics=metrics, dataset=dataset, expected_version=expected_version, author=author, change=record,
            province=province)
        return typed_scenario(saved)

    def save_plan_as(self, name: str, plan: Scenario, *, replace: bool = False,
                     change: ChangeNote | None = None) -> Scenario:
        """Save `plan` (e.g. one just optimised) under `name`: a new scenario, or with `replace` a new version of
        the existing one (refused with ScenarioExistsError without it)."""
        self._allowed("edit_plans")
        expected = None
        if self.db.has_scenario(name):
            if not replace:
                raise ScenarioExistsError(name)
            expected = self.db.open_scenario(name).version
        return self.save_scenario(name, assignment=plan.assignment, locked=plan.locked, reasons=plan.reasons,
                                  settings=plan.settings, metrics=plan.metrics, dataset=plan.dataset,
                                  expected_version=expected, change=change, province=plan.province)

    def duplicate_scenario(self, name: str, new_name: str) -> Scenario:
        self._allowed("edit_plans")
        _check_name(new_name)
        return typed_scenario(self.db.duplicate_scenario(name, new_name, author=self.actor.name))

    def delete_scenario(self, name: str) -> None:
        self._allowed("edit_plans")
        self.db.delete_scenario(name)

    def mark_official(self, name: str, *, expected_version: int) -> Scenario:
        """Make `name` its province's official plan as it is at `expected_version` (planners)."""
        self._allowed("edit_plans")
        return typed_scenario(self.db.mark_official(name, author=self.actor.name, expected_version=expected_version))


def _check_name(name: str) -> None:
    if isinstance(name, str) and len(name.strip()) > limits.NAME_MAX_CHARS:
        raise ServiceError(f"the scenario name: {limits.length_message('name', name.strip(), limits.NAME_MAX_CHARS)}",
                           "access.name_too_long", max=limits.NAME_MAX_CHARS)
