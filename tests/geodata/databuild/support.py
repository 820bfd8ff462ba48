"""Provinces built once per test session (a build takes 0.2 to 8 seconds), shared by the build tests."""

from __future__ import annotations

import functools

from geodata.databuild.province import ProvinceBuild, build_province

#: The provinces the tests build, chosen to stress the assumptions: east of 102 degrees E (UTM 48N), the most
#: villages, islands, and districts with few villages.
UBON, KORAT, PHUKET, RANONG = "34", "30", "83", "85"
STRESS_PROVINCES = (UBON, KORAT, PHUKET, RANONG)
EXPECTED_CRS = {UBON: "EPSG:32648", KORAT: "EPSG:32648", PHUKET: "EPSG:32647", RANONG: "EPSG:32647"}


@functools.cache
def built(code: str) -> ProvinceBuild:
    return build_province(code)
