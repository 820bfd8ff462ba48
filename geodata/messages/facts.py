"""Words for the planning engine's facts: its named checks and what fails them, why a village is in its wave,
and the six steps of a strong community.

planning/ stays free of interface text: it names a check, a failure kind with its numbers, a reason code or a
step number; these functions word them from the catalogue in the reader's language. Each table maps the
engine's code to a message key, so a code the catalogue cannot word fails here, not in front of a user.
"""

from __future__ import annotations

from geodata.messages import text
from planning.checks import Failure

#: planning.CHECKS name -> the rule in words.
CHECK_RULES = {
    "every_village_assigned_once": "check.rule.every_village_assigned_once",
    "wave_sizes_met": "check.rule.wave_sizes_met",
    "locks_respected": "check.rule.locks_respected",
    "district_capacity_respected": "check.rule.district_capacity_respected",
}
#: planning.Failure kind -> the sentence that quotes its values.
FAILURES = {
    "no_wave": "check.failure.no_wave",
    "unknown_village": "check.failure.unknown_village",
    "unknown_wave": "check.failure.unknown_wave",
    "wave_size": "check.failure.wave_size",
    "lock": "check.failure.lock",
    "capacity": "check.failure.capacity",
}
#: planning.REASONS code -> why a village is in its wave, as a sentence.
REASONS = {
    "pilot": "common.reason.pilot",
    "locked": "common.reason.locked",
    "balance": "common.reason.balance",
    "spread": "common.reason.spread",
}
#: planning.progress step number -> the step's name.
STEPS = {1: "common.step.1", 2: "common.step.2", 3: "common.step.3", 4: "common.step.4", 5: "common.step.5",
         6: "common.step.6"}


def check_rule(name: str, lang: str) -> str:
    """The rule of the check `name` in words."""
    return text(CHECK_RULES[name], lang)


def failure_sentence(failure: Failure, lang: str) -> str:
    """One failure of a check, with its numbers: "ระยะ 2549 มี 2 หมู่บ้าน แต่ขนาดที่กำหนดคือ 1"."""
    return text(FAILURES[failure.kind], lang, **failure.values)


def reason_sentence(code: str, lang: str) -> str:
    """Why a village is in its wave (planning.REASONS code); empty for no reason or one the engine lacks."""
    return text(REASONS[code], lang) if code in REASONS else ""


def step_name(number: int, lang: str) -> str:
    """The name of step `number` (1-6)."""
    return text(STEPS[number], lang)
