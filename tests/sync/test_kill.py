"""``kill -9`` of a sync at random moments: nothing lost, the next sync completes, desks equal.

Two desks each keep changing their own clients' sessions while their syncs are
killed at random moments (at least 100 kills of a sync still running). Then
each desk syncs to the end: every record made and every last edit is on both
desks, and the two stores hold the same records.
"""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from couch_server import ROOT, Server
from sync_helpers import conflicts, everything, fill, sync_desk

from planner.storage import Store

KILLS = 100


def _start_sync(folder: Path, url: str, server: Server) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PLANNER_SYNC_PASSWORD=server.password)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "planner",
            "--data-dir",
            str(folder),
            "sync",
            url,
            "--user",
            server.user,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )


def _edit_some(folder: Path, rng: random.Random, round_: int, last: dict[str, str]) -> None:
    with Store.open(folder) as store:
        ids = sorted(s.id for c in store.clients() for s in store.session_summaries(c.id))
        mine = [i for i in ids if i in last]
        for session_id in rng.sample(mine, k=min(3, len(mine))):
            note = f"{folder.name} round {round_}"
            record = store.session(session_id)
            store.save_session(dataclasses.replace(record, after_notes=note))
            last[session_id] = note


@pytest.mark.slow
def test_killed_syncs_lose_nothing(desks, database: str, server: Server):
    rng = random.Random(20261130)
    a, b = desks["a"], desks["b"]
    last: dict[Path, dict[str, str]] = {}
    for desk in (a, b):
        made = fill(desk, clients=8, sessions=5)
        last[desk] = {s.id: "" for s in made["sessions"]}
    kills = rounds = 0
    while kills < KILLS:
        rounds += 1
        desk = (a, b)[rounds % 2]
        if rounds % 3 == 0:
            _edit_some(desk, rng, rounds, last[desk])
        process = _start_sync(desk, database, server)
        time.sleep(rng.uniform(0.05, 0.6))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        if process.returncode not in (0, -signal.SIGKILL):
            raise AssertionError(process.stderr.read().decode() if process.stderr else "")
        if process.stderr:
            process.stderr.close()
    for desk in (a, b, a):
        result = sync_desk(desk, database, server)
        assert result.conflicts == 0
    assert everything(a) == everything(b)
    records = everything(a)
    for desk in (a, b):
        for session_id, note in last[desk].items():
            assert records[f"session:{session_id}"]["after_notes"] == note
    assert conflicts(a) == conflicts(b) == []
