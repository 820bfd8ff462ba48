"""Loading a province: the default one from the embedded files, any other built once and cached on disk."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import geodata
from geodata import embedded, province_data, schema
from geodata.databuild import cache
from geodata.databuild.province import SUMMARY_FILE
from tests.geodata.databuild.support import PHUKET, RANONG

ROOT = Path(__file__).resolve().parents[3]


def test_no_province_and_the_default_province_serve_the_embedded_files():
    for loader, embedded_loader in ((geodata.load_villages, embedded.load_villages),
                                    (geodata.load_tambons, embedded.load_tambons),
                                    (geodata.load_amphoes, embedded.load_amphoes)):
        pd.testing.assert_frame_equal(loader(), embedded_loader())
        pd.testing.assert_frame_equal(loader("80"), embedded_loader())
    assert geodata.dataset_name() == "embedded" and geodata.dataset_name("34") == "province-34"


def test_an_unknown_province_is_refused_by_the_loaders():
    with pytest.raises(geodata.GeodataError, match="province code '99' is not a Thai province"):
        geodata.load_villages("99")


def test_bangkok_has_no_villages_to_load():
    with pytest.raises(geodata.GeodataError, match=r"Krung Thep Maha Nakhon \(10\) has no villages"):
        geodata.load_villages("10")


@pytest.mark.slow
def test_a_province_is_built_once_then_read_from_the_cache():
    folder = cache.province_folder(RANONG)
    assert folder.is_relative_to(cache.cache_root()) and (folder / SUMMARY_FILE).is_file()
    written = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    assert cache.province_folder(RANONG) == folder
    assert {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} == written
    villages = geodata.load_villages(RANONG)
    assert len(villages) == 178 and villages[schema.PROVINCE].eq(RANONG).all()


def test_loaders_return_copies_callers_may_modify():
    first = geodata.load_tambons(PHUKET)
    first[schema.TAMBON_TH] = "changed"
    assert (geodata.load_tambons(PHUKET)[schema.TAMBON_TH] != "changed").all()


def test_without_a_writable_cache_the_province_is_still_built(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(blocker))
    province_data._built.cache_clear()
    try:
        assert len(geodata.load_villages(PHUKET)) == 104
    finally:
        province_data._built.cache_clear()


@pytest.mark.slow
def test_two_processes_building_one_province_at_once_leave_one_complete_folder(tmp_path):
    script = "import sys; from geodata.databuild.cache import province_folder; print(province_folder(sys.argv[1]))"
    env = {"PATH": "/usr/bin:/bin", cache.CACHE_DIR_VARIABLE: str(tmp_path), "HOME": str(tmp_path)}
    runs = [subprocess.Popen([sys.executable, "-c", script, PHUKET], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    folders = {out.strip() for out, _ in outputs}
    assert len(folders) == 1
    parent = Path(folders.pop()).parent
    assert [path.name for path in parent.iterdir()] == [PHUKET]  # no staging folder left behind
    assert (parent / PHUKET / SUMMARY_FILE).is_file()
