"""What may be written in Latin letters on a Thai page: proper names and codes, nothing else.

Used by the browser walk of every page (tests/browser/test_thai_pages.py) and by the AppTest check of the
tables the browser cannot read (tests/dashboard/test_thai_text.py). Code shown as code (a file's column names
written `village_code`) is left out before the check, so it needs no entry here.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Iterable

import geodata
from geodata import schema
from service.logins import ADMIN_NAME

#: Codes and names of things the product uses, as written in Thai texts too.
CODES = {
    "CSV", "XLSX", "PDF", "GeoJSON", "GeoPackage", "Shapefile", "zip", "Excel", "QGIS", "GIS", "UTF", "Windows",
    "GPS", "A4", "KM", "km", "Leaflet", "OpenStreetMap", "HDX", "OCHA", "COD", "AB", "BY", "IGO", "CC",
    "LibreOffice", "Unicode", "WGS84",
    "Enter",  # the key, as its keycap reads on Thai keyboards too
}
#: Words of the language switch: each language named in itself.
LANGUAGE_SWITCH = {"Language", "English"}
#: Phrases kept as the source asks to be credited (proper names of organisations and people), and the name of a
#: QGIS tool as its menu shows it.
PHRASES = ("OCHA / Royal Thai Survey Department", "A. Hoerstemeier", "Fix Geometries")
#: A file name (a download, an upload), or a file's extension written alone (.shp, .prj, or the .txt of a file
#: a planner uploaded by mistake): a code.
FILE_NAME = re.compile(r"[\w.-]+\.(?:csv|xlsx|pdf|gpkg|geojson|json|zip|xml)\b|(?<![\w.])\.[A-Za-z0-9]{1,7}\b",
                       re.IGNORECASE)
#: A spreadsheet's column letter, as a Thai sentence names it ("คอลัมน์ B"): a code.
COLUMN_LETTER = re.compile(r"(?<=คอลัมน์ )[A-Z]{1,3}\b")
#: A path or address written in a source note (github.com/..., prasertcbs/thailand_gis, EPSG:4326, TIS-1099), or
#: a character's code point (U+00B2).
PATH = re.compile(r"\b[\w.-]+(?:/[\w.-]+)+\b|\b[A-Z]+[:-]\d+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bU\+[0-9A-F]{4,6}\b")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def place_names() -> set[str]:
    """Every word of the English names of the province's villages, tambons and amphoes (proper names)."""
    villages = geodata.load_villages()
    words: set[str] = set()
    for column in (schema.VILLAGE_EN, schema.TAMBON_EN, schema.AMPHOE_EN):
        for name in villages[column].dropna():
            words |= set(WORD.findall(str(name)))
    return words | {"Nakhon", "Si", "Thammarat"}


#: Account names the tests log in with, shown as typed beside "ผู้ใช้:" (a name people chose, not interface text):
#: the first account the app creates.
ACCOUNT_NAMES = {ADMIN_NAME}


def allowed_words() -> set[str]:
    """Latin words a Thai page may show: codes, the language switch, place names, the login names."""
    return CODES | LANGUAGE_SWITCH | place_names() | ACCOUNT_NAMES | set(WORD.findall(getpass.getuser()))


def foreign_words(texts: Iterable[str], allowed: set[str]) -> dict[str, str]:
    """Latin words in `texts` that are not allowed, each with the text it was found in."""
    found: dict[str, str] = {}
    for text in texts:
        cleaned = str(text)
        for phrase in PHRASES:
            cleaned = cleaned.replace(phrase, " ")
        cleaned = COLUMN_LETTER.sub(" ", PATH.sub(" ", FILE_NAME.sub(" ", cleaned)))
        for word in WORD.findall(cleaned):
            if word not in allowed:
                found.setdefault(word, str(text)[:160])
    return found
