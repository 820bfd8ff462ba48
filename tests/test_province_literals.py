"""No code names province 80 outside the registry: every province follows the registry and the default.

The scan reads the literals of every module of geodata/, planning/ and dashboard/ (with ``ast``; docstrings and
comments are documentation, not behaviour, and are left out): the string "80", codes that start with 80 (amphoe
80AA, tambon 80AATT, village 80AATTMM), the integer 80, and Nakhon Si Thammarat's Thai and English names. The
registry (``geodata/provinces.py``, which holds ``DEFAULT_PROVINCE``) may name it; data files are not Python and
the message catalogue only quotes the registry (``{province}`` fields). Tests may name it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("geodata", "planning", "dashboard")
#: The registry and the default province: the one place allowed to name it.
ALLOWED_FILES = {"geodata/provinces.py"}
#: An 80 that is not a province: (file, literal) pairs.
NOT_A_PROVINCE = {
    ("geodata/exports/pdf.py", 80),  # the grey (80, 80, 80) of the PDF's running head and page numbers
    ("geodata/uploads.py", 80),  # a file name quoted in a problem is cut to 80 characters
    ("dashboard/coverage/page.py", 80),  # the district ranking's "villages" column is 80 pixels wide
}
#: Dashboard literals left to the dashboard part of issue 13: removed by the dashboard part (empty today: the
#: dashboard on main already takes every province word from the catalogue). Keep it short and exact.
DASHBOARD_OFFENDERS: set[tuple[str, str | int]] = set()

_CODE = re.compile(r"(?<!\d)80(?:\d{2}){1,3}(?!\d)")
_NAMES = re.compile(r"นครศรีธรรมราช|nakhon\s*si\s*thammarat|si\s*thammarat", re.IGNORECASE)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def province_literals(source: str) -> list[str | int]:
    """The literals of `source` (Python) that name province 80: "80", 80-codes, 80, its Thai or English name."""
    tree = ast.parse(source)
    skipped = _docstrings(tree)
    found: list[str | int] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in skipped:
            continue
        value = node.value
        if isinstance(value, str):
            found += (["80"] if value.strip() == "80" else []) + _CODE.findall(value) + _NAMES.findall(value)
        elif isinstance(value, int) and not isinstance(value, bool) and value == 80:
            found.append(80)
    return found


def offenders() -> set[tuple[str, str | int]]:
    found = set()
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if "node_modules" in path.parts or name in ALLOWED_FILES:
                continue
            found |= {(name, literal) for literal in province_literals(path.read_text(encoding="utf-8"))}
    return found


def test_no_code_outside_the_registry_names_province_80():
    left = offenders() - NOT_A_PROVINCE - DASHBOARD_OFFENDERS
    assert not left, f"province 80 named outside geodata/provinces.py: {sorted(left, key=str)}"


def test_the_allow_lists_hold_only_what_is_still_there():
    """An entry whose literal is gone must leave the list, so the lists only ever shrink."""
    found = offenders()
    assert not (NOT_A_PROVINCE | DASHBOARD_OFFENDERS) - found
    assert all(name.startswith("dashboard/") for name, _ in DASHBOARD_OFFENDERS)


@pytest.mark.parametrize(("source", "expected"), [
    ('CODE = "80"', ["80"]),
    ('x = f"tambon {t} of 800106"', ["800106"]),
    ('names = ("8001", "80010601", "34010101", "1800", "80.5")', ["8001", "80010601"]),
    ("grey = (80, 81)", [80]),
    ('title = "จังหวัดนครศรีธรรมราช · Nakhon Si Thammarat"', ["นครศรีธรรมราช", "Nakhon Si Thammarat"]),
    ('def f():\n    """Example: province 80, 80010601, Nakhon Si Thammarat."""\n    return 1', []),
])
def test_the_scan_finds_each_kind_of_literal_and_skips_docstrings(source, expected):
    assert province_literals(source) == expected
