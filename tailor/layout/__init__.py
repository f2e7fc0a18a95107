"""Page budget: measure a TailoredCV with the real layout and fit it to N pages."""

from tailor.layout.fit import FitResult, Measure, fit_to_pages, shortened, without

__all__ = ["FitResult", "Measure", "fit_to_pages", "shortened", "without"]
