"""The start-up shim defers reportlab's URL regex and changes nothing else (issue #22)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tailor.reportlab_startup import LazyPattern


def test_a_lazy_pattern_matches_as_the_compiled_one() -> None:
    import re

    source = r"(^(?:[a-z0-9\.\-\+]*)://)\S+"
    lazy, real = LazyPattern(source, re.I), re.compile(source, re.I)
    for text in ("https://example.com/a", "HTTP://X.Y", "not a url"):
        assert bool(lazy.match(text)) == bool(real.match(text))
    assert lazy.pattern == real.pattern


def test_the_hook_defers_only_the_uri_pattern_in_a_fresh_process() -> None:
    script = textwrap.dedent(
        """
        import re, sys
        from tailor import reportlab_startup
        reportlab_startup.install()
        import reportlab.platypus.paragraph as paragraph
        assert type(paragraph.uri_pat).__name__ == "LazyPattern", type(paragraph.uri_pat)
        assert isinstance(paragraph._hy_letters_pat, re.Pattern)
        assert re.compile("a") is not None and isinstance(re.compile("b"), re.Pattern)
        assert paragraph.uri_pat.match("https://example.com/path") is not None
        assert paragraph.uri_pat.match("no scheme here") is None
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr
