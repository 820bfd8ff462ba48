"""``rollout data nation``: builds the whole country into the cache (here: finds the session's build) and says so."""

import pytest

from service.cli import main

pytestmark = pytest.mark.slow


def test_data_nation_builds_or_finds_the_nation_and_prints_its_counts(frames, capsys):
    assert main(["data", "nation"]) == 0
    err = capsys.readouterr().err
    assert "nation: 76 provinces, 878 amphoe, 7,256 tambons (7,072 with villages), 75,206 villages" in err


def test_data_nation_refuses_no_workers_in_one_line(capsys):
    assert main(["data", "nation", "--workers", "0"]) == 2
    err = capsys.readouterr().err
    assert err == "rollout data nation: --workers 0 must be 1 or more\n"
