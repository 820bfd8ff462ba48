"""The Plan page's logic in AppTest: select, assign, lock, undo/redo, optimise, save and open scenarios, the
roster, and two sessions saving the same scenario. The map component is replaced by a stand-in that returns
what a planner's click or drawing would (streamlit-folium's returned state)."""

from __future__ import annotations

import io
from unittest import mock

import pytest

from dashboard.common.database import get_database
from dashboard.plan.editing import MAIN_SCENARIO
from tests.dashboard.conftest import open_app

#: The optimiser's status, in words, after "optimise the rest".
OPTIMISED = "Optimised: the largest team load and the number of split tambons are the lowest possible"


class FakeMap:
    """Stands in for st_folium: returns the state the test sets, like the component after a click."""

    def __init__(self):
        self.value: dict | None = None
        self.calls = 0

    def __call__(self, fmap, *, key, feature_group_to_add, returned_objects, **kwargs):
        self.calls += 1
        self.layer = feature_group_to_add
        return self.value

    def click_village(self, code: str) -> None:
        count = (self.value or {}).get("last_object_clicked_count", 0) + 1
        self.value = {"last_object_clicked_count": count, "last_object_clicked": {"lat": 8.4, "lng": 99.9},
                      "last_object_clicked_tooltip": f"รหัส {code}", "last_clicked": None,
                      "last_active_drawing": {"type": "Feature", "properties": {"village_code": code},
                                              "geometry": {"type": "Point", "coordinates": [99.9, 8.4]}}}

    def draw_rectangle(self, west: float, south: float, east: float, north: float) -> None:
        count = (self.value or {}).get("last_object_clicked_count", 0) + 1
        ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
        self.value = {"last_object_clicked_count": count, "last_object_clicked": None,
                      "last_object_clicked_tooltip": None, "last_clicked": None,
                      "last_active_drawing": {"type": "Feature", "properties": {},
                                              "geometry": {"type": "Polygon", "coordinates": [ring]}}}


@pytest.fixture
def fake_map():
    fake = FakeMap()
    with mock.patch("dashboard.plan.map_panel.st_folium", fake):
        yield fake


def run(at):
    at.run()
    assert not at.exception, at.exception
    return at


def button(at, key):
    return next(b for b in at.button if b.key == key)


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [h.value for h in at.subheader] + [w.value for w in at.warning]
    return "\n".join(parts + [e.value for e in at.success] + [e.value for e in at.info])


def show_panel(at, panel: str):
    at.session_state["plan_panel"] = panel  # (the radio's labels follow the language; its value is the key)
    return run(at)


def saved():
    return get_database().open_scenario(MAIN_SCENARIO)


def assign(at, fake_map, village: str, wave: str, *, lock: bool = True):
    """Click `village` on the map, choose `wave` and press "assign" (locking it too unless `lock` is False)."""
    fake_map.click_village(village)
    run(at)
    at.selectbox(key="plan_assign_wave").set_value(wave)
    if not lock:
        at.checkbox(key="plan_assign_lock").uncheck()
    button(at, "plan_assign").click()
    return run(at)


def a_village(wave: str) -> str:
    scenario = saved()
    return next(v for v, w in sorted(scenario.assignment.items()) if w == wave and v not in scenario.locked)


def test_the_first_visit_creates_the_main_scenario_and_shows_the_tallies(fake_map):
    at = open_app("en")
    assert saved().version == 1
    assert at.query_params["scenario"] == MAIN_SCENARIO
    waves = at.table[0].value
    assert list(waves.index) == ["2548", "2549", "2550", "2551"]
    assert list(waves["Now"]) == [0, 400, 600, 553]
    assert "The plan passes every check" in texts(at)
    assert fake_map.layer is not None, "the village layer goes in feature_group_to_add"


