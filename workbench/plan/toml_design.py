"""The plan file's later sampling stages and replicate weights (``[[design.stages]]``,
``[design.replicates]``; docs/plans.md), read and written for :mod:`workbench.plan.toml_io`.

The readers take a section object of toml_io (``make(source, where, data, allowed)`` builds
one), so the error messages name the file and the table like every other key's.
"""

from __future__ import annotations

from typing import Any

from workbench.messages import Message
from workbench.plan.model import REPLICATE_TYPES, Replicates, SamplingStage

STAGE_KEYS = {"psu", "fpc", "strata"}
REPLICATE_KEYS = {
    "type", "columns", "pattern", "generate", "scale", "rscales", "rho", "mse", "combined",
    "replicates", "seed",
}  # fmt: skip


def stages_from(s: Any, make: Any) -> tuple[SamplingStage, ...]:
    out = []
    for i, raw in enumerate(s.tables("stages")):
        st = make(s.source, f"design.stages #{i + 1}", raw, STAGE_KEYS)
        out.append(
            SamplingStage(
                psu=st.text("psu", required=True), fpc=st.text("fpc"), strata=st.text("strata")
            )
        )
    return tuple(out)


def _number(s: Any, key: str, default: float | None) -> float | None:
    v = s.data.get(key, default)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise s.error(Message.of("plan.replicates_not_number", key=key, value=repr(v)))
    return float(v)


def _count(s: Any, key: str, default: int, low: int) -> int:
    v = s.data.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int) or v < low:
        raise s.error(Message.of("plan.replicates_not_count", key=key, value=repr(v), low=low))
    return int(v)


def replicates_from(s: Any, make: Any) -> Replicates | None:
    if "replicates" not in s.data:
        return None
    r = make(s.source, "design.replicates", s.data["replicates"], REPLICATE_KEYS)
    rtype = r.choice("type", REPLICATE_TYPES, None)
    if rtype is None:
        raise r.error(Message.of("plan.key_required", key="type"))
    rho = _number(r, "rho", 0.0) or 0.0
    if not 0.0 <= rho < 1.0:
        raise r.error(Message.of("plan.replicates_rho", value=rho))
    scale = _number(r, "scale", None)
    if scale is not None and scale <= 0:
        raise r.error(Message.of("plan.replicates_not_positive", key="scale", value=scale))
    rscales = tuple(float(x) for x in r.items("rscales", (int, float)))
    pattern = r.text("pattern")
    if pattern is not None:
        import re

        try:
            re.compile(pattern)
        except re.error as exc:
            raise r.error(
                Message.of("plan.replicates_bad_pattern", pattern=pattern, detail=str(exc))
            ) from None
    return Replicates(
        type=rtype,
        columns=r.items("columns", str),
        pattern=pattern,
        generate=r.flag("generate"),
        scale=scale,
        rscales=rscales,
        rho=rho,
        mse=r.flag("mse"),
        combined=r.flag("combined", True),
        replicates=_count(r, "replicates", 50, 2),
        seed=_count(r, "seed", 1, 0),
    )


def design_extra(stages: tuple[SamplingStage, ...], rep: Replicates | None) -> dict[str, Any]:
    """The ``stages`` and ``replicates`` keys of ``[design]`` (empty / default values left out)."""
    out: dict[str, Any] = {}
    if stages:
        rows = []
        for st in stages:
            row: dict[str, Any] = {"psu": st.psu}
            for key in ("fpc", "strata"):
                if getattr(st, key):
                    row[key] = getattr(st, key)
            rows.append(row)
        out["stages"] = rows
    if rep is not None:
        r: dict[str, Any] = {"type": rep.type}
        if rep.generate:
            r["generate"] = True
        if rep.columns:
            r["columns"] = list(rep.columns)
        if rep.pattern:
            r["pattern"] = rep.pattern
        if rep.scale is not None:
            r["scale"] = rep.scale
        if rep.rscales:
            r["rscales"] = list(rep.rscales)
        if rep.rho:
            r["rho"] = rep.rho
        if rep.mse:
            r["mse"] = True
        if not rep.combined:
            r["combined"] = False
        if rep.generate and rep.type == "bootstrap":
            r["replicates"] = rep.replicates
            r["seed"] = rep.seed
        out["replicates"] = r
    return out
