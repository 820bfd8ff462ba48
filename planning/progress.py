"""The six steps of a strong community, and the rules a reported step must follow before it is recorded.

Every covered village moves through the same six steps (the strong-community process the province adopted with
KM). District offices report "village V reached step S on date D"; this module decides, row by row, which reports
can be recorded and why the others cannot. Pure: plain values in (the village's wave, its current step, today's
date), plain frozen values out; reading files and saving rows happen elsewhere (geodata.progress_io, store).

Rules (each refused row says which one, with the values):

- the village code must be a village of the data set (``unknown_village``) and have a wave in the plan
  (``no_wave``);
- the step is a whole number from 1 to 6 (``step_out_of_range``);
- the date is not in the future (``future_date``) and not before the village's wave starts (``before_wave``);
- a report must change something: the same step again is refused (``no_change``);
- a step lower than the current one needs a reason (``step_backwards``);
- a report cannot be dated before the village's current step was reached (``before_current``): the current step
  is always the latest report.

A wave labelled with B.E. year Y starts on the first day of Thai fiscal year Y (ปีงบประมาณ), 1 October of the
year before: wave 2550 starts on 1 Oct 2549 B.E. (2006-10-01). Government programmes are budgeted and run by
fiscal year, so a village of wave 2550 may have held its forum in October 2006.

Several rows for the same village in one batch are processed in date order (ties in the order given), each
checked against the village's state after the rows accepted before it, so a file may carry a village from step 1
to step 3 in three rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from planning.thai_dates import BUDDHIST_ERA_OFFSET

#: First month of the Thai fiscal year (October).
FISCAL_YEAR_START_MONTH = 10
#: "No step reported yet": the step of a covered village that has no report.
NOT_REPORTED = 0


@dataclass(frozen=True)
class Step:
    """One step of the strong-community process: its number (1-6) and an English label for developers (the
    names users read, Thai as the province writes them, are in geodata.messages)."""

    number: int
    english: str


#: The six steps, in order.
STEPS: tuple[Step, ...] = (
    Step(1, "Community forum"),
    Step(2, "Learning exchange / KM"),
    Step(3, "Community capability"),
    Step(4, "Community master plan"),
    Step(5, "Acting on the plan"),
    Step(6, "Periodic evaluation"),
)
FIRST_STEP = STEPS[0].number
LAST_STEP = STEPS[-1].number
STEP_NUMBERS = tuple(step.number for step in STEPS)


def step_by_number(number: int) -> Step:
    """The step numbered ``number``; ValueError names the allowed numbers."""
    for step in STEPS:
        if step.number == number:
            return step
    raise ValueError(f"step {number!r} does not exist; steps are numbered {FIRST_STEP} to {LAST_STEP}")


@dataclass(frozen=True)
class ProgressRow:
    """One report: ``village_code`` reached ``step`` on ``reached_on``, as ``reported_by`` said.

    ``reason`` explains a step going backwards; ``row`` says where the report came from (the spreadsheet row of an
    imported file, or the line of the page's table) so a refusal can point at it.
    """

    village_code: str
    step: int
    reached_on: dt.date
    reported_by: str
    reason: str = ""
    row: int | None = None


@dataclass(frozen=True)
class Reached:
    """A village's current step and the date it was reached (the latest report)."""

    step: int
    reached_on: dt.date


@dataclass(frozen=True)
class Refusal:
    """Why one reported row cannot be recorded.

    ``check`` names the rule (see the module docstring); ``details`` carries the values the message quotes
    (dates as ``datetime.date``), so an interface can word the reason in its own language.
    """

    check: str
    message: str
    fix: str
    row: int | None = None
    village_code: str | None = None
    column: str | None = None
    value: str | None = None
    details: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        where = f"row {self.row}: " if self.row is not None else ""
        return f"{where}{self.message}. Fix: {self.fix}"


@dataclass(frozen=True)
class ProgressCheck:
    """The outcome of checking a batch: the rows that can be recorded (in date order) and every refusal."""

    accepted: tuple[ProgressRow, ...]
    refused: tuple[Refusal, ...]

    @property
    def refused_rows(self) -> tuple[int | None, ...]:
        """The rows with at least one refusal, once each, in the order first refused."""
        return tuple(dict.fromkeys(r.row for r in self.refused))


@dataclass(frozen=True)
class Stalled:
    """A covered village with no step change since ``since`` (its last report, or its wave's start)."""

    village_code: str
    step: int
    since: dt.date
    wave: str


# --- Wave dates -------------------------------------------------------------------------------------------
def wave_year(label: str) -> int:
    """The B.E. year of a wave label ("2550" -> 2550); ValueError if the label is not a 4-digit year."""
    text = str(label).strip()
    if not (len(text) == 4 and text.isdigit()):
        raise ValueError(f"wave label {label!r} is not a Buddhist-era year; waves are labelled like '2550'")
    return int(text)


def wave_start(label: str) -> dt.date:
    """The first day of wave ``label``: 1 October of the previous year, the start of Thai fiscal year ``label``.

    >>> wave_start("2550")
    datetime.date(2006, 10, 1)
    """
    return dt.date(wave_year(label) - BUDDHIST_ERA_OFFSET - 1, FISCAL_YEAR_START_MONTH, 1)


def wave_started(label: str, today: dt.date) -> bool:
    """True once wave ``label`` has started (its villages count as covered from then on)."""
    return wave_start(label) <= today


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (31 Mar minus 1 month is 28/29 Feb)."""
    if months < 0:
        raise ValueError(f"months {months} must be 0 or more")
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last_day = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


# --- Checking reported rows -------------------------------------------------------------------------------
def check_progress_rows(rows: Iterable[ProgressRow], *, known_villages: Collection[str],
                        village_waves: Mapping[str, str], current: Mapping[str, Reached],
                        today: dt.date) -> ProgressCheck:
    """Split reported rows into those that can be recorded and the refused ones, each with every reason.

    ``known_villages`` are the data set's village codes, ``village_waves`` village -> wave label in the plan
    (villages without a wave are absent), ``current`` village -> its current step (villages that never reported
    are absent), ``today`` the date reports may not go beyond. Rows are taken in date order; an accepted row
    becomes the village's current step for the rows after it.
    """
    state = dict(current)
    accepted: list[ProgressRow] = []
    refused: list[Refusal] = []
    ordered = sorted(enumerate(rows), key=lambda item: (item[1].reached_on, item[0]))
    for _, row in ordered:
        problems = _row_problems(row, known_villages, village_waves, state.get(row.village_code), today)
        if problems:
            refused.extend(problems)
        else:
            accepted.append(row)
            state[row.village_code] = Reached(row.step, row.reached_on)
    refused.sort(key=lambda r: (r.row is None, r.row or 0))
    return ProgressCheck(tuple(accepted), tuple(refused))


def _row_problems(row: ProgressRow, known: Collection[str], village_waves: Mapping[str, str],
                  now: Reached | None, today: dt.date) -> list[Refusal]:
    code = row.village_code

    def refuse(check: str, message: str, fix: str, column: str, value: object, **details: object) -> Refusal:
        return Refusal(check, message, fix, row=row.row, village_code=code, column=column, value=str(value),
                       details={"code": code, **details})

    if code not in known:
        return [refuse("unknown_village", f"village code {code} is not a village of the data set in use",
                       "check the 8-digit village code (province, district, tambon, moo)", "village_code", code)]
    problems = []
    wave = village_waves.get(code)
    if wave is None:
        problems.append(refuse("no_wave", f"village {code} has no wave in this plan, so it is not being covered",
                               "give the village a wave in the plan first, or check the code", "village_code",
                               code))
    step_ok = isinstance(row.step, int) and not isinstance(row.step, bool) and FIRST_STEP <= row.step <= LAST_STEP
    if not step_ok:
        problems.append(refuse("step_out_of_range", f"step {row.step} is not one of the six steps",
                               f"write a whole number from {FIRST_STEP} to {LAST_STEP}", "step", row.step,
                               step=row.step))
    if row.reached_on > today:
        problems.append(refuse("future_date", f"the date {row.reached_on.isoformat()} is after today "
                               f"({today.isoformat()})", "report a step only once it has been reached",
                               "reached_on", row.reached_on.isoformat(), reached_on=row.reached_on, today=today))
    if wave is not None and row.reached_on < wave_start(wave):
        problems.append(refuse(
            "before_wave", f"the date {row.reached_on.isoformat()} is before village {code}'s wave {wave} started "
            f"({wave_start(wave).isoformat()}, the start of fiscal year {wave})",
            "check the date and its year (B.E. years are C.E. + 543), or the village's wave", "reached_on",
            row.reached_on.isoformat(), reached_on=row.reached_on, wave=wave, wave_start=wave_start(wave)))
    if step_ok and now is not None:
        problems += _against_current(row, now, refuse)
    return problems


def _against_current(row: ProgressRow, now: Reached, refuse) -> list[Refusal]:
    problems = []
    if row.reached_on < now.reached_on:
        problems.append(refuse(
            "before_current", f"the date {row.reached_on.isoformat()} is before the village's current step "
            f"{now.step}, reached on {now.reached_on.isoformat()}",
            "report only what happened after the current step, or check the date", "reached_on",
            row.reached_on.isoformat(), reached_on=row.reached_on, current=now.step, current_on=now.reached_on))
    if row.step == now.step:
        problems.append(refuse(
            "no_change", f"the village is already at step {now.step} (since {now.reached_on.isoformat()})",
            "report a village again only when it moves to another step", "step", row.step, step=row.step,
            current_on=now.reached_on))
    elif row.step < now.step and not row.reason.strip():
        problems.append(refuse(
            "step_backwards", f"step {row.step} goes back from the current step {now.step} without a reason",
            "write in the reason column why the village went back", "reason", row.step, step=row.step,
            current=now.step))
    return problems


# --- Reading the state of the rollout -------------------------------------------------------------------
def stalled_villages(current: Mapping[str, Reached], village_waves: Mapping[str, str], *, today: dt.date,
                     months: int) -> tuple[Stalled, ...]:
    """Covered villages whose step has not changed for more than ``months`` months, oldest first.

    A village counts once its wave has started. Its last change is the date of its current step, or its wave's
    start if it never reported. Villages at the last step (periodic evaluation, an ongoing step) are not stalled.
    """
    cutoff = months_before(today, months)
    stalled = []
    for code, wave in village_waves.items():
        if not wave_started(wave, today):
            continue
        now = current.get(code)
        if now is not None and now.step >= LAST_STEP:
            continue
        since = now.reached_on if now is not None else wave_start(wave)
        if since < cutoff:
            stalled.append(Stalled(code, now.step if now else NOT_REPORTED, since, wave))
    return tuple(sorted(stalled, key=lambda s: (s.since, s.village_code)))


def step_counts_by_district(current: Mapping[str, Reached], village_waves: Mapping[str, str],
                            village_districts: Mapping[str, str], *, today: dt.date) -> dict[str, dict[int, int]]:
    """District -> step (0 = not reported yet, 1-6) -> villages, over the villages whose wave has started.

    Every district with a started village appears, with every step (zeros included), so charts stack evenly.
    """
    counts: dict[str, dict[int, int]] = {}
    for code, wave in sorted(village_waves.items()):
        if not wave_started(wave, today) or code not in village_districts:
            continue
        row = counts.setdefault(village_districts[code], dict.fromkeys((NOT_REPORTED, *STEP_NUMBERS), 0))
        now = current.get(code)
        row[now.step if now else NOT_REPORTED] += 1
    return dict(sorted(counts.items()))
