"""Many applications at once: one application folder per posting, built by worker processes.

Each posting goes through :func:`tailor.app.bundle.build_bundle`, which calls the
pipeline's ``build``, so a batch writes whatever documents a build writes. One
bad posting does not stop the others: its error is reported and the rest go on.

The profile, theme and rules file are checked once before any work starts, so
that a mistake in them is one clear error instead of one per posting. Postings
are read once, in order, in the main process to name the folders (two postings
for the same company and role get ``-2``, ``-3``...); each is handed, read, to
the workers as soon as it is named, so building starts while later postings are
still being read. On Linux the workers are forked after the heavy modules,
fonts and vocabulary are loaded, so they start warm.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from tailor.app.batch_plan import (
    MISSING_SHOWN,
    POSTING_SUFFIXES,
    Application,
    BatchRequest,
    check_inputs,
    find_postings,
)
from tailor.app.pipeline import BuildRequest, posting_warnings
from tailor.errors import TailorError

if TYPE_CHECKING:
    pass

__all__ = ["POSTING_SUFFIXES", "Application", "BatchRequest", "check_inputs", "find_postings", "run_batch"]


def _plan(request: BatchRequest) -> Iterator[tuple[int, Application | tuple[BuildRequest, Path]]]:
    """For each posting in order, its index and its build and folder, or the error reading it.

    A generator, so that the workers start on the first postings while later ones are read.
    """
    from tailor.posting import read_posting
    from tailor.writing.files import application_folder

    taken: set[Path] = set()
    for index, posting in enumerate(request.postings):
        try:
            job = read_posting(posting)
        except TailorError as err:
            yield index, Application(posting, error=str(err))
            continue
        base = application_folder(job.company, job.role, request.each.out_root)
        folder, n = base, 1
        while folder in taken:
            n += 1
            folder = base.with_name(f"{base.name}-{n}")
        taken.add(folder)
        yield index, (request.build_request(posting, job), folder)


def build_one(build: BuildRequest, folder: Path) -> Application:
    """Build one application folder; every failure becomes the application's error line.

    Runs in a worker process. A bug (not a TailorError) is reported with its
    traceback instead of stopping the other applications.
    """
    from tailor.app.bundle import build_bundle

    posting = Path(build.posting.source)
    try:
        done = build_bundle(build, folder)
    except TailorError as err:
        return Application(posting, folder, error=str(err))
    except Exception as err:  # a bug: keep the batch going, show the traceback
        trace = "".join(traceback.format_exception(err)).rstrip()
        return Application(posting, folder, error=f"internal error (please report it):\n{trace}")
    report = done.build.outcome.report
    missing = sorted(
        (r for r in report["requirements"] if r["coverage"] == "missing"), key=lambda r: -r["weight"]
    )
    return Application(
        posting,
        folder,
        company=report["posting"]["company"],
        role=report["posting"]["role"],
        fit=report["fit"],
        pages=report["cv"]["pages"],
        missing=tuple(" ".join(r["text"].split()) for r in missing[:MISSING_SHOWN]),
        files=tuple(done.files),
        changed=len(done.changed),
        notes=tuple(
            f"no {name} found in the posting; add front matter to it (`{name}: ...` between --- lines)"
            for name in ("company", "role")
            if report["posting"][f"{name}_source"] == "missing"
        )
        + tuple(f"no {name} written: {why}" for name, why in done.build.skipped.items())
        + tuple(posting_warnings(done.build.outcome.posting)),
        skipped=tuple(done.build.skipped),
    )


_WARM_MODULES = {
    "pdf": (
        "reportlab.platypus",
        "tailor.app.application_docs",
        "tailor.app.bundle",
        "tailor.documents.letter",
        "tailor.render.document_pdf",
        "tailor.render.pdf",
    ),
    "docx": ("docx", "docxtpl", "jinja2.sandbox", "tailor.render.docx", "tailor.render.document_docx"),
}


def _warm_up(request: BatchRequest) -> None:
    """Load what every build needs once, before the workers are forked from this process."""
    import importlib

    from tailor.inputs.themes import load_theme
    from tailor.matching.vocabulary import load_vocabulary
    from tailor.render.fonts import family_for

    for module in _WARM_MODULES["pdf"] + (_WARM_MODULES["docx"] if "docx" in request.each.formats else ()):
        importlib.import_module(module)  # what the builds import, once instead of in every worker
    theme = load_theme(request.each.theme)
    family_for(theme.fonts.body)
    family_for(theme.fonts.heading_font)
    load_vocabulary()
    # The workers never free what is loaded now: keep the garbage collector from scanning it
    # (and from touching, hence copying, the pages the workers share with this process).
    gc.freeze()


def _pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing

    # fork: the workers inherit the loaded modules, fonts and vocabulary (Linux only; elsewhere
    # the platform's default start method, and each worker loads them itself).
    if sys.platform.startswith("linux"):
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(workers)


def run_batch(
    request: BatchRequest,
    on_planned: Callable[[int], None] = lambda total: None,
    on_done: Callable[[Application], None] = lambda app: None,
) -> list[Application]:
    """Build every posting's application folder, in parallel, reporting each as it finishes.

    Args:
        request: The batch.
        on_planned: Called once with the number of applications, before any is reported.
        on_done: Called with each application as it finishes (in completion order).

    Returns:
        Every application, in the order of ``request.postings``.

    Raises:
        TailorError: The profile, theme or rules file is invalid (nothing is built).
    """
    check_inputs(request)
    results: dict[int, Application] = {}
    total = len(request.postings)
    workers = min(request.jobs or os.cpu_count() or 1, total)
    if workers <= 1:
        on_planned(total)
        for index, item in _plan(request):
            results[index] = item if isinstance(item, Application) else build_one(*item)
            on_done(results[index])
    else:
        _warm_up(request)
        _run_parallel(_plan(request), workers, results, lambda: on_planned(total), on_done)
    return [results[index] for index in range(total)]


def _run_parallel(
    planned: Iterable[tuple[int, Application | tuple[BuildRequest, Path]]],
    workers: int,
    results: dict[int, Application],
    on_started: Callable[[], None],
    on_done: Callable[[Application], None],
) -> None:
    """Submit each planned build as it is read; then call ``on_started`` and report as they finish.

    Until every build is submitted this process does only what keeps the workers
    busy (the progress bar's imports would make them wait).
    """
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    with _pool(workers) as pool:
        futures: dict[Future[Application], tuple[int, BuildRequest, Path]] = {}
        done: list[Application] = []  # reading errors met before the bar is shown
        for index, item in planned:
            if isinstance(item, Application):
                results[index] = item
                done.append(item)
            else:
                futures[pool.submit(build_one, *item)] = (index, *item)
        on_started()
        for app in done:
            on_done(app)
        for future in as_completed(futures):
            index, build, folder = futures[future]
            try:
                results[index] = future.result()
            except BrokenProcessPool as err:  # a worker died (killed, out of memory)
                posting = Path(build.posting.source)
                results[index] = Application(posting, folder, error=f"the worker building it stopped: {err}")
            on_done(results[index])
