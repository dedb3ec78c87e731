<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AnalysisPage</name>
    <message>
        <source>Analysis</source>
        <translation>التحليل</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>تشغيل التحليل</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>تصدير النتائج…</translation>
    </message>
    <message>
        <source>The publishable copy by default: suppressed values removed and flagged.</source>
        <translation>النسخة القابلة للنشر افتراضيًا: القيم المحجوبة مُزالة ومُعلَّمة.</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>الخطة:</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>النتائج:</translation>
    </message>
    <message>
        <source>Double-click a criterion to see its indicators.</source>
        <translation>انقر نقراً مزدوجاً على معيار لعرض مؤشراته.</translation>
    </message>
    <message>
        <source>In brackets: indicators worse / indicators assessed.</source>
        <translation>بين القوسين: المؤشرات الأسوأ / المؤشرات المقيّمة.</translation>
    </message>
    <message>
        <source>← All criteria</source>
        <translation>→ جميع المعايير</translation>
    </message>
    <message>
        <source>Show by:</source>
        <translation>العرض حسب:</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>المعايير</translation>
    </message>
    <message>
        <source>Solutions measure</source>
        <translation>مقياس الحلول</translation>
    </message>
    <message>
        <source>Progress since the baseline</source>
        <translation>التقدم منذ خط الأساس</translation>
    </message>
    <message>
        <source>Judging gaps</source>
        <translation>الحكم على الفجوات</translation>
    </message>
    <message>
        <source>%1 (v%2, draft)</source>
        <translation>%1 (الإصدار %2، مسودة)</translation>
    </message>
    <message>
        <source>Save an analysis plan first (Plan page).</source>
        <translation>احفظ خطة تحليل أولاً (صفحة الخطة).</translation>
    </message>
    <message>
        <source>%1 v%2 — %3</source>
        <translation>%1 الإصدار %2 — %3</translation>
    </message>
    <message>
        <source>Computing estimates…</source>
        <translation>جارٍ حساب التقديرات…</translation>
    </message>
    <message>
        <source>Analysis finished and stored in the vault.</source>
        <translation>اكتمل التحليل وحُفظ في الخزنة.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>INTERNAL copy (not for publication) written to %1.</source>
        <translation>كُتبت النسخة الداخلية (ليست للنشر) في %1.</translation>
    </message>
    <message>
        <source>Publishable copy written to %1 (suppressed values removed).</source>
        <translation>كُتبت النسخة القابلة للنشر في %1 (القيم المحجوبة مُزالة).</translation>
    </message>
    <message>
        <source>All displaced</source>
        <translation>جميع النازحين</translation>
    </message>
    <message>
        <source>Rating rule: %1</source>
        <translation>قاعدة التقييم: %1</translation>
    </message>
    <message>
        <source>(red from %1% of the assessed indicators)</source>
        <translation>(أحمر ابتداءً من %1% من المؤشرات المقيّمة)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No solutions measure in this run.</source>
        <translation>لا يتضمن هذا التحليل مقياساً للحلول.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>المنهجية</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>التصنيف</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>النسبة</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>فترة ثقة 95٪</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>علامة</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>غير منشور</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>يُفسَّر بحذر</translation>
    </message>
    <message>
        <source>Nothing to estimate</source>
        <translation>لا شيء يُقدَّر</translation>
    </message>
    <message>
        <source>(*) Not published: protects another value</source>
        <translation>(*) غير منشور: يحمي قيمة أخرى</translation>
    </message>
    <message>
        <source>No indicator of this criterion is in the results.</source>
        <translation>لا يوجد أي مؤشر من هذا المعيار في النتائج.</translation>
    </message>
    <message>
        <source>Population group</source>
        <translation>الفئة السكانية</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Too many categories for a chart; see the table.</source>
        <translation>الفئات كثيرة جداً لعرضها في رسم بياني؛ انظر الجدول.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>العنصر</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <extracomment>the export formats offered, by file-dialog filter</extracomment>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>منذ:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>الإجراء:</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>تحقّق</translation>
    </message>
    <message>
        <source>Recompute every entry's hash and its link to the entry before it.</source>
        <translation>إعادة حساب بصمة كل قيد وارتباطه بالقيد الذي قبله.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Write the whole log with its hash chain (CSV, Excel or JSON) for a reviewer.</source>
        <translation>كتابة السجل كاملًا مع سلسلة بصماته (CSV أو Excel أو JSON) لمراجِع.</translation>
    </message>
    <message>
        <source>Every import, export, analysis and change made in this vault.</source>
        <translation>كل عملية استيراد وتصدير وتحليل وتعديل أُجريت في هذه الخزنة.</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>جميع الإجراءات</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n قيد</numerusform>
            <numerusform>%n قيد</numerusform>
            <numerusform>%n قيدان</numerusform>
            <numerusform>%n قيود</numerusform>
            <numerusform>%n قيداً</numerusform>
            <numerusform>%n قيد</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>تصدير سجل التدقيق</translation>
    </message>
</context>
<context>
    <name>CalibrationEditor</name>
    <message>
        <source>Calibration to population totals</source>
        <translation>المعايرة على مجاميع السكان</translation>
    </message>
    <message>
        <source>No calibration (design weights)</source>
        <translation>بلا معايرة (أوزان التصميم)</translation>
    </message>
    <message>
        <source>Post-stratification (one margin)</source>
        <translation>التقسيم اللاحق إلى طبقات (هامش واحد)</translation>
    </message>
    <message>
        <source>Raking (iterative proportional fitting)</source>
        <translation>الترجيح التكراري (التوفيق النسبي التكراري)</translation>
    </message>
    <message>
        <source>Calibration (GREG or bounded)</source>
        <translation>المعايرة (GREG أو بحدود)</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>الأسر</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>الأفراد</translation>
    </message>
    <message>
        <source>Linear (GREG)</source>
        <translation>خطية (GREG)</translation>
    </message>
    <message>
        <source>Raking (exponential)</source>
        <translation>أُسّية (raking)</translation>
    </message>
    <message>
        <source>Logit (needs bounds)</source>
        <translation>لوجيت (تتطلب حدودًا)</translation>
    </message>
    <message>
        <source>Bound the weight ratios</source>
        <translation>تقييد نسب الأوزان</translation>
    </message>
    <message>
        <source>Keep every calibrated weight between these multiples of its design weight.</source>
        <translation>إبقاء كل وزن معاير بين هذين المضاعفين لوزن التصميم.</translation>
    </message>
    <message>
        <source>Trim the calibrated weights</source>
        <translation>تقليم الأوزان المعايرة</translation>
    </message>
    <message>
        <source>Repeat until no weight is outside</source>
        <translation>التكرار حتى لا يبقى أي وزن خارج الحدود</translation>
    </message>
    <message>
        <source>Raking and calibration stop after this many iterations (R's maxit).</source>
        <translation>يتوقف الترجيح التكراري والمعايرة بعد هذا العدد من التكرارات (maxit في R).</translation>
    </message>
    <message>
        <source>R's default</source>
        <translation>القيمة الافتراضية في R</translation>
    </message>
    <message>
        <source>When the iterations have converged (R's epsilon). Raking: the largest change of a weighted count (below 1: a share of the weight total; R's default 1). Calibration: the largest relative misfit of a total (R's default 1e-7). Empty: R's default.</source>
        <translation>متى تُعدّ التكرارات متقاربة (epsilon في R). الترجيح التكراري: أكبر تغيّر في عدد مرجّح (أقل من 1: حصة من مجموع الأوزان؛ القيمة الافتراضية في R هي 1). المعايرة: أكبر انحراف نسبي عن مجموع (القيمة الافتراضية في R هي 1e-7). فارغ: القيمة الافتراضية في R.</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>الهامش</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <source>Population total</source>
        <translation>المجموع السكاني</translation>
    </message>
    <message>
        <source>Import totals…</source>
        <translation>استيراد المجاميع…</translation>
    </message>
    <message>
        <source>A CSV file with the columns variable, level, total.</source>
        <translation>ملف CSV بالأعمدة variable وlevel وtotal.</translation>
    </message>
    <message>
        <source>Apply calibration</source>
        <translation>تطبيق المعايرة</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>الطريقة:</translation>
    </message>
    <message>
        <source>Weights of:</source>
        <translation>أوزان:</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>دالة المسافة:</translation>
    </message>
    <message>
        <source>Iterations at most:</source>
        <translation>الحد الأقصى للتكرارات:</translation>
    </message>
    <message>
        <source>Convergence tolerance:</source>
        <translation>حدّ التقارب:</translation>
    </message>
    <message>
        <source>(numeric total)</source>
        <translation>(مجموع عددي)</translation>
    </message>
    <message>
        <source>No population totals yet: import a margins file.</source>
        <translation>لا توجد مجاميع سكانية بعد: استورد ملف هوامش.</translation>
    </message>
    <message>
        <source>the plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>Totals from %1 — %2</source>
        <translation>المجاميع من %1 — %2</translation>
    </message>
    <message>
        <source>The convergence tolerance must be a positive number, e.g. 1 or 1e-7.</source>
        <translation>يجب أن يكون حدّ التقارب عدداً موجباً، مثل 1 أو 1e-7.</translation>
    </message>
    <message>
        <source>The lower bound of the weight ratios must be below the upper.</source>
        <translation>يجب أن يكون الحد الأدنى لنسب الأوزان أقل من الحد الأعلى.</translation>
    </message>
    <message>
        <source>The lower trimming limit must be below the upper.</source>
        <translation>يجب أن يكون الحد الأدنى للتقليم أقل من الحد الأعلى.</translation>
    </message>
    <message>
        <source>Import population totals</source>
        <translation>استيراد مجاميع السكان</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CandidatePanel</name>
    <message>
        <source>Suggest columns</source>
        <translation>اقتراح أعمدة</translation>
    </message>
    <message>
        <source>Rank the dataset's columns for this input.</source>
        <translation>ترتيب أعمدة مجموعة البيانات لهذا المدخل.</translation>
    </message>
    <message>
        <source>No suggestion for this input yet.</source>
        <translation>لا يوجد اقتراح لهذا المدخل بعد.</translation>
    </message>
    <message>
        <source>No column looks like this input.</source>
        <translation>لا يشبه أي عمود هذا المدخل.</translation>
    </message>
    <message>
        <source>Suggested columns (best first; click one to use it):</source>
        <translation>الأعمدة المقترحة (الأفضل أولًا؛ انقر على عمود لاستخدامه):</translation>
    </message>
    <message>
        <source>suggested from its values only: %1 — check</source>
        <translation>مقترح بناءً على قيمه فقط: %1 — يُرجى التحقق</translation>
    </message>
    <message>
        <source>confidence %1%</source>
        <translation>الثقة %1٪</translation>
    </message>
    <message>
        <source>counts: %1</source>
        <translation>يُحتسب: %1</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>The data key is wrapped again under the new passphrase; nothing is re-encrypted. Backups made before keep the old passphrase.</source>
        <translation>يُغلَّف مفتاح البيانات من جديد بعبارة المرور الجديدة؛ لا يُعاد تشفير أي شيء. تحتفظ النسخ الاحتياطية السابقة بعبارة المرور القديمة.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>عبارة المرور الحالية:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>عبارة المرور الجديدة:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>تكرار عبارة المرور:</translation>
    </message>
</context>
<context>
    <name>ChartExporter</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>حفظ الرسم البياني بصيغة PNG…</translation>
    </message>
    <message>
        <source>Save chart as SVG…</source>
        <translation>حفظ الرسم البياني بصيغة SVG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>حفظ الرسم البياني</translation>
    </message>
    <message>
        <source>Chart saved to %1.</source>
        <translation>حُفظ الرسم البياني في %1.</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <source>Data checks</source>
        <extracomment>dataset, row (0-based, as stored), column ("" when the finding names none)</extracomment>
        <translation>التحقق من البيانات</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>تشغيل عمليات التحقق</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>كل درجات الخطورة</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>الأخطاء</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>التحذيرات</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>مجموعة البيانات:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>الخطورة:</translation>
    </message>
    <message>
        <source>Check:</source>
        <translation>التحقق:</translation>
    </message>
    <message>
        <source>Implausible values, outliers, skip-pattern violations, “other, specify” texts that match a choice, duplicate interviews, durations, consent and the plan’s own rules, over every record. Double-click a finding to open the record in the data viewer.</source>
        <translation>قيم غير معقولة، وقيم شاذة، ومخالفات لقواعد التخطي، ونصوص «أخرى، حدِّد» تطابق خيارًا، ومقابلات مكررة، ومدد المقابلات، والموافقة، والقواعد الخاصة بالخطة، في كل سجل. انقر نقرًا مزدوجًا على نتيجة لفتح السجل في عارض البيانات.</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>كل مجموعات البيانات</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>كل عمليات التحقق</translation>
    </message>
    <message>
        <source>No datasets to check yet.</source>
        <translation>لا توجد بعد مجموعات بيانات للتحقق منها.</translation>
    </message>
    <message>
        <source>Running the data checks…</source>
        <translation>جارٍ التحقق من البيانات…</translation>
    </message>
    <message>
        <source>The checks were cancelled; no finding is shown.</source>
        <translation>أُلغيت عمليات التحقق؛ لا تُعرض أي نتيجة.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) shown</source>
        <translation>
            <numerusform>%n نتيجة معروضة</numerusform>
            <numerusform>%n نتيجة معروضة</numerusform>
            <numerusform>%n نتيجتان معروضتان</numerusform>
            <numerusform>%n نتائج معروضة</numerusform>
            <numerusform>%n نتيجةً معروضةً</numerusform>
            <numerusform>%n نتيجة معروضة</numerusform>
        </translation>
    </message>
    <message>
        <source>errors: %1, warnings: %2, notes: %3</source>
        <translation>الأخطاء: %1، التحذيرات: %2، الملاحظات: %3</translation>
    </message>
</context>
<context>
    <name>ChooseDatasetsDialog</name>
    <message>
        <source>New plan from datasets</source>
        <translation>خطة جديدة من البيانات</translation>
    </message>
    <message>
        <source>Which datasets does the plan read? Usually one household dataset and the member dataset linked to it.</source>
        <translation>ما مجموعات البيانات التي تقرؤها الخطة؟ عادةً مجموعة بيانات للأسر ومجموعة الأفراد المرتبطة بها.</translation>
    </message>
    <message>
        <source>households</source>
        <translation>أسر</translation>
    </message>
    <message>
        <source>individuals</source>
        <translation>أفراد</translation>
    </message>
    <message>
        <source>(linked to %1)</source>
        <translation>(مرتبطة بـ %1)</translation>
    </message>
    <message>
        <source>Suggest a plan</source>
        <translation>اقتراح خطة</translation>
    </message>
</context>
<context>
    <name>CleaningDialog</name>
    <message>
        <source>Change value</source>
        <translation>تغيير القيمة</translation>
    </message>
    <message>
        <source>Set missing</source>
        <translation>جعلها مفقودة</translation>
    </message>
    <message>
        <source>Drop record</source>
        <translation>حذف السجل</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>مجموعة البيانات:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>السجل:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>السؤال:</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(مفقودة)</translation>
    </message>
    <message>
        <source>Value now:</source>
        <translation>القيمة الحالية:</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>القيمة الجديدة:</translation>
    </message>
    <message>
        <source>Why: what the check found, who confirmed it…</source>
        <translation>لماذا: ما وجده الفحص، ومن أكّده…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>السبب:</translation>
    </message>
    <message>
        <source>optional, e.g. check.age_range</source>
        <translation>اختياري، مثل check.age_range</translation>
    </message>
    <message>
        <source>Answers the check:</source>
        <translation>يجيب عن الفحص:</translation>
    </message>
    <message>
        <source>The imported data are not changed: the change is added to the cleaning log, which every analysis reads through, and can be undone.</source>
        <translation>لا تتغير البيانات المستوردة: يُضاف التغيير إلى سجل التنظيف الذي يقرأ كل تحليل البيانات من خلاله، ويمكن التراجع عنه.</translation>
    </message>
</context>
<context>
    <name>CleaningLogModel</name>
    <message>
        <source>Entry</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>مجموعة البيانات</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>القيمة القديمة</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>القيمة الجديدة</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>change value</source>
        <translation>تغيير قيمة</translation>
    </message>
    <message>
        <source>set missing</source>
        <translation>جعلها مفقودة</translation>
    </message>
    <message>
        <source>drop record</source>
        <translation>حذف سجل</translation>
    </message>
    <message>
        <source>recode category</source>
        <translation>إعادة ترميز فئة</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>undo of %1</source>
        <translation>تراجع عن %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n سجل</numerusform>
            <numerusform>%n سجل</numerusform>
            <numerusform>%n سجلان</numerusform>
            <numerusform>%n سجلات</numerusform>
            <numerusform>%n سجلاً</numerusform>
            <numerusform>%n سجل</numerusform>
        </translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(مفقودة)</translation>
    </message>
    <message>
        <source>applies</source>
        <translation>مطبَّق</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>متراجَع عنه</translation>
    </message>
</context>
<context>
    <name>CleaningPage</name>
    <message>
        <source>Cleaning log</source>
        <translation>سجل التنظيف</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>تراجع…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>تصدير XLSX…</translation>
    </message>
    <message>
        <source>Import a log…</source>
        <translation>استيراد سجل…</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>مجموعة البيانات:</translation>
    </message>
    <message>
        <source>Changes to the data, each with its reason. The imported data are never changed: analyses, checks and the data viewer read them through this log. Right-click a cell in the Datasets page to change a value, set it missing or drop a record; select an entry here to undo it.</source>
        <translation>تغييرات البيانات، كلٌّ منها مع سببه. لا تتغير البيانات المستوردة أبداً: تقرأها التحليلات والفحوص وعارض البيانات من خلال هذا السجل. انقر بزر الفأرة الأيمن على خلية في صفحة مجموعات البيانات لتغيير قيمة أو جعلها مفقودة أو حذف سجل؛ اختر إدخالاً هنا للتراجع عنه.</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>كل مجموعات البيانات</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>لا توجد تغييرات بعد.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n قيد</numerusform>
            <numerusform>%n قيد</numerusform>
            <numerusform>%n قيدان</numerusform>
            <numerusform>%n قيود</numerusform>
            <numerusform>%n قيداً</numerusform>
            <numerusform>%n قيد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) changed</source>
        <translation>
            <numerusform>%n قيمة مغيَّرة</numerusform>
            <numerusform>%n قيمة مغيَّرة</numerusform>
            <numerusform>%n قيمتان مغيَّرتان</numerusform>
            <numerusform>%n قيم مغيَّرة</numerusform>
            <numerusform>%n قيمةً مغيَّرة</numerusform>
            <numerusform>%n قيمة مغيَّرة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set missing</source>
        <translation>
            <numerusform>%n مفقودة</numerusform>
            <numerusform>%n جُعلت مفقودة</numerusform>
            <numerusform>%n جُعلتا مفقودتين</numerusform>
            <numerusform>%n جُعلت مفقودة</numerusform>
            <numerusform>%n جُعلت مفقودة</numerusform>
            <numerusform>%n جُعلت مفقودة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) dropped</source>
        <translation>
            <numerusform>%n سجل محذوف</numerusform>
            <numerusform>%n سجل محذوف</numerusform>
            <numerusform>%n سجلان محذوفان</numerusform>
            <numerusform>%n سجلات محذوفة</numerusform>
            <numerusform>%n سجلاً محذوفاً</numerusform>
            <numerusform>%n سجل محذوف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n category recode(s)</source>
        <translation>
            <numerusform>%n فئة معاد ترميزها</numerusform>
            <numerusform>%n فئة معاد ترميزها</numerusform>
            <numerusform>%n فئتان معاد ترميزهما</numerusform>
            <numerusform>%n فئات معاد ترميزها</numerusform>
            <numerusform>%n فئةً معاد ترميزها</numerusform>
            <numerusform>%n فئة معاد ترميزها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undone</source>
        <translation>
            <numerusform>%n متراجَع عنها</numerusform>
            <numerusform>%n متراجَع عنها</numerusform>
            <numerusform>%n متراجَع عنهما</numerusform>
            <numerusform>%n متراجَع عنها</numerusform>
            <numerusform>%n متراجَعاً عنها</numerusform>
            <numerusform>%n متراجَع عنها</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo entry %1</source>
        <translation>التراجع عن الإدخال %1</translation>
    </message>
    <message>
        <source>Why is this change undone?</source>
        <translation>لماذا يتم التراجع عن هذا التغيير؟</translation>
    </message>
    <message>
        <source>Entry %1 undone.</source>
        <translation>تم التراجع عن الإدخال %1.</translation>
    </message>
    <message>
        <source>Export the cleaning log</source>
        <translation>تصدير سجل التنظيف</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 change(s)).</source>
        <translation>كُتب %1 (%2 تغيير).</translation>
    </message>
    <message>
        <source>Import a cleaning log</source>
        <translation>استيراد سجل تنظيف</translation>
    </message>
    <message>
        <source>Imported %1 change(s) from %2.</source>
        <translation>استُورد %1 تغيير من %2.</translation>
    </message>