def test_clicking_a_village_selects_it_and_assigning_is_pending_until_applied(fake_map):
    at = open_app("en")
    village = a_village("2549")
    fake_map.click_village(village)
    run(at)
    assert "1 villages selected" in texts(at)
    at.selectbox(key="plan_assign_wave").set_value("2550")
    button(at, "plan_assign").click()
    run(at)
    assert "Move 1 villages to wave 2550 and lock them" in texts(at)
    waves = at.table[0].value
    assert list(waves["If applied"]) == [0, 399, 601, 553] and list(waves["Now"]) == [0, 400, 600, 553]
    assert saved().version == 1, "nothing is saved while pending"
    at.text_input(key="plan_reason").input("ถนนขาด")
    button(at, "plan_apply").click()
    run(at)
    scenario = saved()
    assert scenario.version == 2 and scenario.assignment[village] == "2550" and village in scenario.locked
    assert get_database().scenario_history(MAIN_SCENARIO)[-1].reason == "ถนนขาด"
    assert list(at.table[0].value["Now"]) == [0, 399, 601, 553]
    assert "Saved: version 2" in texts(at)


def test_a_drawn_rectangle_selects_its_villages_and_lock_then_undo_and_redo(fake_map):
    at = open_app("en")
    fake_map.draw_rectangle(99.90, 8.38, 100.00, 8.48)
    run(at)
    count = int(next(m.value for m in at.markdown if "villages selected" in m.value).strip("*").split()[0])
    assert count > 10
    button(at, "plan_lock").click()
    run(at)
    button(at, "plan_apply").click()
    run(at)
    assert len(saved().locked) == count
    button(at, "plan_undo").click()
    run(at)
    assert saved().locked == frozenset() and saved().version == 3
    button(at, "plan_redo").click()
    run(at)
    assert len(saved().locked) == count and saved().version == 4


def test_picking_a_tambon_by_name_and_marking_it_pilot(fake_map):
    at = open_app("th")
    at.multiselect(key="plan_pick_tambon").set_value(["800106"])
    button(at, "plan_pick_add").click()
    run(at)
    button(at, "plan_pilot").click()
    run(at)
    button(at, "plan_apply").click()
    run(at)
    scenario = saved()
    assert scenario.settings["pilot_tambons"] == ["800106"]
    pilots = [v for v in scenario.assignment if v.startswith("800106")]
    assert pilots and all(scenario.assignment[v] == "2548" and scenario.reasons[v] == "pilot" for v in pilots)


def test_optimising_the_rest_shows_what_moved_and_its_proof(fake_map):
    at = open_app("en")
    village = a_village("2549")
    fake_map.click_village(village)
    run(at)
    at.selectbox(key="plan_assign_wave").set_value("2551")
    button(at, "plan_assign").click()
    run(at)
    button(at, "plan_optimise").click()
    run(at)
    assert "Villages moved by optimising" in texts(at)
    assert OPTIMISED in texts(at)
    moved = next(d.value for d in at.dataframe if "From" in d.value.columns)
    assert len(moved) >= 1 and village not in set(moved["Code"]), "the locked village stays"
    button(at, "plan_apply").click()
    run(at)
    scenario = saved()
    assert scenario.assignment[village] == "2551" and scenario.metrics["status"] == "optimal"
    assert not scenario.metrics["failed_checks"]
    assert OPTIMISED in texts(at), "still shown once applied"


def test_save_as_opens_the_new_scenario_and_the_url_reopens_it(fake_map):
    at = open_app("en")
    at.text_input(key="plan_new_name").input("ทางเลือก ข")
    button(at, "plan_save_as").click()
    run(at)
    assert at.query_params["scenario"] == "ทางเลือก ข"
    assert get_database().open_scenario("ทางเลือก ข").assignment == saved().assignment
    reopened = open_app("en")  # a browser reload: a fresh session with the URL's scenario
    reopened.query_params["scenario"] = "ทางเลือก ข"
    run(reopened)
    assert "Scenario: ทางเลือก ข" in texts(reopened)


