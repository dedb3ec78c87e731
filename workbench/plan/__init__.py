"""The analysis plan: datasets and link, survey design, population groups, disaggregations,
indicators (library, contextualised or custom) and input mappings; auto-suggest; checks;
evaluation into the engine's :class:`~workbench.stats.frame.AnalysisFrame`; templates.

Public API
----------
- ``model.Plan`` (immutable): ``Plan.from_toml(text, source="plan")``, ``plan.to_toml()``,
  ``plan.dataset_names()``, ``plan.input(name)``, ``plan.indicator(id)``, ``plan.to_dict()``.
- ``commands``: ``SetMapping``, ``SetRole``, ``SetGroupColumn``, ``SetGroups``, ``AddIndicator``,
  ``RemoveIndicator``, ``SetIndicator``, ``SetDesign``, ``SetLinks``, ``SetDisaggregation``,
  ``SetCutPoints``, ``SetStockTables``, ``SetInfo``; ``cmd.apply(plan) -> (new_plan, inverse)``.
- ``undo.UndoStack(plan)``: ``do / undo / redo``, ``can_undo``, ``undo_text``, ``dirty``.
- ``suggest.suggest(library, datasets, name, threshold=0.5) -> Suggestion`` (plan + one
  ``Match`` per library input: column, confidence, reason, status accepted / review / none);
  ``suggest.suggest_plan(library, datasets, name) -> Plan``.
- ``checks.check_plan(plan, library, datasets, missing_threshold=0.2) -> list[Finding]``.
- ``evaluate.evaluate(plan, library, datasets) -> AnalysisFrame``.
- ``templates.export_template(plan, datasets=None) -> str``;
  ``templates.import_template(text, library, datasets) -> (Plan, list[Finding])``.

The plan file (TOML, ``plan_version = 1``)
------------------------------------------
::

    plan_version = 1
    name = "freedonia"
    description = "…"
    language = "en"                      # language of display labels in results (default en)

    [datasets]                           # names as the vault knows them
    household = "freedonia_household"
    household_key = "hh_id"              # unique household id in the household dataset
    individual = "freedonia_individual"  # optional
    individual_key = "hh_id"             # the household id in the individual dataset
    aggregation = "any"                  # individual answers → household: any | all | head
    head_column = "relation"             # who is the head (for "head" and head disaggregations)
    head_codes = [1]

    [design]                             # columns of the household dataset
    type = "complex"                     # complex | weights_only | unweighted
    weight = "weight"
    strata = "stratum"                   # optional
    psu = "ea_id"                        # optional (else households are the PSUs)
    fpc = "fpc_ea"                       # optional: stratum population size or sampling fraction
    lonely_psu = "adjust"                # fail | remove | certainty | adjust | average

    [groups]
    column = "pop_group"
    values = [
        { code = 1, role = "displaced", label = { en = "IDPs in camps", fr = "PDI en camps" } },
        { code = 4, role = "comparator", label = { en = "Host community" } },
        { code = 99, role = "exclude", label = { en = "Unknown" } },
    ]

    [[disaggregations]]                  # kind: category | age_groups | disability
    id = "sex"
    unit = "individual"                  # the dataset holding the column
    column = "sex"
    head = true                          # household indicators use the head's value
    levels = [{ codes = [2], label = { en = "Female" } }, { codes = [1], label = { en = "Male" } }]

    [[disaggregations]]
    id = "age"
    kind = "age_groups"
    unit = "individual"
    column = "age"
    cut_points = [0, 5, 18, 60]          # 0–4, 5–17, 18–59, 60+

    [[disaggregations]]
    id = "disability"
    kind = "disability"                  # Washington Group: any domain at these codes
    unit = "individual"
    columns = ["wg_seeing", "wg_hearing", "wg_walking", "wg_cognition", "wg_selfcare"]
    codes = [3, 4]

    [[indicators]]                       # a library indicator
    id = "ds_2_1_12_primary_net_attendance"
    disaggregations = ["sex", "age"]

    [[indicators]]                       # contextualised: expressions override the library's
    id = "c3_below_poverty_line"
    numerator = "household_income / household_size < 1250"
    note = "National poverty line: 1,250 FRD per person per month."

    [[indicators]]                       # custom
    id = "my_indicator"
    custom = true
    title = "…"
    criterion = "2"
    unit = "household"
    statistic = "proportion"             # proportion | mean | median | total | ratio
    direction = "higher_is_worse"
    numerator = "fies_worried and fies_hungry"

    [inputs.has_birth_certificate]       # library input name
    unit = "individual"
    column = "birth_cert"                # or columns = [...] with combine = any | all | count | sum
    true_codes = [1, 2]                  # or true_labels = ["Yes", "Oui"]
    missing = [98, 99]                   # default: the column's user-missing codes
    skip = "outside"                     # not asked (empty): outside the universe, or "no"
    # categories = { conflict = [1, 3], disaster = [2] }   (category inputs)
    # aggregate = "any"                  (individual → household for household indicators)

    [[stock_tables]]                     # IRIS stock tabulations over disaggregation ids
    id = "sex_by_age"
    title = "Displaced population by sex and age group"
    unit = "individual"
    rows = "sex"
    cols = "age"
"""
