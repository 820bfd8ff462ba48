"""The optimiser's answer: a frozen value of plain dicts, safe to pickle and cache."""

from __future__ import annotations

from dataclasses import dataclass, field

from planning.metrics import PlanMetrics

REASONS: dict[str, str] = {
    "pilot": "in a pilot tambon, so in the pilot wave",
    "locked": "locked to this wave by a planner",
    "balance": "its tambon had to be split across waves to meet wave sizes and team loads",
    "spread": "its whole tambon was placed here to spread out from the pilots at the province's pace",
}
"""Why a village is in its wave.

- ``pilot``: the village is in a pilot tambon; pilot villages are locked to the pilot wave.
- ``locked``: a planner locked the village or its tambon to the wave.
- ``balance``: an unlocked village whose tambon is split across waves: the split was needed to meet the wave
  sizes and the optimal team load (M1, M2); also every unlocked village when the spread stage is off.
- ``spread``: an unlocked village whose tambon sits wholly in one wave; among plans with optimal load and
  fewest splits, that wave was chosen by the spread-and-pace preference (M3).

The sentences are English, for developers; interfaces word the codes from geodata.messages.
"""


@dataclass(frozen=True)
class PlanResult:
    """A plan: ``assignment`` village -> wave label, ``reasons`` village -> one of REASONS, ``metrics``, and for
    ``reoptimise`` the villages whose wave changed, ``moved`` village -> (old wave, new wave)."""

    assignment: dict[str, str]
    reasons: dict[str, str]
    metrics: PlanMetrics
    moved: dict[str, tuple[str, str]] = field(default_factory=dict)


def explain(result: PlanResult, village: str) -> str:
    """One English sentence on why ``village`` is in its wave (for developers and logs)."""
    wave = result.assignment[village]
    return f"{village} → {wave}: {REASONS[result.reasons[village]]}"
