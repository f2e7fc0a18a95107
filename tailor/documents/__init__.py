"""Application documents built from the profile, the posting and the match: letter, answers, prep.

Pure functions from ``(MasterProfile, JobPosting, Selection)`` to a traced
:class:`~tailor.models.documents.Document`; renderers lay documents out.
"""
