"""Scoring a matcher against the hand labels: the figures of issue 22.

A matcher gives, per library input, a ranked list of candidate columns, a status (``ok`` when it
would map the input without asking, else review / none) and, for a coded input it maps, the codes
it takes as the condition. Two matchers are scored in the same run:

- ``suggester``: ``workbench.plan.suggest.suggest`` — the code path of ``workbench plan suggest``
  and of the app's "New from datasets" (``Workbench.suggest`` loads the datasets from the vault and
  calls it). A ``Match`` gives the chosen column, its status and up to three alternatives; the
  member file's household key is the plan's ``datasets.individual_key``;
- ``baseline``: "name equals input id" — a column whose name, folded, is the input id.

Figures (over inputs that have a true column, unless said):
- top-1: the first candidate is a true column; top-3: a true column is among the first three;
- ok precision: of every input the matcher marks ok (inputs without a true column included,
  where any ok is wrong), the share mapped to a true column;
- ok share: the share of true mappings that reach ok with a true column;
- codes right: of the coded inputs mapped ok to a true column, the share whose codes are exactly
  the labelled ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mapping_corpus import MEMBER_KEY, Truth, canon_code

from workbench.dataset_model import Dataset
from workbench.library.model import Library
from workbench.plan.model import Plan
from workbench.plan.suggest import suggest
from workbench.plan.suggest_text import fold

YES = {"yes", "oui", "si", "sí", "true", "vrai", "نعم", "1"}


@dataclass(frozen=True)
class Prediction:
    input: str
    ranked: tuple[
        tuple[str, ...], ...
    ]  # candidates, best first; a candidate may be several columns
    ok: bool
    codes: frozenset[str] | None = None
    #: the calibrated confidence of the first candidate, and whether nothing but it keeps the
    #: input from ok (``Match.ready``): ok at any threshold up to the confidence
    confidence: float = 0.0
    ready: bool = False
    #: when not ready, the rule that keeps it from ok (``Match.blocked``)
    blocked: str | None = None
    #: the first candidate's columns have a label (in any language), not a coded name alone
    labelled: bool = True


@dataclass
class Score:
    name: str
    n_true: int = 0
    top1: int = 0
    top3: int = 0
    ok: int = 0
    ok_right: int = 0
    coded: int = 0
    codes_right: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for f in ("n_true", "top1", "top3", "ok", "ok_right", "coded", "codes_right"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def ratio(self, what: str) -> float | None:
        num, den = {
            "top1": (self.top1, self.n_true),
            "top3": (self.top3, self.n_true),
            "ok_precision": (self.ok_right, self.ok),
            "ok_share": (self.ok_right, self.n_true),
            "codes": (self.codes_right, self.coded),
        }[what]
        return num / den if den else None


def _right(candidate: tuple[str, ...], truth: Truth) -> bool:
    return bool(candidate) and set(candidate) <= set(truth.columns)


def score(name: str, truth: Mapping[str, Truth], predictions: list[Prediction]) -> Score:
    s = Score(name, n_true=len(truth))
    by_input = {p.input: p for p in predictions}
    for input_id, t in truth.items():
        p = by_input.get(input_id)
        ranked = p.ranked if p else ()
        s.top1 += bool(ranked) and _right(ranked[0], t)
        s.top3 += any(_right(c, t) for c in ranked[:3])
        if p and p.ok and ranked and _right(ranked[0], t) and t.coded:
            s.coded += 1
            want = t.codes.get(ranked[0][0], frozenset().union(*t.codes.values()))
            s.codes_right += p.codes == want
            if p.codes != want:
                s.wrong.append(f"{input_id}: codes {sorted(p.codes or ())} ≠ {sorted(want)}")
    for p in predictions:
        if not p.ok:
            continue
        s.ok += 1
        known = truth.get(p.input)
        if known is not None and p.ranked and _right(p.ranked[0], known):
            s.ok_right += 1
        else:
            s.wrong.append(f"{p.input}: ok on {','.join(p.ranked[0]) if p.ranked else '-'}")
    return s


def _codes(values: tuple[object, ...]) -> frozenset[str]:
    return frozenset(canon_code(v) for v in values)


def suggester(library: Library, datasets: Mapping[str, Dataset]) -> list[Prediction]:
    sug = suggest(library, datasets, "corpus")
    out = []
    for m in sug.matches:
        ranked = tuple(
            tuple(c.split(","))
            for c in ([m.column] if m.column else []) + [a for a, _ in m.alternatives]
        )
        ok = m.status == "accepted"
        codes = _plan_codes(sug.plan, m.input) if ok else None
        labelled = bool(ranked) and _labelled(datasets, ranked[0])
        out.append(Prediction(m.input, ranked, ok, codes, m.confidence, m.ready, m.blocked,
                              labelled))  # fmt: skip
    key = sug.plan.datasets.individual_key
    if sug.plan.datasets.individual:
        out.append(Prediction(MEMBER_KEY, ((key,),) if key else (), bool(key), None, 1.0, True))
    return out


def _labelled(datasets: Mapping[str, Dataset], columns: tuple[str, ...]) -> bool:
    """Every column has a question label in some language (a coded name alone has none)."""

    def says(column: str) -> bool:
        var = next((d.variables[column] for d in datasets.values() if column in d.variables), None)
        return var is not None and bool(var.label.strip() or any(var.labels.values()))

    return all(says(c) for c in columns)


@dataclass
class Frontier:
    """Precision of ``ok`` against the share of true mappings reaching it, as the threshold
    moves: every prediction is ok at a threshold when it is ``ready`` and its confidence
    reaches it (the suggester's rule; the shipped threshold gives the benchmark's row)."""

    n_true: int = 0
    #: (confidence, right) of every ready prediction
    points: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, truth: Mapping[str, Truth], predictions: list[Prediction]) -> None:
        self.n_true += len(truth)
        for p in predictions:
            if p.ready:
                known = truth.get(p.input)
                right = known is not None and bool(p.ranked) and _right(p.ranked[0], known)
                self.points.append((p.confidence, right))

    def at(self, threshold: float) -> tuple[int, int]:
        """(ok, right ok) at ``threshold``."""
        ok = [right for conf, right in self.points if conf >= threshold - 1e-9]
        return len(ok), sum(ok)

    def rows(self, thresholds: list[float]) -> list[tuple[float, int, int, float, float]]:
        """(threshold, ok, right, precision, share) per threshold."""
        out = []
        for t in thresholds:
            ok, right = self.at(t)
            out.append((t, ok, right, right / ok if ok else 1.0, right / max(1, self.n_true)))
        return out

    def share_at_precision(self, precision: float) -> tuple[float, float] | None:
        """The largest share whose precision reaches ``precision``, and its threshold."""
        return self._best(lambda prec, share: (prec >= precision - 1e-9, share))

    def precision_at_share(self, share: float) -> tuple[float, float] | None:
        """The best precision among thresholds whose share reaches ``share``."""
        return self._best(lambda prec, sh: (sh >= share - 1e-9, prec))

    def _best(
        self, judge: Callable[[float, float], tuple[bool, float]]
    ) -> tuple[float, float] | None:
        """Over every threshold: the best value ``judge`` gives where it says the threshold
        qualifies (``judge(precision, share) -> (qualifies, value)``), with its threshold."""
        best = None
        for t, _ok, _right, prec, share in self.rows(self._cuts()):
            fine, value = judge(prec, share)
            if fine and (best is None or value > best[0]):
                best = (value, t)
        return best

    def _cuts(self) -> list[float]:
        return sorted({conf for conf, _ in self.points})


def _plan_codes(plan: Plan, name: str) -> frozenset[str] | None:
    """The codes the suggested plan takes as the condition: the input's ``true_codes``, or
    where the plan keeps the input elsewhere — a disaggregation's codes, the head codes."""
    mapping = plan.input(name)
    if mapping is not None and mapping.true_codes:
        return _codes(mapping.true_codes)
    dis = next((d for d in plan.disaggregations if d.id == name and d.codes), None)
    if dis is not None:
        return _codes(dis.codes)
    if name == "is_household_head" and plan.datasets.head_codes:
        return _codes(plan.datasets.head_codes)
    return _codes(mapping.true_codes) if mapping is not None else None


