"""The generated pages built on every core: forked processes read, render and write them while
MkDocs builds the rest.

Beside hooks/cchc.py, which loads it (MkDocs puts a hook's folder on the import path while it
loads the hook): it runs MkDocs' own steps, so it stays out of the package.

The hook hides the generated pages outside the nav from MkDocs' page lists (``HidingFiles``):
MkDocs neither reads nor builds them, and only the few others (docs/, the nav's lists) go
through its loop. Forked when MkDocs has read those and the theme's environment is complete
(``on_env``), each process has the files, the nav and the templates as they are, and takes
every n-th run of pages: for each it does what MkDocs' loop would — ``Page``, then
``mkdocs.commands.build._populate_page`` and ``_build_page``, every page event included — so the
page is read, rendered and written as if MkDocs had built it, and the hook's ``on_post_page``
makes its search copy there. What a process logs comes back with its page and is logged by
the build's process, in page order; so do the search copies' rows (words, digest) and the
first error, which fails the build naming the page; a build that fails ends the processes
(``stop``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import selectors
import signal
import traceback
from collections.abc import Callable, Sequence

from jinja2 import TemplateNotFound, TemplateSyntaxError, meta
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from cchc_kb.parallel import widen_pipe

# Pages a process takes at a time: runs of neighbours share the theme's reused parts.
RUN = 16

log = logging.getLogger("mkdocs.hooks.cchc")


class HidingFiles(Files):
    """MkDocs' files, less the ``hidden`` pages in its page lists: the pool builds those."""

    hidden: frozenset[str] = frozenset()

    def documentation_pages(self, *, inclusion=InclusionLevel.is_included):
        pages = super().documentation_pages(inclusion=inclusion)
        return [file for file in pages if file.src_uri not in self.hidden]


def hide(files: Files, srcs: frozenset[str]) -> None:
    files.__class__ = HidingFiles
    files.hidden = srcs


class PagePool:
    """The processes forked by ``start`` and this side of their pipes."""

    def __init__(self, pids: list[int], readers: list, srcs: Sequence[str]) -> None:
        self.pids = pids
        self.processes = len(pids)
        self.readers = readers
        self.srcs = srcs
        self.summaries: list = []  # each process's ``summary()`` once its pages are built

    @classmethod
    def start(
        cls,
        env,
        config,
        files,
        nav,
        srcs: Sequence[str],
        page_class: type,
        summary: Callable[[], object],
        processes: int,
    ) -> PagePool:
        """Fork ``processes`` processes that build the pages ``srcs`` as pages of
        ``page_class`` (MkDocs' ``Page`` or a subclass); each sends ``summary()`` when it is
        done."""
        load_templates(env, "main.html")  # MkDocs' template for a page that names none
        pids, readers = [], []
        try:
            for index in range(processes):
                read_end, write_end = os.pipe()
                widen_pipe(write_end)  # read once MkDocs' own pages are built: no wait till then
                pid = os.fork()
                if pid == 0:  # a building process: it never returns
                    os.close(read_end)
                    for other in readers:
                        other.close()
                    mine = [src for n, src in enumerate(srcs) if n // RUN % processes == index]
                    _build_pages(write_end, env, config, files, nav, mine, page_class, summary)
                os.close(write_end)
                pids.append(pid)
                readers.append(os.fdopen(read_end, "rb"))
        except BaseException:
            cls(pids, readers, srcs).stop()
            raise
        return cls(pids, readers, srcs)

    def finish(self) -> list:
        """Wait for every page; log what the processes logged, in page order, and return the
        pages' results (``on_post_page``'s, from each process) in page order. The first error
        in page order fails the build."""
        frames: dict[str, tuple] = {}
        selector = selectors.DefaultSelector()
        for reader in self.readers:
            selector.register(reader, selectors.EVENT_READ)
        open_readers = len(self.readers)
        try:
            while open_readers:
                for key, _ in selector.select():
                    frame = _read(key.fileobj)
                    if frame is None:
                        selector.unregister(key.fileobj)
                        open_readers -= 1
                    elif frame[0] == "end":
                        self.summaries.append(frame[2])
                    else:
                        frames[frame[1]] = frame
        finally:
            selector.close()
        statuses = self._reap()
        results = []
        for src in self.srcs:
            frame = frames.get(src)
            if frame is None:
                failed = [f"{pid}: {_status_text(code)}" for pid, code in statuses if code]
                raise PluginError(f"Pages: page {src} was never built ({', '.join(failed)})")
            kind, name, payload, records = frame
            for logger, level, message in records:
                logging.getLogger(logger).log(level, message)
            if kind == "error":
                raise PluginError(f"Pages: error building page '{name}': {payload}")
            results.append(payload)
        log.debug("Pages: %d pages built by %d processes", len(results), self.processes)
        return results

    def stop(self) -> None:
        """The build failed: end the processes now."""
        for pid in self.pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._reap()

    def _reap(self) -> list[tuple[int, int]]:
        pids, self.pids = self.pids, []
        for reader in self.readers:
            reader.close()
        statuses = []
        for pid in pids:
            _, status, usage = os.wait4(pid, 0)
            log.debug(
                "Pages: process %d done in %.2f CPU-s (%.2f s system)",
                pid,
                usage.ru_utime + usage.ru_stime,
                usage.ru_stime,
            )
            statuses.append((pid, os.waitstatus_to_exitcode(status)))
        return statuses


def load_templates(env, name: str) -> None:
    """Compile template ``name`` and every template it names, and those they name, into the
    environment's cache: done once before the fork, not once in each process (and again in
    the build's process). A template named by an expression (Material's language file) is
    compiled where it is first rendered."""
    todo, seen = [name], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name)
            env.get_template(name)
        except (TemplateNotFound, TemplateSyntaxError):
            continue  # named under a condition the site leaves out: an error if rendered
        todo += [child for child in meta.find_referenced_templates(env.parse(source)) if child]


