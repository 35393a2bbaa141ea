"""Material's templates on a second core: a forked process renders two of every three generated pages
while MkDocs renders the others, and hands its pages back in order.

Beside hooks/cchc.py, which loads it (MkDocs puts a hook's folder on the import path while it
loads the hook): it does what ``mkdocs.commands.build._build_page`` does up to the template's
output, so it stays out of the package.

Forked when MkDocs has read every page and the theme's environment is complete (``on_env``),
the process has the pages, the nav and the templates as they are. For each of its pages it
marks the page active, makes MkDocs' context, runs the ``page_context`` events and renders the
page's template; the HTML goes back through a pipe, in page order. MkDocs still builds every
page in this process, in its order: for a page rendered elsewhere it renders an empty template
(``SKIPPED_TEMPLATE``, set in the page's meta) and the hook's ``on_post_page`` puts the other
process's HTML in its place (``output``, waiting for it if needed), so every later event, the
file MkDocs writes and the search index's copy are what they were.

The other process runs only the theme: no ``post_page`` event (the search copier's thread lives
here; threads do not survive a fork), nothing written. What it logs comes back with its page
and is logged here; an error names the page and fails the build here; a build that fails ends
it (``stop``).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import pickle
import signal
import struct
import traceback

from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError

# overrides/cchc-skipped.html: renders nothing (the page's HTML comes from the other process).
SKIPPED_TEMPLATE = "cchc-skipped.html"
# The pipe holds this many bytes the parent has not read yet (Linux's default limit for an
# unprivileged process): the other process renders a few dozen pages ahead, never the site.
PIPE_BYTES = 1 << 20
_LENGTH = struct.Struct("<Q")

log = logging.getLogger("mkdocs.hooks.cchc")


def share(pages: list, taken: int = 2, of: int = 3) -> list:
    """The pages (MkDocs ``Page`` objects, in the order MkDocs builds them) the other process
    renders: ``taken`` of every ``of``. This process also writes every page and hands it to the
    search index's copier, so it keeps the smaller part."""
    return [page for index, page in enumerate(pages) if index % of >= of - taken]


class ThemePool:
    """The other process, forked by ``start``, and this side of its pipe."""

    def __init__(self, pid: int, reader, pages: list, templates: dict[str, object]) -> None:
        self.pid = pid
        self.reader = reader
        self.waiting = [page.file.src_uri for page in pages]  # in the order they come
        self.next = 0
        self.templates = templates  # each page's own ``template`` meta, put back once built

    @classmethod
    def start(cls, env, config, files, nav, pages: list) -> ThemePool | None:
        """Fork the process that renders ``pages`` (in MkDocs' order) and give those pages the
        empty template here. None if the system cannot fork now: this process renders all."""
        read_end, write_end = os.pipe()
        with contextlib.suppress(OSError):  # a smaller pipe only keeps the process less ahead
            fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        try:
            pid = os.fork()
        except OSError as error:
            os.close(read_end)
            os.close(write_end)
            log.info("Theme: every page rendered in one process (no second one: %s)", error)
            return None
        if pid == 0:  # the other process: it never returns
            os.close(read_end)
            _render_pages(write_end, env, config, files, nav, pages)
        os.close(write_end)
        templates = {}
        for page in pages:
            templates[page.file.src_uri] = page.meta.get("template")
            page.meta["template"] = SKIPPED_TEMPLATE
        return cls(pid, os.fdopen(read_end, "rb"), pages, templates)

    def takes(self, page) -> bool:
        return page.file.src_uri in self.templates

    def output(self, page) -> str:
        """The page's HTML from the other process (its log lines logged here)."""
        src = page.file.src_uri
        expected = self.waiting[self.next] if self.next < len(self.waiting) else None
        if src != expected:
            raise PluginError(f"Theme: page {src} built out of order (expected {expected})")
        frame = self._read()
        if frame is None:
            status = self._reap()
            raise PluginError(
                f"Theme: the process rendering pages beside the build ended before {src}"
                f" ({_status_text(status)})"
            )
        kind, name, payload, records = frame
        for logger, level, message in records:
            logging.getLogger(logger).log(level, message)
        if kind == "error":
            self._reap()
            raise PluginError(f"Theme: error rendering page '{name}': {payload}")
        self.next += 1
        original = self.templates[src]
        if original is None:
            page.meta.pop("template", None)
        else:
            page.meta["template"] = original
        if self.next == len(self.waiting):
            self.close()
        return payload

    def close(self) -> None:
        """The other process's work is done: wait for its end; fail if it did not end well."""
        if self.pid is None:
            return
        left = len(self.waiting) - self.next
        status = self._reap()
        if left:
            raise PluginError(f"Theme: {left} pages rendered elsewhere were never built")
        if status != 0:
            raise PluginError(f"Theme: the other process failed ({_status_text(status)})")

    def stop(self) -> None:
        """The build failed: end the other process now."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap()

    def _read(self) -> tuple | None:
        head = self.reader.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return None
        (length,) = _LENGTH.unpack(head)
        body = self.reader.read(length)
        return pickle.loads(body) if len(body) == length else None

    def _reap(self) -> int:
        pid, self.pid = self.pid, None
        self.reader.close()
        if pid is None:
            return 0
        _, status, usage = os.wait4(pid, 0)
        log.debug(
            "Theme: %d pages rendered by another process in %.2f CPU-s (%.2f s system)",
            self.next,
            usage.ru_utime + usage.ru_stime,
            usage.ru_stime,
        )
        return os.waitstatus_to_exitcode(status)


def _status_text(code: int) -> str:
    return f"signal {-code}" if code < 0 else f"exit status {code}"


class _Records(logging.Handler):
    """What the other process logs for a page, to be logged by the build's own process."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def take(self) -> list[tuple[str, int, str]]:
        records, self.records = self.records, []
        return records


def _render_pages(write_end: int, env, config, files, nav, pages: list) -> None:
    """In the forked process: each page's template output, or the first error, down the pipe;
    then exit without running anything the build's process would run again."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it with the build
        records = _Records()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.handlers = [records]  # the build's process prints them, once
        mkdocs_log.propagate = False
        doc_files = files.documentation_pages()
        with os.fdopen(write_end, "wb") as pipe:
            for page in pages:
                try:
                    html = _render(page, env, config, doc_files, nav)
                except Exception as error:
                    message = "".join(traceback.format_exception(error)).rstrip()
                    _send(pipe, ("error", page.file.src_uri, message, records.take()))
                    return
                _send(pipe, ("page", page.file.src_uri, html, records.take()))
        status = 0
    except BrokenPipeError:
        pass  # the build ended (failed elsewhere): nothing waits for these pages
    except BaseException:
        traceback.print_exc()  # the build reports the process's end; this says why
    finally:
        os._exit(status)


def _render(page, env, config, doc_files, nav) -> str:
    """``mkdocs.commands.build._build_page`` up to the template's output."""
    config._current_page = page
    try:
        page.active = True
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return template.render(context)
    finally:
        page.active = False
        page.content = None  # rendered: its HTML is not needed again here
        config._current_page = None


def _send(pipe, frame: tuple) -> None:
    body = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(_LENGTH.pack(len(body)) + body)
    pipe.flush()