def _yes_codes(ds: Dataset, column: str) -> frozenset[str]:
    var = ds.variables[column]
    if var.parent_question:
        return frozenset({"1"})
    labels = {**var.value_labels}
    for more in var.value_labels_i18n.values():
        labels.update(more)
    yes = {canon_code(c) for c, lb in labels.items() if fold(str(lb)).strip() in YES}
    if yes:
        return frozenset(yes)
    values = set(ds.frame[column].dropna().unique().tolist())
    return frozenset({"1"}) if values and values <= {0.0, 1.0} else frozenset()


def baseline(library: Library, datasets: Mapping[str, Dataset]) -> list[Prediction]:
    """Name equals input id (folded): a trivial matcher every suggester must beat."""
    out = []
    names = [*library.inputs, MEMBER_KEY]
    for input_id in names:
        want = "household_id" if input_id == MEMBER_KEY else input_id
        hits = [
            (ds, str(c))
            for ds in datasets.values()
            for c in ds.frame.columns
            if fold(str(c)).strip() == want and (input_id != MEMBER_KEY or ds.unit == "individual")
        ]
        if input_id == "household_id":
            hits = [(ds, c) for ds, c in hits if ds.unit != "individual"] or hits
        if not hits:
            continue
        ds, col = hits[0]
        inp = library.inputs.get(input_id)
        codes = _yes_codes(ds, col) if inp is not None and inp.kind == "condition" else None
        out.append(Prediction(input_id, ((col,),), True, codes))
    return out


