"""The Plan page's editing session: the open scenario, pending edits, the selection, undo/redo, and saving.

The plan being edited is always a saved scenario. Applying pending edits, undoing and redoing each save a new
version with its change record (when, who, what, which villages, why), so a browser reload, a server restart or a
crash loses nothing that was applied. Saving passes the version this session opened; if another session saved in
between, the store refuses (ScenarioConflictError) and the session keeps its pending edits and offers to reload
(the edits are re-applied to the newer version) or to save them as a new scenario.

Everything here works on a `service.Workspace` (the logged-in planner's; the service records them as the author
of every save) and plain values; only `current`/`keep` touch `st.session_state`, so the session logic is tested
without Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

import geopandas as gpd
import streamlit as st

import planning
import service
from dashboard.common.open_scenario import remember_open
from dashboard.plan.edits import (
    OPTIMISE,
    WAVES,
    Edit,
    EditError,
    History,
    Plan,
    Step,
    apply_edits,
    change_summary,
    effective_edit,
    waves_settings,
)
from geodata import provinces, schema
from geodata.plans import metrics_to_json, problem_from_scenario
from geodata.scenario import Scenario

SESSION_KEY = "plan_session"
#: The scenario created from the optimised default plan on a first visit.
MAIN_SCENARIO = "แผนหลัก"


@dataclass(frozen=True)
class Conflict:
    """A save refused because the scenario changed elsewhere (or is gone): what this session tried to save, and
    the store's error, which names who saved which version when."""

    error: service.StoreError
    draft: Plan

    @property
    def message(self) -> str:
        """The store's own (English) message."""
        return str(self.error)

    @property
    def saved_by(self) -> str:
        return getattr(self.error, "saved_by", "")


@dataclass(frozen=True)
class Session:
    """One browser session's work on one scenario."""

    scenario: Scenario
    pending: tuple[Edit, ...] = ()
    history: History = field(default_factory=History)
    selection: frozenset[str] = frozenset()
    conflict: Conflict | None = None
    last_optimise: Mapping | None = None

    @property
    def plan(self) -> Plan:
        """The saved plan (what the database holds for the version this session opened)."""
        return Plan.of(self.scenario)


@dataclass(frozen=True)
class Villages:
    """What edits and problems need from the data set in use."""

    frame: gpd.GeoDataFrame
    tambons: gpd.GeoDataFrame
    tambon_of: dict[str, str]

    @classmethod
    def of(cls, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame) -> Villages:
        return cls(villages, tambons, dict(zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE],
                                                strict=True)))


# --- Opening ----------------------------------------------------------------------------------------------
def main_scenario_name(province: str = provinces.DEFAULT_PROVINCE) -> str:
    """The scenario a first visit creates for a province: "แผนหลัก" for the default province, "แผนหลัก · ระนอง"
    for another (one name per province, so each province has its own)."""
    if province == provinces.DEFAULT_PROVINCE:
        return MAIN_SCENARIO
    return f"{MAIN_SCENARIO} · {provinces.province(province).name_th}"


def open_or_create(db: service.Workspace, name: str | None, default: Callable[[], Scenario],
                   province: str = provinces.DEFAULT_PROVINCE) -> tuple[Scenario, str | None]:
    """The scenario to edit and, if the asked one could not be opened, why.

    `name` (from the URL) if saved; otherwise the province's main scenario; otherwise the province's most
    recently saved one; and on a first visit (nothing saved for the province) its main scenario is created from
    `default()`, the province's optimised default plan.
    """
    problem = None
    if name and db.has_scenario(name):
        return db.open_scenario(name), None
    if name:
        problem = name
    main = main_scenario_name(province)
    saved = sorted((s for s in db.list_scenarios() if s.province == province), key=lambda s: s.updated_at,
                   reverse=True)
    if any(s.name == main for s in saved):
        return db.open_scenario(main), problem
    if saved:
        return db.open_scenario(saved[0].name), problem
    return create_from(db, main, default()), problem


def create_from(db: service.Workspace, name: str, source: Scenario) -> Scenario:
    """Save `source` (e.g. the unsaved default plan) as a new scenario; if another session just created the
    same name, open theirs."""
    try:
        return db.save_scenario(
            name, assignment=source.assignment, locked=source.locked, reasons=source.reasons,
            settings=source.settings, metrics=source.metrics, dataset=source.dataset, expected_version=None,
            change=service.ChangeNote("create", (), {"from": source.name}), province=source.province)
    except service.ScenarioExistsError:
        return db.open_scenario(name)


# --- Problems and metrics ---------------------------------------------------------------------------------
def problem_for(scenario: Scenario, plan: Plan, villages: Villages
                ) -> tuple[planning.Problem | None, planning.PlanningError | None]:
    """The planning problem of a plan (its waves, roster, pilots and locks), and the error if it has none.

    When the locks themselves make the plan impossible (e.g. more villages locked to a wave than its size), the
    problem without locks is returned with the error, so the tallies still show and the error says what to fix.
    """
    draft = replace(scenario, assignment=dict(plan.assignment), locked=plan.locked, reasons=dict(plan.reasons),
                    settings=plan.settings)
    try:
        return problem_from_scenario(draft, villages.frame, villages.tambons), None
    except planning.PlanningError as error:
        unlocked = replace(draft, locked=frozenset(), settings=replace(draft.settings, pilot_tambons=()))
        try:
            return problem_from_scenario(unlocked, villages.frame, villages.tambons), error
        except planning.PlanningError:
            return None, error


