"""Field accuracy of ``tailor import`` on real CVs, per format (issue #20).

The development set is ``bench/import_set/<id>/``: a real public CV as published (``source.md``,
``.txt`` or ``.json``), its structure labelled by hand (``truth.yaml``), and Word and PDF versions
made from it by ``bench/import_variants.py`` (``variants/cv.docx``, ``cv-word.pdf``,
``cv-latex.pdf``, ``cv-2col.pdf``).

Each imported role is paired with a labelled one (greedily, by title, organisation, dates and shared
bullets); then, over all labelled roles of a format:

- titles, organisations: the paired role's field equals the label (case, spacing and punctuation aside);
- dates: start and end each equal the label (two per role);
- bullets: a labelled bullet is found (90% similar) in the paired role, not elsewhere or nowhere;
- education: a labelled entry has an imported entry with its institution and degree words;
- unplaced: characters under ``unplaced:`` as a share of the source's characters.

    .venv/bin/python bench/import_accuracy.py            # the table
    .venv/bin/python bench/import_accuracy.py --detail   # every miss, per CV
    .venv/bin/python bench/import_accuracy.py bench/import_heldout   # another labelled set
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent
SET = ROOT / "import_set"
sys.path.insert(0, str(ROOT.parent))

VARIANTS = {
    "docx": "variants/cv.docx",
    "pdf (Word)": "variants/cv-word.pdf",
    "pdf (LaTeX-style)": "variants/cv-latex.pdf",
    "pdf (two-column)": "variants/cv-2col.pdf",
}
FIELDS = ("titles", "organisations", "dates", "bullets", "education")


def norm(text: Any) -> str:
    text = unicodedata.normalize("NFKC", str(text or "")).lower().replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def similar(a: str | None, b: str | None) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return a == b  # both missing (a role with no employer written) counts as right
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}


def date_value(value: Any) -> str | None:
    """A date as YYYY-MM, YYYY or "present", whatever way it is written ("Jun 2017", "06/2017")."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in {"present", "now", "current", "today", "ongoing"}:
        return "present"
    if iso := re.fullmatch(r"((?:19|20)\d{2})-(\d{2})(?:-\d{2})?", text):  # a day is more than asked
        return f"{iso.group(1)}-{iso.group(2)}"
    year = re.search(r"\b(19|20)\d{2}\b", text)
    if not year:
        return text
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", text)
    number = re.fullmatch(r"(\d{1,2})[/.-](\d{4})|(\d{4})[/.-](\d{1,2})", text)
    if month:
        return f"{year.group()}-{_MONTHS[month.group(1)]:02d}"
    if number:
        value = number.group(1) or number.group(4)
        return f"{year.group()}-{int(value):02d}"
    return year.group()


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unplaced_chars: int = 0
    source_chars: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for key in FIELDS:
            self.right[key] += other.right[key]
            self.total[key] += other.total[key]
        self.unplaced_chars += other.unplaced_chars
        self.source_chars += other.source_chars
        self.misses += other.misses

    def share(self, key: str) -> str:
        total = self.total[key]
        return f"{100 * self.right[key] / total:.0f}% ({self.right[key]}/{total})" if total else "-"


def _bullets(role: dict[str, Any]) -> list[str]:
    out = [role["description"]] if role.get("description") else []
    for bullet in role.get("bullets") or []:
        out.append(bullet["text"] if isinstance(bullet, dict) else str(bullet))
    return out


def _pair_score(truth: dict[str, Any], got: dict[str, Any]) -> float:
    score = 2.0 * similar(truth.get("title"), got.get("title"))
    score += 2.0 * similar(truth.get("organisation"), got.get("organisation"))
    score += date_value(truth.get("start")) == date_value(got.get("start"))
    score += date_value(truth.get("end")) == date_value(got.get("end"))
    mine = _bullets(got)
    score += sum(any(similar(b, m) for m in mine) for b in truth.get("bullets") or []) / max(
        1, len(truth.get("bullets") or [])
    )
    return score


