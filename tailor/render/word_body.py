"""The body of a Word template: styled paragraphs and the docxtpl ``{%p ... %}`` tags that
:func:`tailor.render.docx.render_docx` fills."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document as DocumentObject

from tailor.models.theme import Theme
from tailor.render.word_parts import (
    DOT,
    ROLE_SECTIONS,
    Run,
)

# --- body ---------------------------------------------------------------------


class Body:
    """Writes template paragraphs: styled text paragraphs and ``{%p ... %}`` tag paragraphs."""

    def __init__(self, doc: DocumentObject, theme: Theme) -> None:
        self.doc = doc
        self.theme = theme
        self.layout = theme.entry_layout

    def tag(self, statement: str) -> None:
        """A paragraph holding only a docxtpl paragraph tag, e.g. ``for x in y``."""
        self.doc.add_paragraph(f"{{%p {statement} %}}", style="Normal")

    def para(self, style: str, *runs: Run) -> None:
        """A paragraph in ``style`` made of ``runs``."""
        paragraph = self.doc.add_paragraph(style=style)
        for text, char_style in runs:
            paragraph.add_run(text, style=char_style)

    def block(self, statement: str, body: Callable[[], None], end: str = "endif") -> None:
        """``{%p statement %}`` + body + ``{%p end %}``."""
        self.tag(statement)
        body()
        self.tag(end)

    def optional(self, test: str, style: str, *runs: Run) -> None:
        """A paragraph shown only when ``test`` is true."""
        self.block(f"if {test}", lambda: self.para(style, *runs))

    def loop(self, item: str, body: Callable[[], None]) -> None:
        """``for item in section.entries`` around ``body``."""
        self.block(f"for {item} in section.entries", body, "endfor")

    def bullets(self, items: str) -> None:
        """A bullet list: optional bold lead, then the text."""
        self.block(
            f"for bullet in {items}",
            lambda: self.para(
                "List Bullet",
                ("{% if bullet.lead %}{{ bullet.lead }} {% endif %}", "Strong"),
                ("{{ bullet.text }}", None),
            ),
            "endfor",
        )

    def entry(self, title: Run, org: str, dates: str, place: str) -> None:
        """An entry's title line and meta line, laid out like the theme's PDF.

        ``org``, ``dates`` and ``place`` are Jinja expressions.
        """
        org_run = (f"{{% if {org} %}}{DOT}{{{{ {org} }}}}{{% endif %}}", "Entry Meta")
        if self.layout == "date-column":
            self.para("Heading 2", (f"{{{{ {dates} }}}}", "Entry Date"), ("\t", None), title, org_run)
            self.optional(place, "Entry Detail", (f"{{{{ {place} }}}}", None))
        elif self.layout == "inline":
            tail = f"[{place}, {dates}]|select|join('{DOT}')"
            muted = (f"{{% if {place} or {dates} %}}{DOT}{{{{ {tail} }}}}{{% endif %}}", "Muted")
            self.para("Heading 2", title, org_run, muted)
        else:
            self.para("Heading 2", title, org_run)
            line = f"[{dates}, {place}]|select|join('{DOT}')"
            self.optional(f"{dates} or {place}", "Entry Detail", (f"{{{{ {line} }}}}", None))

    def labelled(self, label: Run, *rest: Run) -> None:
        """Skills and awards: the label in the date column when there is one."""
        if self.layout == "date-column":
            self.para("Labelled Item", label, ("\t", None), *rest)
        else:
            self.para("Item", label, *rest)


def write_header(out: Body) -> None:
    """Name, headline and contact line(s)."""
    out.para("Title", ("{{ person.name }}", None))
    if out.theme.header.show_headline:
        out.optional("person.headline", "Subtitle", ("{{ person.headline }}", None))
    if out.theme.header.links_on_own_line:
        out.optional("person.details", "Contact", ("{{r person.details }}", None))
        out.optional("person.links", "Contact", ("{{r person.links }}", None))
    else:
        out.optional("person.contact", "Contact", ("{{r person.contact }}", None))


def write_role(out: Body) -> None:
    """Experience, teaching and volunteering entries."""
    out.entry(("{{ role.title }}", None), "role.organisation", "role.dates", "role.location")
    out.optional("role.description", "Description", ("{{ role.description }}", None))
    out.bullets("role.bullets")


def write_education(out: Body) -> None:
    """Education entries: degree and institution, dates, place, thesis, advisors, details."""
    out.entry(
        ("{{ entry.degree or entry.institution }}", None),
        "(entry.degree and entry.institution)",
        "entry.dates",
        "entry.location",
    )
    out.optional("entry.thesis", "Body Text", ("Thesis:", "Emphasis"), (" {{ entry.thesis }}", None))
    out.optional(
        "entry.advisors",
        "Body Text",
        ("Advisor{% if entry.advisors|length > 1 %}s{% endif %}:", "Emphasis"),
        (" {{ entry.advisors|join(', ') }}", None),
    )
    out.bullets("entry.details")


def write_award(out: Body) -> None:
    """Award entries: title, issuer, date and an optional line of text."""
    issuer = ("{% if award.issuer %}, {{ award.issuer }}{% endif %}", None)
    if out.layout == "date-column":
        out.labelled(("{{ award.date }}", "Entry Date"), ("{{ award.title }}", "Strong"), issuer)
    else:
        date = (f"{{% if award.date %}}{DOT}{{{{ award.date }}}}{{% endif %}}", "Muted")
        out.para("Item", ("{{ award.title }}", "Strong"), issuer, date)
    out.optional("award.text", "Body Text", ("{{ award.text }}", None))


def write_skills(out: Body) -> None:
    """Skill groups: "name: skills", in the text column when there is a date column (a long name
    such as "Programming languages" would not fit the column's tab stop)."""
    label, skills = ("{{ group.name }}:", "Strong"), (" {{ group.skills|join(', ') }}", None)
    if out.layout == "date-column":
        out.para("Labelled Item", ("\t", None), label, skills)
    else:
        out.para("Item", label, skills)


def write_sections(out: Body) -> None:
    """The loop over ``sections``: a Heading 1, then the entries laid out by section name."""
    out.tag("for section in sections")
    out.para("Heading 1", ("{{ section.title }}", None))
    out.tag('if section.name == "summary"')
    out.loop("text", lambda: out.para("Body Text", ("{{ text }}", None)))
    out.tag(f"elif section.name in {ROLE_SECTIONS}")
    out.loop("role", lambda: write_role(out))
    out.tag('elif section.name == "projects"')
    out.loop(
        "project", lambda: out.para("Item", ("{{r project.name }}", None), (" {{ project.text }}", None))
    )
    out.tag('elif section.name == "publications"')
    out.loop(
        "pub",
        lambda: out.para(
            "List Bullet", ("{{r pub.title }}", None), ("{% if pub.rest %} {{ pub.rest }}{% endif %}", None)
        ),
    )
    out.tag('elif section.name == "education"')
    out.loop("entry", lambda: write_education(out))
    out.tag('elif section.name == "skills"')
    out.loop("group", lambda: write_skills(out))
    out.tag('elif section.name == "awards"')
    out.loop("award", lambda: write_award(out))
    out.tag("endif")
    out.tag("endfor")
