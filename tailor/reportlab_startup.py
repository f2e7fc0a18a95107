"""Start-up shim: reportlab compiles one URL regex at import that a tailor build never uses.

``reportlab.platypus.paragraph`` compiles ``uri_pat`` (about 40 ms on a small machine, a tenth
of a cold build) for hyphenating long URLs (``uriWasteReduce``), which tailor's themes leave
off. :func:`install` adds an import hook that, while that one module is imported, hands back a
pattern object which compiles the regex the first time it is used. reportlab's files on disk are
not changed, the pattern behaves the same (``tests/render/test_reportlab_startup.py``), and any
other regex compiles as usual. Nothing is done when reportlab is already imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import re
import sys
from types import ModuleType
from typing import Any

__all__ = ["LazyPattern", "install"]

_MODULE = "reportlab.platypus.paragraph"
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class LazyPattern:
    """A compiled regex in waiting: compiled on first attribute use (``match``, ``pattern`` ...)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


class _Loader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        real = re.compile

        def compile_lazily(pattern: Any, flags: int = 0) -> Any:
            if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
                return LazyPattern(pattern, flags)
            return real(pattern, flags)

        re.compile = compile_lazily
        try:
            self.inner.exec_module(module)
        finally:
            re.compile = real


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name != _MODULE:
            return None
        sys.meta_path.remove(self)  # once: find the real module with the other finders
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def install() -> None:
    """Add the hook (idempotent); a no-op once reportlab's paragraph module is loaded."""
    if _MODULE in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())
