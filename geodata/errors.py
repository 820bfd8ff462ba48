"""Errors raised by geodata: one base class, and an upload error that carries every problem found.

What is wrong is kept as catalogue messages (geodata.messages.Message: a key and the values it quotes), not as
sentences, so each page words a problem in its reader's language with the same row, column, value, numbers and
fix; ``str()`` stays English, for logs and the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geodata import schema
from geodata.messages import Message
from planning.numbers import foreign_digits

#: The columns of planners' files as a reader knows them (English: the column's own name, the header the English
#: help and templates use; Thai: the Thai header each reader accepts too).
COLUMN_LABELS = {
    schema.VILLAGE_CODE: "upload.column.village_code",
    schema.MOO: "upload.column.moo",
    schema.VILLAGE_TH: "upload.column.village_th",
    schema.VILLAGE_EN: "upload.column.village_en",
    schema.TAMBON_CODE: "upload.column.tambon_code",
    schema.AMPHOE_CODE: "upload.column.amphoe_code",
    schema.LAT: "upload.column.lat",
    schema.LON: "upload.column.lon",
    schema.GEOMETRY: "upload.column.geometry",
    "source": "upload.column.source",
    "step": "upload.column.step",
    "reached_on": "upload.column.reached_on",
    "reported_by": "upload.column.reported_by",
    "reason": "upload.column.reason",
    "teams": "upload.column.teams",
}
_THAI = re.compile(r"[\u0E00-\u0E7F]")


def column_label(name: str) -> Message | str:
    """A column as the reader knows it, to fill a message: its label in the catalogue, else its own name."""
    return Message(COLUMN_LABELS[name]) if name in COLUMN_LABELS else name


def digit_hint(text: str) -> Message | str:
    """What to add to a "not a number" message when `text` holds digits of another script ("²"), else ""."""
    odd = foreign_digits(text)
    if not odd:
        return ""
    return Message("problem.digit_hint", characters=", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in odd[:3]))


def one_of(items: list[str] | tuple[str, ...]) -> Message | str:
    """Choices as a sentence says them: "CSV or XLSX" ("CSV หรือ XLSX"); a single choice as it is."""
    if len(items) < 2:
        return "".join(items)
    return Message("problem.or", first=", ".join(items[:-1]), last=items[-1])


def all_of(items: list[object] | tuple[object, ...]) -> Message | object:
    """Things as a sentence lists them: "A and B" ("A และ B"), or "A, B and C"; a single one as it is."""
    if len(items) < 2:
        return items[0] if items else ""
    return Message("problem.and", first=list(items[:-1]), last=items[-1])


class GeodataError(ValueError):
    """Base class: data that cannot be read or used, with a message that says how to fix it.

    Raised with a Message, the error can be worded in the reader's language (`words`); raised with a plain
    string (the command line's own errors), it is English only.
    """

    def __init__(self, message: str | Message) -> None:
        self.message = message
        super().__init__(str(message))

    def words(self, lang: str) -> str:
        """What is wrong and how to fix it, in `lang` ("th" or "en"); English when raised with a plain string."""
        return self.message.text(lang) if isinstance(self.message, Message) else str(self.message)

    @property
    def translated(self) -> bool:
        """True when `words` says it in either language (the error was raised with a catalogue message)."""
        return isinstance(self.message, Message)


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

    `what` says what is wrong and `how` how to fix it (catalogue messages: `message` and `fix` are their English).
    `row` is the 1-based data row as a spreadsheet shows it (header = row 1, first data row = row 2), or None
    for a problem with the whole file (empty file, missing column, missing CRS). `column` is the column's own name
    (schema); `header` the header the planner wrote for it, when the file has one. In a message, ``{column}``
    is always this problem's column as its reader knows it (`column_in`).
    """

    check: str
    what: Message
    how: Message
    row: int | None = None
    column: str | None = None
    value: str | None = None
    header: str | None = None

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.message_in("en")

    @property
    def fix(self) -> str:
        """How to fix it, in English."""
        return self.fix_in("en")

    def column_in(self, lang: str) -> str:
        """The column as a reader in `lang` knows it: in Thai the header the planner wrote when it is Thai, else
        the column's Thai label; in English the column's own name (the English header). "" without a column."""
        if self.column is None:
            return ""
        if lang == "th" and self.header and _THAI.search(self.header):
            return self.header
        label = column_label(self.column)
        return label.text(lang) if isinstance(label, Message) else label

    def message_in(self, lang: str) -> str:
        """What is wrong, in `lang`."""
        return self.what.text(lang, column=self.column_in(lang))

    def fix_in(self, lang: str) -> str:
        """How to fix it, in `lang`."""
        return self.how.text(lang, column=self.column_in(lang))

    def sentence_in(self, lang: str) -> str:
        """What is wrong and how to fix it in one sentence, in `lang` (where a table has no room for both)."""
        return Message("problem.sentence", what=self.message_in(lang), fix=self.fix_in(lang)).text(lang)

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

    def __reduce__(self):  # keep the problems when pickled (the page keeps an import's outcome in the session)
        return (type(self), (self.source, self.problems))


def as_written(problems: list[Problem], headers: dict[str, str]) -> list[Problem]:
    """`problems` with each one's `header` set to the header the planner wrote for its column (`headers`: column
    name -> header as written, as `geodata.tables.read_table` records them)."""
    return [replace(p, header=headers[p.column]) if p.column in headers and p.header is None else p
            for p in problems]
