<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnalysisPage</name>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>Lancer l’analyse</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>Exporter les résultats…</translation>
    </message>
    <message>
        <source>The publishable copy by default: suppressed values removed and flagged.</source>
        <translation>La copie publiable par défaut : valeurs supprimées retirées et signalées.</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan :</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>Résultats :</translation>
    </message>
    <message>
        <source>Double-click a criterion to see its indicators.</source>
        <translation>Double-cliquez sur un critère pour voir ses indicateurs.</translation>
    </message>
    <message>
        <source>In brackets: indicators worse / indicators assessed.</source>
        <translation>Entre parenthèses : indicateurs défavorables / indicateurs évalués.</translation>
    </message>
    <message>
        <source>← All criteria</source>
        <translation>← Tous les critères</translation>
    </message>
    <message>
        <source>Show by:</source>
        <translation>Afficher par :</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Critères</translation>
    </message>
    <message>
        <source>Solutions measure</source>
        <translation>Mesure des solutions</translation>
    </message>
    <message>
        <source>Progress since the baseline</source>
        <translation>Progrès depuis l’enquête de référence</translation>
    </message>
    <message>
        <source>Judging gaps</source>
        <translation>Appréciation des écarts</translation>
    </message>
    <message>
        <source>%1 (v%2, draft)</source>
        <translation>%1 (v%2, brouillon)</translation>
    </message>
    <message>
        <source>Save an analysis plan first (Plan page).</source>
        <translation>Enregistrez d’abord un plan d’analyse (page Plan).</translation>
    </message>
    <message>
        <source>%1 v%2 — %3</source>
        <translation>%1 v%2 — %3</translation>
    </message>
    <message>
        <source>Computing estimates…</source>
        <translation>Calcul des estimations…</translation>
    </message>
    <message>
        <source>Analysis finished and stored in the vault.</source>
        <translation>Analyse terminée et enregistrée dans le coffre.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>INTERNAL copy (not for publication) written to %1.</source>
        <translation>Copie INTERNE (à ne pas publier) écrite dans %1.</translation>
    </message>
    <message>
        <source>Publishable copy written to %1 (suppressed values removed).</source>
        <translation>Copie publiable écrite dans %1 (valeurs supprimées retirées).</translation>
    </message>
    <message>
        <source>All displaced</source>
        <translation>Ensemble des déplacés</translation>
    </message>
    <message>
        <source>Rating rule: %1</source>
        <translation>Règle de notation : %1</translation>
    </message>
    <message>
        <source>(red from %1% of the assessed indicators)</source>
        <translation>(rouge à partir de %1 % des indicateurs évalués)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No solutions measure in this run.</source>
        <translation>Pas de mesure des solutions dans cette exécution.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Ventilation</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>IC à 95 %</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Non publié</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Prudence</translation>
    </message>
    <message>
        <source>Nothing to estimate</source>
        <translation>Rien à estimer</translation>
    </message>
    <message>
        <source>(*) Not published: protects another value</source>
        <translation>(*) Non publié : protège une autre valeur</translation>
    </message>
    <message>
        <source>No indicator of this criterion is in the results.</source>
        <translation>Aucun indicateur de ce critère dans les résultats.</translation>
    </message>
    <message>
        <source>Population group</source>
        <translation>Groupe de population</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Too many categories for a chart; see the table.</source>
        <translation>Trop de catégories pour un graphique ; voir le tableau.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <extracomment>the export formats offered, by file-dialog filter</extracomment>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Depuis :</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action :</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Recompute every entry's hash and its link to the entry before it.</source>
        <translation>Recalculer l’empreinte de chaque entrée et son lien avec l’entrée précédente.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Write the whole log with its hash chain (CSV, Excel or JSON) for a reviewer.</source>
        <translation>Écrire tout le journal avec sa chaîne d’empreintes (CSV, Excel ou JSON) pour un vérificateur.</translation>
    </message>
    <message>
        <source>Every import, export, analysis and change made in this vault.</source>
        <translation>Chaque import, export, analyse et modification faits dans ce coffre.</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d’audit</translation>
    </message>
</context>
<context>
    <name>CalibrationEditor</name>
    <message>
        <source>Calibration to population totals</source>
        <translation>Calage sur des totaux de population</translation>
    </message>
    <message>
        <source>No calibration (design weights)</source>
        <translation>Pas de calage (poids de sondage)</translation>
    </message>
    <message>
        <source>Post-stratification (one margin)</source>
        <translation>Post-stratification (une marge)</translation>
    </message>
    <message>
        <source>Raking (iterative proportional fitting)</source>
        <translation>Ratissage (ajustement proportionnel itératif)</translation>
    </message>
    <message>
        <source>Calibration (GREG or bounded)</source>
        <translation>Calage (GREG ou borné)</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Individus</translation>
    </message>
    <message>
        <source>Linear (GREG)</source>
        <translation>Linéaire (GREG)</translation>
    </message>
    <message>
        <source>Raking (exponential)</source>
        <translation>Raking (exponentielle)</translation>
    </message>
    <message>
        <source>Logit (needs bounds)</source>
        <translation>Logit (exige des bornes)</translation>
    </message>
    <message>
        <source>Bound the weight ratios</source>
        <translation>Borner les rapports de poids</translation>
    </message>
    <message>
        <source>Keep every calibrated weight between these multiples of its design weight.</source>
        <translation>Garder chaque poids calé entre ces multiples de son poids de sondage.</translation>
    </message>
    <message>
        <source>Trim the calibrated weights</source>
        <translation>Écrêter les poids calés</translation>
    </message>
    <message>
        <source>Repeat until no weight is outside</source>
        <translation>Répéter jusqu’à ce qu’aucun poids ne soit hors limites</translation>
    </message>
    <message>
        <source>Raking and calibration stop after this many iterations (R's maxit).</source>
        <translation>Le ratissage et le calage s’arrêtent après ce nombre d’itérations (maxit de R).</translation>
    </message>
    <message>
        <source>R's default</source>
        <translation>valeur par défaut de R</translation>
    </message>
    <message>
        <source>When the iterations have converged (R's epsilon). Raking: the largest change of a weighted count (below 1: a share of the weight total; R's default 1). Calibration: the largest relative misfit of a total (R's default 1e-7). Empty: R's default.</source>
        <translation>Quand les itérations ont convergé (epsilon de R). Ratissage : la plus grande variation d’un effectif pondéré (en dessous de 1 : une part du total des poids ; 1 par défaut dans R). Calage : le plus grand écart relatif à un total (1e-7 par défaut dans R). Vide : la valeur par défaut de R.</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Population total</source>
        <translation>Total de population</translation>
    </message>
    <message>
        <source>Import totals…</source>
        <translation>Importer les totaux…</translation>
    </message>
    <message>
        <source>A CSV file with the columns variable, level, total.</source>
        <translation>Un fichier CSV avec les colonnes variable, level, total.</translation>
    </message>
    <message>
        <source>Apply calibration</source>
        <translation>Appliquer le calage</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>Weights of:</source>
        <translation>Poids des :</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>Distance :</translation>
    </message>
    <message>
        <source>Iterations at most:</source>
        <translation>Itérations au plus :</translation>
    </message>
    <message>
        <source>Convergence tolerance:</source>
        <translation>Tolérance de convergence :</translation>
    </message>
    <message>
        <source>(numeric total)</source>
        <translation>(total numérique)</translation>
    </message>
    <message>
        <source>No population totals yet: import a margins file.</source>
        <translation>Pas encore de totaux de population : importez un fichier de marges.</translation>
    </message>
    <message>
        <source>the plan</source>
        <translation>le plan</translation>
    </message>
    <message>
        <source>Totals from %1 — %2</source>
        <translation>Totaux : %1 — %2</translation>
    </message>
    <message>
        <source>The convergence tolerance must be a positive number, e.g. 1 or 1e-7.</source>
        <translation>La tolérance de convergence doit être un nombre positif, par exemple 1 ou 1e-7.</translation>
    </message>
    <message>
        <source>The lower bound of the weight ratios must be below the upper.</source>
        <translation>La borne inférieure des rapports de poids doit être sous la borne supérieure.</translation>
    </message>
    <message>
        <source>The lower trimming limit must be below the upper.</source>
        <translation>La limite inférieure d’écrêtage doit être sous la limite supérieure.</translation>
    </message>
    <message>
        <source>Import population totals</source>
        <translation>Importer des totaux de population</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CandidatePanel</name>
    <message>
        <source>Suggest columns</source>
        <translation>Suggérer des colonnes</translation>
    </message>
    <message>
        <source>Rank the dataset's columns for this input.</source>
        <translation>Classer les colonnes du jeu de données pour cette entrée.</translation>
    </message>
    <message>
        <source>No suggestion for this input yet.</source>
        <translation>Pas encore de suggestion pour cette entrée.</translation>
    </message>
    <message>
        <source>No column looks like this input.</source>
        <translation>Aucune colonne ne ressemble à cette entrée.</translation>
    </message>
    <message>
        <source>Suggested columns (best first; click one to use it):</source>
        <translation>Colonnes suggérées (la meilleure d’abord ; cliquez sur une colonne pour l’utiliser) :</translation>
    </message>
    <message>
        <source>suggested from its values only: %1 — check</source>
        <translation>suggérée d’après ses seules valeurs : %1 — à vérifier</translation>
    </message>
    <message>
        <source>confidence %1%</source>
        <translation>confiance %1 %</translation>
    </message>
    <message>
        <source>counts: %1</source>
        <translation>retenus : %1</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>The data key is wrapped again under the new passphrase; nothing is re-encrypted. Backups made before keep the old passphrase.</source>
        <translation>La clé des données est protégée à nouveau par la nouvelle phrase secrète ; rien n’est rechiffré. Les sauvegardes faites avant gardent l’ancienne phrase secrète.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Phrase secrète actuelle :</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase secrète :</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Répéter la phrase secrète :</translation>
    </message>
</context>
<context>
    <name>ChartExporter</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Enregistrer le graphique en PNG…</translation>
    </message>
    <message>
        <source>Save chart as SVG…</source>
        <translation>Enregistrer le graphique en SVG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>Chart saved to %1.</source>
        <translation>Graphique enregistré dans %1.</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <source>Data checks</source>
        <extracomment>dataset, row (0-based, as stored), column ("" when the finding names none)</extracomment>
        <translation>Contrôles des données</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Lancer les contrôles</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Toutes les gravités</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données :</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Gravité :</translation>
    </message>
    <message>
        <source>Check:</source>
        <translation>Contrôle :</translation>
    </message>
    <message>
        <source>Implausible values, outliers, skip-pattern violations, “other, specify” texts that match a choice, duplicate interviews, durations, consent and the plan’s own rules, over every record. Double-click a finding to open the record in the data viewer.</source>
        <translation>Valeurs invraisemblables, valeurs aberrantes, filtres non respectés, textes « autre, préciser » qui correspondent à un choix, entretiens en double, durées, consentement et règles propres au plan, sur chaque enregistrement. Double-cliquez sur un résultat pour ouvrir l’enregistrement dans la visionneuse de données.</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>Tous les jeux de données</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>Tous les contrôles</translation>
    </message>
    <message>
        <source>No datasets to check yet.</source>
        <translation>Aucun jeu de données à contrôler pour l’instant.</translation>
    </message>
    <message>
        <source>Running the data checks…</source>
        <translation>Contrôle des données en cours…</translation>
    </message>
    <message>
        <source>The checks were cancelled; no finding is shown.</source>
        <translation>Les contrôles ont été annulés ; aucun résultat n’est affiché.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) shown</source>
        <translation>
            <numerusform>%n résultat affiché</numerusform>
            <numerusform>%n résultats affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>errors: %1, warnings: %2, notes: %3</source>
        <translation>erreurs : %1, avertissements : %2, notes : %3</translation>
    </message>
</context>
<context>
    <name>ChooseDatasetsDialog</name>
    <message>
        <source>New plan from datasets</source>
        <translation>Nouveau plan à partir des données</translation>
    </message>
    <message>
        <source>Which datasets does the plan read? Usually one household dataset and the member dataset linked to it.</source>
        <translation>Quels jeux de données le plan lit-il ? En général un jeu de ménages et le jeu des membres qui lui est lié.</translation>
    </message>
    <message>
        <source>households</source>
        <translation>ménages</translation>
    </message>
    <message>
        <source>individuals</source>
        <translation>individus</translation>
    </message>
    <message>
        <source>(linked to %1)</source>
        <translation>(lié à %1)</translation>
    </message>
    <message>
        <source>Suggest a plan</source>
        <translation>Proposer un plan</translation>
    </message>
</context>
<context>
    <name>CleaningDialog</name>
    <message>
        <source>Change value</source>
        <translation>Modifier la valeur</translation>
    </message>
    <message>
        <source>Set missing</source>
        <translation>Rendre manquante</translation>
    </message>
    <message>
        <source>Drop record</source>
        <translation>Supprimer l’enregistrement</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données :</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Enregistrement :</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question :</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(manquant)</translation>
    </message>
    <message>
        <source>Value now:</source>
        <translation>Valeur actuelle :</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Nouvelle valeur :</translation>
    </message>
    <message>
        <source>Why: what the check found, who confirmed it…</source>
        <translation>Pourquoi : ce que le contrôle a trouvé, qui l’a confirmé…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Raison :</translation>
    </message>
    <message>
        <source>optional, e.g. check.age_range</source>
        <translation>facultatif, p. ex. check.age_range</translation>
    </message>
    <message>
        <source>Answers the check:</source>
        <translation>Répond au contrôle :</translation>
    </message>
    <message>
        <source>The imported data are not changed: the change is added to the cleaning log, which every analysis reads through, and can be undone.</source>
        <translation>Les données importées ne sont pas modifiées : la modification est ajoutée au journal de nettoyage, que toute analyse applique, et peut être annulée.</translation>
    </message>
</context>
<context>
    <name>CleaningLogModel</name>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Ancienne valeur</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>change value</source>
        <translation>valeur modifiée</translation>
    </message>
    <message>
        <source>set missing</source>
        <translation>rendue manquante</translation>
    </message>
    <message>
        <source>drop record</source>
        <translation>enregistrement supprimé</translation>
    </message>
    <message>
        <source>recode category</source>
        <translation>catégorie recodée</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>undo of %1</source>
        <translation>annulation de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(manquant)</translation>
    </message>
    <message>
        <source>applies</source>
        <translation>s’applique</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>annulée</translation>
    </message>
</context>
<context>
    <name>CleaningPage</name>
    <message>
        <source>Cleaning log</source>
        <translation>Journal de nettoyage</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Exporter en XLSX…</translation>
    </message>
    <message>
        <source>Import a log…</source>
        <translation>Importer un journal…</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données :</translation>
    </message>
    <message>
        <source>Changes to the data, each with its reason. The imported data are never changed: analyses, checks and the data viewer read them through this log. Right-click a cell in the Datasets page to change a value, set it missing or drop a record; select an entry here to undo it.</source>
        <translation>Les modifications des données, chacune avec sa raison. Les données importées ne sont jamais modifiées : analyses, contrôles et visionneuse les lisent à travers ce journal. Clic droit sur une cellule dans la page Jeux de données pour modifier une valeur, la rendre manquante ou supprimer un enregistrement ; sélectionnez une entrée ici pour l’annuler.</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>Tous les jeux de données</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Aucune modification pour l’instant.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) changed</source>
        <translation>
            <numerusform>%n valeur modifiée</numerusform>
            <numerusform>%n valeurs modifiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set missing</source>
        <translation>
            <numerusform>%n rendue manquante</numerusform>
            <numerusform>%n rendues manquantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) dropped</source>
        <translation>
            <numerusform>%n enregistrement supprimé</numerusform>
            <numerusform>%n enregistrements supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n category recode(s)</source>
        <translation>
            <numerusform>%n catégorie recodée</numerusform>
            <numerusform>%n catégories recodées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undone</source>
        <translation>
            <numerusform>%n annulée</numerusform>
            <numerusform>%n annulées</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo entry %1</source>
        <translation>Annuler l’entrée %1</translation>
    </message>
    <message>
        <source>Why is this change undone?</source>
        <translation>Pourquoi cette modification est-elle annulée ?</translation>
    </message>
    <message>
        <source>Entry %1 undone.</source>
        <translation>Entrée %1 annulée.</translation>
    </message>
    <message>
        <source>Export the cleaning log</source>
        <translation>Exporter le journal de nettoyage</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 change(s)).</source>
        <translation>%1 écrit (%2 modification(s)).</translation>
    </message>
    <message>
        <source>Import a cleaning log</source>
        <translation>Importer un journal de nettoyage</translation>
    </message>
    <message>
        <source>Imported %1 change(s) from %2.</source>
        <translation>%1 modification(s) importée(s) depuis %2.</translation>
    </message>
