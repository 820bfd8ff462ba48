"""Interface text: both languages, Buddhist-era years and Thai number formats."""

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard.common.formatting import COMMON, format_date, format_number, format_share, translate
from planning.thai_dates import buddhist_year


def test_buddhist_era_years():
    assert buddhist_year(2006) == 2549
    assert format_date(dt.date(2005, 12, 2), "th") == "2 ธ.ค. 2548"
    assert format_date(dt.date(2005, 12, 2), "en") == "2 Dec 2548"


def test_numbers_use_arabic_digits_with_separators():
    assert format_number(1553) == "1,553"
    assert format_number(2.5, 2) == "2.50"
    assert format_share(400 / 1553) == "25.8%"


def test_translate_fills_values_and_rejects_unknown_keys():
    assert translate(COMMON, "villages_count", "th", n=1553) == "1,553 หมู่บ้าน"
    assert translate(COMMON, "villages_count", "en", n=1553) == "1,553 villages"
    with pytest.raises(KeyError):
        translate(COMMON, "no_such_key", "th")
    with pytest.raises(ValueError, match="unknown language"):
        translate(COMMON, "pilot", "fr")


def test_every_page_text_has_thai_and_english():
    views = Path(__file__).resolve().parents[3] / "dashboard"
    for path in views.rglob("*.py"):
        for thai, english in re.findall(r'\(\s*"([^"]*)",\s*"([^"]*)"\s*\)', path.read_text(encoding="utf-8")):
            if re.search(r"[\u0E00-\u0E7F]", thai):
                assert english.strip(), f"{path.name}: {thai!r} has no English text"
