"""Edits a planner makes to a plan, and the undo/redo history: pure values, no Streamlit, no database.

A `Plan` is the editable part of a saved scenario (waves of villages, locks, reasons, settings). An `Edit` is one
change the planner asked for (assign the selection to a wave, lock it, mark tambons as pilot, change the roster,
accept an optimised plan, change the waves themselves with the plan re-made for them). Edits wait as *pending*
until the planner applies them; `apply_edits` gives the plan they would produce, so the page can show its tallies
first. Applying is one step of the `History`, which undo and redo walk back and forth.

Rules kept here (the planning engine checks the same ones):
- a pilot tambon's villages are in the pilot wave, locked, with reason ``pilot``; they cannot be assigned to
  another wave or unlocked one by one (unmark the tambon first);
- a lock keeps a village in its current wave; a village the planner assigns by hand and leaves unlocked has no
  reason (shown as "assigned by hand": the optimiser may move it);
- an edit that changes nothing (villages already in that wave, already locked...) is refused with a message
  saying so, and an edit that changes only some of its villages names only those (`effective_edit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from geodata.messages import text
from planning import PlanSettings, Roster, Wave
from planning.settings import roster_json

ASSIGN, LOCK, UNLOCK, PILOT, UNPILOT, ROSTER, OPTIMISE, WAVES = ("assign", "lock", "unlock", "pilot", "unpilot",
                                                                 "roster", "optimise", "waves")
ACTIONS = (ASSIGN, LOCK, UNLOCK, PILOT, UNPILOT, ROSTER, OPTIMISE, WAVES)
#: Why an edit changes nothing, per action (the message says what is already so).
_NOTHING_CHANGES = {ASSIGN: "plan.edit_error.already_in_wave", LOCK: "plan.edit_error.already_locked",
                    UNLOCK: "plan.edit_error.none_locked", PILOT: "plan.edit_error.already_pilot",
                    UNPILOT: "plan.edit_error.no_pilot", ROSTER: "plan.edit_error.same_roster",
                    OPTIMISE: "plan.edit_error.nothing_moves", WAVES: "plan.edit_error.same_waves"}
LOCKED_REASON, PILOT_REASON = "locked", "pilot"


class EditError(ValueError):
    """An edit that cannot be made as asked: `key` names the message (geodata.messages) that says why and what
    to do instead, `values` fill it; the exception's own text is the English message."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(text(key, "en", **values))

    def words(self, lang: str) -> str:
        """The message in `lang`."""
        return text(self.key, lang, **self.values)


@dataclass(frozen=True)
class Plan:
    """The editable content of a scenario: village -> wave, locked villages, village -> reason, its settings."""

    assignment: Mapping[str, str]
    locked: frozenset[str]
    reasons: Mapping[str, str]
    settings: PlanSettings

    @classmethod
    def of(cls, scenario) -> Plan:
        """The plan held by a `geodata.scenario.Scenario`."""
        return cls(dict(scenario.assignment), frozenset(scenario.locked), dict(scenario.reasons), scenario.settings)

    @property
    def pilot_tambons(self) -> frozenset[str]:
        return frozenset(self.settings.pilot_tambons)

    @property
    def labels(self) -> tuple[str, ...]:
        """Wave labels in rollout order."""
        return self.settings.labels

    @property
    def pilot_label(self) -> str | None:
        return self.settings.pilot_wave


@dataclass(frozen=True)
class Edit:
    """One requested change. Which fields matter depends on `action`:

    assign: `villages`, `wave`, `lock` (lock them too); lock/unlock: `villages`; pilot/unpilot: `tambons`;
    roster: `roster` (a planning.Roster); optimise: `assignment`, `reasons`, `metrics` and `moved`
    (village -> [old wave, new wave]) of the optimiser's result; waves: `waves` (the settings' list of
    {label, target}), `pilot_label` (None: no pilot wave), `locked` (the locks kept) and the re-made plan's
    `assignment`, `reasons`, `metrics`, `moved` (old wave -> new wave by position: the first wave after the pilot
    to the new first, and so on).
    """

    action: str
    villages: tuple[str, ...] = ()
    wave: str | None = None
    lock: bool = False
    tambons: tuple[str, ...] = ()
    roster: Roster | None = None
    assignment: Mapping[str, str] | None = None
    reasons: Mapping[str, str] | None = None
    metrics: Mapping | None = None
    moved: Mapping[str, Sequence[str]] = field(default_factory=dict)
    waves: tuple[Mapping, ...] | None = None
    pilot_label: str | None = None
    locked: frozenset[str] | None = None

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise EditError("plan.edit_error.unknown_edit", action=self.action, actions=", ".join(ACTIONS))


