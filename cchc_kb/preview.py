"""Serve a built site locally under a portal's sub-path, and drive headless Chromium on it.

A portal publishes the site under a folder of its own (``/cong-khai/cchc/``); previews,
screenshots and browser tests serve it the same way, so a link that only works at the root
shows up as broken. Chromium is Debian's package; its background services are switched off
because the machines that build the site have no network beyond the loopback.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import signal
import socket
import subprocess
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

SUBPATH = "cong-khai/cchc"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site: Path, subpath: str = SUBPATH) -> Iterator[str]:
    """Serve ``site`` at ``http://127.0.0.1:<free port>/<subpath>/``; yields that base URL."""
    with tempfile.TemporaryDirectory(prefix="cchc-preview-") as mount:
        link = Path(mount) / subpath
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(Path(site).resolve(), target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=mount)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/{subpath}/"
        finally:
            server.shutdown()
            server.server_close()


def free_port() -> int:
    """A loopback port nothing listens on now (for a server started by a test or benchmark)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_text(url: str, timeout: float = 10) -> str | None:
    """A page's text, or None while the server is not answering it."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def make_preview(
    project: Path, config: Path, port: int, log: Path, temp: Path
) -> Iterator[subprocess.Popen]:
    """``make preview`` of ``config`` on ``port``, output into ``log``, MkDocs' site folder
    under ``temp``; stopped on leaving with ^C to its group, so MkDocs removes that folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    command = [
        "make",
        "--no-print-directory",
        "preview",
        f"PREVIEW_CONFIG={config}",
        f"PREVIEW_ADDR=127.0.0.1:{port}",
    ]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # ^C must stop it even when this process was started with SIGINT ignored (as a
            # background job is): a child inherits "ignored", and Python then never installs
            # its KeyboardInterrupt handler, so MkDocs would serve on.
            preexec_fn=_interruptible,
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=300)


def first_listed_plan(html: str) -> str | None:
    """The id of the first plan a served page links to (an agency page lists its newest first)."""
    match = re.search(r'href="(?:\.\./)+ke-hoach/([a-z0-9-]+)/"', html)
    return match.group(1) if match else None


def site_config(repo: Path, project: Path, **settings: object) -> Path:
    """A mkdocs.yml for a repository outside the project: the project's config, pointed back
    at the project's docs, theme overrides and hook, with the corpus root set to ``repo``
    (and top-level ``settings`` replaced, e.g. ``use_directory_urls=False``)."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config.update(settings)
    config["docs_dir"] = str(project / "docs")
    config["theme"]["custom_dir"] = str(project / "overrides")
    config["hooks"] = [str(project / h) for h in config["hooks"]]
    config["extra"]["cchc"]["root"] = str(repo)
    path = repo / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def print_to_pdf(html: Path, pdf: Path) -> None:
    """Print a local HTML file to PDF with headless Chromium (test and benchmark fixtures)."""

    subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_ARGS,
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
