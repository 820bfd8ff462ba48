"""The printed plan read back with poppler: Thai names extracted exactly, every page names the plan, the map drawn.

Pages are rendered to PNG in test-artifacts/ (exports_*.png) so a person can look at the cover, the summary
and the village list.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from geodata import schema
from geodata.exports import ExportError, fonts
from geodata.exports.packet import Approval, province_packet
from geodata.exports.pdf import (
    CONTENT_WIDTH,
    MARGIN,
    PAGE_WIDTH,
    Column,
    fit_columns,
    write_amphoe_pdf,
    write_province_pdf,
)
from geodata.exports.pdf_map import MapPainter, nice_length_km
from geodata.palette import WAVE_COLOURS
from tests.geodata.exports_support import AMPHOE, SCENARIO_NAME, THAI_DATE, make_scenario

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) is installed by `make test`")


def pdftotext(path: Path, *pages: int) -> str:
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return subprocess.run(["pdftotext", "-layout", *first_last, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def render(path: Path, page: int, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / name
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(stem)], check=True)
    return stem.with_suffix(".png")


@pytest.fixture(scope="module")
def province(data):
    villages, tambons, amphoes = data
    return province_packet(make_scenario(villages, tambons), villages, amphoes)


@pytest.fixture(scope="module")
def painter(data):
    return MapPainter(data[1], data[2])


@pytest.fixture(scope="module")
def amphoe_pdf(province, painter, tmp_path_factory):
    packet = province.amphoe(AMPHOE)
    return write_amphoe_pdf(packet, painter.amphoe_map(packet), tmp_path_factory.mktemp("pdf") / "plan.pdf")


def village_waves(lines: list[str]) -> dict[str, str | None]:
    """Village code -> the wave whose heading ("ระยะ 2549 ... (Wave 2549)") it is listed under (None: under the
    heading of the villages without a wave)."""
    waves, wave = {}, "?"
    for line in lines:
        heading = re.match(r"\s*ระยะ (\d{4})\b.*\(Wave \1\)", line)
        if heading:
            wave = heading.group(1)
        elif line.strip().startswith("ยังไม่กำหนดระยะ"):
            wave = None
        for code in re.findall(r"\b(80\d{6})\b", line):
            waves[code] = wave
    return waves


def test_every_village_row_has_its_thai_and_english_name_exactly(amphoe_pdf, province):
    lines = pdftotext(amphoe_pdf).splitlines()
    for village in province.amphoe(AMPHOE).villages:
        (line,) = [line for line in lines if f" {village.village_code} " in f" {line} "]
        assert village.village_th in line.split(), (village.village_th, line)
        assert village.village_en in line


def test_the_village_list_is_grouped_by_wave_under_a_heading_each(amphoe_pdf, province):
    packet = province.amphoe(AMPHOE)
    lines = pdftotext(amphoe_pdf, *range(3, page_count(amphoe_pdf) + 1)).splitlines()
    assert village_waves(lines) == {v.village_code: v.wave for v in packet.villages}
    headings = [line.strip() for line in lines if re.match(r"\s*(ระยะ \d{4}|ยังไม่กำหนดระยะ)", line)]
    assert headings == [f"ระยะ {w.wave} (Wave {w.wave}) · {w.villages} หมู่บ้าน" for w in packet.waves] + [
        f"ยังไม่กำหนดระยะ (No wave yet) · {packet.unassigned} หมู่บ้าน"]


def test_estimated_locations_and_the_estimated_roster_are_marked(amphoe_pdf, province):
    text = pdftotext(amphoe_pdf)
    estimated = province.amphoe(AMPHOE).estimated
    assert estimated > 0
    assert text.count("ตำแหน่งโดยประมาณ (estimated)") == estimated
    assert "ตำแหน่งโดยประมาณ: จุดในเขตตำบล ไม่ใช่ตำแหน่งสำรวจจริง" in text
    assert "ประมาณการ: 1 ทีมต่อตำบลที่มีหมู่บ้าน" in text


def test_every_page_names_the_scenario_and_date_and_is_numbered(amphoe_pdf):
    pages = page_count(amphoe_pdf)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = pdftotext(amphoe_pdf, page)
        assert f"{SCENARIO_NAME} · ฉบับที่ 3 · {THAI_DATE}" in text
        assert re.search(rf"หน้า\s+{page}/{pages}\b", text), text[-200:]


def test_the_summary_shows_waves_loads_and_the_split_tambon(amphoe_pdf, province):
    text = pdftotext(amphoe_pdf, 2)
    packet = province.amphoe(AMPHOE)
    for load in packet.waves:
        assert re.search(rf"{load.wave}\s+{load.villages}\s+{load.teams}\s+{load.per_team:.2f}\s+{load.limit}", text)
    (split,) = packet.split_tambons
    assert f"{split.tambon_th} (2549/2550)" in text


def test_the_pdf_is_a4_with_the_thai_font_embedded(amphoe_pdf):
    info = subprocess.run(["pdfinfo", str(amphoe_pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.28 x 841.89 pts (A4)" in info
    fonts = subprocess.run(["pdffonts", str(amphoe_pdf)], capture_output=True, text=True, check=True).stdout
    thai = [line for line in fonts.splitlines() if "Sarabun" in line or "Garuda" in line]
    assert thai and all(" yes yes yes " in f" {' '.join(line.split()[-5:])} " for line in thai)


def test_the_cover_map_shows_the_waves_and_is_saved_for_a_person_to_look_at(amphoe_pdf):
    cover = render(amphoe_pdf, 1, f"exports_{AMPHOE}_cover")
    render(amphoe_pdf, 2, f"exports_{AMPHOE}_summary")
    render(amphoe_pdf, 3, f"exports_{AMPHOE}_villages")
    pixels = np.asarray(Image.open(cover).convert("RGB")).reshape(-1, 3).astype(int)
    for colour in WAVE_COLOURS[:3]:
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(pixels - rgb).sum(axis=1) < 40).sum() > 20, f"no {colour} villages on the map"


def test_the_province_pdf_has_its_summary_first_then_each_amphoe(data, painter, tmp_path):
    villages, tambons, amphoes = data
    two = ["8018", "8022"]
    subset = province_packet(make_scenario(villages, tambons), villages[villages[schema.AMPHOE_CODE].isin(two)],
                             amphoes[amphoes[schema.AMPHOE_CODE].isin(two)])
    maps = {p.amphoe_code: painter.amphoe_map(p) for p in subset.amphoes}
    path = write_province_pdf(subset, painter.province_map(subset), maps, tmp_path / "province.pdf")
    render(path, 2, "exports_province_summary")
    assert "สรุประดับจังหวัด (Province summary)" in pdftotext(path, 2)
    text = pdftotext(path)
    first = [text.index(f"อำเภอ{p.amphoe_th} ({p.amphoe_en}) · {p.amphoe_code}") for p in subset.amphoes]
    assert first == sorted(first) and first[0] > text.index("สรุประดับจังหวัด")
    assert all(v.village_th in text for v in subset.villages)
    assert re.search(rf"หน้า\s+{page_count(path)}/{page_count(path)}\b", pdftotext(path, page_count(path)))


def test_the_scale_bar_takes_a_round_length_of_about_a_quarter_of_the_map():
    assert nice_length_km(44_000) == 10
    assert nice_length_km(180_000) == 25
    assert nice_length_km(3_000) == 0.5


@pytest.fixture
def without_sarabun(monkeypatch):
    """As if fontpkg-sarabun or uharfbuzz were not installed."""
    monkeypatch.setattr(fonts, "_sarabun", lambda: None)
    fonts.thai_font.cache_clear()
    yield
    fonts.thai_font.cache_clear()


@pytest.mark.skipif(not (fonts.TLWG_FOLDER / "Garuda.ttf").exists(), reason="fonts-thai-tlwg is installed by make test")
def test_without_sarabun_the_debian_thai_font_prints_the_same_text(without_sarabun, province, painter, tmp_path):
    packet = province.amphoe(AMPHOE)
    path = write_amphoe_pdf(packet, painter.amphoe_map(packet), tmp_path / "garuda.pdf")
    fonts_used = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Garuda" in fonts_used and "Sarabun" not in fonts_used
    lines = pdftotext(path).splitlines()
    for village in packet.villages:
        (line,) = [line for line in lines if f" {village.village_code} " in f" {line} "]
        assert village.village_th in line.split()
    render(path, 3, f"exports_{AMPHOE}_villages_garuda")


def test_without_any_thai_font_the_error_says_how_to_get_one(without_sarabun, monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "TLWG_FOLDER", tmp_path)
    with pytest.raises(ExportError, match=r"pip install fontpkg-sarabun uharfbuzz.*apt-get install fonts-thai-tlwg"):
        fonts.thai_font()


def test_the_summary_words_the_plan_without_solver_jargon(amphoe_pdf):
    text = pdftotext(amphoe_pdf, 2)
    assert "ผลการปรับแผน (Optimised): ภาระสูงสุดและจำนวนตำบลที่แบ่งหลายระยะต่ำที่สุดเท่าที่เป็นไปได้" in text
    assert "เงื่อนไขที่ไม่ผ่าน (Failed checks): ไม่มี" in text
    for jargon in ("Solver", "HiGHS", "village-hops", "Spread cost", "optimal", "proof"):
        assert jargon not in text, jargon


# --- Tables inside the page, the approval block ------------------------------------------------------------
POINTS_PER_MM = 72 / 25.4
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def words(path: Path) -> list[tuple[int, float, float, str]]:
    """(page, left, right, text) of every word poppler reads, in points (a Thai text run is one word)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        assert 'width="595.280000"' in page.split(">")[0], "an A4 page"
        found += [(number, float(left), float(right), text) for left, right, text in _WORD.findall(page)]
    return found