MATCHERS: dict[str, Callable[[Library, Mapping[str, Dataset]], list[Prediction]]] = {
    "name = input id (baseline)": baseline,
    "suggester (now)": suggester,
}


def bundled_truth(plan: Plan, input_ids: set[str]) -> dict[str, Truth]:
    """The hand-checked mapping of the bundled Freedonia plan as labels (library inputs only)."""
    truth: dict[str, Truth] = {}
    for m in plan.inputs:
        cols = m.source_columns
        codes = {c: _codes(m.true_codes) for c in cols} if m.true_codes else {}
        truth[m.name] = Truth(m.name, cols, codes)
    links, design = plan.datasets, plan.design
    for input_id, col in (
        ("weight", design.weight), ("stratum", design.strata), ("psu", design.psu),
        ("fpc", design.fpc), ("household_id", links.household_key),
        ("population_group", plan.groups.column), (MEMBER_KEY, links.individual_key),
    ):  # fmt: skip
        if col and (input_id in input_ids or input_id == MEMBER_KEY):
            truth[input_id] = Truth(input_id, (col,))
    for d in plan.disaggregations:
        if d.id not in truth and d.id in input_ids and d.column:
            truth[d.id] = Truth(d.id, (d.column,))
    return truth


def freedonia(folder: Path) -> dict[str, Dataset]:
    """The bundled sample as CSV files labelled by its XLSForm, read by the importer."""
    from workbench.datasets.importing import ImportOptions, read_datasets
    from workbench.sample.generate import generate
    from workbench.sample.write_flat import write_csv
    from workbench.sample.xlsform import write_xlsform

    folder.mkdir(parents=True, exist_ok=True)
    sample = generate(households=400, seed=11)
    write_csv(sample.household, folder / "freedonia_household.csv")
    write_csv(sample.individuals, folder / "freedonia_individual.csv")
    form = write_xlsform(folder / "freedonia_form.xlsx")
    out: dict[str, Dataset] = {}
    for stem, unit in (
        ("freedonia_household", "household"),
        ("freedonia_individual", "individual"),
    ):
        opts = ImportOptions(unit=unit, xlsform=Path(form), default_identifier_action="keep")
        for ds in read_datasets(folder / f"{stem}.csv", opts):
            out[ds.name] = ds
    return out


