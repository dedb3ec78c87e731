<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AnalysisPage</name>
    <message>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>Ejecutar el análisis</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>Exportar los resultados…</translation>
    </message>
    <message>
        <source>The publishable copy by default: suppressed values removed and flagged.</source>
        <translation>La copia publicable por defecto: valores suprimidos retirados y señalados.</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>Resultados:</translation>
    </message>
    <message>
        <source>Double-click a criterion to see its indicators.</source>
        <translation>Haga doble clic en un criterio para ver sus indicadores.</translation>
    </message>
    <message>
        <source>In brackets: indicators worse / indicators assessed.</source>
        <translation>Entre paréntesis: indicadores peores / indicadores evaluados.</translation>
    </message>
    <message>
        <source>← All criteria</source>
        <translation>← Todos los criterios</translation>
    </message>
    <message>
        <source>Show by:</source>
        <translation>Mostrar por:</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criterios</translation>
    </message>
    <message>
        <source>Solutions measure</source>
        <translation>Medida de soluciones</translation>
    </message>
    <message>
        <source>Progress since the baseline</source>
        <translation>Progreso desde la línea de base</translation>
    </message>
    <message>
        <source>Judging gaps</source>
        <translation>Valoración de las brechas</translation>
    </message>
    <message>
        <source>%1 (v%2, draft)</source>
        <translation>%1 (v%2, borrador)</translation>
    </message>
    <message>
        <source>Save an analysis plan first (Plan page).</source>
        <translation>Guarde primero un plan de análisis (página Plan).</translation>
    </message>
    <message>
        <source>%1 v%2 — %3</source>
        <translation>%1 v%2 — %3</translation>
    </message>
    <message>
        <source>Computing estimates…</source>
        <translation>Calculando las estimaciones…</translation>
    </message>
    <message>
        <source>Analysis finished and stored in the vault.</source>
        <translation>Análisis terminado y guardado en la bóveda.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>INTERNAL copy (not for publication) written to %1.</source>
        <translation>Copia INTERNA (no publicar) escrita en %1.</translation>
    </message>
    <message>
        <source>Publishable copy written to %1 (suppressed values removed).</source>
        <translation>Copia publicable escrita en %1 (valores suprimidos retirados).</translation>
    </message>
    <message>
        <source>All displaced</source>
        <translation>Todas las personas desplazadas</translation>
    </message>
    <message>
        <source>Rating rule: %1</source>
        <translation>Regla de calificación: %1</translation>
    </message>
    <message>
        <source>(red from %1% of the assessed indicators)</source>
        <translation>(rojo desde el %1 % de los indicadores evaluados)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No solutions measure in this run.</source>
        <translation>Este análisis no incluye ninguna medida de soluciones.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Desglose</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>IC 95 %</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>No publicado</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Cautela</translation>
    </message>
    <message>
        <source>Nothing to estimate</source>
        <translation>Nada que estimar</translation>
    </message>
    <message>
        <source>(*) Not published: protects another value</source>
        <translation>(*) No publicado: protege otro valor</translation>
    </message>
    <message>
        <source>No indicator of this criterion is in the results.</source>
        <translation>Ningún indicador de este criterio figura en los resultados.</translation>
    </message>
    <message>
        <source>Population group</source>
        <translation>Grupo de población</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Too many categories for a chart; see the table.</source>
        <translation>Demasiadas categorías para un gráfico; vea la tabla.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <extracomment>the export formats offered, by file-dialog filter</extracomment>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Acción:</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Recompute every entry's hash and its link to the entry before it.</source>
        <translation>Recalcular la huella de cada entrada y su enlace con la entrada anterior.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Write the whole log with its hash chain (CSV, Excel or JSON) for a reviewer.</source>
        <translation>Escribir todo el registro con su cadena de huellas (CSV, Excel o JSON) para un revisor.</translation>
    </message>
    <message>
        <source>Every import, export, analysis and change made in this vault.</source>
        <translation>Cada importación, exportación, análisis y cambio realizado en esta bóveda.</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>CalibrationEditor</name>
    <message>
        <source>Calibration to population totals</source>
        <translation>Calibración a totales de población</translation>
    </message>
    <message>
        <source>No calibration (design weights)</source>
        <translation>Sin calibración (pesos de diseño)</translation>
    </message>
    <message>
        <source>Post-stratification (one margin)</source>
        <translation>Posestratificación (un margen)</translation>
    </message>
    <message>
        <source>Raking (iterative proportional fitting)</source>
        <translation>Raking (ajuste proporcional iterativo)</translation>
    </message>
    <message>
        <source>Calibration (GREG or bounded)</source>
        <translation>Calibración (GREG o acotada)</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hogares</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Linear (GREG)</source>
        <translation>Lineal (GREG)</translation>
    </message>
    <message>
        <source>Raking (exponential)</source>
        <translation>Raking (exponencial)</translation>
    </message>
    <message>
        <source>Logit (needs bounds)</source>
        <translation>Logit (requiere límites)</translation>
    </message>
    <message>
        <source>Bound the weight ratios</source>
        <translation>Acotar las razones de pesos</translation>
    </message>
    <message>
        <source>Keep every calibrated weight between these multiples of its design weight.</source>
        <translation>Mantener cada peso calibrado entre estos múltiplos de su peso de diseño.</translation>
    </message>
    <message>
        <source>Trim the calibrated weights</source>
        <translation>Recortar los pesos calibrados</translation>
    </message>
    <message>
        <source>Repeat until no weight is outside</source>
        <translation>Repetir hasta que ningún peso quede fuera</translation>
    </message>
    <message>
        <source>Raking and calibration stop after this many iterations (R's maxit).</source>
        <translation>El raking y la calibración se detienen tras este número de iteraciones (maxit de R).</translation>
    </message>
    <message>
        <source>R's default</source>
        <translation>valor por defecto de R</translation>
    </message>
    <message>
        <source>When the iterations have converged (R's epsilon). Raking: the largest change of a weighted count (below 1: a share of the weight total; R's default 1). Calibration: the largest relative misfit of a total (R's default 1e-7). Empty: R's default.</source>
        <translation>Cuándo han convergido las iteraciones (epsilon de R). Raking: el mayor cambio de un recuento ponderado (por debajo de 1: una proporción del total de pesos; 1 por defecto en R). Calibración: el mayor desajuste relativo de un total (1e-7 por defecto en R). Vacío: el valor por defecto de R.</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Population total</source>
        <translation>Total de población</translation>
    </message>
    <message>
        <source>Import totals…</source>
        <translation>Importar totales…</translation>
    </message>
    <message>
        <source>A CSV file with the columns variable, level, total.</source>
        <translation>Un archivo CSV con las columnas variable, level, total.</translation>
    </message>
    <message>
        <source>Apply calibration</source>
        <translation>Aplicar la calibración</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Método:</translation>
    </message>
    <message>
        <source>Weights of:</source>
        <translation>Pesos de:</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>Distancia:</translation>
    </message>
    <message>
        <source>Iterations at most:</source>
        <translation>Iteraciones como máximo:</translation>
    </message>
    <message>
        <source>Convergence tolerance:</source>
        <translation>Tolerancia de convergencia:</translation>
    </message>
    <message>
        <source>(numeric total)</source>
        <translation>(total numérico)</translation>
    </message>
    <message>
        <source>No population totals yet: import a margins file.</source>
        <translation>Aún no hay totales de población: importe un archivo de márgenes.</translation>
    </message>
    <message>
        <source>the plan</source>
        <translation>el plan</translation>
    </message>
    <message>
        <source>Totals from %1 — %2</source>
        <translation>Totales de %1 — %2</translation>
    </message>
    <message>
        <source>The convergence tolerance must be a positive number, e.g. 1 or 1e-7.</source>
        <translation>La tolerancia de convergencia debe ser un número positivo, por ejemplo 1 o 1e-7.</translation>
    </message>
    <message>
        <source>The lower bound of the weight ratios must be below the upper.</source>
        <translation>El límite inferior de las razones de pesos debe ser menor que el superior.</translation>
    </message>
    <message>
        <source>The lower trimming limit must be below the upper.</source>
        <translation>El límite inferior del recorte debe ser menor que el superior.</translation>
    </message>
    <message>
        <source>Import population totals</source>
        <translation>Importar totales de población</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CandidatePanel</name>
    <message>
        <source>Suggest columns</source>
        <translation>Sugerir columnas</translation>
    </message>
    <message>
        <source>Rank the dataset's columns for this input.</source>
        <translation>Clasificar las columnas del conjunto de datos para esta entrada.</translation>
    </message>
    <message>
        <source>No suggestion for this input yet.</source>
        <translation>Todavía no hay sugerencias para esta entrada.</translation>
    </message>
    <message>
        <source>No column looks like this input.</source>
        <translation>Ninguna columna se parece a esta entrada.</translation>
    </message>
    <message>
        <source>Suggested columns (best first; click one to use it):</source>
        <translation>Columnas sugeridas (la mejor primero; haga clic en una para usarla):</translation>
    </message>
    <message>
        <source>suggested from its values only: %1 — check</source>
        <translation>sugerida solo por sus valores: %1 — compruébelo</translation>
    </message>
    <message>
        <source>confidence %1%</source>
        <translation>confianza %1 %</translation>
    </message>
    <message>
        <source>counts: %1</source>
        <translation>cuenta: %1</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>The data key is wrapped again under the new passphrase; nothing is re-encrypted. Backups made before keep the old passphrase.</source>
        <translation>La clave de datos se protege de nuevo con la nueva frase de contraseña; nada se vuelve a cifrar. Las copias de seguridad anteriores conservan la frase anterior.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Frase de contraseña actual:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Repita la frase de contraseña:</translation>
    </message>
</context>
<context>
    <name>ChartExporter</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Guardar el gráfico como PNG…</translation>
    </message>
    <message>
        <source>Save chart as SVG…</source>
        <translation>Guardar el gráfico como SVG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Guardar el gráfico</translation>
    </message>
    <message>
        <source>Chart saved to %1.</source>
        <translation>Gráfico guardado en %1.</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <source>Data checks</source>
        <extracomment>dataset, row (0-based, as stored), column ("" when the finding names none)</extracomment>
        <translation>Controles de datos</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Ejecutar los controles</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Todas las gravedades</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Conjunto de datos:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Gravedad:</translation>
    </message>
    <message>
        <source>Check:</source>
        <translation>Control:</translation>
    </message>
    <message>
        <source>Implausible values, outliers, skip-pattern violations, “other, specify” texts that match a choice, duplicate interviews, durations, consent and the plan’s own rules, over every record. Double-click a finding to open the record in the data viewer.</source>
        <translation>Valores inverosímiles, valores atípicos, saltos no respetados, textos «otro, especificar» que coinciden con una opción, entrevistas duplicadas, duraciones, consentimiento y reglas propias del plan, en cada registro. Haga doble clic en un hallazgo para abrir el registro en el visor de datos.</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>Todos los conjuntos de datos</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>Todos los controles</translation>
    </message>
    <message>
        <source>No datasets to check yet.</source>
        <translation>Todavía no hay conjuntos de datos que controlar.</translation>
    </message>
    <message>
        <source>Running the data checks…</source>
        <translation>Ejecutando los controles de datos…</translation>
    </message>
    <message>
        <source>The checks were cancelled; no finding is shown.</source>
        <translation>Los controles se cancelaron; no se muestra ningún hallazgo.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) shown</source>
        <translation>
            <numerusform>%n hallazgo mostrado</numerusform>
            <numerusform>%n hallazgos mostrados</numerusform>
        </translation>
    </message>
    <message>
        <source>errors: %1, warnings: %2, notes: %3</source>
        <translation>errores: %1, advertencias: %2, notas: %3</translation>
    </message>
</context>
<context>
    <name>ChooseDatasetsDialog</name>
    <message>
        <source>New plan from datasets</source>
        <translation>Nuevo plan a partir de los datos</translation>
    </message>
    <message>
        <source>Which datasets does the plan read? Usually one household dataset and the member dataset linked to it.</source>
        <translation>¿Qué conjuntos de datos lee el plan? Normalmente un conjunto de hogares y el de sus miembros vinculado a él.</translation>
    </message>
    <message>
        <source>households</source>
        <translation>hogares</translation>
    </message>
    <message>
        <source>individuals</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>(linked to %1)</source>
        <translation>(vinculado a %1)</translation>
    </message>
    <message>
        <source>Suggest a plan</source>
        <translation>Proponer un plan</translation>
    </message>
</context>
<context>
    <name>CleaningDialog</name>
    <message>
        <source>Change value</source>
        <translation>Cambiar el valor</translation>
    </message>
    <message>
        <source>Set missing</source>
        <translation>Marcar como vacío</translation>
    </message>
    <message>
        <source>Drop record</source>
        <translation>Eliminar el registro</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Conjunto de datos:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Registro:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Pregunta:</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Value now:</source>
        <translation>Valor actual:</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Valor nuevo:</translation>
    </message>
    <message>
        <source>Why: what the check found, who confirmed it…</source>
        <translation>Por qué: lo que encontró el control, quién lo confirmó…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>optional, e.g. check.age_range</source>
        <translation>opcional, p. ej. check.age_range</translation>
    </message>
    <message>
        <source>Answers the check:</source>
        <translation>Responde al control:</translation>
    </message>
    <message>
        <source>The imported data are not changed: the change is added to the cleaning log, which every analysis reads through, and can be undone.</source>
        <translation>Los datos importados no se modifican: el cambio se añade al registro de limpieza, que todo análisis aplica, y puede deshacerse.</translation>
    </message>
</context>
<context>
    <name>CleaningLogModel</name>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Valor anterior</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Valor nuevo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>change value</source>
        <translation>valor cambiado</translation>
    </message>
    <message>
        <source>set missing</source>
        <translation>marcado como vacío</translation>
    </message>
    <message>
        <source>drop record</source>
        <translation>registro eliminado</translation>
    </message>
    <message>
        <source>recode category</source>
        <translation>categoría recodificada</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>deshacer</translation>
    </message>
    <message>
        <source>undo of %1</source>
        <translation>deshacer %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>applies</source>
        <translation>se aplica</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>deshecho</translation>
    </message>
</context>
<context>
    <name>CleaningPage</name>
    <message>
        <source>Cleaning log</source>
        <translation>Registro de limpieza</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>Deshacer…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Exportar XLSX…</translation>
    </message>
    <message>
        <source>Import a log…</source>
        <translation>Importar un registro…</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Conjunto de datos:</translation>
    </message>
    <message>
        <source>Changes to the data, each with its reason. The imported data are never changed: analyses, checks and the data viewer read them through this log. Right-click a cell in the Datasets page to change a value, set it missing or drop a record; select an entry here to undo it.</source>
        <translation>Los cambios en los datos, cada uno con su motivo. Los datos importados nunca se modifican: los análisis, los controles y el visor los leen a través de este registro. Haga clic derecho en una celda de la página Conjuntos de datos para cambiar un valor, marcarlo como vacío o eliminar un registro; seleccione aquí una entrada para deshacerla.</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>Todos los conjuntos de datos</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Aún no hay cambios.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) changed</source>
        <translation>
            <numerusform>%n valor cambiado</numerusform>
            <numerusform>%n valores cambiados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set missing</source>
        <translation>
            <numerusform>%n marcado como vacío</numerusform>
            <numerusform>%n marcados como vacíos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) dropped</source>
        <translation>
            <numerusform>%n registro eliminado</numerusform>
            <numerusform>%n registros eliminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n category recode(s)</source>
        <translation>
            <numerusform>%n categoría recodificada</numerusform>
            <numerusform>%n categorías recodificadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undone</source>
        <translation>
            <numerusform>%n deshecho</numerusform>
            <numerusform>%n deshechos</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo entry %1</source>
        <translation>Deshacer la entrada %1</translation>
    </message>
    <message>
        <source>Why is this change undone?</source>
        <translation>¿Por qué se deshace este cambio?</translation>
    </message>
    <message>
        <source>Entry %1 undone.</source>
        <translation>Entrada %1 deshecha.</translation>
    </message>
    <message>
        <source>Export the cleaning log</source>
        <translation>Exportar el registro de limpieza</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 change(s)).</source>
        <translation>Se escribió %1 (%2 cambio(s)).</translation>
    </message>
    <message>
        <source>Import a cleaning log</source>
        <translation>Importar un registro de limpieza</translation>
    </message>
    <message>
        <source>Imported %1 change(s) from %2.</source>
        <translation>Se importaron %1 cambio(s) de %2.</translation>
    </message>
