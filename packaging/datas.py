"""The data folders the app needs at run time, relative to the repository root.

Both the PyInstaller spec and the test that guards it read this list; ``workbench.paths`` resolves
them from ``sys._MEIPASS`` in a frozen run, so the layout inside the bundle mirrors the repository.
"""

RUNTIME_DATA = [
    "indicator_library",
    "resources/fonts",
    "resources/translations",
    "resources/sample",
    "resources/plan_templates",
    "resources/icons",
]
