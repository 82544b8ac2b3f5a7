"""Real processes: saves survive kill -9 at random moments; one writer at a time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from planner.storage import Store, StoreLockedError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")

ROOT = Path(__file__).resolve().parents[2]

SAVER = """
import sys
from planner.core.plan import SessionPlan, Step
from planner.storage import ClientRecord, SessionRecord, Store

with Store.open(sys.argv[1]) as store:
    client = store.find_client("Crash Test") or store.save_client(ClientRecord("", "Crash Test"))
    number = 0
    while True:
        number += 1
        steps = [Step("effleurage", "foot", "both", 5, "light", "x" * (number % 700))] * 8
        plan = SessionPlan(title=f"save {number}", steps=steps)
        saved = store.save_session(SessionRecord("", client.id, plan))
        print("session", saved.id, "saved", flush=True)
        if number % 4 == 0:
            template = store.save_template(f"t {number}", plan)
            print("template", template.id, "saved", flush=True)
        if number % 5 == 0:
            other = store.save_client(ClientRecord("", f"client {number}"))
            print("client", other.id, "saved", flush=True)
"""

HOLDER = """
import sys
from planner.storage import Store

store = Store.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


def _start(script: str, folder: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", script, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _kill(child: subprocess.Popen[str]) -> list[str]:
    """SIGKILL the child; the lines it had printed (each one after a save returned)."""
    os.kill(child.pid, signal.SIGKILL)
    rest, errors = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, errors
    return rest.splitlines()


def _saves_until_killed(folder: Path, seconds: float) -> list[str]:
    """Run the saver until coreutils' timeout sends it SIGKILL; the lines it printed.

    The kill comes from another process at a wall-clock moment, so it can land
    anywhere: inside a write, between the rename and the folder sync, in Python.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        ["timeout", "--signal=KILL", f"{seconds:.3f}", sys.executable, "-c", SAVER, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL), done.stderr
    return done.stdout.splitlines()


@pytest.mark.slow
def test_every_reported_save_survives_kill_9_at_random_moments(tmp_path: Path):
    folder = tmp_path / "store"
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    reported: list[tuple[str, str]] = []
    for _ in range(8):
        lines = _saves_until_killed(folder, rng.uniform(0.5, 1.1))
        # A kill can cut the last line short; only a whole line (ending in
        # "saved") is a report that the save returned.
        for line in lines:
            fields = line.split()
            if len(fields) == 3 and fields[2] == "saved":
                reported.append((fields[0], fields[1]))

    with Store.open(folder) as store:  # opens cleanly: no lock left, nothing damaged
        client = store.find_client("Crash Test")
        assert client is not None
        session_ids = {s.id for s in store.sessions_for(client.id)}
        template_ids = {t.id for t in store.templates()}
        client_ids = {c.id for c in store.clients()}
        for kind, record_id in reported:
            found = {"session": session_ids, "template": template_ids, "client": client_ids}
            assert record_id in found[kind], f"{kind} {record_id} was reported saved but is gone"
        assert store.info()["sessions"] == len(session_ids)
    leftovers = [p for p in folder.rglob("*.tmp") if "backups" not in p.parts]
    assert leftovers == []
    assert len([k for k, _ in reported if k == "session"]) >= 1


def test_lock_of_a_live_process_blocks_writers_and_dies_with_it(tmp_path: Path):
    folder = tmp_path / "store"
    Store.open(folder).close()
    holder = _start(HOLDER, folder)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "open"
    with pytest.raises(StoreLockedError, match="another window or program"):
        Store.open(folder)
    with Store.open(folder, read_only=True) as reader:
        assert reader.clients() == []
    _kill(holder)
    Store.open(folder).close()  # the dead holder's lock does not block
