"""A plan's settings as one typed value: read from and written to its JSON document in one place, refused once
when malformed (every problem named)."""

import json

import pytest

import planning
from planning import PlanSettings, Roster, SettingsError, Wave, parse_settings

DOCUMENT = {
    "waves": [{"label": "2548", "target": None}, {"label": "2549", "target": 400},
              {"label": "2550", "target": 600}, {"label": "2551", "target": 600}],
    "pilot_label": "2548",
    "pilot_tambons": ["800107", "800106"],
    "roster": {"teams": {"8002": 3, "8001": 12}, "capacity": 10, "estimated": True},
}


def test_a_document_reads_into_typed_settings_and_writes_back_the_same():
    settings = parse_settings(DOCUMENT)
    assert settings.waves[1] == Wave("2549", 400) and settings.labels == ("2548", "2549", "2550", "2551")
    assert settings.roster == Roster({"8001": 12, "8002": 3}, 10, True)
    assert settings.pilot_tambons == ("800106", "800107") and settings.province is None
    assert settings.to_json() == {**DOCUMENT, "pilot_tambons": ["800106", "800107"],
                                  "roster": {**DOCUMENT["roster"], "teams": {"8001": 12, "8002": 3}}}
    assert parse_settings(json.loads(json.dumps(settings.to_json()))) == settings


def test_the_province_code_is_kept_when_given():
    settings = parse_settings({**DOCUMENT, "province": "34"})
    assert settings.province == "34" and settings.to_json()["province"] == "34"


def test_a_national_plan_records_the_nation_as_its_province():
    settings = parse_settings({**DOCUMENT, "province": "nation"})
    assert settings.province == "nation" and settings.to_json()["province"] == "nation"


@pytest.mark.parametrize(("document", "named"), [
    ({**DOCUMENT, "waves": []}, "waves [] must be a non-empty list"),
    ({**DOCUMENT, "waves": [{"label": "2549", "target": -1}]}, "wave 2549 has target -1"),
    ({**DOCUMENT, "waves": [{"label": "2549"}]}, "must be an object with a label and a target"),
    ({**DOCUMENT, "roster": {"teams": {"8001": 0}, "capacity": 10, "estimated": True}}, "district 8001 has 0 teams"),
    ({**DOCUMENT, "roster": {"teams": {"8001": 2}, "capacity": 0, "estimated": True}}, "capacity 0"),
    ({**DOCUMENT, "roster": {"teams": {"8001": 2}, "capacity": 10, "estimated": "yes"}}, "estimated flag 'yes'"),
    ({**DOCUMENT, "pilot_label": "2547"}, "pilot_label '2547' is not one of the waves' labels"),
    ({**DOCUMENT, "pilot_tambons": "800106"}, "pilot_tambons '800106' must be a list"),
    ({**DOCUMENT, "province": "8"}, "province '8' must be a 2-digit"),
    ({**DOCUMENT, "capacity": 10}, "unknown key 'capacity'"),
    ({"capacity": 10}, "the settings have no 'waves'"),
    ([1, 2], "must be a JSON object"),
])
def test_a_malformed_document_is_refused_naming_the_problem(document, named):
    with pytest.raises(SettingsError) as refused:
        parse_settings(document)
    assert named in str(refused.value)
    assert isinstance(refused.value, planning.PlanningError)


def test_every_problem_of_a_document_is_listed_at_once():
    with pytest.raises(SettingsError) as refused:
        parse_settings({"waves": [], "roster": {"teams": {}, "capacity": 0, "estimated": 1}, "extra": 1})
    assert len(refused.value.problems) >= 4


def test_the_pilot_wave_is_the_label_else_the_first_wave_without_a_target():
    roster = Roster({"8001": 1}, 10, True)
    assert PlanSettings((Wave("2548", None), Wave("2549", 5)), roster).pilot_wave == "2548"
    assert PlanSettings((Wave("2549", 5), Wave("2550", None)), roster).pilot_wave is None, "the last is no pilot"


def test_marking_pilot_tambons_adds_a_pilot_wave_before_the_first_when_there_is_none():
    settings = PlanSettings((Wave("2549", 400), Wave("2550", None)), Roster({"8001": 1}, 10, True))
    marked = settings.with_pilot_tambons(["800106"])
    assert marked.labels == ("2548", "2549", "2550") and marked.pilot_label == "2548"
    assert marked.pilot_tambons == ("800106",)
    assert marked.with_pilot_tambons([]).labels == marked.labels, "unmarking keeps the wave"
    assert settings.with_pilot_tambons([]) == settings


def test_settings_of_a_problem_are_what_it_was_built_with():
    problem = planning.make_problem({"80010101": "800101", "80010201": "800102"},
                                    {"800101": "8001", "800102": "8001"}, pilot_tambons={"800101"},
                                    waves=(Wave("2548", None), Wave("2549", 1)))
    settings = PlanSettings.of_problem(problem)
    assert settings.waves == problem.waves and settings.roster == problem.roster
    assert settings.pilot_tambons == ("800101",) and settings.pilot_wave == problem.pilot_label
