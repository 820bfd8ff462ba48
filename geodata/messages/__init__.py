"""One catalogue of every text a person reads, in Thai (the users' language) and English.

The dashboard's pages, the printed and exported documents, and the words for the planning engine's facts (its
checks, failures, reasons and the six steps) all look their text up here, so one term is written one way
everywhere. `geodata` holds it because the exports need the same vocabulary and cannot import the dashboard.

A key is ``section.name``: the section says where the text is used (``common`` for the glossary every page and
document shares, ``plan``, ``coverage``, ``export``, ``data`` for the pages, ``doc`` for printed documents,
``upload`` for a planner's files (limits, columns, the table of problems), ``problem`` for what is wrong in a
planner's file and how to fix it, ``engine`` for the planning engine's refusals, ``check`` for the plan's checks,
``access`` for logging in, the Users page and the service layer's refusals, ``province`` for choosing a
province).
Each section lives in its own module as ``MESSAGES = {name: (thai, english)}``; ``{fields}`` are filled with
``str.format``.

    text("plan.pending.applied", "th", version=3)  ->  "บันทึกแล้ว: ฉบับที่ 3"

Code that finds something wrong before anyone reads it (the readers of uploads, the exports) keeps a `Message`
(the key and the values it quotes) instead of a sentence, and the page words it in its reader's language.

No message names a province: a text about one has a ``{province}`` field, filled with the province's name in
the message's language (``text("doc.province_name", "th", province="อุบลราชธานี")``); left out, it is the
default province's name from the registry (``geodata.provinces``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter

from geodata.messages import (
    access,
    checks,
    common,
    coverage,
    data_page,
    documents,
    engine,
    export_page,
    plan,
    problems,
    provinces,
    uploads,
)

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
#: The field of a message that names a province (its Thai or English name).
PROVINCE_FIELD = "province"
_SECTIONS = (common, plan, coverage, export_page, data_page, documents, uploads, problems, engine, checks, access,
             provinces)


class UnknownMessageError(KeyError):
    """A key that is not in the catalogue (a typo, or a text not written yet)."""


def _catalogue() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in _SECTIONS:
        for name, pair in module.MESSAGES.items():
            merged[f"{module.SECTION}.{name}"] = pair
    return merged


#: Every message: full key -> (Thai, English).
CATALOGUE: Mapping[str, tuple[str, str]] = _catalogue()
SECTIONS: tuple[str, ...] = tuple(module.SECTION for module in _SECTIONS)


def text(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang` ("th" or "en"), its ``{fields}`` filled from `values`.

    Raises UnknownMessageError for a key the catalogue lacks and ValueError for another language, so a missing
    text fails the tests instead of showing a key to a user.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGUAGES}")
    try:
        pair = CATALOGUE[key]
    except KeyError:
        raise UnknownMessageError(f"no message {key!r} in geodata.messages; add it to its section") from None
    template = pair[LANGUAGES.index(lang)]
    if PROVINCE_FIELD not in values and PROVINCE_FIELD in _fields(template):
        values = {**values, PROVINCE_FIELD: default_province_name(lang)}
    return template.format(**values) if values else template


def default_province_name(lang: str) -> str:
    """The default province's name in `lang`, from the registry (what ``{province}`` says when not given)."""
    from geodata import provinces  # the registry reads package data: loaded when a message first needs it

    default = provinces.province()
    return default.name_th if lang == "th" else default.name_en


@functools.lru_cache(maxsize=1024)
def _fields(template: str) -> frozenset[str]:
    return frozenset(fields(template))


def names_province(key: str, lang: str) -> bool:
    """True when message `key` in `lang` has a ``{province}`` field (the dashboard fills it with the chosen
    province); False for an unknown key (``text`` then says it is unknown)."""
    pair = CATALOGUE.get(key)
    return pair is not None and lang in LANGUAGES and PROVINCE_FIELD in _fields(pair[LANGUAGES.index(lang)])


def has(key: str) -> bool:
    """True if the catalogue holds `key`."""
    return key in CATALOGUE


def fields(template: str) -> set[str]:
    """The names of the ``{fields}`` a message template fills ("{n:,} หมู่บ้าน" -> {"n"})."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in Formatter().parse(template) if name}


@dataclass(frozen=True, init=False)
class Message:
    """A text to word later, in whoever reads it's language: a catalogue key and the values it quotes.

    ``Message("problem.malformed_code", length=8)``. A value may itself be a Message (a column's label, a hint),
    worded in the same language, or a list or tuple of values, worded one by one and joined with ", ".
    ``str(message)`` is the English, for logs, the command line and tests.
    """

    key: str
    values: tuple[tuple[str, object], ...]

    def __init__(self, key: str, /, **values: object) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", tuple(values.items()))

    def text(self, lang: str, **more: object) -> str:
        """The message in `lang`; `more` fills fields the message's own values leave open (or replaces them)."""
        values = {**dict(self.values), **more}
        return text(self.key, lang, **{name: words(value, lang) for name, value in values.items()})

    def __str__(self) -> str:
        return self.text("en")


def words(value: object, lang: str) -> object:
    """A message's value as it is filled in: a Message worded in `lang`, a list joined, anything else as is."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(words(item, lang)) for item in value)
    return value
