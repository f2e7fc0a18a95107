"""Writing output files: safe names, no silent overwrites, whole folders replaced atomically."""
