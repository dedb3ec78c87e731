"""README.md of the bundled sample, generated from the codebook, the design and the truth."""

# ruff: noqa: E501 - long literal markup (XML / Markdown table rows) reads best unbroken
from __future__ import annotations

from typing import Any

from workbench.sample.choices import CHOICE_LISTS, DISTRICTS
from workbench.sample.codebook import columns
from workbench.sample.params import GROUP_NAMES, POVERTY_LINE, STRATA
from workbench.sample.spec import Column, DatasetName

_INTRO = """# Freedonia — the bundled synthetic profiling survey

**All data in this folder is synthetic.** Freedonia is a fictional country used in trainings; every
person, name, phone number, place and GPS point here was invented by a random generator. Any
resemblance to real persons, households or places is coincidental. Names are built from invented
syllables, phone numbers use the unassigned country code +999, and GPS points lie in the open
South Atlantic.

Freedonia is post-conflict with protracted internal displacement. This survey is a joint profiling
exercise comparing displaced and non-displaced households across the eight IASC criteria for
durable solutions (and the ten IRIS sub-criteria). It is the workload of the demo, the tests, the
benchmarks and the screenshots.

Regenerate this folder (byte for byte) with:

    workbench sample --out resources/sample --bundle

Seed {seed}; {households:,} households, {individuals:,} individuals, {eas} enumeration areas.
"""

_FILES = """## Files

| File | What |
|---|---|
| `freedonia_kobo_export.xlsx` | KoboToolbox-style export ("XML values and headers"): main sheet + `roster` repeat sheet joined by `_index` / `_parent_index` / `_parent_table_name`; Kobo metadata columns |
| `freedonia_xlsform.xlsx` | the matching XLSForm: `survey` (type, name, English and French labels, required, relevant, constraint, calculation), `choices`, `settings` |
| `freedonia_household.csv`, `freedonia_individual.csv` | the same data, UTF-8 CSV, one file per unit, linked by `hh_id` |
| `freedonia_household.sav`, `freedonia_individual.sav` | SPSS (zlib-compressed): variable labels, value labels, 98/99 (9998/9999, 999998/999999) as user-missing, measurement levels |
| `freedonia_household.dta`, `freedonia_individual.dta` | Stata 14+ (format 118): variable labels, value labels (98/99 labelled) |
| `truth.json` | the population values the estimates should cover, per group |
| `freedonia-plan.toml` | the analysis plan for this survey (written by the plan module, not by the generator) |
| `freedonia_household_r2.csv`, `freedonia_individual_r2.csv` | the follow-up round two years later: the same EAs revisited, about 40% of the households re-interviewed (same `hh_id`: a panel), the others new; the national ID question renamed `national_id_card`, drinking-water choice 10 (bottled or sachet water) added |
| `truth_rounds.json` | the truth of change: each round's population values, every change and change in the gap with the host community (documentation gaps closing, the camps' employment gap widening), the frame's growth per group |
| `freedonia-rounds-plan.toml` | the plan for both rounds (`[rounds]`: panel, the follow-up's datasets and re-mapped inputs); `workbench rounds` analyses it |
"""

_DESIGN = """## Design

Two-stage stratified cluster sample. Strata are district × population group of the sampling
frame (stratum code = district × 10 + group). In each stratum enumeration areas (EAs, the PSUs)
are drawn at random; in each EA about 20 households are interviewed. The weight
(`weight`) is (EAs in the stratum frame / EAs sampled) × (households listed in the EA /
households interviewed): a design weight with a non-response adjustment, so weights vary within
strata. Camps and returnees are oversampled, so weighted and unweighted results differ.
`fpc_ea` is the number of EAs in the stratum frame (finite population correction).
Survey design for any tool: strata `stratum`, PSU `ea_id`, weight `weight`, FPC `fpc_ea`; in R:
`svydesign(ids = ~ea_id, strata = ~stratum, weights = ~weight, fpc = ~fpc_ea, data = hh)`.

Population groups (`pop_group`): 1 IDPs in camps, 2 IDPs outside camps, 3 returnees, 4 host
community (the comparator), 99 refused / unknown (a handful of households). Individual-level
indicators take the household's group and weight through `hh_id`.

| Stratum | District | Group | Households in frame |
|---|---|---|---|
"""

