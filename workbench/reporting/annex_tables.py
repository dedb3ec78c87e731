"""NSO annex tables as plain data: indicator tables by group, IRIS stock tabulations, solutions.

Each :class:`AnnexTable` has a title, a notes line, a header in the report's language, an HXL
hashtag row and data rows. Every published value is a *number* (shares in %, one decimal;
counts and amounts whole) in its own column, and its disclosure flag sits in the column after
it (``*`` not published, ``†`` caution, ``–`` no case; ``< 0.5`` a withheld share the engine
publishes as an upper bound, as the report does; empty when the value stands alone), so a
spreadsheet can sum, sort and chart the values. Rows and columns carry labels in the report's
language, never internal codes (JIPS dashboard layout: columns per population group); each
table has a stable ``id`` (the CSV file names, the workbook's defined names) and a ``sheet``
name in the report's language (the tab a person sees).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from workbench.languages import join_list
from workbench.reporting.context import CRITERIA, ReportContext, _in_sentence, after_by
from workbench.reporting.fmt import (
    CAUTION,
    COMPLEMENTARY,
    EMPTY,
    NO_INTERVAL_MARK,
    NO_INTERVAL_REASONS,
    NOT_APPLICABLE,
    SECONDARY,
    SUPPRESSED,
    cell_flag,
    fmt_count,
    fmt_value,
    is_share,
    mark_flag,
    round_share,
    with_flag,
)
from workbench.reporting.i18n import Translator, count_header
from workbench.reporting.solutions_cells import host_inapplicable, not_applicable
from workbench.reporting.solutions_notes import uncovered_notes
from workbench.reporting.summary import below, below_caution
from workbench.reporting.summary_stock import idps_alone
from workbench.reporting.views import axis_label, n_header
from workbench.stats.results import (
    ALL_DISPLACED,
    GROUP_TOTAL,
    STOCK_NOT_STATED,
    STOCK_TOTAL,
    AnalysisResults,
    stock_margin,
)
from workbench.stats.solutions import UNIT as SOLUTIONS_UNIT
from workbench.stats.suppression import BOUNDS

#: the longest sheet name a workbook takes
SHEET_NAME_MAX = 31
#: the id of the indicators' table (its CSV file: ``annex-indicators_by_group.csv``)
INDICATORS = "indicators_by_group"


@dataclass(frozen=True)
class Bound:
    """The flag of a withheld share the engine publishes as an upper bound
    (``share_below``, stats.suppression.headline_bounds): the mark alone, "<" in the report's
    language ("أقل من" in Arabic; "<†" when the bound rests on few cases), its bound a number
    in its own column ("Share (%): upper bound") — a spreadsheet sorting or filtering the bounds
    finds them as numbers (issue 20: "< 0.5" sat as text in the flag column, the share column
    empty) — the share's value cell beside it empty."""

    shown: str
    #: the bound, a proportion (0.005: the bound column's 0.5)
    value: float = 0.0

    def __str__(self) -> str:
        return self.shown


Cell = float | int | str | Bound | None
#: the flag column's symbol for each cell flag
FLAG_SYMBOL = {
    "suppressed": SUPPRESSED,
    COMPLEMENTARY: SECONDARY,  # withheld to protect another value (ar_A 3)
    "caution": CAUTION,
    EMPTY: NOT_APPLICABLE,
}


@dataclass
class AnnexTable:
    id: str
    title: str
    notes: str
    header: list[str]
    hxl: list[str]
    rows: list[list[Cell]]
    #: indices (in ``rows``) of the Total rows: printed in bold in the workbook
    total_rows: tuple[int, ...] = ()
    #: the sheet's name in the report's language (≤ 31 characters); ``id`` stays the file's
    sheet: str = ""
    #: (row in ``rows``, column) → the workbook's number format of that number: thousands
    #: separators and the report's decimals
    formats: dict[tuple[int, int], str] = field(default_factory=dict)


