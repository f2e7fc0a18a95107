"""A theme: how a CV looks, as data (one YAML file per theme under ``templates/``).

Every measurement is in points (1/72 in). Colours are ``#RRGGBB``. A theme names
its fonts (a bundled family such as ``source-sans-3`` or four TTF files), its
Word template, and how far the page-budget fitter may tighten the layout
(``fit``). :func:`tailor.inputs.themes.load_theme` reads and validates it and makes its
file paths absolute.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from tailor.models.fields import Model
from tailor.models.rules import DEFAULT_ORDER, SectionName

__all__ = [
    "BUNDLED_FAMILIES",
    "DATE_FORMATS",
    "Colours",
    "FitBounds",
    "FontFiles",
    "Fonts",
    "Header",
    "Margins",
    "SectionStyle",
    "Sizes",
    "Spacing",
    "Theme",
]

BUNDLED_FAMILIES = ("source-sans-3", "gentium-book-plus")
DATE_FORMATS = ("MMM YYYY", "MMMM YYYY", "MM/YYYY", "YYYY-MM", "YYYY")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")

Colour = str
Points = float


class FontFiles(Model):
    """Four TTF files of one family; relative paths are relative to the theme file."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


FontRef = str | FontFiles


class Fonts(Model):
    """Fonts for body text and for the name and section headings."""

    body: FontRef = Field(description=f"A bundled family ({', '.join(BUNDLED_FAMILIES)}) or four TTF paths.")
    heading: FontRef | None = Field(default=None, description="Defaults to the body font.")

    @field_validator("body", "heading")
    @classmethod
    def _known_family(cls, value: FontRef | None) -> FontRef | None:
        if isinstance(value, str) and value.lower().endswith((".ttf", ".otf")):
            msg = (
                f"{value!r} is one font file; a font is four TTF files, one per face: "
                "{regular: ..., bold: ..., italic: ..., bold_italic: ...} (the same file may serve twice)"
            )
            raise ValueError(msg)
        if isinstance(value, str) and value not in BUNDLED_FAMILIES:
            msg = f"unknown font family {value!r}; use one of {', '.join(BUNDLED_FAMILIES)} or TTF paths"
            raise ValueError(msg)
        return value

    @property
    def heading_font(self) -> FontRef:
        """The heading font, falling back to the body font."""
        return self.heading if self.heading is not None else self.body


class Margins(Model):
    top: Points = Field(ge=18, le=144)
    bottom: Points = Field(ge=18, le=144)
    left: Points = Field(ge=18, le=144)
    right: Points = Field(ge=18, le=144)


class Sizes(Model):
    """Font sizes in points."""

    body: Points = Field(ge=6, le=16)
    name: Points = Field(ge=10, le=48)
    headline: Points = Field(ge=6, le=24)
    contact: Points = Field(ge=6, le=16)
    heading: Points = Field(ge=6, le=24)
    entry: Points = Field(ge=6, le=18, description="Role and education titles.")
    meta: Points = Field(ge=6, le=16, description="Dates, places and organisations.")
    footer: Points = Field(default=8, ge=6, le=12)


class Spacing(Model):
    """Line spacing (a multiple of the font size) and vertical gaps in points."""

    line: float = Field(ge=1.0, le=2.0, description="Leading as a multiple of the font size.")
    section_before: Points = Field(ge=0, le=36)
    section_after: Points = Field(ge=0, le=18, description="Below a section heading (and its rule).")
    entry_before: Points = Field(ge=0, le=24, description="Above each role or education entry.")
    item_before: Points = Field(ge=0, le=12, description="Above skills, projects and awards lines.")
    bullet_before: Points = Field(ge=0, le=12)
    bullet_indent: Points = Field(default=12, ge=4, le=36)


