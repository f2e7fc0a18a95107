"""Files made from tailor's own data ahead of time (vocabulary, compiled templates, font subsets
and metrics), and the code that makes and reads them. ``python -m tailor._prebuilt`` rebuilds them."""
