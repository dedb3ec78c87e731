"""Chart marks and axes read page by page (issue 20, charts): four suppressed bars of one
level drew a single "*", a "–" was drawn over a "*", values the tables flag † were not marked
in the charts, and indicators whose every value lies under 10% were drawn on a 0–100 axis
where no bar could be read. Measured on the drawn figure, in English, French and Arabic."""

from __future__ import annotations

import itertools
import math

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex

from workbench.reporting.charts import chart_figure
from workbench.reporting.charts_axes import share_top
from workbench.reporting.charts_marks import MARK_GAP, NO_CASE_INK, no_case_mark
from workbench.reporting.fmt import CAUTION, EMPTY, SUPPRESSED
from workbench.reporting.i18n import Translator
from workbench.reporting.rtl import without_marks
from workbench.reporting.views import ChartData, Series

NAN = math.nan
GROUPS = ["IDPs in camps", "IDPs outside camps", "Returnees", "Host community"]
LEVELS = ["Alvora", "Bendeki", "Corvalle", "Dunmere"]
#: per level, per group: (share, flag)
CELLS = [
    [(NAN, "suppressed"), (NAN, "suppressed"), (NAN, EMPTY), (0.04, "")],
    [(0.06, ""), (0.05, "caution"), (0.03, ""), (0.02, "")],
    [(NAN, EMPTY), (0.02, ""), (NAN, "suppressed"), (0.03, "")],
    [(NAN, "suppressed")] * 4,
]


def _ci(values: list[float], d: float) -> list[float]:
    return [v + d if not math.isnan(v) else NAN for v in values]


def _charts(scale: float = 1.0) -> tuple[ChartData, ChartData]:
    vals = [0.05 * scale, NAN, 0.07 * scale, 0.03 * scale]
    main = ChartData(
        GROUPS, [Series("x", "all", vals, _ci(vals, -0.01), _ci(vals, 0.015),
                        ["", "suppressed", "caution", ""])], "proportion", 3, "%",
    )  # fmt: skip
    series = []
    for j, name in enumerate(GROUPS):
        v = [CELLS[i][j][0] * (scale if CELLS[i][j][0] == CELLS[i][j][0] else 1) for i in range(4)]
        f = [CELLS[i][j][1] for i in range(4)]
        series.append(Series(name, str(j), v, _ci(v, -0.01), _ci(v, 0.02), f, j == 3))
    return main, ChartData(LEVELS, series, "proportion", axis="%")


def _drawn(lang: str, scale: float = 1.0):
    main, part = _charts(scale)
    fig = chart_figure(main, [("District", part)], 6.7, "Total", lang == "ar", lang)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return fig, canvas.get_renderer()


def _panel(fig, title: str):
    return next(ax for ax in fig.axes if ax.get_title() == title)


