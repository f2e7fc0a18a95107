"""tailor: a master profile plus a job posting in, a tailored CV out."""

__version__ = "0.1.0"

__all__ = ["__version__"]
