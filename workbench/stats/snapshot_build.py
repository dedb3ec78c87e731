"""The engine's half of the run snapshot: the run's facts added to the plan's texts."""

from __future__ import annotations

from typing import Any

from workbench.stats.frame import AnalysisFrame
from workbench.stats.snapshot import (
    DisaggregationText,
    GroupText,
    IndicatorText,
    LevelText,
    RunSnapshot,
    RunTexts,
    StockTableText,
    snapshot_from_meta,
)


def frame_texts(frame: AnalysisFrame) -> RunTexts:
    """Texts of a frame built without them (by hand, in tests): the specs' own words, which are
    in one language (recorded as English)."""
    return RunTexts(
        indicators=tuple(
            IndicatorText(
                id=i.id,
                criterion=i.criterion,
                unit=i.unit,
                statistic=i.statistic,
                direction=i.direction,
                title={"en": i.title},
                definition={},
                code=i.code,
                contextualised=i.contextualised,
                custom=i.custom,
            )
            for i in frame.indicators
        ),
        groups=tuple(GroupText(g.code, g.role, {"en": g.label}) for g in frame.groups),
        disaggregations=tuple(
            DisaggregationText(
                d.id, {"en": d.label}, tuple(LevelText(v, {"en": v}) for v in d.levels)
            )
            for d in frame.disaggregations
        ),
        stock_tables=tuple(
            StockTableText(t.id, {"en": t.title}, t.unit, t.rows, t.cols)
            for t in frame.stock_tables
        ),
        library_version=str(frame.provenance.get("library_version", "")),
    )


def build_snapshot(frame: AnalysisFrame, meta: dict[str, Any]) -> RunSnapshot:
    """The snapshot of a run: the frame's texts (or the specs' own) and the engine's meta."""
    texts = frame.texts if frame.texts is not None else frame_texts(frame)
    return snapshot_from_meta(meta, texts)
