"""Issue 11, Thai throughout: every problem of a planner's file and every refusal of the planning engine reads in
Thai with the same information as in English (row, column, value, numbers, fix).

Not a copy of the catalogue: each case goes through the real reader or the real engine, and the Thai words are
checked for what they must carry (the numbers of the English, the values the fact quotes) and for Latin words
other than codes and names (tests/thai_text.py). Values the planner wrote, quoted in a sentence ('x'), are the
planner's own text and are left out of that check.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

import geodata
import planning
from geodata import schema
from geodata.corrections import PointError, check_point, read_corrections
from geodata.errors import Problem, UploadError
from geodata.exports import ExportError, parse_formats
from geodata.exports.packet import province_packet
from geodata.messages.facts import REFUSALS, error_sentences, refusal_sentence
from geodata.progress_io import read_progress_file
from geodata.roster_file import RosterError, read_roster_csv
from geodata.uploads import read_boundaries, read_village_list
from planning import Roster, Wave, make_problem
from tests.geodata.exports_support import make_scenario
from tests.thai_text import allowed_words, foreign_words

ROOT = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
QUOTED = re.compile(r"'[^']*'")
THAI = re.compile(r"[\u0E00-\u0E7F]")
DISTRICTS = ["8001", "8002"]
HEADER = "village_code,moo,village_th,tambon_code,amphoe_code,lat,lon\n"


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    return allowed_words()


@pytest.fixture(scope="module")
def data():
    return geodata.load_villages(), geodata.load_tambons()


@pytest.fixture(scope="module")
def real(data):
    """A real village of the province: (village code, moo, tambon code, amphoe code, lat, lon)."""
    village = data[0][data[0][schema.LOCATION_QUALITY] != schema.ESTIMATED].iloc[0]
    return (village[schema.VILLAGE_CODE], str(village[schema.MOO]), village[schema.TAMBON_CODE],
            village[schema.AMPHOE_CODE], village[schema.LAT], village[schema.LON])


def geojson(features: list[dict], crs: str | None = None) -> bytes:
    document: dict = {"type": "FeatureCollection", "features": features}
    if crs is not None:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(document).encode()


def feature(geometry: dict, tambon: str = "800101", amphoe: str = "8001", **more) -> dict:
    return {"type": "Feature", "properties": {"tambon_code": tambon, "amphoe_code": amphoe, **more},
            "geometry": geometry}


def zipped(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in names.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def bad_files(data, real) -> dict[str, object]:
    """Each case: a call that refuses a file, through the reader a page calls."""
    villages, tambons = data
    code, moo, tambon, amphoe, lat, lon = real
    square = {"type": "Polygon", "coordinates": [[[99.9, 8.4], [100.0, 8.4], [100.0, 8.5], [99.9, 8.5], [99.9, 8.4]]]}
    bowtie = {"type": "Polygon", "coordinates": [[[99.9, 8.4], [100.0, 8.5], [100.0, 8.4], [99.9, 8.5], [99.9, 8.4]]]}
    rows = [f"{code},{moo},บ้านทดสอบ,{tambon},{amphoe},{lat},{lon}"]
    village_list = {
        "wrong type": ("v.txt", HEADER.encode()),
        "too large": ("v.csv", b"x" * (5 * 1024 * 1024 + 1)),
        "too many rows": ("v.csv", (HEADER + "".join(f"{i},1,ก,800106,8001,,\n" for i in range(10_002))).encode()),
        "not text": ("v.csv", bytes([0x81, 0xFF, 0xFE, 0x00]) * 10),
        "damaged utf-8": ("v.csv", b"\xef\xbb\xbf" + HEADER.encode() + b"\xff\xfe\n"),
        "nul": ("v.csv", HEADER.encode() + b"8001\x000101,1\n"),
        "unclosed quote": ("v.csv", (HEADER + f'"{code},{moo}\n').encode()),
        "stray quote": ("v.csv", (HEADER + f'{code},"1"2,ก\n').encode()),
        "unreadable workbook": ("v.xlsx", b"PK not a workbook"),
        "extra cells": ("v.csv", (HEADER + rows[0] + ",สาม,สี่\n").encode()),
        "two headers": ("v.csv", ("village_code,รหัสหมู่บ้าน,moo\n" + f"{code},{code},{moo}\n").encode()),
        "three headers": ("v.csv", ("moo,หมู่,หมู่ที่\n1,1,1\n").encode()),
        "long code cell": ("v.csv", (HEADER + "1" * 1_001 + ",1,ก,800106,8001,,\n").encode()),
        "control character": ("v.csv", (HEADER + f"{code},{moo},บ้าน\x07ทดสอบ,{tambon},{amphoe},,\n").encode()),
        "no rows": ("v.csv", HEADER.encode() + b",,,,,,\n"),
        "missing columns": ("v.csv", f"village_code,moo\n{code},{moo}\n".encode()),
        "cells": ("v.csv", (HEADER + f"{code},,{'ก' * 101},{tambon},{amphoe},,\n"
                            f"8001010²,1,ข,{tambon},{amphoe},,\n"
                            f"{code},{moo},ค,{tambon},{amphoe},,\n"
                            f"80020101,1,ง,800101,8001,,\n"
                            f"80990101,1,จ,809901,8099,,\n"
                            f"{code[:-2]}77,สาม,ฉ,{tambon},{amphoe},,\n"
                            f"{code[:-2]}78,12,ช,{tambon},{amphoe},abc,99.9\n"
                            f"{code[:-2]}79,79,ซ,{tambon},{amphoe},99.9,8.4\n"
                            f"{code[:-2]}80,80,ฌ,{tambon},{amphoe},1.0,1.0\n").encode()),
    }
    cases: dict[str, object] = {
        f"village list: {case}": (lambda f=filename, d=payload: read_village_list(d, f, tambons))
        for case, (filename, payload) in village_list.items()}
    boundaries = {
        "wrong type": ("b.kml", b"<kml/>"),
        "no extension": ("b", b"{}"),
        "empty": ("b.geojson", b""),
        "no features": ("b.geojson", geojson([])),
        "unreadable": ("b.geojson", b'{"type": "FeatureCollection", "features": [{'),
        "unknown crs": ("b.geojson", geojson([feature(square)], crs="EPSG:99999")),
        "unnamed crs": ("b.geojson", json.dumps({"type": "FeatureCollection", "crs": {"type": "name"},
                                                 "features": [feature(square)]}).encode()),
        "outside": ("b.geojson", geojson([feature(square)], crs="EPSG:32647")),
        "geometries": ("b.geojson", geojson([feature(bowtie, "800101"), feature({"type": "Point", "coordinates":
                                                                                [99.9, 8.4]}, "800102"),
                                             feature(square, "8001x1"), feature(square, "800103", "8002"),
                                             feature(square, "800103")])),
        "attributes": ("b.geojson", geojson([{"type": "Feature", "properties": {"ADM3_PCODE": "TH800101",
                                                                                "tambon_code": "800101"},
                                              "geometry": square}])),
        "damaged zip": ("b.zip", b"PK\x03\x04 damaged"),
        "zip without shapefile": ("b.zip", zipped({"readme.txt": b"no layer here"})),
    }
    cases |= {f"boundaries: {case}": (lambda f=filename, d=payload: read_boundaries(d, f))
              for case, (filename, payload) in boundaries.items()}
    corrections = {
        "no rows": b"village_code,lat,lon,source\n",
        "missing column": f"village_code,lat,lon\n{code},{lat},{lon}\n".encode(),
        "rows": (f"village_code,lat,lon,source\n{code},{lat},{lon},\n99999999,8.4,99.9,GPS\n"
                 f"{code},{lat},{lon},{'ก' * 501}\n{code},12.0,100.5,สำรวจ\n").encode(),
    }
    cases |= {f"corrections: {case}": (lambda d=payload: read_corrections(d, "c.csv", villages, tambons))
              for case, payload in corrections.items()}
    progress = {"no rows": ("p.csv", b"village_code,step,reached_on\n"),
                "missing column": ("p.csv", f"village_code,step\n{code},2\n".encode()),
                "wrong type": ("p.ods", b"not a table")}
    cases |= {f"progress: {case}": (lambda f=filename, d=payload: read_progress_file(d, f, reporter="ผู้ทดสอบ"))
              for case, (filename, payload) in progress.items()}
    rosters = {"empty": b"", "missing column": "รหัสอำเภอ,ทีม\n8001,2\n".encode(),
               "missing district": "รหัสอำเภอ,จำนวนทีม\n8001,2\n".encode(),
               "rows": "amphoe_code,teams\n8001,0\n8001,²\n,3\n8099,2\n8002,10001\n".encode(),
               "not text": bytes([0x81, 0xFF, 0xFE, 0x00]) * 10}
    cases |= {f"roster: {case}": (lambda d=payload: read_roster_csv(d, "r.csv", capacity=10, districts=DISTRICTS))
              for case, payload in rosters.items()}
    points = {"no source": (code, lat, lon, " "), "outside thailand": (code, 30.0, 100.0, "GPS"),
              "far from its tambon": (code, lat + 0.3, lon, "GPS")}
    cases |= {f"point: {case}": (lambda a=args: check_point(*a, villages, tambons)) for case, args in points.items()}
    return cases


def refused(call) -> tuple[Problem, ...]:
    try:
        call()
    except UploadError as error:
        return error.problems
    except RosterError as error:
        return error.found
    except PointError as error:
        return error.problems
    raise AssertionError("the file was accepted")


@pytest.fixture(scope="module")
def found(data, real) -> dict[str, tuple[Problem, ...]]:
    return {case: refused(call) for case, call in bad_files(data, real).items()}


def test_every_problem_reads_in_thai_with_the_numbers_of_the_english(found, allowed):
    wrong = {}
    for case, problems in found.items():
        for p in problems:
            thai = f"{p.message_in('th')} {p.fix_in('th')}"
            english = f"{p.message} {p.fix}"
            lost = numbers(english) - numbers(thai)
            latin = foreign_words([QUOTED.sub(" ", thai), p.column_in("th")], allowed)
            if lost or latin or not THAI.search(thai) or thai == english:
                wrong[f"{case} / {p.check}"] = {"lost numbers": lost, "latin": latin, "thai": thai}
    assert not wrong, wrong


def test_the_column_is_named_as_the_thai_reader_knows_it(found):
    """The Thai header the planner wrote when there is one (หมู่), else the column's Thai label."""
    cells = {p.check: p for p in found["village list: cells"]}
    assert cells["moo_not_numeric"].column_in("th") == "หมู่ที่" and cells["moo_not_numeric"].column == "moo"
    assert cells["moo_not_numeric"].column_in("en") == "moo"
    (three,) = found["village list: three headers"]
    assert three.column_in("th") == "หมู่ที่" and "'หมู่'" in three.message_in("th")
    with pytest.raises(UploadError) as caught:
        read_village_list("รหัสหมู่บ้าน,หมู่,ชื่อหมู่บ้าน,รหัสตำบล,รหัสอำเภอ\n80010601,สอง,ก,800106,8001\n".encode(),
                          "v.csv", geodata.load_tambons())
    (problem,) = caught.value.problems
    assert problem.header == "หมู่" and problem.column_in("th") == "หมู่" and problem.column_in("en") == "moo"


