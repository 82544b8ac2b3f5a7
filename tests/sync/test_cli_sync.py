"""``planner sync`` and ``planner conflicts`` as whole processes; each failure one line."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from couch_server import ROOT, Server, free_port
from sync_helpers import edit_notes, everything, fill

from planner.storage.ledger import Ledger


def planner(folder: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), LC_ALL="C.UTF-8")
    env.pop("PLANNER_SYNC_PASSWORD", None)
    if password is not None:
        env["PLANNER_SYNC_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "planner", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def data(folder: Path) -> dict[str, bytes]:
    """The store's data files (the daily backup and the lock aside)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "backups" not in p.parts and p.name != "store.lock"
    }


def test_sync_json_remembers_the_server_and_user(desks, database: str, server: Server):
    a, b = desks["a"], desks["b"]
    fill(a, clients=1, sessions=1)
    first = planner(a, "sync", database, "--user", server.user, "--json", password=server.password)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"sent": 5, "received": 0, "conflicts": 0}
    got = planner(b, "sync", database, "--user", server.user, "--json", password=server.password)
    assert json.loads(got.stdout) == {"sent": 0, "received": 5, "conflicts": 0}
    again = planner(a, "sync", password=server.password)  # URL and user remembered
    assert again.returncode == 0 and again.stdout == "Sent 0, received 0.\n"
    ledger = (a / "sync.db").read_bytes()
    assert server.password.encode() not in ledger and database.encode() in ledger


def test_conflicts_listed_and_resolved_from_the_command_line(desks, database, server):
    a, b = desks["a"], desks["b"]
    session = fill(a, clients=1, sessions=1)["sessions"][0]
    for desk in (a, b):
        planner(desk, "sync", database, "--user", server.user, password=server.password)
    edit_notes(a, session.id, "A")
    edit_notes(b, session.id, "B")
    for desk in (a, b):
        planner(desk, "sync", password=server.password)
    listed = planner(b, "conflicts", "--json")
    found = json.loads(listed.stdout)
    assert [(f["kind"], f["id"]) for f in found] == [("session", session.id)]
    assert set(found[0]) == {"kind", "id", "title", "versions"} and len(found[0]["versions"]) == 2
    assert "session " + session.id in planner(b, "conflicts").stdout
    bad = planner(b, "conflicts", "resolve", session.id, "--keep", "7-nothing")
    assert "is not a version" in one_line(bad)
    kept = planner(b, "conflicts", "resolve", session.id, "--keep", "theirs")
    assert kept.returncode == 0, kept.stderr
    done = planner(b, "sync", "--json", password=server.password)
    assert json.loads(done.stdout)["conflicts"] == 0
    planner(a, "sync", password=server.password)
    assert json.loads(planner(a, "conflicts", "--json").stdout) == []
    assert everything(a) == everything(b)


def test_wrong_password_is_one_line_and_leaves_the_store(desks, database, server):
    a = desks["a"]
    fill(a, clients=1, sessions=1)
    before = data(a)
    result = planner(a, "sync", database, "--user", server.user, password="wrong")
    assert "refused the user name or password" in one_line(result)
    assert data(a) == before


def test_unreachable_server_is_one_line(desks):
    a = desks["a"]
    fill(a, clients=1, sessions=1)
    before = data(a)
    result = planner(a, "sync", f"http://127.0.0.1:{free_port()}/practice")
    assert "cannot be reached" in one_line(result)
    assert data(a) == before


class _NotCouch(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        body = b"<html><body>A web page, not a database</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web_page() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotCouch)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/practice"
    httpd.shutdown()
    httpd.server_close()


def test_a_web_page_is_not_couchdb(desks, web_page: str):
    a = desks["a"]
    fill(a, clients=1, sessions=1)
    before = data(a)
    assert "is not a CouchDB database" in one_line(planner(a, "sync", web_page))
    assert data(a) == before


def test_plain_http_only_to_this_machine(desks):
    a = desks["a"]
    result = planner(a, "sync", "http://192.0.2.7:5984/practice")
    assert "use https://" in one_line(result)
    near = planner(a, "sync", "http://192.0.2.7:5984/practice", "--insecure")
    assert "use https://" not in near.stderr  # allowed; the address itself is unreachable


def test_tls_failure_is_one_line(desks, tmp_path: Path):
    """A server whose certificate nobody trusts: refused, one line."""
    import ssl

    cert, key = _self_signed(tmp_path)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotCouch)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"https://127.0.0.1:{httpd.server_address[1]}/practice"
        result = planner(desks["a"], "sync", url)
        assert "certificate" in one_line(result)
    finally:
        httpd.shutdown()
        httpd.server_close()


def _self_signed(folder: Path) -> tuple[str, str]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    openssl = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
    )
    if openssl.returncode != 0:
        pytest.skip("openssl cannot make a test certificate here")
    return str(cert), str(key)


def test_the_ledger_never_holds_the_password(desks, database, server):
    a = desks["a"]
    fill(a, clients=1, sessions=0)
    planner(a, "sync", database, "--user", server.user, password=server.password)
    assert Ledger(a).state["user"] == server.user
    assert all(server.password.encode() not in raw for raw in data(a).values())
