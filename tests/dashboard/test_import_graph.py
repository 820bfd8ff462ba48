"""The dashboard's modules import each other without cycles (a cycle forced lazy imports inside functions).

Walks every module's imports with `ast`, including imports inside functions, and resolves
`from dashboard.plan import editing` to the module `dashboard.plan.editing`.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "dashboard"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def dashboard_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((ROOT / PACKAGE).rglob("*.py"))
            if "node_modules" not in path.parts and "static" not in path.parts}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The dashboard modules `path` imports (a name imported from a package counts as its module if it is one)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in known else node.module)
    return {name for name in found if name in known}


def import_graph() -> dict[str, set[str]]:
    modules = dashboard_modules()
    known = set(modules)
    return {name: imports_of(path, known) - {name} for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_the_dashboard_has_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_walker_sees_the_real_layout():
    graph = import_graph()
    assert "dashboard.plan.editing" in graph["dashboard.plan.workspace"]
    assert "dashboard.common.database" in graph["dashboard.common.dataset"]
    assert len(graph) >= 30


def test_the_cycle_finder_finds_a_cycle_through_a_lazy_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from dashboard.b import thing\n")
    known = {"dashboard.a", "dashboard.b"}
    graph = {"dashboard.a": imports_of(sample, known), "dashboard.b": {"dashboard.a"}}
    assert find_cycle(graph) == ["dashboard.a", "dashboard.b", "dashboard.a"]
    assert find_cycle({"dashboard.a": {"dashboard.b"}, "dashboard.b": set()}) is None