def test_a_bad_roster_file_is_refused_with_its_problems_and_the_plan_is_unchanged(fake_map):
    upload = mock.Mock()
    upload.name, upload.getvalue = "roster.csv", lambda: b"amphoe_code,teams\n8001,0\n8001,x\n"
    real = __import__("streamlit").file_uploader

    def uploader(label, *args, key=None, **kwargs):
        return upload if key == "roster_upload" else real(label, *args, key=key, **kwargs)

    with mock.patch("dashboard.plan.roster_editor.st.file_uploader", side_effect=uploader):
        at = show_panel(open_app("en"), "roster")
    errors = "\n".join(e.value for e in at.error)
    assert "Roster refused" in errors
    (table,) = [d.value for d in at.dataframe if list(d.value.columns[:2]) == ["Row", "Column"]]
    first = table[table["Row"] == 1]
    assert list(first["Column"]) == ["teams"] and list(first["Value"]) == ["0"]
    assert "district 8001 has 0 teams" in first["Problem"].iloc[0]
    assert "every district needs at least 1" in first["How to fix"].iloc[0]
    assert "district 8002 has villages but no row" in "\n".join(table["Problem"])
    assert saved().version == 1 and saved().settings["roster"]["estimated"] is True
    assert any("Estimated" in w.value for w in at.warning), "the default roster is labelled estimated"


def test_a_valid_roster_file_becomes_a_pending_change(fake_map):
    db_roster = saved_roster_rows()
    upload = mock.Mock()
    upload.name, upload.getvalue = "roster.csv", lambda: db_roster
    real = __import__("streamlit").file_uploader

    def uploader(label, *args, key=None, **kwargs):
        return upload if key == "roster_upload" else real(label, *args, key=key, **kwargs)

    with mock.patch("dashboard.plan.roster_editor.st.file_uploader", side_effect=uploader):
        at = show_panel(open_app("en"), "roster")
        button(at, "roster_use_upload").click()
        run(at)
        assert "Change the facilitator roster" in texts(at)
        button(at, "plan_apply").click()
        run(at)
    roster = saved().settings["roster"]
    assert roster["estimated"] is False and set(roster["teams"].values()) == {2}


def saved_roster_rows() -> bytes:
    import geodata

    codes = sorted(set(geodata.load_villages()["amphoe_code"]))
    out = io.StringIO()
    out.write("amphoe_code,teams\n")
    for code in codes:
        out.write(f"{code},2\n")
    return out.getvalue().encode()


def test_two_sessions_never_overwrite_each_other(fake_map):
    first, second = open_app("en"), open_app("en")
    for at, wave in ((first, "2549"), (second, "2550")):
        fake_map.click_village(a_village(wave))
        run(at)
        button(at, "plan_lock").click()
        run(at)
    button(first, "plan_apply").click()
    run(first)
    button(second, "plan_apply").click()
    run(second)
    assert "Someone else saved this plan first" in texts(second)
    assert saved().version == 2 and len(saved().locked) == 1
    button(second, "plan_conflict_reload").click()
    run(second)
    assert "Lock 1 villages" in texts(second), "my change is still pending after reloading"
    button(second, "plan_apply").click()
    run(second)
    assert saved().version == 3 and len(saved().locked) == 2


def test_the_page_reads_in_thai_with_buddhist_era_waves(fake_map):
    at = open_app("th")
    assert at.title[0].value == "แผนการขยายผลรายหมู่บ้าน · นครศรีธรรมราช"
    assert list(at.table[0].value.index) == ["2548", "2549", "2550", "2551"]


def test_a_village_is_placed_by_clicking_the_map_and_stops_being_estimated(fake_map):
    import geodata
    from geodata import schema

    villages = geodata.load_villages()
    estimated = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED].iloc[0]
    code = estimated[schema.VILLAGE_CODE]
    fake_map.click_village(code)
    at = open_app("en")
    run(at)  # the click selects the village, which the placing tool then offers first
    at.toggle(key="plan_place_mode").set_value(True)
    run(at)
    assert at.selectbox(key="plan_place_village").value == code
    fake_map.value = {**fake_map.value, "last_clicked": {"lat": estimated.geometry.y + 0.001,
                                                         "lng": estimated.geometry.x}}
    run(at)
    at.text_input(key="plan_place_source").input("GPS อบต.")
    run(at)
    button(at, "plan_place_save").click()
    run(at)
    correction = get_database().location_corrections()[code]
    assert correction.source == "GPS อบต." and correction.previous.quality == "estimated"
    assert f"Saved the new location of village {code}" in texts(at)
    assert at.toggle(key="plan_place_mode").value is False
    at.switch_page("data_page/page.py")
    run(at)
    counts = dict(zip(at.table[0].value.index, at.table[0].value.iloc[:, 0], strict=True))
    assert counts["Villages with an estimated location"] == "434", "every page uses the corrected point"


