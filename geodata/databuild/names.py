"""Thai village names, normalised so that two spellings of one name compare equal, and scored when they differ.

The 2012 village points and the DOPA gazetteer spell the same village differently: with or without the prefix
บ้าน ("village"), with spaces, Thai or Arabic digits, the abbreviation mark ฯ, the two encodings of the vowel
sara am, and an old or second name in brackets or after a comma (``บ้านนางพระยา (โคกอิฐ)``,
``บ้านทุ่งนอก, บ้านดอนธรรมเนียม``). ``name_variants`` turns a name into the set of normalised forms it may be
known by; ``name_score`` compares two such sets: 1.0 for an identical form, otherwise the similarity of the
closest pair (difflib's ratio: 2 x matching characters / total characters), and at least
``CONTAINED_SCORE`` when one form contains the other (``นาเคียน`` in ``นาเคียนเหนือ``).
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

#: Names are compared without this prefix ("village").
VILLAGE_PREFIX = "บ้าน"
#: Score of a pair where one form contains the other (if the plain similarity is lower).
CONTAINED_SCORE = 0.8
#: A form must be at least this long (characters) for the containment rule: short words hide in many names.
MIN_CONTAINED_LENGTH = 4

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
#: Sara am written as nikhahit + sara aa (two code points) is the same letter as the single sara am.
_SARA_AM_DECOMPOSED = "\u0e4d\u0e32"
_SARA_AM = "\u0e33"
#: Characters dropped before comparing: white space, zero-width characters, the abbreviation mark ฯ, the
#: repetition mark ๆ and punctuation that only decorates (full stops of กม./ก.ม., hyphens, quotes).
_DROPPED = re.compile(r"[\s\u200b\u200c\u200d\ufeffฯๆ.\-'\"`]+")
#: Separators between the names one village is known by: brackets, commas and slashes.
_SEPARATORS = re.compile(r"[(),/\[\]]")


@lru_cache(maxsize=200_000)
def normalise_name(name: str, *, strip_prefix: bool = True) -> str:
    """One name in its comparable form: no spaces or decoration, Arabic digits, one sara am and (for village
    names, ``strip_prefix``) no prefix บ้าน, even when it is doubled; the bare word บ้าน gives "".

    >>> normalise_name("บ้าน กม. ๑๒")
    'กม12'
    """
    text = (name or "").replace(_SARA_AM_DECOMPOSED, _SARA_AM).translate(_THAI_DIGITS).lower()
    text = _DROPPED.sub("", text)
    if strip_prefix:
        while text.startswith(VILLAGE_PREFIX):
            text = text[len(VILLAGE_PREFIX):]
    return text


@lru_cache(maxsize=200_000)
def name_variants(name: str) -> frozenset[str]:
    """Every normalised form a village is known by: the whole name without its brackets, and each part.

    >>> sorted(name_variants("บ้านนางพระยา (โคกอิฐ)"))
    ['นางพระยา', 'นางพระยาโคกอิฐ', 'โคกอิฐ']
    """
    parts = [form for form in (normalise_name(part) for part in _SEPARATORS.split(name or "")) if form]
    return frozenset({"".join(parts), *parts} - {""})


def name_score(ours: frozenset[str], theirs: frozenset[str], minimum: float = 0.0) -> float:
    """Similarity in [0, 1] of the best pair of forms; 0.0 when no pair reaches ``minimum``.

    1.0 means an identical normalised form. Pairs that cannot reach ``minimum`` are not scored in full (difflib's
    quick upper bounds), which keeps a national build fast.
    """
    if ours & theirs:
        return 1.0
    best = 0.0
    for a in ours:
        for b in theirs:
            best = max(best, _pair_score(a, b, max(minimum, best)))
    return best if best >= minimum else 0.0


def _pair_score(a: str, b: str, floor: float) -> float:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    contained = CONTAINED_SCORE if len(shorter) >= MIN_CONTAINED_LENGTH and shorter in longer else 0.0
    # difflib's two upper bounds of the ratio (real_quick_ratio, then quick_ratio), computed the way difflib
    # computes them but without building a SequenceMatcher for the many pairs that cannot reach the floor.
    total = len(a) + len(b)
    if max(contained, _ratio(len(shorter), total)) < floor:
        return contained
    if max(contained, _ratio(_common_letters(a, b), total)) < floor:
        return contained
    return max(contained, SequenceMatcher(None, a, b, autojunk=False).ratio())


def _ratio(matches: int, total: int) -> float:
    """difflib's ratio formula: 2 x matches / total length (1.0 for two empty strings)."""
    return 2.0 * matches / total if total else 1.0


def _common_letters(a: str, b: str) -> int:
    """Characters the two forms have in common, counted with multiplicity (difflib's quick_ratio matches)."""
    theirs = _letters(b)
    return sum(min(n, theirs.get(letter, 0)) for letter, n in _letters(a).items())


@lru_cache(maxsize=200_000)
def _letters(form: str) -> dict[str, int]:
    """How often each character occurs in a form; callers must not modify the dict."""
    return dict(Counter(form))