def metrics_of(scenario: Scenario, plan: Plan, villages: Villages, edits: Iterable[Edit] = ()) -> dict:
    """The metrics to save with a plan: the optimiser's when the last edit accepted its result, else evaluated."""
    edits = list(edits)
    if edits and edits[-1].action in (OPTIMISE, WAVES) and edits[-1].metrics is not None:
        return dict(edits[-1].metrics)
    problem, _ = problem_for(scenario, plan, villages)
    if problem is None:
        return {}
    return metrics_to_json(planning.evaluate(problem, plan.assignment))


# --- Editing ----------------------------------------------------------------------------------------------
def pending_villages(session: Session) -> list[str]:
    """Villages the pending edits touch (assigned, locked, moved by the optimiser): drawn larger on the map."""
    codes: list[str] = []
    for edit in session.pending:
        codes += list(edit.villages) + list(edit.moved)
    return codes


def draft(session: Session, villages: Villages) -> Plan:
    """The plan with the pending edits applied (what the tallies and the map show)."""
    return apply_edits(session.plan, session.pending, villages.tambon_of)


def add_edit(session: Session, edit: Edit, villages: Villages) -> Session:
    """Queue an edit as pending, naming only the villages it changes; raises EditError (nothing queued) if it
    cannot be applied to the draft or changes nothing there.

    The optimiser's status stays shown while its result is the latest change, and goes with any other edit.
    """
    edit = effective_edit(draft(session, villages), edit, villages.tambon_of)
    status = edit.metrics if edit.action in (OPTIMISE, WAVES) else None
    return replace(session, pending=(*session.pending, edit), last_optimise=status)


def discard_pending(session: Session) -> Session:
    return replace(session, pending=(), last_optimise=None)


def optimise_rest(session: Session, villages: Villages) -> Edit:
    """Re-optimise the draft's unlocked villages, keeping every lock and pilot; the result as a pending edit.

    Raises planning.PlanningError (e.g. InfeasiblePlanError) with the engine's message when no plan fits.
    """
    current = draft(session, villages)
    problem, error = problem_for(session.scenario, current, villages)
    if error is not None:
        raise error
    known = {v: w for v, w in current.assignment.items() if v in problem.villages and w in problem.labels}
    result = planning.reoptimise(problem, known)
    return Edit(OPTIMISE, assignment=dict(result.assignment), reasons=dict(result.reasons),
                metrics=metrics_to_json(result.metrics),
                moved={v: [old, new] for v, (old, new) in result.moved.items()},
                villages=tuple(sorted(result.moved)))


def replan_waves(session: Session, villages: Villages, waves: list[dict], pilot_label: str | None) -> Edit:
    """The draft re-made for new waves (`waves`: the settings' list of {label, target}; `pilot_label`: the
    pilot wave's label, or None for no pilot wave), as a pending edit.

    Waves correspond by position (the pilot wave to the pilot wave; the first wave after it to the new first, and so
    on), so a rollout moved to other years keeps its shape: a village stays in the wave of the same position, and
    stays locked there, when that wave still exists; the optimiser places the rest, moving as few as it can.
    Without a pilot wave there are no pilot tambons. Raises planning.PlanningError (e.g. the locks do not fit the
    new targets) with the engine's message.
    """
    current = draft(session, villages)
    old_waves = [{"label": w.label, "target": w.target} for w in current.settings.waves]
    if _same_waves(old_waves, waves) and pilot_label == current.pilot_label:
        waves = old_waves  # only the last wave's maximum may differ: keep it
    renamed = _renamed_waves(current.labels, current.pilot_label, [w["label"] for w in waves], pilot_label)
    pilots = current.pilot_tambons if pilot_label is not None else frozenset()
    locked = frozenset(v for v in current.locked if current.assignment.get(v) in renamed
                       and (pilot_label is not None or villages.tambon_of.get(v) not in current.pilot_tambons))
    known = {v: renamed[w] for v, w in current.assignment.items() if w in renamed}
    settings = replace(waves_settings(current.settings, waves, pilot_label), pilot_tambons=tuple(sorted(pilots)))
    scenario = replace(session.scenario, assignment=known, locked=locked, settings=settings)
    problem = problem_from_scenario(scenario, villages.frame, villages.tambons)
    known = {v: w for v, w in known.items() if v in problem.villages}
    result = planning.reoptimise(problem, known)
    moved = {v: [current.assignment.get(v, ""), new] for v, new in result.assignment.items()
             if known.get(v) != new}
    return Edit(WAVES, waves=tuple(dict(w) for w in waves), pilot_label=pilot_label, locked=locked,
                assignment=dict(result.assignment), reasons=dict(result.reasons),
                metrics=metrics_to_json(result.metrics), moved=moved, villages=tuple(sorted(moved)))