def assert_inside_margins(path: Path) -> None:
    left_edge, right_edge = MARGIN * POINTS_PER_MM, (PAGE_WIDTH - MARGIN) * POINTS_PER_MM
    outside = [(page, text, round(left, 1), round(right, 1)) for page, left, right, text in words(path)
               if left < left_edge - 0.5 or right > right_edge + 0.5]
    assert not outside, f"words outside the margins ({left_edge:.1f}-{right_edge:.1f} pt): {outside[:5]}"


@pytest.fixture(scope="module")
def pilot_province(data):
    """The export plan with a pilot wave that has villages (four waves, the widest tambon table)."""
    villages, tambons, amphoes = data
    plan = make_scenario(villages, tambons)
    mine = villages[villages[schema.AMPHOE_CODE] == AMPHOE]
    pilot_tambon = mine[schema.TAMBON_CODE].max()
    pilots = mine.loc[mine[schema.TAMBON_CODE] == pilot_tambon, schema.VILLAGE_CODE]
    plan = dataclasses.replace(plan, assignment={**plan.assignment, **dict.fromkeys(pilots, "2548")},
                               settings=dataclasses.replace(plan.settings, pilot_tambons=(pilot_tambon,)))
    return province_packet(plan, villages, amphoes)


def test_every_table_column_is_inside_the_page_margins(pilot_province, painter, tmp_path):
    packet = pilot_province.amphoe(AMPHOE)
    assert packet.plan.waves == ("2548", "2549", "2550", "2551")
    path = write_amphoe_pdf(packet, painter.amphoe_map(packet), tmp_path / "pilot.pdf")
    render(path, 2, f"exports_{AMPHOE}_summary_pilot")
    assert_inside_margins(path)
    summary = [text for page, _, _, text in words(path) if page == 2]
    for heading in ("รหัสตำบล", "ตำบล", "Tambon", "2548", "2549", "2550", "2551", "รวม", "แบ่งหลายระยะ"):
        assert heading in summary, heading  # every column of the tambon table is there (the last was cut off)
    listing = [text for page, _, _, text in words(path) if page == 3]
    for heading in ("หมู่ที่", "รหัสหมู่บ้าน", "ชื่อหมู่บ้าน", "Village", "ล็อก", "คุณภาพตำแหน่ง", "เหตุผล (reason)"):
        assert heading in listing, heading