</context>
<context>
    <name>CriteriaSummaryModel</name>
    <message>
        <source>Described, not compared</source>
        <extracomment>the report's traffic light (Okabe–Ito fills, a symbol per rating, its text colour)</extracomment>
        <translation>موصوف دون مقارنة</translation>
    </message>
    <message>
        <source>Described, not rated</source>
        <translation>موصوف دون تقدير</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>أسوأ</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>متفاوت</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>غير حاسم</translation>
    </message>
    <message>
        <source>No gap</source>
        <translation>لا فجوة</translation>
    </message>
    <message>
        <source>Not assessable</source>
        <translation>غير قابل للتقييم</translation>
    </message>
    <message>
        <source>Worse: displaced substantively worse off on the share of indicators the rating rule names</source>
        <translation>أسوأ: النازحون في وضع أسوأ بشكل جوهري في نسبة المؤشرات التي تحددها قاعدة التصنيف</translation>
    </message>
    <message>
        <source>Mixed: worse on some, or not enough data</source>
        <translation>متفاوت: أسوأ في بعضها، أو البيانات غير كافية</translation>
    </message>
    <message>
        <source>Not assessable: no data, or described but not compared</source>
        <translation>غير قابل للتقييم: لا بيانات، أو موصوف دون مقارنة</translation>
    </message>
    <message>
        <source>Described, not rated: a profile module, whose gaps are not rated</source>
        <translation>موصوف دون تقدير: وحدة وصفية لا تُقدَّر فجواتها</translation>
    </message>
    <message>
        <source>“k better”: indicators on which the group is substantively better off. Hatched cell, “limited evidence”: fewer than half of the criterion's indicators could be assessed; the same rule rates it, on few indicators.</source>
        <translation>«أفضل: …»: مؤشرات تكون فيها الفئة في وضع أفضل بصورة جوهرية. خانة مظلَّلة بخطوط، «أدلة محدودة»: أمكن تقييم أقل من نصف مؤشرات المعيار؛ تقدّرها القاعدة نفسها، بمؤشرات قليلة.</translation>
    </message>
    <message>
        <source>%1 better</source>
        <translation>أفضل: %1</translation>
    </message>
    <message>
        <source>%1 inconclusive</source>
        <translation>غير حاسمة: %1</translation>
    </message>
    <message>
        <source>limited evidence: %1 of %2 assessed</source>
        <translation>أدلة محدودة: قُيِّم %1 من %2</translation>
    </message>
    <message>
        <source>%1 inconclusive (not significant, the interval reaching the minimum important difference)</source>
        <translation>%1 غير حاسمة (غير دالة، وفترتها تبلغ الفرق الأدنى المهم)</translation>
    </message>
    <message>
        <source>%1 significant under the threshold, %2 equivalent (no gap), %3 not compared</source>
        <translation>%1 ذات دلالة لكن دون العتبة، %2 متكافئة (لا فجوة)، %3 دون مقارنة</translation>
    </message>
    <message>
        <source>Inconclusive: none worse, but some not shown equivalent or better either</source>
        <translation>غير حاسم: لا مؤشر أسوأ، لكن لم يثبت أن بعضها متكافئ أو أفضل</translation>
    </message>
    <message>
        <source>No gap: every indicator shown equivalent or better</source>
        <translation>لا فجوة: ثبت أن كل مؤشر متكافئ أو أفضل</translation>
    </message>
    <message>
        <source>“k inconclusive” (“k of n inconclusive” in an Inconclusive cell, where none is worse): not significant, but the interval reaches the minimum important difference; counted as assessed, and the cell is never “No gap”.</source>
        <translation>«غير حاسمة: k» («غير حاسمة: k من n» في خانة غير حاسم، حيث لا شيء أسوأ): غير دالة، لكن فترتها تبلغ الفرق الأدنى المهم؛ تُعدّ مقيّمة، ولا تكون الخانة «لا فجوة» أبدًا.</translation>
    </message>
    <message>
        <source>%1 of %2 inconclusive</source>
        <translation>غير حاسمة: %1 من %2</translation>
    </message>
    <message>
        <source>%1 assessed</source>
        <translation>مقيّمة: %1</translation>
    </message>
    <message>
        <source>A profile module: its indicators are described and compared in its tables, never rated.</source>
        <translation>وحدة وصفية: تُوصف مؤشراتها وتُقارن في جداولها، ولا تُقدَّر أبدًا.</translation>
    </message>
    <message>
        <source>%1 worse, %2 better, %3 no significant difference, %4 insufficient data</source>
        <translation>أسوأ: %1، أفضل: %2، بلا فرق ذي دلالة: %3، بيانات غير كافية: %4</translation>
    </message>
