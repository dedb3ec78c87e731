# ruff: noqa: E501 - wide data tables
"""A realistic AnalysisResults for report tests (built the way the engine's contract says).

Four groups (three displaced + host comparator), 20 indicators over the eight criteria plus modules
A and B, sex / age group / district disaggregations, caution and suppressed rows, a solutions
table and IRIS stock tables. Estimates are drawn from a seeded generator and every derived column
(CI, comparisons, flags, criteria summary) is computed from them, as the engine does.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd

from workbench.library.model import Criterion, Indicator, Library, Module, Text
from workbench.plan.model import Disaggregation, Groups, GroupValue, IndicatorUse, Level, Plan
from workbench.plan.snapshot import run_texts
from workbench.stats.count_intervals import withhold_count_intervals
from workbench.stats.results import ALL_DISPLACED, STOCK_NOT_STATED, STOCK_TOTAL, AnalysisResults
from workbench.stats.snapshot import snapshot_from_meta

GROUPS = [
    ("1", "displaced", {"en": "IDPs in camps", "fr": "PDI dans les camps", "es": "PDI en campamentos", "ar": "النازحون في المخيمات"}),
    ("2", "displaced", {"en": "IDPs outside camps", "fr": "PDI hors des camps", "es": "PDI fuera de campamentos", "ar": "النازحون خارج المخيمات"}),
    ("3", "displaced", {"en": "Returnees", "fr": "Rapatriés", "es": "Retornados", "ar": "العائدون"}),
    ("4", "comparator", {"en": "Host community", "fr": "Communauté hôte", "es": "Comunidad de acogida", "ar": "المجتمع المضيف"}),
]  # fmt: skip
SEX = {
    "Female": {"fr": "Femmes", "es": "Mujeres", "ar": "إناث"},
    "Male": {"fr": "Hommes", "es": "Hombres", "ar": "ذكور"},
}
AGE = {"0-17": {}, "18-59": {}, "60+": {}}
DISAGG_LABELS = {
    "sex": {"en": "Sex", "fr": "Sexe", "es": "Sexo", "ar": "الجنس"},
    "age_group": {
        "en": "Age group",
        "fr": "Groupe d’âge",
        "es": "Grupo de edad",
        "ar": "الفئة العمرية",
    },
    "district": {"en": "District", "fr": "District", "es": "Distrito", "ar": "المقاطعة"},
}
# (id, criterion, statistic, direction, unit, en title, fr title, es title or "", ar title or "")
INDICATORS = [
    ("hh_size", "A", "mean", "neutral", "household", "Average household size", "Taille moyenne des ménages", "Tamaño medio del hogar", "متوسط حجم الأسرة"),
    ("female_head", "A", "proportion", "neutral", "household", "Female-headed households", "Ménages dirigés par une femme", "Hogares encabezados por mujeres", "أسر تعيلها نساء"),
    ("feel_safe", "1", "proportion", "higher_is_better", "individual", "Feel safe walking alone at night", "Se sentent en sécurité seuls la nuit", "Se sienten seguros caminando solos de noche", "يشعرون بالأمان عند السير وحدهم ليلًا"),
    ("movement_restricted", "1", "proportion", "higher_is_worse", "individual", "Faced restrictions on freedom of movement", "Ont subi des restrictions de circulation", "Sufrieron restricciones de circulación", "واجهوا قيودًا على حرية التنقل"),
    ("victim_violence", "1", "proportion", "higher_is_worse", "individual", "Victim of violence in the past 12 months", "Victimes de violence au cours des 12 derniers mois", "", ""),
    ("food_insecure", "2", "proportion", "higher_is_worse", "household", "Moderate or severe food insecurity", "Insécurité alimentaire modérée ou grave", "Inseguridad alimentaria moderada o grave", "انعدام الأمن الغذائي المتوسط أو الشديد"),
    ("improved_water", "2", "proportion", "higher_is_better", "household", "Access to an improved water source", "Accès à une source d’eau améliorée", "Acceso a una fuente de agua mejorada", "الوصول إلى مصدر مياه محسّن"),
    ("health_access", "2", "proportion", "higher_is_better", "individual", "Accessed health care when last needed", "Ont eu accès aux soins la dernière fois que nécessaire", "Accedieron a atención de salud", "حصلوا على الرعاية الصحية عند الحاجة"),
    ("school_attendance", "2", "proportion", "higher_is_better", "individual", "School net attendance ratio", "Taux net de fréquentation scolaire", "Tasa neta de asistencia escolar", "صافي نسبة الحضور المدرسي"),
    ("inadequate_housing", "2", "proportion", "higher_is_worse", "household", "Living in inadequate housing", "Vivent dans un logement inadéquat", "Viven en vivienda inadecuada", "يعيشون في سكن غير لائق"),
    ("unemployed", "3", "proportion", "higher_is_worse", "individual", "Unemployment rate", "Taux de chômage", "Tasa de desempleo", "معدل البطالة"),
    ("cannot_pay_basic", "3", "proportion", "higher_is_worse", "household", "Unable to pay for basic expenses", "Incapables de payer les dépenses de base", "No pueden pagar los gastos básicos", "غير قادرين على دفع النفقات الأساسية"),
    ("secure_tenure", "4", "proportion", "higher_is_better", "household", "Secure tenure of their dwelling", "Sécurité d’occupation du logement", "Tenencia segura de la vivienda", "حيازة آمنة للمسكن"),
    ("hlp_restituted", "4", "proportion", "higher_is_better", "household", "Property left behind restituted or compensated", "Biens laissés restitués ou indemnisés", "", ""),
    ("has_id", "5", "proportion", "higher_is_better", "individual", "Hold a national ID card", "Possèdent une carte d’identité nationale", "Tienen documento nacional de identidad", "يحملون بطاقة هوية وطنية"),
    ("birth_registered", "5", "proportion", "higher_is_better", "individual", "Children under 5 whose birth is registered", "Enfants de moins de 5 ans enregistrés à la naissance", "Niños menores de 5 años con nacimiento registrado", "أطفال دون الخامسة مسجلة ولادتهم"),
    ("family_separated", "6", "proportion", "higher_is_worse", "household", "Separated from a family member by displacement", "Séparés d’un membre de la famille par le déplacement", "Separados de un familiar por el desplazamiento", "انفصلوا عن أحد أفراد الأسرة بسبب النزوح"),
    ("voted", "7", "proportion", "higher_is_better", "individual", "Voted in the last local election", "Ont voté aux dernières élections locales", "Votaron en las últimas elecciones locales", "صوّتوا في آخر انتخابات محلية"),
    ("remedy_access", "8", "proportion", "higher_is_better", "household", "Accessed a remedy mechanism for violations", "Ont eu accès à un mécanisme de recours", "Accedieron a un mecanismo de reparación", "وصلوا إلى آلية انتصاف"),
    ("intend_return", "B", "proportion", "neutral", "household", "Intend to return to the place of origin", "Ont l’intention de retourner au lieu d’origine", "Tienen intención de regresar", "ينوون العودة إلى مكان المنشأ"),
]  # fmt: skip
CRIT_NAMES = {
    "1": ("Long-term safety, security and freedom of movement", "Sûreté, sécurité à long terme et liberté de circulation"),
    "2": ("Adequate standard of living", "Niveau de vie suffisant"),
    "3": ("Access to employment and livelihoods", "Accès à l’emploi et aux moyens de subsistance"),
    "4": ("Housing, land and property", "Logement, terre et biens"),
    "5": ("Access to documentation", "Accès aux documents"),
    "6": ("Family reunification", "Réunification familiale"),
    "7": ("Participation in public affairs", "Participation aux affaires publiques"),
    "8": ("Access to effective remedies and justice", "Accès à des recours effectifs et à la justice"),
}  # fmt: skip
Z = 1.959964


def _flag(n: int, cv: float) -> str:
    if n < 25 or (not math.isnan(cv) and cv > 0.5):
        return "suppressed"
    if n < 50 or (not math.isnan(cv) and cv > 0.2):
        return "caution"
    return ""


def make_library() -> Library:
    crits = tuple(
        Criterion(c, Text({"en": en}), Text({"en": en, "fr": fr}), "always")
        for c, (en, fr) in CRIT_NAMES.items()
    )
    mods = (
        Module("A", Text({"en": "Core demographics"}), Text({"en": "Core demographics, displacement history and discrimination", "fr": "Données démographiques de base, historique du déplacement et discrimination"})),
        Module("B", Text({"en": "Future preferences"}), Text({"en": "Future preferences and plans", "fr": "Préférences et projets pour l'avenir"})),
    )  # fmt: skip
    inds = []
    for iid, crit, stat, direction, unit, en, fr, es, ar in INDICATORS:
        title = {"en": en, "fr": fr} | ({"es": es} if es else {}) | ({"ar": ar} if ar else {})
        definition = {
            "en": f"Share or mean over the survey population: {en.lower()}.",
            "fr": f"Part ou moyenne dans la population enquêtée : {fr.lower()}.",
        }
        inds.append(
            Indicator(
                iid, crit, Text(title), Text(definition), unit, stat, "x", direction=direction
            )
        )
    return Library("test-2026.1", crits, mods, (), (), {}, tuple(inds))


def make_plan() -> Plan:
    groups = Groups("status", tuple(GroupValue(c, role, labels) for c, role, labels in GROUPS))
    sex_levels = tuple(Level((i,), {"en": k} | v) for i, (k, v) in enumerate(SEX.items()))
    dis = (
        Disaggregation("sex", labels=DISAGG_LABELS["sex"], levels=sex_levels),
        Disaggregation("age_group", labels=DISAGG_LABELS["age_group"]),
        Disaggregation("district", labels=DISAGG_LABELS["district"]),
    )
    uses = tuple(
        IndicatorUse(i[0], disaggregations=("sex", "age_group", "district")) for i in INDICATORS
    )
    return Plan(
        "freedonia",
        description="Freedonia durable solutions profiling",
        groups=groups,
        disaggregations=dis,
        indicators=uses,
    )


def make_results(seed: int = 7, districts: int = 4, scale: float = 1.0) -> AnalysisResults:
    rng = np.random.default_rng(seed)
    dvals = ["North", "South", "East", "West"][:districts] + [
        f"District {i:02d}" for i in range(5, districts + 1)
    ]
    sizes = {"1": 900, "2": 700, "3": 260, "4": 1100}
    dis_levels = {"sex": list(SEX), "age_group": list(AGE), "district": dvals}
    rows, cmps = [], []
    for iid, crit, stat, _direction, unit, *_ in INDICATORS:
        base = rng.uniform(0.15, 0.8) if stat == "proportion" else rng.uniform(3, 7)
        for code, role, labels in GROUPS:
            shift = (
                0.0
                if role == "comparator"
                else rng.normal(0, 0.12 if stat == "proportion" else 0.8)
            )
            cells = [("total", "", 1.0)] + [
                (d, v, 1 / len(vs)) for d, vs in dis_levels.items() for v in vs
            ]
            for dis, val, share in cells:
                n = int(sizes[code] * share * scale * rng.uniform(0.6, 1.2))
                if code == "3" and dis == "age_group" and val == "60+":
                    n = int(rng.integers(8, 24))
                if code == "3" and dis == "district" and val == dvals[-1]:
                    n = int(rng.integers(26, 48))
                if stat == "proportion":
                    p = float(np.clip(base + shift + rng.normal(0, 0.04), 0.02, 0.98))
                    se = math.sqrt(p * (1 - p) / max(n, 1)) * 1.4
                else:
                    p = float(base + shift + rng.normal(0, 0.3))
                    se = 2.0 / math.sqrt(max(n, 1))
                lo, hi = p - Z * se, p + Z * se
                if stat == "proportion":
                    lo, hi = max(lo, 0.0), min(hi, 1.0)
                cv = se / p if p else float("nan")
                rows.append(dict(
                    indicator_id=iid, criterion=crit, group=code, disaggregation=dis,
                    disaggregation_value=val, estimate=p, se=se, ci_low=lo, ci_high=hi, n=n,
                    n_weighted=n * 37.5, cv=cv, flag=_flag(n, cv), statistic=stat, unit=unit,
                    deff=1.4, df=60, group_label=labels["en"],
                ))  # fmt: skip
    est = pd.DataFrame(rows)
    key = ["indicator_id", "disaggregation", "disaggregation_value"]
    comp = est[est["group"] == "4"].set_index(key)
    directions = {i[0]: i[3] for i in INDICATORS}
    for _, r in est[est["group"] != "4"].iterrows():
        c = comp.loc[(r["indicator_id"], r["disaggregation"], r["disaggregation_value"])]
        diff = r["estimate"] - c["estimate"]
        sed = math.sqrt(r["se"] ** 2 + c["se"] ** 2)
        lo, hi = diff - Z * sed, diff + Z * sed
        p = math.erfc(abs(diff / sed) / math.sqrt(2))
        flag = (
            "suppressed"
            if "suppressed" in (r["flag"], c["flag"])
            else ("caution" if "caution" in (r["flag"], c["flag"]) else "")
        )
        d = directions[r["indicator_id"]]
        if flag == "suppressed":
            a = "insufficient_data"
        elif lo > 0 or hi < 0:
            a = (
                "different"
                if d == "neutral"
                else ("worse" if (diff > 0) == (d == "higher_is_worse") else "better")
            )
        else:
            a = "no_significant_difference"
        cmps.append(dict(
            indicator_id=r["indicator_id"], group=r["group"], comparator="4",
            disaggregation=r["disaggregation"], disaggregation_value=r["disaggregation_value"],
            difference=diff, se_difference=sed, ci_low=lo, ci_high=hi, p_value=p, assessment=a,
            criterion=r["criterion"], ratio=r["estimate"] / c["estimate"],
            estimate_group=r["estimate"], estimate_comparator=c["estimate"], flag=flag,
        ))  # fmt: skip
    cmp_ = pd.DataFrame(cmps)
    tot = cmp_[(cmp_["disaggregation"] == "total") & cmp_["criterion"].isin(list(CRIT_NAMES))]
    summ = []
    for (crit, grp), g in tot.groupby(["criterion", "group"], sort=True):
        counts = {
            a: int((g["assessment"] == a).sum())
            for a in ("worse", "better", "no_significant_difference", "insufficient_data")
        }
        rating = "red" if counts["worse"] else ("amber" if counts["insufficient_data"] else "green")
        if counts["insufficient_data"] == len(g):
            rating = "grey"
        summ.append(dict(criterion=crit, group=grp, **counts, rating=rating))
    sol = []
    for code in ["1", "2", "3", ALL_DISPLACED]:
        for dis, val in [("total", ""), ("sex", "Female"), ("sex", "Male")]:
            n = int(
                (sizes.get(code, 1860) if code != ALL_DISPLACED else 1860)
                * (1 if dis == "total" else 0.5)
                * scale
            )
            if code == "3" and val == "Female":
                n = 20
            share = float(rng.uniform(0.02, 0.12))
            se = math.sqrt(share * (1 - share) / n) * 1.3
            flag = _flag(n, se / share)
            sol.append(dict(method="iris_layered", group=code, disaggregation=dis, disaggregation_value=val,
                            share=share, se=se, ci_low=max(0.0, share - Z * se), ci_high=share + Z * se,
                            number=share * n * 37.5, number_se=se * n * 37.5, n=n, n_assessable=int(n * 0.7), flag=flag))  # fmt: skip
    stock = []
    tables = {
        "sex_by_age": ("sex", list(SEX), "age_group", list(AGE)),
        "location_by_origin": ("district", dvals, "origin", ["Origin A", "Origin B", "Origin C"]),
        "cause_by_year": (
            "cause",
            ["Conflict or violence", "Disaster"],
            "year",
            ["2019", "2020", "2021", "2022", STOCK_NOT_STATED],  # year of displacement unknown
        ),
        "location_type": ("location_type", ["Camp", "Non-camp"], "", [""]),
    }

    def summed(tid, code, rv, a, cv_, b, cells):  # the engine's svytotal on the union domain
        e, n = sum(c["estimate"] for c in cells), sum(c["n"] for c in cells)
        se = sum(c["se"] ** 2 for c in cells) ** 0.5
        return dict(table=tid, group=code, row_var=rv, row_value=a, col_var=cv_, col_value=b,
                    estimate=e, se=se, ci_low=e - Z * se, ci_high=e + Z * se, n=n, cv=se / e,
                    flag=_flag(n, se / e))  # fmt: skip

    for tid, (rv, rvals, cv_, cvals) in tables.items():
        for code in ["1", "2", "3", ALL_DISPLACED]:
            cells = []
            for a in rvals:
                row = []
                for b in cvals:
                    n = (
                        int(rng.integers(5, 200) * scale)
                        if code != ALL_DISPLACED
                        else int(rng.integers(150, 600) * scale)
                    )
                    e = n * 37.5 * rng.uniform(0.8, 1.2)
                    se = e * rng.uniform(0.08, 0.3)
                    row.append(dict(table=tid, group=code, row_var=rv, row_value=a, col_var=cv_, col_value=b,
                                    estimate=e, se=se, ci_low=e - Z * se, ci_high=e + Z * se, n=n, cv=se / e, flag=_flag(n, se / e)))  # fmt: skip
                stock += row
                cells += row
                if cv_:  # a two-way table: the row level's margin after its cells
                    stock.append(summed(tid, code, rv, a, cv_, STOCK_TOTAL, row))
            if cv_:  # the column levels' margins
                for b in cvals:
                    col = [c for c in cells if c["col_value"] == b]
                    stock.append(summed(tid, code, rv, STOCK_TOTAL, cv_, b, col))
            # the group's total row (the engine's svytotal on the group domain): the cells' sum
            total = STOCK_TOTAL if cv_ else ""
            stock.append(summed(tid, code, rv, STOCK_TOTAL, cv_, total, cells))
    meta = {
        "plan_name": "freedonia", "plan_version": "3", "plan_hash": "ab" * 32,
        "dataset_fingerprint": "cd" * 32, "library_version": "test-2026.1",
        "disclosure_preset": "dhs", "alpha": 0.05, "software": "ds-workbench 0.1.0",
        "created_at": "2026-11-22T05:00:00+00:00", "household_aggregation": "any",
        "designs": {u: {"rows": r, "psus": 150, "strata": 13, "df": 137, "lonely_psu": "adjust"}
                    for u, r in (("household", 2960), ("individual", 14210))},
        "methods": {"variance": "Taylor linearisation, with-replacement first stage", "proportion_ci": "logit"},
        "options": {"alpha": 0.05, "solutions_methods": ["iris_layered"], "solutions_benchmark": "comparator",
                    "use_ci_bound": False, "missing_by_design": "no_vulnerability", "household_aggregation": None},
    }  # fmt: skip
    # the engine's decision on intervals of counts (stats/count_intervals.py): every cell has
    # the design's df but one, whose cases lie in one PSU per stratum (df 0)
    st = pd.DataFrame(stock).assign(df=137.0)
    no_df = (
        (st["group"] == ALL_DISPLACED)
        & (st["row_value"] == "Disaster")
        & (st["col_value"] == "2019")
    )
    st.loc[no_df, ["df", "ci_low", "ci_high"]] = [0.0, math.nan, math.nan]
    st = withhold_count_intervals(st, np.ones(len(st), dtype=bool))
    return AnalysisResults(
        est, cmp_, pd.DataFrame(summ), pd.DataFrame(sol), st, meta, make_snapshot(meta),
    )  # fmt: skip


def make_snapshot(meta: dict, plan: Plan | None = None, library: Library | None = None):
    """The run snapshot the engine would freeze for this plan and library (texts built by the
    plan side, as ``workbench.plan.evaluate`` does)."""
    texts = run_texts(plan or make_plan(), library or make_library())
    texts = dataclasses.replace(
        texts, reference_area="Freedonia (Northern provinces)", reference_period="March–April 2026"
    )
    return snapshot_from_meta(meta, texts)
