"""The planning engine's errors: one family, narrow subclasses.

Every message names the bad value and says how to fix it, with numbers, because the dashboard shows it to a
planner as is (``st.error``) and the CLI prints it as its one line of output.
"""

from __future__ import annotations

from collections.abc import Iterable


class PlanningError(ValueError):
    """Base of every error the planning engine raises on purpose.

    ``problems`` holds one message per problem found; ``str(error)`` joins them, so a validator can report all
    the bad rows of an upload at once instead of one per attempt.
    """

    def __init__(self, problems: str | Iterable[str]) -> None:
        items = (problems,) if isinstance(problems, str) else tuple(problems)
        self.problems: tuple[str, ...] = items
        super().__init__("; ".join(items))

    def __reduce__(self):  # keep the problems when pickled (st.cache_data, multiprocessing)
        return (type(self), (self.problems,))


class InvalidInputError(PlanningError):
    """An input is malformed: an unknown code, a bad row in a roster table, a lock to a wave that does not exist."""


class InfeasiblePlanError(PlanningError):
    """The inputs are well formed but no plan can satisfy them (capacity short, locks over a wave's size...)."""


class SolverError(PlanningError):
    """The solver did not prove a result it was asked to prove; the engine refuses to return an unproven plan."""