_MESS = f"""## Realistic mess (on purpose)

- Skip patterns: displacement history, HLP and documents-lost only for displaced households
  (groups 1–3); settlement preferences only for IDPs (1–2); employment only for members 15+;
  school attendance only 6–17; national ID 16+; voting 18+; birth registration under 5.
  Questions skipped by design are empty, never coded.
- "Don't know" 98 and "refused" 99 (9998 / 9999 for years, 999998 / 999999 for income),
  coded completely at random in 1–7 % of answers.
- select_multiple questions as Kobo writes them: a space-separated summary column and one 0/1
  column per option; an "other (specify)" free-text column (`settle_cond_specify`).
- Inconsistent ages: a few heads of household aged 9 and a few members older than 110.
- Problems for the data checks (`workbench checks run`), their household ids listed under
  `sample.planted` in `truth.json`: an interview repeated under another id (exact duplicate),
  a second copy with two answers changed (soft duplicate), a host household answering the
  returnees' `return_year` and a displaced household with the required `disp_year` blank (skip
  violations), and one household that did not consent (`consent` = 0), which every analysis
  leaves out and the report counts.
- Direct identifiers the importer must flag (and drops by default): `resp_name`, `resp_phone`,
  `hh_gps_lat` / `hh_gps_lon`, `member_name`, free text, and Kobo metadata (`kobo_id`,
  `kobo_uuid`, `submitted_by`); quasi-identifiers it flags and keeps: the interview times
  (`interview_start`, `interview_end`, `submission_time`).
- Column names: the CSV, SAV and DTA files share one set of names (valid in SPSS and Stata);
  select_multiple options are `question_option` there. In the Kobo export the headers are XML
  group paths (`hh_info/district`, `future/settle_cond/safety`), so once the group prefix is
  removed an option column is `settle_cond/safety`; Kobo metadata keep Kobo's names (`start`,
  `end`, `_id`, `_uuid`, `_submission_time`, `_submitted_by`), and the GPS point is `hh_gps`
  plus `_hh_gps_latitude` / `_hh_gps_longitude` instead of `hh_gps_lat` / `hh_gps_lon`.
- Poverty line: {POVERTY_LINE} FRD (Freedonian dollars) per person per month.
"""


def _values(col: Column) -> str:
    q = col.question
    if col.option is not None:
        return "1 selected, 0 not"
    if q.qtype == "select_multiple":
        return "options: " + ", ".join(str(c.code) for c in CHOICE_LISTS[q.list_name or ""].choices)
    if q.list_name:
        return "; ".join(f"{c.code} {c.en}" for c in CHOICE_LISTS[q.list_name].choices)
    return q.qtype


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _variables(dataset: DatasetName) -> list[str]:
    lines = [
        "| Variable | Label (EN) | Label (FR) | Values | Missing | Asked of | Criterion / IRIS | Serves |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for col in columns(dataset):
        q = col.question
        crit = (
            q.module
            if q.criterion is None
            else f"C{q.criterion}" + (f" / {q.iris}" if q.iris else "")
        )
        tags = f"{q.theme}" + (f" (identifier: {q.identifier})" if q.identifier else "")
        lines.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    f"`{col.name}`",
                    col.en,
                    col.fr,
                    _values(col),
                    ", ".join(str(m) for m in q.missing),
                    q.skip or "all",
                    crit,
                    tags,
                )
            )
            + " |"
        )
    return lines


def _truth(truth: dict[str, Any]) -> list[str]:
    lines = [
        "## Known truth (`truth.json`)",
        "",
        truth["definition"],
        "",
        "| Indicator | Code | Unit | " + " | ".join(GROUP_NAMES.values()) + " |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, ind in truth["indicators"].items():
        vals = [
            f"{ind['value'][g]:.3f}" if g in ind["value"] else "—" for g in ("1", "2", "3", "4")
        ]
        lines.append(
            f"| `{key}` {ind['label']} | {ind['code']} | {ind['unit']} | " + " | ".join(vals) + " |"
        )
    return lines


def readme_text(meta: dict[str, Any], truth: dict[str, Any]) -> str:
    names = dict((code, en) for code, en, _fr in DISTRICTS)
    parts = [
        _INTRO.format(
            seed=meta["seed"],
            households=meta["households"],
            individuals=meta["individuals"],
            eas=meta["enumeration_areas"],
        ),
        _FILES,
        _DESIGN.rstrip("\n"),
    ]
    for s in STRATA:
        parts.append(
            f"| {s.code} | {s.district} {names[s.district]} | {s.group} {GROUP_NAMES[s.group]} | {s.households:,} |"
        )
    parts += ["", _MESS, *_truth(truth), ""]
    parts += ["## Variables: household file (`freedonia_household.*`, main Kobo sheet)", ""]
    parts += [*_variables("household"), ""]
    parts += ["## Variables: individual roster (`freedonia_individual.*`, Kobo `roster` sheet)", ""]
    parts += [*_variables("individual"), ""]
    return "\n".join(parts)
