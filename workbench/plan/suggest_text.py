"""Text matching for auto-suggest: tokens, light stemming, abbreviations and IDF-weighted overlap.

Works across languages without a dictionary: accents are stripped, French and English function
words dropped, plurals and common endings trimmed, and a short prefix of a word (``disp``,
``cert``) matches the full word (``displacement``, ``certificate``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from functools import cache

_SPLIT = re.compile(r"[^0-9a-z\u0600-\u06ff]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

_STOPWORD_TEXT = """
    a an the of in on at to for from by with and or
    not no is are was were be been being has have had do does
    did any your you yours our we they their them his her its this
    that these those there what which who whom when where how why if than
    then as into out about over under per last past during since name will
    would can could should may might been it he she i my me le
    la les l de d du des un une et ou en au aux
    a pour par sur dans avec votre vos vous nous ils elles leur leurs
    son sa ses ce cet cette ces qui que quoi quel quelle est sont
    etait ete avez avoir etre t il elle y ne pas se s n
    qu nom el los las del por con su sus es un una que
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

#: short forms seen in survey variable names → the word they stand for
ABBREVIATIONS: dict[str, str] = {
    "hh": "household",
    "hoh": "head",
    "wg": "washington",
    "n": "number",
    "nb": "number",
    "num": "number",
    "no": "number",
    "sep": "separated",
    "disp": "displacement",
    "idp": "displaced",
    "idps": "displaced",
    "pdi": "deplace",
    "ea": "enumeration",
    "psu": "psu",
    "strat": "stratum",
    "wgt": "weight",
    "wt": "weight",
    "pop": "population",
    "grp": "group",
    "edu": "education",
    "doc": "document",
    "docs": "document",
    "id": "identity",
    "12m": "12",
    "7d": "7",
    "yr": "year",
    "agri": "agriculture",
}


def fold(text: str) -> str:
    """Lower case without accents (é → e); Arabic letters are kept."""
    text = _CAMEL.sub(" ", text)
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch)).lower()


def stem(word: str) -> str:
    for suffix in ("ation", "ement", "ment", "ings", "ing", "ies", "ed", "es", "s", "e"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    out = []
    for raw in _SPLIT.split(fold(text)):
        if not raw:
            continue
        if not keep_stopwords and raw in STOPWORDS:
            continue
        out.append(stem(raw))
    return out


def name_tokens(name: str) -> list[str]:
    """Tokens of a variable name, abbreviations expanded (``hh_size`` → household, size)."""
    out = []
    for raw in _SPLIT.split(fold(name.replace("/", "_"))):
        if not raw:
            continue
        full = ABBREVIATIONS.get(raw, raw)
        for part in _SPLIT.split(full):
            if part and part not in STOPWORDS:
                out.append(stem(part))
    return out


@cache
def word_match(a: str, b: str) -> bool:
    """Same word, or one a prefix (≥ 3 letters) of the other."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and long_.startswith(short) and not short.isdigit()


class Vocab:
    """A set of words answering "does this token match one of them?" (cached per token)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self._sorted = sorted(self.words)
        self._hits: dict[str, bool] = {}

    def __contains__(self, token: object) -> bool:
        if not isinstance(token, str):
            return False
        hit = self._hits.get(token)
        if hit is None:
            hit = self._match(token)
            self._hits[token] = hit
        return hit

    def _match(self, t: str) -> bool:
        """Same as ``any(word_match(t, w) for w in words)``, by prefix look-ups."""
        if t in self.words:
            return True
        if t.isdigit():
            return False
        if len(t) >= 3:  # a word that starts with t
            i = bisect_left(self._sorted, t)
            if i < len(self._sorted) and self._sorted[i].startswith(t):
                return True
        # a word (≥ 3 letters, not a number) that t starts with
        return any(t[:k] in self.words and not t[:k].isdigit() for k in range(3, len(t)))

    def __bool__(self) -> bool:
        return bool(self.words)


def coverage(words: Iterable[str], vocabulary: Vocab | Iterable[str]) -> float:
    """Share of ``words`` that match some word of ``vocabulary``."""
    ws = [w for w in words if w]
    vocab = vocabulary if isinstance(vocabulary, Vocab) else Vocab(vocabulary)
    if not ws or not vocab:
        return 0.0
    return sum(1 for w in ws if w in vocab) / len(ws)


def contains_phrase(haystack: list[str], phrase: list[str]) -> bool:
    """Whether the token sequence ``phrase`` occurs (with prefix matching) in ``haystack``."""
    n = len(phrase)
    if not n or n > len(haystack):
        return False
    return any(
        all(word_match(haystack[i + k], phrase[k]) for k in range(n))
        for i in range(len(haystack) - n + 1)
    )


class Idf:
    """Inverse document frequency of tokens over the candidate columns' texts."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        counts: Counter[str] = Counter()
        n = 0
        for doc in documents:
            n += 1
            counts.update(set(doc))
        self.n = max(n, 1)
        self.counts = counts

    def weight(self, token: str) -> float:
        return math.log((1 + self.n) / (1 + self.counts.get(token, 0))) + 0.1

    def overlap(self, doc: list[str], query: Vocab) -> float:
        """IDF-weighted share of the document's distinct tokens found in the query."""
        distinct = set(doc)
        if not distinct or not query:
            return 0.0
        total = sum(self.weight(t) for t in distinct)
        hit = sum(self.weight(t) for t in distinct if t in query)
        return hit / total if total else 0.0
