"""Freedonia: the bundled synthetic IDP profiling survey (generator, codebook, writers).

Public API::

    from workbench.sample import generate, write_bundle, FreedoniaSample, codebook

    sample = generate(households=3000, seed=20261122)   # deterministic
    sample.household, sample.individuals                 # pandas frames (codebook columns)
    sample.variables["household"]["safe_walk"]           # workbench.dataset_model.Variable
    sample.truth                                         # the content of truth.json
    write_bundle(Path("out"), formats=("csv",))          # or all formats (the default)
"""

from __future__ import annotations

from workbench.sample import codebook
from workbench.sample.bundle import FORMATS, bundle_files, write_bundle, write_sample
from workbench.sample.generate import DEFAULT_HOUSEHOLDS, DEFAULT_SEED, FreedoniaSample, generate

__all__ = [
    "DEFAULT_HOUSEHOLDS",
    "DEFAULT_SEED",
    "FORMATS",
    "FreedoniaSample",
    "bundle_files",
    "codebook",
    "generate",
    "write_bundle",
    "write_sample",
]
