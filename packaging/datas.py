"""The data folders the app needs at run time, relative to the repository root.

Both the PyInstaller spec and the test that guards it read these lists; ``workbench.paths``
resolves RUNTIME_DATA from ``sys._MEIPASS`` in a frozen run, so the layout inside the bundle
mirrors the repository. PACKAGE_DATA are data files inside the Python packages, read relative to
their module (``Path(__file__).parent / ...``); they are bundled at the same place, next to where
the frozen module's ``__file__`` points.
"""

RUNTIME_DATA = [
    "indicator_library",
    "resources/fonts",
    "resources/translations",
    "resources/help",
    "resources/sample",
    "resources/plan_templates",
    "resources/icons",
]

PACKAGE_DATA = [
    "workbench/reporting/i18n",  # report strings, read by workbench/reporting/i18n.py
    "workbench/i18n",  # the message registry (errors, hints, findings): workbench/messages.py
    "workbench/plan/suggest_data",  # auto-suggest's word data: workbench/plan/suggest_words.py
]