def test_a_corrections_file_is_checked_then_recorded_at_once(fake_map):
    import geodata
    from geodata import schema

    villages = geodata.load_villages()
    row = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED].iloc[0]
    good = f"{row[schema.VILLAGE_CODE]},{row.geometry.y},{row.geometry.x},district list"
    upload = mock.Mock()
    upload.name, upload.getvalue = "fix.csv", lambda: f"village_code,lat,lon,source\n{good}\n".encode()
    bad = mock.Mock()
    bad.name, bad.getvalue = "bad.csv", lambda: b"village_code,lat,lon,source\n99999999,8.4,99.9,x\n"
    real = __import__("streamlit").file_uploader
    chosen = {"file": bad}

    def uploader(label, *args, key=None, **kwargs):
        return chosen["file"] if key == "corrections_upload" else real(label, *args, key=key, **kwargs)

    with mock.patch("dashboard.plan.corrections_panel.st.file_uploader", side_effect=uploader):
        at = show_panel(open_app("en"), "locations")
        assert any("1 problem(s) found; no location was recorded" in e.value for e in at.error)
        assert get_database().location_corrections() == {}
        chosen["file"] = upload
        run(at)
        button(at, "corrections_record").click()
        run(at)
    assert get_database().location_corrections()[row[schema.VILLAGE_CODE]].source == "district list"
    assert "Corrected locations in use: 1 villages" in texts(at)


def test_compare_and_history_show_what_changed(fake_map):
    at = open_app("en")
    village = a_village("2549")
    fake_map.click_village(village)
    run(at)
    at.selectbox(key="plan_assign_wave").set_value("2550")
    button(at, "plan_assign").click()
    run(at)
    at.text_input(key="plan_new_name").input("ทางเลือก ค")
    button(at, "plan_save_as").click()
    run(at)
    show_panel(at, "compare")
    at.selectbox(key="plan_compare_a").set_value(MAIN_SCENARIO)
    run(at)
    at.selectbox(key="plan_compare_b").set_value("ทางเลือก ค")
    run(at)
    frames = {tuple(d.value.columns): d.value for d in at.dataframe}
    moved = next(v for k, v in frames.items() if "Code" in k and "B: ทางเลือก ค" in k)
    assert list(moved["Code"]) == [village] and moved.iloc[0]["B: ทางเลือก ค"] == "2550 🔒"
    metrics = next(v for k, v in frames.items() if "Measure" in k)
    row = metrics[metrics["Measure"] == "Wave 2550: villages"].iloc[0]
    assert (row["A: แผนหลัก"], row["B: ทางเลือก ค"], row["Difference (B − A)"]) == ("600", "601", "1")
    show_panel(at, "history")
    history = next(d.value for d in at.dataframe if "Change" in d.value.columns)
    assert list(history["Change"]) == ["saved as new"]


def test_a_taken_or_empty_name_is_refused_in_thai_and_nothing_is_saved(fake_map):
    at = open_app("th")
    at.text_input(key="plan_new_name").input(MAIN_SCENARIO)
    button(at, "plan_save_as").click()
    run(at)
    errors = "\n".join(e.value for e in at.error)
    assert f'มีแผนชื่อ "{MAIN_SCENARIO}" อยู่แล้ว: ตั้งชื่ออื่น หรือเปิดแผนนั้นจากรายการแผน' in errors
    assert "already exists" not in errors
    at.text_input(key="plan_new_name").input(" ")
    button(at, "plan_duplicate").click()
    run(at)
    assert "พิมพ์ชื่อแผนใหม่ก่อนบันทึก" in "\n".join(e.value for e in at.error)
    assert get_database().scenario_names() == [MAIN_SCENARIO]


# --- What the map shows, read from the village layer handed to the map ------------------------------------
def shown(fake_map) -> dict:
    """The state the village layer draws (map_layers.plan_state), as the browser receives it."""
    import json

    element = next(iter(fake_map.layer._children.values()))
    return json.loads(element.state_json)


def codes_of(fake_map) -> list[str]:
    from dashboard.common.dataset import embedded_dataset
    from dashboard.plan.view import points_for

    return list(points_for(embedded_dataset()).codes)


