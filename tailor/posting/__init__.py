"""Read a job posting (text, Markdown, HTML or PDF) into a :class:`JobPosting`.

The one public entry point is :func:`read_posting`. The work is split into
small steps, one module each:

* :mod:`~tailor.posting.sources` loads the file and decides its format;
* :mod:`~tailor.posting.front_matter` reads optional YAML front matter;
* :mod:`~tailor.posting.html_text` and :mod:`~tailor.posting.jsonld` turn
  HTML into Markdown-ish text and read embedded JSON-LD;
* :mod:`~tailor.posting.header` takes the title block off the top;
* :mod:`~tailor.posting.lines` (with :mod:`~tailor.posting.inline` and
  :mod:`~tailor.posting.headings`) cleans the text line by line;
* :mod:`~tailor.posting.dedupe` removes repeated blocks;
* :mod:`~tailor.posting.infer` guesses the company from the text;
* :mod:`~tailor.posting.sections` and :mod:`~tailor.posting.classify` split
  the posting into weighted sections.
"""

from __future__ import annotations

import re
from pathlib import Path

from tailor.models.job import JobPosting
from tailor.posting.assemble import Facts, assemble
from tailor.posting.front_matter import split_front_matter
from tailor.posting.jsonld import JobFacts, find_job_posting
from tailor.posting.sources import STDIN, load_source, sniff_format

__all__ = ["read_posting"]

_TAG = re.compile(r"<[A-Za-z/!]")


def _html_body(markup: str) -> tuple[str, JobFacts | None]:
    """The Markdown-ish text of an HTML posting, preferring the JSON-LD description."""
    from tailor.posting.html_text import html_to_text  # only HTML postings need the HTML parser

    page = html_to_text(markup)
    facts = find_job_posting(page.json_ld)
    if facts is None or facts.description is None:
        return page.text, facts
    description = facts.description
    if _TAG.search(description):
        return html_to_text(description).text, facts
    return description, facts


def read_posting(
    source: str | Path,
    *,
    text: str | None = None,
    company: str | None = None,
    role: str | None = None,
) -> JobPosting:
    """Read a job posting into a :class:`JobPosting`.

    Args:
        source: Path to a .txt, .md, .html, .htm or .pdf file (other or no
            suffix: the content is sniffed), or "-" when ``text`` holds what
            the caller read from standard input.
        text: The standard input content; only used when ``source`` is "-".
        company: The company name; overrides the front matter and inference.
        role: The role (job title); overrides the front matter and inference.

    Returns:
        The posting: clean plain text, company/role (with where each came
        from), location, contact, url and weighted sections.

    Raises:
        PostingError: If the posting cannot be read, its front matter is
            invalid, or it holds no text.
    """
    loaded = load_source(source, text)
    front = split_front_matter(loaded.text, loaded.label) if loaded.format != "pdf" else None
    body = front.body if front is not None else loaded.text
    json_ld: JobFacts | None = None
    if (loaded.format or sniff_format(body)) == "html":
        body, json_ld = _html_body(body)
    where = STDIN if str(source) == STDIN else str(source)
    values = front.values if front is not None else {}
    rules = front.rules if front is not None else {}
    job = assemble(body, Facts(loaded.label, where, values, json_ld, company=company, role=role, rules=rules))
    return job if loaded.note is None else job.model_copy(update={"notes": (*job.notes, loaded.note)})