</context>
<context>
    <name>CriteriaSummaryModel</name>
    <message>
        <source>Described, not compared</source>
        <extracomment>the report's traffic light (Okabe–Ito fills, a symbol per rating, its text colour)</extracomment>
        <translation>Décrit, non comparé</translation>
    </message>
    <message>
        <source>Described, not rated</source>
        <translation>Décrit, non apprécié</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Moins bien</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mitigé</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>Non concluant</translation>
    </message>
    <message>
        <source>No gap</source>
        <translation>Pas d’écart</translation>
    </message>
    <message>
        <source>Not assessable</source>
        <translation>Non évaluable</translation>
    </message>
    <message>
        <source>Worse: displaced substantively worse off on the share of indicators the rating rule names</source>
        <translation>Moins bien : déplacés nettement moins bien lotis sur la part d’indicateurs fixée par la règle de notation</translation>
    </message>
    <message>
        <source>Mixed: worse on some, or not enough data</source>
        <translation>Mitigé : moins bien lotis sur certains, ou données insuffisantes</translation>
    </message>
    <message>
        <source>Not assessable: no data, or described but not compared</source>
        <translation>Non évaluable : pas de données, ou décrit mais non comparé</translation>
    </message>
    <message>
        <source>Described, not rated: a profile module, whose gaps are not rated</source>
        <translation>Décrit, non apprécié : un module de profil, dont les écarts ne sont pas appréciés</translation>
    </message>
    <message>
        <source>“k better”: indicators on which the group is substantively better off. Hatched cell, “limited evidence”: fewer than half of the criterion's indicators could be assessed; the same rule rates it, on few indicators.</source>
        <translation>« plus favorables : k » : indicateurs sur lesquels le groupe est nettement mieux loti. Case hachurée, « base limitée » : moins de la moitié des indicateurs du critère ont pu être évalués ; la même règle l’apprécie, sur peu d’indicateurs.</translation>
    </message>
    <message>
        <source>%1 better</source>
        <translation>plus favorables : %1</translation>
    </message>
    <message>
        <source>%1 inconclusive</source>
        <translation>non concluants : %1</translation>
    </message>
    <message>
        <source>limited evidence: %1 of %2 assessed</source>
        <translation>base limitée : évaluation de %1 sur %2</translation>
    </message>
    <message>
        <source>%1 inconclusive (not significant, the interval reaching the minimum important difference)</source>
        <translation>%1 non concluants (non significatifs, l’intervalle atteignant la différence minimale importante)</translation>
    </message>
    <message>
        <source>%1 significant under the threshold, %2 equivalent (no gap), %3 not compared</source>
        <translation>%1 significatifs mais sous le seuil, %2 équivalents (pas d’écart), %3 non comparés</translation>
    </message>
    <message>
        <source>Inconclusive: none worse, but some not shown equivalent or better either</source>
        <translation>Non concluant : aucun indicateur défavorable, mais certains n’ont pas non plus été montrés équivalents ou plus favorables</translation>
    </message>
    <message>
        <source>No gap: every indicator shown equivalent or better</source>
        <translation>Pas d’écart : chaque indicateur montré équivalent ou plus favorable</translation>
    </message>
    <message>
        <source>“k inconclusive” (“k of n inconclusive” in an Inconclusive cell, where none is worse): not significant, but the interval reaches the minimum important difference; counted as assessed, and the cell is never “No gap”.</source>
        <translation>« non concluants : k » (« non concluants : k sur n » dans une case Non concluant, où aucun n’est moins favorable) : non significatifs, mais l’intervalle atteint la différence minimale importante ; comptés comme évalués, et la case n’est jamais « Pas d’écart ».</translation>
    </message>
    <message>
        <source>%1 of %2 inconclusive</source>
        <translation>non concluants : %1 sur %2</translation>
    </message>
    <message>
        <source>%1 assessed</source>
        <translation>évalués : %1</translation>
    </message>
    <message>
        <source>A profile module: its indicators are described and compared in its tables, never rated.</source>
        <translation>Un module de profil : ses indicateurs sont décrits et comparés dans ses tableaux, jamais appréciés.</translation>
    </message>
    <message>
        <source>%1 worse, %2 better, %3 no significant difference, %4 insufficient data</source>
        <translation>%1 moins bien, %2 mieux, %3 sans différence significative, %4 données insuffisantes</translation>
    </message>
