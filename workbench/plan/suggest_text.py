"""Text matching for auto-suggest: tokens, light stemming, abbreviations and IDF-weighted overlap.

Works across languages: accents are stripped, French, Spanish and English function words
dropped, plurals and common endings trimmed, synonyms in EN/FR/ES/AR read as one word and short
forms expanded (``suggest_data/words.toml``), and a long enough prefix of a word (``separ``)
matches the full word (``separated``).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from functools import cache

from workbench.plan.suggest_words import abbreviations, canonical, fold_plain, segment, stem

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

_CODE = re.compile(r"^(?:[a-z]{0,3}\d+[a-z]?|[a-z])$")  # q12, c4, s3a, 15, h: question numbers
_DIGITS = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z]{3,})")


def fold(text: str) -> str:
    """Lower case without accents (é → e); Arabic letters are kept."""
    return fold_plain(_CAMEL.sub(" ", text))


def _word(raw: str) -> str:
    return canonical(stem(raw))


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    out = []
    for raw in _SPLIT.split(fold(text)):
        if not raw:
            continue
        if not keep_stopwords and raw in STOPWORDS:
            continue
        out.append(_word(raw))
    return out


def name_parts(name: str) -> list[str]:
    """The words of a variable name: camel case and ``/`` split, the question number in front
    (``C_4_15_``, ``q12a_``) dropped, short forms expanded and glued words cut
    (``hhsize`` → household, size); not yet stemmed."""
    raws = [r for r in _SPLIT.split(fold(name.replace("/", "_"))) if r]
    raws = [p for r in raws for p in _DIGITS.sub(" ", r).split() if p]
    abbr = abbreviations()
    start = 0
    while start < len(raws) - 1 and _CODE.match(raws[start]) and raws[start] not in abbr:
        start += 1
    out: list[str] = []
    for raw in raws[start:]:
        if raw in abbr:
            out += abbr[raw].split()
            continue
        for piece in segment(raw):
            out += abbr[piece].split() if piece in abbr and piece != raw else [piece]
    return [w for w in out if w not in STOPWORDS and not (len(w) == 1 and not w.isdigit())]


def name_tokens(name: str) -> list[str]:
    """Tokens of a variable name, abbreviations expanded (``hh_size`` → household, size)."""
    return [_word(w) for w in name_parts(name)]


@cache
def word_match(a: str, b: str) -> bool:
    """Same word, or one a prefix (≥ 4 letters) of the other."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return _prefix_ok(short, long_)


def _prefix_ok(short: str, long_: str) -> bool:
    return len(short) >= 4 and long_.startswith(short) and not short.isdigit()


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
        if len(t) >= 4:  # a word that starts with t
            i = bisect_left(self._sorted, t)
            while i < len(self._sorted) and self._sorted[i].startswith(t):
                if _prefix_ok(t, self._sorted[i]):
                    return True
                i += 1
        # a word (≥ 4 letters, not a number) that t starts with
        return any(t[:k] in self.words and _prefix_ok(t[:k], t) for k in range(4, len(t)))

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