#: why a true mapping does not reach ok with its true column, in the order they are judged:
#: short header for the table, and what it means
CAUSES: dict[str, tuple[str, str]] = {
    "ok_wrong": ("wrong ok", "top candidate wrong, and marked ok"),
    "wrong_top3": ("wrong 2-3", "top candidate wrong; the right column ranked 2nd or 3rd"),
    "wrong_far": ("wrong >3", "top candidate wrong; the right column lower or not offered"),
    "none": ("no cand.", "no candidate column at all"),
    "held": ("held", "right, held for review by a rule (suggest_held, one column two inputs)"),
    "values_only": ("values", "right, offered on its values alone (no word shared)"),
    "no_codes": ("no codes", "right, a condition whose codes that count were not found"),
    "contradicted": ("contra.", "right, but its answers contradict the input / respondent's"),
    "weak_evidence": ("weak", "right, evidence below MIN_EVIDENCE (0.2)"),
    "low_unlabelled": ("low, name", "right and ready, confidence below the threshold; the "
                       "column has a coded name and no label"),
    "low_labelled": ("low, label", "right and ready, confidence below the threshold; the "
                     "column has a label"),
}  # fmt: skip


def shortfall_cause(truth: Truth, p: Prediction | None) -> str | None:
    """Why a true mapping does not reach ok with a true column (None: it does)."""
    ranked = p.ranked if p is not None else ()
    if not ranked:
        return "none"
    if not _right(ranked[0], truth):
        if p is not None and p.ok:
            return "ok_wrong"
        return "wrong_top3" if any(_right(c, truth) for c in ranked[1:3]) else "wrong_far"
    if p is None or p.ok:
        return None
    if not p.ready:
        blocked = p.blocked or "weak_evidence"
        return "contradicted" if blocked == "respondent" else blocked
    return "low_labelled" if p.labelled else "low_unlabelled"


@dataclass
class Shortfall:
    """The true mappings of a questionnaire (or of the corpus) counted by why they do not reach
    ok (``shortfall_cause``), beside those that do."""

    n_true: int = 0
    ok_right: int = 0
    causes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CAUSES, 0))
    #: (confidence, right, the input has a true column, "input -> column") of every ready
    #: prediction: what a lower threshold would let through
    ready: list[tuple[float, bool, bool, str]] = field(default_factory=list)

    def add(self, truth: Mapping[str, Truth], predictions: list[Prediction]) -> None:
        by_input = {p.input: p for p in predictions}
        for p in predictions:
            if p.ready:
                known = truth.get(p.input)
                right = known is not None and bool(p.ranked) and _right(p.ranked[0], known)
                col = ",".join(p.ranked[0]) if p.ranked else "-"
                self.ready.append((p.confidence, right, known is not None, f"{p.input} -> {col}"))
        for input_id, t in truth.items():
            self.n_true += 1
            cause = shortfall_cause(t, by_input.get(input_id))
            if cause is None:
                self.ok_right += 1
            else:
                self.causes[cause] += 1

    def merge(self, other: Shortfall) -> None:
        self.n_true += other.n_true
        self.ok_right += other.ok_right
        self.ready += other.ready
        for k, v in other.causes.items():
            self.causes[k] += v

    @property
    def ceiling(self) -> float:
        """The share of true mappings ok if every right and ready one reached ok (the threshold
        at 0): what no threshold can beat with the ranking and rules as they are."""
        low = self.causes["low_unlabelled"] + self.causes["low_labelled"]
        return (self.ok_right + low) / max(1, self.n_true)

    def let_through(self, low: float, high: float) -> tuple[int, int, int]:
        """Lowering the threshold from ``high`` to ``low``: the ready predictions it makes ok —
        (right, wrong for an input the questionnaire has, ok for an input it does not have)."""
        band = [(r, has) for c, r, has, _ in self.ready if low - 1e-9 <= c < high - 1e-9]
        right = sum(r for r, _ in band)
        wrong = sum(1 for r, has in band if not r and has)
        return right, wrong, len(band) - right - wrong

    def wrong_between(self, low: float, high: float) -> list[str]:
        """The wrong ready predictions a threshold lowered from ``high`` to ``low`` makes ok."""
        return [f"{what} ({c:.2f}{'' if has else ', input not in the questionnaire'})"
                for c, r, has, what in sorted(self.ready, reverse=True)
                if low - 1e-9 <= c < high - 1e-9 and not r]  # fmt: skip

    @property
    def top1_right(self) -> float:
        """The share whose top candidate is right: the ceiling if no rule held any back."""
        wrong = sum(self.causes[k] for k in ("ok_wrong", "wrong_top3", "wrong_far", "none"))
        return (self.n_true - wrong) / max(1, self.n_true)