</context>
<context>
    <name>CustomIndicatorDialog</name>
    <message>
        <source>Edit custom indicator</source>
        <translation>Modifier l’indicateur personnalisé</translation>
    </message>
    <message>
        <source>New custom indicator</source>
        <translation>Nouvel indicateur personnalisé</translation>
    </message>
    <message>
        <source>The language of the title typed beside it; a report in a language without a title prints the English one, marked, and its translation check says so.</source>
        <translation>La langue du titre saisi à côté ; un rapport dans une langue sans titre imprime le titre anglais, marqué, et sa vérification des traductions le signale.</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and _; how tables name it.</source>
        <translation>Lettres minuscules, chiffres et _ ; le nom qu’il porte dans les tableaux.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Individual (household member)</source>
        <translation>Individu (membre du ménage)</translation>
    </message>
    <message>
        <source>Higher is worse</source>
        <translation>Plus élevé est pire</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Plus élevé est mieux</translation>
    </message>
    <message>
        <source>Neutral (described, not judged)</source>
        <translation>Neutre (décrit, non jugé)</translation>
    </message>
    <message>
        <source>e.g. loan_for_basic_expenses</source>
        <translation>p. ex. loan_for_basic_expenses</translation>
    </message>
    <message>
        <source>empty: everyone of the unit</source>
        <translation>vide : toute l’unité</translation>
    </message>
    <message>
        <source>(none: not in the solutions measure)</source>
        <translation>(aucun : hors de la mesure des solutions)</translation>
    </message>
    <message>
        <source>Alternative to the recommended indicator</source>
        <translation>Alternative à l’indicateur recommandé</translation>
    </message>
    <message>
        <source>Recommended indicator</source>
        <translation>Indicateur recommandé</translation>
    </message>
    <message>
        <source>A household outside an indicator's universe (a question skipped by design): not vulnerable on it, or unknown. This applies to the whole plan.</source>
        <translation>Un ménage hors du champ d’un indicateur (question sautée par construction) : non vulnérable sur ce point, ou inconnu. Ce choix vaut pour tout le plan.</translation>
    </message>
    <message>
        <source>count as not vulnerable</source>
        <translation>compter comme non vulnérable</translation>
    </message>
    <message>
        <source>count as unknown (missing)</source>
        <translation>compter comme inconnu (manquant)</translation>
    </message>
    <message>
        <source>What it measures, shown in the report</source>
        <translation>Ce qu’il mesure, affiché dans le rapport</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <source>Criterion:</source>
        <translation>Critère :</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unité :</translation>
    </message>
    <message>
        <source>Statistic:</source>
        <translation>Statistique :</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Sens :</translation>
    </message>
    <message>
        <source>Numerator:</source>
        <translation>Numérateur :</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Univers :</translation>
    </message>
    <message>
        <source>Denominator:</source>
        <translation>Dénominateur :</translation>
    </message>
    <message>
        <source>Breakdowns:</source>
        <translation>Ventilations :</translation>
    </message>
    <message>
        <source>IRIS sub-criterion:</source>
        <translation>Sous-critère IRIS :</translation>
    </message>
    <message>
        <source>Stands for it as:</source>
        <translation>Le représente comme :</translation>
    </message>
    <message>
        <source>Outside its universe, in the solutions measure:</source>
        <translation>Hors de son champ, dans la mesure des solutions :</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>Définition :</translation>
    </message>
    <message>
        <source>%1 (new input: map it next)</source>
        <translation>%1 (nouvelle entrée : associez-la ensuite)</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>Lit : %1</translation>
    </message>
    <message>
        <source>Give the indicator a title.</source>
        <translation>Donnez un titre à l’indicateur.</translation>
    </message>
    <message>
        <source>The identifier starts with a letter and holds only lower-case letters, digits and _.</source>
        <translation>L’identifiant commence par une lettre et ne contient que des minuscules, des chiffres et _.</translation>
    </message>
    <message>
        <source>“%1” is already an indicator: choose another identifier.</source>
        <translation>« %1 » est déjà un indicateur : choisissez un autre identifiant.</translation>
    </message>
    <message>
        <source>Write the numerator: what counts (a yes/no input or a condition).</source>
        <translation>Écrivez le numérateur : ce qui compte (une entrée oui/non ou une condition).</translation>
    </message>
    <message>
        <source>A ratio needs a denominator.</source>
        <translation>Un ratio a besoin d’un dénominateur.</translation>
    </message>
</context>
<context>
    <name>DataTableModel</name>
    <message>
        <source>Changed by the cleaning log (entry %1: %2); imported value: %3</source>
        <extracomment>rows added per fetchMore. Every row at once by default, so the scrollbar spans the whole dataset (issue 21 finding 8: it covered the first 50,000 of a million); the view gives its rows one fixed height, which keeps a 1M-row header cheap. Smaller chunks remain for tests. tables above this size sort and filter through the runner (off the GUI thread) an answer the cleaning log changed or blanked each row's position in the imported file and its record name in the cleaning log (None: the frame's own positions, row numbers as names)</extracomment>
        <translation>Modifiée par le journal de nettoyage (entrée %1 : %2) ; valeur importée : %3</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(manquant)</translation>
    </message>
    <message>
        <source>Missing code</source>
        <translation>Code de valeur manquante</translation>
    </message>
</context>
<context>
    <name>DatasetListModel</name>
    <message>
        <source>Household</source>
        <extracomment>custom role: the DatasetInfo record of a row</extracomment>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individu</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>Importé de %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé le</translation>
    </message>
