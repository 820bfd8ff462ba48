"""Words for the planning engine's facts: its named checks and what fails them, why a village is in its wave,
the six steps of a strong community, and why it refuses its input (planning.Fact).

planning/ stays free of interface text: it names a check, a failure kind with its numbers, a reason code, a step
number or a refusal's kind with its numbers; these functions word them from the catalogue in the reader's
language. Each table maps the engine's code to a message key, so a code the catalogue cannot word fails here,
not in front of a user.
"""

from __future__ import annotations

from geodata.errors import column_label, digit_hint
from geodata.messages import Message, text
from planning.checks import Failure
from planning.errors import Fact, PlanningError

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
#: planning.Fact kind -> what is wrong, and how to fix it.
REFUSALS = {
    "no_waves": ("engine.no_waves", "engine.no_waves.fix"),
    "wave_label_empty": ("engine.wave_label_empty", "engine.wave_label_empty.fix"),
    "wave_label_repeated": ("engine.wave_label_repeated", "engine.wave_label_repeated.fix"),
    "wave_target": ("engine.wave_target", "engine.wave_target.fix"),
    "waves_over_villages": ("engine.waves_over_villages", "engine.waves_over_villages.fix"),
    "villages_without_wave": ("engine.villages_without_wave", "engine.villages_without_wave.fix"),
    "locked_over_target": ("engine.locked_over_target", "engine.locked_over.fix"),
    "locked_over_remainder": ("engine.locked_over_remainder", "engine.locked_over.fix"),
    "too_many_waves": ("engine.too_many_waves", "engine.too_many_waves.fix"),
    "district_locked_over_capacity": ("engine.district_locked_over_capacity",
                                      "engine.district_locked_over_capacity.fix"),
    "district_over_capacity": ("engine.district_over_capacity", "engine.district_over_capacity.fix"),
    "wave_short": ("engine.wave_short", "engine.wave_short.fix"),
    "waves_short": ("engine.waves_short", "engine.wave_short.fix"),
    "pilot_without_wave": ("engine.pilot_without_wave", "engine.pilot_without_wave.fix"),
    "pilot_tambon_unknown": ("engine.pilot_tambon_unknown", "engine.unknown_code.fix"),
    "tambon_lock_unknown_tambon": ("engine.tambon_lock_unknown_tambon", "engine.unknown_code.fix"),
    "village_lock_unknown_village": ("engine.village_lock_unknown_village", "engine.unknown_code.fix"),
    "tambon_lock_unknown_wave": ("engine.tambon_lock_unknown_wave", "engine.unknown_wave.fix"),
    "village_lock_unknown_wave": ("engine.village_lock_unknown_wave", "engine.unknown_wave.fix"),
    "pilot_tambon_locked": ("engine.pilot_tambon_locked", "engine.pilot_locked.fix"),
    "pilot_village_locked": ("engine.pilot_village_locked", "engine.pilot_locked.fix"),
    "roster_no_district": ("engine.roster_no_district", "engine.roster_no_district.fix"),
    "roster_unknown_district": ("engine.roster_unknown_district", "engine.roster_unknown_district.fix"),
    "roster_teams_not_number": ("engine.roster_teams_not_number", "engine.roster_teams_not_number.fix"),
    "roster_too_few_teams": ("engine.roster_too_few_teams", "engine.roster_too_few_teams.fix"),
    "roster_too_many_teams": ("engine.roster_too_many_teams", "engine.roster_too_many_teams.fix"),
    "roster_repeated_district": ("engine.roster_repeated_district", "engine.roster_repeated_district.fix"),
    "roster_empty": ("engine.roster_empty", "engine.roster_empty.fix"),
    "capacity_out_of_range": ("engine.capacity_out_of_range", "engine.capacity_out_of_range.fix"),
    "roster_district_not_in_province": ("engine.roster_district_not_in_province",
                                        "engine.roster_district_not_in_province.fix"),
    "roster_district_teams": ("engine.roster_district_teams", "engine.roster_district_teams.fix"),
    "district_without_teams": ("engine.district_without_teams", "engine.district_without_teams.fix"),
}
#: The column of a roster table a roster refusal is about (the others are about a whole row).
REFUSAL_COLUMNS = {"roster_no_district": "amphoe_code", "roster_unknown_district": "amphoe_code",
                   "roster_repeated_district": "amphoe_code", "roster_teams_not_number": "teams",
                   "roster_too_few_teams": "teams", "roster_too_many_teams": "teams"}
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


def refusal_messages(fact: Fact) -> tuple[Message, Message]:
    """What is wrong and how to fix it, for one of the engine's refusals, as messages to word in any language."""
    what, fix = REFUSALS[fact.kind]
    values = dict(fact.values)
    if fact.kind in REFUSAL_COLUMNS:
        values["column"] = column_label(REFUSAL_COLUMNS[fact.kind])
    if fact.kind == "roster_teams_not_number":
        values["hint"] = digit_hint(str(values.get("teams", "")))
    if fact.kind == "district_over_capacity":
        values["locked_note"] = (Message("engine.district_over_capacity.locked", locked=values["locked"])
                                 if values.get("locked") else "")
        values["lost_note"] = (Message("engine.district_over_capacity.lost", lost=values["lost"])
                               if values.get("lost") else "")
    return Message(what, **values), Message(fix, **values)


def refusal_sentence(fact: Fact, lang: str) -> str:
    """One refusal in a sentence, with its numbers and the fix: "ระยะ 2549 ต้องการ ... วิธีแก้: เพิ่มทีม ..."."""
    what, fix = refusal_messages(fact)
    return text("engine.what_and_fix", lang, what=what.text(lang), fix=fix.text(lang))


def error_sentences(error: PlanningError, lang: str) -> list[str]:
    """What a planning error says, in `lang`: its facts worded from the catalogue. In English, problems the
    engine gave without a fact (its developers' checks) keep their own sentence; in Thai they are left out,
    so a Thai page shows its own summary rather than English."""
    facts = {str(fact): fact for fact in error.facts if fact.kind in REFUSALS}
    sentences = []
    for problem in error.problems:
        if problem in facts:
            sentences.append(refusal_sentence(facts[problem], lang))
        elif lang == "en":
            sentences.append(problem)
    return sentences
