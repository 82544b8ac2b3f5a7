"""Benchmark the store at the scale of ten busy years: 20,000 sessions for 2,000 clients.

``python bench/bench_store.py`` generates the big store once (cached under the
temporary folder; ``--fresh`` makes it again), copies it to a scratch folder and
measures:

- opening the store for writing (median of 5), and the first open of a day,
  which also makes the day's incremental backup (target: at most 1 s each); the
  very first backup of a big store, which copies every file once, is shown too;
- saving one session, new and edited (median of 20 saves to 20 clients), in the
  big store and in a store of 100 sessions (target: at most 50 ms median, and the
  big store at most twice the small one);
- listing one client's sessions (median of 20 clients; target: at most 20 ms).

Prints the figures and PASS/FAIL for each target; exits 1 if any target fails.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from make_store import make_store  # noqa: E402

from planner.storage import Store  # noqa: E402
from planner.storage.paths import BACKUPS_DIR  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "planner-bench-store-2000x20000"
RUNS = 20


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def measure_saves(folder: Path) -> tuple[float, float]:
    """Median seconds to save a new session and to save an edited one (20 clients each)."""
    with Store.open(folder) as store:
        clients = store.clients()[:: max(1, len(store.clients()) // RUNS)][:RUNS]
        new_times, edit_times = [], []
        for client in clients:
            existing = store.sessions_for(client.id)[0]
            fresh = dataclasses.replace(existing, id="", status="draft")
            new_times.append(timed(lambda fresh=fresh: store.save_session(fresh)))
            edited = dataclasses.replace(existing, after_notes="Edited after the session.")
            edit_times.append(timed(lambda edited=edited: store.save_session(edited)))
    return statistics.median(new_times), statistics.median(edit_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="generate the big store again")
    args = parser.parse_args()
    if args.fresh or not (CACHE / "store.json").is_file():
        shutil.rmtree(CACHE, ignore_errors=True)
        print(f"generating 20,000 sessions for 2,000 clients in {CACHE} ...", flush=True)
        began = time.perf_counter()
        make_store(CACHE, 2000, 20000)
        print(f"  generated in {time.perf_counter() - began:.1f} s")
    results: list[tuple[str, float, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as scratch:
        big = Path(scratch) / "big"
        shutil.copytree(CACHE, big)
        small = Path(scratch) / "small"
        make_store(small, 10, 100)

        # The first write-open of a day also makes that day's backup: incremental
        # (copies only files changed since the previous backup) once a backup exists.
        shutil.rmtree(big / BACKUPS_DIR, ignore_errors=True)
        began = time.perf_counter()
        store = Store.open(big)  # the first backup ever copies every file, in the background
        very_first_open = time.perf_counter() - began
        store.close()
        very_first_close = time.perf_counter() - began
        today = datetime.date.today()
        yesterday = today - datetime.timedelta(days=1)
        backups = big / BACKUPS_DIR
        (backups / f"daily-{today}").rename(backups / f"daily-{yesterday}")
        with Store.open(big, read_only=True) as store:
            client = store.clients()[3]
        with Store.open(big) as store:  # a day's work: ten sessions saved
            for record in store.sessions_for(client.id)[:10]:
                store.save_session(record)
        (backups / f"daily-{today}").rename(backups / f"daily-{yesterday}-2")
        first_open = timed(lambda: Store.open(big).close())
        results.append(
            (
                "open, first backup ever (copy runs behind)",
                very_first_open,
                "<= 1 s",
                very_first_open <= 1,
            )
        )
        results.append(("  ... until that full copy is done", very_first_close, "(info)", True))
        results.append(
            ("open, first of a day (with backup)", first_open, "<= 1 s", first_open <= 1)
        )
        opens = [timed(lambda: Store.open(big).close()) for _ in range(5)]
        read_only_opens = [timed(lambda: Store.open(big, read_only=True).close()) for _ in range(5)]
        open_median = statistics.median(opens)
        results.append(("open for writing (median of 5)", open_median, "<= 1 s", open_median <= 1))
        ro = statistics.median(read_only_opens)
        results.append(("open read-only (median of 5)", ro, "<= 1 s", ro <= 1))

        small_new, small_edit = measure_saves(small)
        big_new, big_edit = measure_saves(big)
        for label, big_time, small_time in (
            ("new", big_new, small_new),
            ("edited", big_edit, small_edit),
        ):
            results.append(
                (f"save {label} session, 20,000 store", big_time, "<= 50 ms", big_time <= 0.05)
            )
            results.append((f"save {label} session, 100 store", small_time, "(reference)", True))
            ratio = big_time / small_time
            results.append((f"ratio big/small ({label})", ratio, "<= 2x", ratio <= 2))

        with Store.open(big, read_only=True) as store:
            clients = store.clients()[7 :: len(store.clients()) // RUNS][:RUNS]
            lists = [timed(lambda c=c: store.sessions_for(c.id)) for c in clients]
            listing = statistics.median(lists)
            results.append(
                ("list one client's sessions (median)", listing, "<= 20 ms", listing <= 0.02)
            )
            recent = timed(lambda: store.recent_sessions(10))
            results.append(("recent sessions, 10 (once)", recent, "(info)", True))
            info_time = timed(store.info)
            results.append(("store info with counts (once)", info_time, "(info)", True))

    failed = False
    for label, value, target, ok in results:
        shown = f"{value:.2f}x" if label.startswith("ratio") else f"{value * 1000:8.1f} ms"
        verdict = "PASS" if ok else "FAIL"
        if target == "(reference)" or target == "(info)":
            verdict = ""
        failed |= not ok
        print(f"{label:<42}{shown:>12}   {target:<12}{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