def _same_waves(old: list[dict], new: list[dict]) -> bool:
    """The same labels and targets, the last wave's target aside (it takes the rest in any case)."""
    return [w["label"] for w in old] == [w["label"] for w in new] and \
        [w.get("target") for w in old[:-1]] == [w.get("target") for w in new[:-1]]


def _renamed_waves(old: tuple[str, ...], old_pilot: str | None, new: list[str], new_pilot: str | None
                   ) -> dict[str, str]:
    """Old wave label -> new wave label, by position (pilot to pilot, then the rollout waves in order)."""
    renamed = {old_pilot: new_pilot} if old_pilot is not None and new_pilot is not None else {}
    old_rest = [label for label in old if label != old_pilot]
    new_rest = [label for label in new if label != new_pilot]
    renamed.update(zip(old_rest, new_rest, strict=False))
    return renamed


def apply_pending(session: Session, db: service.Workspace, villages: Villages, reason: str | None = None
                  ) -> Session:
    """Save the draft as the scenario's next version, recording the change; a conflict is kept, not raised."""
    if not session.pending:
        return session
    before = session.plan
    after = draft(session, villages)
    action, changed, detail = change_summary(session.pending)
    metrics = metrics_of(session.scenario, after, villages, session.pending)
    saved = _save(session, db, after, metrics, service.ChangeNote(action, changed, detail, reason or None))
    if isinstance(saved, Conflict):
        return replace(session, conflict=saved)
    step = Step(action, before, Plan.of(saved), changed)
    return replace(session, scenario=saved, pending=(), history=session.history.record(step), conflict=None)


def undo(session: Session, db: service.Workspace, villages: Villages) -> Session:
    """Restore the plan before the last applied step, saved as a new version (action ``undo``)."""
    step, history = session.history.undone()
    return _restore(session, db, villages, step.before, history, "undo", step)


def redo(session: Session, db: service.Workspace, villages: Villages) -> Session:
    """Re-apply the last undone step, saved as a new version (action ``redo``)."""
    step, history = session.history.redone()
    return _restore(session, db, villages, step.after, history, "redo", step)


def reload(session: Session, db: service.Workspace, villages: Villages) -> tuple[Session, list[EditError]]:
    """Open the latest saved version and re-apply this session's pending edits to it.

    Edits that no longer apply are dropped and their errors returned. The undo history is cleared: it describes
    versions that are no longer the latest.
    """
    latest = db.open_scenario(session.scenario.name)
    fresh = Session(latest, selection=session.selection)
    dropped = []
    for edit in session.pending:
        try:
            fresh = add_edit(fresh, edit, villages)
        except EditError as error:
            dropped.append(error)
    return fresh, dropped


def save_as(session: Session, db: service.Workspace, villages: Villages, name: str) -> Session:
    """Save the draft (saved plan + pending edits) under a new name and continue there.

    Raises service.ScenarioExistsError / service.StoreError with the reason when the name cannot be used.
    """
    plan = draft(session, villages)
    metrics = metrics_of(session.scenario, plan, villages, session.pending)
    saved = db.save_scenario(
        name, assignment=plan.assignment, locked=plan.locked, reasons=plan.reasons, settings=plan.settings,
        metrics=metrics, dataset=session.scenario.dataset, expected_version=None, province=session.scenario.province,
        change=service.ChangeNote("save_as", (),
                                  {"from": session.scenario.name, "version": session.scenario.version,
                                   "pending": change_summary(session.pending)[2]["edits"] if session.pending else []}))
    return Session(saved, selection=session.selection)


def _restore(session: Session, db: service.Workspace, villages: Villages, plan: Plan, history: History,
             action: str, step: Step) -> Session:
    if session.pending:
        raise EditError("plan.edit_error.pending_first")
    metrics = metrics_of(session.scenario, plan, villages)
    change = service.ChangeNote(action, step.villages, {"step": step.action})
    saved = _save(session, db, plan, metrics, change)
    if isinstance(saved, Conflict):
        return replace(session, conflict=saved)
    return replace(session, scenario=saved, history=history, conflict=None, last_optimise=None)


def _save(session: Session, db: service.Workspace, plan: Plan, metrics: dict, change: service.ChangeNote
          ) -> Scenario | Conflict:
    try:
        return db.save_scenario(
            session.scenario.name, assignment=plan.assignment, locked=plan.locked, reasons=plan.reasons,
            settings=plan.settings, metrics=metrics, dataset=session.scenario.dataset,
            expected_version=session.scenario.version, change=change, province=session.scenario.province)
    except (service.ScenarioConflictError, service.UnknownScenarioError) as error:
        return Conflict(error, plan)


# --- Streamlit session state ------------------------------------------------------------------------------
def current() -> Session | None:
    """This browser session's editing session, if one is open."""
    return st.session_state.get(SESSION_KEY)


def keep(session: Session) -> Session:
    """Store the session for the next rerun, and open its scenario on every page (its name in the URL, so a
    reload reopens it)."""
    st.session_state[SESSION_KEY] = session
    remember_open(session.scenario.name)
    return session