def test_every_column_label_is_a_header_its_reader_accepts(found):
    """A Thai fix says "add a column named รหัสตำบล": each reader must take that header."""
    from geodata import errors, messages
    from geodata.progress_io import HEADER_ALIASES

    accepted = {**schema.UPLOAD_HEADER_ALIASES, **schema.CORRECTION_HEADER_ALIASES, **schema.ROSTER_HEADER_ALIASES,
                **HEADER_ALIASES, **schema.BOUNDARY_HEADER_ALIASES}
    for column, key in errors.COLUMN_LABELS.items():
        thai = messages.text(key, "th")
        if column != schema.GEOMETRY:
            assert accepted.get(thai) == column, (column, thai)


def test_the_cases_reach_nearly_every_problem_the_readers_word(found):
    """Each kind of problem has a case above, so the Thai checks are not about a few problems only. The ones
    left out need files too large or too odd to build in a test."""
    from geodata.messages import CATALOGUE

    sentences = {key for key in CATALOGUE if key.startswith("problem.") and key.count(".") == 1
                 and key.split(".")[1] not in {"or", "and", "no_extension", "template_hint", "digit_hint", "header_at",
                                               "quoted", "workbook", "zip_archive", "sentence"}}
    reached = {p.what.key for problems in found.values() for p in problems}
    not_built = {"problem.unpacks_too_large", "problem.csv_cell_too_long", "problem.unreadable_row",
                 "problem.unreadable_geopackage", "problem.unreadable_shapefile", "problem.missing_crs",
                 "problem.no_geometry", "problem.crs_not_convertible", "problem.near_outside_tambon",
                 "problem.duplicate_attributes_many", "problem.empty_geometry"}
    assert sentences - reached <= not_built, sorted(sentences - reached - not_built)