</context>
<context>
    <name>CustomIndicatorDialog</name>
    <message>
        <source>Edit custom indicator</source>
        <translation>تعديل المؤشر المخصّص</translation>
    </message>
    <message>
        <source>New custom indicator</source>
        <translation>مؤشر مخصّص جديد</translation>
    </message>
    <message>
        <source>The language of the title typed beside it; a report in a language without a title prints the English one, marked, and its translation check says so.</source>
        <translation>لغة العنوان المكتوب بجانبه؛ التقرير بلغة ليس لها عنوان يطبع العنوان الإنجليزي مع علامة، ويذكر ذلك فحص الترجمة.</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and _; how tables name it.</source>
        <translation>أحرف لاتينية صغيرة وأرقام و_؛ الاسم الذي يحمله في الجداول.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>الأسرة</translation>
    </message>
    <message>
        <source>Individual (household member)</source>
        <translation>الفرد (فرد من الأسرة)</translation>
    </message>
    <message>
        <source>Higher is worse</source>
        <translation>الأعلى أسوأ</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>الأعلى أفضل</translation>
    </message>
    <message>
        <source>Neutral (described, not judged)</source>
        <translation>محايد (موصوف دون حكم)</translation>
    </message>
    <message>
        <source>e.g. loan_for_basic_expenses</source>
        <translation>مثلاً loan_for_basic_expenses</translation>
    </message>
    <message>
        <source>empty: everyone of the unit</source>
        <translation>فارغ: كل الوحدة</translation>
    </message>
    <message>
        <source>(none: not in the solutions measure)</source>
        <translation>(لا شيء: خارج مقياس الحلول)</translation>
    </message>
    <message>
        <source>Alternative to the recommended indicator</source>
        <translation>بديل عن المؤشر الموصى به</translation>
    </message>
    <message>
        <source>Recommended indicator</source>
        <translation>المؤشر الموصى به</translation>
    </message>
    <message>
        <source>A household outside an indicator's universe (a question skipped by design): not vulnerable on it, or unknown. This applies to the whole plan.</source>
        <translation>أسرة خارج نطاق مؤشر (سؤال تم تخطيه عن قصد): غير معرّضة للهشاشة فيه، أو غير معروفة. ينطبق هذا على الخطة كلها.</translation>
    </message>
    <message>
        <source>count as not vulnerable</source>
        <translation>تُحتسب غير معرّضة للهشاشة</translation>
    </message>
    <message>
        <source>count as unknown (missing)</source>
        <translation>تُحتسب غير معروفة (مفقودة)</translation>
    </message>
    <message>
        <source>What it measures, shown in the report</source>
        <translation>ما يقيسه، ويظهر في التقرير</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>المعرّف:</translation>
    </message>
    <message>
        <source>Criterion:</source>
        <translation>المعيار:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>الوحدة:</translation>
    </message>
    <message>
        <source>Statistic:</source>
        <translation>الإحصاءة:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>الاتجاه:</translation>
    </message>
    <message>
        <source>Numerator:</source>
        <translation>البسط:</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>النطاق:</translation>
    </message>
    <message>
        <source>Denominator:</source>
        <translation>المقام:</translation>
    </message>
    <message>
        <source>Breakdowns:</source>
        <translation>التصنيفات:</translation>
    </message>
    <message>
        <source>IRIS sub-criterion:</source>
        <translation>المعيار الفرعي من IRIS:</translation>
    </message>
    <message>
        <source>Stands for it as:</source>
        <translation>يمثّله بوصفه:</translation>
    </message>
    <message>
        <source>Outside its universe, in the solutions measure:</source>
        <translation>خارج نطاقه، في مقياس الحلول:</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>التعريف:</translation>
    </message>
    <message>
        <source>%1 (new input: map it next)</source>
        <translation>%1 (مدخل جديد: اربطه بعد ذلك)</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>يقرأ: %1</translation>
    </message>
    <message>
        <source>Give the indicator a title.</source>
        <translation>أعطِ المؤشر عنواناً.</translation>
    </message>
    <message>
        <source>The identifier starts with a letter and holds only lower-case letters, digits and _.</source>
        <translation>يبدأ المعرّف بحرف ولا يحتوي إلا على أحرف لاتينية صغيرة وأرقام و_.</translation>
    </message>
    <message>
        <source>“%1” is already an indicator: choose another identifier.</source>
        <translation>«%1» مؤشر موجود بالفعل: اختر معرّفاً آخر.</translation>
    </message>
    <message>
        <source>Write the numerator: what counts (a yes/no input or a condition).</source>
        <translation>اكتب البسط: ما يُحتسب (مدخل نعم/لا أو شرط).</translation>
    </message>
    <message>
        <source>A ratio needs a denominator.</source>
        <translation>النسبة تحتاج إلى مقام.</translation>
    </message>
</context>
<context>
    <name>DataTableModel</name>
    <message>
        <source>Changed by the cleaning log (entry %1: %2); imported value: %3</source>
        <extracomment>rows added per fetchMore. Every row at once by default, so the scrollbar spans the whole dataset (issue 21 finding 8: it covered the first 50,000 of a million); the view gives its rows one fixed height, which keeps a 1M-row header cheap. Smaller chunks remain for tests. tables above this size sort and filter through the runner (off the GUI thread) an answer the cleaning log changed or blanked each row's position in the imported file and its record name in the cleaning log (None: the frame's own positions, row numbers as names)</extracomment>
        <translation>غيّرها سجل التنظيف (الإدخال %1: %2)؛ القيمة المستوردة: %3</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(مفقودة)</translation>
    </message>
    <message>
        <source>Missing code</source>
        <translation>رمز القيمة المفقودة</translation>
    </message>
</context>
<context>
    <name>DatasetListModel</name>
    <message>
        <source>Household</source>
        <extracomment>custom role: the DatasetInfo record of a row</extracomment>
        <translation>الأسرة</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>الفرد</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>مستورد من %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>الصفوف</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>الأعمدة</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>تاريخ الاستيراد</translation>
    </message>
</context>
<context>
    <name>DatasetsPage</name>
    <message>
        <source>Datasets</source>
        <translation>مجموعات البيانات</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <extracomment>a record to show once its dataset is loaded (dataset, row as stored, column name)</extracomment>
        <translation>استيراد ملف…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>No datasets yet. Import a CSV, Excel (Kobo), SPSS or Stata file to begin.</source>
        <translation>لا توجد مجموعات بيانات بعد. استورد ملف CSV أو Excel (Kobo) أو SPSS أو Stata للبدء.</translation>
    </message>
    <message>
        <source>Show value labels</source>
        <translation>عرض تسميات القيم</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>يحتوي على…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>العمود:</translation>
    </message>
    <message>
        <source>Data</source>
        <extracomment>the cleaning log's (entries, last id) of each dataset when last loaded</extracomment>
        <translation>البيانات</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>المتغيرات</translation>
    </message>
    <message>
        <source>Decrypting %1…</source>
        <translation>جارٍ فك تشفير %1…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>جارٍ تحميل %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n صف</numerusform>
            <numerusform>%n صف</numerusform>
            <numerusform>%n صفان</numerusform>
            <numerusform>%n صفوف</numerusform>
            <numerusform>%n صفاً</numerusform>
            <numerusform>%n صف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n dropped by the cleaning log)</source>
        <translation>
            <numerusform>(%n محذوف بسجل التنظيف)</numerusform>
            <numerusform>(%n محذوف بسجل التنظيف)</numerusform>
            <numerusform>(%n محذوفان بسجل التنظيف)</numerusform>
            <numerusform>(%n محذوفة بسجل التنظيف)</numerusform>
            <numerusform>(%n محذوفاً بسجل التنظيف)</numerusform>
            <numerusform>(%n محذوف بسجل التنظيف)</numerusform>
        </translation>
    </message>
    <message>
        <source>Change value…</source>
        <translation>تغيير القيمة…</translation>
    </message>
    <message>
        <source>Set missing…</source>
        <translation>جعلها مفقودة…</translation>
    </message>
    <message>
        <source>Drop record…</source>
        <translation>حذف السجل…</translation>
    </message>
    <message>
        <source>Change not made</source>
        <translation>لم يُجرَ التغيير</translation>
    </message>
    <message>
        <source>Sorting and filtering…</source>
        <translation>جارٍ الفرز والتصفية…</translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation>حذف مجموعة البيانات</translation>
    </message>
    <message>
        <source>Delete the dataset “%1” from the vault? This cannot be undone.</source>
        <translation>هل تريد حذف مجموعة البيانات «%1» من الخزنة؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
