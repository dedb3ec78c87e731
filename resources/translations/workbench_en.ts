<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message numerus="yes">
        <source>%n finding(s) shown</source>
        <translation>
            <numerusform>%n finding shown</numerusform>
            <numerusform>%n findings shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleaningLogModel</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleaningPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) changed</source>
        <translation>
            <numerusform>%n value changed</numerusform>
            <numerusform>%n values changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set missing</source>
        <translation>
            <numerusform>%n set missing</numerusform>
            <numerusform>%n set missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) dropped</source>
        <translation>
            <numerusform>%n record dropped</numerusform>
            <numerusform>%n records dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n category recode(s)</source>
        <translation>
            <numerusform>%n category recode</numerusform>
            <numerusform>%n category recodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undone</source>
        <translation>
            <numerusform>%n undone</numerusform>
            <numerusform>%n undone</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetsPage</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n dropped by the cleaning log)</source>
        <translation>
            <numerusform>(%n dropped by the cleaning log)</numerusform>
            <numerusform>(%n dropped by the cleaning log)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifiersPage</name>
    <message numerus="yes">
        <source>Checked over the whole file: %Ln row(s).</source>
        <translation>
            <numerusform>Checked over the whole file: %Ln row.</numerusform>
            <numerusform>Checked over the whole file: %Ln rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Vault unlocked. It locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>Vault unlocked. It locks itself after %n minute idle.</numerusform>
            <numerusform>Vault unlocked. It locks itself after %n minutes idle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The vault now locks itself after %n minute(s) idle.</source>
        <translation>
            <numerusform>The vault now locks itself after %n minute idle.</numerusform>
            <numerusform>The vault now locks itself after %n minutes idle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the first %Ln row(s) (the whole file is checked later):</source>
        <translation>
            <numerusform>In the first %Ln row (the whole file is checked later):</numerusform>
            <numerusform>In the first %Ln rows (the whole file is checked later):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Too short: use at least %n characters.</numerusform>
            <numerusform>Too short: use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message numerus="yes">
        <source>%n indicator(s)</source>
        <translation>
            <numerusform>%n indicator</numerusform>
            <numerusform>%n indicators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockNotice</name>
    <message numerus="yes">
        <source>A wrong passphrase was typed %n time(s) for this vault since it was last unlocked.</source>
        <translation>
            <numerusform>A wrong passphrase was typed %n time for this vault since it was last unlocked.</numerusform>
            <numerusform>A wrong passphrase was typed %n times for this vault since it was last unlocked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultMenu</name>
    <message numerus="yes">
        <source>%n problem(s) found. Restore the latest backup (Vault → Restore from a backup…).</source>
        <translation>
            <numerusform>%n problem found. Restore the latest backup (Vault → Restore from a backup…).</numerusform>
            <numerusform>%n problems found. Restore the latest backup (Vault → Restore from a backup…).</numerusform>
        </translation>
    </message>
</context>
</TS>