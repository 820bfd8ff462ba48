"""One person's access to the saved work: every read and write of the pages and the command line goes here."""

from __future__ import annotations

from service.accounts import AccountService
from service.corrections import CorrectionService
from service.progress import ProgressService
from service.scenarios import ScenarioService


class Workspace(ScenarioService, ProgressService, CorrectionService, AccountService):
    """The database as one actor may use it: `Workspace(db, actor)`; each method checks the actor's rights.

    Cheap to make (no connection of its own): pages make one per run, for the logged-in person.
    """
