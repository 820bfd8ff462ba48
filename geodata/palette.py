"""Colours of the rollout waves, shared by every map that colours villages by wave (dashboard and exports).

The colours are Okabe-Ito's colour-blind-safe set. Waves take them in their order in the plan, so the same
plan gives the same colours on screen and on paper. The pilot wave keeps its own colour whatever its position.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

#: Colours for the waves after the pilot, in wave order (Okabe-Ito: blue, orange, bluish green, vermillion,
#: sky blue, reddish purple, yellow); a plan with more waves starts the list again.
WAVE_COLOURS: Final = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")
#: The pilot wave (นำร่อง): black, set apart from the rollout waves.
PILOT_COLOUR: Final = "#000000"
#: Villages without a wave.
UNASSIGNED_COLOUR: Final = "#9E9E9E"


def wave_colours(labels: Sequence[str], pilot_label: str | None = None) -> dict[str, str]:
    """Colour of each wave label: the pilot wave black, the others WAVE_COLOURS in the order given."""
    colours: dict[str, str] = {}
    others = [label for label in labels if label != pilot_label]
    for position, label in enumerate(others):
        colours[label] = WAVE_COLOURS[position % len(WAVE_COLOURS)]
    if pilot_label is not None and pilot_label in labels:
        colours[pilot_label] = PILOT_COLOUR
    return {label: colours[label] for label in labels}
