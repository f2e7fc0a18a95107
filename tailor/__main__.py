"""``python -m tailor`` runs the command-line interface."""

from tailor.cli import main

if __name__ == "__main__":
    main()
