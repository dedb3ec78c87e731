"""The translation check: every visible string of the report that is not in its language.

Two kinds are counted, over exactly what will be printed (every table header and cell, chart
category and legend, the cover's texts):

- **leaked** — a string printed in English *although a translation exists*: the run snapshot
  has the label in the report's language (plan, library, dataset value labels) or the report
  catalogue translates the word (``term:…``). This is an error: the gate fails, because the
  report would mislead a reader into thinking nothing better was available (French reports
  showed "Urban / rural" and "Don't know" while the check said "passed").
- **marked** — a label no catalogue and no label of the data translates, printed in the plan's
  language with the visible ``[en]`` marker. One warning counts them (with examples), so the
  validation annex says how much of the report is not in its language.
- **plan text** — the plan's own free text (the ``[report]`` area, reference period, subtitle
  and producing office; each indicator's adaptation ``note``) with no version in the report's
  language, printed in the plan's language and marked. One warning names each such field as
  the plan writes it (``report.office``, ``indicators.c3_below_poverty_line.note``), so the user
  knows what to give in this language.
- **raw names** — a variable's name from the data file printed in brackets inside a label or
  a sentence ("Sampling stratum (stratum)", "(ea_id)"): no reader reads it, in any language. One
  warning counts them (the French report said "every label is in the report's language: passed"
  while printing four). The methodology's own column of file variables
  (``ReportContext.design_variables``) names them on purpose and is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from workbench.findings import Finding
from workbench.reporting.context import FALLBACK_MARK, ReportContext
from workbench.reporting.i18n import catalog
from workbench.reporting.views import IndicatorView
from workbench.stats.snapshot import RunSnapshot, Texts

CODE = "report.labels_translated"
EXAMPLES = 4


def known_translations(snap: RunSnapshot, lang: str) -> dict[str, str]:
    """English text → its text in ``lang``, from the run's words and the report catalogue."""
    pairs: dict[str, str] = {}

    def add(texts: Texts) -> None:
        en, there = texts.get("en"), texts.get(lang)
        if en and there and there != en:
            pairs.setdefault(en, there)

    t = snap.texts
    for g in t.groups:
        add(g.labels)
    for d in t.disaggregations:
        add(d.labels)
        for lv in d.levels:
            add(lv.labels)
    for i in t.indicators:
        add(i.title)
    for c in t.criteria:
        add(c.name)
        add(c.short)
    for labels in t.design.labels.values():
        add(labels)
    en, here = catalog("en"), catalog(lang)
    for key, text in en.items():
        if key.startswith("term:") and here.get(key) and here[key] != text:
            pairs.setdefault(text, here[key])
    return pairs


def visible_strings(ctx: ReportContext, views: dict[str, IndicatorView]) -> Iterator[str]:
    """Every word-bearing string the report prints from the run's words (not its catalogue)."""
    yield from (ctx.subtitle.shown(), ctx.area.shown(), ctx.reference_period.shown())
    yield ctx.office.shown()
    yield from (g.label.shown() for g in ctx.groups)
    yield from (lab.shown() for lab in ctx.criteria.values())
    yield from (lab.shown() for lab in ctx.disaggregations.values())
    yield from (lab.shown() for lab in ctx.levels.values())
    yield from (lab.shown() for lab in ctx.stock_titles.values())
    yield from ctx.design.values()  # the design variables' labels (methodology)
    for v in views.values():
        yield v.info.title.shown()
        tables = [v.table] + [t for _d, _l, t, _c in v.disaggregations]
        charts = [v.chart] + [c for _d, _l, _t, c in v.disaggregations]
        for t in tables:
            yield from t.header
            yield from (cell for row in t.rows for cell in row)
        for c in charts:
            yield from c.categories
            yield from (s.name for s in c.series)


def plan_text_fields(ctx: ReportContext) -> list[str]:
    """The plan's free-text fields printed in another language than the report's (marked)."""
    cover = {"subtitle": ctx.subtitle, "area": ctx.area,
             "reference_period": ctx.reference_period, "office": ctx.office}  # fmt: skip
    out = [f"report.{key}" for key, label in cover.items() if label.untranslated]
    return out + [
        f"indicators.{i.id}.note"
        for i in ctx.indicators.values()
        if i.contextualised and i.contextualised.endswith(FALLBACK_MARK)
    ]


def file_names(snap: RunSnapshot) -> set[str]:
    """The data file's variable names the run's words could print: the design's variables and
    the consent column."""
    d = snap.texts.design
    names = {n for n in (d.weight, d.strata, d.psu, d.fpc) if n} | set(d.labels)
    consent = dict(snap.exclusions).get("consent_column")
    return names | ({str(consent)} if consent else set())


def _raw_names(strings: Iterable[str], names: set[str]) -> list[str]:
    """The strings that print a file variable's name in brackets ("(ea_id)", "(column
    consent)")."""
    if not names:
        return []
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"\((?:[^()]*\s)?(?:{alternatives})\)")
    return sorted({s for s in strings if s and pattern.search(s)})


def _leaks(strings: Iterable[str], known: dict[str, str]) -> list[str]:
    out = set()
    for s in strings:
        if not s or s.endswith(FALLBACK_MARK) or not any(ch.isalpha() for ch in s):
            continue
        if s in known or any(s.startswith(en + " (") for en in known if len(en) > 3):
            out.add(s)
    return sorted(out)


def check_languages(
    ctx: ReportContext, views: dict[str, IndicatorView], snap: RunSnapshot
) -> list[Finding]:
    """An error for strings shown in English that could be translated; a warning counting the
    marked ones (English reports have neither); a warning counting the texts that print a
    data file's variable name (in every language)."""
    strings = list(visible_strings(ctx, views))
    out: list[Finding] = []
    raw = _raw_names(strings, file_names(snap))
    if raw:
        examples = "; ".join(raw[:EXAMPLES])
        out.append(
            Finding.of(CODE, "warning", wording="raw_names", count=len(raw), examples=examples)
        )
    if ctx.language == "en":
        return out
    leaked = _leaks(strings, known_translations(snap, ctx.language))
    if leaked:
        examples = "; ".join(leaked[:EXAMPLES])
        out.append(
            Finding.of(CODE, "error", wording="leaked", count=len(leaked), examples=examples)
        )
    fields = plan_text_fields(ctx)
    if fields:
        out.append(
            Finding.of(
                CODE, "warning", wording="plan_text", count=len(fields), fields=", ".join(fields)
            )
        )
    cover = {ctx.subtitle.shown(), ctx.area.shown(), ctx.reference_period.shown()}
    cover.add(ctx.office.shown())  # counted above, by the field that holds it
    marked = sorted(
        {s.removesuffix(FALLBACK_MARK) for s in strings if s.endswith(FALLBACK_MARK)}
        - {s.removesuffix(FALLBACK_MARK) for s in cover}
    )
    if marked:
        examples = "; ".join(marked[:EXAMPLES])
        out.append(
            Finding.of(CODE, "warning", wording="marked", count=len(marked), examples=examples)
        )
    return out
