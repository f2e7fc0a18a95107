"""``tailor export``: a master profile as JSON Resume or as plain text for application forms."""

from __future__ import annotations

from tailor.exporting.jsonresume import to_json_resume
from tailor.exporting.text import to_text

__all__ = ["to_json_resume", "to_text"]
