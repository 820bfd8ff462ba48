"""The store speaks one SQL for both backends: nothing SQLite-only outside the SQLite connection set-up, and the
PostgreSQL tests cannot be skipped quietly."""

import ast
import re
from pathlib import Path

import pytest

import tests.postgres_server as postgres_server

STORE = Path(__file__).resolve().parents[2] / "store"
#: Raw-sqlite3 habits the SQLAlchemy store must not have, in its code's strings (docstrings may tell history).
SQLITE_ONLY = re.compile(r"lastrowid|BEGIN IMMEDIATE|user_version|PRAGMA|executescript|\?\s*[,)]", re.IGNORECASE)


def code_strings_and_names(path: Path) -> tuple[list[str], set[str]]:
    """The string constants of a module that are not docstrings, and the attribute/module names it uses."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
               and isinstance(node.value, str) and id(node) not in docstrings]
    names = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return strings, names


def test_no_sqlite_only_sql_outside_the_sqlite_connection_set_up():
    offenders = {}
    for path in sorted(STORE.rglob("*.py")):
        strings, names = code_strings_and_names(path)
        hits = {m.group(0).upper() for text in strings for m in SQLITE_ONLY.finditer(text)}
        hits |= {"lastrowid", "sqlite3", "executescript"} & names
        if path.name == "database.py":  # the SQLite connection set-up: pragmas through the connect event
            hits -= {"PRAGMA", "sqlite3"}
        if hits:
            offenders[str(path.relative_to(STORE))] = sorted(hits)
    assert offenders == {}
    assert len(list(STORE.rglob("*.py"))) >= 10  # the walk sees the store's real files


def test_the_check_finds_raw_sqlite3_habits(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""PRAGMA in a docstring is history."""\nimport sqlite3\n'
                      'def f(c):\n    return c.execute("INSERT INTO t VALUES (?, ?)").lastrowid\n')
    strings, names = code_strings_and_names(sample)
    assert [m.group(0) for text in strings for m in SQLITE_ONLY.finditer(text)] == ["?,", "?)"]
    assert {"sqlite3", "lastrowid"} <= names


def test_missing_postgresql_programs_fail_with_how_to_install(monkeypatch):
    monkeypatch.setattr(postgres_server.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(postgres_server.shutil, "which", lambda name: None)
    with pytest.raises(postgres_server.PostgresMissing, match="apt-get install postgresql"):
        postgres_server.PostgresServer()
