"""Choice lists of the Freedonia form (XLSForm ``choices`` sheet), English and French."""

from __future__ import annotations

from workbench.sample.spec import Choice, ChoiceList

_DK = Choice(98, "Don't know", "Ne sait pas")
_REF = Choice(99, "Refused to answer", "Refus de répondre")


def _list(name: str, *items: tuple[int | str, str, str], dk: bool = True) -> ChoiceList:
    choices = tuple(Choice(code, en, fr) for code, en, fr in items)
    return ChoiceList(name, (*choices, _DK, _REF) if dk else choices)


DISTRICTS: tuple[tuple[int, str, str], ...] = (
    (1, "Alvora", "Alvora"),
    (2, "Bendeki", "Bendeki"),
    (3, "Corvalle", "Corvalle"),
    (4, "Dunmere", "Dunmere"),
)

CHOICE_LISTS: dict[str, ChoiceList] = {
    cl.name: cl
    for cl in (
        _list("yes_no", (1, "Yes", "Oui"), (0, "No", "Non")),
        _list("yes_no_plain", (1, "Yes", "Oui"), (0, "No", "Non"), dk=False),
        _list("district", *DISTRICTS, dk=False),
        _list(
            "district_origin",
            *DISTRICTS,
            (5, "Another district of Freedonia", "Un autre district de Freedonia"),
        ),
        _list("urban_rural", (1, "Urban", "Urbain"), (2, "Rural", "Rural"), dk=False),
        _list(
            "pop_group",
            (1, "IDPs in camps", "PDI dans des camps"),
            (2, "IDPs outside camps", "PDI hors des camps"),
            (3, "Returnees", "Rapatriés (retournés)"),
            (4, "Host community (non-displaced)", "Communauté hôte (non déplacés)"),
            (99, "Refused / unknown status", "Statut refusé / inconnu"),
            dk=False,
        ),
        _list(
            "disp_cause",
            (1, "Conflict or violence", "Conflit ou violence"),
            (2, "Disaster (flood, drought)", "Catastrophe (inondation, sécheresse)"),
            (3, "Both conflict and disaster", "Conflit et catastrophe"),
        ),
        _list(
            "settle_pref",
            (1, "Stay here (local integration)", "Rester ici (intégration locale)"),
            (2, "Return to place of origin", "Retourner au lieu d'origine"),
            (3, "Settle elsewhere in Freedonia", "S'installer ailleurs en Freedonia"),
        ),
        _list(
            "settle_cond",
            ("safety", "Safety and security", "Sûreté et sécurité"),
            ("housing", "Housing or shelter", "Logement ou abri"),
            ("livelihood", "Jobs and livelihoods", "Emplois et moyens de subsistance"),
            ("services", "Schools and health services", "Écoles et services de santé"),
            ("documents", "Personal documents", "Documents personnels"),
            ("compensation", "Restitution or compensation", "Restitution ou indemnisation"),
            ("family", "Family reunited", "Famille réunie"),
            ("other", "Other (specify)", "Autre (préciser)"),
            dk=False,
        ),
        _list(
            "safety4",
            (1, "Very safe", "Très en sécurité"),
            (2, "Fairly safe", "Plutôt en sécurité"),
            (3, "A bit unsafe", "Un peu en insécurité"),
            (4, "Very unsafe", "Très en insécurité"),
        ),
        _list(
            "move_restrict_type",
            ("checkpoints", "Checkpoints or roadblocks", "Points de contrôle ou barrages"),
            ("documents", "Lack of documents", "Manque de documents"),
            ("curfew", "Curfew or permits required", "Couvre-feu ou autorisation requise"),
            ("insecurity", "Insecurity on the roads", "Insécurité sur les routes"),
            ("cost", "Cost of transport", "Coût du transport"),
            dk=False,
        ),
        _list(
            "water_source",
            (1, "Piped into dwelling or yard", "Eau courante dans le logement ou la cour"),
            (2, "Public tap or standpipe", "Robinet public ou borne-fontaine"),
            (3, "Protected well or borehole", "Puits protégé ou forage"),
            (4, "Unprotected well or spring", "Puits ou source non protégé"),
            (5, "Surface water (river, pond)", "Eau de surface (rivière, mare)"),
            (6, "Tanker truck", "Camion-citerne"),
        ),
        _list(
            "toilet_type",
            (1, "Flush to sewer", "Chasse d'eau reliée à l'égout"),
            (2, "Flush to septic tank", "Chasse d'eau reliée à une fosse septique"),
            (3, "Pit latrine with slab", "Latrine à fosse avec dalle"),
            (4, "Pit latrine without slab", "Latrine à fosse sans dalle"),
            (5, "Bucket or hanging toilet", "Seau ou toilettes suspendues"),
            (6, "No facility (open defecation)", "Aucune installation (à l'air libre)"),
        ),
        _list(
            "dwelling_type",
            (1, "House or apartment", "Maison ou appartement"),
            (2, "Unfinished building", "Bâtiment inachevé"),
            (3, "Tent or makeshift shelter", "Tente ou abri de fortune"),
            (4, "Collective centre", "Centre collectif"),
        ),
        _list(
            "wall_material",
            (1, "Fired brick or concrete", "Brique cuite ou béton"),
            (2, "Stone or cement blocks", "Pierre ou parpaings"),
            (3, "Mud or unfired brick", "Terre ou brique crue"),
            (4, "Plastic sheeting or tarpaulin", "Bâche plastique"),
            (5, "Scrap wood or metal", "Bois ou tôle de récupération"),
        ),
        _list(
            "tenure_status",
            (1, "Owner", "Propriétaire"),
            (2, "Tenant", "Locataire"),
            (3, "Hosted free of charge", "Hébergé gratuitement"),
            (4, "Camp or collective shelter", "Camp ou abri collectif"),
            (5, "Occupying without permission", "Occupation sans autorisation"),
        ),
        _list(
            "likelihood4",
            (1, "Very likely", "Très probable"),
            (2, "Somewhat likely", "Assez probable"),
            (3, "Not very likely", "Peu probable"),
            (4, "Not at all likely", "Pas du tout probable"),
        ),
        _list(
            "income_source",
            (1, "Wages or salary", "Salaire"),
            (2, "Own business or trade", "Commerce ou entreprise propre"),
            (3, "Farming, livestock or fishing", "Agriculture, élevage ou pêche"),
            (4, "Remittances", "Transferts d'argent"),
            (5, "Humanitarian assistance", "Aide humanitaire"),
            (6, "Pension or social benefits", "Pension ou prestations sociales"),
            (7, "No income", "Aucun revenu"),
        ),
        _list(
            "hlp_type",
            ("house", "House or apartment", "Maison ou appartement"),
            ("land", "Agricultural land", "Terre agricole"),
            ("business", "Shop or business premises", "Boutique ou local commercial"),
            ("livestock", "Livestock", "Bétail"),
            dk=False,
        ),
        _list(
            "hlp_claim_status",
            (
                1,
                "Resolved: property returned or compensated",
                "Réglée : bien restitué ou indemnisé",
            ),
            (2, "Resolved but not enforced", "Réglée mais non exécutée"),
            (3, "Pending", "En cours"),
            (4, "Rejected", "Rejetée"),
        ),
        _list(
            "tracing",
            (
                1,
                "Aware of tracing services and used them",
                "Connaît les services de recherche et les a utilisés",
            ),
            (2, "Aware but did not use them", "Les connaît mais ne les a pas utilisés"),
            (3, "Not aware of tracing services", "Ne connaît pas les services de recherche"),
        ),
        _list(
            "satisfaction4",
            (1, "Very satisfied", "Très satisfait"),
            (2, "Fairly satisfied", "Plutôt satisfait"),
            (3, "Fairly dissatisfied", "Plutôt insatisfait"),
            (4, "Very dissatisfied", "Très insatisfait"),
        ),
        _list("sex", (1, "Male", "Masculin"), (2, "Female", "Féminin"), dk=False),
        _list(
            "relation",
            (1, "Head of household", "Chef de ménage"),
            (2, "Spouse or partner", "Conjoint(e)"),
            (3, "Son or daughter", "Fils ou fille"),
            (4, "Father or mother", "Père ou mère"),
            (5, "Brother or sister", "Frère ou sœur"),
            (6, "Grandchild", "Petit-enfant"),
            (7, "Other relative", "Autre parent"),
            (8, "Not related", "Sans lien de parenté"),
            dk=False,
        ),
        _list(
            "wg_difficulty",
            (1, "No difficulty", "Aucune difficulté"),
            (2, "Some difficulty", "Quelques difficultés"),
            (3, "A lot of difficulty", "Beaucoup de difficultés"),
            (4, "Cannot do at all", "Ne peut pas du tout"),
        ),
        _list(
            "edu_level",
            (0, "None", "Aucun"),
            (1, "Some primary", "Primaire incomplet"),
            (2, "Primary completed", "Primaire achevé"),
            (3, "Lower secondary completed", "Premier cycle du secondaire achevé"),
            (4, "Upper secondary completed", "Second cycle du secondaire achevé"),
            (5, "Post-secondary", "Post-secondaire"),
        ),
        _list(
            "birth_cert",
            (1, "Yes, seen by enumerator", "Oui, vu par l'enquêteur"),
            (2, "Yes, not seen", "Oui, non vu"),
            (3, "No", "Non"),
        ),
        _list(
            "health_barrier",
            (1, "Too expensive", "Trop cher"),
            (2, "Facility too far", "Centre trop éloigné"),
            (3, "Refused treatment / lack of documents", "Soins refusés / manque de documents"),
            (4, "No staff or medicine", "Pas de personnel ou de médicaments"),
            (5, "Insecurity on the way", "Insécurité sur le trajet"),
        ),
    )
}
