"""The import rule of the product: dashboard -> service -> geodata -> planning, service -> store, nothing backwards.

- `service/` is the only code that uses the store: the dashboard and geodata never import `store`;
- geodata and planning never import `service`; the store imports nothing of the project;
- nothing imports the dashboard, and only the dashboard imports the user-interface libraries.

Walks every module's imports with `ast` (including imports inside functions), so a lazy import cannot hide; the
last tests feed the same check a forbidden import in a temporary tree, to show it fails when it should.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI_LIBRARIES = {"streamlit", "folium", "streamlit_folium", "branca"}
#: package -> top-level modules it must never import.
FORBIDDEN = {
    "planning": UI_LIBRARIES | {"geopandas", "shapely", "pyogrio", "pandas", "geodata", "dashboard", "store",
                                "service"},
    "store": UI_LIBRARIES | {"geopandas", "geodata", "dashboard", "planning", "service"},
    "geodata": UI_LIBRARIES | {"dashboard", "store", "service"},
    "service": UI_LIBRARIES | {"dashboard"},
    "dashboard": {"store"},
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


def modules_of(package: str, root: Path = ROOT) -> list[Path]:
    return sorted((root / package).rglob("*.py"))


def violations(package: str, root: Path = ROOT) -> dict[str, list[str]]:
    """Module path -> the forbidden top-level modules it imports, for one package under `root`."""
    offenders = {}
    for path in modules_of(package, root):
        bad = imported_top_levels(path) & FORBIDDEN[package]
        if bad:
            offenders[str(path.relative_to(root))] = sorted(bad)
    return offenders


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_point_one_way(package):
    offenders = violations(package)
    assert not offenders, f"{package}/ must not import {sorted(FORBIDDEN[package])}: {offenders}"


def test_the_rule_is_checked_on_real_files():
    for package, at_least in (("geodata", 5), ("planning", 1), ("service", 5), ("store", 5), ("dashboard", 5)):
        assert len(modules_of(package)) >= at_least, package


def test_the_walker_sees_lazy_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import folium\n    from streamlit import write\n")
    assert imported_top_levels(sample) == {"folium", "streamlit"}


@pytest.mark.parametrize(("package", "line", "forbidden"), [
    ("geodata", "from store.progress import NewProgress", "store"),
    ("geodata", "def later():\n    import service", "service"),
    ("dashboard", "import store", "store"),
    ("planning", "from service import Workspace", "service"),
    ("service", "from dashboard.common import text", "dashboard"),
    ("store", "import planning", "planning"),
])
def test_a_forbidden_import_in_a_package_fails_the_check(tmp_path, package, line, forbidden):
    (tmp_path / package).mkdir()
    (tmp_path / package / "fine.py").write_text("import json\n")
    (tmp_path / package / "bad.py").write_text(f"import json\n{line}\n")
    assert violations(package, tmp_path) == {f"{package}/bad.py": [forbidden]}


def test_the_service_may_use_the_store_and_geodata(tmp_path):
    (tmp_path / "service").mkdir()
    (tmp_path / "service" / "ok.py").write_text("import store\nfrom geodata import limits\nimport planning\n")
    assert violations("service", tmp_path) == {}
