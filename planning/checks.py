"""Named checks of a plan, shared by the optimiser, the tests and the dashboard's "why is this plan invalid".

Each check takes the problem and an assignment (village code -> wave label), which may be partial or wrong, and
returns True when its rule holds. ``validate_plan`` runs them all and returns the names that fail;
``explain_failures`` says what is wrong with numbers; ``CHECK_DESCRIPTIONS`` gives each rule in English and Thai.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

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

CHECK_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "every_village_assigned_once": {"en": "Every village is in exactly one wave",
                                    "th": "ทุกหมู่บ้านอยู่ในระยะเดียวเท่านั้น"},
    "wave_sizes_met": {"en": "Each wave has its target number of villages",
                       "th": "ขนาดแต่ละระยะตรงตามเป้า"},
    "locks_respected": {"en": "Locked and pilot villages stay in their wave",
                        "th": "หมู่บ้านที่ล็อกไว้และหมู่บ้านนำร่องอยู่ในระยะที่กำหนด"},
    "district_capacity_respected": {"en": "No district has more villages in a wave than its teams can take",
                                    "th": "จำนวนหมู่บ้านต่อระยะของแต่ละอำเภอไม่เกินกำลังของทีมวิทยากร"},
}


def validate_plan(problem: Problem, assignment: Assignment) -> tuple[str, ...]:
    """Names of the failed checks, in the order of CHECKS; an empty tuple means the plan is valid."""
    return tuple(name for name, check in CHECKS.items() if not check(problem, assignment))


_SENTENCES: dict[str, dict[str, str]] = {
    "no_wave": {"en": "{n} villages have no wave (e.g. {examples})",
                "th": "{n} หมู่บ้านยังไม่มีระยะ (เช่น {examples})"},
    "unknown_village": {"en": "village {village} is not in the province",
                        "th": "หมู่บ้าน {village} ไม่อยู่ในจังหวัด"},
    "unknown_wave": {"en": "village {village} has wave {wave!r}, which does not exist",
                     "th": "หมู่บ้าน {village} อยู่ในระยะ {wave!r} ซึ่งไม่มีอยู่"},
    "wave_size": {"en": "wave {wave} has {n} villages, its size is {size}",
                  "th": "ระยะ {wave} มี {n} หมู่บ้าน แต่ขนาดที่กำหนดคือ {size}"},
    "lock": {"en": "village {village} is locked to {locked} but assigned to {wave}",
             "th": "หมู่บ้าน {village} ล็อกไว้ที่ระยะ {locked} แต่ถูกจัดไว้ระยะ {wave}"},
    "capacity": {"en": "district {district} has {n} villages in wave {wave} but {teams} teams x {capacity} = "
                       "{limit}",
                 "th": "อำเภอ {district} มี {n} หมู่บ้านในระยะ {wave} แต่รับได้ {teams} ทีม x {capacity} = "
                       "{limit}"},
}


def explain_failures(problem: Problem, assignment: Assignment, limit: int = 5,
                     language: str = "en") -> dict[str, tuple[str, ...]]:
    """For each failed check, up to ``limit`` sentences with the numbers, in English ("en") or Thai ("th")."""
    if language not in ("en", "th"):
        raise ValueError(f"language {language!r} is not supported; use 'en' or 'th'")

    def say(key: str, **values: object) -> str:
        return _SENTENCES[key][language].format(**values)

    details: dict[str, tuple[str, ...]] = {}
    missing = [v for v in problem.villages if v not in assignment]
    unknown = [v for v in assignment if v not in problem.villages]
    labels = set(problem.labels)
    bad_wave = [v for v, w in assignment.items() if v in problem.villages and w not in labels]
    lines = [say("no_wave", n=len(missing), examples=", ".join(missing[:3]))] if missing else []
    lines += [say("unknown_village", village=v) for v in unknown[:limit]]
    lines += [say("unknown_wave", village=v, wave=assignment[v]) for v in bad_wave[:limit]]
    if lines:
        details["every_village_assigned_once"] = tuple(lines[:limit])
    sizes = _wave_counts(problem, assignment)
    lines = [say("wave_size", wave=label, n=sizes.get(label, 0), size=size)
             for label, size in problem.wave_sizes.items() if sizes.get(label, 0) != size]
    if lines:
        details["wave_sizes_met"] = tuple(lines[:limit])
    lines = [say("lock", village=v, locked=w, wave=assignment[v])
             for v, w in problem.locks.items() if assignment.get(v, w) != w]
    if lines:
        details["locks_respected"] = tuple(lines[:limit])
    lines = [say("capacity", district=problem.district_label(d), n=n, wave=w, teams=problem.roster.teams[d],
                 capacity=problem.roster.capacity, limit=problem.roster.teams[d] * problem.roster.capacity)
             for (d, w), n in _over_capacity(problem, assignment).items()]
    if lines:
        details["district_capacity_respected"] = tuple(lines[:limit])
    return details


def _wave_counts(problem: Problem, assignment: Assignment) -> Counter[str]:
    return Counter(w for v, w in assignment.items() if v in problem.villages)


def _over_capacity(problem: Problem, assignment: Assignment) -> dict[tuple[str, str], int]:
    counts = Counter((problem.village_districts[v], w) for v, w in assignment.items()
                     if v in problem.village_districts)
    teams, capacity = problem.roster.teams, problem.roster.capacity
    return {key: n for key, n in sorted(counts.items()) if n > teams[key[0]] * capacity}
