"""Normalising Thai village names and scoring how alike two names are."""

import pytest

from geodata.databuild.names import CONTAINED_SCORE, name_score, name_variants, normalise_name


@pytest.mark.parametrize(("written", "normalised"), [
    ("บ้านท่าไร่", "ท่าไร่"),                 # the prefix บ้าน ("village") goes
    ("ท่าไร่", "ท่าไร่"),                     # a name without it is unchanged
    ("บ้านบ้าน กม. 27", "กม27"),             # doubled prefix, spaces, the full stop of กม.
    ("บ้าน กม. ๑๒๕", "กม125"),               # Thai digits become Arabic digits
    ("บ้านนิคมฯ 2", "นิคม2"),                # the abbreviation mark ฯ
    ("บ้านป่าคลัก-ดง", "ป่าคลักดง"),          # hyphens
    ("บ้านน\u0e4d\u0e32ใส", "น\u0e33ใส"),    # sara am written as two characters is the one letter
    ("บ้าน\u200bหนองบัว", "หนองบัว"),        # zero-width space
    ("บ้าน", ""),                            # the bare word is no name
    ("", ""),
])
def test_normalise_name(written, normalised):
    assert normalise_name(written) == normalised


def test_tambon_names_keep_a_leading_baan_when_asked():
    assert normalise_name("บ้านใหม่", strip_prefix=False) == "บ้านใหม่"


def test_a_second_name_in_brackets_or_after_a_comma_is_a_variant():
    assert name_variants("บ้านนางพระยา (โคกอิฐ)") == {"นางพระยา", "โคกอิฐ", "นางพระยาโคกอิฐ"}
    assert name_variants("บ้านทุ่งนอก, บ้านดอนธรรมเนียม") == {"ทุ่งนอก", "ดอนธรรมเนียม", "ทุ่งนอกดอนธรรมเนียม"}
    assert name_variants("บ้านเจียง/ดอนใต้") == {"เจียง", "ดอนใต้", "เจียงดอนใต้"}
    assert name_variants("") == frozenset()


def test_identical_forms_score_one():
    assert name_score(name_variants("บ้านนางพระยา (โคกอิฐ)"), name_variants("โคกอิฐ")) == 1.0
    assert name_score(name_variants("บ้านกม.๑๒"), name_variants("บ้าน ก.ม. 12")) == 1.0


def test_one_letter_of_five_apart_scores_the_similarity_ratio():
    # ลำลาว / ลำสาว: 4 of 5 characters in common on each side -> 2 x 4 / 10
    assert name_score(name_variants("บ้านลำลาว"), name_variants("บ้านลำสาว")) == pytest.approx(0.8)


def test_a_name_contained_in_a_longer_one_scores_at_least_the_containment_score():
    # ปากน้ำ (6) in ปากน้ำปากนคร (12): ratio 2 x 6 / 18 = 0.67, lifted to the containment score
    assert name_score(name_variants("บ้านปากน้ำ"), name_variants("บ้านปากน้ำปากนคร")) == CONTAINED_SCORE


def test_short_words_do_not_count_as_contained():
    # ดง (2 characters) hides in many names: no containment bonus
    assert name_score(name_variants("บ้านดง"), name_variants("บ้านดงมะไฟใหญ่")) < CONTAINED_SCORE


def test_a_minimum_returns_zero_for_names_that_cannot_reach_it():
    assert name_score(name_variants("บ้านหนองบัว"), name_variants("บ้านโคกกลาง"), minimum=0.8) == 0.0
