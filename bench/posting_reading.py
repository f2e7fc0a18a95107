"""How well tailor reads real postings, against labels a person gave each line.

Labels live in ``bench/posting_labels/<posting>.yaml`` (one kind per line, by meaning, written
without looking at tailor's reader; line ids come from the neutral splitter in
``bench/posting_lines.py``) and ``bench/posting_labels/_facts.yaml`` (company and role of the
postings without line labels). Postings are read from ../shared/jobs (outside the repository;
the text belongs to the employers).

    python bench/posting_reading.py          # one row per posting, then the totals

Measures:

* requirement recall: of the lines labelled required, preferred or responsibility, the share
  that tailor turned into a requirement unit;
* requirement precision: of tailor's units, the share that are such lines;
* line accuracy: of all labelled lines except titles and headings, the share whose kind tailor
  gives the same (its unit's kind, else its section's kind; "other" with weight 0 = negative);
* company and role: right when equal (case, punctuation and "&"/"and" aside) to the label or
  one of its accepted spellings; a missing value is right only when the label is null too.

A tailor line is matched to a labelled line when they share at least 80% of the shorter one's
words (scrapers split and join lines, so exact text is not expected).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from posting_lines import label_lines

from tailor.models.job import JobPosting
from tailor.posting import read_posting

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "bench" / "posting_labels"
JOBS = REPO.parent / "shared" / "jobs"
REQUIREMENT_KINDS = frozenset({"required", "preferred", "responsibility"})
UNSCORED_KINDS = frozenset({"title", "heading"})
MIN_SHARED = 0.8
_WORD = re.compile(r"[0-9a-z]+")


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def same_lines(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= min(2, len(a), len(b)) and shared / min(len(a), len(b)) >= MIN_SHARED


def same_name(found: str | None, truth: str | None, accept: list[str] | None) -> bool:
    def key(text: str) -> str:
        return re.sub(r"[^0-9a-z]+", "", text.casefold().replace("&", " and "))

    if truth is None:
        return found is None
    return found is not None and key(found) in {key(t) for t in [truth, *(accept or [])]}


@dataclass
class Row:
    name: str
    labelled: int = 0
    wanted: int = 0
    recalled: int = 0
    units: int = 0
    right_units: int = 0
    scored: int = 0
    agreed: int = 0
    company: bool = False
    role: bool = False


def _tailor_kinds(job: JobPosting) -> list[tuple[frozenset[str], str, bool]]:
    """Every line tailor read: its words, its kind in the labels' terms, and whether it is a unit."""
    units = {u.text for u in job.requirements}
    unit_kind = {u.text: u.kind for u in job.requirements}
    out = []
    for section in job.sections:
        for line in section.lines:
            kind: str = unit_kind.get(line, section.kind)
            if section.weight == 0 and kind == "other":
                kind = "negative"
            out.append((words(line), "responsibility" if kind == "responsibilities" else kind, line in units))
    return out


def score(path: Path, facts: dict[str, Any]) -> Row:
    job = read_posting(path)
    row = Row(path.stem)
    row.company = same_name(job.company, facts.get("company"), facts.get("company_accept"))
    row.role = same_name(job.role, facts.get("role"), facts.get("role_accept"))
    labels = facts.get("lines")
    if not labels:
        return row
    read = _tailor_kinds(job)
    unit_words = [w for w, _, unit in read if unit]
    wanted_words = []
    for line in label_lines(path):
        kind = labels[line.id]
        row.labelled += 1
        mine = words(line.text)
        if kind in REQUIREMENT_KINDS:
            row.wanted += 1
            wanted_words.append(mine)
            row.recalled += any(same_lines(mine, u) for u in unit_words)
        if kind in UNSCORED_KINDS:
            continue
        row.scored += 1
        found = [k for w, k, _ in read if same_lines(mine, w)]
        row.agreed += kind in found[:1] or (kind in REQUIREMENT_KINDS and bool(found) and found[0] in kind)
    row.units = len(unit_words)
    row.right_units = sum(any(same_lines(u, w) for w in wanted_words) for u in unit_words)
    return row


def _truth() -> dict[str, dict[str, Any]]:
    truth: dict[str, dict[str, Any]] = yaml.safe_load((LABELS / "_facts.yaml").read_text(encoding="utf-8"))
    for path in sorted(LABELS.glob("[0-9]*.yaml")):
        truth[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return truth


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def main() -> int:
    if not JOBS.is_dir():
        print(f"{JOBS} is not present: nothing to measure")
        return 1
    truth = _truth()
    postings = sorted(p for p in JOBS.iterdir() if p.stem[:1].isdigit())
    rows = [score(p, truth.get(p.stem, {})) for p in postings]
    print(f"{'posting':44} {'recall':>7} {'precis':>7} {'lines':>7}  company role")
    for r in rows:
        mark = "ok" if r.company else "WRONG"
        role = "ok" if r.role else "WRONG"
        recall, precision = _pct(r.recalled, r.wanted), _pct(r.right_units, r.units)
        print(f"{r.name[:44]:44} {recall:>7} {precision:>7} {_pct(r.agreed, r.scored):>7}  {mark:7} {role}")
    labelled = [r for r in rows if r.labelled]
    total = {
        "labelled postings": len(labelled),
        "labelled lines": sum(r.labelled for r in labelled),
        "requirement recall": _pct(sum(r.recalled for r in labelled), sum(r.wanted for r in labelled)),
        "requirement precision": _pct(sum(r.right_units for r in labelled), sum(r.units for r in labelled)),
        "line accuracy": _pct(sum(r.agreed for r in labelled), sum(r.scored for r in labelled)),
        f"company right (of {len(rows)})": _pct(sum(r.company for r in rows), len(rows)),
        f"role right (of {len(rows)})": _pct(sum(r.role for r in rows), len(rows)),
    }
    print()
    for key, value in total.items():
        print(f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