</context>
<context>
    <name>DesignEditor</name>
    <message>
        <source>Complex (weights, strata, clusters)</source>
        <translation>معقد (أوزان، طبقات، عناقيد)</translation>
    </message>
    <message>
        <source>Weights only</source>
        <translation>أوزان فقط</translation>
    </message>
    <message>
        <source>Unweighted</source>
        <translation>غير مرجّح</translation>
    </message>
    <message>
        <source>Centre on the whole sample (adjust)</source>
        <translation>التمركز حول العينة كلها (adjust)</translation>
    </message>
    <message>
        <source>Average variance of the other strata (average)</source>
        <translation>متوسط تباين الطبقات الأخرى (average)</translation>
    </message>
    <message>
        <source>Sampled with certainty: no variance (certainty)</source>
        <translation>مسحوبة باليقين: لا تباين (certainty)</translation>
    </message>
    <message>
        <source>Leave out of the variance (remove)</source>
        <translation>استبعادها من التباين (remove)</translation>
    </message>
    <message>
        <source>Stop with an error (fail)</source>
        <translation>التوقف مع خطأ (fail)</translation>
    </message>
    <message>
        <source>What the variance does with a stratum (or a later stage's unit) that has a single sampled unit, as R's survey.lonely.psu option.</source>
        <translation>ما يفعله التباين بطبقة (أو بوحدة من مرحلة لاحقة) ليس فيها إلا وحدة معاينة واحدة، كخيار survey.lonely.psu في R.</translation>
    </message>
    <message>
        <source>Survey weight: how many units each interview represents.</source>
        <translation>وزن المسح: عدد الوحدات التي تمثلها كل مقابلة.</translation>
    </message>
    <message>
        <source>Sampling strata (the areas sampled separately).</source>
        <translation>طبقات المعاينة (المناطق التي سُحبت عيناتها بشكل منفصل).</translation>
    </message>
    <message>
        <source>Primary sampling unit (cluster, enumeration area).</source>
        <translation>وحدة المعاينة الأولية (العنقود، منطقة العدّ).</translation>
    </message>
    <message>
        <source>Optional: population size (or sampling fraction) of each stratum.</source>
        <translation>اختياري: حجم المجتمع (أو كسر المعاينة) في كل طبقة.</translation>
    </message>
    <message>
        <source>Apply design</source>
        <translation>تطبيق التصميم</translation>
    </message>
    <message>
        <source>Survey design</source>
        <translation>تصميم المسح</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>النوع:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>الوزن:</translation>
    </message>
    <message>
        <source>Strata:</source>
        <translation>الطبقات:</translation>
    </message>
    <message>
        <source>Clusters (PSU):</source>
        <translation>العناقيد (PSU):</translation>
    </message>
    <message>
        <source>Population size (FPC):</source>
        <translation>حجم المجتمع (FPC):</translation>
    </message>
    <message>
        <source>Stratum with one PSU:</source>
        <translation>طبقة بوحدة معاينة أولية واحدة:</translation>
    </message>
    <message>
        <source>Later stages:</source>
        <translation>المراحل اللاحقة:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Population groups</source>
        <translation>الفئات السكانية</translation>
    </message>
    <message>
        <source>Disaggregation</source>
        <translation>التصنيف</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>المستويات</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove the selected disaggregation from the plan.</source>
        <translation>إزالة التصنيف المحدد من الخطة.</translation>
    </message>
    <message>
        <source>Disaggregations</source>
        <translation>التصنيفات</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>Group column: %1</source>
        <translation>عمود الفئة: %1</translation>
    </message>
    <message>
        <source>Displaced</source>
        <translation>النازحون</translation>
    </message>
    <message>
        <source>Comparator (host)</source>
        <translation>فئة المقارنة (المجتمع المضيف)</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>استبعاد</translation>
    </message>
    <message>
        <source>Codes %1 count as a disability</source>
        <translation>تُعدّ الرموز %1 إعاقة</translation>
    </message>
    <message>
        <source>every answer</source>
        <translation>كل إجابة</translation>
    </message>
</context>
<context>
    <name>DisaggregationDialog</name>
    <message>
        <source>Edit disaggregation</source>
        <extracomment>Washington Group answers: 3 "a lot of difficulty", 4 "cannot do at all"</extracomment>
        <translation>تعديل التصنيف</translation>
    </message>
    <message>
        <source>Add disaggregation</source>
        <translation>إضافة تصنيف</translation>
    </message>
    <message>
        <source>A short name used in the plan file (letters, digits, _).</source>
        <translation>اسم قصير يُستخدم في ملف الخطة (حروف، أرقام، _).</translation>
    </message>
    <message>
        <source>Category (a column's answers)</source>
        <translation>فئة (إجابات عمود)</translation>
    </message>
    <message>
        <source>Age groups</source>
        <translation>الفئات العمرية</translation>
    </message>
    <message>
        <source>Disability (Washington Group)</source>
        <translation>الإعاقة (فريق واشنطن)</translation>
    </message>
    <message>
        <source>Household dataset</source>
        <translation>مجموعة بيانات الأسر</translation>
    </message>
    <message>
        <source>Individual dataset</source>
        <translation>مجموعة بيانات الأفراد</translation>
    </message>
    <message>
        <source>Households take the head of household's value</source>
        <translation>تأخذ الأسر قيمة ربّ الأسرة</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>Label (EN)</source>
        <translation>التسمية (EN)</translation>
    </message>
    <message>
        <source>Label (FR)</source>
        <translation>التسمية (FR)</translation>
    </message>
    <message>
        <source>Optional: pool codes (e.g. '1, 2') under one label. Empty: every answer.</source>
        <translation>اختياري: ضمّ عدة رموز (مثل «1، 2») تحت تسمية واحدة. فارغ: كل إجابة.</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>إضافة مستوى</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>إزالة المستوى</translation>
    </message>
    <message>
        <source>One level per answer</source>
        <translation>مستوى لكل إجابة</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>العمود:</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>المستويات:</translation>
    </message>
    <message>
        <source>The lowest age of each group, in increasing order.</source>
        <translation>أدنى عمر في كل فئة، بترتيب تصاعدي.</translation>
    </message>
    <message>
        <source>Age column:</source>
        <translation>عمود العمر:</translation>
    </message>
    <message>
        <source>Cut points:</source>
        <translation>نقاط الفصل:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>الفئات:</translation>
    </message>
    <message>
        <source>Tick the Washington Group domain questions.</source>
        <translation>حدّد أسئلة مجالات فريق واشنطن.</translation>
    </message>
    <message>
        <source>Domain questions:</source>
        <translation>أسئلة المجالات:</translation>
    </message>
    <message>
        <source>'A lot of difficulty' or worse:</source>
        <translation>«صعوبة كبيرة» أو أسوأ:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>النوع:</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>مجموعة البيانات:</translation>
    </message>
    <message>
        <source>Label (EN):</source>
        <translation>التسمية (EN):</translation>
    </message>
    <message>
        <source>Label (FR):</source>
        <translation>التسمية (FR):</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(اختر عموداً)</translation>
    </message>
    <message>
        <source>Type the cut points, e.g. 0, 5, 18, 60.</source>
        <translation>اكتب نقاط الفصل، مثل 0، 5، 18، 60.</translation>
    </message>
    <message>
        <source>'%1' is not a number.</source>
        <translation>«%1» ليس رقماً.</translation>
    </message>
    <message>
        <source>Ages cannot be negative.</source>
        <translation>لا يمكن أن تكون الأعمار سالبة.</translation>
    </message>
    <message>
        <source>Each cut point must be larger than the one before.</source>
        <translation>يجب أن تكون كل نقطة فصل أكبر من سابقتها.</translation>
    </message>
    <message>
        <source>The name must start with a letter and use only letters, digits, _.</source>
        <translation>يجب أن يبدأ الاسم بحرف وألا يحتوي إلا على حروف وأرقام و_.</translation>
    </message>
    <message>
        <source>Another disaggregation already has this name.</source>
        <translation>يوجد تصنيف آخر بهذا الاسم.</translation>
    </message>
    <message>
        <source>Choose the age column.</source>
        <translation>اختر عمود العمر.</translation>
    </message>
    <message>
        <source>Choose a column.</source>
        <translation>اختر عموداً.</translation>
    </message>
    <message>
        <source>Level '%1' has no codes.</source>
        <translation>المستوى «%1» ليس له رموز.</translation>
    </message>
    <message>
        <source>Every level needs an English label.</source>
        <translation>يحتاج كل مستوى إلى تسمية باللغة الإنجليزية.</translation>
    </message>
    <message>
        <source>Tick at least one domain question.</source>
        <translation>حدّد سؤالاً واحداً على الأقل من أسئلة المجالات.</translation>
    </message>
    <message>
        <source>Tick the codes that count as 'a lot of difficulty' or worse.</source>
        <translation>حدّد الرموز التي تُعدّ «صعوبة كبيرة» أو أسوأ.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>عبارة المرور غير صحيحة.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>تحقق من تخطيط لوحة المفاتيح ومن مفتاح Caps Lock، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>This file is not a Workbench vault.</source>
        <translation>هذا الملف ليس خزنة من خزنات Workbench.</translation>
    </message>
    <message>
        <source>Choose the .dsvault file you created, or create a new vault.</source>
        <translation>اختر ملف ‎.dsvault الذي أنشأته، أو أنشئ خزنة جديدة.</translation>
    </message>
    <message>
        <source>The vault file is damaged and cannot be opened safely.</source>
        <translation>ملف الخزنة تالف ولا يمكن فتحه بأمان.</translation>
    </message>
    <message>
        <source>Restore the latest backup with “Restore from a backup…” on the start screen (or run: workbench vault restore).</source>
        <translation>استعد أحدث نسخة احتياطية عبر «الاستعادة من نسخة احتياطية…» في شاشة البدء (أو شغّل: workbench vault restore).</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <source>Unlock it again to continue.</source>
        <translation>افتح قفلها مجدداً للمتابعة.</translation>
    </message>
    <message>
        <source>This computer does not remember a key for this vault.</source>
        <translation>لا يحتفظ هذا الحاسوب بمفتاح لهذه الخزنة.</translation>
    </message>
    <message>
        <source>Type the passphrase instead.</source>
        <translation>اكتب عبارة المرور بدلاً من ذلك.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغيت العملية؛ لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>تعذّرت قراءة الملف أو الكتابة فيه.</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it.</source>
        <translation>تحقق من وجود المجلد ومن أن لديك إذن الكتابة فيه.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>حدث خطأ غير متوقع.</translation>
    </message>
    <message>
        <source>Nothing was changed. Copy the details and send them to your support contact.</source>
        <translation>لم يُغيَّر شيء. انسخ التفاصيل وأرسلها إلى جهة الدعم لديك.</translation>
    </message>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>منصة عمل الحلول الدائمة</translation>
    </message>
</context>
<context>
    <name>ExportResultsDialog</name>
    <message>
        <source>Export results</source>
        <translation>تصدير النتائج</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Publishable copy: suppressed values removed and flagged (recommended)</source>
        <translation>نسخة قابلة للنشر: القيم المحجوبة مُزالة ومُعلَّمة (موصى به)</translation>
    </message>
    <message>
        <source>Internal copy: every value, including suppressed ones — not for publication</source>
        <translation>نسخة داخلية: جميع القيم بما فيها المحجوبة — ليست للنشر</translation>
    </message>
    <message>
        <source>Write the run's estimates, comparisons, solutions measure and stock tables to:</source>
        <translation>اكتب تقديرات التحليل ومقارناته ومقياس الحلول وجداول الأعداد في:</translation>
    </message>
    <message>
        <source>Every suppressed value will be written, including values from a handful of households. The file will be named %1, every sheet marked INTERNAL, and the audit log will record an internal export. Do not publish or share it.</source>
        <translation>ستُكتب جميع القيم المحجوبة، بما فيها قيم مصدرها عدد قليل من الأسر. سيحمل الملف الاسم %1، وستُعلَّم كل ورقة بكلمة INTERNAL، وسيسجّل سجل التدقيق تصديرًا داخليًا. لا تنشره ولا تشاركه.</translation>
    </message>
    <message>
        <source>Export internal copy</source>
        <translation>تصدير النسخة الداخلية</translation>
    </message>
    <message>
        <source>Choose a .xlsx or .csv file.</source>
        <translation>اختر ملفًا بصيغة ‎.xlsx أو ‎.csv.</translation>
    </message>
    <message>
        <source>Export publishable copy</source>
        <translation>تصدير النسخة القابلة للنشر</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>اختيار الملف</translation>
    </message>
    <message>
        <source>CSV, Excel (including Kobo exports), SPSS or Stata.</source>
        <translation>CSV أو Excel (بما في ذلك ملفات التصدير من Kobo) أو SPSS أو Stata.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>How the dataset is called in the vault.</source>
        <translation>اسم مجموعة البيانات في الخزنة.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>الملف:</translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation>اسم مجموعة البيانات:</translation>
    </message>
    <message>
        <source>Choose a data file</source>
        <translation>اختر ملف بيانات</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>الخطورة</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>مجموعة البيانات</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>الصف %1</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <extracomment>the guide's part about each workspace page (a page may also say ``help_anchor``) the guide's part about each dialog; a dialog not named here (a message box, a file picker) takes the part about the page or dialog it was opened from</extracomment>
        <translation>دليل المستخدم</translation>
    </message>
    <message>
        <source>Find in the guide…</source>
        <translation>البحث في الدليل…</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>غير موجود</translation>
    </message>
</context>
<context>
    <name>IdentifiersPage</name>
    <message>
        <source>Direct identifiers</source>
        <translation>المعرّفات المباشرة</translation>
    </message>
    <message>
        <source>These columns may identify people (names, phones, GPS, free text). Drop them unless you need them; hashing keeps a code for linking without the value. Quasi-identifiers (dates, villages) are kept unless you choose otherwise.</source>
        <translation>قد تحدد هذه الأعمدة هوية الأشخاص (الأسماء، الهواتف، GPS، النص الحر). احذفها ما لم تكن بحاجة إليها؛ التجزئة تحتفظ برمز للربط دون القيمة. تُحفظ أشباه المعرّفات (التواريخ، القرى) ما لم تختر غير ذلك.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>Why flagged</source>
        <translation>سبب التنبيه</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>No likely identifiers were found.</source>
        <translation>لم يُعثر على معرّفات محتملة.</translation>
    </message>
    <message>
        <source>Reading the whole file…</source>
        <translation>جارٍ قراءة الملف كاملاً…</translation>
    </message>
    <message numerus="yes">
        <source>Checked over the whole file: %Ln row(s).</source>
        <translation>
            <numerusform>تم التحقق من الملف كاملاً: %Ln صف.</numerusform>
            <numerusform>تم التحقق من الملف كاملاً: صف واحد (%Ln).</numerusform>
            <numerusform>تم التحقق من الملف كاملاً: %Ln صفان.</numerusform>
            <numerusform>تم التحقق من الملف كاملاً: %Ln صفوف.</numerusform>
            <numerusform>تم التحقق من الملف كاملاً: %Ln صفاً.</numerusform>
            <numerusform>تم التحقق من الملف كاملاً: %Ln صف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>إبقاء</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>تجزئة</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>… (%1 more)</source>
        <translation>… (%1 أخرى)</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>استيراد ملف</translation>
    </message>
</context>
<context>
    <name>JudgementOptions</name>
    <message>
        <source>Judging gaps</source>
        <translation>الحكم على الفجوات</translation>
    </message>
    <message>
        <source>within each criterion</source>
        <translation>ضمن كل معيار</translation>
    </message>
    <message>
        <source>across the whole plan</source>
        <translation>على مستوى الخطة كلها</translation>
    </message>
    <message>
        <source>Assess with the adjusted p-values</source>
        <translation>الحكم بقيم p المعدّلة</translation>
    </message>
    <message>
        <source>Otherwise the adjusted p-values are shown beside the raw ones.</source>
        <translation>وإلا تُعرض قيم p المعدّلة بجانب القيم الخام.</translation>
    </message>
    <message>
        <source>Worse only when the gap matters</source>
        <translation>أسوأ فقط عندما تكون الفجوة مهمة</translation>
    </message>
    <message>
        <source>Worse or better only when the difference is significant and at least the indicator's minimum important difference (5 points for shares by default).</source>
        <translation>أسوأ أو أفضل فقط عندما يكون الفرق دالًا ولا يقل عن الحد الأدنى المهم للمؤشر (5 نقاط للنسب افتراضيًا).</translation>
    </message>
    <message>
        <source>Show “no gap” when equivalence is proven</source>
        <translation>عرض «لا فجوة» عند إثبات التكافؤ</translation>
    </message>
    <message>
        <source>Two one-sided tests (TOST) against the minimum important difference.</source>
        <translation>اختباران أحاديا الجانب (TOST) مقابل الحد الأدنى المهم للفرق.</translation>
    </message>
    <message>
        <source>Share of a criterion's assessed indicators worse that makes it red.</source>
        <translation>حصة المؤشرات المقيّمة الأسوأ التي تجعل المعيار أحمر.</translation>
    </message>
    <message>
        <source>Multiple comparisons:</source>
        <translation>المقارنات المتعددة:</translation>
    </message>
    <message>
        <source>Substantive gaps:</source>
        <translation>الفجوات الجوهرية:</translation>
    </message>
    <message>
        <source>Criterion rating:</source>
        <translation>تقييم المعايير:</translation>
    </message>
    <message>
        <source>Intervals (shares, counts):</source>
        <translation>الفترات (النسب، الأعداد):</translation>
    </message>
</context>
<context>
    <name>JudgingEditor</name>
    <message>
        <source>Own minimum important difference:</source>
        <translation>حد أدنى مهم خاص للفرق:</translation>
    </message>
    <message>
        <source>Worse or better only when the gap is significant and at least this large; 0: any significant gap counts.</source>
        <translation>أسوأ أو أفضل فقط عندما تكون الفجوة دالة وبهذا الحجم على الأقل؛ 0: تُحتسب أي فجوة دالة.</translation>
    </message>
    <message>
        <source>As the library says</source>
        <translation>كما تنص المكتبة</translation>
    </message>
    <message>
        <source>Compare with the comparator</source>
        <translation>المقارنة مع فئة المقارنة</translation>
    </message>
    <message>
        <source>Describe only (not compared)</source>
        <translation>الوصف فقط (دون مقارنة)</translation>
    </message>
    <message>
        <source>Apply judging</source>
        <translation>تطبيق الحكم</translation>
    </message>
    <message>
        <source>Comparison:</source>
        <translation>المقارنة:</translation>
    </message>
    <message>
        <source>points</source>
        <translation>نقاط</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <source>compared</source>
        <translation>مُقارَن</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>دون مقارنة</translation>
    </message>
    <message>
        <source>Library: %1, %2</source>
        <translation>المكتبة: %1، %2</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Labels from the XLSForm</source>
        <translation>التسميات من نموذج XLSForm</translation>
    </message>
    <message>
        <source>The form the data was collected with gives every question its label and every code its answer text. Without it, codes show instead of answers.</source>
        <translation>يمنح النموذج الذي جُمعت به البيانات كل سؤال تسميته وكل رمز نص إجابته. من دونه تظهر الرموز بدلاً من الإجابات.</translation>
    </message>
    <message>
        <source>Choose another…</source>
        <translation>اختيار نموذج آخر…</translation>
    </message>
    <message>
        <source>XLSForm:</source>
        <translation>نموذج XLSForm:</translation>
    </message>
    <message>
        <source>Label language:</source>
        <translation>لغة التسميات:</translation>
    </message>
    <message>
        <source>(no XLSForm: keep the codes)</source>
        <translation>(بلا نموذج XLSForm: الإبقاء على الرموز)</translation>
    </message>
    <message>
        <source>Looking for the XLSForm beside the file…</source>
        <translation>جارٍ البحث عن نموذج XLSForm بجوار الملف…</translation>
    </message>
    <message>
        <source>This file carries its own labels; choose the form only to replace them with the form's.</source>
        <translation>يحمل هذا الملف تسمياته الخاصة؛ اختر النموذج فقط لاستبدالها بتسميات النموذج.</translation>
    </message>
    <message>
        <source>No XLSForm was found in the folder of the data file. Choose one if you have it; without it, codes show instead of answers in the data, the analysis and the report.</source>
        <translation>لم يُعثر على نموذج XLSForm في مجلد ملف البيانات. اختر نموذجاً إن كان لديك؛ من دونه تظهر الرموز بدلاً من الإجابات في البيانات والتحليل والتقرير.</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 columns</source>
        <translation>%1 — %2 من %3 أعمدة</translation>
    </message>
    <message>
        <source>Choose the XLSForm</source>
        <translation>اختيار نموذج XLSForm</translation>
    </message>
    <message>
        <source>The data keeps its codes; no labels are added.</source>
        <translation>تحتفظ البيانات برموزها؛ لا تُضاف أي تسميات.</translation>
    </message>
    <message>
        <source>%1 of the file's %2 columns are questions or answer options of this form (%3 questions, %4 answer lists, %5 multiple-choice questions).</source>
        <translation>%1 من أعمدة الملف البالغة %2 أسئلة أو خيارات إجابة في هذا النموذج (%3 سؤالاً، %4 قوائم إجابات، %5 أسئلة متعددة الاختيار).</translation>
    </message>
    <message>
        <source>The other columns keep their names and codes.</source>
        <translation>تحتفظ الأعمدة الأخرى بأسمائها ورموزها.</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Indicator</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <source>In plan</source>
        <translation>في الخطة</translation>
    </message>
    <message>
        <source>%1 (custom)</source>
        <translation>%1 (مخصّص)</translation>
    </message>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>لم يُترجم بعد: معروض بالإنجليزية.</translation>
    </message>
    <message>
        <source>Has errors</source>
        <translation>يحتوي على أخطاء</translation>
    </message>
    <message>
        <source>Has warnings</source>
        <translation>يحتوي على تحذيرات</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>منصة عمل الحلول الدائمة</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Close the vault now (Ctrl+L)</source>
        <translation>إغلاق الخزنة الآن (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>ال&amp;خزنة</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;دليل المستخدم</translation>
    </message>
    <message>
        <source>&amp;Getting started with the sample</source>
        <translation>ال&amp;بداية مع العينة</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;حول</translation>
    </message>
    <message>
        <source>About</source>
        <translation>حول</translation>
    </message>
    <message>
        <source>Durable Solutions Workbench %1 — analysis of displacement surveys against the IASC criteria for durable solutions, offline: nothing leaves this computer unless you export it, and every export is in the vault's audit log.</source>
        <translation>Durable Solutions Workbench %1 — تحليل مسوح النزوح وفق معايير اللجنة الدائمة المشتركة بين الوكالات للحلول الدائمة، دون اتصال: لا يغادر شيء هذا الحاسوب ما لم تصدّره، وكل تصدير مسجل في سجل تدقيق الخزنة.</translation>
    </message>
    <message numerus="yes">
        <source>Vault unlocked. It locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>فُتح قفل الخزنة. تُقفل تلقائياً بعد %n دقيقة من عدم النشاط.</numerusform>
            <numerusform>فُتح قفل الخزنة. تُقفل تلقائياً بعد %n دقيقة من عدم النشاط.</numerusform>
            <numerusform>فُتح قفل الخزنة. تُقفل تلقائياً بعد %n دقيقتين من عدم النشاط.</numerusform>
            <numerusform>فُتح قفل الخزنة. تُقفل تلقائياً بعد %n دقائق من عدم النشاط.</numerusform>
            <numerusform>فُتح قفل الخزنة. تُقفل تلقائياً بعد %n دقيقة من عدم النشاط.</numerusform>
            <numerusform>فُتح قفل الخزنة. تُقفل تلقائياً بعد %n دقيقة من عدم النشاط.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>حُفظت الإعدادات.</translation>
    </message>
    <message numerus="yes">
        <source>The vault now locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>تُقفل الخزنة نفسها الآن بعد %n دقيقة من الخمول.</numerusform>
            <numerusform>تُقفل الخزنة نفسها الآن بعد دقيقة واحدة (%n) من الخمول.</numerusform>
            <numerusform>تُقفل الخزنة نفسها الآن بعد دقيقتين (%n) من الخمول.</numerusform>
            <numerusform>تُقفل الخزنة نفسها الآن بعد %n دقائق من الخمول.</numerusform>
            <numerusform>تُقفل الخزنة نفسها الآن بعد %n دقيقة من الخمول.</numerusform>
            <numerusform>تُقفل الخزنة نفسها الآن بعد %n دقيقة من الخمول.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <source>Several columns (e.g. select-multiple options)</source>
        <extracomment>a suggested candidate was accepted (name, mapping) text columns' answers, from the suggestion (a text column has no value labels)</extracomment>
        <translation>عدة أعمدة (مثل خيارات الاختيار المتعدد)</translation>
    </message>
    <message>
        <source>Tick the columns this input combines.</source>
        <translation>حدّد الأعمدة التي يجمعها هذا المُدخل.</translation>
    </message>
    <message>
        <source>Tick the answers that count as the condition.</source>
        <translation>حدّد الإجابات التي تُعدّ مستوفية للشرط.</translation>
    </message>
    <message>
        <source>Tick the codes that mean 'no answer'.</source>
        <translation>حدّد الرموز التي تعني «لا إجابة».</translation>
    </message>
    <message>
        <source>Apply mapping</source>
        <translation>تطبيق الربط</translation>
    </message>
    <message>
        <source>Remove mapping</source>
        <translation>إزالة الربط</translation>
    </message>
    <message>
        <source>This column has no coded answers: the input uses its values as they are.</source>
        <translation>لا يحتوي هذا العمود على إجابات مرمّزة: يستخدم المُدخل قيمه كما هي.</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>العمود:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>الأعمدة:</translation>
    </message>
    <message>
        <source>Codes that count:</source>
        <translation>الرموز المحتسبة:</translation>
    </message>
    <message>
        <source>Missing codes:</source>
        <translation>رموز القيم المفقودة:</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>النطاق:</translation>
    </message>
    <message>
        <source>everyone in the unit</source>
        <translation>جميع أفراد الوحدة</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(غير مربوط)</translation>
    </message>
    <message>
        <source>counts when any ticked code appears in any column</source>
        <translation>يُحتسب عند ظهور أي رمز محدد في أي عمود</translation>
    </message>
    <message>
        <source>counts when every column has a ticked code</source>
        <translation>يُحتسب عندما يحتوي كل عمود على رمز محدد</translation>
    </message>
    <message>
        <source>the number of columns with a ticked code</source>
        <translation>عدد الأعمدة التي تحتوي على رمز محدد</translation>
    </message>
    <message>
        <source>the sum of the columns</source>
        <translation>مجموع الأعمدة</translation>
    </message>
    <message>
        <source>Combined: %1.</source>
        <translation>الدمج: %1.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>How to read it</source>
        <translation>طريقة القراءة</translation>
    </message>
    <message>
        <source>Check the preview: one row per record, one column per question.</source>
        <translation>تحقق من المعاينة: صف لكل سجل، وعمود لكل سؤال.</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>الكشف تلقائياً</translation>
    </message>
    <message>
        <source>Rows to skip before the row of column names.</source>
        <translation>عدد الصفوف التي تُتخطى قبل صف أسماء الأعمدة.</translation>
    </message>
    <message>
        <source>Read NA, N/A, #N/A, NaN, “.” and “-” as missing in number columns</source>
        <translation>قراءة NA و N/A و #N/A و NaN و «.» و «-» كقيم مفقودة في الأعمدة الرقمية</translation>
    </message>
    <message>
        <source>A text column whose real answers include such a value stays text.</source>
        <translation>العمود النصي الذي تتضمن إجاباته الحقيقية قيمة كهذه يبقى نصياً.</translation>
    </message>
    <message>
        <source>e.g. -99, missing (separated by commas)</source>
        <translation>مثلاً ‎-99، مفقود (مفصولة بفواصل)</translation>
    </message>
    <message>
        <source>Other values that mean “missing” in this file.</source>
        <translation>قيم أخرى تعني «مفقود» في هذا الملف.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>الورقة:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>الترميز:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>الفاصل:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>صف العناوين:</translation>
    </message>
    <message>
        <source>Missing values:</source>
        <translation>القيم المفقودة:</translation>
    </message>
    <message>
        <source>Other missing markers:</source>
        <translation>علامات أخرى للقيم المفقودة:</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>جارٍ قراءة الصفوف الأولى…</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>التنسيق: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n عمود</numerusform>
            <numerusform>%n عمود</numerusform>
            <numerusform>%n عمودان</numerusform>
            <numerusform>%n أعمدة</numerusform>
            <numerusform>%n عموداً</numerusform>
            <numerusform>%n عمود</numerusform>
        </translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>الترميز %1</translation>
    </message>
    <message numerus="yes">
        <source>In the first %Ln row(s) (the whole file is checked later):</source>
        <translation>
            <numerusform>في أول %Ln صف (يُفحص الملف كاملاً لاحقاً):</numerusform>
            <numerusform>في الصف الأول (%Ln) (يُفحص الملف كاملاً لاحقاً):</numerusform>
            <numerusform>في أول %Ln صفين (يُفحص الملف كاملاً لاحقاً):</numerusform>
            <numerusform>في أول %Ln صفوف (يُفحص الملف كاملاً لاحقاً):</numerusform>
            <numerusform>في أول %Ln صفاً (يُفحص الملف كاملاً لاحقاً):</numerusform>
            <numerusform>في أول %Ln صف (يُفحص الملف كاملاً لاحقاً):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>قصيرة جداً: استخدم %n حرف على الأقل.</numerusform>
            <numerusform>قصيرة جداً: استخدم %n حرف على الأقل.</numerusform>
            <numerusform>قصيرة جداً: استخدم %n حرفين على الأقل.</numerusform>
            <numerusform>قصيرة جداً: استخدم %n أحرف على الأقل.</numerusform>
            <numerusform>قصيرة جداً: استخدم %n حرفاً على الأقل.</numerusform>
            <numerusform>قصيرة جداً: استخدم %n حرف على الأقل.</numerusform>
        </translation>
    </message>
    <message>
        <source>A vault needs a passphrase rated “Fair” or better.</source>
        <translation>تحتاج الخزنة إلى عبارة مرور بتقدير «مقبولة» أو أفضل.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation>ضعيفة: أضف مزيداً من الكلمات.</translation>
    </message>
    <message>
        <source>Fair: a few more words would help.</source>
        <translation>مقبولة: بضع كلمات إضافية ستفيد.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>جيدة.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>قوية.</translation>
    </message>
    <message>
        <source>Use a passphrase of several words.</source>
        <translation>استخدم عبارة مرور من عدة كلمات.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>New from datasets</source>
        <extracomment>auto-suggest's match per input (ranked candidates); None until suggested the open plan was suggested and is not saved yet (the plan list marks it)</extracomment>
        <translation>خطة جديدة من البيانات</translation>
    </message>
    <message>
        <source>Suggest a plan from the datasets in the vault.</source>
        <translation>اقتراح خطة انطلاقاً من مجموعات البيانات في الخزنة.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>حفظ إصدار</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <source>Read a plan or template file (.toml) and fit it to these datasets.</source>
        <translation>قراءة ملف خطة أو قالب (.toml) وتكييفه مع مجموعات البيانات هذه.</translation>
    </message>
    <message>
        <source>Export template…</source>
        <translation>تصدير قالب…</translation>
    </message>
    <message>
        <source>New custom indicator…</source>
        <translation>مؤشر مخصّص جديد…</translation>
    </message>
    <message>
        <source>An indicator of your own, from the inputs you map (it can stand for an IRIS sub-criterion in the solutions measure).</source>
        <translation>مؤشر خاص بك، من المدخلات التي تربطها (يمكن أن يمثّل معياراً فرعياً من IRIS في مقياس الحلول).</translation>
    </message>
    <message>
        <source>Analysis plan</source>
        <translation>خطة التحليل</translation>
    </message>
    <message>
        <source>By criterion</source>
        <translation>حسب المعيار</translation>
    </message>
    <message>
        <source>By IRIS sub-criterion</source>
        <translation>حسب المعيار الفرعي في IRIS</translation>
    </message>
    <message>
        <source>Edit custom indicator…</source>
        <translation>تعديل المؤشر المخصّص…</translation>
    </message>
    <message>
        <source>Inputs (click one to map it):</source>
        <translation>المُدخلات (انقر على أحدها لربطه):</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>الربط</translation>
    </message>
    <message>
        <source>Design and groups</source>
        <translation>التصميم والفئات</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (الإصدار %2)</translation>
    </message>
    <message>
        <source>%1 (version %2, draft)</source>
        <translation>%1 (الإصدار %2، مسودة)</translation>
    </message>
    <message>
        <source>%1 (new, not saved)</source>
        <translation>%1 (جديدة، غير محفوظة)</translation>
    </message>
    <message>
        <source>(unsaved changes)</source>
        <translation>(تغييرات غير محفوظة)</translation>
    </message>
    <message numerus="yes">
        <source>%n indicator(s)</source>
        <translation>
            <numerusform>%n مؤشر</numerusform>
            <numerusform>%n مؤشر</numerusform>
            <numerusform>%n مؤشران</numerusform>
            <numerusform>%n مؤشرات</numerusform>
            <numerusform>%n مؤشراً</numerusform>
            <numerusform>%n مؤشر</numerusform>
        </translation>
    </message>
    <message>
        <source>Use suggested column for %1</source>
        <translation>استخدام العمود المقترح لـ %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>تعديل %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>إضافة %1</translation>
    </message>
    <message>
        <source>Add to plan</source>
        <translation>إضافة إلى الخطة</translation>
    </message>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>لم يُترجم بعد: معروض بالإنجليزية.</translation>
    </message>
    <message>
        <source>everyone in the unit</source>
        <translation>جميع أفراد الوحدة</translation>
    </message>
    <message>
        <source>household</source>
        <translation>الأسرة</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>الفرد</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>الوحدة:</translation>
    </message>
    <message>
        <source>Statistic:</source>
        <translation>الإحصاءة:</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>النطاق:</translation>
    </message>
    <message>
        <source>Remove from plan</source>
        <translation>إزالة من الخطة</translation>
    </message>
    <message>
        <source>to review: %1 (from its values only)</source>
        <translation>للمراجعة: %1 (بناءً على قيمه فقط)</translation>
    </message>
    <message>
        <source>to review: %1 (%2%)</source>
        <translation>للمراجعة: %1 (%2٪)</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>اقتراح: %1</translation>
    </message>
    <message>
        <source>Checks: %1, %2</source>
        <translation>عمليات التحقق: %1، %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n خطأ</numerusform>
            <numerusform>خطأ واحد (%n)</numerusform>
            <numerusform>خطآن (%n)</numerusform>
            <numerusform>%n أخطاء</numerusform>
            <numerusform>%n خطأً</numerusform>
            <numerusform>%n خطأ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n تحذير</numerusform>
            <numerusform>تحذير واحد (%n)</numerusform>
            <numerusform>تحذيران (%n)</numerusform>
            <numerusform>%n تحذيرات</numerusform>
            <numerusform>%n تحذيرًا</numerusform>
            <numerusform>%n تحذير</numerusform>
        </translation>
    </message>
    <message>
        <source>Checks could not run: %1</source>
        <translation>تعذّر تنفيذ عمليات التحقق: %1</translation>
    </message>
    <message>
        <source>Note for this version (what changed):</source>
        <translation>ملاحظة لهذا الإصدار (ما الذي تغيّر):</translation>
    </message>
    <message>
        <source>Saved as version %1, a draft: %2 error(s) to fix before the analysis can run it (see the checks).</source>
        <translation>حُفظ بوصفه الإصدار %1، وهو مسودة: %2 خطأ يجب تصحيحه قبل أن يتمكن التحليل من تشغيله (راجع الفحوص).</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>حُفظ بوصفه الإصدار %1.</translation>
    </message>
    <message>
        <source>Import a plan or template</source>
        <translation>استيراد خطة أو قالب</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>تصدير قالب</translation>
    </message>
    <message>
        <source>No plan yet, and no data: import your datasets first on the Datasets page (the bundled sample: freedonia_household and freedonia_individual). Then come back here.</source>
        <translation>لا توجد خطة ولا بيانات بعد: استورد مجموعات بياناتك أولاً في صفحة مجموعات البيانات (العينة المرفقة: freedonia_household و freedonia_individual). ثم عد إلى هنا.</translation>
    </message>
    <message>
        <source>No plan yet. Click “New from datasets” to have one suggested from the datasets you choose, or “Import…” a plan file (the bundled sample has freedonia-plan.toml). Press F1 for the guide.</source>
        <translation>لا توجد خطة بعد. انقر «خطة جديدة من البيانات» لاقتراح خطة من مجموعات البيانات التي تختارها، أو «استيراد…» ملف خطة (العينة المرفقة فيها freedonia-plan.toml). اضغط F1 للدليل.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <extracomment>rows a column sized to its contents looks at (Qt's default, 1000, made a page with a few hundred findings take 0.3 s to show again: every row's every cell was measured each time) the narrowest the last column of :func:`fit_every_row` gets before its cells wrap (pixels)</extracomment>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Progress since the baseline</source>
        <extracomment>closing green, widening red; a small change or a stable gap a quiet grey-blue</extracomment>
        <translation>التقدم منذ خط الأساس</translation>
    </message>
    <message>
        <source>Open this round's own results in the other tabs.</source>
        <translation>فتح نتائج هذه الجولة في علامات التبويب الأخرى.</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>الجولة:</translation>
    </message>
    <message>
        <source>Changes in the gaps</source>
        <translation>التغيرات في الفجوات</translation>
    </message>
    <message>
        <source>Slope charts</source>
        <translation>مخططات الميل</translation>
    </message>
    <message>
        <source>These results are one survey round. To see progress over time, analyse a plan with rounds (a baseline and follow-ups, [rounds] in the plan).</source>
        <translation>هذه النتائج لجولة مسح واحدة. لرؤية التقدم عبر الزمن، حلِّل خطة ذات جولات (خط أساس وجولات متابعة، [rounds] في الخطة).</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>PDF/A (for archiving)</source>
        <translation>PDF/A (للأرشفة)</translation>
    </message>
    <message>
        <source>Self-contained PDF that stays readable for decades.</source>
        <translation>ملف PDF مستقل يظل مقروءاً لعقود.</translation>
    </message>
    <message>
        <source>Also write the annex tables (Excel)</source>
        <translation>كتابة جداول الملحق أيضاً (Excel)</translation>
    </message>
    <message>
        <source>Also write the editable Word report (.docx)</source>
        <translation>كتابة تقرير Word القابل للتحرير أيضاً (.docx)</translation>
    </message>
    <message>
        <source>The same sections, tables and charts as the PDF, passed through the same checks.</source>
        <translation>الأقسام والجداول والرسوم البيانية نفسها الموجودة في ملف PDF، وقد خضعت للفحوص نفسها.</translation>
    </message>
    <message>
        <source>Also write the briefing for decision-makers (PDF and Word)</source>
        <translation>كتابة الموجز لصانعي القرار أيضاً (PDF وWord)</translation>
    </message>
    <message>
        <source>Two to four pages: the traffic light, the IDP stock, the largest gaps with their charts, the solutions measure and the method in brief.</source>
        <translation>من صفحتين إلى أربع صفحات: إشارة المرور، وعدد النازحين داخليًا، وأكبر الفجوات مع رسومها البيانية، ومقياس الحلول، والمنهجية باختصار.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>النتائج:</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>لغة التقرير:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>حجم الصفحة:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>الحفظ باسم:</translation>
    </message>
    <message>
        <source>Check the report</source>
        <translation>التحقق من التقرير</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>الخطورة</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Justification (required for warnings)</source>
        <translation>المبرر (مطلوب للتحذيرات)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>تصدير التقرير</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>فتح المجلد</translation>
    </message>
    <message>
        <source>Use this justification for all similar warnings</source>
        <translation>استخدام هذا المبرر لجميع التحذيرات المماثلة</translation>
    </message>
    <message>
        <source>Copies the justification of the selected warning to every warning with the same check.</source>
        <translation>ينسخ مبرر التحذير المحدد إلى كل التحذيرات الصادرة عن عملية التحقق نفسها.</translation>
    </message>
    <message>
        <source>Run an analysis first (Analysis page).</source>
        <translation>شغّل تحليلاً أولاً (صفحة التحليل).</translation>
    </message>
    <message>
        <source>Saved in plan %1, version %2: the next analyses will use these facts.</source>
        <translation>حُفظ في الخطة %1، النسخة %2: ستستخدم التحليلات القادمة هذه المعلومات.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Fix this before exporting.</source>
        <translation>يجب إصلاح ذلك قبل التصدير.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>نجحت جميع عمليات التحقق.</translation>
    </message>
    <message>
        <source>%1 error(s) block the export; %2 warning(s) need a written justification.</source>
        <translation>أخطاء تمنع التصدير: %1؛ تحذيرات تحتاج إلى مبرر مكتوب: %2.</translation>
    </message>
    <message>
        <source>Every warning is justified (%1): the report can be exported.</source>
        <translation>كل التحذيرات مبرَّرة (%1): يمكن تصدير التقرير.</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>حفظ التقرير باسم</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>جارٍ كتابة التقرير…</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>حُفظ التقرير: %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>الاستعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <source>The backup is checked completely before it replaces the damaged vault. Work saved after the backup was made is not in it.</source>
        <translation>يُتحقق من النسخة الاحتياطية بالكامل قبل أن تحل محل الخزنة التالفة. لا تتضمن النسخة العمل المحفوظ بعد إنشائها.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>الخزنة:</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>ملف النسخة الاحتياطية:</translation>
    </message>
    <message>
        <source>Passphrase of the backup:</source>
        <translation>عبارة مرور النسخة الاحتياطية:</translation>
    </message>
    <message>
        <source>Choose the backup</source>
        <translation>اختر النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation>اختر ملف النسخة الاحتياطية أولاً.</translation>
    </message>
    <message>
        <source>Verifying the backup…</source>
        <translation>جارٍ التحقق من النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>Replace another vault?</source>
        <translation>استبدال خزنة أخرى؟</translation>
    </message>
    <message>
        <source>Replace %1 with this backup? Everything in %1 that is not in a backup of its own is lost.</source>
        <translation>هل تريد استبدال %1 بهذه النسخة الاحتياطية؟ سيضيع كل ما في %1 مما لا يوجد في نسخة احتياطية خاصة بها.</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>استبدال %1</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>الإبقاء على %1</translation>
    </message>
    <message>
        <source>Nothing was replaced.</source>
        <translation>لم يُستبدل شيء.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>The data is encrypted as it is stored in the vault.</source>
        <translation>تُشفَّر البيانات أثناء حفظها في الخزنة.</translation>
    </message>
    <message>
        <source>Reading and encrypting…</source>
        <translation>جارٍ القراءة والتشفير…</translation>
    </message>
    <message>
        <source>Stored “%1”: %2 rows, %3 columns.</source>
        <translation>حُفظت «%1»: الصفوف %2، الأعمدة %3.</translation>
    </message>
    <message>
        <source>Labelled from %1.</source>
        <translation>التسميات مأخوذة من %1.</translation>
    </message>
    <message>
        <source>Read as missing:</source>
        <translation>قُرئ كقيمة مفقودة:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>The vault locks itself after this much time without input.</source>
        <translation>تُقفل الخزنة تلقائياً بعد هذه المدة دون أي نشاط.</translation>
    </message>
    <message>
        <source>Which small-sample estimates are flagged or hidden in results and reports.</source>
        <translation>تقديرات العينات الصغيرة التي تُميَّز أو تُخفى في النتائج والتقارير.</translation>
    </message>
    <message>
        <source>Significance level of comparisons; 0.05 gives 95% confidence intervals.</source>
        <translation>مستوى الدلالة للمقارنات؛ القيمة 0.05 تعطي فترات ثقة 95٪.</translation>
    </message>
    <message>
        <source>Printed on the cover of every report.</source>
        <translation>يُطبع على غلاف كل تقرير.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>حفظ الإعدادات</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>القفل بعد الخمول:</translation>
    </message>
    <message>
        <source>Disclosure control:</source>
        <translation>ضبط السرية:</translation>
    </message>
    <message>
        <source>Significance level:</source>
        <translation>مستوى الدلالة:</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>اسم المكتب:</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>حُفظت الإعدادات.</translation>
    </message>
    <message>
        <source>The settings could not be saved to disk.</source>
        <translation>تعذّر حفظ الإعدادات على القرص.</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <source>Data sharing</source>
        <extracomment>the extract formats offered, by file-dialog filter</extracomment>
        <translation>مشاركة البيانات</translation>
    </message>
    <message>
        <source>Tick the quasi-identifiers. Their order is the importance order: values are suppressed from the bottom up.</source>
        <translation>حدد أشباه المعرِّفات. ترتيبها هو ترتيب الأهمية: تُحجب القيم بدءًا من الأسفل.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>مجموعة البيانات:</translation>
    </message>
    <message>
        <source>k-anonymity:</source>
        <translation>إخفاء الهوية k:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>الوزن:</translation>
    </message>
    <message>
        <source>Household id:</source>
        <translation>معرِّف الأسرة:</translation>
    </message>
    <message>
        <source>Sensitive variables:</source>
        <translation>المتغيرات الحساسة:</translation>
    </message>
    <message>
        <source>Age bands:</source>
        <translation>فئات العمر:</translation>
    </message>
    <message>
        <source>Top coding:</source>
        <translation>الترميز العلوي:</translation>
    </message>
    <message>
        <source>Merge categories:</source>
        <translation>دمج الفئات:</translation>
    </message>
    <message>
        <source>PRAM:</source>
        <translation>PRAM:</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>التشويش:</translation>
    </message>
    <message>
        <source>Also compute SUDA scores (special uniques)</source>
        <translation>احسب أيضًا درجات SUDA (السجلات الفريدة الخاصة)</translation>
    </message>
    <message>
        <source>Minimal sample uniques and DIS-SUDA scores as sdcMicro's suda2 computes them, before and after; slower on large files.</source>
        <translation>التوليفات الفريدة الدنيا في العينة ودرجات DIS-SUDA كما تحسبها الدالة suda2 في sdcMicro، قبل وبعد؛ أبطأ في الملفات الكبيرة.</translation>
    </message>
    <message>
        <source>Measure risk</source>
        <translation>قياس المخاطر</translation>
    </message>
    <message>
        <source>Quasi-identifiers (most important first):</source>
        <translation>أشباه المعرِّفات (الأهم أولًا):</translation>
    </message>
    <message>
        <source>Disclosure risk</source>
        <translation>مخاطر الإفصاح</translation>
    </message>
    <message>
        <source>Values lost</source>
        <translation>القيم المفقودة</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>المؤشرات</translation>
    </message>
    <message>
        <source>Share microdata</source>
        <translation>مشاركة البيانات الجزئية</translation>
    </message>
    <message>
        <source>Direct identifiers are always removed. Values of the quasi-identifiers are suppressed until every record shares its combination with at least k − 1 others; the file is read back and measured before it is written.</source>
        <translation>تُحذف المعرِّفات المباشرة دائمًا. تُحجب قيم أشباه المعرِّفات حتى يشترك كل سجل في تركيبته مع k − 1 سجلات أخرى على الأقل؛ ويُعاد قراءة الملف وقياسه قبل كتابته.</translation>
    </message>
    <message>
        <source>Shared so far</source>
        <translation>المشاركات المسجلة</translation>
    </message>
    <message>
        <source>Sharing record</source>
        <translation>سجل المشاركة</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>تاريخ الانتهاء:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Recipient organisation:</source>
        <translation>الجهة المستلمة:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>الغرض:</translation>
    </message>
    <message>
        <source>Data-sharing agreement:</source>
        <translation>اتفاقية مشاركة البيانات:</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>وافق عليه:</translation>
    </message>
    <message>
        <source>Report languages:</source>
        <translation>لغات التقرير:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>الأصلي</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>المستخرج</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>الفرق</translation>
    </message>
    <message>
        <source>CI overlap</source>
        <translation>تداخل فترات الثقة</translation>
    </message>
    <message>
        <source>Plan %1: overall estimates on the original data and on the extract; CI overlap 1 = the same confidence interval.</source>
        <translation>الخطة %1: التقديرات الإجمالية على البيانات الأصلية وعلى المستخرج؛ تداخل فترات الثقة 1 = فترة الثقة نفسها.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>المتغير</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>المحجوبة</translation>
    </message>
    <message>
        <source>Recoded</source>
        <translation>المعاد ترميزها</translation>
    </message>
    <message>
        <source>Export the anonymised extract</source>
        <translation>تصدير المستخرج مجهول الهوية</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>الجهة المستلمة</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>الغرض</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاقية</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
</context>
<context>
    <name>SolutionsOptions</name>
    <message>
        <source>Solutions measure</source>
        <extracomment>the engine's defaults: what a box shows before the user changes it</extracomment>
        <translation>مقياس الحلول</translation>
    </message>
    <message>
        <source>Host community (comparator) estimate</source>
        <translation>تقدير المجتمع المضيف (فئة المقارنة)</translation>
    </message>
    <message>
        <source>National values (set in the plan)</source>
        <translation>قيم وطنية (محددة في الخطة)</translation>
    </message>
    <message>
        <source>A fixed value</source>
        <translation>قيمة ثابتة</translation>
    </message>
    <message>
        <source>Compare with the benchmark's confidence bound</source>
        <translation>المقارنة مع حد فترة ثقة المرجع</translation>
    </message>
    <message>
        <source>More lenient: a household passes unless clearly worse than the benchmark.</source>
        <translation>أكثر تساهلاً: تُعدّ الأسرة مستوفية ما لم يكن وضعها أسوأ من المرجع بوضوح.</translation>
    </message>
    <message>
        <source>counts as no vulnerability</source>
        <translation>يُحسب كعدم وجود هشاشة</translation>
    </message>
    <message>
        <source>counts as missing</source>
        <translation>يُحسب كمفقود</translation>
    </message>
    <message>
        <source>A household outside an indicator's universe (a question skipped by design).</source>
        <translation>أسرة خارج نطاق مؤشر ما (سؤال متخطّى بحكم التصميم).</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>المنهجيات:</translation>
    </message>
    <message>
        <source>Benchmark:</source>
        <translation>المرجع:</translation>
    </message>
    <message>
        <source>Skipped by design:</source>
        <translation>متخطّى بحكم التصميم:</translation>
    </message>
    <message>
        <source> (headline)</source>
        <translation> (الرئيسية)</translation>
    </message>
</context>
<context>
    <name>StagesEditor</name>
    <message>
        <source>Units of the stage</source>
        <translation>وحدات المرحلة</translation>
    </message>
    <message>
        <source>FPC</source>
        <translation>FPC</translation>
    </message>
    <message>
        <source>Strata within units</source>
        <translation>الطبقات داخل الوحدات</translation>
    </message>
    <message>
        <source>Stage 2, 3, …: the units sampled inside the units of the stage above, with their population size or sampling fraction (FPC). Without the FPC of a stage, its variance and that of the stages below are not counted.</source>
        <translation>المراحل 2، 3، …: الوحدات المسحوبة داخل وحدات المرحلة الأعلى، مع حجم مجتمعها أو كسر المعاينة (FPC). من دون FPC لمرحلة ما، لا يُحتسب تباينها ولا تباين المراحل التي تليها.</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>إضافة مرحلة</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>إزالة المرحلة</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Durable Solutions Workbench</source>
        <translation>منصة عمل الحلول الدائمة</translation>
    </message>
    <message>
        <source>Your survey data stays in an encrypted vault on this computer. Open a vault to continue, or create a new one.</source>
        <translation>تبقى بيانات المسح الخاصة بك في خزنة مشفّرة على هذا الحاسوب. افتح خزنة للمتابعة، أو أنشئ خزنة جديدة.</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>فتح خزنة</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>إنشاء خزنة جديدة</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>الاستعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Recent vaults</source>
        <translation>الخزنات الأخيرة</translation>
    </message>
    <message>
        <source>Path of the vault file</source>
        <translation>مسار ملف الخزنة</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Unlock with the key remembered here</source>
        <translation>فتح القفل بالمفتاح المحفوظ على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Recent vaults:</source>
        <translation>الخزنات الأخيرة:</translation>
    </message>
    <message>
        <source>Vault file:</source>
        <translation>ملف الخزنة:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>عبارة المرور:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>التذكّر على هذا الحاسوب</translation>
    </message>
    <message>
        <source>The vault key is kept in this computer's password store, so this user account can open the vault without typing the passphrase. Anyone who can log in as you can then open it. Do not use it on a shared computer.</source>
        <translation>يُحفظ مفتاح الخزنة في مخزن كلمات المرور على هذا الحاسوب، فيتمكن حساب المستخدم هذا من فتح الخزنة دون كتابة عبارة المرور. وعندئذٍ يستطيع فتحها كل من يمكنه تسجيل الدخول باسمك. لا تستخدم هذا الخيار على حاسوب مشترك.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>إنشاء الخزنة</translation>
    </message>
    <message>
        <source>New vault file:</source>
        <translation>ملف الخزنة الجديدة:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>تكرار عبارة المرور:</translation>
    </message>
    <message>
        <source>The vault was locked. Type the passphrase to continue.</source>
        <translation>أُقفلت الخزنة. اكتب عبارة المرور للمتابعة.</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>جارٍ فتح الخزنة…</translation>
    </message>
    <message>
        <source>New vault file</source>
        <translation>ملف خزنة جديدة</translation>
    </message>
    <message>
        <source>Choose a vault file first.</source>
        <translation>اختر ملف خزنة أولاً.</translation>
    </message>
    <message>
        <source>There is no file at this place.</source>
        <translation>لا يوجد ملف في هذا الموقع.</translation>
    </message>
    <message>
        <source>Check the path, or create a new vault.</source>
        <translation>تحقق من المسار، أو أنشئ خزنة جديدة.</translation>
    </message>
    <message>
        <source>A file with this name already exists.</source>
        <translation>يوجد ملف بهذا الاسم مسبقاً.</translation>
    </message>
    <message>
        <source>Choose another name; an existing vault is never overwritten.</source>
        <translation>اختر اسماً آخر؛ لا يُكتب أبداً فوق خزنة موجودة.</translation>
    </message>
    <message>
        <source>Restore the latest backup of this vault with the button below (or ask your administrator). The damaged file is replaced only after the backup is verified.</source>
        <translation>استعد أحدث نسخة احتياطية لهذه الخزنة بالزر أدناه (أو اطلب ذلك من المسؤول). لا يُستبدل الملف التالف إلا بعد التحقق من النسخة الاحتياطية.</translation>
    </message>
</context>
<context>
    <name>SurveyFactsBox</name>
    <message>
        <source>Survey facts (cover and methodology)</source>
        <extracomment>field → (ReportOptions key, plan [report] key, is a text by language)</extracomment>
        <translation>معلومات المسح (الغلاف والمنهجية)</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>المنطقة:</translation>
    </message>
    <message>
        <source>Reference period:</source>
        <translation>الفترة المرجعية:</translation>
    </message>
    <message>
        <source>Currency of amounts:</source>
        <translation>عملة المبالغ:</translation>
    </message>
    <message>
        <source>Producing office:</source>
        <translation>الجهة المُعِدّة:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>جهة الاتصال:</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>مثل USD</translation>
    </message>
    <message>
        <source>Save in the plan</source>
        <translation>حفظ في الخطة</translation>
    </message>
    <message>
        <source>Keeps these facts in a new version of the plan, for the next analyses.</source>
        <translation>يحفظ هذه المعلومات في نسخة جديدة من الخطة للتحليلات القادمة.</translation>
    </message>
</context>
<context>
    <name>TableCopier</name>
    <message>
        <source>Copy</source>
        <extracomment>views whose rows are publishable results (the analysis page shows disclosure-controlled values); every other table is audited as internal more cells than this in a copy of the whole table is refused (a 1M-row viewer is exported)</extracomment>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy the whole table</source>
        <translation>نسخ الجدول كاملاً</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>What one row is</source>
        <translation>ما يمثله الصف</translation>
    </message>
    <message>
        <source>Household files hold one row per household; member rosters one per person.</source>
        <translation>تحتوي ملفات الأسر على صف لكل أسرة؛ وقوائم الأفراد على صف لكل شخص.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>الأسرة</translation>
    </message>
    <message>
        <source>Individual (household member)</source>
        <translation>الفرد (فرد من الأسرة)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>The column that identifies one row (e.g. household id).</source>
        <translation>العمود الذي يعرّف كل صف (مثل معرّف الأسرة).</translation>
    </message>
    <message>
        <source>Only household datasets already in the vault.</source>
        <translation>مجموعات بيانات الأسر الموجودة في الخزنة فقط.</translation>
    </message>
    <message>
        <source>The column holding the household id of each person.</source>
        <translation>العمود الذي يحتوي على معرّف الأسرة لكل شخص.</translation>
    </message>
    <message>
        <source>One row is:</source>
        <translation>الصف الواحد هو:</translation>
    </message>
    <message>
        <source>Identifier column:</source>
        <translation>عمود المعرّف:</translation>
    </message>
    <message>
        <source>Household dataset:</source>
        <translation>مجموعة بيانات الأسر:</translation>
    </message>
    <message>
        <source>Link column:</source>
        <translation>عمود الربط:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>(none in the vault)</source>
        <translation>(لا شيء في الخزنة)</translation>
    </message>
    <message>
        <source>A Kobo export: the main sheet holds one row per submission (household); its repeat sheets are imported with it, linked by _parent_index.</source>
        <translation>تصدير من Kobo: تحتوي الورقة الرئيسية على صف لكل إرسال (أسرة)؛ وتُستورد أوراق المجموعات المتكررة معها مرتبطةً بـ _parent_index.</translation>
    </message>
    <message>
        <source>“%1” holds a different value in every row of the file: one row is a household.</source>
        <translation>يحمل «%1» قيمة مختلفة في كل صف من الملف: الصف الواحد أسرة.</translation>
    </message>
    <message>
        <source>The household id “%1” repeats in the file: one row is a person, linked to the household dataset by “%1”.</source>
        <translation>يتكرر معرّف الأسرة «%1» في الملف: الصف الواحد شخص، مرتبط بمجموعة بيانات الأسر عبر «%1».</translation>
    </message>
    <message>
        <source>Choose what one row of this file is.</source>
        <translation>اختر ما يمثله الصف الواحد في هذا الملف.</translation>
    </message>
    <message>
        <source>Also imported from this file:</source>
        <translation>يُستورد أيضاً من هذا الملف:</translation>
    </message>
    <message>
        <source>“%1”: %2 rows, one per %3, linked to “%4” by %5</source>
        <translation>«%1»: %2 صفوف، صف لكل %3، مرتبط بـ «%4» عبر %5</translation>
    </message>
    <message>
        <source>Choose the link column that holds the household id.</source>
        <translation>اختر عمود الربط الذي يحمل معرّف الأسرة.</translation>
    </message>
    <message>
        <source>Checking the link with “%1”…</source>
        <translation>جارٍ التحقق من الربط مع «%1»…</translation>
    </message>
    <message>
        <source>Not linked to a household dataset: the persons cannot take their household's group, weight and design. Import the household file first to link them.</source>
        <translation>غير مرتبط بمجموعة بيانات أسر: لا يمكن أن يأخذ الأشخاص فئة أسرهم ووزنها وتصميم المسح. استورد ملف الأسر أولاً لربطهم.</translation>
    </message>
</context>
<context>
    <name>UniverseEditor</name>
    <message>
        <source>Who the indicator counts, as an expression (e.g. age &gt;= 18). Empty: the library's.</source>
        <translation>من يشملهم المؤشر، في صيغة تعبير (مثل age &gt;= 18). فارغ: نطاق المكتبة.</translation>
    </message>
    <message>
        <source>Apply universe</source>
        <translation>تطبيق النطاق</translation>
    </message>
    <message>
        <source>Universe:</source>
        <translation>النطاق:</translation>
    </message>
    <message>
        <source>Empty: the library's universe.</source>
        <translation>فارغ: نطاق المكتبة.</translation>
    </message>
    <message>
        <source>%1 (unknown input)</source>
        <translation>%1 (مُدخل غير معروف)</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>يقرأ: %1</translation>
    </message>
    <message>
        <source>Reads no input (a constant).</source>
        <translation>لا يقرأ أي مُدخل (قيمة ثابتة).</translation>
    </message>
</context>
<context>
    <name>UnlockNotice</name>
    <message>
        <source>Show the audit log</source>
        <translation>عرض سجل التدقيق</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>إخفاء</translation>
    </message>
    <message numerus="yes">
        <source>A wrong passphrase was typed %n time(s) for this vault since it was last unlocked.</source>
        <translation>
            <numerusform>كُتبت عبارة مرور خاطئة %n مرة لهذه الخزنة منذ آخر فتح لها.</numerusform>
            <numerusform>كُتبت عبارة مرور خاطئة مرة واحدة (%n) لهذه الخزنة منذ آخر فتح لها.</numerusform>
            <numerusform>كُتبت عبارة مرور خاطئة مرتين (%n) لهذه الخزنة منذ آخر فتح لها.</numerusform>
            <numerusform>كُتبت عبارة مرور خاطئة %n مرات لهذه الخزنة منذ آخر فتح لها.</numerusform>
            <numerusform>كُتبت عبارة مرور خاطئة %n مرة لهذه الخزنة منذ آخر فتح لها.</numerusform>
            <numerusform>كُتبت عبارة مرور خاطئة %n مرة لهذه الخزنة منذ آخر فتح لها.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last at %1.</source>
        <translation>آخرها في %1.</translation>
    </message>
    <message>
        <source>If it was not you, change the passphrase (Vault menu).</source>
        <translation>إن لم تكن أنت، فغيّر عبارة المرور (قائمة الخزنة).</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <source>Number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>تاريخ ووقت</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>نعم/لا</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>مُبقى</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>محذوف</translation>
    </message>
    <message>
        <source>hashed</source>
        <translation>مُجزّأ</translation>
    </message>
    <message>
        <source>Flagged as a quasi-identifier at import (kept by default).</source>
        <translation>وُسم كشبه معرّف عند الاستيراد (يُحفظ افتراضياً).</translation>
    </message>
    <message>
        <source>Flagged as a likely direct identifier at import.</source>
        <translation>نُبّه عليه عند الاستيراد بوصفه معرّفاً مباشراً محتملاً.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>القيم المفقودة</translation>
    </message>
    <message>
        <source>Value labels</source>
        <translation>تسميات القيم</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>المعرّف</translation>
    </message>
</context>
<context>
    <name>VarianceEditor</name>
    <message>
        <source>Linearisation (Taylor series)</source>
        <translation>التقريب الخطي (متسلسلة تايلور)</translation>
    </message>
    <message>
        <source>Replicate weights in the data</source>
        <translation>أوزان التكرار الموجودة في البيانات</translation>
    </message>
    <message>
        <source>Replicate weights made from the design</source>
        <translation>أوزان تكرار مولَّدة من التصميم</translation>
    </message>
    <message>
        <source>JKn (stratified jackknife)</source>
        <translation>JKn (جاكنايف طبقي)</translation>
    </message>
    <message>
        <source>JK1 (jackknife)</source>
        <translation>JK1 (جاكنايف)</translation>
    </message>
    <message>
        <source>BRR (balanced repeated replication)</source>
        <translation>BRR (التكرار المتوازن المعاد)</translation>
    </message>
    <message>
        <source>Fay's BRR</source>
        <translation>BRR بطريقة Fay</translation>
    </message>
    <message>
        <source>Bootstrap</source>
        <translation>بوتستراب</translation>
    </message>
    <message>
        <source>Successive difference</source>
        <translation>الفروق المتتالية</translation>
    </message>
    <message>
        <source>Other (give scale and rscales)</source>
        <translation>أخرى (أعطِ scale وrscales)</translation>
    </message>
    <message>
        <source>repwt1, repwt2, … or a pattern: ^repwt[0-9]+$</source>
        <translation>repwt1, repwt2, … أو نمط: ^repwt[0-9]+$</translation>
    </message>
    <message>
        <source>The replicate-weight columns of the household dataset: a comma-separated list, or a regular expression matching their names.</source>
        <translation>أعمدة أوزان التكرار في مجموعة بيانات الأسر: قائمة مفصولة بفواصل، أو تعبير نمطي يطابق أسماءها.</translation>
    </message>
    <message>
        <source>type default</source>
        <translation>القيمة الافتراضية للنوع</translation>
    </message>
    <message>
        <source>one per replicate, comma-separated (JKn)</source>
        <translation>قيمة لكل تكرار، مفصولة بفواصل (JKn)</translation>
    </message>
    <message>
        <source>Centre on the full-sample estimate (mse)</source>
        <translation>التمركز حول تقدير العينة الكاملة (mse)</translation>
    </message>
    <message>
        <source>Columns are weights (not multipliers)</source>
        <translation>الأعمدة أوزان (وليست مضاعِفات)</translation>
    </message>
    <message>
        <source>Variance:</source>
        <translation>التباين:</translation>
    </message>
    <message>
        <source>Replicate type:</source>
        <translation>نوع التكرار:</translation>
    </message>
    <message>
        <source>Replicate columns:</source>
        <translation>أعمدة التكرار:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>المقياس:</translation>
    </message>
    <message>
        <source>Replicate scales:</source>
        <translation>مقاييس التكرارات:</translation>
    </message>
    <message>
        <source>Fay's rho:</source>
        <translation>rho لطريقة Fay:</translation>
    </message>
    <message>
        <source>Bootstrap replicates:</source>
        <translation>تكرارات البوتستراب:</translation>
    </message>
    <message>
        <source>Random seed:</source>
        <translation>البذرة العشوائية:</translation>
    </message>
</context>
<context>
    <name>VaultMenu</name>
    <message>
        <source>Vault &amp;information</source>
        <translation>&amp;معلومات الخزنة</translation>
    </message>
    <message>
        <source>Check &amp;integrity</source>
        <translation>فحص ال&amp;سلامة</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;نسخ احتياطي…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;استعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>تغيير &amp;عبارة المرور…</translation>
    </message>
    <message>
        <source>Rotate the &amp;key…</source>
        <translation>تجديد ال&amp;مفتاح…</translation>
    </message>
    <message>
        <source>&amp;Close vault</source>
        <translation>إ&amp;غلاق الخزنة</translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation>ملف الخزنة</translation>
    </message>
    <message>
        <source>Key header</source>
        <translation>ترويسة المفتاح</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئت في</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 بايت</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>التشفير</translation>
    </message>
    <message>
        <source>Key protection</source>
        <translation>حماية المفتاح</translation>
    </message>
    <message>
        <source>Argon2id, %1 KiB, %2 passes</source>
        <translation>Argon2id، %1 كيلوبايت، %2 تمريرات</translation>
    </message>
    <message>
        <source>Remembered on this computer</source>
        <translation>محفوظ على هذا الحاسوب</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>The key protection is below the recommended cost: change the passphrase to upgrade it.</source>
        <translation>حماية المفتاح أقل من الكلفة الموصى بها: غيّر عبارة المرور لتقويتها.</translation>
    </message>
    <message>
        <source>Vault information</source>
        <translation>معلومات الخزنة</translation>
    </message>
    <message>
        <source>Checking every page of the vault…</source>
        <translation>جارٍ فحص كل صفحة في الخزنة…</translation>
    </message>
    <message>
        <source>Every page is authentic and the database structure is sound.</source>
        <translation>كل صفحة أصلية وبنية قاعدة البيانات سليمة.</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>فحص السلامة</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found. Restore the latest backup (Vault → Restore from a backup…).</source>
        <translation>
            <numerusform>وُجدت %n مشكلة. استعد آخر نسخة احتياطية (الخزنة ← استعادة من نسخة احتياطية…).</numerusform>
            <numerusform>وُجدت مشكلة واحدة (%n). استعد آخر نسخة احتياطية (الخزنة ← استعادة من نسخة احتياطية…).</numerusform>
            <numerusform>وُجدت مشكلتان (%n). استعد آخر نسخة احتياطية (الخزنة ← استعادة من نسخة احتياطية…).</numerusform>
            <numerusform>وُجدت %n مشكلات. استعد آخر نسخة احتياطية (الخزنة ← استعادة من نسخة احتياطية…).</numerusform>
            <numerusform>وُجدت %n مشكلة. استعد آخر نسخة احتياطية (الخزنة ← استعادة من نسخة احتياطية…).</numerusform>
            <numerusform>وُجدت %n مشكلة. استعد آخر نسخة احتياطية (الخزنة ← استعادة من نسخة احتياطية…).</numerusform>
        </translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>نسخ الخزنة احتياطياً</translation>
    </message>
    <message>
        <source>Writing the encrypted backup…</source>
        <translation>جارٍ كتابة النسخة الاحتياطية المشفرة…</translation>
    </message>
    <message>
        <source>Encrypted backup written to %1. It opens with the vault's passphrase of this moment.</source>
        <translation>كُتبت النسخة الاحتياطية المشفرة في %1. تُفتح بعبارة مرور الخزنة الحالية.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>النسخ الاحتياطي</translation>
    </message>
    <message>
        <source>Passphrase changed. The old passphrase no longer opens this vault.</source>
        <translation>تم تغيير عبارة المرور. لم تعد العبارة القديمة تفتح هذه الخزنة.</translation>
    </message>
    <message>
        <source>Rotate the key</source>
        <translation>تجديد المفتاح</translation>
    </message>
    <message>
        <source>Encrypt every page of %1 under a new random key? This takes a while for a large vault and is done in one step: it completes, or the vault stays as it was. Backups made before keep the old key.</source>
        <translation>هل تريد تشفير كل صفحة من %1 بمفتاح عشوائي جديد؟ يستغرق ذلك وقتاً في الخزنة الكبيرة ويتم في خطوة واحدة: إما أن تكتمل أو تبقى الخزنة كما كانت. تحتفظ النسخ الاحتياطية السابقة بالمفتاح القديم.</translation>
    </message>
    <message>
        <source>Re-encrypting every page…</source>
        <translation>جارٍ إعادة تشفير كل صفحة…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Re-encrypting every page (one step: it completes, or the vault stays as it was)…</source>
        <translation>جارٍ إعادة تشفير كل صفحة (خطوة واحدة: إما أن تكتمل أو تبقى الخزنة كما كانت)…</translation>
    </message>
    <message>
        <source>Data key rotated: every page is now encrypted under a new key.</source>
        <translation>تم تجديد مفتاح البيانات: كل صفحة مشفرة الآن بمفتاح جديد.</translation>
    </message>
    <message>
        <source>Key rotation cancelled; the vault keeps its key.</source>
        <translation>أُلغي تجديد المفتاح؛ تحتفظ الخزنة بمفتاحها.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Datasets</source>
        <extracomment>milliseconds between building two pages in idle time after unlocking (module, class) of each page, in sidebar order</extracomment>
        <translation>مجموعات البيانات</translation>
    </message>
    <message>
        <source>Data checks</source>
        <translation>التحقق من البيانات</translation>
    </message>
    <message>
        <source>Cleaning log</source>
        <translation>سجل التنظيف</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>التحليل</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Data sharing</source>
        <translation>مشاركة البيانات</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
</context>
</TS>