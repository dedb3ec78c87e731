"""Sex labels fit the population of the tables they head (issue 20): the demo's tables cover
every age, yet the French report said "Femme / Homme" (women, men — adults' words) and the
Arabic one "أنثى / ذكر"; the words of a table of people of all ages are "Féminin / Masculin",
"Femenino / Masculino", "إناث / ذكور". The plan template, the sample's questionnaire and the
report catalogue say the same word, so no source brings the adults' word back."""

from __future__ import annotations

import tomllib

from workbench.paths import resource, sample_dir
from workbench.reporting.i18n import term
from workbench.sample.choices import CHOICE_LISTS

ALL_AGES = {
    "fr": ("Féminin", "Masculin"),
    "es": ("Femenino", "Masculino"),
    "ar": ("إناث", "ذكور"),
}


def test_the_catalogue_words_for_sex_fit_every_age() -> None:
    for lang, words in ALL_AGES.items():
        assert (term("Female", lang), term("Male", lang)) == words, lang


def test_the_template_and_the_sample_say_the_catalogue_s_word() -> None:
    sexes = {c.en: c.fr for c in CHOICE_LISTS["sex"].choices}
    assert (sexes["Female"], sexes["Male"]) == (term("Female", "fr"), term("Male", "fr"))
    plans = [
        resource("plan_templates", "durable-solutions-profiling.toml"),
        sample_dir() / "freedonia-plan.toml",  # the demo's plan
        sample_dir() / "freedonia-rounds-plan.toml",
    ]
    for path in plans:
        plan = tomllib.loads(path.read_text(encoding="utf-8"))
        (sex,) = [d for d in plan["disaggregations"] if d["id"] == "sex"]
        for level in sex["levels"]:
            for lang, text in level["label"].items():
                if lang != "en":
                    assert text == term(level["label"]["en"], lang), (path.name, lang, text)
