"""Make the Word and PDF versions of every CV in bench/import_set/ (a developer tool, run by hand).

For each ``bench/import_set/<id>/`` with ``source.*`` and ``truth.yaml`` it writes ``variants/``:

- ``cv.docx``: pandoc from the Markdown (the source itself for ``.md``; for ``.txt`` and ``.json`` a
  Markdown rendering of the labelled truth, since pandoc would read plain text as one paragraph);
- ``cv-word.pdf``: LibreOffice's PDF of that Word file (headings, lists, one column);
- ``cv-latex.pdf``: a LaTeX-style one-column layout drawn with reportlab: organisation and dates
  right-aligned on one line, title (and place) in italics on the next, bullets below;
- ``cv-2col.pdf``: a two-column layout drawn with reportlab: a sidebar with contact, education
  and skills beside the main column of roles.

The generated files are committed, so the benchmark needs neither pandoc nor LibreOffice:
    python bench/import_variants.py            # needs pandoc and soffice on PATH
    python bench/import_variants.py --set=bench/import_heldout   # another labelled set
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

SET = Path(__file__).resolve().parent / "import_set"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def shown(date: Any) -> str:
    if date is None:
        return ""
    text = str(date)
    if text.lower() == "present":
        return "Present"
    if len(text) == 7 and text[4] == "-":
        return f"{MONTHS[int(text[5:]) - 1]} {text[:4]}"
    return text


def span(item: dict[str, Any]) -> str:
    start, end = shown(item.get("start")), shown(item.get("end"))
    return f"{start} – {end}" if start and end else start or end


def truth_markdown(truth: dict[str, Any]) -> str:
    lines = [f"# {truth['name']}", ""] if truth.get("name") else []
    lines += ["## Experience", ""]
    for role in truth.get("roles") or []:
        org = f"**{role['organisation']}** | " if role.get("organisation") else ""
        lines += [f"### {role['title']}", "", f"{org}{span(role)}", ""]
        lines += [f"- {bullet}" for bullet in role.get("bullets") or []]
        lines.append("")
    if truth.get("education"):
        lines += ["## Education", ""]
        for entry in truth["education"]:
            end = shown(entry.get("end"))
            degree = f"**{entry['degree']}**" if entry.get("degree") else ""
            parts = [part for part in (degree, entry.get("institution"), end) if part]  # none may be missing
            lines.append("- " + ", ".join(parts))
        lines.append("")
    return "\n".join(lines)


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName="Times-Roman", fontSize=10, leading=12.5)
    return {
        "name": ParagraphStyle("name", base, fontName="Times-Bold", fontSize=20, leading=24),
        "heading": ParagraphStyle(
            "heading", base, fontName="Times-Bold", fontSize=12, leading=16, spaceBefore=8
        ),
        "org": ParagraphStyle("org", base, fontName="Times-Bold"),
        "title": ParagraphStyle("title", base, fontName="Times-Italic"),
        "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2),
        "body": base,
        "side": ParagraphStyle("side", base, fontName="Helvetica", fontSize=8.5, leading=10.5),
        "sidehead": ParagraphStyle("sidehead", base, fontName="Helvetica-Bold", fontSize=10, leading=14),
    }


def _esc(text: str | None) -> str:
    text = text or ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _two_sides(left: str, right: str, width: float, style: Any) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    table = Table([[Paragraph(left, style), Paragraph(right, style)]], colWidths=[width * 0.72, width * 0.28])
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _roles(truth: dict[str, Any], width: float, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    right = ParagraphStyle("right", st["org"], alignment=TA_RIGHT, fontName="Times-Roman")
    out: list[Any] = [Paragraph("EXPERIENCE", st["heading"])]
    for role in truth.get("roles") or []:
        row = _two_sides(f"<b>{_esc(role['organisation'])}</b>", _esc(span(role)), width, st["org"])
        row._cellvalues[0][1].style = right
        out += [Spacer(1, 4), row, Paragraph(_esc(role["title"]), st["title"])]
        out += [Paragraph(_esc(b), st["bullet"], bulletText="•") for b in role.get("bullets") or []]
    return out


def _education(truth: dict[str, Any], style: Any, head: Any) -> list[Any]:
    from reportlab.platypus import Paragraph

    out: list[Any] = []
    if truth.get("education"):
        out.append(Paragraph("EDUCATION", head))
        for entry in truth["education"]:
            end = shown(entry.get("end"))
            out.append(Paragraph(f"<b>{_esc(entry['institution'])}</b>", style))
            out.append(Paragraph(_esc(entry["degree"]) + (f", {end}" if end else ""), style))
    return out


def latex_pdf(truth: dict[str, Any], target: Path) -> None:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = _styles()
    doc = SimpleDocTemplate(
        str(target), pagesize=A4, leftMargin=54, rightMargin=54, topMargin=48, bottomMargin=48, invariant=1
    )
    name = ParagraphStyle("centred", st["name"], alignment=TA_CENTER)
    story = [Paragraph(_esc(truth["name"]), name)]
    story += _roles(truth, doc.width, st)
    story += _education(truth, st["body"], st["heading"])
    doc.build(story)


def two_column_pdf(truth: dict[str, Any], target: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    st = _styles()
    page_w, page_h = A4
    side_w = 150
    doc = BaseDocTemplate(str(target), pagesize=A4, invariant=1)
    side = Frame(30, 40, side_w, page_h - 80, id="side")
    main = Frame(30 + side_w + 20, 40, page_w - side_w - 80, page_h - 80, id="main")
    rest = Frame(30 + side_w + 20, 40, page_w - side_w - 80, page_h - 80, id="rest")
    doc.addPageTemplates([PageTemplate("first", [side, main]), PageTemplate("later", [rest])])
    from reportlab.platypus import FrameBreak, NextPageTemplate

    story: list[Any] = [NextPageTemplate("later"), Paragraph(_esc(truth["name"]), st["sidehead"])]
    story += _education(truth, st["side"], st["sidehead"])
    story.append(FrameBreak())
    story += _roles(truth, main.width, st)
    doc.build(story)


def make(folder: Path) -> None:
    truth = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))
    (source,) = folder.glob("source.*")
    out = folder / "variants"
    out.mkdir(exist_ok=True)
    markdown = source.read_text(encoding="utf-8") if source.suffix == ".md" else truth_markdown(truth)
    with tempfile.TemporaryDirectory() as scratch:
        md = Path(scratch) / "cv.md"
        md.write_text(markdown, encoding="utf-8")
        for reader in ("markdown", "markdown-yaml_metadata_block"):  # the second: front matter pandoc rejects
            done = subprocess.run(["pandoc", "-f", reader, "-t", "docx", "-o", str(out / "cv.docx"), str(md)])
            if done.returncode == 0:
                break
        done.check_returncode()
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", scratch, str(out / "cv.docx")],
            check=True,
            capture_output=True,
        )
        shutil.copyfile(Path(scratch) / "cv.pdf", out / "cv-word.pdf")
    latex_pdf(truth, out / "cv-latex.pdf")
    two_column_pdf(truth, out / "cv-2col.pdf")


def main() -> None:
    names = {arg for arg in sys.argv[1:] if not arg.startswith("--")}
    root = Path(next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--set=")), SET))
    folders = sorted(p for p in root.iterdir() if (p / "truth.yaml").is_file())
    for folder in folders:
        if not names or folder.name in names:
            make(folder)
            print("made", folder.name)


if __name__ == "__main__":
    main()
