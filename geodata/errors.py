"""Errors raised by geodata: one base class, and an upload error that carries every problem found."""

from __future__ import annotations

from dataclasses import dataclass


class GeodataError(ValueError):
    """Base class: data that cannot be read or used, with a message that says how to fix it."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an uploaded file, located precisely enough to find and fix it.

    `row` is the 1-based data row as a spreadsheet shows it (header = row 1, first data row = row 2), or None
    for a problem with the whole file (empty file, missing column, missing CRS).
    """

    check: str
    message: str
    fix: str
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        if self.value is not None:
            where.append(f"value {self.value!r}")
        prefix = f"{', '.join(where)}: " if where else ""
        return f"{prefix}{self.message}. Fix: {self.fix}"


class UploadError(GeodataError):
    """An uploaded file failed validation; `problems` lists every problem found, not just the first."""

    def __init__(self, source: str, problems: list[Problem] | tuple[Problem, ...]):
        self.source = source
        self.problems = tuple(problems)
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"{source}: {len(self.problems)} problem(s) found; nothing was loaded.\n{lines}")