def test_the_province_summary_table_is_inside_the_page_margins(pilot_province, painter, tmp_path):
    maps = {p.amphoe_code: painter.amphoe_map(p) for p in pilot_province.amphoes if p.amphoe_code == AMPHOE}
    two = dataclasses.replace(pilot_province, amphoes=tuple(p for p in pilot_province.amphoes
                                                            if p.amphoe_code == AMPHOE))
    path = write_province_pdf(two, painter.province_map(two), maps, tmp_path / "province.pdf")
    assert_inside_margins(path)
    assert "ตำบลแบ่ง" in [text for page, _, _, text in words(path) if page == 2]


def test_a_table_too_wide_for_the_page_is_refused_not_cut():
    columns = [Column("a", 100), Column("b", 95, flex=True), Column("c", 20)]
    fitted = fit_columns(columns)
    assert sum(c.width for c in fitted) == pytest.approx(CONTENT_WIDTH) and fitted[0].width == 100
    with pytest.raises(ValueError, match="cannot fit"):
        fit_columns([Column("a", 150), Column("b", 50)])


def test_a_draft_plan_has_a_blank_approval_block_to_sign(amphoe_pdf):
    text = pdftotext(amphoe_pdf, 2)
    assert "การรับรองแผน (Approval)" in text
    assert "ร่าง: แผนนี้ยังไม่ได้ตั้งเป็นแผนทางการของจังหวัด" in text
    assert re.search(r"ผู้จัดทำ \(Prepared by\)\s+ผู้อนุมัติ \(Approved by\)", text)
    assert re.search(r"\(ทดสอบ\)\s+\(\.{20,}\)", text), "the preparer is named, the approver left to fill in"
    assert len(re.findall(r"ลงชื่อ \.{20,}", text)) == 2 and len(re.findall(r"วันที่ \.+/\.+/\.+", text)) == 2


def test_the_official_plan_names_who_approved_it_when(data, painter, tmp_path):
    villages, tambons, amphoes = data
    plan = dataclasses.replace(make_scenario(villages, tambons), official=True)
    approved = Approval(by="นายอนุมัติ", at="2026-11-25T10:00:00+00:00", version=2)
    packet = province_packet(plan, villages, amphoes, approved).amphoe(AMPHOE)
    path = write_amphoe_pdf(packet, painter.amphoe_map(packet), tmp_path / "official.pdf")
    text = pdftotext(path, 2)
    assert ("แผนทางการของจังหวัด: ตั้งในโปรแกรมโดย นายอนุมัติ เมื่อ 25 พ.ย. 2569 (ฉบับที่ 2) "
            "ฉบับที่พิมพ์นี้ (ฉบับที่ 3) แก้ไขหลังจากนั้น") in text
    assert re.search(r"\(ทดสอบ\)\s+\(นายอนุมัติ\)", text)