def test_locked_villages_and_wholly_locked_tambons_are_drawn_as_such(fake_map):
    at = open_app("en")
    at.multiselect(key="plan_pick_tambon").set_value(["800106"])
    button(at, "plan_pick_add").click()
    run(at)
    button(at, "plan_lock").click()
    run(at)
    state, codes = shown(fake_map), codes_of(fake_map)
    tambon = [c for c in codes if c.startswith("800106")]
    assert {codes[i] for i, flag in enumerate(state["locked"]) if flag} == set(tambon), "pending locks are drawn"
    assert state["lockedTambons"] == ["800106"]


def test_an_edit_that_moves_nothing_is_refused_and_not_queued(fake_map):
    at = open_app("en")
    assign(at, fake_map, a_village("2549"), "2549", lock=False)
    assert "All 1 villages are already in wave 2549" in "\n".join(e.value for e in at.error)
    assert "No pending changes" in texts(at)


def test_a_pending_change_off_target_is_named_before_applying_and_after(fake_map):
    at = assign(open_app("th"), fake_map, a_village("2549"), "2550")
    warning = "\n".join(w.value for w in at.warning)
    assert "ถ้ายืนยัน แผนจะไม่ตรงเป้า: ระยะ 2549 ขาด 1 หมู่บ้าน; ระยะ 2550 เกินเป้า 1 หมู่บ้าน" in warning
    assert ":orange-badge[2549: 399 · ขาด 1]" in texts(at) and ":red-badge[2550: 601 · เกิน 1]" in texts(at)
    button(at, "plan_apply").click()
    run(at)
    assert "บันทึกแล้ว: ฉบับที่ 2 · แผนยังไม่ตรงเป้า: ระยะ 2549 ขาด 1 หมู่บ้าน" in "\n".join(w.value for w in at.warning)
    assert "แผน: แผนหลัก (ฉบับที่ 2)" in texts(at)


def test_a_village_found_by_code_is_selected_and_shown_on_the_map(fake_map):
    at = open_app("en")
    at.text_input(key="plan_search").input("80010601")
    run(at)
    assert "1 villages selected" in texts(at)
    fit = shown(fake_map)["fit"]
    assert fit and fit["maxZoom"] == 14
    (south, west), (north, east) = fit["bounds"]
    assert south == north and west == east, "fitted to that one village"
    assert "Selected บ้านท่าไร่" in texts(at) or "Selected Ban Tha Rai" in texts(at)


def test_several_villages_found_are_listed_and_the_one_chosen_is_selected(fake_map):
    at = open_app("th")
    at.text_input(key="plan_search").input("ท่าไร่")
    run(at)
    choices = at.radio(key="plan_search_choice")
    assert choices.options[0].startswith("บ้านท่าไร่ หมู่ที่ 1 · ท่าไร่, เมืองนครศรีธรรมราช (80010601)")
    choices.set_value("80150306")
    run(at)
    assert "เลือกไว้ 1 หมู่บ้าน" in texts(at)
    assert not [r for r in at.radio if r.key == "plan_search_choice"], "the list of villages found goes"
    state, codes = shown(fake_map), codes_of(fake_map)
    selected = [codes[i] for i, s in enumerate(state["style"]) if state["styles"]["village"][s]["color"] == "#FF00FF"]
    assert selected == ["80150306"]


def test_adding_three_pilot_tambons_from_the_lists_marks_exactly_three(fake_map):
    """The lists are emptied after each "add": a tambon added, then cleared from the selection, is not added
    again with the next ones (four pilot tambons were marked instead of three)."""
    at = open_app("en")
    picks = at.multiselect(key="plan_pick_tambon")
    picks.set_value(["800112"])
    button(at, "plan_pick_add").click()
    run(at)
    button(at, "plan_clear").click()
    run(at)
    for tambon in ("800106", "800107", "800108"):
        picks = at.multiselect(key="plan_pick_tambon")
        picks.set_value([*picks.value, tambon])
        button(at, "plan_pick_add").click()
        run(at)
        assert at.multiselect(key="plan_pick_tambon").value == [], "the list is empty after each add"
    button(at, "plan_pilot").click()
    run(at)
    button(at, "plan_apply").click()
    run(at)
    assert saved().settings["pilot_tambons"] == ["800106", "800107", "800108"]


