"""A CouchDB-compatible server for the sync tests and bench: pouchdb-server, in memory.

``.ci/couch`` pins pouchdb-server (package.json and package-lock.json; ``.ci/run``
installs it with ``npm ci``). It is started on a free loopback port with an
admin user, in a temporary folder (it writes its config and log there), and
stopped with the tests. Where ``PLANNER_TEST_COUCHDB`` names an Apache CouchDB
(``http://admin:password@127.0.0.1:5984``) the same tests run against it too.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

ROOT = Path(__file__).resolve().parents[2]
SERVER_JS = ROOT / ".ci" / "couch" / "node_modules" / "pouchdb-server" / "bin" / "pouchdb-server"
USER = "admin"
PASSWORD = "correct horse battery staple"


class NoServer(Exception):
    """No server can be started here; the message says why."""


@dataclass
class Server:
    """A running server: its root URL and admin credentials."""

    root: str
    user: str
    password: str
    process: subprocess.Popen[bytes] | None = None
    folder: Path | None = None

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        url = f"{self.root}/practice-{uuid.uuid4().hex[:12]}"
        answer = httpx.put(url, auth=(self.user, self.password), timeout=30)
        answer.raise_for_status()
        return url

    def log(self) -> str:
        if self.folder is None:
            return ""
        path = self.folder / "log.txt"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_pouchdb(folder: Path) -> Server:
    """pouchdb-server in memory on a free loopback port, with an admin; NoServer if impossible."""
    node = shutil.which("node")
    if node is None:
        raise NoServer("node is not installed, so pouchdb-server cannot run")
    if not SERVER_JS.exists():
        raise NoServer("pouchdb-server is not installed: run 'npm ci --prefix .ci/couch'")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [node, str(SERVER_JS), "--in-memory", "--host", "127.0.0.1", "--port", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    root = f"http://127.0.0.1:{port}"
    server = Server(root, USER, PASSWORD, process, folder)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(root, timeout=2)
            break
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise NoServer("pouchdb-server did not start") from None
            time.sleep(0.1)
    httpx.put(f"{root}/_config/admins/{USER}", json=PASSWORD, timeout=30).raise_for_status()
    return server


def pouchdb_for_tests(tmp_path_factory: Any) -> Iterator[Server]:
    """A pytest fixture's server: skipped where none can run (failed when
    ``PLANNER_REQUIRE_COUCH`` is set), stopped when the fixture ends."""
    import pytest

    try:
        server = start_pouchdb(tmp_path_factory.mktemp("pouchdb-server"))
    except NoServer as why:
        if os.environ.get("PLANNER_REQUIRE_COUCH"):
            pytest.fail(f"the sync tests need their server: {why}")
        pytest.skip(f"sync tests skipped: {why}")
    try:
        yield server
    finally:
        server.stop()


def external_couchdb() -> Server | None:
    """The Apache CouchDB named by PLANNER_TEST_COUCHDB, if any."""
    given = os.environ.get("PLANNER_TEST_COUCHDB")
    if not given:
        return None
    parts = urlsplit(given)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    root = urlunsplit((parts.scheme, netloc, "", "", ""))
    return Server(root, parts.username or "", parts.password or "")
