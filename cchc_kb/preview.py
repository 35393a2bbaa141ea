"""Serve a built site locally under a portal's sub-path, and drive headless Chromium on it.

A portal publishes the site under a folder of its own (``/cong-khai/cchc/``); previews,
screenshots and browser tests serve it the same way, so a link that only works at the root
shows up as broken. Chromium is Debian's package; its background services are switched off
because the machines that build the site have no network beyond the loopback.
"""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
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
    import subprocess

    subprocess.run(
        [CHROMIUM, *CHROMIUM_ARGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
