"""The message catalogue (geodata.messages): every text in Thai and English, every key the code uses exists,
and no interface text is written anywhere else."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import planning
from geodata.messages import CATALOGUE, SECTIONS, UnknownMessageError, fields, text
from geodata.messages.facts import CHECK_RULES, FAILURES, REASONS, STEPS, check_rule, failure_sentence, step_name
from planning import Roster, Wave, find_failures, make_problem
from planning.checks import _ENGLISH
from planning.progress import STEPS as PROGRESS_STEPS
from tests.thai_text import CODES, LANGUAGE_SWITCH, foreign_words

ROOT = Path(__file__).resolve().parents[2]
#: Where the code that shows text lives (the catalogue itself is left out of the scans).
CODE = [p for folder in ("dashboard", "geodata", "planning", "service") for p in sorted((ROOT / folder).rglob("*.py"))
        if "node_modules" not in p.parts
        and ("messages" not in p.relative_to(ROOT).parts or p.name == "facts.py")]
KEY = re.compile(rf"^(?:{'|'.join(SECTIONS)})\.[a-z0-9_]+(?:\.[a-z0-9_]+)*$")
THAI = re.compile(r"[\u0E00-\u0E7F]")
#: Thai text allowed in code: names of data (the scenario a first visit creates, the default plan, column names
#: users write in their files), the calendar and the Thai digits, and the rules that match Thai village names
#: across sources (the prefix บ้าน, the two encodings of sara am), not interface text.
THAI_ALLOWED = {"geodata/plans.py", "geodata/schema.py", "geodata/progress_io.py", "geodata/uploads.py",
                "planning/thai_dates.py", "planning/numbers.py", "geodata/databuild/names.py"}


def string_constants(path: Path, *, docstrings: bool = True) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped = set()
    if not docstrings:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    skipped.add(id(first.value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]


def used_keys() -> dict[str, set[str]]:
    """Message keys written as literals in the code, with the files that use each."""
    used: dict[str, set[str]] = {}
    for path in CODE:
        for value in string_constants(path):
            if KEY.match(value):
                used.setdefault(value, set()).add(str(path.relative_to(ROOT)))
    return used


def test_every_message_has_thai_and_english_with_the_same_fields():
    empty = [key for key, (thai, english) in CATALOGUE.items() if not thai.strip() or not english.strip()]
    mismatched = {key: (fields(thai), fields(english)) for key, (thai, english) in CATALOGUE.items()
                  if fields(thai) != fields(english)}
    assert not empty, f"messages without Thai or English: {empty}"
    assert not mismatched, f"messages whose Thai and English fill different fields: {mismatched}"
    assert len(CATALOGUE) > 400


def test_every_key_the_code_uses_exists():
    missing = {key: sorted(files) for key, files in used_keys().items() if key not in CATALOGUE}
    assert not missing, f"keys used but not in geodata.messages: {missing}"


def test_every_message_is_used_somewhere():
    unused = sorted(set(CATALOGUE) - set(used_keys()))
    assert not unused, f"messages no code uses (remove them, or use them): {unused}"


def test_the_scan_reads_real_keys():
    used = used_keys()
    assert "dashboard/plan/pending.py" in used["plan.pending.applied"]
    assert "geodata/exports/xlsx.py" in used["doc.village_code"]
    assert len(used) > 300


def test_no_interface_text_is_written_outside_the_catalogue():
    found = {}
    for path in CODE:
        name = str(path.relative_to(ROOT))
        if name in THAI_ALLOWED:
            continue
        thai = [value for value in string_constants(path, docstrings=False) if THAI.search(value)]
        if name == "dashboard/plan/editing.py":
            thai = [value for value in thai if value != "แผนหลัก"]  # MAIN_SCENARIO: the name of saved data
        if thai:
            found[name] = thai[:3]
    assert not found, f"Thai text outside geodata.messages: {found}"


def test_the_scans_see_keys_and_thai_but_not_docstrings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""โมดูล"""\n\ndef f():\n    """ฟังก์ชัน"""\n    return t("plan.page.title"), "ไทย"\n',
                      encoding="utf-8")
    assert [v for v in string_constants(sample, docstrings=False) if THAI.search(v)] == ["ไทย"]
    assert [v for v in string_constants(sample) if KEY.match(v)] == ["plan.page.title"]


