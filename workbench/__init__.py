"""Durable Solutions Workbench — the pure core (no Qt, no pyplot).

Everything the desktop app can do goes through :class:`workbench.service.Workbench`.
"""

__version__ = "0.1.0"