def _status_text(code: int) -> str:
    return f"signal {-code}" if code < 0 else f"exit status {code}"


class _Records(logging.Handler):
    """What a building process logs for a page, to be logged by the build's own process."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def take(self) -> list[tuple[str, int, str]]:
        records, self.records = self.records, []
        return records


def _build_pages(
    write_end: int, env, config, files, nav, srcs: list[str], page_class: type, summary
) -> None:
    """In a forked process: build each page as MkDocs' loop would; send each one's result
    (or the first error) down the pipe; then exit without running anything the build's
    process would run again."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it with the build
        records = _Records()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.handlers = [records]  # the build's process prints them, once
        mkdocs_log.propagate = False
        doc_files = files.documentation_pages()
        # No template changes while the pages are built: each include finds its template
        # compiled (``load_templates``) without a stat() of its file, in a plain dict rather
        # than Jinja's LRU cache, which reorders its queue on every lookup.
        env.auto_reload = False
        env.cache = dict(env.cache.items())
        with os.fdopen(write_end, "wb") as pipe:
            for src in srcs:
                file = files.get_file_from_path(src)
                try:
                    page = page_class(None, file, config)  # as MkDocs' loop makes it
                    _populate_page(page, config, files)
                    _build_page(page, config, doc_files, nav, env)
                    result = page.built  # what the hook's on_post_page kept of it
                except Exception as error:
                    message = "".join(traceback.format_exception_only(error)).rstrip()
                    _send(pipe, ("error", src, message, records.take()))
                    break
                _send(pipe, ("page", src, result, records.take()))
                page.content = None  # written: its HTML is not needed again here
            else:
                _send(pipe, ("end", None, summary(), []))
        status = 0
    except BrokenPipeError:
        pass  # the build ended (failed elsewhere): nothing waits for these pages
    except BaseException:
        traceback.print_exc()  # the build reports the process's end; this says why
    finally:
        os._exit(status)


def _read(reader) -> tuple | None:
    try:
        return pickle.load(reader)
    except EOFError:
        return None


def _send(pipe, frame: tuple) -> None:
    pickle.dump(frame, pipe, protocol=pickle.HIGHEST_PROTOCOL)