</context>
<context>
    <name>CriteriaSummaryModel</name>
    <message>
        <source>Described, not compared</source>
        <extracomment>the report's traffic light (Okabe–Ito fills, a symbol per rating, its text colour)</extracomment>
        <translation>Descrito, no comparado</translation>
    </message>
    <message>
        <source>Described, not rated</source>
        <translation>Descrito, no calificado</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Peor</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mixto</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>No concluyente</translation>
    </message>
    <message>
        <source>No gap</source>
        <translation>Sin brecha</translation>
    </message>
    <message>
        <source>Not assessable</source>
        <translation>No evaluable</translation>
    </message>
    <message>
        <source>Worse: displaced substantively worse off on the share of indicators the rating rule names</source>
        <translation>Peor: desplazados sustancialmente peor en la proporción de indicadores que fija la regla de calificación</translation>
    </message>
    <message>
        <source>Mixed: worse on some, or not enough data</source>
        <translation>Mixto: peor en algunos, o datos insuficientes</translation>
    </message>
    <message>
        <source>Not assessable: no data, or described but not compared</source>
        <translation>No evaluable: sin datos, o descrito pero no comparado</translation>
    </message>
    <message>
        <source>Described, not rated: a profile module, whose gaps are not rated</source>
        <translation>Descrito, no calificado: un módulo de perfil, cuyas brechas no se califican</translation>
    </message>
    <message>
        <source>“k better”: indicators on which the group is substantively better off. Hatched cell, “limited evidence”: fewer than half of the criterion's indicators could be assessed; the same rule rates it, on few indicators.</source>
        <translation>«mejores: k»: indicadores en los que el grupo está sustancialmente mejor. Casilla rayada, «evidencia limitada»: menos de la mitad de los indicadores del criterio pudieron evaluarse; la misma regla la califica, con pocos indicadores.</translation>
    </message>
    <message>
        <source>%1 better</source>
        <translation>mejores: %1</translation>
    </message>
    <message>
        <source>%1 inconclusive</source>
        <translation>no concluyentes: %1</translation>
    </message>
    <message>
        <source>limited evidence: %1 of %2 assessed</source>
        <translation>evidencia limitada: %1 de %2 evaluados</translation>
    </message>
    <message>
        <source>%1 inconclusive (not significant, the interval reaching the minimum important difference)</source>
        <translation>%1 no concluyentes (no significativas, con el intervalo alcanzando la diferencia mínima importante)</translation>
    </message>
    <message>
        <source>%1 significant under the threshold, %2 equivalent (no gap), %3 not compared</source>
        <translation>%1 significativas pero bajo el umbral, %2 equivalentes (sin brecha), %3 no comparados</translation>
    </message>
    <message>
        <source>Inconclusive: none worse, but some not shown equivalent or better either</source>
        <translation>No concluyente: ninguno peor, pero tampoco se mostró que algunos sean equivalentes o mejores</translation>
    </message>
    <message>
        <source>No gap: every indicator shown equivalent or better</source>
        <translation>Sin brecha: se mostró que cada indicador es equivalente o mejor</translation>
    </message>
    <message>
        <source>“k inconclusive” (“k of n inconclusive” in an Inconclusive cell, where none is worse): not significant, but the interval reaches the minimum important difference; counted as assessed, and the cell is never “No gap”.</source>
        <translation>«no concluyentes: k» («no concluyentes: k de n» en una casilla No concluyente, donde ninguno es peor): no significativas, pero el intervalo alcanza la diferencia mínima importante; cuentan como evaluadas y la casilla nunca es «Sin brecha».</translation>
    </message>
    <message>
        <source>%1 of %2 inconclusive</source>
        <translation>no concluyentes: %1 de %2</translation>
    </message>
    <message>
        <source>%1 assessed</source>
        <translation>evaluados: %1</translation>
    </message>
    <message>
        <source>A profile module: its indicators are described and compared in its tables, never rated.</source>
        <translation>Un módulo de perfil: sus indicadores se describen y comparan en sus tablas, nunca se califican.</translation>
    </message>
    <message>
        <source>%1 worse, %2 better, %3 no significant difference, %4 insufficient data</source>
        <translation>%1 peor, %2 mejor, %3 sin diferencia significativa, %4 datos insuficientes</translation>
    </message>