def test_zoom_to_selection_and_show_what_moved_fit_the_map(fake_map):
    at = open_app("en")
    fake_map.draw_rectangle(99.90, 8.38, 100.00, 8.48)
    run(at)
    assert shown(fake_map)["fit"] is None
    button(at, "plan_zoom_selection").click()
    run(at)
    (south, west), (north, east) = shown(fake_map)["fit"]["bounds"]
    assert 8.38 <= south <= north <= 8.48 and 99.90 <= west <= east <= 100.00
    run(at)
    assert shown(fake_map)["fit"] is None, "a view is fitted once"
    button(at, "plan_clear").click()
    run(at)
    assign(at, fake_map, a_village("2549"), "2551")
    button(at, "plan_optimise").click()
    run(at)
    button(at, "plan_show_moved").click()
    run(at)
    moved = next(d.value for d in at.dataframe if "From" in d.value.columns)
    (south, west), (north, east) = shown(fake_map)["fit"]["bounds"]
    import geodata

    points = geodata.load_villages().set_index("village_code").geometry
    for code in moved["Code"]:
        assert south <= points[code].y <= north and west <= points[code].x <= east


def test_the_waves_editor_replans_for_a_rollout_from_2570_as_a_pending_change(fake_map):
    at = show_panel(open_app("en"), "waves")
    fields = {t.label: t for t in at.text_input}
    fields["Pilot wave's year (B.E.)"].input("2569")
    for position, year in enumerate(("2570", "2571", "2572"), start=1):
        fields[f"Wave {position}: year (B.E.)"].input(year)
    button(at, "waves_apply").click()
    run(at)
    assert "Change the waves to 2569 pilot · 2570: 400 · 2571: 600 · 2572: the rest and re-plan" in texts(at)
    assert ":green-badge[2570: 400]" in texts(at) and "If applied:" in texts(at)
    assert saved().version == 1, "pending until applied"
    button(at, "plan_apply").click()
    run(at)
    assert [w["label"] for w in saved().settings["waves"]] == ["2569", "2570", "2571", "2572"]
    assert saved().metrics["status"] == "optimal"


def test_the_waves_editor_refuses_bad_input_with_every_problem_and_changes_nothing(fake_map):
    at = show_panel(open_app("en"), "waves")
    fields = {t.label: t for t in at.text_input}
    fields["Wave 1: year (B.E.)"].input("2551")
    fields["Target (villages)"].input("lots")
    button(at, "waves_apply").click()
    run(at)
    error = "\n".join(e.value for e in at.error)
    assert "These waves cannot be used; the plan is unchanged" in error
    assert "year 2550 must come after the wave before it (2551)" in error
    assert "the target of wave 2550 (“lots”) must be a whole number of villages, 1 or more" in error
    assert "No pending changes" in texts(at) and saved().version == 1


def test_the_waves_editor_removes_the_pilot_wave_and_adds_a_wave(fake_map):
    at = show_panel(open_app("en"), "waves")
    at.toggle(key=next(t.key for t in at.toggle if t.key.endswith("_pilot"))).set_value(False)
    run(at)
    at.number_input(key=next(n.key for n in at.number_input if n.key.endswith("_count"))).set_value(4)
    run(at)
    fields = {t.key.rsplit("_", 2)[-2] + t.key[-1]: t for t in at.text_input if t.key.startswith("waves_")}
    assert fields["year3"].value == "2552" and fields["target2"].value == "553", "a new wave after the last"
    fields["target2"].input("300")
    button(at, "waves_apply").click()
    run(at)
    button(at, "plan_apply").click()
    run(at)
    scenario = saved()
    assert [w["label"] for w in scenario.settings["waves"]] == ["2549", "2550", "2551", "2552"]
    assert scenario.settings["pilot_label"] is None and scenario.metrics["wave_sizes"]["2552"] == 253


def test_the_help_says_what_to_do_first_in_both_languages(fake_map):
    assert any("Start here" in m.value and "Optimise the rest" in m.value for m in open_app("en").markdown)
    assert any("เริ่มต้น" in m.value and "ปรับแผนส่วนที่เหลือให้ดีที่สุด" in m.value for m in open_app("th").markdown)
