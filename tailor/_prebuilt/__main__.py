"""``python -m tailor._prebuilt`` regenerates the prebuilt files (see :mod:`tailor._prebuilt.build`)."""

from tailor._prebuilt.build import main

main()
