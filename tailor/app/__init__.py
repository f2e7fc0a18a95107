"""Use cases: each CLI command calls one function here (build, match, batch, rebuild, list, import).

The app layer owns the file system: it reads inputs (through :mod:`tailor.inputs` and
:mod:`tailor.posting`), runs the pipeline (matching, layout, documents, render) and writes results
(through :mod:`tailor.writing`).
"""
