"""Reading the user's own files: the profile (YAML with line numbers), selection rules, themes,
and the bounds every input is read under."""
