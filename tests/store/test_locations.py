"""Location corrections are kept as a history: the latest is in use, earlier points (and the original) remain."""

import math

import pytest

from store import StoreError, open_store
from store.locations import NewCorrection, PreviousPoint

ESTIMATED_POINT = PreviousPoint(8.4301, 99.9632, "estimated")


def test_a_correction_reads_back_with_source_author_date_and_the_point_it_replaced(store):
    store.add_location_correction("80010601", 8.45, 99.97, source="GPS อบต.", author="สมชาย",
                                  previous=ESTIMATED_POINT)
    (correction,) = store.location_corrections().values()
    assert (correction.village_code, correction.lat, correction.lon) == ("80010601", 8.45, 99.97)
    assert correction.source == "GPS อบต." and correction.author == "สมชาย" and correction.at
    assert correction.previous == ESTIMATED_POINT


def test_the_latest_correction_is_in_use_and_the_history_keeps_every_point(store):
    store.add_location_correction("80010601", 8.45, 99.97, source="แผนที่", author="a", previous=ESTIMATED_POINT)
    store.add_location_correction("80010601", 8.46, 99.98, source="GPS", author="b",
                                  previous=PreviousPoint(8.45, 99.97, "high"))
    assert store.location_corrections()["80010601"].source == "GPS"
    history = store.correction_history("80010601")
    assert [(c.lat, c.source) for c in history] == [(8.45, "แผนที่"), (8.46, "GPS")]
    assert history[0].previous == ESTIMATED_POINT


def test_corrections_of_several_villages_are_kept_apart(store):
    store.add_location_corrections([NewCorrection("80010601", 8.4, 99.9, "csv"),
                                    NewCorrection("80010602", 8.5, 99.8, "csv")], author="a")
    assert sorted(store.location_corrections()) == ["80010601", "80010602"]
    assert store.correction_history("80019999") == []


def test_a_batch_with_one_bad_row_records_nothing(store):
    with pytest.raises(StoreError, match="lat nan is not a number"):
        store.add_location_corrections([NewCorrection("80010601", 8.4, 99.9, "csv"),
                                        NewCorrection("80010602", math.nan, 99.8, "csv")], author="a")
    assert store.location_corrections() == {}


def test_a_correction_needs_a_source_and_an_author(store):
    with pytest.raises(StoreError, match="needs a source"):
        store.add_location_correction("80010601", 8.4, 99.9, source=" ", author="a")
    with pytest.raises(StoreError, match="author"):
        store.add_location_correction("80010601", 8.4, 99.9, source="GPS", author="")


def test_the_revision_grows_with_every_correction(store):
    assert store.corrections_revision() == 0
    store.add_location_correction("80010601", 8.4, 99.9, source="GPS", author="a")
    first = store.corrections_revision()
    store.add_location_correction("80010601", 8.41, 99.9, source="GPS", author="a")
    assert store.corrections_revision() > first > 0


def test_corrections_survive_reopening_the_database(database_url):
    first = open_store(database_url)
    first.add_location_correction("80010601", 8.4, 99.9, source="GPS", author="a")
    first.close()
    again = open_store(database_url)
    assert again.location_corrections()["80010601"].lat == 8.4
    again.close()
