"""Numbers and dates as Thai readers write them: Buddhist-era years, Arabic digits with separators.

(The words themselves are tested with the message catalogue: tests/geodata/test_messages.py.)
"""

import datetime as dt

from dashboard.common.formatting import format_date, format_number, format_share
from planning.thai_dates import buddhist_year


def test_buddhist_era_years():
    assert buddhist_year(2006) == 2549
    assert format_date(dt.date(2005, 12, 2), "th") == "2 ธ.ค. 2548"
    assert format_date(dt.date(2005, 12, 2), "en") == "2 Dec 2548"


def test_numbers_use_arabic_digits_with_separators():
    assert format_number(1553) == "1,553"
    assert format_number(2.5, 2) == "2.50"
    assert format_share(400 / 1553) == "25.8%"
