"""A bullet's own wordings (``variants``) chosen end to end, through ``pipeline.match`` (issue #23).

best: the wording that matches the posting best; original: always the bullet's text; shortest:
the shortest one; and with ``best``, the page fitter switches to a shorter wording the person
wrote when the page is tight and nothing may be dropped (every bullet pinned).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tailor.app.pipeline import match
from tailor.app.posting_input import PostingInput
from tailor.app.tailoring import RuleOptions

POSTING = """---
company: Northwind
role: Computer Vision Engineer
---
# Computer Vision Engineer

## Requirements
- Experience training object detection models in PyTorch
- Experience with Kubernetes
"""

LONG = "Worked with several teams across the company on many internal projects of varied scope and size"


def _profile(folder: Path, bullets: int = 1, pin: bool = False) -> Path:
    lines = [
        "person:\n  name: Jo Doe\n  email: jo@example.com",
        "experience:\n  - id: acme\n    title: Engineer\n    organisation: Acme",
        "    start: 2020\n    end: present",
        "    bullets:",
        "      - text: Improved the company's image pipeline for product photos",
        "        variants:",
        "          vision: Trained object detection models in PyTorch for product photos",
        "          short: Improved the image pipeline",
    ]
    for number in range(bullets - 1):
        lines += [
            f"      - text: {LONG}, part {number} of a long list of things done over the years there",
            f"        variants: {{short: Shipped part {number}}}",
            f"        pin: {str(pin).lower()}",
        ]
    path = folder / "jo.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _bullets(
    folder: Path, rules: str = "", bullets: int = 1, pin: bool = False
) -> list[tuple[str | None, str]]:
    posting = folder / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    options = RuleOptions()
    if rules:
        (folder / "rules.yaml").write_text(rules, encoding="utf-8")
        options = RuleOptions(file=folder / "rules.yaml")
    outcome = match(
        _profile(folder, bullets, pin), PostingInput(str(posting)), today=dt.date(2026, 12, 1), rules=options
    )
    return [(b.variant, b.text) for b in outcome.selection.cv.selected_bullets()]


def test_best_takes_the_wording_that_answers_the_posting(tmp_path: Path) -> None:
    assert _bullets(tmp_path)[0] == (
        "vision",
        "Trained object detection models in PyTorch for product photos",
    )


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("original", (None, "Improved the company's image pipeline for product photos")),
        ("shortest", ("short", "Improved the image pipeline")),
    ],
)
def test_original_and_shortest(tmp_path: Path, rule: str, expected: tuple[str | None, str]) -> None:
    assert _bullets(tmp_path, f"variants: {rule}\n")[0] == expected


def test_a_tight_page_switches_pinned_bullets_to_their_shorter_wording(tmp_path: Path) -> None:
    chosen = _bullets(tmp_path, "pages: 1\n", bullets=60, pin=True)
    shortened = [text for name, text in chosen if name == "short" and text.startswith("Shipped part")]
    assert shortened, "no bullet switched to its shorter wording"
    pinned = [text for _, text in chosen if text.startswith(("Shipped part", LONG))]
    assert len(pinned) == 59  # every pinned bullet kept (the one unpinned bullet may go)
