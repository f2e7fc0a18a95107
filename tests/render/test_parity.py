"""PDF/Word parity: LibreOffice's PDF of each DOCX has tailor's page count and the same links.

LibreOffice must see the fonts the Word templates name (the bundled Source Sans 3
and Gentium Book Plus). The test gives it a private fontconfig file that adds
``tailor/fonts`` to the system's font folders, and a private user profile, so it
neither depends on nor changes the machine's set-up. CI installs LibreOffice
(``libreoffice-writer-nogui``); without it the test is skipped.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tailor.render.docx import render_docx
from tailor.render.fonts import FONT_DIR
from tailor.render.pdf import render_pdf
from tailor.themes import load_theme
from tests.conftest import EXAMPLE_PROFILES, PROFILES
from tests.render.test_documents import THEMES, tailored

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

CASES = [(theme, name) for theme in THEMES for name in EXAMPLE_PROFILES]


def _uris(reader: PdfReader) -> set[str]:
    annots = (a.get_object() for page in reader.pages for a in page.get("/Annots", []))
    return {a["/A"]["/URI"] for a in annots if "/A" in a and "/URI" in a["/A"]}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[bytes, Path]]:
    """Every theme x profile: tailor's PDF, and the path of LibreOffice's PDF of the DOCX."""
    work = tmp_path_factory.mktemp("parity")
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONT_DIR}</dir><cachedir>{work / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    pdfs: dict[tuple[str, str], bytes] = {}
    for theme_name, name in CASES:
        theme = load_theme(theme_name)
        cv = tailored(PROFILES / name, theme)
        pdfs[theme_name, name] = render_pdf(cv, theme)
        docx = render_docx(cv, Path(theme.word_template), theme=theme)
        (work / f"{theme_name}-{Path(name).stem}.docx").write_bytes(docx)
    assert SOFFICE is not None
    command = [
        SOFFICE,
        f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo"),
        *sorted(str(path) for path in work.glob("*.docx")),
    ]
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=300)
    return {key: (pdf, work / "lo" / f"{key[0]}-{Path(key[1]).stem}.pdf") for key, pdf in pdfs.items()}


@pytest.mark.parametrize(("theme_name", "name"), CASES)
def test_libreoffice_page_count_and_links_match_the_pdf(
    converted: dict[tuple[str, str], tuple[bytes, Path]], theme_name: str, name: str
) -> None:
    pdf, office_path = converted[theme_name, name]
    ours, office = PdfReader(io.BytesIO(pdf)), PdfReader(office_path)
    assert len(office.pages) == len(ours.pages)
    assert _uris(ours)
    assert _uris(office) == _uris(ours)
