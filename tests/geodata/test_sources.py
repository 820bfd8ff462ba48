"""The data's sources in Thai (SOURCES.th.md, shown on the Thai Data page) say what SOURCES.md says: the same
counts, codes, files and credits."""

from __future__ import annotations

import re

import geodata

COUNTS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
CODES = re.compile(r"\b80\d{4,6}\b")
FILES = re.compile(r"[\w/.-]+\.(?:csv|geojson|json|xml)\b|github\.com/[\w/.-]+|prasertcbs/thailand_gis")
CREDITS = ("OCHA / Royal Thai Survey Department", "A. Hoerstemeier", "CC BY 3.0 IGO", "TH_VILLAGE2012")


def test_the_thai_sources_hold_the_same_facts():
    english, thai = geodata.sources_markdown("en"), geodata.sources_markdown("th")
    for pattern in (COUNTS, CODES, FILES):
        assert set(pattern.findall(english)) <= set(pattern.findall(thai)), pattern.pattern
    for credit in CREDITS:
        assert credit in english and credit in thai, credit
    assert thai.startswith("# ข้อมูลที่ฝังในโปรแกรม") and english.startswith("# Embedded data")


def test_english_stays_the_default():
    assert geodata.sources_markdown() == geodata.sources_markdown("en")
