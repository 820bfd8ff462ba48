"""Which files an export writes, where, and in the zip: one folder per amphoe, the province files beside them."""

from __future__ import annotations

import zipfile

import pytest

import geodata
from geodata import schema
from geodata.exports import ExportError
from geodata.exports.packets import export_plan
from tests.geodata.exports_support import make_scenario

TWO = ("8018", "8022")


@pytest.fixture(scope="module")
def two_amphoes():
    """The embedded data cut down to two small amphoes, so a full export with PDFs takes seconds."""
    villages, tambons, amphoes = geodata.load_villages(), geodata.load_tambons(), geodata.load_amphoes()
    keep = lambda frame: frame[frame[schema.AMPHOE_CODE].isin(TWO)]  # noqa: E731
    return keep(villages), keep(tambons), keep(amphoes), make_scenario(villages, tambons)


def test_all_amphoes_give_a_folder_each_and_the_province_files_beside_them(two_amphoes, tmp_path):
    villages, tambons, amphoes, scenario = two_amphoes
    seen = []
    result = export_plan(scenario, villages, tambons, amphoes, tmp_path, make_zip=True,
                         progress=lambda share, what: seen.append(share))
    written = {f.path.relative_to(tmp_path).as_posix() for f in result.files}
    expected_amphoe = {"plan.xlsx", "plan.pdf", "villages.csv", "plan.gpkg", "villages.geojson", "tambons.geojson"}
    assert written == ({f"8018_Tham_Phannara/8018_ถ้ำพรรณรา_{name}" for name in expected_amphoe}
                       | {f"8022_Chang_Klang/8022_ช้างกลาง_{name}" for name in expected_amphoe}
                       | {f"80_Nakhon_Si_Thammarat_{name}" for name in expected_amphoe})
    assert all(f.path.stat().st_size > 0 for f in result.files)
    assert {f.amphoe_code for f in result.files} == {"8018", "8022", None}
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert set(result.seconds) == {"xlsx", "pdf", "map", "csv", "gpkg", "geojson"}
    with zipfile.ZipFile(result.zip_path) as archive:
        assert set(archive.namelist()) == written
        # Thai names are flagged UTF-8 in the zip (general purpose bit 11), so unzip tools read them as Thai
        assert all(info.flag_bits & 0x800 for info in archive.infolist() if not info.filename.isascii())
    assert result.zip_path.name == "km_rollout_80_Nakhon_Si_Thammarat_all_2569-11-26.zip"


def test_one_amphoe_writes_only_its_folder(two_amphoes, tmp_path):
    villages, tambons, amphoes, scenario = two_amphoes
    result = export_plan(scenario, villages, tambons, amphoes, tmp_path, amphoe="8022", formats="csv,xlsx",
                         make_zip=True)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "8022_Chang_Klang/8022_ช้างกลาง_plan.xlsx", "8022_Chang_Klang/8022_ช้างกลาง_villages.csv",
        "km_rollout_8022_2569-11-26.zip"]
    with zipfile.ZipFile(result.zip_path) as archive:
        assert sorted(archive.namelist()) == ["8022_Chang_Klang/8022_ช้างกลาง_plan.xlsx",
                                              "8022_Chang_Klang/8022_ช้างกลาง_villages.csv"]


def test_a_bad_request_writes_nothing(two_amphoes, tmp_path):
    villages, tambons, amphoes, scenario = two_amphoes
    with pytest.raises(ExportError, match="no amphoe '8001'"):
        export_plan(scenario, villages, tambons, amphoes, tmp_path / "out", amphoe="8001")
    with pytest.raises(ExportError, match="unknown format"):
        export_plan(scenario, villages, tambons, amphoes, tmp_path / "out", formats="shp")
    assert not (tmp_path / "out").exists()
