"""One catalogue of every text a person reads, in Thai (the users' language) and English.

The dashboard's pages, the printed and exported documents, and the words for the planning engine's facts (its
checks, failures, reasons and the six steps) all look their text up here, so one term is written one way
everywhere. `geodata` holds it because the exports need the same vocabulary and cannot import the dashboard.

A key is ``section.name``: the section says where the text is used (``common`` for the glossary every page and
document shares, ``plan``, ``coverage``, ``export``, ``data`` for the pages, ``doc`` for printed documents,
``upload`` for problems found in a planner's file, ``check`` for the plan's checks, ``province`` for choosing a
province). Each section lives in its
own module as ``MESSAGES = {name: (thai, english)}``; ``{fields}`` are filled with ``str.format``.

    text("plan.pending.applied", "th", version=3)  ->  "บันทึกแล้ว: ฉบับที่ 3"

No message names a province: a text about one has a ``{province}`` field, filled with the province's name in
the message's language (``text("doc.province_name", "th", province="อุบลราชธานี")``); left out, it is the
default province's name from the registry (``geodata.provinces``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from string import Formatter

from geodata.messages import checks, common, coverage, data_page, documents, export_page, plan, provinces, uploads

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
#: The field of a message that names a province (its Thai or English name).
PROVINCE_FIELD = "province"
_SECTIONS = (common, plan, coverage, export_page, data_page, documents, uploads, checks, provinces)


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


def has(key: str) -> bool:
    """True if the catalogue holds `key`."""
    return key in CATALOGUE


def fields(template: str) -> set[str]:
    """The names of the ``{fields}`` a message template fills ("{n:,} หมู่บ้าน" -> {"n"})."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in Formatter().parse(template) if name}
