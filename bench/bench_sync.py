"""Benchmark the sync with a clinic server: a first sync of a big store, then one change.

``python bench/bench_sync.py [--clients N] [--sessions M]`` starts pouchdb-server
(in memory, on a loopback port; installed by ``npm ci --prefix .ci/couch``) and
measures, in process:

- the first sync of a store of 2,000 clients and 20,000 sessions (every record
  sent) to an empty database (target: under 60 s);
- a second desk's first sync, taking all of them (for information);
- an incremental sync of the first desk after one session changed (median of 5;
  target: under 1 s);
- the window during a sync (Tools › Sync now) that receives one changed
  session: the longest gap of a 5 ms timer on the window's thread, over 5 syncs
  after the window's first (target: at most 50 ms; the first, which imports the
  HTTP client, is shown for information).

Set PLANNER_TEST_COUCHDB (http://user:password@127.0.0.1:5984) to measure
against an Apache CouchDB instead. Prints the figures and PASS/FAIL; exits 1 if
a target is missed.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))

from couch_server import external_couchdb, start_pouchdb  # noqa: E402
from make_store import make_store  # noqa: E402

from planner.storage import Store  # noqa: E402
from planner.sync.couch import Couch  # noqa: E402
from planner.sync.engine import SyncResult, sync  # noqa: E402

FIRST_TARGET = 60.0
INCREMENTAL_TARGET = 1.0
STALL_TARGET = 0.050


def timed_sync(folder: Path, url: str, user: str, password: str) -> tuple[float, SyncResult]:
    with Store.open(folder) as store, Couch(url, user, password) as couch:
        began = time.perf_counter()
        result = sync(store, couch)
        return time.perf_counter() - began, result


def change_one_session(folder: Path, round_: int) -> None:
    with Store.open(folder) as store:
        client = store.clients()[0]
        record = store.sessions_for(client.id)[0]
        store.save_session(dataclasses.replace(record, after_notes=f"changed {round_}"))


def window_stall(
    desk: Path, other: Path, url: str, user: str, password: str
) -> tuple[float, float]:
    """The longest pause of the window's thread during syncs that each bring one change:
    (in the window's first sync, in the five after it)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from planner.gui.window.app import build_window, open_store

    app = QApplication.instance() or QApplication([])
    opened = open_store(desk)
    assert opened is not None
    store, reason = opened
    window = build_window(store, reason)
    window.show()
    room = window.sync_room
    room.url, room.user, room.password = url, user, password
    pauses = []
    for round_ in range(6):  # the first, with the imports and the ledger's first read, apart
        change_one_session(other, 100 + round_)
        timed_sync(other, url, user, password)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat(gaps: list[float] = gaps, last: list[float] = last) -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(beat)
        loop = QEventLoop()
        room.synced.connect(loop.quit)
        timer.start()
        room.sync_now()
        loop.exec()
        timer.stop()
        room.synced.disconnect(loop.quit)
        pauses.append(max(gaps))
    window.close()
    store.close()
    del app
    print(f"window: longest pause in each sync: {', '.join(f'{p * 1000:.0f}' for p in pauses)} ms")
    return pauses[0], max(pauses[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        server = external_couchdb() or start_pouchdb(scratch / "server")
        try:
            url = server.new_database()
            desk_a, desk_b = scratch / "a", scratch / "b"
            make_store(desk_a, args.clients, args.sessions)
            first, result = timed_sync(desk_a, url, server.user, server.password)
            print(f"first sync, {result.sent} records sent: {first:.1f} s")
            second, taken = timed_sync(desk_b, url, server.user, server.password)
            print(f"second desk's first sync, {taken.received} records taken: {second:.1f} s")
            times = []
            for round_ in range(5):
                change_one_session(desk_a, round_)
                seconds, one = timed_sync(desk_a, url, server.user, server.password)
                assert one.sent == 1, one
                times.append(seconds)
            incremental = statistics.median(times)
            print(f"incremental sync, one changed session: {incremental * 1000:.0f} ms (median)")
            first_stall, stall = window_stall(desk_a, desk_b, url, server.user, server.password)
            print(
                f"window during a sync bringing one change: longest pause {stall * 1000:.0f} ms "
                f"(the window's first sync, which imports the HTTP client: "
                f"{first_stall * 1000:.0f} ms)"
            )
        finally:
            server.stop()
    ok = first < FIRST_TARGET and incremental < INCREMENTAL_TARGET and stall <= STALL_TARGET
    print(
        f"targets: first < {FIRST_TARGET:.0f} s, incremental < {INCREMENTAL_TARGET:.0f} s, "
        f"pause <= {STALL_TARGET * 1000:.0f} ms: " + ("PASS" if ok else "FAIL")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
