"""The import rule of the product brief: dashboard -> geodata -> planning, and nothing backwards.

`store/` (saved scenarios, progress and users; SQLite or PostgreSQL) sits beside them: geodata and the dashboard
use it, and it imports nothing of the project.

Walks every module's imports with `ast` (including imports inside functions), so a lazy import cannot hide.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI_LIBRARIES = {"streamlit", "folium", "streamlit_folium", "branca"}
#: package -> top-level modules it must never import.
FORBIDDEN = {
    "planning": UI_LIBRARIES | {"geopandas", "shapely", "pyogrio", "pandas", "geodata", "dashboard", "store"},
    "store": UI_LIBRARIES | {"geopandas", "geodata", "dashboard", "planning"},
    "geodata": UI_LIBRARIES | {"dashboard"},
}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def modules_of(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_point_one_way(package):
    offenders = {}
    for path in modules_of(package):
        bad = imported_top_levels(path) & FORBIDDEN[package]
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert not offenders, f"{package}/ must not import {sorted(FORBIDDEN[package])}: {offenders}"


def test_the_rule_is_checked_on_real_files():
    assert len(modules_of("geodata")) >= 5
    assert len(modules_of("planning")) >= 1


def test_the_walker_sees_lazy_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import folium\n    from streamlit import write\n")
    assert imported_top_levels(sample) == {"folium", "streamlit"}
