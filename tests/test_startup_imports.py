"""The modules a CV-only PDF build imports (issue #22): a stray import shows up here.

The build runs in a fresh interpreter through the CLI's entry point. The set of tailor modules is a
snapshot (update it deliberately with ``pytest --snapshot-update`` and look at the diff); the
libraries that only Word output, imports or letters need must stay out of a CV-only PDF build.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from syrupy.assertion import SnapshotAssertion

ROOT = Path(__file__).resolve().parents[1]
NOT_FOR_A_PDF_CV = ("docx", "docxtpl", "jinja2", "lxml", "pypdf", "rich", "hypothesis")


def _imported(tmp_path: Path) -> list[str]:
    script = textwrap.dedent(
        f"""
        import json, sys
        sys.argv = ["tailor", "build", "profiles/eric-kim.yaml", "profiles/postings/northwind-ml-engineer.md",
                    "--out", {str(tmp_path / "out")!r}, "--docs", "cv", "--format", "pdf"]
        from tailor import cli
        try:
            cli.main()
        except SystemExit as done:
            assert not done.code, done.code
        print(json.dumps(sorted(sys.modules)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_cv_only_pdf_build_imports_what_it_needs(tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    modules = _imported(tmp_path)
    tops = {name.split(".")[0] for name in modules}
    assert not tops.intersection(NOT_FOR_A_PDF_CV), sorted(tops.intersection(NOT_FOR_A_PDF_CV))
    assert [name for name in modules if name == "tailor" or name.startswith("tailor.")] == snapshot