class Colours(Model):
    text: Colour
    muted: Colour
    accent: Colour
    link: Colour
    rule: Colour | None = Field(default=None, description="Heading rule colour (default: accent).")

    @field_validator("text", "muted", "accent", "link", "rule")
    @classmethod
    def _hex(cls, value: str | None) -> str | None:
        if value is not None and not _HEX.match(value):
            msg = f"{value!r} is not a colour like #1F3A5F"
            raise ValueError(msg)
        return value.upper() if value else value


class Header(Model):
    """The block at the top of the first page."""

    align: Literal["left", "center"] = "center"
    name_case: Literal["as-written", "upper"] = "as-written"
    show_headline: bool = True
    links_on_own_line: bool = Field(default=False, description="Links below the contact line.")
    separator: str = Field(default="  |  ", min_length=1, max_length=8)
    rule_below: bool = False


class SectionStyle(Model):
    """Section titles, their order and how headings look."""

    order: list[SectionName] = Field(default_factory=lambda: list(DEFAULT_ORDER), min_length=1)
    titles: dict[SectionName, str] = Field(
        default_factory=dict, description="Overrides of the default titles."
    )
    heading_case: Literal["as-written", "upper"] = "upper"
    heading_rule: bool = True

    @field_validator("order")
    @classmethod
    def _unique(cls, value: list[SectionName]) -> list[SectionName]:
        seen = [name for index, name in enumerate(value) if name in value[:index]]
        if seen:
            msg = f"{seen[0]!r} appears twice in the section order"
            raise ValueError(msg)
        return value


class FitBounds(Model):
    """How far the page-budget fitter may tighten the layout (``squeeze=1`` reaches these)."""

    min_font_size: Points = Field(ge=6, le=14, description="No text is set smaller than this when fitting.")
    min_line: float = Field(ge=1.0, le=2.0, description="Tightest line spacing multiple.")
    min_space_scale: float = Field(ge=0, le=1, description="Tightest fraction of the vertical gaps.")
    min_margin: Points = Field(ge=18, le=144, description="Margins may shrink down to this.")


class Theme(Model):
    """Everything that decides how a CV looks, in PDF and (through its Word template) in DOCX."""

    name: str = Field(min_length=1, max_length=40)
    description: str = Field(
        min_length=1, max_length=120, description="One line for `tailor templates list`."
    )
    page_size: Literal["A4", "Letter"] = "A4"
    margins: Margins
    fonts: Fonts
    sizes: Sizes
    spacing: Spacing
    colours: Colours
    header: Header = Field(default_factory=Header)
    sections: SectionStyle = Field(default_factory=SectionStyle)
    entry_layout: Literal["stacked", "date-column", "inline"] = Field(
        default="stacked",
        description="stacked: dates on a line under the title; date-column: dates in a narrow "
        "left column beside the title; inline: dates at the end of the title line.",
    )
    date_column: Points = Field(default=78, ge=40, le=160, description="Width of the date column.")
    date_format: Literal["MMM YYYY", "MMMM YYYY", "MM/YYYY", "YYYY-MM", "YYYY"] = "MMM YYYY"
    present: str = Field(default="Present", min_length=1, max_length=20)
    bullet: str = Field(default="\u2022", min_length=1, max_length=2)
    word_template: str = Field(description="The matching Word template, relative to the theme file.")
    fit: FitBounds

    @model_validator(mode="after")
    def _fit_below_normal(self) -> Theme:
        if self.fit.min_font_size > self.sizes.body:
            msg = (
                f"fit.min_font_size ({self.fit.min_font_size}) is larger than sizes.body ({self.sizes.body})"
            )
            raise ValueError(msg)
        if self.fit.min_line > self.spacing.line:
            msg = f"fit.min_line ({self.fit.min_line}) is larger than spacing.line ({self.spacing.line})"
            raise ValueError(msg)
        return self

    def section_title(self, section: SectionName, default: str) -> str:
        """The theme's title for ``section`` (``default`` when it does not rename it)."""
        return self.sections.titles.get(section, default)
