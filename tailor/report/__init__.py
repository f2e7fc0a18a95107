"""The match report: ``match.json`` (its typed shape) and ``match.md`` made from it."""