def test_a_point_placed_on_the_map_is_refused_or_warned_in_thai(data, real, allowed):
    villages, tambons = data
    code, _, tambon, _, lat, lon = real
    with pytest.raises(PointError) as caught:
        check_point(code, 30.0, 100.0, "GPS", villages, tambons)
    thai = caught.value.words("th")
    assert "ประเทศไทย" in thai and {"5.6", "20.5", "97.3", "105.7"} <= numbers(thai)
    assert numbers(thai) == numbers(caught.value.words("en")) and not foreign_words([thai], allowed)
    with pytest.raises(PointError) as caught:
        check_point(code, lat + 0.3, lon, "GPS", villages, tambons)
    (far,) = caught.value.problems
    assert far.check == "far_outside_tambon" and tambon in far.message_in("th")
    assert numbers(far.message_in("th")) == numbers(far.message) and "กิโลเมตร" in far.message_in("th")
    checked = check_point(code, lat + 0.012, lon, "GPS", villages, tambons)
    if checked.note is None:  # the village sits deep inside its tambon: move further, staying within 5 km
        checked = check_point(code, lat + 0.04, lon, "GPS", villages, tambons)
    assert checked.note is not None and "outside its tambon" in checked.warning
    thai = checked.note.text("th")
    assert code in thai and tambon in thai and numbers(thai) == numbers(checked.warning)


