"""Location corrections: checked like any upload, applied so a corrected village is no longer estimated."""

import pytest

import geodata
from geodata import schema
from geodata.corrections import (
    CORRECTED_QUALITY,
    apply_corrections,
    check_point,
    is_corrected,
    read_corrections,
)
from store.locations import Correction, PreviousPoint


@pytest.fixture(scope="module")
def province():
    return geodata.load_villages(), geodata.load_tambons()


@pytest.fixture(scope="module")
def estimated(province):
    """An estimated village and a point well inside its own tambon."""
    villages, tambons = province
    row = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED].iloc[0]
    inside = tambons.set_index(schema.TAMBON_CODE).geometry[row[schema.TAMBON_CODE]].representative_point()
    return row[schema.VILLAGE_CODE], inside.y, inside.x


def csv_bytes(*rows: str, header: str = "village_code,lat,lon,source") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def test_a_point_inside_the_tambon_is_accepted_without_warning(province, estimated):
    code, lat, lon = estimated
    checked = check_point(code, lat, lon, "GPS", *province)
    assert checked.warning is None
    assert checked.previous.quality == schema.ESTIMATED and checked.previous.lat is not None


def test_a_point_just_outside_the_tambon_is_accepted_with_a_warning(province, estimated):
    code, lat, lon = estimated
    villages, tambons = province
    polygon = tambons.set_index(schema.TAMBON_CODE).geometry[code[:6]]
    west = polygon.bounds[0] - 0.01  # about 1 km west of the tambon's westernmost point
    checked = check_point(code, lat, west, "GPS", villages, tambons)
    assert checked.warning and "outside its tambon" in checked.warning


def test_a_point_far_from_the_tambon_is_refused(province, estimated):
    code, _, _ = estimated
    with pytest.raises(geodata.GeodataError, match="km outside the village's tambon"):
        check_point(code, 13.75, 100.5, "GPS", *province)  # Bangkok


def test_a_point_outside_thailand_is_refused(province, estimated):
    code, _, _ = estimated
    with pytest.raises(geodata.GeodataError, match="outside Thailand"):
        check_point(code, 35.0, 139.0, "GPS", *province)


def test_a_valid_file_gives_every_row(province, estimated):
    code, lat, lon = estimated
    rows = read_corrections(csv_bytes(f"{code},{lat},{lon},GPS อบต."), "fix.csv", *province)
    assert [(r.village_code, r.source) for r in rows] == [(code, "GPS อบต.")]


def test_every_problem_of_a_file_is_listed_with_row_column_and_fix(province, estimated):
    code, lat, lon = estimated
    data = csv_bytes(f"{code},{lat},{lon},", "99999999,8.4,99.9,GPS", f"{code},{lon},{lat},GPS",
                     "80010601,abc,99.9,GPS")
    with pytest.raises(geodata.UploadError) as caught:
        read_corrections(data, "fix.csv", *province)
    found = {(p.row, p.check) for p in caught.value.problems}
    assert (2, "missing_value") in found
    assert (3, "unknown_village") in found
    assert (4, "duplicate_code") in found and (4, "coordinates_swapped") in found
    assert (5, "coordinate_not_numeric") in found
    assert all(p.fix for p in caught.value.problems)


def test_a_file_without_the_columns_says_which_are_missing(province):
    with pytest.raises(geodata.UploadError, match="'source' is missing"):
        read_corrections(csv_bytes("80010601,8.4,99.9", header="village_code,lat,lon"), "fix.csv", *province)


def test_only_csv_files_are_read(province):
    with pytest.raises(geodata.UploadError, match="must be a CSV"):
        read_corrections(b"x", "fix.xlsx", *province)


def test_an_applied_correction_moves_the_point_and_the_village_stops_being_estimated(province, estimated):
    code, lat, lon = estimated
    villages, tambons = province
    correction = Correction(code, lat, lon, "GPS", "สมชาย", "2026-11-26T00:00:00+00:00",
                            PreviousPoint(None, None, schema.ESTIMATED))
    corrected = apply_corrections(villages, tambons, {code: correction, "99999999": correction})
    row = corrected.set_index(schema.VILLAGE_CODE).loc[code]
    assert row[schema.LOCATION_QUALITY] == CORRECTED_QUALITY
    assert is_corrected(row[schema.LOCATION_SOURCE]) and row[schema.LOCATION_SOURCE] == "correction:GPS"
    assert (row.geometry.y, row.geometry.x) == pytest.approx((lat, lon))
    assert row["point_in_own_tambon"]
    assert len(corrected) == len(villages)
    assert villages.set_index(schema.VILLAGE_CODE).loc[code, schema.LOCATION_QUALITY] == schema.ESTIMATED
