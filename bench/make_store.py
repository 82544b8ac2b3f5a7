"""Make a realistic store of many clients and sessions for the store benchmark.

``python bench/make_store.py DEST [--clients N] [--sessions M]`` writes a store
in the current layout (see planner/storage/store.py) straight to disk: a store of
2,000 clients and 20,000 sessions (eight steps each) takes a few seconds, where
saving them one by one through the store would sync 20,000 times.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.core.library import builtin_library  # noqa: E402
from planner.core.plan import AvoidedArea, Client, SessionPlan, Step, Therapist  # noqa: E402
from planner.core.planfile import plan_to_json  # noqa: E402
from planner.core.regions import REGIONS, default_side  # noqa: E402
from planner.storage.migrations import CURRENT_VERSION  # noqa: E402
from planner.storage.paths import MAIN_FILE, SESSIONS_DIR, make_private_folder  # noqa: E402

FIRST_NAMES = ["Alex", "Sam", "Jordan", "Robin", "Casey", "Morgan", "Jamie", "Dana", "Lee", "Kim"]
LAST_NAMES = ["Doe", "Rivera", "Nguyen", "Okafor", "Schmidt", "Rossi", "Kowalski", "Haddad"]
CONDITION_SETS = [["neuropathy"], ["neuropathy", "diabetes"], ["neuropathy", "blood-thinners"]]


def _plan(rng: random.Random, client: str, conditions: list[str], day: datetime.date) -> dict:
    library = builtin_library()
    techniques = sorted(library.builtin_techniques)
    regions = sorted(REGIONS)
    steps = []
    for _ in range(8):
        technique = library.techniques[rng.choice(techniques)]
        region = rng.choice(regions)
        steps.append(
            Step(
                technique=technique.id,
                region=region,
                side=default_side(region),
                minutes=rng.choice([3, 5, 6, 8, 10]),
                pressure=technique.default_pressure,
                notes=rng.choice(["", "check skin colour first", "slow, client is sensitive"]),
            )
        )
    plan = SessionPlan(
        title=f"Session for {client}",
        date=day,
        therapist=Therapist("Sam Rivera, LMT", "Northside Bodywork"),
        client=Client(client, tuple(conditions), "Prefers feet first."),
        avoid=[AvoidedArea("heel", "left", "open-wound", "healing blister")],
        steps=steps,
    )
    return plan_to_json(plan)


def make_store(dest: Path, clients: int, sessions: int, seed: int = 1) -> None:
    """Write a store of ``clients`` clients sharing ``sessions`` sessions into ``dest``."""
    rng = random.Random(seed)
    make_private_folder(dest / SESSIONS_DIR)
    client_docs = {}
    start = datetime.date(2016, 1, 4)
    for number in range(1, clients + 1):
        client_id = f"c{number:012x}"
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}"
        conditions = rng.choice(CONDITION_SETS)
        client_docs[str(number)] = {
            "id": client_id,
            "name": name,
            "contact": f"555-{number:04d}",
            "conditions": conditions,
            "avoid": [],
            "symptoms": [{"region": "sole", "side": "both", "kind": "numbness", "intensity": 5}],
            "notes": "",
        }
        share = sessions // clients + (1 if number <= sessions % clients else 0)
        rows = {}
        for index in range(1, share + 1):
            day = start + datetime.timedelta(days=rng.randrange(3650))
            rows[str(index)] = {
                "id": f"{client_id}-{number:06x}{index:06x}",
                "plan": _plan(rng, name, conditions, day),
                "status": "done",
                "after_notes": "Tolerated well; less tingling afterwards.",
                "saved_at": f"{day.isoformat()}T12:00:00.000000+00:00",
            }
        path = dest / SESSIONS_DIR / f"{client_id}.json"
        path.write_text(json.dumps({"sessions": rows}, separators=(",", ":")), encoding="utf-8")
        path.chmod(0o600)
    main = {
        "meta": {"1": {"schema_version": CURRENT_VERSION}},
        "clients": client_docs,
        "templates": {},
        "settings": {},
    }
    (dest / MAIN_FILE).write_text(json.dumps(main, separators=(",", ":")), encoding="utf-8")
    (dest / MAIN_FILE).chmod(0o600)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=20000)
    args = parser.parse_args()
    began = time.perf_counter()
    make_store(args.dest, args.clients, args.sessions)
    print(
        f"{args.sessions} sessions for {args.clients} clients written to {args.dest} "
        f"in {time.perf_counter() - began:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
