"""Suggest named inputs for a dataset column from the inputs' multilingual keywords.

Used by plan auto-suggest: given a column's name and label(s) in any of the library languages,
rank the inputs of ``inputs.toml`` whose keywords match. Matching is accent- and case-
insensitive, treats ``_ - . /`` as spaces, and works on whole words (so ``id`` does not match
inside ``valid``). A score is in (0, 1]: 1.0 for an exact name or keyword match, less for a
keyword phrase found inside the text (longer phrases covering more of the text score higher),
a little for shared long words, plus 0.1 for each further keyword phrase found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workbench.library.model import InputDef, Library

_SEP = re.compile(r"[\s_\-./:;,()\[\]?¿!¡'\"«»؟،؛]+")
MIN_SCORE = 0.3


@dataclass(frozen=True)
class InputMatch:
    input: str
    score: float
    matched: str  # the keyword (or name) that matched best


def normalise(text: str) -> tuple[str, ...]:
    """Lower-case words without accents (Latin) or short vowels (Arabic)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("\u0640", "")  # Arabic tatweel
    return tuple(w for w in _SEP.split(stripped) if w)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def score_input(inp: InputDef, texts: Iterable[tuple[str, ...]]) -> InputMatch | None:
    """The best match of ``inp`` against the normalised texts (name, labels), or None.

    The best single phrase sets the score; each further distinct phrase found adds 0.1 (so an
    input whose several keywords appear beats one that shares a single generic word).
    """
    candidates = [(normalise(k.replace("_", " ")), k) for k in inp.all_keywords]
    scores: dict[tuple[str, ...], tuple[float, str]] = {}
    for words in texts:
        if not words:
            continue
        for phrase, original in candidates:
            if not phrase:
                continue
            if phrase == words:
                score = 1.0
            elif _contains(words, phrase):
                score = 0.5 + 0.4 * len(phrase) / len(words)
            else:
                long_shared = {w for w in set(phrase) & set(words) if len(w) > 3}
                if not long_shared:
                    continue
                score = 0.35 * len(long_shared) / len(set(phrase) | set(words))
            if phrase not in scores or score > scores[phrase][0]:
                scores[phrase] = (score, original)
    if not scores:
        return None
    ranked = sorted(scores.values(), reverse=True)
    best, matched = ranked[0]
    bonus = 0.1 * sum(1 for sc, _ in ranked[1:] if sc >= 0.5)
    return InputMatch(inp.name, round(min(1.0, best + bonus), 4), matched)


def suggest_inputs(
    library: Library,
    name: str,
    labels: str | Mapping[str, str] | Iterable[str] | None = None,
    *,
    top: int = 3,
    kinds: Iterable[str] | None = None,
    unit: str | None = None,
    include_core: bool = True,
) -> list[InputMatch]:
    """The ``top`` inputs best matching a column ``name`` and its ``labels`` (best first).

    ``labels`` may be one label, a language → label mapping, or several labels. ``kinds`` and
    ``unit`` restrict the candidates (e.g. only ``condition`` inputs of ``household`` unit).
    """
    if labels is None:
        label_list: list[str] = []
    elif isinstance(labels, str):
        label_list = [labels]
    elif isinstance(labels, Mapping):
        label_list = [str(v) for v in labels.values()]
    else:
        label_list = [str(v) for v in labels]
    texts = [normalise(name), *(normalise(lbl) for lbl in label_list)]
    allowed = set(kinds) if kinds is not None else None
    out: list[InputMatch] = []
    for inp in library.inputs.values():
        if allowed is not None and inp.kind not in allowed:
            continue
        if unit is not None and inp.unit != unit:
            continue
        if inp.core and not include_core:
            continue
        m = score_input(inp, texts)
        if m is not None and m.score >= MIN_SCORE:
            out.append(m)
    out.sort(key=lambda m: (-m.score, m.input))
    return out[:top]
