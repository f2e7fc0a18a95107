"""pydantic models: the single source of truth for profiles, postings and results."""

from tailor.models.job import JobPosting, PostingSection
from tailor.models.profile import MasterProfile
from tailor.models.rules import Rules
from tailor.models.tailored import ScoredItem, TailoredCV

__all__ = ["JobPosting", "MasterProfile", "PostingSection", "Rules", "ScoredItem", "TailoredCV"]
