"""Comparing scenarios and reading their history: measures and changes in words, never engine codes or raw
records ("from: แผนหลัก, pending: [], version: 3")."""

from __future__ import annotations

import service
from dashboard.common.formatting import format_timestamp
from dashboard.plan.edits import ASSIGN, LOCK, PILOT, Edit, change_summary
from dashboard.plan.scenario_compare import describe_change, history_table, metric_comparison
from geodata.scenario import Scenario
from planning import PlanSettings, Roster, Wave

TAMBONS = {"800106": "ท่าไร่"}


def scenario(name: str, status: str, failed: list[str]) -> Scenario:
    settings = PlanSettings((Wave("2549", None),), Roster({"8006": 1}, 10, True))
    return Scenario(name=name, version=2, dataset="embedded", settings=settings, assignment={"80010601": "2549"},
                    locked=frozenset(), reasons={}, created_at="", updated_at="", updated_by="",
                    metrics={"status": status, "failed_checks": failed, "max_load": 2.5})


def test_history_details_are_sentences():
    _, _, detail = change_summary([Edit(ASSIGN, villages=("a", "b"), wave="2550", lock=True),
                                   Edit(PILOT, tambons=("800106",), villages=("c",))])
    assert describe_change("edit", detail, "th", TAMBONS) == ("ย้าย 2 หมู่บ้านไประยะ 2550 และล็อก; "
                                                              "ตั้งตำบลนำร่อง: ท่าไร่")
    assert describe_change("save_as", {"from": "แผนหลัก", "version": 3, "pending": []}, "th", {}) == (
        "จากแผน แผนหลัก ฉบับที่ 3")
    assert describe_change("undo", {"step": "lock"}, "en", {}) == "the change undone: locked"
    _, _, locked = change_summary([Edit(LOCK, villages=("a",))])
    assert describe_change("save_as", {"from": "แผนหลัก", "version": 1, "pending": locked["edits"]}, "en",
                           {}) == "from แผนหลัก, version 1 · with the pending changes: Lock 1 villages"


def test_the_history_table_has_no_raw_record():
    change = service.Change(2, "2026-11-25T18:30:00+00:00", "สมหญิง", "duplicate", (), {"from": "แผนหลัก",
                                                                                      "version": 2})
    row = history_table([change], "th").iloc[0]
    assert row["รายละเอียด"] == "จากแผน แผนหลัก ฉบับที่ 2"
    assert row["เมื่อ"] == "26 พ.ย. 2569 01:30"  # Thailand's time, B.E. year


def test_the_comparison_words_the_optimiser_status_and_the_failed_rules():
    table = metric_comparison(scenario("ก", "optimal", []), scenario("ข", "evaluated", ["wave_sizes_met"]), "th")
    rows = dict(zip(table.iloc[:, 0], zip(table.iloc[:, 1], table.iloc[:, 2], strict=True), strict=True))
    assert rows["ผลการปรับแผน"] == ("ภาระทีมสูงสุดและจำนวนตำบลที่แบ่งหลายระยะต่ำที่สุดเท่าที่เป็นไปได้",
                                     "แผนที่จัดเอง ยังไม่ได้ปรับให้ดีที่สุด")
    assert rows["ข้อที่ไม่ผ่าน"] == ("ไม่มี", "ขนาดแต่ละระยะตรงตามเป้า")
    assert list(table.columns[1:3]) == ["ก: ก", "ข: ข"]


def test_timestamps_are_shown_in_thailand_with_buddhist_era_years():
    assert format_timestamp("2026-11-25T18:30:00+00:00", "th") == "26 พ.ย. 2569 01:30"
    assert format_timestamp("2005-12-02T03:00:00", "en") == "2 Dec 2548 10:00"  # no zone: UTC
    assert format_timestamp("not a time", "th") == "not a time"