</context>
<context>
    <name>DatasetsPage</name>
    <message>
        <source>Datasets</source>
        <translation>Jeux de données</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <extracomment>a record to show once its dataset is loaded (dataset, row as stored, column name)</extracomment>
        <translation>Importer un fichier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>No datasets yet. Import a CSV, Excel (Kobo), SPSS or Stata file to begin.</source>
        <translation>Aucun jeu de données. Importez un fichier CSV, Excel (Kobo), SPSS ou Stata pour commencer.</translation>
    </message>
    <message>
        <source>Show value labels</source>
        <translation>Afficher les libellés de valeurs</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>contient…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Colonne :</translation>
    </message>
    <message>
        <source>Data</source>
        <extracomment>the cleaning log's (entries, last id) of each dataset when last loaded</extracomment>
        <translation>Données</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Decrypting %1…</source>
        <translation>Déchiffrement de %1…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n dropped by the cleaning log)</source>
        <translation>
            <numerusform>(%n supprimé par le journal de nettoyage)</numerusform>
            <numerusform>(%n supprimés par le journal de nettoyage)</numerusform>
        </translation>
    </message>
    <message>
        <source>Change value…</source>
        <translation>Modifier la valeur…</translation>
    </message>
    <message>
        <source>Set missing…</source>
        <translation>Rendre manquante…</translation>
    </message>
    <message>
        <source>Drop record…</source>
        <translation>Supprimer l’enregistrement…</translation>
    </message>
    <message>
        <source>Change not made</source>
        <translation>Modification non effectuée</translation>
    </message>
    <message>
        <source>Sorting and filtering…</source>
        <translation>Tri et filtrage…</translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation>Supprimer le jeu de données</translation>
    </message>
    <message>
        <source>Delete the dataset “%1” from the vault? This cannot be undone.</source>
        <translation>Supprimer le jeu de données « %1 » du coffre ? Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>DesignEditor</name>
    <message>
        <source>Complex (weights, strata, clusters)</source>
        <translation>Complexe (poids, strates, grappes)</translation>
    </message>
    <message>
        <source>Weights only</source>
        <translation>Poids seulement</translation>
    </message>
    <message>
        <source>Unweighted</source>
        <translation>Non pondéré</translation>
    </message>
    <message>
        <source>Centre on the whole sample (adjust)</source>
        <translation>Centrer sur l’ensemble de l’échantillon (adjust)</translation>
    </message>
    <message>
        <source>Average variance of the other strata (average)</source>
        <translation>Variance moyenne des autres strates (average)</translation>
    </message>
    <message>
        <source>Sampled with certainty: no variance (certainty)</source>
        <translation>Tirée avec certitude : pas de variance (certainty)</translation>
    </message>
    <message>
        <source>Leave out of the variance (remove)</source>
        <translation>Exclure de la variance (remove)</translation>
    </message>
    <message>
        <source>Stop with an error (fail)</source>
        <translation>Arrêter avec une erreur (fail)</translation>
    </message>
    <message>
        <source>What the variance does with a stratum (or a later stage's unit) that has a single sampled unit, as R's survey.lonely.psu option.</source>
        <translation>Ce que fait la variance d’une strate (ou d’une unité d’un degré suivant) qui n’a qu’une seule unité tirée, comme l’option survey.lonely.psu de R.</translation>
    </message>
    <message>
        <source>Survey weight: how many units each interview represents.</source>
        <translation>Poids de sondage : combien d’unités chaque entretien représente.</translation>
    </message>
    <message>
        <source>Sampling strata (the areas sampled separately).</source>
        <translation>Strates d’échantillonnage (zones tirées séparément).</translation>
    </message>
    <message>
        <source>Primary sampling unit (cluster, enumeration area).</source>
        <translation>Unité primaire d’échantillonnage (grappe, zone de dénombrement).</translation>
    </message>
    <message>
        <source>Optional: population size (or sampling fraction) of each stratum.</source>
        <translation>Facultatif : taille de la population (ou taux de sondage) de chaque strate.</translation>
    </message>
    <message>
        <source>Apply design</source>
        <translation>Appliquer le plan de sondage</translation>
    </message>
    <message>
        <source>Survey design</source>
        <translation>Plan de sondage</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Poids :</translation>
    </message>
    <message>
        <source>Strata:</source>
        <translation>Strates :</translation>
    </message>
    <message>
        <source>Clusters (PSU):</source>
        <translation>Grappes (UPE) :</translation>
    </message>
    <message>
        <source>Population size (FPC):</source>
        <translation>Taille de population (FPC) :</translation>
    </message>
    <message>
        <source>Stratum with one PSU:</source>
        <translation>Strate avec une seule UPE :</translation>
    </message>
    <message>
        <source>Later stages:</source>
        <translation>Degrés suivants :</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Population groups</source>
        <translation>Groupes de population</translation>
    </message>
    <message>
        <source>Disaggregation</source>
        <translation>Ventilation</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Modalités</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected disaggregation from the plan.</source>
        <translation>Retirer la ventilation sélectionnée du plan.</translation>
    </message>
    <message>
        <source>Disaggregations</source>
        <translation>Ventilations</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Group column: %1</source>
        <translation>Colonne de groupe : %1</translation>
    </message>
    <message>
        <source>Displaced</source>
        <translation>Déplacés</translation>
    </message>
    <message>
        <source>Comparator (host)</source>
        <translation>Comparaison (communauté hôte)</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Exclure</translation>
    </message>
    <message>
        <source>Codes %1 count as a disability</source>
        <translation>Les codes %1 comptent comme un handicap</translation>
    </message>
    <message>
        <source>every answer</source>
        <translation>chaque réponse</translation>
    </message>
</context>
<context>
    <name>DisaggregationDialog</name>
    <message>
        <source>Edit disaggregation</source>
        <extracomment>Washington Group answers: 3 "a lot of difficulty", 4 "cannot do at all"</extracomment>
        <translation>Modifier la ventilation</translation>
    </message>
    <message>
        <source>Add disaggregation</source>
        <translation>Ajouter une ventilation</translation>
    </message>
    <message>
        <source>A short name used in the plan file (letters, digits, _).</source>
        <translation>Un nom court utilisé dans le fichier du plan (lettres, chiffres, _).</translation>
    </message>
    <message>
        <source>Category (a column's answers)</source>
        <translation>Catégorie (réponses d’une colonne)</translation>
    </message>
    <message>
        <source>Age groups</source>
        <translation>Groupes d’âge</translation>
    </message>
    <message>
        <source>Disability (Washington Group)</source>
        <translation>Handicap (Groupe de Washington)</translation>
    </message>
    <message>
        <source>Household dataset</source>
        <translation>Jeu de données ménages</translation>
    </message>
    <message>
        <source>Individual dataset</source>
        <translation>Jeu de données individus</translation>
    </message>
    <message>
        <source>Households take the head of household's value</source>
        <translation>Les ménages prennent la valeur du chef de ménage</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Label (EN)</source>
        <translation>Libellé (EN)</translation>
    </message>
    <message>
        <source>Label (FR)</source>
        <translation>Libellé (FR)</translation>
    </message>
    <message>
        <source>Optional: pool codes (e.g. '1, 2') under one label. Empty: every answer.</source>
        <translation>Facultatif : regrouper des codes (p. ex. « 1, 2 ») sous un libellé. Vide : chaque réponse.</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>Ajouter un niveau</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>Retirer le niveau</translation>
    </message>
    <message>
        <source>One level per answer</source>
        <translation>Un niveau par réponse</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Colonne :</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Niveaux :</translation>
    </message>
    <message>
        <source>The lowest age of each group, in increasing order.</source>
        <translation>L’âge le plus bas de chaque groupe, par ordre croissant.</translation>
    </message>
    <message>
        <source>Age column:</source>
        <translation>Colonne d’âge :</translation>
    </message>
    <message>
        <source>Cut points:</source>
        <translation>Seuils :</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Groupes :</translation>
    </message>
    <message>
        <source>Tick the Washington Group domain questions.</source>
        <translation>Cochez les questions par domaine du Groupe de Washington.</translation>
    </message>
    <message>
        <source>Domain questions:</source>
        <translation>Questions par domaine :</translation>
    </message>
    <message>
        <source>'A lot of difficulty' or worse:</source>
        <translation>« Beaucoup de difficulté » ou plus :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données :</translation>
    </message>
    <message>
        <source>Label (EN):</source>
        <translation>Libellé (EN) :</translation>
    </message>
    <message>
        <source>Label (FR):</source>
        <translation>Libellé (FR) :</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(choisir une colonne)</translation>
    </message>
    <message>
        <source>Type the cut points, e.g. 0, 5, 18, 60.</source>
        <translation>Saisissez les seuils, p. ex. 0, 5, 18, 60.</translation>
    </message>
    <message>
        <source>'%1' is not a number.</source>
        <translation>« %1 » n’est pas un nombre.</translation>
    </message>
    <message>
        <source>Ages cannot be negative.</source>
        <translation>Les âges ne peuvent pas être négatifs.</translation>
    </message>
    <message>
        <source>Each cut point must be larger than the one before.</source>
        <translation>Chaque seuil doit être supérieur au précédent.</translation>
    </message>
    <message>
        <source>The name must start with a letter and use only letters, digits, _.</source>
        <translation>Le nom doit commencer par une lettre et n’utiliser que des lettres, chiffres et _.</translation>
    </message>
    <message>
        <source>Another disaggregation already has this name.</source>
        <translation>Une autre ventilation porte déjà ce nom.</translation>
    </message>
    <message>
        <source>Choose the age column.</source>
        <translation>Choisissez la colonne d’âge.</translation>
    </message>
    <message>
        <source>Choose a column.</source>
        <translation>Choisissez une colonne.</translation>
    </message>
    <message>
        <source>Level '%1' has no codes.</source>
        <translation>Le niveau « %1 » n’a pas de codes.</translation>
    </message>
    <message>
        <source>Every level needs an English label.</source>
        <translation>Chaque niveau doit avoir un libellé en anglais.</translation>
    </message>
    <message>
        <source>Tick at least one domain question.</source>
        <translation>Cochez au moins une question par domaine.</translation>
    </message>
    <message>
        <source>Tick the codes that count as 'a lot of difficulty' or worse.</source>
        <translation>Cochez les codes qui comptent comme « beaucoup de difficulté » ou plus.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>La phrase secrète est incorrecte.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Vérifiez la disposition du clavier et la touche Verr. Maj, puis réessayez.</translation>
    </message>
    <message>
        <source>This file is not a Workbench vault.</source>
        <translation>Ce fichier n’est pas un coffre de l’Atelier.</translation>
    </message>
    <message>
        <source>Choose the .dsvault file you created, or create a new vault.</source>
        <translation>Choisissez le fichier .dsvault que vous avez créé, ou créez un coffre.</translation>
    </message>
    <message>
        <source>The vault file is damaged and cannot be opened safely.</source>
        <translation>Le fichier du coffre est endommagé et ne peut pas être ouvert sans risque.</translation>
    </message>
    <message>
        <source>Restore the latest backup with “Restore from a backup…” on the start screen (or run: workbench vault restore).</source>
        <translation>Restaurez la dernière sauvegarde avec « Restaurer une sauvegarde… » sur l’écran d’accueil (ou : workbench vault restore).</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Le coffre est verrouillé.</translation>
    </message>
    <message>
        <source>Unlock it again to continue.</source>
        <translation>Déverrouillez-le pour continuer.</translation>
    </message>
    <message>
        <source>This computer does not remember a key for this vault.</source>
        <translation>Cet ordinateur ne mémorise pas de clé pour ce coffre.</translation>
    </message>
    <message>
        <source>Type the passphrase instead.</source>
        <translation>Saisissez plutôt la phrase secrète.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Annulé ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>Le fichier n’a pas pu être lu ou écrit.</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it.</source>
        <translation>Vérifiez que le dossier existe et que vous pouvez y écrire.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>Une erreur inattendue s’est produite.</translation>
    </message>
    <message>
        <source>Nothing was changed. Copy the details and send them to your support contact.</source>
        <translation>Rien n’a été modifié. Copiez les détails et envoyez-les à votre contact d’assistance.</translation>
    </message>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>Atelier Solutions durables</translation>
    </message>
</context>
<context>
    <name>ExportResultsDialog</name>
    <message>
        <source>Export results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Publishable copy: suppressed values removed and flagged (recommended)</source>
        <translation>Copie publiable : valeurs supprimées retirées et signalées (recommandé)</translation>
    </message>
    <message>
        <source>Internal copy: every value, including suppressed ones — not for publication</source>
        <translation>Copie interne : toutes les valeurs, y compris les valeurs supprimées — à ne pas publier</translation>
    </message>
    <message>
        <source>Write the run's estimates, comparisons, solutions measure and stock tables to:</source>
        <translation>Écrire les estimations, comparaisons, mesure des solutions et tableaux de stock de l’analyse dans :</translation>
    </message>
    <message>
        <source>Every suppressed value will be written, including values from a handful of households. The file will be named %1, every sheet marked INTERNAL, and the audit log will record an internal export. Do not publish or share it.</source>
        <translation>Toutes les valeurs supprimées seront écrites, y compris des valeurs issues d’une poignée de ménages. Le fichier s’appellera %1, chaque feuille sera marquée INTERNAL et le journal d’audit enregistrera un export interne. Ne le publiez pas et ne le partagez pas.</translation>
    </message>
    <message>
        <source>Export internal copy</source>
        <translation>Exporter la copie interne</translation>
    </message>
    <message>
        <source>Choose a .xlsx or .csv file.</source>
        <translation>Choisissez un fichier .xlsx ou .csv.</translation>
    </message>
    <message>
        <source>Export publishable copy</source>
        <translation>Exporter la copie publiable</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <source>CSV, Excel (including Kobo exports), SPSS or Stata.</source>
        <translation>CSV, Excel (y compris les exports Kobo), SPSS ou Stata.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>How the dataset is called in the vault.</source>
        <translation>Le nom du jeu de données dans le coffre.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation>Nom du jeu de données :</translation>
    </message>
    <message>
        <source>Choose a data file</source>
        <translation>Choisir un fichier de données</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>ligne %1</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <extracomment>the guide's part about each workspace page (a page may also say ``help_anchor``) the guide's part about each dialog; a dialog not named here (a message box, a file picker) takes the part about the page or dialog it was opened from</extracomment>
        <translation>Guide d’utilisation</translation>
    </message>
    <message>
        <source>Find in the guide…</source>
        <translation>Rechercher dans le guide…</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>IdentifiersPage</name>
    <message>
        <source>Direct identifiers</source>
        <translation>Identifiants directs</translation>
    </message>
    <message>
        <source>These columns may identify people (names, phones, GPS, free text). Drop them unless you need them; hashing keeps a code for linking without the value. Quasi-identifiers (dates, villages) are kept unless you choose otherwise.</source>
        <translation>Ces colonnes peuvent identifier des personnes (noms, téléphones, GPS, texte libre). Supprimez-les sauf si vous en avez besoin ; le hachage garde un code pour les liaisons sans la valeur. Les quasi-identifiants (dates, villages) sont gardés sauf si vous en décidez autrement.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Why flagged</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>No likely identifiers were found.</source>
        <translation>Aucun identifiant probable n’a été trouvé.</translation>
    </message>
    <message>
        <source>Reading the whole file…</source>
        <translation>Lecture du fichier entier…</translation>
    </message>
    <message numerus="yes">
        <source>Checked over the whole file: %Ln row(s).</source>
        <translation>
            <numerusform>Vérifié sur le fichier entier : %Ln ligne.</numerusform>
            <numerusform>Vérifié sur le fichier entier : %Ln lignes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hacher</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>… (%1 more)</source>
        <translation>… (%1 de plus)</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
</context>
<context>
    <name>JudgementOptions</name>
    <message>
        <source>Judging gaps</source>
        <translation>Appréciation des écarts</translation>
    </message>
    <message>
        <source>within each criterion</source>
        <translation>au sein de chaque critère</translation>
    </message>
    <message>
        <source>across the whole plan</source>
        <translation>sur l’ensemble du plan</translation>
    </message>
    <message>
        <source>Assess with the adjusted p-values</source>
        <translation>Apprécier avec les valeurs p ajustées</translation>
    </message>
    <message>
        <source>Otherwise the adjusted p-values are shown beside the raw ones.</source>
        <translation>Sinon, les valeurs p ajustées sont affichées à côté des valeurs brutes.</translation>
    </message>
    <message>
        <source>Worse only when the gap matters</source>
        <translation>Défavorable seulement si l’écart compte</translation>
    </message>
    <message>
        <source>Worse or better only when the difference is significant and at least the indicator's minimum important difference (5 points for shares by default).</source>
        <translation>Défavorable ou favorable seulement si la différence est significative et au moins égale à l’écart minimal important de l’indicateur (5 points pour les parts par défaut).</translation>
    </message>
    <message>
        <source>Show “no gap” when equivalence is proven</source>
        <translation>Afficher « pas d’écart » quand l’équivalence est démontrée</translation>
    </message>
    <message>
        <source>Two one-sided tests (TOST) against the minimum important difference.</source>
        <translation>Deux tests unilatéraux (TOST) par rapport à l’écart minimal important.</translation>
    </message>
    <message>
        <source>Share of a criterion's assessed indicators worse that makes it red.</source>
        <translation>Part des indicateurs évalués d’un critère qui, défavorables, le rendent rouge.</translation>
    </message>
    <message>
        <source>Multiple comparisons:</source>
        <translation>Comparaisons multiples :</translation>
    </message>
    <message>
        <source>Substantive gaps:</source>
        <translation>Écarts importants :</translation>
    </message>
    <message>
        <source>Criterion rating:</source>
        <translation>Notation des critères :</translation>
    </message>
    <message>
        <source>Intervals (shares, counts):</source>
        <translation>Intervalles (parts, effectifs) :</translation>
    </message>
</context>
<context>
    <name>JudgingEditor</name>
    <message>
        <source>Own minimum important difference:</source>
        <translation>Écart minimal important propre :</translation>
    </message>
    <message>
        <source>Worse or better only when the gap is significant and at least this large; 0: any significant gap counts.</source>
        <translation>Défavorable ou favorable seulement si l’écart est significatif et au moins aussi grand ; 0 : tout écart significatif compte.</translation>
    </message>
    <message>
        <source>As the library says</source>
        <translation>Comme le dit la bibliothèque</translation>
    </message>
    <message>
        <source>Compare with the comparator</source>
        <translation>Comparer au groupe de comparaison</translation>
    </message>
    <message>
        <source>Describe only (not compared)</source>
        <translation>Décrire seulement (non comparé)</translation>
    </message>
    <message>
        <source>Apply judging</source>
        <translation>Appliquer l’appréciation</translation>
    </message>
    <message>
        <source>Comparison:</source>
        <translation>Comparaison :</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>compared</source>
        <translation>comparé</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>non comparé</translation>
    </message>
    <message>
        <source>Library: %1, %2</source>
        <translation>Bibliothèque : %1, %2</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Labels from the XLSForm</source>
        <translation>Libellés du XLSForm</translation>
    </message>
    <message>
        <source>The form the data was collected with gives every question its label and every code its answer text. Without it, codes show instead of answers.</source>
        <translation>Le formulaire de collecte donne à chaque question son libellé et à chaque code le texte de sa réponse. Sans lui, les codes s’affichent au lieu des réponses.</translation>
    </message>
    <message>
        <source>Choose another…</source>
        <translation>Choisir un autre…</translation>
    </message>
    <message>
        <source>XLSForm:</source>
        <translation>XLSForm :</translation>
    </message>
    <message>
        <source>Label language:</source>
        <translation>Langue des libellés :</translation>
    </message>
    <message>
        <source>(no XLSForm: keep the codes)</source>
        <translation>(pas de XLSForm : garder les codes)</translation>
    </message>
    <message>
        <source>Looking for the XLSForm beside the file…</source>
        <translation>Recherche du XLSForm à côté du fichier…</translation>
    </message>
    <message>
        <source>This file carries its own labels; choose the form only to replace them with the form's.</source>
        <translation>Ce fichier a ses propres libellés ; ne choisissez le formulaire que pour les remplacer par ceux du formulaire.</translation>
    </message>
    <message>
        <source>No XLSForm was found in the folder of the data file. Choose one if you have it; without it, codes show instead of answers in the data, the analysis and the report.</source>
        <translation>Aucun XLSForm n’a été trouvé dans le dossier du fichier de données. Choisissez-en un si vous l’avez ; sans lui, les codes s’affichent au lieu des réponses dans les données, l’analyse et le rapport.</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 columns</source>
        <translation>%1 — %2 colonnes sur %3</translation>
    </message>
    <message>
        <source>Choose the XLSForm</source>
        <translation>Choisir le XLSForm</translation>
    </message>
    <message>
        <source>The data keeps its codes; no labels are added.</source>
        <translation>Les données gardent leurs codes ; aucun libellé n’est ajouté.</translation>
    </message>
    <message>
        <source>%1 of the file's %2 columns are questions or answer options of this form (%3 questions, %4 answer lists, %5 multiple-choice questions).</source>
        <translation>%1 des %2 colonnes du fichier sont des questions ou des options de réponse de ce formulaire (%3 questions, %4 listes de réponses, %5 questions à choix multiples).</translation>
    </message>
    <message>
        <source>The other columns keep their names and codes.</source>
        <translation>Les autres colonnes gardent leurs noms et leurs codes.</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>In plan</source>
        <translation>Dans le plan</translation>
    </message>
    <message>
        <source>%1 (custom)</source>
        <translation>%1 (personnalisé)</translation>
    </message>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>Pas encore traduit : affiché en anglais.</translation>
    </message>
    <message>
        <source>Has errors</source>
        <translation>Contient des erreurs</translation>
    </message>
    <message>
        <source>Has warnings</source>
        <translation>Contient des avertissements</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>Atelier Solutions durables</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Close the vault now (Ctrl+L)</source>
        <translation>Fermer le coffre maintenant (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Coffre</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;Getting started with the sample</source>
        <translation>&amp;Premiers pas avec l’exemple</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Durable Solutions Workbench %1 — analysis of displacement surveys against the IASC criteria for durable solutions, offline: nothing leaves this computer unless you export it, and every export is in the vault's audit log.</source>
        <translation>Durable Solutions Workbench %1 — analyse des enquêtes sur le déplacement selon les critères de l’IASC pour les solutions durables, hors ligne : rien ne quitte cet ordinateur sans que vous l’exportiez, et chaque export figure dans le journal d’audit du coffre.</translation>
    </message>
    <message numerus="yes">
        <source>Vault unlocked. It locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>Coffre déverrouillé. Il se verrouille après %n minute d’inactivité.</numerusform>
            <numerusform>Coffre déverrouillé. Il se verrouille après %n minutes d’inactivité.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message numerus="yes">
        <source>The vault now locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>Le coffre se verrouille désormais après %n minute d’inactivité.</numerusform>
            <numerusform>Le coffre se verrouille désormais après %n minutes d’inactivité.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement…</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <source>Several columns (e.g. select-multiple options)</source>
        <extracomment>a suggested candidate was accepted (name, mapping) text columns' answers, from the suggestion (a text column has no value labels)</extracomment>
        <translation>Plusieurs colonnes (p. ex. options à choix multiples)</translation>
    </message>
    <message>
        <source>Tick the columns this input combines.</source>
        <translation>Cochez les colonnes que cette variable d’entrée combine.</translation>
    </message>
    <message>
        <source>Tick the answers that count as the condition.</source>
        <translation>Cochez les réponses qui comptent comme la condition.</translation>
    </message>
    <message>
        <source>Tick the codes that mean 'no answer'.</source>
        <translation>Cochez les codes qui signifient « pas de réponse ».</translation>
    </message>
    <message>
        <source>Apply mapping</source>
        <translation>Appliquer la correspondance</translation>
    </message>
    <message>
        <source>Remove mapping</source>
        <translation>Retirer la correspondance</translation>
    </message>
    <message>
        <source>This column has no coded answers: the input uses its values as they are.</source>
        <translation>Cette colonne n’a pas de réponses codées : l’entrée utilise ses valeurs telles quelles.</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Colonne :</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Colonnes :</translation>
    </message>
    <message>
        <source>Codes that count:</source>
        <translation>Codes retenus :</translation>
    </message>
    <message>
        <source>Missing codes:</source>
        <translation>Codes manquants :</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Univers :</translation>
    </message>
    <message>
        <source>everyone in the unit</source>
        <translation>toute l’unité</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(non associé)</translation>
    </message>
    <message>
        <source>counts when any ticked code appears in any column</source>
        <translation>compte dès qu’un code coché figure dans une colonne</translation>
    </message>
    <message>
        <source>counts when every column has a ticked code</source>
        <translation>compte quand chaque colonne a un code coché</translation>
    </message>
    <message>
        <source>the number of columns with a ticked code</source>
        <translation>le nombre de colonnes ayant un code coché</translation>
    </message>
    <message>
        <source>the sum of the columns</source>
        <translation>la somme des colonnes</translation>
    </message>
    <message>
        <source>Combined: %1.</source>
        <translation>Combinaison : %1.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>How to read it</source>
        <translation>Comment le lire</translation>
    </message>
    <message>
        <source>Check the preview: one row per record, one column per question.</source>
        <translation>Vérifiez l’aperçu : une ligne par enregistrement, une colonne par question.</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Détection automatique</translation>
    </message>
    <message>
        <source>Rows to skip before the row of column names.</source>
        <translation>Lignes à ignorer avant la ligne des noms de colonnes.</translation>
    </message>
    <message>
        <source>Read NA, N/A, #N/A, NaN, “.” and “-” as missing in number columns</source>
        <translation>Lire NA, N/A, #N/A, NaN, « . » et « - » comme manquants dans les colonnes de nombres</translation>
    </message>
    <message>
        <source>A text column whose real answers include such a value stays text.</source>
        <translation>Une colonne de texte dont les vraies réponses contiennent une telle valeur reste du texte.</translation>
    </message>
    <message>
        <source>e.g. -99, missing (separated by commas)</source>
        <translation>p. ex. -99, manquant (séparés par des virgules)</translation>
    </message>
    <message>
        <source>Other values that mean “missing” in this file.</source>
        <translation>Autres valeurs qui signifient « manquant » dans ce fichier.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Encodage :</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Séparateur :</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Ligne d’en-tête :</translation>
    </message>
    <message>
        <source>Missing values:</source>
        <translation>Valeurs manquantes :</translation>
    </message>
    <message>
        <source>Other missing markers:</source>
        <translation>Autres marqueurs de valeur manquante :</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>Lecture des premières lignes…</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>encodage %1</translation>
    </message>
    <message numerus="yes">
        <source>In the first %Ln row(s) (the whole file is checked later):</source>
        <translation>
            <numerusform>Dans la première ligne (%Ln) (le fichier entier est vérifié ensuite) :</numerusform>
            <numerusform>Dans les %Ln premières lignes (le fichier entier est vérifié ensuite) :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Trop court : utilisez au moins %n caractère.</numerusform>
            <numerusform>Trop court : utilisez au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>A vault needs a passphrase rated “Fair” or better.</source>
        <translation>Un coffre exige une phrase secrète jugée « Moyenne » ou mieux.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation>Faible : ajoutez des mots.</translation>
    </message>
    <message>
        <source>Fair: a few more words would help.</source>
        <translation>Moyenne : quelques mots de plus aideraient.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Bonne.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Forte.</translation>
    </message>
    <message>
        <source>Use a passphrase of several words.</source>
        <translation>Utilisez une phrase secrète de plusieurs mots.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>New from datasets</source>
        <extracomment>auto-suggest's match per input (ranked candidates); None until suggested the open plan was suggested and is not saved yet (the plan list marks it)</extracomment>
        <translation>Nouveau à partir des données</translation>
    </message>
    <message>
        <source>Suggest a plan from the datasets in the vault.</source>
        <translation>Proposer un plan à partir des jeux de données du coffre.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>Enregistrer une version</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Read a plan or template file (.toml) and fit it to these datasets.</source>
        <translation>Lire un plan ou un modèle (.toml) et l’adapter à ces jeux de données.</translation>
    </message>
    <message>
        <source>Export template…</source>
        <translation>Exporter un modèle…</translation>
    </message>
    <message>
        <source>New custom indicator…</source>
        <translation>Nouvel indicateur personnalisé…</translation>
    </message>
    <message>
        <source>An indicator of your own, from the inputs you map (it can stand for an IRIS sub-criterion in the solutions measure).</source>
        <translation>Un indicateur à vous, à partir des entrées que vous associez (il peut représenter un sous-critère IRIS dans la mesure des solutions).</translation>
    </message>
    <message>
        <source>Analysis plan</source>
        <translation>Plan d’analyse</translation>
    </message>
    <message>
        <source>By criterion</source>
        <translation>Par critère</translation>
    </message>
    <message>
        <source>By IRIS sub-criterion</source>
        <translation>Par sous-critère IRIS</translation>
    </message>
    <message>
        <source>Edit custom indicator…</source>
        <translation>Modifier l’indicateur personnalisé…</translation>
    </message>
    <message>
        <source>Inputs (click one to map it):</source>
        <translation>Entrées (cliquez pour l’associer) :</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Design and groups</source>
        <translation>Plan de sondage et groupes</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>%1 (version %2, draft)</source>
        <translation>%1 (version %2, brouillon)</translation>
    </message>
    <message>
        <source>%1 (new, not saved)</source>
        <translation>%1 (nouveau, non enregistré)</translation>
    </message>
    <message>
        <source>(unsaved changes)</source>
        <translation>(modifications non enregistrées)</translation>
    </message>
    <message numerus="yes">
        <source>%n indicator(s)</source>
        <translation>
            <numerusform>%n indicateur</numerusform>
            <numerusform>%n indicateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Use suggested column for %1</source>
        <translation>Utiliser la colonne suggérée pour %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Add to plan</source>
        <translation>Ajouter au plan</translation>
    </message>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>Pas encore traduit : affiché en anglais.</translation>
    </message>
    <message>
        <source>everyone in the unit</source>
        <translation>toute l’unité</translation>
    </message>
    <message>
        <source>household</source>
        <translation>ménage</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>individu</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unité :</translation>
    </message>
    <message>
        <source>Statistic:</source>
        <translation>Statistique :</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Univers :</translation>
    </message>
    <message>
        <source>Remove from plan</source>
        <translation>Retirer du plan</translation>
    </message>
    <message>
        <source>to review: %1 (from its values only)</source>
        <translation>à vérifier : %1 (d’après ses seules valeurs)</translation>
    </message>
    <message>
        <source>to review: %1 (%2%)</source>
        <translation>à vérifier : %1 (%2 %)</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Suggestion : %1</translation>
    </message>
    <message>
        <source>Checks: %1, %2</source>
        <translation>Contrôles : %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Checks could not run: %1</source>
        <translation>Les contrôles n’ont pas pu s’exécuter : %1</translation>
    </message>
    <message>
        <source>Note for this version (what changed):</source>
        <translation>Note pour cette version (ce qui a changé) :</translation>
    </message>
    <message>
        <source>Saved as version %1, a draft: %2 error(s) to fix before the analysis can run it (see the checks).</source>
        <translation>Enregistré comme version %1, un brouillon : %2 erreur(s) à corriger avant que l’analyse puisse l’exécuter (voir les contrôles).</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Enregistré comme version %1.</translation>
    </message>
    <message>
        <source>Import a plan or template</source>
        <translation>Importer un plan ou un modèle</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>Exporter un modèle</translation>
    </message>
    <message>
        <source>No plan yet, and no data: import your datasets first on the Datasets page (the bundled sample: freedonia_household and freedonia_individual). Then come back here.</source>
        <translation>Pas encore de plan ni de données : importez d’abord vos jeux de données sur la page Jeux de données (l’exemple fourni : freedonia_household et freedonia_individual). Revenez ensuite ici.</translation>
    </message>
    <message>
        <source>No plan yet. Click “New from datasets” to have one suggested from the datasets you choose, or “Import…” a plan file (the bundled sample has freedonia-plan.toml). Press F1 for the guide.</source>
        <translation>Pas encore de plan. Cliquez sur « Nouveau à partir des données » pour en obtenir un proposé à partir des jeux de données que vous choisissez, ou « Importer… » un fichier de plan (l’exemple fourni a freedonia-plan.toml). Appuyez sur F1 pour le guide.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <extracomment>rows a column sized to its contents looks at (Qt's default, 1000, made a page with a few hundred findings take 0.3 s to show again: every row's every cell was measured each time) the narrowest the last column of :func:`fit_every_row` gets before its cells wrap (pixels)</extracomment>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Progress since the baseline</source>
        <extracomment>closing green, widening red; a small change or a stable gap a quiet grey-blue</extracomment>
        <translation>Progrès depuis l’enquête de référence</translation>
    </message>
    <message>
        <source>Open this round's own results in the other tabs.</source>
        <translation>Ouvrir les résultats propres à cette vague dans les autres onglets.</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Vague :</translation>
    </message>
    <message>
        <source>Changes in the gaps</source>
        <translation>Évolution des écarts</translation>
    </message>
    <message>
        <source>Slope charts</source>
        <translation>Graphiques de pente</translation>
    </message>
    <message>
        <source>These results are one survey round. To see progress over time, analyse a plan with rounds (a baseline and follow-ups, [rounds] in the plan).</source>
        <translation>Ces résultats portent sur une seule vague d’enquête. Pour voir les progrès dans le temps, analysez un plan avec des vagues (une enquête de référence et des suivis, [rounds] dans le plan).</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>PDF/A (for archiving)</source>
        <translation>PDF/A (pour l’archivage)</translation>
    </message>
    <message>
        <source>Self-contained PDF that stays readable for decades.</source>
        <translation>PDF autonome qui reste lisible pendant des décennies.</translation>
    </message>
    <message>
        <source>Also write the annex tables (Excel)</source>
        <translation>Écrire aussi les tableaux annexes (Excel)</translation>
    </message>
    <message>
        <source>Also write the editable Word report (.docx)</source>
        <translation>Écrire aussi le rapport Word modifiable (.docx)</translation>
    </message>
    <message>
        <source>The same sections, tables and charts as the PDF, passed through the same checks.</source>
        <translation>Les mêmes sections, tableaux et graphiques que le PDF, soumis aux mêmes contrôles.</translation>
    </message>
    <message>
        <source>Also write the briefing for decision-makers (PDF and Word)</source>
        <translation>Écrire aussi la note de synthèse pour les décideurs (PDF et Word)</translation>
    </message>
    <message>
        <source>Two to four pages: the traffic light, the IDP stock, the largest gaps with their charts, the solutions measure and the method in brief.</source>
        <translation>Deux à quatre pages : le feu tricolore, le nombre de PDI, les plus grands écarts avec leurs graphiques, la mesure des solutions et la méthode en bref.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>Résultats :</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>Langue du rapport :</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Format de page :</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Enregistrer sous :</translation>
    </message>
    <message>
        <source>Check the report</source>
        <translation>Vérifier le rapport</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Justification (required for warnings)</source>
        <translation>Justification (obligatoire pour les avertissements)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Use this justification for all similar warnings</source>
        <translation>Utiliser cette justification pour tous les avertissements semblables</translation>
    </message>
    <message>
        <source>Copies the justification of the selected warning to every warning with the same check.</source>
        <translation>Copie la justification de l’avertissement sélectionné vers tous ceux du même contrôle.</translation>
    </message>
    <message>
        <source>Run an analysis first (Analysis page).</source>
        <translation>Lancez d’abord une analyse (page Analyse).</translation>
    </message>
    <message>
        <source>Saved in plan %1, version %2: the next analyses will use these facts.</source>
        <translation>Enregistré dans le plan %1, version %2 : les prochaines analyses utiliseront ces informations.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Fix this before exporting.</source>
        <translation>À corriger avant l’export.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Tous les contrôles sont passés.</translation>
    </message>
    <message>
        <source>%1 error(s) block the export; %2 warning(s) need a written justification.</source>
        <translation>%1 erreur(s) bloquent l’export ; %2 avertissement(s) demandent une justification écrite.</translation>
    </message>
    <message>
        <source>Every warning is justified (%1): the report can be exported.</source>
        <translation>Chaque avertissement est justifié (%1) : le rapport peut être exporté.</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Enregistrer le rapport sous</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Écriture du rapport…</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Rapport enregistré : %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>The backup is checked completely before it replaces the damaged vault. Work saved after the backup was made is not in it.</source>
        <translation>La sauvegarde est entièrement vérifiée avant de remplacer le coffre endommagé. Le travail enregistré après la sauvegarde n’y figure pas.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>Coffre :</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>Fichier de sauvegarde :</translation>
    </message>
    <message>
        <source>Passphrase of the backup:</source>
        <translation>Phrase secrète de la sauvegarde :</translation>
    </message>
    <message>
        <source>Choose the backup</source>
        <translation>Choisir la sauvegarde</translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation>Choisissez d’abord le fichier de sauvegarde.</translation>
    </message>
    <message>
        <source>Verifying the backup…</source>
        <translation>Vérification de la sauvegarde…</translation>
    </message>
    <message>
        <source>Replace another vault?</source>
        <translation>Remplacer un autre coffre ?</translation>
    </message>
    <message>
        <source>Replace %1 with this backup? Everything in %1 that is not in a backup of its own is lost.</source>
        <translation>Remplacer %1 par cette sauvegarde ? Tout ce que contient %1 et qui n’est pas dans une sauvegarde à part sera perdu.</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>Remplacer %1</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Garder %1</translation>
    </message>
    <message>
        <source>Nothing was replaced.</source>
        <translation>Rien n’a été remplacé.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>The data is encrypted as it is stored in the vault.</source>
        <translation>Les données sont chiffrées à mesure qu’elles sont enregistrées dans le coffre.</translation>
    </message>
    <message>
        <source>Reading and encrypting…</source>
        <translation>Lecture et chiffrement…</translation>
    </message>
    <message>
        <source>Stored “%1”: %2 rows, %3 columns.</source>
        <translation>« %1 » enregistré : %2 lignes, %3 colonnes.</translation>
    </message>
    <message>
        <source>Labelled from %1.</source>
        <translation>Libellés tirés de %1.</translation>
    </message>
    <message>
        <source>Read as missing:</source>
        <translation>Lu comme manquant :</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>The vault locks itself after this much time without input.</source>
        <translation>Le coffre se verrouille après ce délai sans activité.</translation>
    </message>
    <message>
        <source>Which small-sample estimates are flagged or hidden in results and reports.</source>
        <translation>Quelles estimations sur petits échantillons sont signalées ou masquées dans les résultats et rapports.</translation>
    </message>
    <message>
        <source>Significance level of comparisons; 0.05 gives 95% confidence intervals.</source>
        <translation>Seuil de signification des comparaisons ; 0,05 donne des intervalles de confiance à 95 %.</translation>
    </message>
    <message>
        <source>Printed on the cover of every report.</source>
        <translation>Imprimé sur la couverture de chaque rapport.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l’interface :</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Verrouiller après inactivité :</translation>
    </message>
    <message>
        <source>Disclosure control:</source>
        <translation>Contrôle de divulgation :</translation>
    </message>
    <message>
        <source>Significance level:</source>
        <translation>Seuil de signification :</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>Nom du bureau :</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>The settings could not be saved to disk.</source>
        <translation>Les paramètres n’ont pas pu être enregistrés sur le disque.</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <source>Data sharing</source>
        <extracomment>the extract formats offered, by file-dialog filter</extracomment>
        <translation>Partage des données</translation>
    </message>
    <message>
        <source>Tick the quasi-identifiers. Their order is the importance order: values are suppressed from the bottom up.</source>
        <translation>Cochez les quasi-identifiants. Leur ordre est l’ordre d’importance : les valeurs sont supprimées en partant du bas.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données :</translation>
    </message>
    <message>
        <source>k-anonymity:</source>
        <translation>k-anonymat :</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Poids :</translation>
    </message>
    <message>
        <source>Household id:</source>
        <translation>Identifiant du ménage :</translation>
    </message>
    <message>
        <source>Sensitive variables:</source>
        <translation>Variables sensibles :</translation>
    </message>
    <message>
        <source>Age bands:</source>
        <translation>Tranches d’âge :</translation>
    </message>
    <message>
        <source>Top coding:</source>
        <translation>Codage plafond :</translation>
    </message>
    <message>
        <source>Merge categories:</source>
        <translation>Regrouper des catégories :</translation>
    </message>
    <message>
        <source>PRAM:</source>
        <translation>PRAM :</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>Bruit :</translation>
    </message>
    <message>
        <source>Also compute SUDA scores (special uniques)</source>
        <translation>Calculer aussi les scores SUDA (uniques spéciaux)</translation>
    </message>
    <message>
        <source>Minimal sample uniques and DIS-SUDA scores as sdcMicro's suda2 computes them, before and after; slower on large files.</source>
        <translation>Uniques minimaux de l’échantillon et scores DIS-SUDA tels que les calcule suda2 de sdcMicro, avant et après ; plus lent sur les gros fichiers.</translation>
    </message>
    <message>
        <source>Measure risk</source>
        <translation>Mesurer le risque</translation>
    </message>
    <message>
        <source>Quasi-identifiers (most important first):</source>
        <translation>Quasi-identifiants (le plus important d’abord) :</translation>
    </message>
    <message>
        <source>Disclosure risk</source>
        <translation>Risque de divulgation</translation>
    </message>
    <message>
        <source>Values lost</source>
        <translation>Valeurs perdues</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Share microdata</source>
        <translation>Partager des microdonnées</translation>
    </message>
    <message>
        <source>Direct identifiers are always removed. Values of the quasi-identifiers are suppressed until every record shares its combination with at least k − 1 others; the file is read back and measured before it is written.</source>
        <translation>Les identifiants directs sont toujours retirés. Des valeurs des quasi-identifiants sont supprimées jusqu’à ce que chaque enregistrement partage sa combinaison avec au moins k − 1 autres ; le fichier est relu et mesuré avant d’être écrit.</translation>
    </message>
    <message>
        <source>Shared so far</source>
        <translation>Partages enregistrés</translation>
    </message>
    <message>
        <source>Sharing record</source>
        <translation>Enregistrement de partage</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Expire le :</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Recipient organisation:</source>
        <translation>Organisation destinataire :</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Finalité :</translation>
    </message>
    <message>
        <source>Data-sharing agreement:</source>
        <translation>Accord de partage de données :</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Approuvé par :</translation>
    </message>
    <message>
        <source>Report languages:</source>
        <translation>Langues du rapport :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>CI overlap</source>
        <translation>Recouvrement des IC</translation>
    </message>
    <message>
        <source>Plan %1: overall estimates on the original data and on the extract; CI overlap 1 = the same confidence interval.</source>
        <translation>Plan %1 : estimations d’ensemble sur les données d’origine et sur l’extrait ; recouvrement des IC 1 = même intervalle de confiance.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Supprimées</translation>
    </message>
    <message>
        <source>Recoded</source>
        <translation>Recodées</translation>
    </message>
    <message>
        <source>Export the anonymised extract</source>
        <translation>Exporter l’extrait anonymisé</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
</context>
<context>
    <name>SolutionsOptions</name>
    <message>
        <source>Solutions measure</source>
        <extracomment>the engine's defaults: what a box shows before the user changes it</extracomment>
        <translation>Mesure des solutions</translation>
    </message>
    <message>
        <source>Host community (comparator) estimate</source>
        <translation>Estimation de la communauté hôte (comparaison)</translation>
    </message>
    <message>
        <source>National values (set in the plan)</source>
        <translation>Valeurs nationales (fixées dans le plan)</translation>
    </message>
    <message>
        <source>A fixed value</source>
        <translation>Une valeur fixe</translation>
    </message>
    <message>
        <source>Compare with the benchmark's confidence bound</source>
        <translation>Comparer à la borne de confiance de la référence</translation>
    </message>
    <message>
        <source>More lenient: a household passes unless clearly worse than the benchmark.</source>
        <translation>Plus souple : un ménage passe sauf s’il est nettement moins bien loti que la référence.</translation>
    </message>
    <message>
        <source>counts as no vulnerability</source>
        <translation>compte comme absence de vulnérabilité</translation>
    </message>
    <message>
        <source>counts as missing</source>
        <translation>compte comme manquant</translation>
    </message>
    <message>
        <source>A household outside an indicator's universe (a question skipped by design).</source>
        <translation>Un ménage hors de l’univers d’un indicateur (question sautée par conception).</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>Méthodes :</translation>
    </message>
    <message>
        <source>Benchmark:</source>
        <translation>Référence :</translation>
    </message>
    <message>
        <source>Skipped by design:</source>
        <translation>Sauté par conception :</translation>
    </message>
    <message>
        <source> (headline)</source>
        <translation> (principal)</translation>
    </message>
</context>
<context>
    <name>StagesEditor</name>
    <message>
        <source>Units of the stage</source>
        <translation>Unités du degré</translation>
    </message>
    <message>
        <source>FPC</source>
        <translation>FPC</translation>
    </message>
    <message>
        <source>Strata within units</source>
        <translation>Strates dans les unités</translation>
    </message>
    <message>
        <source>Stage 2, 3, …: the units sampled inside the units of the stage above, with their population size or sampling fraction (FPC). Without the FPC of a stage, its variance and that of the stages below are not counted.</source>
        <translation>Degrés 2, 3, … : les unités tirées dans les unités du degré supérieur, avec leur taille de population ou leur taux de sondage (FPC). Sans la FPC d’un degré, sa variance et celle des degrés suivants ne sont pas comptées.</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Ajouter un degré</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>Retirer le degré</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>Atelier Solutions durables</translation>
    </message>
    <message>
        <source>Your survey data stays in an encrypted vault on this computer. Open a vault to continue, or create a new one.</source>
        <translation>Vos données d’enquête restent dans un coffre chiffré sur cet ordinateur. Ouvrez un coffre pour continuer, ou créez-en un.</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Ouvrir un coffre</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Créer un coffre</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Recent vaults</source>
        <translation>Coffres récents</translation>
    </message>
    <message>
        <source>Path of the vault file</source>
        <translation>Chemin du fichier du coffre</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock with the key remembered here</source>
        <translation>Déverrouiller avec la clé mémorisée ici</translation>
    </message>
    <message>
        <source>Recent vaults:</source>
        <translation>Coffres récents :</translation>
    </message>
    <message>
        <source>Vault file:</source>
        <translation>Fichier du coffre :</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Mémoriser sur cet ordinateur</translation>
    </message>
    <message>
        <source>The vault key is kept in this computer's password store, so this user account can open the vault without typing the passphrase. Anyone who can log in as you can then open it. Do not use it on a shared computer.</source>
        <translation>La clé du coffre est gardée dans le trousseau de cet ordinateur : ce compte peut ouvrir le coffre sans saisir la phrase secrète. Quiconque peut se connecter sous votre nom pourra alors l’ouvrir. Ne l’utilisez pas sur un ordinateur partagé.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Créer le coffre</translation>
    </message>
    <message>
        <source>New vault file:</source>
        <translation>Nouveau fichier de coffre :</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Répéter la phrase secrète :</translation>
    </message>
    <message>
        <source>The vault was locked. Type the passphrase to continue.</source>
        <translation>Le coffre a été verrouillé. Saisissez la phrase secrète pour continuer.</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>Ouverture du coffre…</translation>
    </message>
    <message>
        <source>New vault file</source>
        <translation>Nouveau fichier de coffre</translation>
    </message>
    <message>
        <source>Choose a vault file first.</source>
        <translation>Choisissez d’abord un fichier de coffre.</translation>
    </message>
    <message>
        <source>There is no file at this place.</source>
        <translation>Il n’y a pas de fichier à cet emplacement.</translation>
    </message>
    <message>
        <source>Check the path, or create a new vault.</source>
        <translation>Vérifiez le chemin, ou créez un coffre.</translation>
    </message>
    <message>
        <source>A file with this name already exists.</source>
        <translation>Un fichier de ce nom existe déjà.</translation>
    </message>
    <message>
        <source>Choose another name; an existing vault is never overwritten.</source>
        <translation>Choisissez un autre nom ; un coffre existant n’est jamais écrasé.</translation>
    </message>
    <message>
        <source>Restore the latest backup of this vault with the button below (or ask your administrator). The damaged file is replaced only after the backup is verified.</source>
        <translation>Restaurez la dernière sauvegarde de ce coffre avec le bouton ci-dessous (ou demandez à votre administrateur). Le fichier endommagé n’est remplacé qu’après vérification de la sauvegarde.</translation>
    </message>
</context>
<context>
    <name>SurveyFactsBox</name>
    <message>
        <source>Survey facts (cover and methodology)</source>
        <extracomment>field → (ReportOptions key, plan [report] key, is a text by language)</extracomment>
        <translation>Informations sur l’enquête (couverture et méthodologie)</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Zone :</translation>
    </message>
    <message>
        <source>Reference period:</source>
        <translation>Période de référence :</translation>
    </message>
    <message>
        <source>Currency of amounts:</source>
        <translation>Monnaie des montants :</translation>
    </message>
    <message>
        <source>Producing office:</source>
        <translation>Organisme producteur :</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contact :</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>p. ex. EUR</translation>
    </message>
    <message>
        <source>Save in the plan</source>
        <translation>Enregistrer dans le plan</translation>
    </message>
    <message>
        <source>Keeps these facts in a new version of the plan, for the next analyses.</source>
        <translation>Conserve ces informations dans une nouvelle version du plan, pour les prochaines analyses.</translation>
    </message>
</context>
<context>
    <name>TableCopier</name>
    <message>
        <source>Copy</source>
        <extracomment>views whose rows are publishable results (the analysis page shows disclosure-controlled values); every other table is audited as internal more cells than this in a copy of the whole table is refused (a 1M-row viewer is exported)</extracomment>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the whole table</source>
        <translation>Copier tout le tableau</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>What one row is</source>
        <translation>Ce que représente une ligne</translation>
    </message>
    <message>
        <source>Household files hold one row per household; member rosters one per person.</source>
        <translation>Les fichiers ménages ont une ligne par ménage ; les listes de membres une par personne.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Individual (household member)</source>
        <translation>Individu (membre du ménage)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>The column that identifies one row (e.g. household id).</source>
        <translation>La colonne qui identifie une ligne (p. ex. identifiant du ménage).</translation>
    </message>
    <message>
        <source>Only household datasets already in the vault.</source>
        <translation>Seulement les jeux de données ménages déjà dans le coffre.</translation>
    </message>
    <message>
        <source>The column holding the household id of each person.</source>
        <translation>La colonne qui contient l’identifiant du ménage de chaque personne.</translation>
    </message>
    <message>
        <source>One row is:</source>
        <translation>Une ligne est :</translation>
    </message>
    <message>
        <source>Identifier column:</source>
        <translation>Colonne identifiant :</translation>
    </message>
    <message>
        <source>Household dataset:</source>
        <translation>Jeu de données ménages :</translation>
    </message>
    <message>
        <source>Link column:</source>
        <translation>Colonne de liaison :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>(none in the vault)</source>
        <translation>(aucun dans le coffre)</translation>
    </message>
    <message>
        <source>A Kobo export: the main sheet holds one row per submission (household); its repeat sheets are imported with it, linked by _parent_index.</source>
        <translation>Un export Kobo : la feuille principale a une ligne par soumission (ménage) ; ses feuilles de groupes répétés sont importées avec elle, reliées par _parent_index.</translation>
    </message>
    <message>
        <source>“%1” holds a different value in every row of the file: one row is a household.</source>
        <translation>« %1 » a une valeur différente dans chaque ligne du fichier : une ligne est un ménage.</translation>
    </message>
    <message>
        <source>The household id “%1” repeats in the file: one row is a person, linked to the household dataset by “%1”.</source>
        <translation>L’identifiant du ménage « %1 » se répète dans le fichier : une ligne est une personne, reliée au jeu de données ménages par « %1 ».</translation>
    </message>
    <message>
        <source>Choose what one row of this file is.</source>
        <translation>Choisissez ce qu’est une ligne de ce fichier.</translation>
    </message>
    <message>
        <source>Also imported from this file:</source>
        <translation>Également importé de ce fichier :</translation>
    </message>
    <message>
        <source>“%1”: %2 rows, one per %3, linked to “%4” by %5</source>
        <translation>« %1 » : %2 lignes, une par %3, relié à « %4 » par %5</translation>
    </message>
    <message>
        <source>Choose the link column that holds the household id.</source>
        <translation>Choisissez la colonne de liaison qui contient l’identifiant du ménage.</translation>
    </message>
    <message>
        <source>Checking the link with “%1”…</source>
        <translation>Vérification de la liaison avec « %1 »…</translation>
    </message>
    <message>
        <source>Not linked to a household dataset: the persons cannot take their household's group, weight and design. Import the household file first to link them.</source>
        <translation>Non relié à un jeu de données ménages : les personnes ne peuvent pas prendre le groupe, le poids et le plan de sondage de leur ménage. Importez d’abord le fichier ménages pour les relier.</translation>
    </message>
</context>
<context>
    <name>UniverseEditor</name>
    <message>
        <source>Who the indicator counts, as an expression (e.g. age &gt;= 18). Empty: the library's.</source>
        <translation>Qui l’indicateur compte, sous forme d’expression (p. ex. age &gt;= 18). Vide : celui de la bibliothèque.</translation>
    </message>
    <message>
        <source>Apply universe</source>
        <translation>Appliquer l’univers</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Univers :</translation>
    </message>
    <message>
        <source>Empty: the library's universe.</source>
        <translation>Vide : l’univers de la bibliothèque.</translation>
    </message>
    <message>
        <source>%1 (unknown input)</source>
        <translation>%1 (variable d’entrée inconnue)</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>Lit : %1</translation>
    </message>
    <message>
        <source>Reads no input (a constant).</source>
        <translation>Ne lit aucune variable d’entrée (une constante).</translation>
    </message>
</context>
<context>
    <name>UnlockNotice</name>
    <message>
        <source>Show the audit log</source>
        <translation>Afficher le journal d’audit</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>A wrong passphrase was typed %n time(s) for this vault since it was last unlocked.</source>
        <translation>
            <numerusform>Une phrase secrète erronée a été saisie %n fois pour ce coffre depuis son dernier déverrouillage.</numerusform>
            <numerusform>Une phrase secrète erronée a été saisie %n fois pour ce coffre depuis son dernier déverrouillage.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last at %1.</source>
        <translation>La dernière le %1.</translation>
    </message>
    <message>
        <source>If it was not you, change the passphrase (Vault menu).</source>
        <translation>Si ce n’était pas vous, changez la phrase secrète (menu Coffre).</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Oui/non</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gardé</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>hashed</source>
        <translation>haché</translation>
    </message>
    <message>
        <source>Flagged as a quasi-identifier at import (kept by default).</source>
        <translation>Signalé comme quasi-identifiant à l’import (gardé par défaut).</translation>
    </message>
    <message>
        <source>Flagged as a likely direct identifier at import.</source>
        <translation>Signalé comme identifiant direct probable à l’import.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <source>Value labels</source>
        <translation>Libellés de valeurs</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
</context>
<context>
    <name>VarianceEditor</name>
    <message>
        <source>Linearisation (Taylor series)</source>
        <translation>Linéarisation (série de Taylor)</translation>
    </message>
    <message>
        <source>Replicate weights in the data</source>
        <translation>Poids de réplication présents dans les données</translation>
    </message>
    <message>
        <source>Replicate weights made from the design</source>
        <translation>Poids de réplication construits à partir du plan</translation>
    </message>
    <message>
        <source>JKn (stratified jackknife)</source>
        <translation>JKn (jackknife stratifié)</translation>
    </message>
    <message>
        <source>JK1 (jackknife)</source>
        <translation>JK1 (jackknife)</translation>
    </message>
    <message>
        <source>BRR (balanced repeated replication)</source>
        <translation>BRR (réplication répétée équilibrée)</translation>
    </message>
    <message>
        <source>Fay's BRR</source>
        <translation>BRR de Fay</translation>
    </message>
    <message>
        <source>Bootstrap</source>
        <translation>Bootstrap</translation>
    </message>
    <message>
        <source>Successive difference</source>
        <translation>Différences successives</translation>
    </message>
    <message>
        <source>Other (give scale and rscales)</source>
        <translation>Autre (indiquer scale et rscales)</translation>
    </message>
    <message>
        <source>repwt1, repwt2, … or a pattern: ^repwt[0-9]+$</source>
        <translation>repwt1, repwt2, … ou un motif : ^repwt[0-9]+$</translation>
    </message>
    <message>
        <source>The replicate-weight columns of the household dataset: a comma-separated list, or a regular expression matching their names.</source>
        <translation>Les colonnes de poids de réplication du jeu de données ménages : une liste séparée par des virgules, ou une expression régulière correspondant à leurs noms.</translation>
    </message>
    <message>
        <source>type default</source>
        <translation>valeur par défaut du type</translation>
    </message>
    <message>
        <source>one per replicate, comma-separated (JKn)</source>
        <translation>une par réplique, séparées par des virgules (JKn)</translation>
    </message>
    <message>
        <source>Centre on the full-sample estimate (mse)</source>
        <translation>Centrer sur l’estimation de l’échantillon complet (mse)</translation>
    </message>
    <message>
        <source>Columns are weights (not multipliers)</source>
        <translation>Les colonnes sont des poids (pas des multiplicateurs)</translation>
    </message>
    <message>
        <source>Variance:</source>
        <translation>Variance :</translation>
    </message>
    <message>
        <source>Replicate type:</source>
        <translation>Type de réplication :</translation>
    </message>
    <message>
        <source>Replicate columns:</source>
        <translation>Colonnes de réplication :</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Échelle :</translation>
    </message>
    <message>
        <source>Replicate scales:</source>
        <translation>Échelles par réplique :</translation>
    </message>
    <message>
        <source>Fay's rho:</source>
        <translation>rho de Fay :</translation>
    </message>
    <message>
        <source>Bootstrap replicates:</source>
        <translation>Répliques bootstrap :</translation>
    </message>
    <message>
        <source>Random seed:</source>
        <translation>Graine aléatoire :</translation>
    </message>
</context>
<context>
    <name>VaultMenu</name>
    <message>
        <source>Vault &amp;information</source>
        <translation>&amp;Informations sur le coffre</translation>
    </message>
    <message>
        <source>Check &amp;integrity</source>
        <translation>Vérifier l’&amp;intégrité</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sauvegarder…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Changer la &amp;phrase secrète…</translation>
    </message>
    <message>
        <source>Rotate the &amp;key…</source>
        <translation>Renouveler la &amp;clé…</translation>
    </message>
    <message>
        <source>&amp;Close vault</source>
        <translation>&amp;Fermer le coffre</translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation>Fichier du coffre</translation>
    </message>
    <message>
        <source>Key header</source>
        <translation>En-tête de clé</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>Key protection</source>
        <translation>Protection de la clé</translation>
    </message>
    <message>
        <source>Argon2id, %1 KiB, %2 passes</source>
        <translation>Argon2id, %1 Kio, %2 passes</translation>
    </message>
    <message>
        <source>Remembered on this computer</source>
        <translation>Mémorisé sur cet ordinateur</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>The key protection is below the recommended cost: change the passphrase to upgrade it.</source>
        <translation>La protection de la clé est en dessous du coût recommandé : changez la phrase secrète pour la renforcer.</translation>
    </message>
    <message>
        <source>Vault information</source>
        <translation>Informations sur le coffre</translation>
    </message>
    <message>
        <source>Checking every page of the vault…</source>
        <translation>Vérification de chaque page du coffre…</translation>
    </message>
    <message>
        <source>Every page is authentic and the database structure is sound.</source>
        <translation>Chaque page est authentique et la structure de la base est saine.</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Vérification d’intégrité</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found. Restore the latest backup (Vault → Restore from a backup…).</source>
        <translation>
            <numerusform>%n problème trouvé. Restaurez la dernière sauvegarde (Coffre → Restaurer une sauvegarde…).</numerusform>
            <numerusform>%n problèmes trouvés. Restaurez la dernière sauvegarde (Coffre → Restaurer une sauvegarde…).</numerusform>
        </translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>Sauvegarder le coffre</translation>
    </message>
    <message>
        <source>Writing the encrypted backup…</source>
        <translation>Écriture de la sauvegarde chiffrée…</translation>
    </message>
    <message>
        <source>Encrypted backup written to %1. It opens with the vault's passphrase of this moment.</source>
        <translation>Sauvegarde chiffrée écrite dans %1. Elle s’ouvre avec la phrase secrète actuelle du coffre.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Passphrase changed. The old passphrase no longer opens this vault.</source>
        <translation>Phrase secrète changée. L’ancienne phrase n’ouvre plus ce coffre.</translation>
    </message>
    <message>
        <source>Rotate the key</source>
        <translation>Renouveler la clé</translation>
    </message>
    <message>
        <source>Encrypt every page of %1 under a new random key? This takes a while for a large vault and is done in one step: it completes, or the vault stays as it was. Backups made before keep the old key.</source>
        <translation>Chiffrer chaque page de %1 avec une nouvelle clé aléatoire ? Cela prend du temps pour un gros coffre et se fait en une étape : elle aboutit, ou le coffre reste tel quel. Les sauvegardes faites avant gardent l’ancienne clé.</translation>
    </message>
    <message>
        <source>Re-encrypting every page…</source>
        <translation>Rechiffrement de chaque page…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Re-encrypting every page (one step: it completes, or the vault stays as it was)…</source>
        <translation>Rechiffrement de chaque page (une seule étape : elle aboutit, ou le coffre reste tel quel)…</translation>
    </message>
    <message>
        <source>Data key rotated: every page is now encrypted under a new key.</source>
        <translation>Clé des données renouvelée : chaque page est désormais chiffrée avec une nouvelle clé.</translation>
    </message>
    <message>
        <source>Key rotation cancelled; the vault keeps its key.</source>
        <translation>Renouvellement de la clé annulé ; le coffre garde sa clé.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Datasets</source>
        <extracomment>milliseconds between building two pages in idle time after unlocking (module, class) of each page, in sidebar order</extracomment>
        <translation>Jeux de données</translation>
    </message>
    <message>
        <source>Data checks</source>
        <translation>Contrôles des données</translation>
    </message>
    <message>
        <source>Cleaning log</source>
        <translation>Journal de nettoyage</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Data sharing</source>
        <translation>Partage des données</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
</context>
</TS>