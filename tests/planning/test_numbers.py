"""Whole numbers as people type them: 0-9 and Thai digits read, other scripts' digits refused and named."""

import pytest

from planning.numbers import ascii_digits, digit_hint, foreign_digits, parse_whole_number


@pytest.mark.parametrize(("text", "number"), [("3", 3), ("๓", 3), ("๑๒", 12), (" 10 ", 10), ("3.0", 3),
                                              ("-2", -2), ("+๗", 7), ("007", 7)])
def test_ascii_and_thai_digits_are_whole_numbers(text, number):
    assert parse_whole_number(text) == number


@pytest.mark.parametrize("text", ["²", "٣", "۳", "½", "三", "3.5", "", "3a", "1e3", "9" * 19, "๓²"])
def test_anything_else_is_not_a_whole_number(text):
    assert parse_whole_number(text) is None


def test_thai_digits_become_ascii_and_nothing_else_changes():
    assert ascii_digits("หมู่ ๑๒ (12)") == "หมู่ 12 (12)"


def test_foreign_digits_are_named_with_their_code_point():
    assert foreign_digits("๑²٣3") == "²٣"
    assert digit_hint("²") == "; '²' (U+00B2) is not a digit 0-9 or ๐-๙, retype it with 0-9"
    assert digit_hint("๑๒") == ""
