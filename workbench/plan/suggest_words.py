"""The word data auto-suggest reads names and labels with (``suggest_data/words.toml``).

Abbreviations, multilingual synonyms, generic words, the words glued names are cut into, which
number inputs are counts or amounts, and the answer labels that count as a condition. The data
ships with the package (nothing is learned or fetched at run time); see the file's header.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "suggest_data" / "words.toml"
SUFFIXES = ("ation", "ement", "ment", "ings", "ing", "ies", "ed", "es", "s", "e")


def fold_plain(text: str) -> str:
    """Lower case without accents (é → e); Arabic letters kept, the article ال dropped."""
    nfkd = unicodedata.normalize("NFKD", text)
    out = "".join(ch for ch in nfkd if not unicodedata.combining(ch)).lower()
    return out.replace("\u0640", "")


def stem(word: str) -> str:
    if word.startswith("ال") and len(word) >= 5:
        return word[2:]
    for suffix in SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@cache
def _data() -> dict[str, Any]:
    with DATA.open("rb") as f:
        return tomllib.load(f)


@cache
def abbreviations() -> dict[str, str]:
    return {fold_plain(k): fold_plain(v) for k, v in _data()["abbreviations"].items()}


@cache
def _canon() -> dict[str, str]:
    out: dict[str, str] = {}
    for head, words in _data()["synonyms"].items():
        target = stem(fold_plain(head))
        for w in (head, *words):
            for form in (fold_plain(w), stem(fold_plain(w))):
                out.setdefault(form, target)
    return out


def canonical(token: str) -> str:
    """The synonym group's word for a (stemmed) token, or the token itself."""
    return _canon().get(token, token)


@cache
def generic() -> frozenset[str]:
    return frozenset(canonical(stem(fold_plain(w))) for w in _data()["generic"]["words"])


@cache
def segment_vocabulary() -> frozenset[str]:
    d = _data()
    words = {fold_plain(w) for w in d["segment"]["words"]}
    for head, syn in d["synonyms"].items():
        words |= {fold_plain(w) for w in (head, *syn) if " " not in w}
    words |= set(abbreviations())
    for v in abbreviations().values():
        words |= set(v.split())
    return frozenset(w for w in words if w.isascii() and len(w) >= 2)


@cache
def segment(token: str) -> tuple[str, ...]:
    """A glued name cut into known words (``watersource`` → water, source), fewest pieces
    first; the token itself when it is known or cannot be cut."""
    vocab = segment_vocabulary()
    if len(token) < 5 or token in vocab or not token.isascii() or not token.isalpha():
        return (token,)
    n = len(token)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - 16), end):
            prev = best[start]
            piece = token[start:end]
            if prev is None or piece not in vocab or (len(piece) < 3 and piece not in _short()):
                continue
            cand = (*prev, piece)
            cur = best[end]
            if cur is None or len(cand) < len(cur):
                best[end] = cand
    found = best[n]
    return found if found and len(found) > 1 else (token,)


@cache
def _short() -> frozenset[str]:
    """Two-letter pieces a glued name may hold (hh, id, ea …)."""
    return frozenset(k for k in abbreviations() if len(k) == 2) | {"id"}


@cache
def number_kinds() -> dict[str, str]:
    """Input name → count | amount | year | age."""
    return {name: kind for kind, names in _data()["numbers"].items() for name in names}


@cache
def answer_words() -> tuple[frozenset[str], frozenset[str]]:
    a = _data()["answers"]
    return frozenset(fold_plain(w) for w in a["yes"]), frozenset(fold_plain(w) for w in a["no"])


@cache
def condition_words(input_name: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(words that count, words that undo it) for an input whose answers are choices."""
    spec = _data()["condition"].get(input_name)
    if spec is None:
        return None
    return (
        tuple(fold_plain(w) for w in spec.get("yes", ())),
        tuple(fold_plain(w) for w in spec.get("no", ())),
    )
