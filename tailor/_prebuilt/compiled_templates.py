"""Jinja templates compiled ahead of time, looked up by their source.

Compiling a template (lexing, parsing, generating Python) costs more than
rendering it, and the built-in templates never change between runs: the Word
templates' XML as docxtpl hands it to Jinja, and the letter templates. Their
generated Python is kept in ``tailor/data/compiled_templates.json`` (made by
``python -m tailor._prebuilt``), by the SHA-256 of the source and the kind of
environment that compiles it. Any other source, or a different Jinja version,
is compiled as usual, so a stale table only costs time.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

__all__ = ["PREBUILT", "prebuilt", "prebuilt_json"]

PREBUILT = "compiled_templates.json"
"""The table's file name in ``tailor/data``."""


def _key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    """Generated code by kind of environment and source digest ({} when unusable)."""
    import jinja2

    try:
        record = json.loads(resources.files("tailor.data").joinpath(PREBUILT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("jinja2") != jinja2.__version__:
        return {}
    templates: dict[str, dict[str, str]] = record.get("templates", {})
    return templates


def prebuilt(env: Any, kind: str, source: str) -> Any:
    """What ``env.from_string(source)`` returns, from code compiled ahead of time; None if there is none.

    Args:
        env: The Jinja environment; it must be configured as the one that made the
            table's entries of this ``kind``.
        kind: Names that configuration (e.g. ``docx``).
        source: The template source.
    """
    code = _table().get(kind, {}).get(_key(source))
    if code is None:
        return None
    # What Environment.from_string does once it has generated the code.
    compiled = compile(code, "<template>", "exec")
    return env.template_class.from_code(env, compiled, env.make_globals(None), None)


def prebuilt_json(sources: Mapping[str, tuple[Any, Iterable[str]]]) -> str:
    """The table's JSON for ``sources``: by kind, the environment that compiles them and the sources."""
    import jinja2

    templates = {
        kind: {_key(source): env.compile(source, raw=True) for source in sorted(set(texts))}
        for kind, (env, texts) in sources.items()
    }
    record = {"jinja2": jinja2.__version__, "templates": templates}
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
