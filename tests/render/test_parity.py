"""PDF/Word parity on a machine without tailor's fonts: LibreOffice's PDF of each DOCX has tailor's
page count, its links, and its words in the same order.

The Word files carry their fonts (see :mod:`tailor.render.docx_fonts`), so LibreOffice must not
need Source Sans 3 or Gentium Book Plus installed. The test gives it a private fontconfig file
with the system's fonts only (and checks that the bundled families are not among them) and a
private user profile, so it neither depends on nor changes the machine's set-up. Every theme x
example profile x the example posting and two development postings, for the CV, the cover letter
and the answer sheet. CI installs LibreOffice (``libreoffice-writer-nogui``); without it the test
is skipped.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tailor.app.pipeline import BuildRequest, build
from tailor.app.posting_input import PostingInput
from tailor.inputs.themes import list_themes
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, SHARED_JOBS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

THEMES = tuple(info.name for info in list_themes())
POSTINGS = {
    "example": EXAMPLE_POSTING,
    "benchsci": SHARED_JOBS / "04-benchsci-senior-ml-engineer-knowledge-enrichment-graph.txt",
    "data-engineer": SHARED_JOBS / "29-senior-data-engineer-112274.txt",
}
DOCS = ("cv", "letter", "answers")
CASES = [
    (theme, name, posting)
    for theme in THEMES
    for name in EXAMPLE_PROFILES
    for posting, path in POSTINGS.items()
    if path.is_file()
]


def _uris(reader: PdfReader) -> set[str]:
    annots = (a.get_object() for page in reader.pages for a in page.get("/Annots", []))
    return {a["/A"]["/URI"] for a in annots if "/A" in a and "/URI" in a["/A"]}


def _words(pdf: bytes | Path, name: str) -> list[str]:
    """The words in reading order, as a reader's copy would compare them: case, hyphens at line
    ends ("on-\\npar"), page footers and the name repeated atop later pages aside."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    text = re.sub(r"page \d+ of \d+", " ", text, flags=re.IGNORECASE)
    tokens = [
        re.sub(r"[-+]", "", t.lower()) for t in re.findall(r"[\w'’+#.@/-]+", text) if re.search(r"\w", t)
    ]
    tokens = [t for t in tokens if t]
    head = [re.sub(r"[-+]", "", t.lower()) for t in re.findall(r"[\w'’+#.@/-]+", name)]
    out: list[str] = []
    seen, index = False, 0
    while index < len(tokens):
        if tokens[index : index + len(head)] == head:
            if seen:
                index += len(head)
                continue
            seen = True
        out.append(tokens[index])
        index += 1
    return out


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    """Every case's output folder; LibreOffice's PDFs of its DOCX files are in ``<folder>/lo``."""
    work = tmp_path_factory.mktemp("parity")
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<cachedir>{work / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    if shutil.which("fc-list"):
        families = subprocess.run(["fc-list", ":", "family"], env=env, capture_output=True, text=True).stdout
        if "Gentium Book Plus" in families or "Source Sans 3" in families:
            pytest.skip("tailor's fonts are installed system-wide: this test needs a machine without them")
    folders: dict[tuple[str, str, str], Path] = {}
    inputs = work / "docx"
    inputs.mkdir()
    for theme, name, posting in CASES:
        out = work / f"{theme}-{Path(name).stem}-{posting}"
        request = BuildRequest(
            PROFILES / name,
            PostingInput(str(POSTINGS[posting])),
            dt.date(2026, 11, 21),
            out=out,
            formats=("pdf", "docx"),
            theme=theme,
            docs=DOCS,
        )
        build(request)
        folders[theme, name, posting] = out
        for doc in DOCS:
            shutil.copy(out / f"{doc}.docx", inputs / f"{out.name}-{doc}.docx")
    assert SOFFICE is not None
    command = [
        SOFFICE,
        f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo"),
        *sorted(str(path) for path in inputs.glob("*.docx")),
    ]
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=600)
    for out in folders.values():
        (out / "lo").mkdir()
        for doc in DOCS:
            shutil.move(work / "lo" / f"{out.name}-{doc}.pdf", out / "lo" / f"{doc}.pdf")
    return folders


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize(("theme", "name", "posting"), CASES)
def test_word_output_without_the_fonts_installed_matches_the_pdf(
    converted: dict[tuple[str, str, str], Path], theme: str, name: str, posting: str, doc: str
) -> None:
    folder = converted[theme, name, posting]
    ours, office = PdfReader(folder / f"{doc}.pdf"), PdfReader(folder / "lo" / f"{doc}.pdf")
    fonts = {
        str(font.get("/BaseFont", ""))
        for page in office.pages
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values()
    }
    assert any("Gentium" in font or "SourceSans" in font for font in fonts), fonts  # the embedded ones
    assert len(office.pages) == len(ours.pages)
    assert _uris(office) == _uris(ours)
    from tailor.inputs.loading import load_profile

    person = load_profile(PROFILES / name).person.name
    # Joined without spaces: a word broken at a line's hyphen ("transformer-/based") is one word.
    assert "".join(_words(folder / "lo" / f"{doc}.pdf", person)) == "".join(
        _words(folder / f"{doc}.pdf", person)
    )


@pytest.fixture(scope="module")
def fitted_and_restyled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A CV the fit had to tighten (every bullet pinned) in two themes, and one in an edited copy
    of a theme (accent, body size, margins, another font family): tailor's PDF and LibreOffice's."""
    import yaml

    from tests.render.test_word_template import _edited_theme

    work = tmp_path_factory.mktemp("parity-fit")
    data = yaml.safe_load((PROFILES / "eric-kim.yaml").read_text(encoding="utf-8"))
    for role in data["experience"]:
        role["bullets"] = [{**bullet, "pin": True} for bullet in role["bullets"]]
    data["projects"] = [{**project, "pin": True} for project in data["projects"]]
    pinned = work / "pinned.yaml"
    pinned.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    cases = {
        "classic-fitted": (pinned, "classic"),
        "modern-fitted": (pinned, "modern"),
        "restyled": (PROFILES / "eric-kim.yaml", str(_edited_theme(work / "mytheme"))),
    }
    inputs = work / "docx"
    inputs.mkdir()
    for name, (profile, theme) in cases.items():
        request = BuildRequest(
            profile,
            PostingInput(str(EXAMPLE_POSTING)),
            dt.date(2026, 11, 21),
            out=work / name,
            formats=("pdf", "docx"),
            theme=theme,
            docs=("cv",),
        )
        build(request)
        shutil.copy(work / name / "cv.docx", inputs / f"{name}.docx")
    assert SOFFICE is not None
    command = [
        SOFFICE,
        f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo"),
        *sorted(str(path) for path in inputs.glob("*.docx")),
    ]
    subprocess.run(command, capture_output=True, check=True, timeout=300)
    return {name: work / name for name in cases}


@pytest.mark.parametrize("name", ["classic-fitted", "modern-fitted", "restyled"])
def test_the_fit_and_a_theme_edit_reach_the_word_file(
    fitted_and_restyled: dict[str, Path], name: str
) -> None:
    import json

    folder = fitted_and_restyled[name]
    if name.endswith("fitted"):
        assert json.loads((folder / "match.json").read_text())["cv"]["squeeze"] > 0
    ours = PdfReader(folder / "cv.pdf")
    office = PdfReader(folder.parent / "lo" / f"{name}.pdf")
    assert len(office.pages) == len(ours.pages) == 1
