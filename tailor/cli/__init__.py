"""The ``tailor`` command line: parse arguments, call one use case in :mod:`tailor.app`, print.

Each command module registers its commands on the group in :mod:`tailor.cli.options`.
"""

from __future__ import annotations

import gc

from tailor.cli import batch_commands, build_commands, profile_commands, theme_commands
from tailor.cli.options import cli

__all__ = ["batch_commands", "build_commands", "cli", "main", "profile_commands", "theme_commands"]


def _stop_on_sigterm() -> None:
    """SIGTERM ends the run like Ctrl-C does: cleanup code runs (a scratch folder is removed)."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def main() -> None:
    """Console-script entry point."""
    _stop_on_sigterm()
    from tailor import reportlab_startup

    reportlab_startup.install()  # ~40 ms less start-up: reportlab's URL regex compiles when used
    # A command is one short run: a build leaves ~2 MB of reference cycles, and collecting them
    # costs more time (~20 ms) than the memory is worth. batch and --watch collect as usual.
    gc.disable()
    try:
        cli.main(prog_name="tailor")
    finally:
        # Everything still alive lives until exit: without this, the interpreter's collections
        # at shutdown walk every object again (~70 ms after a build). Files are closed by then.
        gc.freeze()
