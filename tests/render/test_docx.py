"""The Word renderer: text fidelity, links, styles, reproducibility, metadata and template errors."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from tailor.errors import TemplateError
from tailor.models.profile import Education, Link, Person, Publication, SkillGroup
from tailor.models.tailored import TailoredBullet, TailoredCV, TailoredProject, TailoredRole
from tailor.render.docx import render_docx
from tests.conftest import REPO

TEMPLATE = REPO / "templates" / "classic.docx"
TRICKY = "Shipped <b>bold</b> & x<y models to 1,200 robots."
BULLETS = [
    "Cut false positives by 38% with hard-negative mining.",
    TRICKY,
    "Mentored three junior engineers.",
    "Built a segmentation toolkit used by four research groups.",
]
PROJECT_URL = "https://example.com/cuong/tinydet"
PAPER_URL = "https://arxiv.org/abs/2201.00001"


def _cv() -> TailoredCV:
    bullets = [TailoredBullet(id=f"b{i}", text=text) for i, text in enumerate(BULLETS)]
    return TailoredCV(
        person=Person(
            name="Cường Đào",
            headline="Machine Learning Engineer",
            email="cuong@example.com",
            location="Łódź",
            links=[Link(label="GitHub", url="https://example.com/cuong")],
        ),
        company="Acme Robotics",
        role="Senior ML Engineer",
        document_date=dt.date(2026, 11, 21),
        sections=("summary", "experience", "projects", "publications", "education", "skills"),
        summary="Engineer who ships vision systems.",
        experience=(
            TailoredRole(
                id="r1",
                title="Senior ML Engineer",
                organisation="Acme Vision",
                location="Warsaw",
                start="2021-03",
                end="present",
                description="Perception for warehouse robots.",
                bullets=(bullets[0].model_copy(update={"lead": "Detection lead."}), *bullets[1:3]),
            ),
            TailoredRole(
                id="r2",
                title="Research Engineer",
                organisation="Politechnika Łódzka",
                start="2017-10",
                end="2021-02",
                bullets=(bullets[3],),
            ),
        ),
        projects=(TailoredProject(id="p1", name="tinydet", text="A tiny object detector.", url=PROJECT_URL),),
        publications=(
            Publication.model_validate(
                {
                    "title": "Hard Negatives Are All You Need",
                    "authors": ["C. Đào", "A. Nowak"],
                    "venue": "CVPR Workshops",
                    "year": 2022,
                    "url": PAPER_URL,
                }
            ),
        ),
        education=(
            Education.model_validate(
                {
                    "institution": "Lodz University of Technology",
                    "degree": "Ph.D.",
                    "field": "CS",
                    "start": "2016",
                    "end": "2020",
                    "thesis": "Learning from Few Labels",
                    "advisors": ["A. Nowak"],
                }
            ),
        ),
        skills=(SkillGroup(name="Languages", items=["Python", "C++"]),),
    )


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(_cv(), TEMPLATE)


@pytest.fixture(scope="module")
def document(rendered: bytes) -> DocumentObject:
    return docx.Document(io.BytesIO(rendered))


def _text(document: DocumentObject) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_bullets_appear_verbatim_and_in_order(document: DocumentObject) -> None:
    text = _text(document)
    positions = [text.find(bullet) for bullet in BULLETS]
    assert all(position >= 0 for position in positions), positions
    assert positions == sorted(positions)
    assert "Detection lead. " + BULLETS[0] in text


def test_markup_in_user_text_is_literal(document: DocumentObject, rendered: bytes) -> None:
    (paragraph,) = [p for p in document.paragraphs if TRICKY in p.text]
    assert paragraph.text == TRICKY
    assert all(not run.bold for run in paragraph.runs)
    body = zipfile.ZipFile(io.BytesIO(rendered)).read("word/document.xml").decode()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; x&lt;y" in body


def test_header_and_sections_in_order(document: DocumentObject) -> None:
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style is not None]
    assert styled[0] == ("Title", "Cường Đào")
    assert styled[1] == ("Subtitle", "Machine Learning Engineer")
    assert styled[2][0] == "Contact"
    assert styled[2][1].startswith("Łódź")
    headings = [text for style, text in styled if style == "Heading 1"]
    assert headings == ["Summary", "Experience", "Projects", "Publications", "Education", "Skills"]
    roles = [text for style, text in styled if style == "Heading 2"]
    assert roles[0] == "Senior ML Engineer \u00b7 Acme Vision"
    details = [text for style, text in styled if style == "Entry Detail"]
    assert details[0] == "Mar\u00a02021\u00a0\u2013\u00a0Present \u00b7 Warsaw"
    assert ("Item", "Languages: Python, C++") in styled


def test_no_blank_paragraphs_or_leftover_tags(document: DocumentObject) -> None:
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert all(text.strip() for text in texts)
    assert not any("{{" in text or "{%" in text for text in texts)


def test_bullets_use_the_list_bullet_style(document: DocumentObject) -> None:
    bullets = [p for p in document.paragraphs if any(p.text.endswith(b) for b in BULLETS)]
    assert len(bullets) == len(BULLETS)
    assert {p.style.name for p in bullets if p.style is not None} == {"List Bullet"}


def test_links_are_hyperlinks(document: DocumentObject) -> None:
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK}
    assert {PROJECT_URL, PAPER_URL, "https://example.com/cuong", "mailto:cuong@example.com"} <= targets
    links = {link.text: link.url for p in document.paragraphs for link in p.hyperlinks}
    assert links["tinydet"] == PROJECT_URL
    assert links["Hard Negatives Are All You Need"] == PAPER_URL
    styles = {run.style.name for p in document.paragraphs for link in p.hyperlinks for run in link.runs}
    assert styles == {"Hyperlink"}


def test_renders_are_byte_identical(rendered: bytes) -> None:
    assert render_docx(_cv(), TEMPLATE) == rendered
    infos = zipfile.ZipFile(io.BytesIO(rendered)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties(document: DocumentObject) -> None:
    props = document.core_properties
    assert props.title == "Cường Đào CV — Senior ML Engineer"
    assert props.author == "Cường Đào"
    assert props.subject == "Senior ML Engineer"
    assert props.keywords == "CV; Senior ML Engineer; Acme Robotics"
    assert props.last_modified_by == "tailor"
    assert props.revision == 1
    for moment in (props.created, props.modified, props.last_printed):
        assert moment is not None
        assert moment.replace(tzinfo=None) == dt.datetime(2000, 1, 1)


def _template_with(tmp_path: Path, text: str) -> Path:
    document = docx.Document(str(TEMPLATE))
    document.add_paragraph(text)
    path = tmp_path / "broken.docx"
    document.save(str(path))
    return path


def test_broken_tag_raises_template_error(tmp_path: Path) -> None:
    path = _template_with(tmp_path, "Hello {{ person..name }}")
    with pytest.raises(TemplateError) as caught:
        render_docx(_cv(), path)
    message = str(caught.value)
    assert "broken.docx" in message
    assert "{{ person..name }}" in message
    assert "Traceback" not in message


def test_unclosed_block_names_the_block(tmp_path: Path) -> None:
    path = _template_with(tmp_path, "{%p if person.headline %}")
    with pytest.raises(TemplateError, match=r"'\{% if person.headline %\}'"):
        render_docx(_cv(), path)


def test_unknown_variable_raises_template_error(tmp_path: Path) -> None:
    path = _template_with(tmp_path, "{{ person.nickname }}")
    with pytest.raises(TemplateError) as caught:
        render_docx(_cv(), path)
    assert "unknown variable" in str(caught.value)
    assert "person.nickname" in str(caught.value)


def test_missing_or_invalid_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not found"):
        render_docx(_cv(), tmp_path / "nope.docx")
    bogus = tmp_path / "bogus.docx"
    bogus.write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateError, match="not a readable Word"):
        render_docx(_cv(), bogus)


@pytest.mark.parametrize(
    ("theme", "font", "size"),
    [("classic", "Gentium Book Plus", 10), ("modern", "Source Sans 3", 10), ("compact", "Source Sans 3", 9)],
)
def test_every_theme_template_has_real_styles(theme: str, font: str, size: float) -> None:
    styles = docx.Document(str(REPO / "templates" / f"{theme}.docx")).styles
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Body Text", "List Bullet"):
        assert styles[name].type == WD_STYLE_TYPE.PARAGRAPH
    for name in ("Hyperlink", "Strong", "Emphasis"):
        assert styles[name].type == WD_STYLE_TYPE.CHARACTER
    bullet = styles["List Bullet"].element
    assert bullet.find(".//" + docx.oxml.ns.qn("w:numId")) is not None
    assert styles["Normal"].font.name == font
    assert styles["Normal"].font.size == docx.shared.Pt(size)


@pytest.mark.parametrize("theme", ["classic", "modern", "compact"])
def test_committed_templates_are_what_the_generator_makes(theme: str) -> None:
    from tailor.inputs.themes import load_theme
    from tailor.render.word_template import template_bytes

    fresh = template_bytes(load_theme(theme))
    assert fresh == (REPO / "templates" / f"{theme}.docx").read_bytes(), (
        "run python -m tailor.render.word_template"
    )


def test_a_template_that_drops_the_experience_is_refused(tmp_path: Path) -> None:
    """A loop or condition in the wrong place can render without error and leave sections out."""
    import io
    import zipfile

    from tailor.errors import TemplateError
    from tailor.inputs.themes import load_theme
    from tailor.render.docx import render_docx
    from tests.conftest import PROFILES
    from tests.render.test_documents import tailored

    theme = load_theme("classic")
    broken = io.BytesIO()
    with zipfile.ZipFile(Path(theme.word_template)) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(b'("experience", "teaching"', b'("experiense", "teaching"')
            target.writestr(name, data)
    path = tmp_path / "mine.docx"
    path.write_bytes(broken.getvalue())
    with pytest.raises(TemplateError, match="rendered none of experience") as caught:
        render_docx(tailored(PROFILES / "eric-kim.yaml", theme), path, theme=theme)
    assert caught.value.hint is not None
    assert "endfor" in caught.value.hint