</context>
<context>
    <name>CustomIndicatorDialog</name>
    <message>
        <source>Edit custom indicator</source>
        <translation>Editar indicador personalizado</translation>
    </message>
    <message>
        <source>New custom indicator</source>
        <translation>Nuevo indicador personalizado</translation>
    </message>
    <message>
        <source>The language of the title typed beside it; a report in a language without a title prints the English one, marked, and its translation check says so.</source>
        <translation>El idioma del título escrito al lado; un informe en un idioma sin título imprime el título en inglés, marcado, y su verificación de traducciones lo indica.</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and _; how tables name it.</source>
        <translation>Minúsculas, cifras y _; el nombre que lleva en las tablas.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Individual (household member)</source>
        <translation>Persona (miembro del hogar)</translation>
    </message>
    <message>
        <source>Higher is worse</source>
        <translation>Más alto es peor</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Más alto es mejor</translation>
    </message>
    <message>
        <source>Neutral (described, not judged)</source>
        <translation>Neutro (descrito, no juzgado)</translation>
    </message>
    <message>
        <source>e.g. loan_for_basic_expenses</source>
        <translation>p. ej. loan_for_basic_expenses</translation>
    </message>
    <message>
        <source>empty: everyone of the unit</source>
        <translation>vacío: toda la unidad</translation>
    </message>
    <message>
        <source>(none: not in the solutions measure)</source>
        <translation>(ninguno: fuera de la medida de soluciones)</translation>
    </message>
    <message>
        <source>Alternative to the recommended indicator</source>
        <translation>Alternativa al indicador recomendado</translation>
    </message>
    <message>
        <source>Recommended indicator</source>
        <translation>Indicador recomendado</translation>
    </message>
    <message>
        <source>A household outside an indicator's universe (a question skipped by design): not vulnerable on it, or unknown. This applies to the whole plan.</source>
        <translation>Un hogar fuera del universo de un indicador (pregunta omitida por diseño): no vulnerable en él, o desconocido. Esto vale para todo el plan.</translation>
    </message>
    <message>
        <source>count as not vulnerable</source>
        <translation>contar como no vulnerable</translation>
    </message>
    <message>
        <source>count as unknown (missing)</source>
        <translation>contar como desconocido (faltante)</translation>
    </message>
    <message>
        <source>What it measures, shown in the report</source>
        <translation>Lo que mide, mostrado en el informe</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identificador:</translation>
    </message>
    <message>
        <source>Criterion:</source>
        <translation>Criterio:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>Statistic:</source>
        <translation>Estadístico:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Sentido:</translation>
    </message>
    <message>
        <source>Numerator:</source>
        <translation>Numerador:</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Universo:</translation>
    </message>
    <message>
        <source>Denominator:</source>
        <translation>Denominador:</translation>
    </message>
    <message>
        <source>Breakdowns:</source>
        <translation>Desagregaciones:</translation>
    </message>
    <message>
        <source>IRIS sub-criterion:</source>
        <translation>Subcriterio IRIS:</translation>
    </message>
    <message>
        <source>Stands for it as:</source>
        <translation>Lo representa como:</translation>
    </message>
    <message>
        <source>Outside its universe, in the solutions measure:</source>
        <translation>Fuera de su universo, en la medida de soluciones:</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>Definición:</translation>
    </message>
    <message>
        <source>%1 (new input: map it next)</source>
        <translation>%1 (entrada nueva: asígnela después)</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>Lee: %1</translation>
    </message>
    <message>
        <source>Give the indicator a title.</source>
        <translation>Dé un título al indicador.</translation>
    </message>
    <message>
        <source>The identifier starts with a letter and holds only lower-case letters, digits and _.</source>
        <translation>El identificador empieza por una letra y solo contiene minúsculas, cifras y _.</translation>
    </message>
    <message>
        <source>“%1” is already an indicator: choose another identifier.</source>
        <translation>«%1» ya es un indicador: elija otro identificador.</translation>
    </message>
    <message>
        <source>Write the numerator: what counts (a yes/no input or a condition).</source>
        <translation>Escriba el numerador: lo que cuenta (una entrada sí/no o una condición).</translation>
    </message>
    <message>
        <source>A ratio needs a denominator.</source>
        <translation>Una razón necesita un denominador.</translation>
    </message>
</context>
<context>
    <name>DataTableModel</name>
    <message>
        <source>Changed by the cleaning log (entry %1: %2); imported value: %3</source>
        <extracomment>rows added per fetchMore. Every row at once by default, so the scrollbar spans the whole dataset (issue 21 finding 8: it covered the first 50,000 of a million); the view gives its rows one fixed height, which keeps a 1M-row header cheap. Smaller chunks remain for tests. tables above this size sort and filter through the runner (off the GUI thread) an answer the cleaning log changed or blanked each row's position in the imported file and its record name in the cleaning log (None: the frame's own positions, row numbers as names)</extracomment>
        <translation>Cambiado por el registro de limpieza (entrada %1: %2); valor importado: %3</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Missing code</source>
        <translation>Código de valor faltante</translation>
    </message>
</context>
<context>
    <name>DatasetListModel</name>
    <message>
        <source>Household</source>
        <extracomment>custom role: the DatasetInfo record of a row</extracomment>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>Importado de %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado el</translation>
    </message>
