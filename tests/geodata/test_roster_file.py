"""A roster file (CSV: amphoe_code, teams) is read with every bad row reported, or refused whole."""

import pytest

import planning
from geodata.roster_file import read_roster_csv, roster_from_table

DISTRICTS = ["8001", "8002"]


def test_a_valid_file_gives_a_planner_roster():
    roster = read_roster_csv(b"amphoe_code,teams\n8001,3\n8002,2\n", "r.csv", capacity=8, districts=DISTRICTS)
    assert roster.teams == {"8001": 3, "8002": 2} and roster.capacity == 8 and not roster.estimated


def test_thai_windows_encoding_and_spreadsheet_numbers_are_read():
    data = "amphoe_code,teams\n8001,3.0\n8002,2\n".encode("cp874")
    assert read_roster_csv(data, "r.csv", capacity=10, districts=DISTRICTS).teams["8001"] == 3


def test_every_bad_row_and_every_missing_district_is_reported_at_once():
    data = b"amphoe_code,teams\n8001,0\n8001,2\n9999,x\n"
    with pytest.raises(planning.InvalidInputError) as caught:
        read_roster_csv(data, "r.csv", capacity=10, districts=DISTRICTS)
    text = "\n".join(caught.value.problems)
    assert "row 1: district 8001 has 0 teams" in text
    assert "row 2: district 8001 is listed again" in text
    assert "district 9999 is not in the province" in text and "'x'" in text
    assert "district 8002 has villages but no row" in text


def test_a_file_without_the_teams_column_says_so():
    with pytest.raises(planning.InvalidInputError, match="'teams' is missing"):
        read_roster_csv(b"amphoe_code,team\n8001,3\n", "r.csv", capacity=10, districts=DISTRICTS)


def test_an_empty_file_is_refused():
    with pytest.raises(planning.InvalidInputError, match="empty"):
        read_roster_csv(b"", "r.csv", capacity=10, districts=DISTRICTS)


def test_a_table_from_the_editor_is_checked_the_same_way():
    with pytest.raises(planning.InvalidInputError, match="8002 has villages but no row"):
        roster_from_table([{"amphoe_code": "8001", "teams": 2}], capacity=10, districts=DISTRICTS)


def test_a_file_that_is_not_text_is_refused_as_a_roster_problem():
    """The dashboard shows roster problems (InvalidInputError); an undecodable file must be one of them."""
    with pytest.raises(planning.InvalidInputError, match="neither UTF-8 nor Thai Windows-874"):
        read_roster_csv(bytes([0x81, 0xFF, 0xFE, 0x00]) * 10, "r.csv", capacity=10, districts=DISTRICTS)
    with pytest.raises(planning.InvalidInputError, match="must be a CSV file"):
        read_roster_csv(b"amphoe_code,teams\n8001,3\n", "r.xlsx", capacity=10, districts=DISTRICTS)


# --- digits (issue 10) ------------------------------------------------------------------------------------
def test_thai_digits_are_read_as_team_counts():
    data = "amphoe_code,teams\n๘๐๐๑,๓\n8002,๑๒\n".encode()
    assert read_roster_csv(data, "r.csv", capacity=10, districts=DISTRICTS).teams == {"8001": 3, "8002": 12}


@pytest.mark.parametrize("teams", ["²", "٣", "۳", "½", "三"])
def test_digits_of_other_scripts_are_refused_naming_the_character(teams):
    """`"²".isdigit()` is True but int("²") raised ValueError; int("٣") silently gave 3."""
    data = f"amphoe_code,teams\n8001,{teams}\n8002,2\n".encode()
    with pytest.raises(planning.InvalidInputError) as caught:
        read_roster_csv(data, "r.csv", capacity=10, districts=DISTRICTS)
    (problem,) = caught.value.problems
    assert f"teams {teams!r}, which is not a whole number" in problem
    assert "not a digit 0-9 or ๐-๙" in problem and f"U+{ord(teams):04X}" in problem


def test_an_absurd_team_count_is_refused_not_overflowed():
    data = b"amphoe_code,teams\n8001,99999999999999999999\n8002,2\n"
    with pytest.raises(planning.InvalidInputError, match="8001 has teams '99999999999999999999'"):
        read_roster_csv(data, "r.csv", capacity=10, districts=DISTRICTS)
    with pytest.raises(planning.InvalidInputError, match="at most 10000 teams"):
        read_roster_csv(b"amphoe_code,teams\n8001,10001\n8002,2\n", "r.csv", capacity=10, districts=DISTRICTS)