# --- the planning engine's refusals -------------------------------------------------------------------------
VILLAGES = {**{f"800101{i:02d}": "800101" for i in range(1, 7)}, **{f"800201{i:02d}": "800201" for i in range(1, 5)}}
TAMBONS = {"800101": "8001", "800201": "8002"}
NAMES = {"8001": "เมืองนครศรีธรรมราช", "8002": "พรหมคีรี"}


def small(n: tuple[int, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Districts 8001, 8002, ... with n[i] villages, one tambon each."""
    villages, tambons = {}, {}
    for i, count in enumerate(n, start=1):
        tambons[f"80{i:02d}01"] = f"80{i:02d}"
        villages |= {f"80{i:02d}01{k:02d}": f"80{i:02d}01" for k in range(1, count + 1)}
    return villages, tambons


def engine_cases() -> dict[str, object]:
    """One call per kind of refusal, each refused by the real engine."""
    def planned(n, waves, teams, capacity, **more):
        villages, tambons = small(n)
        roster = Roster({d: teams for d in sorted(set(tambons.values()))}, capacity, False)
        return lambda: planning.optimal_max_load(make_problem(villages, tambons, waves=waves, roster=roster,
                                                              district_names=NAMES, **more))

    pilot = [Wave("2548", None), Wave("2549", 4), Wave("2550", None)]
    three = [Wave("2549", 1), Wave("2550", 1), Wave("2551", None)]
    return {
        "no_waves": lambda: make_problem(VILLAGES, TAMBONS, waves=[]),
        "wave_label_empty": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("", 4), Wave("2550", None)]),
        "wave_label_repeated": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("2549", 4), Wave("2549", None)]),
        "wave_target": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("2549", -4), Wave("2550", None)]),
        "waves_over_villages": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("2549", 7), Wave("2550", 6),
                                                                              Wave("2551", None)]),
        "villages_without_wave": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("2549", 4), Wave("2550", 5)]),
        "locked_over_target": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("2549", 2), Wave("2550", None)],
                                                   tambon_locks={"800201": "2549"}),
        "locked_over_remainder": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("2549", 7), Wave("2550", None)],
                                                      tambon_locks={"800201": "2550"}),
        "too_many_waves": planned((14,), [*(Wave(str(2549 + i), 1) for i in range(13)), Wave("2562", None)], 1, 10),
        "district_locked_over_capacity": planned((6, 4), [Wave("2549", 6), Wave("2550", None)], 1, 4,
                                                 tambon_locks={"800101": "2549"}),
        "district_over_capacity": planned((6, 4), [Wave("2549", 5), Wave("2550", None)], 1, 2),
        "wave_short": planned((1, 2, 3), three, 1, 1),
        "waves_short": planned((1, 3, 3), [Wave("2549", 1), Wave("2550", 3), Wave("2551", None)], 1, 1),
        "pilot_without_wave": lambda: make_problem(VILLAGES, TAMBONS, waves=[Wave("2549", 4), Wave("2550", None)],
                                                   pilot_tambons={"800101"}),
        "pilot_tambon_unknown": lambda: make_problem(VILLAGES, TAMBONS, waves=pilot, pilot_tambons={"809901"}),
        "tambon_lock_unknown_tambon": lambda: make_problem(VILLAGES, TAMBONS, waves=pilot,
                                                           tambon_locks={"809901": "2549"}),
        "tambon_lock_unknown_wave": lambda: make_problem(VILLAGES, TAMBONS, waves=pilot,
                                                         tambon_locks={"800101": "2570"}),
        "pilot_tambon_locked": lambda: make_problem(VILLAGES, TAMBONS, waves=pilot, pilot_tambons={"800101"},
                                                    tambon_locks={"800101": "2549"}),
        "village_lock_unknown_village": lambda: make_problem(VILLAGES, TAMBONS, waves=pilot,
                                                             locks={"80990101": "2549"}),
        "village_lock_unknown_wave": lambda: make_problem(VILLAGES, TAMBONS, waves=pilot, locks={"80010101": "2570"}),
        "pilot_village_locked": lambda: make_problem(VILLAGES, TAMBONS, waves=pilot, pilot_tambons={"800101"},
                                                     locks={"80010101": "2549"}),
        "roster_rows": lambda: planning.roster_from_rows([("8001", "0"), ("8001", "²"), ("", "2"), ("8099", "3"),
                                                          ("8002", "10001")], districts={"8001", "8002"}),
        "roster_empty": lambda: planning.roster_from_rows([]),
        "capacity_out_of_range": lambda: planning.roster_from_rows([("8001", 2)], capacity=0),
        "roster_in_problem": lambda: make_problem(VILLAGES, TAMBONS, roster=Roster({"8001": 0, "8099": 2}, 10, False)),
    }


@pytest.fixture(scope="module")
def refusals() -> dict[str, planning.PlanningError]:
    errors = {}
    for case, call in engine_cases().items():
        with pytest.raises(planning.PlanningError) as caught:
            call()
        errors[case] = caught.value
    return errors


def test_every_kind_of_refusal_is_reached_and_worded(refusals):
    kinds = {fact.kind for error in refusals.values() for fact in error.facts}
    assert kinds == set(REFUSALS), sorted(set(REFUSALS) ^ kinds)


def test_every_fact_the_engine_raises_has_words():
    """A new kind of refusal in planning/ without its words in the catalogue fails here, not in front of a user."""
    raised = {kind for path in (ROOT / "planning").glob("*.py")
              for kind in re.findall(r'Fact\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8"))}
    raised |= {"locked_over_target", "locked_over_remainder", "wave_short", "waves_short"}  # chosen in code
    assert raised <= set(REFUSALS), sorted(raised - set(REFUSALS))


def test_each_refusal_reads_in_thai_with_its_numbers_and_fix(refusals, allowed):
    wrong = {}
    for case, error in refusals.items():
        for fact in error.facts:
            thai = refusal_sentence(fact, "th")
            # the numbers of the engine's own English, but the roster's row (a column of the table of problems)
            expected = numbers(re.sub(r"^row \d+: ", "", str(fact)))
            latin = foreign_words([QUOTED.sub(" ", thai)], allowed)
            if not expected <= numbers(thai) or latin or "วิธีแก้" not in thai:
                wrong[f"{case} / {fact.kind}"] = {"missing": expected - numbers(thai), "latin": latin, "thai": thai}
    assert not wrong, wrong


def test_an_infeasible_plan_says_which_district_and_how_many_in_thai(refusals):
    (fact,) = refusals["district_over_capacity"].facts
    assert fact.values["district"] == "เมืองนครศรีธรรมราช (8001)"
    (thai,) = error_sentences(refusals["district_over_capacity"], "th")
    assert thai.startswith("อำเภอ เมืองนครศรีธรรมราช (8001) มี 6 หมู่บ้าน")
    assert "เพิ่มทีมเป็น 2 ทีม" in thai, "the fix names the teams needed"
    (english,) = error_sentences(refusals["district_over_capacity"], "en")
    assert numbers(english) == numbers(thai) == numbers(str(fact))
    assert str(refusals["district_over_capacity"]) == str(fact), "the engine's own English is unchanged"


def test_a_thai_reader_gets_no_english_from_an_error_without_facts():
    error = planning.InvalidInputError(["an English sentence for developers", planning.Fact(
        "roster_empty", {}, "the roster has no rows; give one row (amphoe_code, teams) per district")])
    assert error_sentences(error, "th") == ["ตารางทีมคุณอำนวยไม่มีแถวเลย วิธีแก้: ใส่อำเภอละหนึ่งแถว พร้อมรหัสอำเภอและจำนวนทีม"]
    assert error_sentences(error, "en")[0] == "an English sentence for developers"


def test_the_refusals_survive_pickling(refusals):
    """Pages keep errors in the session and st.cache_data pickles them: the facts must come back."""
    import pickle

    for error in refusals.values():
        back = pickle.loads(pickle.dumps(error))
        assert back.problems == error.problems and [f.kind for f in back.facts] == [f.kind for f in error.facts]
    with pytest.raises(RosterError) as caught:
        read_roster_csv(b"amphoe_code,teams\n8001,0\n", "r.csv", capacity=10, districts=DISTRICTS)
    assert pickle.loads(pickle.dumps(caught.value)).found == caught.value.found


# --- exports ------------------------------------------------------------------------------------------------
def test_an_export_refused_for_its_plan_says_why_in_thai(data, allowed):
    villages, tambons = data
    other = make_scenario(villages, tambons)
    other = dataclasses.replace(other, assignment={"99999999": "2549"}, dataset="nation")
    with pytest.raises(ExportError) as caught:
        province_packet(other, villages, geodata.load_amphoes())
    thai, english = caught.value.words("th"), caught.value.words("en")
    assert other.name in thai and "nation" in thai and "1,553" in thai and english == str(caught.value)
    assert not foreign_words([QUOTED.sub(" ", thai)], allowed)
    with pytest.raises(ExportError) as caught:
        parse_formats("docx")
    assert "docx" in caught.value.words("th") and "xlsx" in caught.value.words("th")
