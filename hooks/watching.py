"""`make preview` on a large repository: the system's file events instead of MkDocs' polling.

MkDocs watches with watchdog's PollingObserver: every half second it lists and stats every file
it watches, in the serving process. Under ``plans/`` of 10,000 plans (17,000 files and folders)
each pass takes about a third of a second, and a rebuild shares the one interpreter lock with
it. The system's file events (inotify on Linux) tell the same changes as they happen, without
polling. Only the events that change a file are asked for: every build opens and reads records,
and an "opened" event would start the next build.

Where the system has no such events, or has too few watches left for the repository's folders,
or ``CCHC_PREVIEW_POLL`` is set (a folder mounted from another machine, which sends no events),
MkDocs polls as it does.
"""

from __future__ import annotations

import contextlib
import logging
import os

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

POLL_ENV = "CCHC_PREVIEW_POLL"
CHANGES = [FileModifiedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent]
log = logging.getLogger("mkdocs.hooks.cchc")


class _ChangeObserver(Observer):
    """The system's observer, for the events that change a file; started once (here, so that
    a failure falls back to polling; MkDocs starts it again when it serves)."""

    def schedule(self, handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(
            handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )

    def start(self) -> None:
        if not self.is_alive():
            super().start()


def watch_by_events(server) -> bool:
    """Move every path ``server`` (MkDocs' LiveReloadServer) watches to the system's events;
    whether it did. MkDocs 1.6 keeps its watches in ``_watched_paths`` (path -> how many
    times watched), each scheduled on ``observer`` by ``watch``."""
    if os.environ.get(POLL_ENV) or issubclass(Observer, PollingObserver):
        return False
    polling, watched, refs = server.observer, server._watched_paths, server._watch_refs
    observer = _ChangeObserver()
    server.observer, server._watched_paths, server._watch_refs = observer, {}, {}
    try:
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)
        observer.start()
    except OSError as exc:  # no inotify watch left for every folder (fs.inotify.max_user_watches)
        with contextlib.suppress(Exception):
            observer.unschedule_all()
            observer.stop()
        server.observer, server._watched_paths, server._watch_refs = polling, watched, refs
        log.info(
            "Bản xem trước: không theo dõi được thay đổi bằng sự kiện của hệ thống (%s);"
            " MkDocs dò lại các tệp mỗi nửa giây",
            exc.strerror or exc,
        )
        return False
    log.info("Bản xem trước: theo dõi thay đổi bằng sự kiện của hệ thống tệp")
    return True