def _marks(ax, renderer, symbol: str) -> list:
    return [t.get_window_extent(renderer) for t in ax.texts if t.get_text() == symbol]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_every_hidden_bar_has_its_mark_in_its_own_slot_and_none_touches(lang):
    """Readers saw one mark per hidden bar stepped bar by bar as a diagonal staircase, marks one
    over another as "****", one shared mark for four bars that could not be matched to a group,
    and (fr_A 7) the marks of neighbours side by side in slots 3.8 pt tall, crowding one
    another: each hidden bar has its own mark, at its own bar's height, in its bar's colour
    ("–" too: en_A 2), and no two marks' boxes overlap."""
    fig, renderer = _drawn(lang)
    total, district = _panel(fig, "Total"), _panel(fig, "District")
    assert len(_marks(total, renderer, SUPPRESSED)) == 1
    marks = [t for t in district.texts if t.get_text() != CAUTION]
    hidden = sorted(p.get_y() + p.get_height() / 2 for p in district.patches
                    if p.get_width() == 0)  # fmt: skip
    assert sorted(t.xy[1] for t in marks) == pytest.approx(hidden)
    # Alvora: two hidden and one no case; Corvalle: a no case and a hidden bar; Dunmere: four
    assert sorted(t.get_text() for t in marks) == sorted(
        [SUPPRESSED] * 7 + [no_case_mark(lang)] * 2
    )  # fmt: skip
    dunmere = {to_hex(t.get_color()) for t in marks if -0.5 < t.xy[1] < 0.5}
    assert len(dunmere) == 4  # each in its bar's colour: whose it is
    dash_ink = {to_hex(t.get_color()) for t in marks if t.get_text() == no_case_mark(lang)}
    assert to_hex(NO_CASE_INK) not in dash_ink
    for a, b in itertools.combinations(marks, 2):
        ba, bb = a.get_window_extent(renderer), b.get_window_extent(renderer)
        assert not ba.overlaps(bb), (lang, a.get_text(), b.get_text())


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_no_case_mark_cannot_be_read_as_a_short_bar(lang):
    """The demo's household-size chart drew "–" (no case) for IDPs in camps in Corvalle as a
    blue dash on the zero line: it read as a bar of 0.2 people per household; 5 pt clear of
    it, a coloured dash alone still read as a bar of about 3% (en p.6). The mark says it in
    words ("– no case", the key's own entry, which the key then leaves out), clear of the zero
    line, in its group's colour (en_A 2: in black nothing tied it to one)."""
    fig, renderer = _drawn(lang)
    words = Translator(lang)("chart_mark_empty")
    assert no_case_mark(lang) == words and len(words) > 3
    assert all(words not in t.get_text() for t in fig.texts)
    district = _panel(fig, "District")
    zero = district.transData.transform((0, 0))[0]
    dashes = [t for t in district.texts if t.get_text() == no_case_mark(lang)]
    assert dashes
    for t in dashes:
        box = t.get_window_extent(renderer)
        gap = (zero - box.x1) if lang == "ar" else (box.x0 - zero)
        assert gap >= 4.5 * fig.dpi / 72, (lang, gap)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_every_mark_starts_at_one_distance_from_the_zero_line(lang):
    """Readers of the demo saw the marks climb the value axis like a staircase, and (fr_A 7) a
    "–" 5 pt from the axis beside "*" marks further out: every mark's box, "–", "*" and "(*)"
    alike, starts at the same distance from the zero line."""
    fig, renderer = _drawn(lang)
    for ax in fig.axes:
        zero = ax.transData.transform((0, 0))[0]
        gaps = [
            (zero - b.x1) if lang == "ar" else (b.x0 - zero)
            for b in (t.get_window_extent(renderer) for t in ax.texts if t.get_text() != CAUTION)
        ]
        assert gaps and max(gaps) - min(gaps) < 1.0, (lang, gaps)
        assert min(gaps) == pytest.approx(MARK_GAP * fig.dpi / 72, abs=1.0)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_unreliable_values_are_marked_and_the_key_says_what_marks_mean(lang):
    fig, renderer = _drawn(lang)
    daggers = [t for ax in fig.axes for t in ax.texts if t.get_text() == CAUTION]
    assert len(daggers) == 2  # Returnees overall, IDPs outside camps in Bendeki
    total = _panel(fig, "Total")
    bar_ends = [p.get_window_extent(renderer) for p in total.patches]
    dagger = next(t for t in total.texts if t.get_text() == CAUTION).get_window_extent(renderer)
    returnees = bar_ends[2]
    assert returnees.y0 - 2 <= (dagger.y0 + dagger.y1) / 2 <= returnees.y1 + 2  # on its bar
    if lang == "ar":
        assert dagger.x1 < returnees.x0  # past the bar's end, leftwards
    else:
        assert dagger.x0 > returnees.x1
    tr = Translator(lang)
    key = [t.get_text() for t in fig.texts]
    wanted = [tr(f"chart_mark_{k}") for k in ("suppressed", "caution")]
    assert any(all(w in k for w in wanted) for k in key), (key, wanted)
    assert not any(tr("chart_mark_empty") in k for k in key)  # said beside its bar
    # the key line touches neither the legend nor any panel's axis numbers and label
    box = fig.texts[0].get_window_extent(renderer)
    figbox = fig.bbox
    assert figbox.x0 <= box.x0 and box.x1 <= figbox.x1 and box.y0 >= figbox.y0
    others = [fig.legends[0].get_window_extent(renderer)]
    for ax in fig.axes:
        others.append(ax.xaxis.label.get_window_extent(renderer))
        others += [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
    assert not any(box.overlaps(o) for o in others)
    legend = others[0]
    assert all(not legend.overlaps(o) for o in others[1:])


def test_a_chart_without_marks_has_no_key():
    main, part = _charts()
    for s in (*main.series, *part.series):
        s.flags = ["" for _ in s.flags]
        s.values = [0.5 for _ in s.values]
        s.lows, s.highs = [0.4 for _ in s.values], [0.6 for _ in s.values]
    fig = chart_figure(main, [("District", part)], 6.7, "Total")
    assert not fig.texts
    assert [ax.get_xlim() for ax in fig.axes] == [(0.0, 100.0)] * 2
    assert all(ax.get_xlabel() == "%" for ax in fig.axes)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_low_prevalence_axis_ends_near_the_data_and_says_so(lang):
    """Every value and interval under 10%: both panels run 0–10 (one axis for both), and the
    axis label says it stops at 10, not 100; the same chart at five times the values runs
    0–30, at five times 0–40, at twelve times 0–100 with a plain '%'."""
    tr = Translator(lang)
    for scale, top in ((1.0, 10.0), (3.3, 30.0), (5.0, 40.0), (12.0, 100.0)):
        fig, _r = _drawn(lang, scale)
        for ax in fig.axes:
            assert sorted(ax.get_xlim()) == [0.0, top], (lang, scale, ax.get_xlim())
            label = without_marks(ax.get_xlabel())  # the Arabic range is isolated
            if top < 100:
                shown = str(int(top))
                assert label == tr("chart_axis_zoomed", top=shown), label
            else:
                assert label == "%"
    main, part = _charts()
    assert share_top([main, part]) == 10.0


def test_axis_top_ignores_unpublished_values_and_keeps_whiskers_inside():
    main, part = _charts()
    part.series[0].values[3] = NAN  # hidden: no value of its own
    part.series[1].highs[1] = 0.125  # a whisker past 10%
    assert share_top([main, part]) == 15.0


def test_shares_with_intervals_past_30_zoom_to_40_or_50():
    """fr_A 12: 'Victim of violence' (4–23%) and 'Discriminated' (10–27%) had intervals past
    30% and were drawn on 0–100 beside charts on 0–30; they now end at 40 or 50."""
    main, part = _charts(5.0)
    assert share_top([main, part]) == 40.0
    part.series[1].highs[1] = 0.45
    assert share_top([main, part]) == 50.0
    part.series[1].highs[1] = 0.49
    assert share_top([main, part]) == 100.0


def test_arabic_panels_read_from_the_right():
    """Arabic readers met the overall panel at the far left and the fifth panel at the bottom
    left: the panels were mirrored twice. Right to left, "Total" is the top-right panel, the
    breakdowns follow leftwards, and an overflow panel starts the next row at the right."""
    main, part = _charts()
    parts = [(f"P{k}", part) for k in range(4)]
    for lang, rtl in (("ar", True), ("en", False)):
        fig = chart_figure(main, parts, 6.7, "Total", rtl, lang)
        x = {ax.get_title(): ax.get_position().x0 for ax in fig.axes}
        row1 = [x["Total"], x["P0"], x["P1"]]  # five panels: 3 + 2
        assert row1 == sorted(row1, reverse=rtl), (lang, x)
        # the next row starts on the same side as Total, in the first slot
        assert (x["P2"] > x["P0"]) if rtl else (x["P2"] < x["P0"]), (lang, x)
        # and the legend names the groups in the same reading order
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        texts = fig.legends[0].get_texts()
        xs = [t.get_window_extent(canvas.get_renderer()).x0 for t in texts]
        names = [t.get_text() for t in texts]
        order = [n for _x, n in sorted(zip(xs, names, strict=True), reverse=rtl)]
        assert order == GROUPS, (lang, order)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_group_with_no_case_anywhere_is_left_out_and_named(lang):
    """Preference questions not asked of returnees drew a legend entry and a "–" on every
    bar of every panel. A group with no case in any panel is left out of the chart, named
    under it, and the other groups keep their colours."""
    main, part = _charts()
    main.series[0].values[2] = NAN
    main.series[0].flags[2] = EMPTY
    s = part.series[2]
    s.values[:] = [NAN] * 4
    s.flags[:] = [EMPTY] * 4
    full = chart_figure(*_charts()[:1], [("District", _charts()[1])], 6.7, "Total", False, lang)
    fig = chart_figure(main, [("District", part)], 6.7, "Total", lang == "ar", lang)
    names = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Returnees" not in names and len(names) == 3
    colours = {n: to_hex(h.get_facecolor()) for n, h in zip(
        [t.get_text() for t in full.legends[0].get_texts()], full.legends[0].legend_handles,
        strict=True)}  # fmt: skip
    kept = {n: to_hex(h.get_facecolor()) for n, h in zip(
        names, fig.legends[0].legend_handles, strict=True)}  # fmt: skip
    assert all(colours[n] == c for n, c in kept.items())
    district = _panel(fig, "District")
    assert len(district.patches) == 3 * 4  # three groups' bars per district
    key = " ".join(t.get_text() for t in fig.texts)
    assert "Returnees" in key and Translator(lang)("chart_absent_groups", groups="", count=1)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_daggers_of_neighbouring_bars_do_not_read_as_a_double_dagger(lang):
    """Two bars of one level ending at the same value, both † — the two daggers stood one over
    the other and read as "‡". Each stands clear of the other."""
    main, part = _charts()
    for s in part.series[:2]:  # Bendeki: two neighbouring bars, same value, both cautioned
        s.values[1], s.lows[1], s.highs[1], s.flags[1] = 0.05, 0.04, 0.06, "caution"
    fig = chart_figure(main, [("District", part)], 6.7, "Total", lang == "ar", lang)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    boxes = [
        t.get_window_extent(canvas.get_renderer())
        for t in _panel(fig, "District").texts
        if t.get_text() == CAUTION
    ]
    assert len(boxes) == 2
    a, b = boxes
    assert a.x1 < b.x0 or b.x1 < a.x0, (a, b)  # side by side, not stacked


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_narrow_panels_axis_labels_never_touch_and_ticks_agree(lang):
    """fr p.8 (disability): four panels' axis titles "% (axe jusqu'à 30, et non 100)" ran into
    each other, and the overall panel ticked 0/10/20/30 beside the others' 0/15/30."""
    main, part = _charts()
    parts = [(f"P{k}", part) for k in range(3)]
    fig = chart_figure(main, parts, 6.7, "Total", lang == "ar", lang)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [ax.xaxis.label.get_window_extent(renderer) for ax in fig.axes]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (lang, a, b)
    ticks = {tuple(round(t, 6) for t in ax.get_xticks() if 0 <= t <= 10) for ax in fig.axes}
    assert len(ticks) == 1, ticks


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_key_sits_on_the_legend_line(lang):
    """en_A 7, fr_A 4: "– no case" (« – aucun cas ») was a line of its own, centred under the
    legend, just above the table's header, and read as the table's caption. A key sits on the
    legend's row, after its last entry (before it, read from the right), clear of it."""
    main, part = _charts(10)
    for s in (*main.series, *part.series):
        s.flags = ["suppressed" if f == EMPTY else "" for f in s.flags]
    fig = chart_figure(main, [("District", part)], 6.7, "Total", lang == "ar", lang)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    (key,) = fig.texts
    assert key.get_text() == Translator(lang)("chart_mark_suppressed")
    box = key.get_window_extent(renderer)
    entries = [t.get_window_extent(renderer) for t in fig.legends[0].get_texts()]
    for e in entries:  # the same row: the key's middle within every entry's height
        assert e.y0 <= (box.y0 + box.y1) / 2 <= e.y1, (lang, box, e)
    if lang == "ar":
        assert box.x1 < min(e.x0 for e in entries)
    else:
        assert box.x0 > max(e.x1 for e in entries)
    assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1
    assert all(not box.overlaps(h.get_window_extent(renderer))
               for h in fig.legends[0].legend_handles)  # fmt: skip