def apply_edit(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    """The plan after one edit (a new value; `plan` is unchanged). Raises EditError when it cannot be made."""
    handler = {ASSIGN: _assign, LOCK: _lock, UNLOCK: _unlock, PILOT: _pilot, UNPILOT: _unpilot, ROSTER: _roster,
               OPTIMISE: _optimise, WAVES: _waves}[edit.action]
    return handler(plan, edit, tambon_of)


def effective_edit(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Edit:
    """`edit` as it acts on `plan`: an edit of villages names only those whose wave or lock it changes. Raises
    EditError when it changes no wave, lock or setting (a village's reason alone is not a change), saying what is
    already so ("all 9 villages are already in wave 2549"); or when it cannot be made."""
    after = apply_edit(plan, edit, tambon_of)
    if (after.assignment, after.locked, after.settings) == (plan.assignment, plan.locked, plan.settings):
        raise EditError(_NOTHING_CHANGES[edit.action], n=len(edit.villages), wave=edit.wave or "")
    if edit.action in (ASSIGN, LOCK, UNLOCK):
        changed = set(changed_villages(plan, after))
        kept = tuple(v for v in edit.villages if v in changed)
        if len(kept) < len(edit.villages):
            return replace(edit, villages=kept)
    return edit


def apply_edits(plan: Plan, edits: Iterable[Edit], tambon_of: Mapping[str, str]) -> Plan:
    """The plan after every edit in order."""
    for edit in edits:
        plan = apply_edit(plan, edit, tambon_of)
    return plan


def changed_villages(before: Plan, after: Plan) -> list[str]:
    """Villages whose wave or lock differs between two plans, in code order."""
    codes = set(before.assignment) | set(after.assignment)
    moved = {c for c in codes if before.assignment.get(c) != after.assignment.get(c)}
    return sorted(moved | (before.locked ^ after.locked))


def change_summary(edits: Sequence[Edit]) -> tuple[str, tuple[str, ...], dict]:
    """What the change record of applying `edits` says: (action, villages, detail).

    One edit keeps its own action name; several are recorded as ``edit`` with each one listed in the detail.
    """
    villages: set[str] = set()
    items = []
    for edit in edits:
        villages |= set(edit.villages) | set(edit.moved)
        item: dict = {"action": edit.action}
        if edit.villages:
            item["villages"] = len(edit.villages)
        if edit.wave is not None:
            item["wave"] = edit.wave
        if edit.action == ASSIGN:
            item["lock"] = edit.lock
        if edit.tambons:
            item["tambons"] = list(edit.tambons)
        if edit.roster is not None:
            item["roster"] = roster_json(edit.roster)
        if edit.action in (OPTIMISE, WAVES):
            item["moved"] = {v: list(pair) for v, pair in sorted(edit.moved.items())}
            item["status"] = (edit.metrics or {}).get("status")
        if edit.waves is not None:
            item["waves"] = [dict(wave) for wave in edit.waves]
        items.append(item)
    action = edits[0].action if len(edits) == 1 else "edit"
    return action, tuple(sorted(villages)), {"edits": items}


# --- History ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One applied change: the plan before and after it, and what the record says."""

    action: str
    before: Plan
    after: Plan
    villages: tuple[str, ...] = ()


@dataclass(frozen=True)
class History:
    """Undo and redo stacks of applied steps (newest last). Recording a new step clears the redo stack."""

    undo: tuple[Step, ...] = ()
    redo: tuple[Step, ...] = ()

    @property
    def can_undo(self) -> bool:
        return bool(self.undo)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo)

    def record(self, step: Step) -> History:
        return History(self.undo + (step,), ())

    def undone(self) -> tuple[Step, History]:
        """The step to undo (restore its `before`) and the history after undoing it."""
        if not self.undo:
            raise EditError("plan.edit_error.nothing_to_undo")
        step = self.undo[-1]
        return step, History(self.undo[:-1], self.redo + (step,))

    def redone(self) -> tuple[Step, History]:
        """The step to redo (restore its `after`) and the history after redoing it."""
        if not self.redo:
            raise EditError("plan.edit_error.nothing_to_redo")
        step = self.redo[-1]
        return step, History(self.undo + (step,), self.redo[:-1])


# --- The edits --------------------------------------------------------------------------------------------
def _assign(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    if edit.wave not in plan.labels:
        raise EditError("plan.edit_error.unknown_wave", wave=edit.wave, waves=", ".join(plan.labels))
    villages = _known(edit.villages, tambon_of)
    pilots = plan.pilot_tambons
    blocked = sorted(v for v in villages if tambon_of[v] in pilots and edit.wave != plan.pilot_label)
    if blocked:
        raise EditError("plan.edit_error.pilot_assign", n=len(blocked), examples=", ".join(blocked[:3]),
                        wave=plan.pilot_label)
    assignment = dict(plan.assignment)
    reasons = dict(plan.reasons)
    locked = set(plan.locked)
    for village in villages:
        assignment[village] = edit.wave
        if edit.lock:
            locked.add(village)
        if tambon_of[village] in pilots:
            reasons[village] = PILOT_REASON
        elif village in locked:
            reasons[village] = LOCKED_REASON
        else:
            reasons.pop(village, None)
    return replace(plan, assignment=assignment, locked=frozenset(locked), reasons=reasons)


def _lock(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    villages = [v for v in _known(edit.villages, tambon_of) if v in plan.assignment]
    reasons = dict(plan.reasons)
    for village in villages:
        if reasons.get(village) != PILOT_REASON:
            reasons[village] = LOCKED_REASON
    return replace(plan, locked=plan.locked | set(villages), reasons=reasons)


def _unlock(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    villages = _known(edit.villages, tambon_of)
    pilots = plan.pilot_tambons
    blocked = sorted(v for v in villages if tambon_of[v] in pilots)
    if blocked:
        raise EditError("plan.edit_error.pilot_unlock", n=len(blocked), examples=", ".join(blocked[:3]))
    reasons = dict(plan.reasons)
    for village in villages:
        if reasons.get(village) == LOCKED_REASON:
            reasons.pop(village)
    return replace(plan, locked=plan.locked - set(villages), reasons=reasons)


def _pilot(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    known_tambons = set(tambon_of.values())
    unknown = sorted(set(edit.tambons) - known_tambons)
    if unknown:
        raise EditError("plan.edit_error.unknown_tambons", tambons=", ".join(unknown))
    settings = plan.settings.with_pilot_tambons(plan.pilot_tambons | set(edit.tambons))
    label = settings.pilot_wave
    tambons = set(edit.tambons)
    villages = [v for v, t in tambon_of.items() if t in tambons]
    assignment = dict(plan.assignment)
    reasons = dict(plan.reasons)
    for village in villages:
        assignment[village] = label
        reasons[village] = PILOT_REASON
    return Plan(assignment, plan.locked | set(villages), reasons, settings)


def _unpilot(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    tambons = set(edit.tambons) & plan.pilot_tambons
    settings = plan.settings.with_pilot_tambons(plan.pilot_tambons - tambons)
    villages = {v for v, t in tambon_of.items() if t in tambons}
    reasons = {v: r for v, r in plan.reasons.items() if v not in villages}
    # The villages stay in the pilot wave until the planner moves them or optimises the rest; the plan's checks
    # say the pilot wave is then too big.
    return Plan(dict(plan.assignment), plan.locked - villages, reasons, settings)


def _roster(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    if edit.roster is None:
        raise EditError("plan.edit_error.no_roster")
    return replace(plan, settings=plan.settings.with_roster(edit.roster))


def _optimise(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    if edit.assignment is None:
        raise EditError("plan.edit_error.no_assignment")
    reasons = dict(edit.reasons or {})
    return replace(plan, assignment=dict(edit.assignment), reasons=reasons)


def waves_settings(settings: PlanSettings, waves: Iterable[Mapping], pilot_label: str | None) -> PlanSettings:
    """`settings` with new waves ({label, target} each, as an Edit records them) and pilot wave (None: no pilot
    wave, and then no pilot tambons)."""
    return replace(settings, waves=tuple(Wave(w["label"], w.get("target")) for w in waves), pilot_label=pilot_label,
                   pilot_tambons=settings.pilot_tambons if pilot_label is not None else ())


def _waves(plan: Plan, edit: Edit, tambon_of: Mapping[str, str]) -> Plan:
    if edit.waves is None or edit.assignment is None or edit.locked is None:
        raise EditError("plan.edit_error.no_waves")
    settings = waves_settings(plan.settings, edit.waves, edit.pilot_label)
    return Plan(dict(edit.assignment), frozenset(edit.locked), dict(edit.reasons or {}), settings)


def _known(villages: Iterable[str], tambon_of: Mapping[str, str]) -> list[str]:
    villages = list(dict.fromkeys(villages))
    unknown = [v for v in villages if v not in tambon_of]
    if unknown:
        raise EditError("plan.edit_error.unknown_villages", villages=", ".join(unknown[:5]))
    return villages

