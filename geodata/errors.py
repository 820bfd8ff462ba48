"""Errors raised by geodata: one base class, and an upload error that carries every problem found."""

from __future__ import annotations

from dataclasses import dataclass


class GeodataError(ValueError):
    """Base class: data that cannot be read or used, with a message that says how to fix it."""


@dataclass(frozen=True)
class ByLanguage:
    """A value that is written differently in each language: a province's Thai and English names."""

    th: str
    en: str

    def __str__(self) -> str:
        return self.en


class WordedError(GeodataError):
    """An error worded by the message catalogue (``geodata.messages``): `key` and the `values` it quotes (a
    `ByLanguage` value in each language's own words), so the command line and the pages can say it in Thai and
    English; ``str()`` is the English."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(self.words("en"))

    def words(self, lang: str) -> str:
        """What is wrong and how to fix it, in `lang` ("th" or "en")."""
        from geodata.messages import text  # the catalogue is loaded on first use, not with every error class

        return text(self.key, lang, **{name: getattr(value, lang) if isinstance(value, ByLanguage) else value
                                       for name, value in self.values.items()})

    def __reduce__(self):  # pickles with its key and values (st.cache_data, worker processes)
        return (_worded_error, (type(self), self.key, self.values))


def _worded_error(kind: type[WordedError], key: str, values: dict) -> WordedError:
    return kind(key, **values)


class UnknownProvinceError(WordedError):
    """A province code the registry does not hold (``geodata.provinces.province``)."""


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