</context>
<context>
    <name>DatasetsPage</name>
    <message>
        <source>Datasets</source>
        <translation>Conjuntos de datos</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <extracomment>a record to show once its dataset is loaded (dataset, row as stored, column name)</extracomment>
        <translation>Importar un archivo…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>No datasets yet. Import a CSV, Excel (Kobo), SPSS or Stata file to begin.</source>
        <translation>Aún no hay conjuntos de datos. Importe un archivo CSV, Excel (Kobo), SPSS o Stata para empezar.</translation>
    </message>
    <message>
        <source>Show value labels</source>
        <translation>Mostrar etiquetas de valor</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>contiene…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Columna:</translation>
    </message>
    <message>
        <source>Data</source>
        <extracomment>the cleaning log's (entries, last id) of each dataset when last loaded</extracomment>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Decrypting %1…</source>
        <translation>Descifrando %1…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n dropped by the cleaning log)</source>
        <translation>
            <numerusform>(%n eliminado por el registro de limpieza)</numerusform>
            <numerusform>(%n eliminados por el registro de limpieza)</numerusform>
        </translation>
    </message>
    <message>
        <source>Change value…</source>
        <translation>Cambiar el valor…</translation>
    </message>
    <message>
        <source>Set missing…</source>
        <translation>Marcar como vacío…</translation>
    </message>
    <message>
        <source>Drop record…</source>
        <translation>Eliminar el registro…</translation>
    </message>
    <message>
        <source>Change not made</source>
        <translation>Cambio no realizado</translation>
    </message>
    <message>
        <source>Sorting and filtering…</source>
        <translation>Ordenando y filtrando…</translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation>Eliminar el conjunto de datos</translation>
    </message>
    <message>
        <source>Delete the dataset “%1” from the vault? This cannot be undone.</source>
        <translation>¿Eliminar el conjunto de datos «%1» de la bóveda? Esta acción no se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>DesignEditor</name>
    <message>
        <source>Complex (weights, strata, clusters)</source>
        <translation>Complejo (ponderación, estratos, UPM)</translation>
    </message>
    <message>
        <source>Weights only</source>
        <translation>Solo ponderaciones</translation>
    </message>
    <message>
        <source>Unweighted</source>
        <translation>Sin ponderar</translation>
    </message>
    <message>
        <source>Centre on the whole sample (adjust)</source>
        <translation>Centrar en toda la muestra (adjust)</translation>
    </message>
    <message>
        <source>Average variance of the other strata (average)</source>
        <translation>Varianza media de los demás estratos (average)</translation>
    </message>
    <message>
        <source>Sampled with certainty: no variance (certainty)</source>
        <translation>Seleccionada con certeza: sin varianza (certainty)</translation>
    </message>
    <message>
        <source>Leave out of the variance (remove)</source>
        <translation>Excluir de la varianza (remove)</translation>
    </message>
    <message>
        <source>Stop with an error (fail)</source>
        <translation>Detenerse con un error (fail)</translation>
    </message>
    <message>
        <source>What the variance does with a stratum (or a later stage's unit) that has a single sampled unit, as R's survey.lonely.psu option.</source>
        <translation>Lo que hace la varianza con un estrato (o una unidad de una etapa posterior) que tiene una sola unidad muestreada, como la opción survey.lonely.psu de R.</translation>
    </message>
    <message>
        <source>Survey weight: how many units each interview represents.</source>
        <translation>Ponderación muestral: cuántas unidades representa cada entrevista.</translation>
    </message>
    <message>
        <source>Sampling strata (the areas sampled separately).</source>
        <translation>Estratos de muestreo (las zonas muestreadas por separado).</translation>
    </message>
    <message>
        <source>Primary sampling unit (cluster, enumeration area).</source>
        <translation>Unidad primaria de muestreo (conglomerado, área de empadronamiento).</translation>
    </message>
    <message>
        <source>Optional: population size (or sampling fraction) of each stratum.</source>
        <translation>Opcional: tamaño de la población (o fracción de muestreo) de cada estrato.</translation>
    </message>
    <message>
        <source>Apply design</source>
        <translation>Aplicar el diseño</translation>
    </message>
    <message>
        <source>Survey design</source>
        <translation>Diseño muestral</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Ponderación:</translation>
    </message>
    <message>
        <source>Strata:</source>
        <translation>Estratos:</translation>
    </message>
    <message>
        <source>Clusters (PSU):</source>
        <translation>Conglomerados (UPM):</translation>
    </message>
    <message>
        <source>Population size (FPC):</source>
        <translation>Tamaño de la población (FPC):</translation>
    </message>
    <message>
        <source>Stratum with one PSU:</source>
        <translation>Estrato con una sola UPM:</translation>
    </message>
    <message>
        <source>Later stages:</source>
        <translation>Etapas posteriores:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Population groups</source>
        <translation>Grupos de población</translation>
    </message>
    <message>
        <source>Disaggregation</source>
        <translation>Desagregación</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveles</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected disaggregation from the plan.</source>
        <translation>Quitar del plan la desagregación seleccionada.</translation>
    </message>
    <message>
        <source>Disaggregations</source>
        <translation>Desagregaciones</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Group column: %1</source>
        <translation>Columna de grupo: %1</translation>
    </message>
    <message>
        <source>Displaced</source>
        <translation>Desplazados</translation>
    </message>
    <message>
        <source>Comparator (host)</source>
        <translation>Comparación (población de acogida)</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Codes %1 count as a disability</source>
        <translation>Los códigos %1 cuentan como discapacidad</translation>
    </message>
    <message>
        <source>every answer</source>
        <translation>cada respuesta</translation>
    </message>
</context>
<context>
    <name>DisaggregationDialog</name>
    <message>
        <source>Edit disaggregation</source>
        <extracomment>Washington Group answers: 3 "a lot of difficulty", 4 "cannot do at all"</extracomment>
        <translation>Editar la desagregación</translation>
    </message>
    <message>
        <source>Add disaggregation</source>
        <translation>Añadir una desagregación</translation>
    </message>
    <message>
        <source>A short name used in the plan file (letters, digits, _).</source>
        <translation>Un nombre corto que se usa en el archivo del plan (letras, dígitos, _).</translation>
    </message>
    <message>
        <source>Category (a column's answers)</source>
        <translation>Categoría (respuestas de una columna)</translation>
    </message>
    <message>
        <source>Age groups</source>
        <translation>Grupos de edad</translation>
    </message>
    <message>
        <source>Disability (Washington Group)</source>
        <translation>Discapacidad (Grupo de Washington)</translation>
    </message>
    <message>
        <source>Household dataset</source>
        <translation>Conjunto de datos de hogares</translation>
    </message>
    <message>
        <source>Individual dataset</source>
        <translation>Conjunto de datos de personas</translation>
    </message>
    <message>
        <source>Households take the head of household's value</source>
        <translation>Los hogares toman el valor del jefe o jefa de hogar</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Label (EN)</source>
        <translation>Etiqueta (EN)</translation>
    </message>
    <message>
        <source>Label (FR)</source>
        <translation>Etiqueta (FR)</translation>
    </message>
    <message>
        <source>Optional: pool codes (e.g. '1, 2') under one label. Empty: every answer.</source>
        <translation>Opcional: agrupar códigos (p. ej., «1, 2») bajo una etiqueta. Vacío: cada respuesta.</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>Añadir nivel</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>Quitar nivel</translation>
    </message>
    <message>
        <source>One level per answer</source>
        <translation>Un nivel por respuesta</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Columna:</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Niveles:</translation>
    </message>
    <message>
        <source>The lowest age of each group, in increasing order.</source>
        <translation>La edad mínima de cada grupo, en orden creciente.</translation>
    </message>
    <message>
        <source>Age column:</source>
        <translation>Columna de edad:</translation>
    </message>
    <message>
        <source>Cut points:</source>
        <translation>Puntos de corte:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Grupos:</translation>
    </message>
    <message>
        <source>Tick the Washington Group domain questions.</source>
        <translation>Marque las preguntas por dominio del Grupo de Washington.</translation>
    </message>
    <message>
        <source>Domain questions:</source>
        <translation>Preguntas por dominio:</translation>
    </message>
    <message>
        <source>'A lot of difficulty' or worse:</source>
        <translation>«Mucha dificultad» o peor:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Conjunto de datos:</translation>
    </message>
    <message>
        <source>Label (EN):</source>
        <translation>Etiqueta (EN):</translation>
    </message>
    <message>
        <source>Label (FR):</source>
        <translation>Etiqueta (FR):</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(elija una columna)</translation>
    </message>
    <message>
        <source>Type the cut points, e.g. 0, 5, 18, 60.</source>
        <translation>Escriba los puntos de corte, p. ej., 0, 5, 18, 60.</translation>
    </message>
    <message>
        <source>'%1' is not a number.</source>
        <translation>«%1» no es un número.</translation>
    </message>
    <message>
        <source>Ages cannot be negative.</source>
        <translation>Las edades no pueden ser negativas.</translation>
    </message>
    <message>
        <source>Each cut point must be larger than the one before.</source>
        <translation>Cada punto de corte debe ser mayor que el anterior.</translation>
    </message>
    <message>
        <source>The name must start with a letter and use only letters, digits, _.</source>
        <translation>El nombre debe empezar por una letra y usar solo letras, dígitos y _.</translation>
    </message>
    <message>
        <source>Another disaggregation already has this name.</source>
        <translation>Ya hay otra desagregación con este nombre.</translation>
    </message>
    <message>
        <source>Choose the age column.</source>
        <translation>Elija la columna de edad.</translation>
    </message>
    <message>
        <source>Choose a column.</source>
        <translation>Elija una columna.</translation>
    </message>
    <message>
        <source>Level '%1' has no codes.</source>
        <translation>El nivel «%1» no tiene códigos.</translation>
    </message>
    <message>
        <source>Every level needs an English label.</source>
        <translation>Cada nivel necesita una etiqueta en inglés.</translation>
    </message>
    <message>
        <source>Tick at least one domain question.</source>
        <translation>Marque al menos una pregunta por dominio.</translation>
    </message>
    <message>
        <source>Tick the codes that count as 'a lot of difficulty' or worse.</source>
        <translation>Marque los códigos que cuentan como «mucha dificultad» o peor.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>La frase de contraseña no es correcta.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Compruebe la distribución del teclado y el Bloq Mayús, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This file is not a Workbench vault.</source>
        <translation>Este archivo no es una bóveda del Workbench.</translation>
    </message>
    <message>
        <source>Choose the .dsvault file you created, or create a new vault.</source>
        <translation>Elija el archivo .dsvault que creó, o cree una bóveda nueva.</translation>
    </message>
    <message>
        <source>The vault file is damaged and cannot be opened safely.</source>
        <translation>El archivo de la bóveda está dañado y no se puede abrir de forma segura.</translation>
    </message>
    <message>
        <source>Restore the latest backup with “Restore from a backup…” on the start screen (or run: workbench vault restore).</source>
        <translation>Restaure la última copia de seguridad con «Restaurar desde una copia de seguridad…» en la pantalla de inicio (o ejecute: workbench vault restore).</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>Unlock it again to continue.</source>
        <translation>Desbloquéela de nuevo para continuar.</translation>
    </message>
    <message>
        <source>This computer does not remember a key for this vault.</source>
        <translation>Este equipo no tiene guardada ninguna clave para esta bóveda.</translation>
    </message>
    <message>
        <source>Type the passphrase instead.</source>
        <translation>Escriba en su lugar la frase de contraseña.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelado; no se ha modificado nada.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>No se pudo leer ni escribir el archivo.</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it.</source>
        <translation>Compruebe que la carpeta existe y que tiene permiso para escribir en ella.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>Se ha producido un error inesperado.</translation>
    </message>
    <message>
        <source>Nothing was changed. Copy the details and send them to your support contact.</source>
        <translation>No se ha modificado nada. Copie los detalles y envíelos a su contacto de soporte.</translation>
    </message>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>Workbench de Soluciones Duraderas</translation>
    </message>
</context>
<context>
    <name>ExportResultsDialog</name>
    <message>
        <source>Export results</source>
        <translation>Exportar los resultados</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Publishable copy: suppressed values removed and flagged (recommended)</source>
        <translation>Copia publicable: valores suprimidos retirados y señalados (recomendado)</translation>
    </message>
    <message>
        <source>Internal copy: every value, including suppressed ones — not for publication</source>
        <translation>Copia interna: todos los valores, incluidos los suprimidos — no publicar</translation>
    </message>
    <message>
        <source>Write the run's estimates, comparisons, solutions measure and stock tables to:</source>
        <translation>Escribir las estimaciones, comparaciones, medida de soluciones y tablas de stock del análisis en:</translation>
    </message>
    <message>
        <source>Every suppressed value will be written, including values from a handful of households. The file will be named %1, every sheet marked INTERNAL, and the audit log will record an internal export. Do not publish or share it.</source>
        <translation>Se escribirán todos los valores suprimidos, incluidos valores de apenas unos hogares. El archivo se llamará %1, cada hoja llevará la marca INTERNAL y el registro de auditoría anotará una exportación interna. No lo publique ni lo comparta.</translation>
    </message>
    <message>
        <source>Export internal copy</source>
        <translation>Exportar la copia interna</translation>
    </message>
    <message>
        <source>Choose a .xlsx or .csv file.</source>
        <translation>Elija un archivo .xlsx o .csv.</translation>
    </message>
    <message>
        <source>Export publishable copy</source>
        <translation>Exportar la copia publicable</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Elegir el archivo</translation>
    </message>
    <message>
        <source>CSV, Excel (including Kobo exports), SPSS or Stata.</source>
        <translation>CSV, Excel (incluidas las exportaciones de Kobo), SPSS o Stata.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>How the dataset is called in the vault.</source>
        <translation>El nombre del conjunto de datos en la bóveda.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation>Nombre del conjunto de datos:</translation>
    </message>
    <message>
        <source>Choose a data file</source>
        <translation>Elegir un archivo de datos</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>fila %1</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <extracomment>the guide's part about each workspace page (a page may also say ``help_anchor``) the guide's part about each dialog; a dialog not named here (a message box, a file picker) takes the part about the page or dialog it was opened from</extracomment>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <source>Find in the guide…</source>
        <translation>Buscar en la guía…</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
</context>
<context>
    <name>IdentifiersPage</name>
    <message>
        <source>Direct identifiers</source>
        <translation>Identificadores directos</translation>
    </message>
    <message>
        <source>These columns may identify people (names, phones, GPS, free text). Drop them unless you need them; hashing keeps a code for linking without the value. Quasi-identifiers (dates, villages) are kept unless you choose otherwise.</source>
        <translation>Estas columnas pueden identificar a personas (nombres, teléfonos, GPS, texto libre). Elimínelas salvo que las necesite; el hash conserva un código para vincular sin el valor. Los cuasi-identificadores (fechas, aldeas) se conservan salvo que decida otra cosa.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Why flagged</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>No likely identifiers were found.</source>
        <translation>No se encontraron identificadores probables.</translation>
    </message>
    <message>
        <source>Reading the whole file…</source>
        <translation>Leyendo el archivo completo…</translation>
    </message>
    <message numerus="yes">
        <source>Checked over the whole file: %Ln row(s).</source>
        <translation>
            <numerusform>Comprobado en el archivo completo: %Ln fila.</numerusform>
            <numerusform>Comprobado en el archivo completo: %Ln filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Aplicar hash</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>… (%1 more)</source>
        <translation>… (%1 más)</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Importar un archivo</translation>
    </message>
</context>
<context>
    <name>JudgementOptions</name>
    <message>
        <source>Judging gaps</source>
        <translation>Valoración de las brechas</translation>
    </message>
    <message>
        <source>within each criterion</source>
        <translation>dentro de cada criterio</translation>
    </message>
    <message>
        <source>across the whole plan</source>
        <translation>en todo el plan</translation>
    </message>
    <message>
        <source>Assess with the adjusted p-values</source>
        <translation>Valorar con los valores p ajustados</translation>
    </message>
    <message>
        <source>Otherwise the adjusted p-values are shown beside the raw ones.</source>
        <translation>Si no, los valores p ajustados se muestran junto a los brutos.</translation>
    </message>
    <message>
        <source>Worse only when the gap matters</source>
        <translation>Peor solo si la brecha importa</translation>
    </message>
    <message>
        <source>Worse or better only when the difference is significant and at least the indicator's minimum important difference (5 points for shares by default).</source>
        <translation>Peor o mejor solo si la diferencia es significativa y al menos igual a la diferencia mínima importante del indicador (5 puntos para proporciones por defecto).</translation>
    </message>
    <message>
        <source>Show “no gap” when equivalence is proven</source>
        <translation>Mostrar «sin brecha» cuando se demuestra la equivalencia</translation>
    </message>
    <message>
        <source>Two one-sided tests (TOST) against the minimum important difference.</source>
        <translation>Dos pruebas unilaterales (TOST) frente a la diferencia mínima importante.</translation>
    </message>
    <message>
        <source>Share of a criterion's assessed indicators worse that makes it red.</source>
        <translation>Proporción de indicadores evaluados de un criterio que, siendo peores, lo ponen en rojo.</translation>
    </message>
    <message>
        <source>Multiple comparisons:</source>
        <translation>Comparaciones múltiples:</translation>
    </message>
    <message>
        <source>Substantive gaps:</source>
        <translation>Brechas sustanciales:</translation>
    </message>
    <message>
        <source>Criterion rating:</source>
        <translation>Calificación de criterios:</translation>
    </message>
    <message>
        <source>Intervals (shares, counts):</source>
        <translation>Intervalos (proporciones, recuentos):</translation>
    </message>
</context>
<context>
    <name>JudgingEditor</name>
    <message>
        <source>Own minimum important difference:</source>
        <translation>Diferencia mínima importante propia:</translation>
    </message>
    <message>
        <source>Worse or better only when the gap is significant and at least this large; 0: any significant gap counts.</source>
        <translation>Peor o mejor solo si la brecha es significativa y al menos de este tamaño; 0: cuenta cualquier brecha significativa.</translation>
    </message>
    <message>
        <source>As the library says</source>
        <translation>Como indica la biblioteca</translation>
    </message>
    <message>
        <source>Compare with the comparator</source>
        <translation>Comparar con el grupo de comparación</translation>
    </message>
    <message>
        <source>Describe only (not compared)</source>
        <translation>Solo describir (no comparado)</translation>
    </message>
    <message>
        <source>Apply judging</source>
        <translation>Aplicar la valoración</translation>
    </message>
    <message>
        <source>Comparison:</source>
        <translation>Comparación:</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>compared</source>
        <translation>comparado</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>no comparado</translation>
    </message>
    <message>
        <source>Library: %1, %2</source>
        <translation>Biblioteca: %1, %2</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Labels from the XLSForm</source>
        <translation>Etiquetas del XLSForm</translation>
    </message>
    <message>
        <source>The form the data was collected with gives every question its label and every code its answer text. Without it, codes show instead of answers.</source>
        <translation>El formulario con el que se recogieron los datos da a cada pregunta su etiqueta y a cada código el texto de su respuesta. Sin él, se muestran códigos en lugar de respuestas.</translation>
    </message>
    <message>
        <source>Choose another…</source>
        <translation>Elegir otro…</translation>
    </message>
    <message>
        <source>XLSForm:</source>
        <translation>XLSForm:</translation>
    </message>
    <message>
        <source>Label language:</source>
        <translation>Idioma de las etiquetas:</translation>
    </message>
    <message>
        <source>(no XLSForm: keep the codes)</source>
        <translation>(sin XLSForm: conservar los códigos)</translation>
    </message>
    <message>
        <source>Looking for the XLSForm beside the file…</source>
        <translation>Buscando el XLSForm junto al archivo…</translation>
    </message>
    <message>
        <source>This file carries its own labels; choose the form only to replace them with the form's.</source>
        <translation>Este archivo trae sus propias etiquetas; elija el formulario solo para reemplazarlas por las del formulario.</translation>
    </message>
    <message>
        <source>No XLSForm was found in the folder of the data file. Choose one if you have it; without it, codes show instead of answers in the data, the analysis and the report.</source>
        <translation>No se encontró ningún XLSForm en la carpeta del archivo de datos. Elija uno si lo tiene; sin él, se muestran códigos en lugar de respuestas en los datos, el análisis y el informe.</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 columns</source>
        <translation>%1 — %2 de %3 columnas</translation>
    </message>
    <message>
        <source>Choose the XLSForm</source>
        <translation>Elegir el XLSForm</translation>
    </message>
    <message>
        <source>The data keeps its codes; no labels are added.</source>
        <translation>Los datos conservan sus códigos; no se añaden etiquetas.</translation>
    </message>
    <message>
        <source>%1 of the file's %2 columns are questions or answer options of this form (%3 questions, %4 answer lists, %5 multiple-choice questions).</source>
        <translation>%1 de las %2 columnas del archivo son preguntas u opciones de respuesta de este formulario (%3 preguntas, %4 listas de respuestas, %5 preguntas de selección múltiple).</translation>
    </message>
    <message>
        <source>The other columns keep their names and codes.</source>
        <translation>Las demás columnas conservan sus nombres y códigos.</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>In plan</source>
        <translation>En el plan</translation>
    </message>
    <message>
        <source>%1 (custom)</source>
        <translation>%1 (personalizado)</translation>
    </message>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>Aún sin traducir: se muestra en inglés.</translation>
    </message>
    <message>
        <source>Has errors</source>
        <translation>Tiene errores</translation>
    </message>
    <message>
        <source>Has warnings</source>
        <translation>Tiene advertencias</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>Workbench de Soluciones Duraderas</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Close the vault now (Ctrl+L)</source>
        <translation>Cerrar la bóveda ahora (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Bóveda</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <source>&amp;Getting started with the sample</source>
        <translation>&amp;Primeros pasos con el ejemplo</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Durable Solutions Workbench %1 — analysis of displacement surveys against the IASC criteria for durable solutions, offline: nothing leaves this computer unless you export it, and every export is in the vault's audit log.</source>
        <translation>Durable Solutions Workbench %1 — análisis de encuestas sobre desplazamiento según los criterios del IASC para soluciones duraderas, sin conexión: nada sale de este equipo si usted no lo exporta, y cada exportación figura en el registro de auditoría de la bóveda.</translation>
    </message>
    <message numerus="yes">
        <source>Vault unlocked. It locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>Bóveda desbloqueada. Se bloquea sola tras %n minuto de inactividad.</numerusform>
            <numerusform>Bóveda desbloqueada. Se bloquea sola tras %n minutos de inactividad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message numerus="yes">
        <source>The vault now locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>La bóveda se bloquea ahora tras %n minuto de inactividad.</numerusform>
            <numerusform>La bóveda se bloquea ahora tras %n minutos de inactividad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <source>Several columns (e.g. select-multiple options)</source>
        <extracomment>a suggested candidate was accepted (name, mapping) text columns' answers, from the suggestion (a text column has no value labels)</extracomment>
        <translation>Varias columnas (p. ej., opciones de selección múltiple)</translation>
    </message>
    <message>
        <source>Tick the columns this input combines.</source>
        <translation>Marque las columnas que combina esta variable de entrada.</translation>
    </message>
    <message>
        <source>Tick the answers that count as the condition.</source>
        <translation>Marque las respuestas que cuentan como la condición.</translation>
    </message>
    <message>
        <source>Tick the codes that mean 'no answer'.</source>
        <translation>Marque los códigos que significan «sin respuesta».</translation>
    </message>
    <message>
        <source>Apply mapping</source>
        <translation>Aplicar la asignación</translation>
    </message>
    <message>
        <source>Remove mapping</source>
        <translation>Quitar la asignación</translation>
    </message>
    <message>
        <source>This column has no coded answers: the input uses its values as they are.</source>
        <translation>Esta columna no tiene respuestas codificadas: la variable de entrada usa sus valores tal cual.</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Columna:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Columnas:</translation>
    </message>
    <message>
        <source>Codes that count:</source>
        <translation>Códigos que cuentan:</translation>
    </message>
    <message>
        <source>Missing codes:</source>
        <translation>Códigos de valor faltante:</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Universo:</translation>
    </message>
    <message>
        <source>everyone in the unit</source>
        <translation>toda la unidad</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(sin asignar)</translation>
    </message>
    <message>
        <source>counts when any ticked code appears in any column</source>
        <translation>cuenta si algún código marcado aparece en alguna columna</translation>
    </message>
    <message>
        <source>counts when every column has a ticked code</source>
        <translation>cuenta si todas las columnas tienen un código marcado</translation>
    </message>
    <message>
        <source>the number of columns with a ticked code</source>
        <translation>el número de columnas con un código marcado</translation>
    </message>
    <message>
        <source>the sum of the columns</source>
        <translation>la suma de las columnas</translation>
    </message>
    <message>
        <source>Combined: %1.</source>
        <translation>Combinación: %1.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>How to read it</source>
        <translation>Cómo leerlo</translation>
    </message>
    <message>
        <source>Check the preview: one row per record, one column per question.</source>
        <translation>Compruebe la vista previa: una fila por registro, una columna por pregunta.</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Detectar automáticamente</translation>
    </message>
    <message>
        <source>Rows to skip before the row of column names.</source>
        <translation>Filas que se omiten antes de la fila de nombres de columna.</translation>
    </message>
    <message>
        <source>Read NA, N/A, #N/A, NaN, “.” and “-” as missing in number columns</source>
        <translation>Leer NA, N/A, #N/A, NaN, «.» y «-» como faltantes en las columnas numéricas</translation>
    </message>
    <message>
        <source>A text column whose real answers include such a value stays text.</source>
        <translation>Una columna de texto cuyas respuestas reales incluyen ese valor sigue siendo texto.</translation>
    </message>
    <message>
        <source>e.g. -99, missing (separated by commas)</source>
        <translation>p. ej. -99, falta (separados por comas)</translation>
    </message>
    <message>
        <source>Other values that mean “missing” in this file.</source>
        <translation>Otros valores que significan «falta» en este archivo.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Hoja:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Codificación:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Delimitador:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Fila de encabezado:</translation>
    </message>
    <message>
        <source>Missing values:</source>
        <translation>Valores faltantes:</translation>
    </message>
    <message>
        <source>Other missing markers:</source>
        <translation>Otros marcadores de valor faltante:</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>Leyendo las primeras filas…</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Formato: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n columna</numerusform>
            <numerusform>%n columnas</numerusform>
        </translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>codificación %1</translation>
    </message>
    <message numerus="yes">
        <source>In the first %Ln row(s) (the whole file is checked later):</source>
        <translation>
            <numerusform>En la primera fila (%Ln) (el archivo completo se comprueba después):</numerusform>
            <numerusform>En las primeras %Ln filas (el archivo completo se comprueba después):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Demasiado corta: use al menos %n carácter.</numerusform>
            <numerusform>Demasiado corta: use al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>A vault needs a passphrase rated “Fair” or better.</source>
        <translation>Una bóveda necesita una frase de contraseña calificada como «Aceptable» o mejor.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation>Débil: añada más palabras.</translation>
    </message>
    <message>
        <source>Fair: a few more words would help.</source>
        <translation>Aceptable: unas palabras más ayudarían.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Buena.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <source>Use a passphrase of several words.</source>
        <translation>Use una frase de contraseña de varias palabras.</translation>
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
        <translation>Nuevo a partir de los datos</translation>
    </message>
    <message>
        <source>Suggest a plan from the datasets in the vault.</source>
        <translation>Proponer un plan a partir de los conjuntos de datos de la bóveda.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>Guardar versión</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Read a plan or template file (.toml) and fit it to these datasets.</source>
        <translation>Leer un archivo de plan o de plantilla (.toml) y adaptarlo a estos conjuntos de datos.</translation>
    </message>
    <message>
        <source>Export template…</source>
        <translation>Exportar plantilla…</translation>
    </message>
    <message>
        <source>New custom indicator…</source>
        <translation>Nuevo indicador personalizado…</translation>
    </message>
    <message>
        <source>An indicator of your own, from the inputs you map (it can stand for an IRIS sub-criterion in the solutions measure).</source>
        <translation>Un indicador propio, a partir de las entradas que vincula (puede representar un subcriterio IRIS en la medida de soluciones).</translation>
    </message>
    <message>
        <source>Analysis plan</source>
        <translation>Plan de análisis</translation>
    </message>
    <message>
        <source>By criterion</source>
        <translation>Por criterio</translation>
    </message>
    <message>
        <source>By IRIS sub-criterion</source>
        <translation>Por subcriterio IRIS</translation>
    </message>
    <message>
        <source>Edit custom indicator…</source>
        <translation>Editar indicador personalizado…</translation>
    </message>
    <message>
        <source>Inputs (click one to map it):</source>
        <translation>Variables de entrada (haga clic en una para asignarla):</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Asignación</translation>
    </message>
    <message>
        <source>Design and groups</source>
        <translation>Diseño y grupos</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>%1 (version %2, draft)</source>
        <translation>%1 (versión %2, borrador)</translation>
    </message>
    <message>
        <source>%1 (new, not saved)</source>
        <translation>%1 (nuevo, sin guardar)</translation>
    </message>
    <message>
        <source>(unsaved changes)</source>
        <translation>(cambios sin guardar)</translation>
    </message>
    <message numerus="yes">
        <source>%n indicator(s)</source>
        <translation>
            <numerusform>%n indicador</numerusform>
            <numerusform>%n indicadores</numerusform>
        </translation>
    </message>
    <message>
        <source>Use suggested column for %1</source>
        <translation>Usar la columna sugerida para %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>Add to plan</source>
        <translation>Añadir al plan</translation>
    </message>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>Aún sin traducir: se muestra en inglés.</translation>
    </message>
    <message>
        <source>everyone in the unit</source>
        <translation>toda la unidad</translation>
    </message>
    <message>
        <source>household</source>
        <translation>hogar</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>Statistic:</source>
        <translation>Estadístico:</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Universo:</translation>
    </message>
    <message>
        <source>Remove from plan</source>
        <translation>Quitar del plan</translation>
    </message>
    <message>
        <source>to review: %1 (from its values only)</source>
        <translation>por revisar: %1 (solo por sus valores)</translation>
    </message>
    <message>
        <source>to review: %1 (%2%)</source>
        <translation>por revisar: %1 (%2 %)</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Sugerencia: %1</translation>
    </message>
    <message>
        <source>Checks: %1, %2</source>
        <translation>Controles: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Checks could not run: %1</source>
        <translation>No se pudieron ejecutar los controles: %1</translation>
    </message>
    <message>
        <source>Note for this version (what changed):</source>
        <translation>Nota para esta versión (qué ha cambiado):</translation>
    </message>
    <message>
        <source>Saved as version %1, a draft: %2 error(s) to fix before the analysis can run it (see the checks).</source>
        <translation>Guardado como versión %1, un borrador: %2 error(es) que corregir antes de que el análisis pueda ejecutarlo (vea las comprobaciones).</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Guardado como versión %1.</translation>
    </message>
    <message>
        <source>Import a plan or template</source>
        <translation>Importar un plan o una plantilla</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>Exportar plantilla</translation>
    </message>
    <message>
        <source>No plan yet, and no data: import your datasets first on the Datasets page (the bundled sample: freedonia_household and freedonia_individual). Then come back here.</source>
        <translation>Aún no hay plan ni datos: importe primero sus conjuntos de datos en la página Conjuntos de datos (el ejemplo incluido: freedonia_household y freedonia_individual). Luego vuelva aquí.</translation>
    </message>
    <message>
        <source>No plan yet. Click “New from datasets” to have one suggested from the datasets you choose, or “Import…” a plan file (the bundled sample has freedonia-plan.toml). Press F1 for the guide.</source>
        <translation>Aún no hay plan. Haga clic en «Nuevo a partir de los datos» para que se proponga uno a partir de los conjuntos que elija, o «Importar…» un archivo de plan (el ejemplo incluido tiene freedonia-plan.toml). Pulse F1 para la guía.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <extracomment>rows a column sized to its contents looks at (Qt's default, 1000, made a page with a few hundred findings take 0.3 s to show again: every row's every cell was measured each time) the narrowest the last column of :func:`fit_every_row` gets before its cells wrap (pixels)</extracomment>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Progress since the baseline</source>
        <extracomment>closing green, widening red; a small change or a stable gap a quiet grey-blue</extracomment>
        <translation>Progreso desde la línea de base</translation>
    </message>
    <message>
        <source>Open this round's own results in the other tabs.</source>
        <translation>Abrir los resultados propios de esta ronda en las otras pestañas.</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Ronda:</translation>
    </message>
    <message>
        <source>Changes in the gaps</source>
        <translation>Cambios en las brechas</translation>
    </message>
    <message>
        <source>Slope charts</source>
        <translation>Gráficos de pendiente</translation>
    </message>
    <message>
        <source>These results are one survey round. To see progress over time, analyse a plan with rounds (a baseline and follow-ups, [rounds] in the plan).</source>
        <translation>Estos resultados corresponden a una sola ronda de la encuesta. Para ver el progreso en el tiempo, analice un plan con rondas (una línea de base y seguimientos, [rounds] en el plan).</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>PDF/A (for archiving)</source>
        <translation>PDF/A (para archivo)</translation>
    </message>
    <message>
        <source>Self-contained PDF that stays readable for decades.</source>
        <translation>PDF autónomo que sigue siendo legible durante décadas.</translation>
    </message>
    <message>
        <source>Also write the annex tables (Excel)</source>
        <translation>Escribir también las tablas anexas (Excel)</translation>
    </message>
    <message>
        <source>Also write the editable Word report (.docx)</source>
        <translation>Escribir también el informe Word editable (.docx)</translation>
    </message>
    <message>
        <source>The same sections, tables and charts as the PDF, passed through the same checks.</source>
        <translation>Las mismas secciones, cuadros y gráficos que el PDF, sometidos a los mismos controles.</translation>
    </message>
    <message>
        <source>Also write the briefing for decision-makers (PDF and Word)</source>
        <translation>Escribir también la nota informativa para responsables de decisiones (PDF y Word)</translation>
    </message>
    <message>
        <source>Two to four pages: the traffic light, the IDP stock, the largest gaps with their charts, the solutions measure and the method in brief.</source>
        <translation>De dos a cuatro páginas: el semáforo, el número de desplazados internos, las mayores brechas con sus gráficos, la medida de soluciones y el método en breve.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>Resultados:</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>Idioma del informe:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Tamaño de página:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Guardar como:</translation>
    </message>
    <message>
        <source>Check the report</source>
        <translation>Comprobar el informe</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>Justification (required for warnings)</source>
        <translation>Justificación (obligatoria para las advertencias)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar el informe</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Use this justification for all similar warnings</source>
        <translation>Usar esta justificación para todas las advertencias similares</translation>
    </message>
    <message>
        <source>Copies the justification of the selected warning to every warning with the same check.</source>
        <translation>Copia la justificación de la advertencia seleccionada a todas las advertencias del mismo control.</translation>
    </message>
    <message>
        <source>Run an analysis first (Analysis page).</source>
        <translation>Ejecute primero un análisis (página Análisis).</translation>
    </message>
    <message>
        <source>Saved in plan %1, version %2: the next analyses will use these facts.</source>
        <translation>Guardado en el plan %1, versión %2: los próximos análisis usarán estos datos.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Fix this before exporting.</source>
        <translation>Corríjalo antes de exportar.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Se superaron todos los controles.</translation>
    </message>
    <message>
        <source>%1 error(s) block the export; %2 warning(s) need a written justification.</source>
        <translation>%1 error(es) impiden la exportación; %2 advertencia(s) requieren una justificación escrita.</translation>
    </message>
    <message>
        <source>Every warning is justified (%1): the report can be exported.</source>
        <translation>Cada advertencia está justificada (%1): el informe puede exportarse.</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Guardar el informe como</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Informe guardado: %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>The backup is checked completely before it replaces the damaged vault. Work saved after the backup was made is not in it.</source>
        <translation>La copia de seguridad se comprueba por completo antes de sustituir la bóveda dañada. El trabajo guardado después de hacer la copia no está incluido.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>Bóveda:</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>Archivo de copia de seguridad:</translation>
    </message>
    <message>
        <source>Passphrase of the backup:</source>
        <translation>Frase de contraseña de la copia:</translation>
    </message>
    <message>
        <source>Choose the backup</source>
        <translation>Elegir la copia de seguridad</translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation>Elija primero el archivo de copia de seguridad.</translation>
    </message>
    <message>
        <source>Verifying the backup…</source>
        <translation>Verificando la copia de seguridad…</translation>
    </message>
    <message>
        <source>Replace another vault?</source>
        <translation>¿Reemplazar otra bóveda?</translation>
    </message>
    <message>
        <source>Replace %1 with this backup? Everything in %1 that is not in a backup of its own is lost.</source>
        <translation>¿Reemplazar %1 por esta copia de seguridad? Todo lo que contiene %1 y no esté en una copia de seguridad propia se perderá.</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>Reemplazar %1</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Conservar %1</translation>
    </message>
    <message>
        <source>Nothing was replaced.</source>
        <translation>No se reemplazó nada.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>The data is encrypted as it is stored in the vault.</source>
        <translation>Los datos se cifran a medida que se guardan en la bóveda.</translation>
    </message>
    <message>
        <source>Reading and encrypting…</source>
        <translation>Leyendo y cifrando…</translation>
    </message>
    <message>
        <source>Stored “%1”: %2 rows, %3 columns.</source>
        <translation>Guardado «%1»: %2 filas, %3 columnas.</translation>
    </message>
    <message>
        <source>Labelled from %1.</source>
        <translation>Etiquetado con %1.</translation>
    </message>
    <message>
        <source>Read as missing:</source>
        <translation>Leído como faltante:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>The vault locks itself after this much time without input.</source>
        <translation>La bóveda se bloquea sola tras este tiempo sin actividad.</translation>
    </message>
    <message>
        <source>Which small-sample estimates are flagged or hidden in results and reports.</source>
        <translation>Qué estimaciones con muestras pequeñas se marcan u ocultan en los resultados y los informes.</translation>
    </message>
    <message>
        <source>Significance level of comparisons; 0.05 gives 95% confidence intervals.</source>
        <translation>Nivel de significación de las comparaciones; 0,05 da intervalos de confianza del 95 %.</translation>
    </message>
    <message>
        <source>Printed on the cover of every report.</source>
        <translation>Se imprime en la portada de cada informe.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Bloquear tras inactividad:</translation>
    </message>
    <message>
        <source>Disclosure control:</source>
        <translation>Control de la confidencialidad:</translation>
    </message>
    <message>
        <source>Significance level:</source>
        <translation>Nivel de significación:</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>Nombre de la oficina:</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>The settings could not be saved to disk.</source>
        <translation>No se pudo guardar la configuración en el disco.</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <source>Data sharing</source>
        <extracomment>the extract formats offered, by file-dialog filter</extracomment>
        <translation>Intercambio de datos</translation>
    </message>
    <message>
        <source>Tick the quasi-identifiers. Their order is the importance order: values are suppressed from the bottom up.</source>
        <translation>Marque los cuasi-identificadores. Su orden es el orden de importancia: los valores se suprimen de abajo hacia arriba.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Conjunto de datos:</translation>
    </message>
    <message>
        <source>k-anonymity:</source>
        <translation>k-anonimato:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Ponderación:</translation>
    </message>
    <message>
        <source>Household id:</source>
        <translation>Identificador del hogar:</translation>
    </message>
    <message>
        <source>Sensitive variables:</source>
        <translation>Variables sensibles:</translation>
    </message>
    <message>
        <source>Age bands:</source>
        <translation>Tramos de edad:</translation>
    </message>
    <message>
        <source>Top coding:</source>
        <translation>Codificación superior:</translation>
    </message>
    <message>
        <source>Merge categories:</source>
        <translation>Agrupar categorías:</translation>
    </message>
    <message>
        <source>PRAM:</source>
        <translation>PRAM:</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>Ruido:</translation>
    </message>
    <message>
        <source>Also compute SUDA scores (special uniques)</source>
        <translation>Calcular también las puntuaciones SUDA (únicos especiales)</translation>
    </message>
    <message>
        <source>Minimal sample uniques and DIS-SUDA scores as sdcMicro's suda2 computes them, before and after; slower on large files.</source>
        <translation>Únicos muestrales mínimos y puntuaciones DIS-SUDA tal como los calcula suda2 de sdcMicro, antes y después; más lento con archivos grandes.</translation>
    </message>
    <message>
        <source>Measure risk</source>
        <translation>Medir el riesgo</translation>
    </message>
    <message>
        <source>Quasi-identifiers (most important first):</source>
        <translation>Cuasi-identificadores (el más importante primero):</translation>
    </message>
    <message>
        <source>Disclosure risk</source>
        <translation>Riesgo de divulgación</translation>
    </message>
    <message>
        <source>Values lost</source>
        <translation>Valores perdidos</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Share microdata</source>
        <translation>Compartir microdatos</translation>
    </message>
    <message>
        <source>Direct identifiers are always removed. Values of the quasi-identifiers are suppressed until every record shares its combination with at least k − 1 others; the file is read back and measured before it is written.</source>
        <translation>Los identificadores directos siempre se eliminan. Se suprimen valores de los cuasi-identificadores hasta que cada registro comparta su combinación con al menos otros k − 1; el archivo se relee y se mide antes de escribirse.</translation>
    </message>
    <message>
        <source>Shared so far</source>
        <translation>Intercambios registrados</translation>
    </message>
    <message>
        <source>Sharing record</source>
        <translation>Registro de intercambio</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Vence:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Recipient organisation:</source>
        <translation>Organización destinataria:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Finalidad:</translation>
    </message>
    <message>
        <source>Data-sharing agreement:</source>
        <translation>Acuerdo de intercambio de datos:</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Aprobado por:</translation>
    </message>
    <message>
        <source>Report languages:</source>
        <translation>Idiomas del informe:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extracto</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>CI overlap</source>
        <translation>Solapamiento de IC</translation>
    </message>
    <message>
        <source>Plan %1: overall estimates on the original data and on the extract; CI overlap 1 = the same confidence interval.</source>
        <translation>Plan %1: estimaciones generales con los datos originales y con el extracto; solapamiento de IC 1 = el mismo intervalo de confianza.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Suprimidos</translation>
    </message>
    <message>
        <source>Recoded</source>
        <translation>Recodificados</translation>
    </message>
    <message>
        <source>Export the anonymised extract</source>
        <translation>Exportar el extracto anonimizado</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
</context>
<context>
    <name>SolutionsOptions</name>
    <message>
        <source>Solutions measure</source>
        <extracomment>the engine's defaults: what a box shows before the user changes it</extracomment>
        <translation>Medida de soluciones</translation>
    </message>
    <message>
        <source>Host community (comparator) estimate</source>
        <translation>Estimación de la población de acogida (grupo de comparación)</translation>
    </message>
    <message>
        <source>National values (set in the plan)</source>
        <translation>Valores nacionales (fijados en el plan)</translation>
    </message>
    <message>
        <source>A fixed value</source>
        <translation>Un valor fijo</translation>
    </message>
    <message>
        <source>Compare with the benchmark's confidence bound</source>
        <translation>Comparar con el límite del intervalo de confianza de la referencia</translation>
    </message>
    <message>
        <source>More lenient: a household passes unless clearly worse than the benchmark.</source>
        <translation>Más flexible: un hogar cumple salvo que esté claramente peor que la referencia.</translation>
    </message>
    <message>
        <source>counts as no vulnerability</source>
        <translation>cuenta como sin vulnerabilidad</translation>
    </message>
    <message>
        <source>counts as missing</source>
        <translation>cuenta como faltante</translation>
    </message>
    <message>
        <source>A household outside an indicator's universe (a question skipped by design).</source>
        <translation>Un hogar fuera del universo de un indicador (pregunta omitida por diseño).</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>Métodos:</translation>
    </message>
    <message>
        <source>Benchmark:</source>
        <translation>Referencia:</translation>
    </message>
    <message>
        <source>Skipped by design:</source>
        <translation>Omitido por diseño:</translation>
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
        <translation>Unidades de la etapa</translation>
    </message>
    <message>
        <source>FPC</source>
        <translation>FPC</translation>
    </message>
    <message>
        <source>Strata within units</source>
        <translation>Estratos dentro de las unidades</translation>
    </message>
    <message>
        <source>Stage 2, 3, …: the units sampled inside the units of the stage above, with their population size or sampling fraction (FPC). Without the FPC of a stage, its variance and that of the stages below are not counted.</source>
        <translation>Etapas 2, 3, …: las unidades seleccionadas dentro de las unidades de la etapa superior, con su tamaño de población o fracción de muestreo (FPC). Sin la FPC de una etapa, no se cuenta su varianza ni la de las etapas siguientes.</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Añadir etapa</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>Quitar etapa</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>Workbench de Soluciones Duraderas</translation>
    </message>
    <message>
        <source>Your survey data stays in an encrypted vault on this computer. Open a vault to continue, or create a new one.</source>
        <translation>Los datos de su encuesta permanecen en una bóveda cifrada en este equipo. Abra una bóveda para continuar o cree una nueva.</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Abrir una bóveda</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Crear una bóveda nueva</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>Recent vaults</source>
        <translation>Bóvedas recientes</translation>
    </message>
    <message>
        <source>Path of the vault file</source>
        <translation>Ruta del archivo de la bóveda</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock with the key remembered here</source>
        <translation>Desbloquear con la clave guardada en este equipo</translation>
    </message>
    <message>
        <source>Recent vaults:</source>
        <translation>Bóvedas recientes:</translation>
    </message>
    <message>
        <source>Vault file:</source>
        <translation>Archivo de la bóveda:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Recordar en este equipo</translation>
    </message>
    <message>
        <source>The vault key is kept in this computer's password store, so this user account can open the vault without typing the passphrase. Anyone who can log in as you can then open it. Do not use it on a shared computer.</source>
        <translation>La clave de la bóveda se guarda en el almacén de contraseñas de este equipo, de modo que esta cuenta de usuario puede abrir la bóveda sin escribir la frase de contraseña. Cualquiera que pueda iniciar sesión con su cuenta podrá abrirla. No lo use en un equipo compartido.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Crear la bóveda</translation>
    </message>
    <message>
        <source>New vault file:</source>
        <translation>Nuevo archivo de bóveda:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Repita la frase de contraseña:</translation>
    </message>
    <message>
        <source>The vault was locked. Type the passphrase to continue.</source>
        <translation>La bóveda se ha bloqueado. Escriba la frase de contraseña para continuar.</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>Abriendo la bóveda…</translation>
    </message>
    <message>
        <source>New vault file</source>
        <translation>Nuevo archivo de bóveda</translation>
    </message>
    <message>
        <source>Choose a vault file first.</source>
        <translation>Elija primero un archivo de bóveda.</translation>
    </message>
    <message>
        <source>There is no file at this place.</source>
        <translation>No hay ningún archivo en esta ubicación.</translation>
    </message>
    <message>
        <source>Check the path, or create a new vault.</source>
        <translation>Compruebe la ruta o cree una bóveda nueva.</translation>
    </message>
    <message>
        <source>A file with this name already exists.</source>
        <translation>Ya existe un archivo con este nombre.</translation>
    </message>
    <message>
        <source>Choose another name; an existing vault is never overwritten.</source>
        <translation>Elija otro nombre; una bóveda existente nunca se sobrescribe.</translation>
    </message>
    <message>
        <source>Restore the latest backup of this vault with the button below (or ask your administrator). The damaged file is replaced only after the backup is verified.</source>
        <translation>Restaure la última copia de seguridad de esta bóveda con el botón de abajo (o consulte a su administrador). El archivo dañado solo se sustituye una vez verificada la copia.</translation>
    </message>
</context>
<context>
    <name>SurveyFactsBox</name>
    <message>
        <source>Survey facts (cover and methodology)</source>
        <extracomment>field → (ReportOptions key, plan [report] key, is a text by language)</extracomment>
        <translation>Datos de la encuesta (portada y metodología)</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Zona:</translation>
    </message>
    <message>
        <source>Reference period:</source>
        <translation>Período de referencia:</translation>
    </message>
    <message>
        <source>Currency of amounts:</source>
        <translation>Moneda de los importes:</translation>
    </message>
    <message>
        <source>Producing office:</source>
        <translation>Oficina productora:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contacto:</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>p. ej. USD</translation>
    </message>
    <message>
        <source>Save in the plan</source>
        <translation>Guardar en el plan</translation>
    </message>
    <message>
        <source>Keeps these facts in a new version of the plan, for the next analyses.</source>
        <translation>Guarda estos datos en una nueva versión del plan, para los próximos análisis.</translation>
    </message>
</context>
<context>
    <name>TableCopier</name>
    <message>
        <source>Copy</source>
        <extracomment>views whose rows are publishable results (the analysis page shows disclosure-controlled values); every other table is audited as internal more cells than this in a copy of the whole table is refused (a 1M-row viewer is exported)</extracomment>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the whole table</source>
        <translation>Copiar toda la tabla</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>What one row is</source>
        <translation>Qué es una fila</translation>
    </message>
    <message>
        <source>Household files hold one row per household; member rosters one per person.</source>
        <translation>Los archivos de hogares tienen una fila por hogar; las listas de miembros, una por persona.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Individual (household member)</source>
        <translation>Persona (miembro del hogar)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>The column that identifies one row (e.g. household id).</source>
        <translation>La columna que identifica cada fila (p. ej., el identificador del hogar).</translation>
    </message>
    <message>
        <source>Only household datasets already in the vault.</source>
        <translation>Solo los conjuntos de datos de hogares que ya están en la bóveda.</translation>
    </message>
    <message>
        <source>The column holding the household id of each person.</source>
        <translation>La columna que contiene el identificador del hogar de cada persona.</translation>
    </message>
    <message>
        <source>One row is:</source>
        <translation>Una fila es:</translation>
    </message>
    <message>
        <source>Identifier column:</source>
        <translation>Columna identificadora:</translation>
    </message>
    <message>
        <source>Household dataset:</source>
        <translation>Conjunto de datos de hogares:</translation>
    </message>
    <message>
        <source>Link column:</source>
        <translation>Columna de vínculo:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(none in the vault)</source>
        <translation>(ninguno en la bóveda)</translation>
    </message>
    <message>
        <source>A Kobo export: the main sheet holds one row per submission (household); its repeat sheets are imported with it, linked by _parent_index.</source>
        <translation>Una exportación de Kobo: la hoja principal tiene una fila por envío (hogar); sus hojas de grupos repetidos se importan con ella, vinculadas por _parent_index.</translation>
    </message>
    <message>
        <source>“%1” holds a different value in every row of the file: one row is a household.</source>
        <translation>«%1» tiene un valor distinto en cada fila del archivo: una fila es un hogar.</translation>
    </message>
    <message>
        <source>The household id “%1” repeats in the file: one row is a person, linked to the household dataset by “%1”.</source>
        <translation>El identificador del hogar «%1» se repite en el archivo: una fila es una persona, vinculada al conjunto de datos de hogares por «%1».</translation>
    </message>
    <message>
        <source>Choose what one row of this file is.</source>
        <translation>Elija qué es una fila de este archivo.</translation>
    </message>
    <message>
        <source>Also imported from this file:</source>
        <translation>También se importa de este archivo:</translation>
    </message>
    <message>
        <source>“%1”: %2 rows, one per %3, linked to “%4” by %5</source>
        <translation>«%1»: %2 filas, una por %3, vinculado a «%4» por %5</translation>
    </message>
    <message>
        <source>Choose the link column that holds the household id.</source>
        <translation>Elija la columna de vínculo que contiene el identificador del hogar.</translation>
    </message>
    <message>
        <source>Checking the link with “%1”…</source>
        <translation>Comprobando el vínculo con «%1»…</translation>
    </message>
    <message>
        <source>Not linked to a household dataset: the persons cannot take their household's group, weight and design. Import the household file first to link them.</source>
        <translation>Sin vínculo con un conjunto de datos de hogares: las personas no pueden tomar el grupo, la ponderación y el diseño de su hogar. Importe primero el archivo de hogares para vincularlas.</translation>
    </message>
</context>
<context>
    <name>UniverseEditor</name>
    <message>
        <source>Who the indicator counts, as an expression (e.g. age &gt;= 18). Empty: the library's.</source>
        <translation>A quién cuenta el indicador, como expresión (p. ej., age &gt;= 18). Vacío: el de la biblioteca.</translation>
    </message>
    <message>
        <source>Apply universe</source>
        <translation>Aplicar el universo</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>Universo:</translation>
    </message>
    <message>
        <source>Empty: the library's universe.</source>
        <translation>Vacío: el universo de la biblioteca.</translation>
    </message>
    <message>
        <source>%1 (unknown input)</source>
        <translation>%1 (variable de entrada desconocida)</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>Lee: %1</translation>
    </message>
    <message>
        <source>Reads no input (a constant).</source>
        <translation>No lee ninguna variable de entrada (una constante).</translation>
    </message>
</context>
<context>
    <name>UnlockNotice</name>
    <message>
        <source>Show the audit log</source>
        <translation>Mostrar el registro de auditoría</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message numerus="yes">
        <source>A wrong passphrase was typed %n time(s) for this vault since it was last unlocked.</source>
        <translation>
            <numerusform>Se escribió una frase de contraseña incorrecta %n vez para esta bóveda desde su último desbloqueo.</numerusform>
            <numerusform>Se escribió una frase de contraseña incorrecta %n veces para esta bóveda desde su último desbloqueo.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last at %1.</source>
        <translation>La última el %1.</translation>
    </message>
    <message>
        <source>If it was not you, change the passphrase (Vault menu).</source>
        <translation>Si no fue usted, cambie la frase de contraseña (menú Bóveda).</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Sí/no</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservada</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>eliminada</translation>
    </message>
    <message>
        <source>hashed</source>
        <translation>con hash</translation>
    </message>
    <message>
        <source>Flagged as a quasi-identifier at import (kept by default).</source>
        <translation>Marcado como cuasi-identificador al importar (se conserva por defecto).</translation>
    </message>
    <message>
        <source>Flagged as a likely direct identifier at import.</source>
        <translation>Marcada al importar como probable identificador directo.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltantes</translation>
    </message>
    <message>
        <source>Value labels</source>
        <translation>Etiquetas de valor</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
</context>
<context>
    <name>VarianceEditor</name>
    <message>
        <source>Linearisation (Taylor series)</source>
        <translation>Linealización (serie de Taylor)</translation>
    </message>
    <message>
        <source>Replicate weights in the data</source>
        <translation>Pesos de réplica incluidos en los datos</translation>
    </message>
    <message>
        <source>Replicate weights made from the design</source>
        <translation>Pesos de réplica generados a partir del diseño</translation>
    </message>
    <message>
        <source>JKn (stratified jackknife)</source>
        <translation>JKn (jackknife estratificado)</translation>
    </message>
    <message>
        <source>JK1 (jackknife)</source>
        <translation>JK1 (jackknife)</translation>
    </message>
    <message>
        <source>BRR (balanced repeated replication)</source>
        <translation>BRR (replicación repetida balanceada)</translation>
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
        <translation>Diferencias sucesivas</translation>
    </message>
    <message>
        <source>Other (give scale and rscales)</source>
        <translation>Otro (indique scale y rscales)</translation>
    </message>
    <message>
        <source>repwt1, repwt2, … or a pattern: ^repwt[0-9]+$</source>
        <translation>repwt1, repwt2, … o un patrón: ^repwt[0-9]+$</translation>
    </message>
    <message>
        <source>The replicate-weight columns of the household dataset: a comma-separated list, or a regular expression matching their names.</source>
        <translation>Las columnas de pesos de réplica del conjunto de datos de hogares: una lista separada por comas, o una expresión regular que coincida con sus nombres.</translation>
    </message>
    <message>
        <source>type default</source>
        <translation>valor por defecto del tipo</translation>
    </message>
    <message>
        <source>one per replicate, comma-separated (JKn)</source>
        <translation>una por réplica, separadas por comas (JKn)</translation>
    </message>
    <message>
        <source>Centre on the full-sample estimate (mse)</source>
        <translation>Centrar en la estimación de la muestra completa (mse)</translation>
    </message>
    <message>
        <source>Columns are weights (not multipliers)</source>
        <translation>Las columnas son pesos (no multiplicadores)</translation>
    </message>
    <message>
        <source>Variance:</source>
        <translation>Varianza:</translation>
    </message>
    <message>
        <source>Replicate type:</source>
        <translation>Tipo de réplica:</translation>
    </message>
    <message>
        <source>Replicate columns:</source>
        <translation>Columnas de réplica:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Escala:</translation>
    </message>
    <message>
        <source>Replicate scales:</source>
        <translation>Escalas por réplica:</translation>
    </message>
    <message>
        <source>Fay's rho:</source>
        <translation>rho de Fay:</translation>
    </message>
    <message>
        <source>Bootstrap replicates:</source>
        <translation>Réplicas bootstrap:</translation>
    </message>
    <message>
        <source>Random seed:</source>
        <translation>Semilla aleatoria:</translation>
    </message>
</context>
<context>
    <name>VaultMenu</name>
    <message>
        <source>Vault &amp;information</source>
        <translation>&amp;Información de la bóveda</translation>
    </message>
    <message>
        <source>Check &amp;integrity</source>
        <translation>Comprobar la &amp;integridad</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>Rotate the &amp;key…</source>
        <translation>Renovar la &amp;clave…</translation>
    </message>
    <message>
        <source>&amp;Close vault</source>
        <translation>&amp;Cerrar la bóveda</translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation>Archivo de la bóveda</translation>
    </message>
    <message>
        <source>Key header</source>
        <translation>Cabecera de la clave</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada el</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Key protection</source>
        <translation>Protección de la clave</translation>
    </message>
    <message>
        <source>Argon2id, %1 KiB, %2 passes</source>
        <translation>Argon2id, %1 KiB, %2 pasadas</translation>
    </message>
    <message>
        <source>Remembered on this computer</source>
        <translation>Recordada en este equipo</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>The key protection is below the recommended cost: change the passphrase to upgrade it.</source>
        <translation>La protección de la clave está por debajo del coste recomendado: cambie la frase de contraseña para reforzarla.</translation>
    </message>
    <message>
        <source>Vault information</source>
        <translation>Información de la bóveda</translation>
    </message>
    <message>
        <source>Checking every page of the vault…</source>
        <translation>Comprobando cada página de la bóveda…</translation>
    </message>
    <message>
        <source>Every page is authentic and the database structure is sound.</source>
        <translation>Cada página es auténtica y la estructura de la base de datos es correcta.</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Comprobación de integridad</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found. Restore the latest backup (Vault → Restore from a backup…).</source>
        <translation>
            <numerusform>Se encontró %n problema. Restaure la última copia de seguridad (Bóveda → Restaurar una copia de seguridad…).</numerusform>
            <numerusform>Se encontraron %n problemas. Restaure la última copia de seguridad (Bóveda → Restaurar una copia de seguridad…).</numerusform>
        </translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>Hacer una copia de seguridad de la bóveda</translation>
    </message>
    <message>
        <source>Writing the encrypted backup…</source>
        <translation>Escribiendo la copia de seguridad cifrada…</translation>
    </message>
    <message>
        <source>Encrypted backup written to %1. It opens with the vault's passphrase of this moment.</source>
        <translation>Copia de seguridad cifrada escrita en %1. Se abre con la frase de contraseña actual de la bóveda.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Passphrase changed. The old passphrase no longer opens this vault.</source>
        <translation>Frase de contraseña cambiada. La anterior ya no abre esta bóveda.</translation>
    </message>
    <message>
        <source>Rotate the key</source>
        <translation>Renovar la clave</translation>
    </message>
    <message>
        <source>Encrypt every page of %1 under a new random key? This takes a while for a large vault and is done in one step: it completes, or the vault stays as it was. Backups made before keep the old key.</source>
        <translation>¿Cifrar cada página de %1 con una nueva clave aleatoria? Tarda en una bóveda grande y se hace en un solo paso: termina, o la bóveda queda como estaba. Las copias de seguridad anteriores conservan la clave anterior.</translation>
    </message>
    <message>
        <source>Re-encrypting every page…</source>
        <translation>Volviendo a cifrar cada página…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Re-encrypting every page (one step: it completes, or the vault stays as it was)…</source>
        <translation>Volviendo a cifrar cada página (un solo paso: termina, o la bóveda queda como estaba)…</translation>
    </message>
    <message>
        <source>Data key rotated: every page is now encrypted under a new key.</source>
        <translation>Clave de datos renovada: cada página está ahora cifrada con una nueva clave.</translation>
    </message>
    <message>
        <source>Key rotation cancelled; the vault keeps its key.</source>
        <translation>Renovación de la clave cancelada; la bóveda conserva su clave.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Datasets</source>
        <extracomment>milliseconds between building two pages in idle time after unlocking (module, class) of each page, in sidebar order</extracomment>
        <translation>Conjuntos de datos</translation>
    </message>
    <message>
        <source>Data checks</source>
        <translation>Controles de datos</translation>
    </message>
    <message>
        <source>Cleaning log</source>
        <translation>Registro de limpieza</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Data sharing</source>
        <translation>Intercambio de datos</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
</context>
</TS>