"""Safety: no network, user text never becomes markup, links only http(s)/mailto/tel, sandboxed templates."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tailor.app.batch import BatchRequest, run_batch
from tailor.app.pipeline import BuildRequest, build
from tailor.app.posting_input import PostingInput
from tailor.app.tailoring import RuleOptions
from tailor.errors import ProfileError, TemplateError
from tailor.inputs.loading import load_profile_text
from tests.conftest import EXAMPLE_POSTING, PROFILES, TODAY

EVIL = (
    'Shipped <b>bold</b> & <font color="red">red</font> <a href="javascript:alert(1)">link</a>'
    " {{ 7*7 }} {% if true %}jinja{% endif %} in Python"
)
PROFILE = f"""
person:
  name: Ada <i>Lovelace</i>
  links:
    - {{label: "<b>Site</b>", url: "https://example.com/?a=1&b=<2>"}}
experience:
  - id: acme
    title: Engineer <br/> & Co
    organisation: Acme {{{{ person.name }}}}
    start: 2020-01
    end: present
    bullets:
      - id: evil
        text: '{EVIL}'
"""


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way to open a connection or resolve a name fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkUsed(f"network access: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)


@pytest.mark.usefixtures("no_network")
def test_build_and_batch_run_with_sockets_disabled(tmp_path: Path) -> None:
    result = build(BuildRequest(PROFILES / "eric-kim.yaml", PostingInput(str(EXAMPLE_POSTING)), TODAY,
                                out=tmp_path / "one"))  # fmt: skip
    assert (tmp_path / "one" / "cv.pdf").is_file()
    assert result.outcome.report["cv"]["order"]
    apps = run_batch(BatchRequest.of(PROFILES / "cuong-dao.yaml", (EXAMPLE_POSTING,), TODAY,
                                  out_root=tmp_path / "many", jobs=1))  # fmt: skip
    assert all(app.ok for app in apps)


@pytest.fixture
def evil_build(tmp_path: Path) -> Path:
    profile = tmp_path / "evil.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    build(BuildRequest(profile, PostingInput(str(EXAMPLE_POSTING)), TODAY, out=tmp_path / "out",
                       rules=RuleOptions(None, {"pin": ["evil"]})))  # fmt: skip
    return tmp_path / "out"


def test_user_text_is_literal_in_the_pdf(evil_build: Path) -> None:
    import pdfplumber

    with pdfplumber.open(evil_build / "cv.pdf") as pdf:
        page = pdf.pages[0]
        text = " ".join(page.extract_text().split())
        uris = [link.get("uri") for link in page.hyperlinks]
    assert "Ada <i>Lovelace</i>" in text
    assert "Engineer <br/> & Co" in text
    for part in ("<b>bold</b>", '<font color="red">red</font>', "{{ 7*7 }}", "{% if true %}jinja{% endif %}"):
        assert part in text
    assert uris == ["https://example.com/?a=1&b=<2>"]


def test_user_text_is_literal_in_the_docx(evil_build: Path) -> None:
    from docx import Document

    document = Document(str(evil_build / "cv.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    for part in (
        "Ada <i>Lovelace</i>",
        "{{ 7*7 }}",
        "{% if true %}jinja{% endif %}",
        "Acme {{ person.name }}",
    ):
        assert part in text
    assert "49" not in text
    with zipfile.ZipFile(io.BytesIO((evil_build / "cv.docx").read_bytes())) as package:
        xml = package.read("word/document.xml").decode("utf-8")
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt;" in xml
    assert "javascript:" not in rels


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "ftp://example.com",
        "vbscript:x",
    ],
)
def test_links_other_than_http_https_mailto_tel_are_refused(url: str) -> None:
    text = f"person:\n  name: Ada\n  links:\n    - {{label: x, url: '{url}'}}\n"
    with pytest.raises(ProfileError, match="is not an allowed link"):
        load_profile_text(text, "me.yaml")


@pytest.mark.parametrize("url", ["https://example.com", "http://example.com", "mailto:a@b.c", "tel:+4855501"])
def test_http_https_mailto_and_tel_links_are_accepted(url: str) -> None:
    profile = load_profile_text(
        f"person:\n  name: Ada\n  links:\n    - {{label: x, url: '{url}'}}\n", "me.yaml"
    )
    assert profile.person.links[0].url == url


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ person.name.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    ],
)
def test_word_templates_cannot_reach_python_internals(tag: str, tmp_path: Path) -> None:
    from docx import Document

    from tailor.app.tailoring import tailor
    from tailor.inputs.loading import load_profile
    from tailor.inputs.themes import load_theme
    from tailor.render.docx import render_docx

    template = tmp_path / "evil.docx"
    document = Document()
    document.add_paragraph(tag)
    document.save(str(template))
    from tailor.posting import read_posting

    theme = load_theme("classic")
    result = tailor(load_profile(PROFILES / "eric-kim.yaml"), read_posting(EXAMPLE_POSTING), theme,
                    today=TODAY, options=RuleOptions())  # fmt: skip
    with pytest.raises(TemplateError) as caught:
        render_docx(result.selection.cv, template, theme=theme)
    assert str(caught.value).startswith(f"{template}: ")
    assert "sandbox" in str(caught.value) or "undefined" in str(caught.value)