def sheet_name(text: str) -> str:
    """A name a workbook takes for a sheet: brackets as parentheses, none of ``:*?/\\`` (a
    dash instead), at most 31 characters (cut after a word, with an ellipsis; the title row
    gives it in full)."""
    text = " ".join(text.split()).replace("[", "(").replace("]", ")")
    text = re.sub(r"[:*?/\\]", "-", text).strip("'")
    if len(text) <= SHEET_NAME_MAX:
        return text
    cut = text[: SHEET_NAME_MAX - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= SHEET_NAME_MAX // 2 else cut).rstrip(" –×-") + "…"


#: words a shortened sheet name never ends or starts a dimension with ("Years since" → "Years")
_LINKS = (
    "of the since by and in for from de du des le la les depuis par et del el los las desde por y"
)
LINK_WORDS = frozenset(_LINKS.split()) | {"منذ", "في", "من"}
#: a dimension's generic head word, dropped first when a sheet name is too long ("Age group" →
#: "Age", "Groupe d'âge" → "Âge", "Tipo de lugar" → "Lugar")
HEAD_WORDS = frozenset({"group", "type", "groupe", "tranche", "grupo", "tipo", "نوع"})


#: a dimension's shorter name where dropping its head word leaves an adjective
# "المنطقة الأصلية" lost its shared "المنطقة" and left "الأصلية" ("the original", ar_B 6):
# the place of origin is "المنشأ"
SHORTER = {"الفئة العمرية": "العمر", "المنطقة الأصلية": "المنشأ"}


def _word(w: str) -> str:
    """A word as compared: folded, without a French elision ("d'origine" → "origine")."""
    return re.sub(r"^[dl]['’]", "", w.casefold())


def _tidy_words(words: list[str]) -> list[str]:
    """No link word at either end, the first word capitalised and without its elision."""
    while words and _word(words[-1]) in LINK_WORDS | {""}:
        words = words[:-1]
    while words and _word(words[0]) in LINK_WORDS | {""}:
        words = words[1:]
    if not words:
        return words
    first = re.sub(r"^[dlDL]['’]", "", words[0])
    return [first[:1].upper() + first[1:], *words[1:]]


def _stock_sheet(tr: Translator, number: int, dims: list[str]) -> str:
    """ "Stock 3 – Cause of displacement × Year of displacement" as a sheet can be named, in the
    words the report's table header uses and never cut with an ellipsis (the report's ‡ notes
    name the sheet; the title row gives the title in full). A dimension naming its alternatives
    ("Urban / rural": a "/" no sheet name takes) goes by the report's noun for it, "Area"
    (:func:`_named_alternatives`). While too long, in turn — no bracketed part; each dimension
    without the words it shares with another ("District × District of origin" → "District ×
    Origin"); without a generic head word ("Location type" → "Location"); then the longest
    dimension loses its last words; last, a tight dash and a tight "×" — "Stock 5–Location ×
    Urban-rural" closed them up while words could still go (rd17)."""

    def name(parts: list[list[str]], tight: int = 0) -> str:
        dims = "×".join(map(" ".join, parts)) if tight == 2 else " × ".join(map(" ".join, parts))
        text = tr("sheet_stock", number=number, dims=dims)
        return sheet_name(text.replace(" – ", "–", 1) if tight else text)

    def fits(text: str) -> bool:
        return len(text) <= SHEET_NAME_MAX and not text.endswith("…")

    dims = [_named_alternatives(d, tr) for d in dims]
    if fits(full := name([d.split() for d in dims])):
        return full
    tidy, shared, headless = _shorter_dims(dims)
    for parts in (tidy, shared, headless):  # "Stock 5 – A × B", words shortened
        if fits(text := name(parts)):
            return text
    for tight in range(3):  # the longest dimension loses its last words; last, closed up
        parts = [list(p) for p in headless]
        while not fits(name(parts, tight)) and any(len(p) > 1 for p in parts):
            longer = [k for k, p in enumerate(parts) if len(p) > 1]
            i = max(longer, key=lambda k: len(" ".join(parts[k])))
            parts[i] = _tidy_words(parts[i][:-1]) or parts[i][:1]
        if fits(text := name(parts, tight)):
            return text
    return name(parts, 2).rstrip("…")[:SHEET_NAME_MAX]  # cut, never with an ellipsis


def _named_alternatives(dim: str, tr: Translator) -> str:
    """A dimension that names its alternatives ("Urban / rural", a "/" no sheet name takes) by
    the report's own noun for it, its phrase without the brackets ("area (urban / rural)" →
    "Area"): "Stock 5–Location × Urban-rural" closed up its dash and wrote "Urban-rural",
    words the report has nowhere (rd17). Without such a phrase, the "/" is a tight hyphen."""
    if "/" not in dim:
        return dim
    phrase = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", after_by(dim, tr)).strip()
    if phrase and "/" not in phrase and phrase != _in_sentence(dim):
        return phrase[:1].upper() + phrase[1:]
    return re.sub(r"\s*/\s*", "-", dim)


def _shorter_dims(dims: list[str]) -> tuple[list[list[str]], ...]:
    """A stock sheet's dimensions, as words, shorter in turn: no bracketed part; without the
    words one shares with another; without a head word."""
    bare = [re.sub(r"\s*[(\[][^)\]]*[)\]]", "", d) for d in dims]
    tidy = [SHORTER.get(" ".join(d.split()), d).split() for d in bare]  # "الفئة العمرية" → "العمر"
    shared = []
    for i, words in enumerate(tidy):
        others = {_word(w) for k, o in enumerate(tidy) if k != i for w in o}
        kept = _tidy_words([w for w in words if _word(w) not in others])
        shared.append(kept if kept and len(kept) < len(words) else words)
    headless = [_tidy_words([w for w in p if _word(w) not in HEAD_WORDS]) or p for p in shared]
    return tidy, shared, headless


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def value(raw: object, flag: str, statistic: str) -> Cell:
    """A publishable number (shares in %, one decimal; counts and amounts whole), or None."""
    if flag in ("suppressed", COMPLEMENTARY, EMPTY) or raw is None:
        return None
    try:
        x = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if math.isnan(x):
        return None
    shown = round_share(x, statistic) + 0.0  # never "-0.0" (a difference of −0.04 pp)
    return int(shown) if statistic in ("total", "money") else shown


def _flag(r: dict) -> str:
    """A cell's flag as its flag column shows it: ``complementary`` ("(*)") for a complement."""
    return mark_flag(cell_flag(r["flag"], r.get("suppression")), r.get("suppression"))


def pair(raw: object, flag: str, statistic: str) -> list[Cell]:
    """A value and its flag column."""
    return [value(raw, flag, statistic), FLAG_SYMBOL.get(flag, "")]


def number_format(statistic: str) -> str:
    """The workbook's format of a value as the report prints it: thousands separators, shares
    in % with one decimal (the number is the percentage), counts and amounts whole, other
    statistics with two decimals."""
    decimals = 0 if statistic in ("total", "money") else 1 if is_share(statistic) else 2
    return "#,##0" + ("." + "0" * decimals if decimals else "")


#: the format of a count of cases (n)
COUNT_FORMAT = number_format("total")


def with_uncertainty(r: dict | None, flag: str, statistic: str) -> list[Cell]:
    """A value, its flag, its standard error (blank where the engine publishes none: not
    published, no case — a withheld value's error would tell of it), its 95% interval (blank
    where the report prints none: not published, no case, or a count published without an
    interval, ‡ — its flag says so, "‡" or "†‡" as the report prints it —, whose footnote sends
    readers here for the standard error) and its n."""
    if r is None:
        return [None, FLAG_SYMBOL.get(flag, ""), None, None, None, None]
    n = r.get("n")
    count = int(n) if n is not None and pd.notna(n) else None
    value_flag = pair(r["estimate"], flag, statistic)
    if value_flag[0] is not None and str(r.get("no_interval") or "") in NO_INTERVAL_REASONS:
        value_flag[1] = f"{value_flag[1]}{NO_INTERVAL_MARK}"  # "†‡", as the report marks it
    return [
        *value_flag,
        value(r.get("se"), flag, statistic),  # in the estimate's unit and decimals
        value(r.get("ci_low"), flag, statistic),
        value(r.get("ci_high"), flag, statistic),
        count,
    ]


def _uncertainty_headers(tr: Translator, label: str) -> list[str]:
    return [
        *_value_headers(tr, label),
        *(
            tr("annex_column_of", label=label, column=tr(k))
            for k in ("col_se", "col_ci_low", "col_ci_high", "col_n")
        ),
    ]


def _formats(start: int, statistic: str) -> dict[int, str]:
    """Column → format for a value, flag, SE, CI low, CI high, n block starting at ``start``
    (the standard error formatted as its value)."""
    fmt = number_format(statistic)
    return {start: fmt, start + 2: fmt, start + 3: fmt, start + 4: fmt, start + 5: COUNT_FORMAT}


def no_interval(rows: Sequence[Sequence[Cell]]) -> bool:
    """Whether a cell of ``rows`` carries "‡" (a count published without an interval)."""
    return any(isinstance(c, str) and NO_INTERVAL_MARK in c for row in rows for c in row)


def _notes(
    tr: Translator, ctx: ReportContext, ci_n: bool = False, rows: Sequence[Sequence[Cell]] = ()
) -> str:
    """What the sheet's columns hold: each flag's meaning (``ci_n``: and the interval and n
    beside each value); "‡" only where a cell of ``rows`` carries it (rd18 en: every sheet's
    notes explained a "‡" no cell had)."""
    gap = ci_n and no_interval(rows)
    ci = [tr("annex_ci_n_no_interval" if gap else "annex_ci_n")] if ci_n else []
    return " ".join([flag_legend(tr, ctx, ci_n, gap), *ci])


def marks_combine(tr: Translator, gap: bool = False) -> str:
    """The sentence on marks that combine in a cell ("< 0.5†"; ``gap``: and "†‡")."""
    key = "annex_marks_combine_no_interval" if gap else "annex_marks_combine"
    return tr(key, bound=f"{bound_mark(tr)}{CAUTION}")


def flag_legend(tr: Translator, ctx: ReportContext, ci_n: bool = False, gap: bool = False) -> str:
    """Each flag's meaning, as a sheet's notes give it (``gap``: with the ‡ of counts
    without an interval, where a cell has it); the CSVs' file list names the legend file
    instead (ar_B 7)."""
    return " ".join(
        [tr("annex_flags"), tr("fn_suppressed", preset=ctx.preset_name),
         tr("fn_complementary"), ctx.caution_note or tr("fn_caution"),
         tr("fn_empty"), tr("fn_assessment_not_applicable"),
         *([tr("annex_no_interval")] if ci_n and gap else []),
         # "< 0.5†", "†‡": a script filtering on "†" by equality missed them (fr_B 4)
         marks_combine(tr, ci_n and gap)]
    )  # fmt: skip


def outside_population(results: AnalysisResults) -> set[tuple[str, str]]:
    """(indicator, group) where the group has no case in the indicator's population (its total
    empty: the question is not asked of it): the report's row reads "Not applicable" with blank
    cells, so the annex flags its cells "Not applicable", not "–" (en_B 4, fr_B 6: Module B's
    returnees read "–", "no case in this group", in the annex)."""
    est = results.estimates
    tot = est[est["disaggregation"] == GROUP_TOTAL]
    return {
        (str(r["indicator_id"]), str(r["group"]))
        for r in tot.to_dict("records")
        if cell_flag(r["flag"], r.get("suppression")) == EMPTY
    }


def _value_headers(tr: Translator, label: str) -> list[str]:
    return [label, tr("annex_flag_of", label=label)]


def _criterion(tr: Translator, ctx: ReportContext, c: str) -> str:
    """A criterion or module as the report's headings name it ("Criterion 1: Safety …",
    "Module A: population profile")."""
    name = ctx.criteria[c].shown() if c in ctx.criteria else ""
    if c in CRITERIA:
        return tr("criterion_title", number=c, name=name)
    if c not in ("A", "B"):
        return name or c
    default = tr("module_a") if c == "A" else tr("module_b")
    return default if name in ("", default) else tr(f"module_title_{c.lower()}", name=name)


def indicator_table(results: AnalysisResults, ctx: ReportContext) -> AnnexTable:
    """Indicators (rows, grouped by criterion) × population groups (columns: value, flag,
    standard error, 95% CI, n); totals only."""
    tr = Translator(ctx.language)
    groups = ctx.displaced + ([ctx.comparator] if ctx.comparator else [])
    tags = _group_tags(results, ctx)
    header = [tr("criterion"), tr("col_indicator"), tr("col_unit"), tr("col_n_unit"),
              tr("col_unit_of_value")]  # fmt: skip
    hxl = ["#indicator+criterion", "#indicator+name", "#meta+unit", "#meta+unit+n",
           "#indicator+unit"]  # fmt: skip
    for g in groups:
        header += _uncertainty_headers(tr, g.label.shown())
        tag = tags[g.code]
        hxl += [f"#indicator+value+{tag}", f"#meta+flag+{tag}", f"#indicator+value+{tag}+se",
                f"#indicator+value+{tag}+low", f"#indicator+value+{tag}+high",
                f"#meta+n+{tag}"]  # fmt: skip
    header.append(tr("col_indicator_id"))
    hxl.append("#indicator+code")
    est = results.estimates
    tot = est[est["disaggregation"] == GROUP_TOTAL]
    index = {(str(r["indicator_id"]), str(r["group"])): r for r in tot.to_dict("records")}
    outside = outside_population(results)
    order = ["A", *CRITERIA, "B"]
    infos = sorted(
        ctx.indicators.values(),
        key=lambda i: order.index(i.criterion) if i.criterion in order else 99,
    )
    rows: list[list[Cell]] = []
    formats: dict[tuple[int, int], str] = {}
    for info in infos:
        n_counts = "household" if n_header(info) == "col_n_household" else info.counted
        unit, n_unit = f"unit_{info.counted}", f"unit_{n_counts}"
        row: list[Cell] = [
            _criterion(tr, ctx, info.criterion),
            info.title.shown(),
            tr(unit) if tr.has(unit) else "",
            # what n counts: households for a count of separated members (n = 150 read as
            # 150 people; the report heads it "n (households)")
            tr(n_unit) if tr.has(n_unit) else "",
            axis_label(info, ctx),
        ]
        for g in groups:
            r = index.get((info.id, g.code))
            # no estimate of the group: nothing to estimate, flagged as such
            flag = EMPTY if r is None else _flag(r)
            start = len(row)
            row += with_uncertainty(r, flag, info.shown_as)
            if (info.id, g.code) in outside:  # "Not applicable", as the report's row
                row[start + 1] = tr("assessment_not_applicable")
            formats.update({(len(rows), c): f for c, f in _formats(start, info.shown_as).items()})
        row.append(info.id)
        rows.append(row)
    sheet = sheet_name(tr("sheet_indicators"))
    title = tr("annex_indicators")
    return AnnexTable(
        INDICATORS, title, _notes(tr, ctx, ci_n=True, rows=rows), header, hxl, rows, sheet=sheet,
        formats=formats,
    )  # fmt: skip


def _group_tags(results: AnalysisResults, ctx: ReportContext) -> dict[str, str]:
    """Each population group's HXL attribute: "host" for the comparator, "returnees" for the
    returnee group (the displaced groups the IDPs-alone count leaves out; "idps_3" read as
    IDPs), "idps_<code>" for the others."""
    alone = dict(results.meta.get("stock_idps") or {}).values()
    idps = {str(c) for v in alone for c in (dict(v).get("groups") or ())}
    returnees = [g.code for g in ctx.displaced if idps and g.code not in idps]
    tags = {g.code: f"idps_{_slug(g.code)}" for g in ctx.displaced}
    for code in returnees:
        tags[code] = "returnees" if len(returnees) == 1 else f"returnees_{_slug(code)}"
    if ctx.comparator:
        tags[ctx.comparator.code] = "host"
    return tags


def _hxl_for(var: str) -> str:
    if var in ("district", "location", "adm1", "current_location"):
        return "#adm1+name"
    if var in ("origin", "district_of_origin", "place_of_origin", "origin_location"):
        return "#adm1+name+origin"
    if var in ("sex",):
        return "#group+sex"
    if var in ("age_group", "age"):
        return "#group+age"
    if var in ("year", "year_of_displacement", "displacement_year"):
        return "#date+year+displacement"
    if var in ("cause", "displacement_cause"):
        return "#cause+displacement"
    return f"#meta+{_slug(var)}"


def _hxl_attribute(var: str, value: str) -> str:
    """A column level as an HXL attribute (lowercase letters, digits and "_", starting with a
    letter): a place of origin says so ("origin_alvora"; "+alvora" read as the current
    place), a level starting with a digit gets its variable's word ("year_2012", "age_0_4")."""
    slug = _slug(value)
    word = _hxl_for(var).split("+")[-1]  # "origin", "displacement", "age", "sex", "name"…
    if word == "displacement" and "year" in _hxl_for(var):
        word = "year"
    if word == "origin" or not slug[:1].isalpha():
        prefix = word if word.isalpha() and word not in ("name",) else _slug(var)
        return f"{prefix}_{slug}"
    return slug


def _lower(label: str) -> str:
    """A label inside a phrase ("District" → "district"); an acronym keeps its capitals."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _dis_label(ctx: ReportContext, dis: str) -> str:
    return ctx.disaggregations[dis].shown() if dis in ctx.disaggregations else dis


def _group_label(tr: Translator, ctx: ReportContext, code: str) -> str:
    return tr("all_displaced") if code == ALL_DISPLACED else ctx.group(code).label.shown()


def withheld_rows_note(
    tr: Translator, ctx: ReportContext, part: pd.DataFrame, group: str = ""
) -> str:
    """The note that names the rows of a two-way stock table (all displaced groups together)
    whose cells are mostly not published though their Total is, and says why (issue 20, en_B 9,
    ar_B 13: "Conflict and disaster" showed 11 "(*)" and "*" of 15 years, "Not stated" 12 of
    13 — a page of lone asterisks with no explanation); "" when there is none. It describes the
    engine's suppression, it decides nothing. ``group``: the rows' group named with each (the
    annex sheet has every group's rows: "All displaced, Not stated")."""
    part = part[part["group"].astype(str) == ALL_DISPLACED]
    if part.empty or not str(part["col_var"].iloc[0] or ""):
        return ""
    kind = stock_margin(part)
    row_var, col_var = str(part["row_var"].iloc[0]), str(part["col_var"].iloc[0])
    hidden = [
        cell_flag(f, s) == "suppressed"
        for f, s in zip(part["flag"], part.get("suppression", [""] * len(part)), strict=True)
    ]
    empty = [str(s or "") == "empty" for s in part.get("suppression", [""] * len(part))]
    frame = part.assign(_kind=kind, _hidden=hidden, _empty=empty)
    named, whole = [], []
    for level, rows in frame.groupby(frame["row_value"].astype(str), sort=False):
        cells = rows[(rows["_kind"] == "") & ~rows["_empty"]]
        margin = rows[rows["_kind"] == "row"]
        withheld = int(cells["_hidden"].sum())
        if len(cells) < 3 or 2 * withheld <= len(cells) or margin.empty:
            continue
        if bool(margin["_hidden"].iloc[0]):  # its Total withheld too: the marks' notes say it
            continue
        label = ctx.level(row_var, level).shown()
        # the group and the row as the sheet's two columns name them, not one "A × B" label no
        # row carries (en_B 3)
        label = tr("stock_row_of_group", group=group, row=label) if group else label
        named.append(tr("stock_row_withheld", row=label, hidden=withheld, cells=len(cells)))
        whole.append(withheld == len(cells))
    if not named:
        return ""
    # the head word by the counts: "15 of 15" is wholly withheld, not "almost entirely" (rd17)
    head = "wholly" if all(whole) else "mixed" if any(whole) else "mostly"
    cols = ctx.breakdown(col_var, ctx.stock_units.get(str(part["table"].iloc[0]), ""))
    return tr(
        "fn_stock_rows_withheld",
        head=tr(f"stock_rows_withheld_{head}"),
        rows=join_list(named, ctx.language, conjunction=True),
        cols=after_by(cols.removesuffix(" (IRIS)").strip(), tr),
    )


def stock_sheets(stock: pd.DataFrame, ctx: ReportContext) -> dict[str, str]:
    """Each IRIS table's sheet in the workbook, by the table's id ("Stock 2 – District ×
    District…"): numbered in the results' order (the report's ‡ footnote names it too)."""
    tr = Translator(ctx.language)
    out = {}
    for number, (tid, part) in enumerate(stock.groupby("table", sort=False), start=1):
        dims = [str(part["row_var"].iloc[0]), str(part["col_var"].iloc[0] or "")]
        out[str(tid)] = _stock_sheet(tr, number, [_dis_label(ctx, v) for v in dims if v])
    return out


def stock_tables(results: AnalysisResults, ctx: ReportContext) -> list[AnnexTable]:
    """One table per IRIS tabulation: rows (group × row level), columns of the second variable,
    each a count, its flag, its standard error, its 95% interval and its n (what the results
    hold)."""
    tr = Translator(ctx.language)
    st = results.stock
    out: list[AnnexTable] = []
    if st.empty:
        return out
    sheets = stock_sheets(st, ctx)
    for tid, part in st.groupby("table", sort=False):
        row_var, col_var = str(part["row_var"].iloc[0]), str(part["col_var"].iloc[0] or "")
        ordered = part.sort_values("col_rank", kind="stable") if "col_rank" in part else part
        cols = [str(c) for c in dict.fromkeys(ordered["col_value"].fillna("").astype(str))]
        unit = ctx.stock_units.get(str(tid), "")
        count = count_header(tr, unit)  # what a one-way table's counts count
        rows_head = ctx.breakdown(row_var, unit)  # whose, as the report says
        # columns of places of origin, or of the rows' levels (current district ×
        # district of origin: "Alvora" both ways): each says which it is — "Current district",
        # "District of origin: Alvora" (en_B 8: the columns said nothing of origin)
        # places only: "Not stated" is a level of cause and of year alike (fr_B 4, ar_B 1: the
        # cause × year rows read "Cause du déplacement de résidence")
        void = ("", STOCK_TOTAL, STOCK_NOT_STATED)
        shared = {
            ctx.level(row_var, str(v)).shown() for v in part["row_value"] if v not in void
        } & {ctx.level(col_var, c).shown() for c in cols if c not in void}
        origin = bool(col_var) and (bool(shared) or _hxl_for(col_var).endswith("+origin"))
        if origin and (bool(shared) or _hxl_for(row_var) == "#adm1+name"):
            rows_head = tr("annex_current_level", label=rows_head, label_lower=_lower(rows_head))
        header = [tr("col_group"), rows_head]
        hxl = ["#affected+group", _hxl_for(row_var)]
        for c in cols:
            label = ctx.level(col_var, c).shown() if c else count
            if origin and c and c != STOCK_TOTAL:
                label = tr("labelled", label=_dis_label(ctx, col_var), text=label)
            label = tr("total") if c == STOCK_TOTAL else label
            header += _uncertainty_headers(tr, label)
            tag = f"+{_hxl_attribute(col_var, c)}" if c else ""
            hxl += [f"#affected+idps+num{tag}", f"#meta+flag{tag}", f"#affected+idps+num{tag}+se",
                    f"#affected+idps+num{tag}+low", f"#affected+idps+num{tag}+high",
                    f"#meta+n{tag}"]  # fmt: skip
        index = {
            (str(r["group"]), str(r["row_value"]), str(r["col_value"] or "")): r
            for r in part.to_dict("records")
        }
        rows: list[list[Cell]] = []
        formats: dict[tuple[int, int], str] = {}
        # every group gets every row level; a cell the engine has no row for has no case (a
        # tabulation leaves zero-case combinations out): "–", never an unflagged blank
        by_row = part.sort_values("row_rank", kind="stable") if "row_rank" in part else part
        levels = list(dict.fromkeys(by_row["row_value"].astype(str)))
        for g in dict.fromkeys(part["group"].astype(str)):
            glabel = _group_label(tr, ctx, g)
            for rv in levels:
                rlabel = tr("total") if rv == STOCK_TOTAL else ctx.level(row_var, rv).shown()
                row: list[Cell] = [glabel, rlabel]
                for c in cols:
                    r = index.get((g, rv, c))
                    flag = EMPTY if r is None else _flag(r)
                    formats.update(
                        {(len(rows), k): f for k, f in _formats(len(row), "total").items()}
                    )
                    row += with_uncertainty(r, flag, "total")
                rows.append(row)
        title = ctx.stock_titles[str(tid)].shown() if str(tid) in ctx.stock_titles else str(tid)
        totals = tuple(i for i, r in enumerate(rows) if r[1] == tr("total"))
        notes = _notes(tr, ctx, ci_n=True, rows=rows)
        if tr.has(f"universe_unit_{unit}"):  # what every count of the table counts
            notes = tr(f"universe_unit_{unit}") + ". " + notes
        notes += _idps_alone_note(results, ctx, str(tid))
        if any(SECONDARY in row for row in rows):  # its "(*)" rows' blank n (en_B 2, ar_B 1)
            notes += " " + tr("fn_stock_n_withheld")
        if withheld := withheld_rows_note(tr, ctx, part, tr("all_displaced")):  # the pooled rows
            notes += " " + withheld
        sheet = sheets[str(tid)]
        out.append(
            AnnexTable(f"stock_{tid}", title, notes, header, hxl, rows, totals, sheet, formats)
        )
    return out


def _idps_alone_note(results: AnalysisResults, ctx: ReportContext, tid: str) -> str:
    """The IDPs alone, without returnees, as the report's stock table prints them after its
    Total (issue 20): their count, its interval and n, and which groups they are."""
    alone = idps_alone(results, ctx, tid)
    if alone is None:
        return ""
    _label, v, notes = alone
    tr, lang = Translator(ctx.language), ctx.language
    # "(*)" when only a group's withheld total withholds it, as the report's row (summary.py)
    flag = mark_flag(cell_flag(v.get("flag"), ""), v.get("suppression", ""))
    count = with_flag(fmt_count(v.get("estimate"), lang), flag) or "*"
    low, high = v.get("ci_low"), v.get("ci_high")
    if low is not None and high is not None:
        count += tr("stock_ci", low=fmt_count(low, lang), high=fmt_count(high, lang))
    elif v.get("se") is not None:  # ‡: its footnote sends here
        count += tr("stock_se", se=fmt_count(v.get("se"), lang))
    names = [_in_sentence(ctx.group(str(c)).label.shown()) for c in v.get("groups") or ()]
    groups = join_list(names, lang, conjunction=True)
    line = tr("annex_stock_idps", groups=groups, count=count, n=fmt_count(v.get("n"), lang))
    return " " + " ".join([line, *notes[1:]])  # notes[0] says it of the report's table


def solutions_table(results: AnalysisResults, ctx: ReportContext) -> AnnexTable | None:
    sol = results.solutions
    if sol.empty:
        return None
    tr = Translator(ctx.language)
    header = [
        tr("solutions_method"),
        tr("col_group"),
        tr("col_breakdown"),
        tr("col_level"),
        *_value_headers(tr, share_head := tr("col_share") + " (%)"),
        bound_header(tr),
        tr("annex_column_of", label=share_head, column=tr("col_se")),
        tr("col_ci_low") + " (%)",
        tr("col_ci_high") + " (%)",
        *_value_headers(tr, number_head := count_header(tr, SOLUTIONS_UNIT)),
        tr("annex_column_of", label=number_head, column=tr("col_se")),
        tr("col_assessable"),
    ]
    hxl = ["#meta+method", "#affected+group", "#meta+disaggregation", "#meta+value",
           "#indicator+value+pct", "#meta+flag+pct", "#indicator+value+pct+max",
           "#indicator+value+pct+se",
           "#indicator+value+pct+low", "#indicator+value+pct+high",
           "#affected+idps+num+solutions", "#meta+flag+num", "#affected+idps+num+solutions+se",
           "#meta+n"]  # fmt: skip
    rows: list[list[Cell]] = []
    records = sol.to_dict("records")
    host_na = host_inapplicable(ctx, records)  # never displaced: no origin, cause or year
    for r in records:
        flag = _flag(r)
        dis, level = str(r["disaggregation"]), str(r["disaggregation_value"])
        total = dis == GROUP_TOTAL
        share = pair(r["share"], flag, "proportion")
        limit = below(r)
        bound = _bound(tr, limit, ctx.language, below_caution(r))
        counted = flag  # the number's flag
        upper: Cell = None  # the bound's own column: a number, as the share's
        if limit is not None and bound is not None:  # withheld, published as the report's bound
            share, upper = [None, bound], value(limit, "", "proportion")  # in %, as the shares
            # its number "(*)" whatever withheld the share, as the report's table and note
            # ("withheld (*) where the share is published only as an upper bound"; en_B 4: "*"
            # beside n 286, "(*)" beside n 266)
            counted = COMPLEMENTARY
        number = pair(r["number"], counted, "total")
        if not_applicable(ctx, r, host_na):  # the report's words, not "–" (en_B 4, rd18 en p.74)
            share[1] = number[1] = tr("assessment_not_applicable")
        rows.append(
            [
                ctx.solutions_methods.get(str(r["method"]), str(r["method"])),
                _group_label(tr, ctx, str(r["group"])),
                tr("total") if total else ctx.breakdown(dis, SOLUTIONS_UNIT),  # the head's
                "" if total else ctx.level(dis, level).shown(),
                *share,
                upper,
                value(r.get("se"), flag, "proportion"),  # none for a bound: it is withheld
                value(r["ci_low"], flag, "proportion"),
                value(r["ci_high"], flag, "proportion"),
                *number,
                value(r.get("number_se"), counted, "total"),
                int(r["n_assessable"]) if pd.notna(r["n_assessable"]) else None,
            ]
        )
    totals = tuple(i for i, r in enumerate(rows) if r[2] == tr("total"))
    notes = _notes(tr, ctx)  # the legend (with "<": the bound column's meaning)
    # a breakdown's rows leave "Not stated" households out, as the report's note says (fr_B 7)
    head = sol[sol["method"] == sol["method"].iloc[0]]
    labels = {c: _group_label(tr, ctx, c) for c in dict.fromkeys(head["group"].astype(str))}
    notes = " ".join([notes, *uncovered_notes(tr, ctx, head, labels)])
    sheet = sheet_name(tr("solutions"))
    pct = number_format("proportion")
    count = COUNT_FORMAT  # share, its bound, SE and interval; number, its SE; n assessable
    by_column = {4: pct, 6: pct, 7: pct, 8: pct, 9: pct, 10: count, 12: count, 13: count}
    formats = {(i, c): f for i in range(len(rows)) for c, f in by_column.items()}
    return AnnexTable(
        "solutions", tr("solutions"), notes, header, hxl, rows, totals, sheet, formats
    )


def _bound(tr: Translator, bound: float | None, lang: str, caution: bool = False) -> Bound | None:
    """The flag of a share the engine publishes as "below ``bound``" (in %): the mark "<" in
    the report's language, with † when the bound rests on few cases (``caution``); the bound
    itself goes in its own column."""
    if bound is None:
        return None
    return Bound(bound_mark(tr) + (CAUTION if caution else ""), bound)


def bound_mark(tr: Translator) -> str:
    """The mark of a share published as an upper bound: the report's "<" ("< 0.5%") without
    its number ("أقل من" in Arabic)."""
    return tr("value_below", value="").strip()


def bound_header(tr: Translator) -> str:
    """The header of the solutions sheet's column of upper bounds: "Share (%): upper bound"."""
    head = tr("col_share") + " (%)"
    return tr("annex_column_of", label=head, column=tr("col_upper_bound"))


def bound_flags(tr: Translator, lang: str) -> list[str]:
    """Each bound the engine may publish (stats.suppression.BOUNDS), smallest first, with its
    "%" as the report's "<" note lists them — en_B 8, ar_B 2: the legend listed the bounds this run
    printed ("0.5, 1.0, 2.0, 5.0"), the report's note "0.5%, 1.0%, 2.0%, 5.0% and 10.0%"."""
    return [fmt_value(b, "proportion", lang) for b in BOUNDS]  # "0,5 %": a comma list reads


def annex_tables(results: AnalysisResults, ctx: ReportContext) -> list[AnnexTable]:
    """Every annex table from the *publishable* results."""
    from workbench.reporting.annex_criteria import criteria_table
    from workbench.reporting.annex_long import long_tables

    pub = results.publishable()
    tables = [indicator_table(pub, ctx), *long_tables(pub, ctx), *stock_tables(pub, ctx)]
    # the summary's traffic light as numbers: better and limited evidence included
    crit = criteria_table(pub, ctx)
    tables += [crit] if crit is not None else []
    sol = solutions_table(pub, ctx)
    return tables + ([sol] if sol is not None else [])