def test_the_thai_interface_text_is_thai():
    """Thai messages of the pages (not the bilingual documents) use Latin letters only for codes and names
    (tests/thai_text.py), file column names written as code, and {fields}; one name for the facilitator teams."""
    allowed = CODES | LANGUAGE_SWITCH
    thai = {key: pair[0] for key, pair in CATALOGUE.items() if not key.startswith("doc.")}
    found = {}
    for key, template in thai.items():
        plain = re.sub(r"`[^`]*`|\{[^}]*\}", " ", template)
        words = foreign_words([plain], allowed)
        if words:
            found[key] = sorted(words)
    assert not found, f"Latin words in Thai interface text: {found}"
    assert not [key for key, template in CATALOGUE.items() if "วิทยากร" in template[0]], "the teams are ทีมคุณอำนวย"


def test_text_fills_values_and_rejects_unknown_keys_and_languages():
    assert text("plan.selection.selected", "th", n="1,553") == "เลือกไว้ 1,553 หมู่บ้าน"
    assert text("plan.selection.selected", "en", n="1,553") == "1,553 villages selected"
    with pytest.raises(UnknownMessageError, match="no message 'common.no_such_key'"):
        text("common.no_such_key", "th")
    with pytest.raises(KeyError):
        text("plan.no_such_key", "en")
    with pytest.raises(ValueError, match="unknown language"):
        text("common.tambon", "fr")


def test_fields_names_what_a_template_fills():
    assert fields("{n:,} หมู่บ้าน, ระยะ {wave!r}") == {"n", "wave"}
    assert fields("ไม่มีช่อง") == set()


def test_every_fact_of_the_engine_has_words():
    assert set(CHECK_RULES) == set(planning.CHECKS)
    assert set(FAILURES) == set(_ENGLISH)
    assert set(REASONS) == set(planning.REASONS)
    assert set(STEPS) == {step.number for step in PROGRESS_STEPS}
    for name in planning.CHECKS:
        assert check_rule(name, "th") != check_rule(name, "en")


def test_the_six_steps_have_their_thai_names():
    assert step_name(1, "th") == "ความเป็นประชาคม" and step_name(4, "th") == "เกิดแผนแม่บทชุมชน"
    assert step_name(6, "en") == "Periodic evaluation"


def test_failures_are_worded_in_thai_with_the_same_numbers_as_in_english():
    problem = make_problem({"v1": "t1", "v2": "t1"}, {"t1": "d1"}, waves=[Wave("2549", 1), Wave("2550", 1)],
                           roster=Roster({"d1": 1}, 1, estimated=False))
    failures = find_failures(problem, {"v1": "2549", "v2": "2549"})
    thai = {check: tuple(failure_sentence(f, "th") for f in found) for check, found in failures.items()}
    english = {check: tuple(failure_sentence(f, "en") for f in found) for check, found in failures.items()}
    assert thai["wave_sizes_met"] == ("ระยะ 2549 มี 2 หมู่บ้าน แต่ขนาดที่กำหนดคือ 1",
                                      "ระยะ 2550 มี 0 หมู่บ้าน แต่ขนาดที่กำหนดคือ 1")
    assert thai["district_capacity_respected"] == (
        "อำเภอ d1 มี 2 หมู่บ้านในระยะ 2549 แต่ 1 ทีม ทีมละ 1 หมู่บ้าน รับได้ 1 หมู่บ้าน",)
    assert english["district_capacity_respected"] == (
        "district d1 has 2 villages in wave 2549 but 1 teams of 1 villages can take 1",)
