"""Named checks of a plan, shared by the optimiser, the tests and the dashboard's "why is this plan invalid".

Each check takes the problem and an assignment (village code -> wave label), which may be partial or wrong, and
returns True when its rule holds. ``validate_plan`` runs them all and returns the names that fail;
``find_failures`` says what is wrong as facts with numbers (``Failure``), which an interface words in its own
language (geodata.messages); ``explain_failures`` gives them as English sentences for developers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from planning.problem import Problem

Assignment = Mapping[str, str]


def every_village_assigned_once(problem: Problem, assignment: Assignment) -> bool:
    """Every village of the problem has one known wave, and no unknown village code appears."""
    labels = set(problem.labels)
    return (len(assignment) == len(problem.villages)
            and all(v in problem.villages and w in labels for v, w in assignment.items()))


def wave_sizes_met(problem: Problem, assignment: Assignment) -> bool:
    """Each wave holds exactly its size (the pilot wave its locked villages, the last one the remainder)."""
    sizes = _wave_counts(problem, assignment)
    return all(sizes.get(label, 0) == size for label, size in problem.wave_sizes.items())


def locks_respected(problem: Problem, assignment: Assignment) -> bool:
    """No locked or pilot village is assigned to a wave other than its lock (unassigned ones are caught by
    ``every_village_assigned_once``)."""
    return all(assignment.get(v, w) == w for v, w in problem.locks.items())


def district_capacity_respected(problem: Problem, assignment: Assignment) -> bool:
    """No district has more villages in a wave than its teams can take: teams x C."""
    return not _over_capacity(problem, assignment)


CHECKS: dict[str, Callable[[Problem, Assignment], bool]] = {
    "every_village_assigned_once": every_village_assigned_once,
    "wave_sizes_met": wave_sizes_met,
    "locks_respected": locks_respected,
    "district_capacity_respected": district_capacity_respected,
}


def validate_plan(problem: Problem, assignment: Assignment) -> tuple[str, ...]:
    """Names of the failed checks, in the order of CHECKS; an empty tuple means the plan is valid."""
    return tuple(name for name, check in CHECKS.items() if not check(problem, assignment))


#: The English sentence of each failure kind (for developers and logs; interfaces word failures from
#: geodata.messages).
_ENGLISH: dict[str, str] = {
    "no_wave": "{n} villages have no wave (e.g. {examples})",
    "unknown_village": "village {village} is not in the province",
    "unknown_wave": "village {village} has wave {wave!r}, which does not exist",
    "wave_size": "wave {wave} has {n} villages, its size is {size}",
    "lock": "village {village} is locked to {locked} but assigned to {wave}",
    "capacity": "district {district} has {n} villages in wave {wave} but {teams} teams x {capacity} = {limit}",
}


@dataclass(frozen=True)
class Failure:
    """One way a plan fails a check, as facts: ``check`` is the CHECKS name, ``kind`` what is wrong (no_wave,
    unknown_village, unknown_wave, wave_size, lock, capacity) and ``values`` the codes and numbers it quotes."""

    check: str
    kind: str
    values: Mapping[str, object]

    def __str__(self) -> str:
        return _ENGLISH[self.kind].format(**self.values)


def find_failures(problem: Problem, assignment: Assignment, limit: int = 5) -> dict[str, tuple[Failure, ...]]:
    """For each failed check, up to ``limit`` failures with their numbers (what ``explain_failures`` words)."""
    found: dict[str, tuple[Failure, ...]] = {}

    def record(check: str, failures: list[Failure]) -> None:
        if failures:
            found[check] = tuple(failures[:limit])

    missing = [v for v in problem.villages if v not in assignment]
    unknown = [v for v in assignment if v not in problem.villages]
    labels = set(problem.labels)
    bad_wave = [v for v, w in assignment.items() if v in problem.villages and w not in labels]
    check = "every_village_assigned_once"
    failures = [Failure(check, "no_wave", {"n": len(missing), "examples": ", ".join(missing[:3])})] if missing else []
    failures += [Failure(check, "unknown_village", {"village": v}) for v in unknown[:limit]]
    failures += [Failure(check, "unknown_wave", {"village": v, "wave": assignment[v]}) for v in bad_wave[:limit]]
    record(check, failures)
    sizes = _wave_counts(problem, assignment)
    record("wave_sizes_met", [Failure("wave_sizes_met", "wave_size", {"wave": label, "n": sizes.get(label, 0),
                                                                      "size": size})
                              for label, size in problem.wave_sizes.items() if sizes.get(label, 0) != size])
    record("locks_respected", [Failure("locks_respected", "lock", {"village": v, "locked": w, "wave": assignment[v]})
                               for v, w in problem.locks.items() if assignment.get(v, w) != w])
    teams, capacity = problem.roster.teams, problem.roster.capacity
    record("district_capacity_respected", [
        Failure("district_capacity_respected", "capacity", {
            "district": problem.district_label(d), "n": n, "wave": w, "teams": teams[d], "capacity": capacity,
            "limit": teams[d] * capacity})
        for (d, w), n in _over_capacity(problem, assignment).items()])
    return found


def explain_failures(problem: Problem, assignment: Assignment, limit: int = 5) -> dict[str, tuple[str, ...]]:
    """For each failed check, up to ``limit`` English sentences with the numbers (for developers and logs)."""
    return {check: tuple(str(f) for f in failures)
            for check, failures in find_failures(problem, assignment, limit).items()}


def _wave_counts(problem: Problem, assignment: Assignment) -> Counter[str]:
    return Counter(w for v, w in assignment.items() if v in problem.villages)


def _over_capacity(problem: Problem, assignment: Assignment) -> dict[tuple[str, str], int]:
    counts = Counter((problem.village_districts[v], w) for v, w in assignment.items()
                     if v in problem.village_districts)
    teams, capacity = problem.roster.teams, problem.roster.capacity
    return {key: n for key, n in sorted(counts.items()) if n > teams[key[0]] * capacity}
