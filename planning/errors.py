"""The planning engine's errors: one family, narrow subclasses.

Every message names the bad value and says how to fix it, with numbers. The engine writes no interface text:
what an interface shows is a ``Fact`` (a kind and the codes and numbers it quotes), which it words in its own
language (geodata.messages.facts), as it does the checks' ``Failure``. Each fact also carries its English sentence,
which ``str(error)`` joins for developers, logs and the command line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """One thing wrong with the engine's input, as facts: ``kind`` says what (``wave_short``, ``roster_teams``...),
    ``values`` the codes and numbers it quotes, ``english`` the sentence for developers (with the fix)."""

    kind: str
    values: Mapping[str, object]
    english: str

    def __str__(self) -> str:
        return self.english


class PlanningError(ValueError):
    """Base of every error the planning engine raises on purpose.

    ``problems`` holds one English message per problem found and ``facts`` the problems given as a `Fact`;
    ``str(error)`` joins the messages, so a validator can report all the bad rows of an upload at once instead
    of one per attempt.
    """

    def __init__(self, problems: str | Fact | Iterable[str | Fact]) -> None:
        items = (problems,) if isinstance(problems, str | Fact) else tuple(problems)
        self._items = items
        self.problems: tuple[str, ...] = tuple(str(item) for item in items)
        self.facts: tuple[Fact, ...] = tuple(item for item in items if isinstance(item, Fact))
        super().__init__("; ".join(self.problems))

    def __reduce__(self):  # keep the problems and facts when pickled (st.cache_data, multiprocessing)
        return (type(self), (self._items,))


class InvalidInputError(PlanningError):
    """An input is malformed: an unknown code, a bad row in a roster table, a lock to a wave that does not exist."""


class InfeasiblePlanError(PlanningError):
    """The inputs are well formed but no plan can satisfy them (capacity short, locks over a wave's size...)."""


class SolverError(PlanningError):
    """The solver did not prove a result it was asked to prove; the engine refuses to return an unproven plan."""
