"""Waves of the rollout and the number of villages each one gets.

A wave is a Buddhist-era year label and a target. Waves are filled in order: every wave but the last gets
exactly its target, the last takes the remainder (its target is its maximum). A target of ``None`` marks a wave
that holds exactly the villages locked to it: the pilot wave, whose size is the number of villages of the pilot
tambons plus any village locked to it by hand. A last wave with target ``None`` takes any remainder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planning.errors import Fact, InfeasiblePlanError, InvalidInputError

DEFAULT_PILOT_LABEL = "2548"
#: Year of the first wave after the pilot, and the waves' labels counted on from it.
DEFAULT_FIRST_YEAR = 2549
#: Shares (percent) of the villages in the first two waves after the pilot when no waves are given; the third
#: wave takes the rest. A neutral default for any set of villages: a province's own schedule (its registry
#: entry, ``geodata.provinces``) replaces it.
DEFAULT_WAVE_PERCENTAGES: tuple[int, ...] = (26, 39)


@dataclass(frozen=True)
class Wave:
    """One wave: ``label`` (a Buddhist-era year such as ``"2549"``) and ``target`` (villages; ``None`` = pilot)."""

    label: str
    target: int | None


def default_waves(n_villages: int, percentages: Sequence[int] = DEFAULT_WAVE_PERCENTAGES,
                  pilot_label: str = DEFAULT_PILOT_LABEL) -> tuple[Wave, ...]:
    """The pilot wave, then ``percentages`` of the ``n_villages`` (rounded half up) in consecutive years from
    2549, and the rest in the year after: 26 %, 39 %, the rest by default.

    The engine knows no province: a province's own schedule comes from its caller (``geodata.provinces``).
    """
    if isinstance(n_villages, bool) or not isinstance(n_villages, int) or n_villages < 0:
        raise InvalidInputError(f"n_villages {n_villages!r} must be a whole number >= 0")
    if sum(percentages) > 100 or any(p < 0 for p in percentages):
        raise InvalidInputError(f"wave percentages {tuple(percentages)} must be >= 0 and add up to at most 100")
    targets = [(n_villages * share + 50) // 100 for share in percentages]
    return waves_from_targets((*targets, n_villages - sum(targets)), pilot_label=pilot_label)


def waves_from_targets(targets: Sequence[int], first_year: int = DEFAULT_FIRST_YEAR,
                       pilot_label: str | None = DEFAULT_PILOT_LABEL) -> tuple[Wave, ...]:
    """Waves labelled with consecutive years from ``first_year``, preceded by a pilot wave unless it is None."""
    pilot = () if pilot_label is None else (Wave(pilot_label, None),)
    return (*pilot, *(Wave(str(first_year + i), int(t)) for i, t in enumerate(targets)))


def check_waves(waves: Sequence[Wave]) -> None:
    """Raise InvalidInputError unless the waves are non-empty, uniquely labelled and have non-negative targets."""
    problems: list[str | Fact] = []
    if not waves:
        problems.append(Fact("no_waves", {}, "no waves given; pass at least one Wave(label, target)"))
    seen: set[str] = set()
    for wave in waves:
        if not isinstance(wave, Wave):
            problems.append(f"{wave!r} is not a Wave; build waves with Wave(label, target)")
            continue
        if not isinstance(wave.label, str) or not wave.label:
            problems.append(Fact("wave_label_empty", {"label": str(wave.label)},
                                 f"wave label {wave.label!r} must be a non-empty string such as '2549'"))
        if wave.label in seen:
            problems.append(Fact("wave_label_repeated", {"label": wave.label},
                                 f"wave label {wave.label!r} is used twice; give each wave its own label"))
        seen.add(wave.label)
        if wave.target is not None and (isinstance(wave.target, bool) or not isinstance(wave.target, int)
                                        or wave.target < 0):
            problems.append(Fact("wave_target", {"wave": wave.label, "target": str(wave.target)},
                                 f"wave {wave.label} has target {wave.target!r}; use a whole number >= 0 or None"))
    if problems:
        raise InvalidInputError(problems)


def wave_sizes_for(waves: Sequence[Wave], n_villages: int, locked: Mapping[str, int]) -> dict[str, int]:
    """Number of villages each wave must hold, in wave order.

    ``locked`` counts the villages locked to each label. Raises InfeasiblePlanError, with the numbers and the fix,
    when the targets cannot hold every village or when a wave has more villages locked to it than its size.
    """
    sizes: dict[str, int] = {}
    for wave in waves[:-1]:
        sizes[wave.label] = locked.get(wave.label, 0) if wave.target is None else wave.target
    before_last = sum(sizes.values())
    last = waves[-1]
    if before_last > n_villages:
        terms = " + ".join(f"{size} ({label})" for label, size in sizes.items())
        raise InfeasiblePlanError(Fact(
            "waves_over_villages", {"terms": terms, "total": before_last, "n": n_villages,
                                    "excess": before_last - n_villages},
            f"the waves before the last need {terms} = {before_last} villages but there are only {n_villages}, "
            f"{before_last - n_villages} too many; lower those targets or drop a wave"))
    remainder = n_villages - before_last
    if last.target is not None and remainder > last.target:
        missing = remainder - last.target
        raise InfeasiblePlanError(Fact(
            "villages_without_wave", {"held": before_last + last.target, "n": n_villages, "missing": missing,
                                      "wave": last.label, "target": last.target},
            f"the waves hold at most {before_last + last.target} villages but there are {n_villages}: "
            f"{missing} villages have no wave; raise the last wave's target ({last.label}: {last.target}) by "
            f"{missing} or add a wave"))
    sizes[last.label] = remainder
    problems = []
    for wave in waves:
        n_locked, size = locked.get(wave.label, 0), sizes[wave.label]
        if n_locked > size:
            kind, what = (("locked_over_remainder", "gets the remaining") if wave is last
                          else ("locked_over_target", "has a target of"))
            problems.append(Fact(
                kind, {"locked": n_locked, "wave": wave.label, "size": size, "excess": n_locked - size},
                f"{n_locked} villages are locked to wave {wave.label}, which {what} {size}; "
                f"unlock {n_locked - size} of them or raise the target"))
    if problems:
        raise InfeasiblePlanError(problems)
    return sizes