def _pairs(wanted: list[dict[str, Any]], roles: list[dict[str, Any]]) -> dict[int, int]:
    """Labelled role index -> imported role index, best pairs first, each used once."""
    candidates = sorted(
        ((_pair_score(t, g), i, j) for i, t in enumerate(wanted) for j, g in enumerate(roles)), reverse=True
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for value, i, j in candidates:
        if value >= 1 and i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _score_role(score: Score, want: dict[str, Any], got: dict[str, Any], where: str) -> None:
    checks = {
        "titles": [similar(want.get("title"), got.get("title"))],
        "organisations": [similar(want.get("organisation"), got.get("organisation"))],
        "dates": [
            date_value(want.get("start")) == date_value(got.get("start")),
            date_value(want.get("end")) == date_value(got.get("end")),
        ],
    }
    for key, results in checks.items():
        score.total[key] += len(results)
        score.right[key] += sum(results)
        if not all(results):
            shown = {"titles": "title", "organisations": "organisation"}.get(key)
            if shown:
                detail = f"{want.get(shown)!r} -> {got.get(shown)!r}"
            else:
                detail = f"{want.get('start')}–{want.get('end')} -> {got.get('start')}–{got.get('end')}"
            score.misses.append(f"{where} {key}: {detail}")
    mine = _bullets(got)
    for bullet in want.get("bullets") or []:
        score.total["bullets"] += 1
        if any(similar(bullet, m) for m in mine):
            score.right["bullets"] += 1
        else:
            score.misses.append(f"{where} bullet not in its role: {bullet[:60]!r}")


def _score_education(score: Score, want: dict[str, Any], entries: list[dict[str, Any]], label: str) -> None:
    score.total["education"] += 1
    words = set(norm(want.get("degree")).split())
    for got in entries:
        theirs = set(
            norm(" ".join(str(got.get(k) or "") for k in ("degree", "field", "institution"))).split()
        )
        place = similar(want.get("institution"), got.get("institution")) or not want.get("institution")
        if (place or norm(want.get("institution")) in norm(got.get("institution"))) and len(
            words & theirs
        ) >= 0.8 * len(words):
            score.right["education"] += 1
            return
    score.misses.append(f"{label}: education {want.get('degree')!r} at {want.get('institution')!r} not found")


def score_profile(truth: dict[str, Any], profile: dict[str, Any], source_chars: int, label: str) -> Score:
    score = Score(source_chars=source_chars)
    roles = [r for key in ("experience", "teaching", "volunteering") for r in profile.get(key) or []]
    wanted = truth.get("roles") or []
    pairs = _pairs(wanted, roles)
    for i, want in enumerate(wanted):
        _score_role(score, want, roles[pairs[i]] if i in pairs else {}, f"{label}: role {i + 1}")
    for want in truth.get("education") or []:
        _score_education(score, want, profile.get("education") or [], label)
    score.unplaced_chars = sum(len(str(text)) for text in profile.get("unplaced") or [])
    return score


def import_profile(path: Path) -> dict[str, Any]:
    from tailor.importing import import_cv

    result = import_cv(path.read_bytes(), path.name, "Unknown Person")
    loaded: dict[str, Any] = yaml.safe_load(result.yaml)
    return loaded


def source_kind(folder: Path) -> tuple[str, Path]:
    (source,) = folder.glob("source.*")
    return {".md": "markdown", ".txt": "text", ".json": "JSON Resume"}[source.suffix], source


def run(detail: bool = False, labelled: Path = SET) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for folder in sorted(p for p in labelled.iterdir() if (p / "truth.yaml").is_file()):
        truth = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))
        kind, source = source_kind(folder)
        inputs = [(kind, source)] + [
            (name, folder / rel) for name, rel in VARIANTS.items() if (folder / rel).is_file()
        ]
        for name, path in inputs:
            label = f"{folder.name} [{name}]"
            try:
                profile = import_profile(path)
            except Exception as err:  # a crash counts as nothing found
                profile = {}
                scores[name].misses.append(f"{label}: import failed: {type(err).__name__}: {err}")
            scores[name].add(score_profile(truth, profile, len(source.read_text(encoding="utf-8")), label))
    table = ["| format | " + " | ".join(FIELDS) + " | unplaced |", "| --- |" + " --- |" * (len(FIELDS) + 1)]
    for name in ("markdown", "text", "JSON Resume", *VARIANTS):
        if name in scores:
            s = scores[name]
            unplaced = f"{100 * s.unplaced_chars / s.source_chars:.1f}%" if s.source_chars else "-"
            table.append(f"| {name} | " + " | ".join(s.share(k) for k in FIELDS) + f" | {unplaced} |")
    print("\n".join(table))
    if detail:
        for name, s in scores.items():
            print(f"\n## {name}")
            print("\n".join(s.misses))
    return scores


if __name__ == "__main__":
    folders = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    run(detail="--detail" in sys.argv, labelled=Path(folders[0]) if folders else SET)
