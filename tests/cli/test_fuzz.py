"""Random bytes and random JSON into ``check``, ``export`` and ``import``.

Never a traceback, exit status 0, 1 or 2 only, exactly one line on stderr for
2, and nothing written when the status is 2. Most examples run the command in
this process (a traceback would be an exception escaping ``main``); a few run
as a whole process.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from edge_helpers import plan_json, planner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main

# FUZZ_EXAMPLES=2000 for a longer hunt; the suite runs 60.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, place: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [place]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*place, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*place, index))
    return found


@st.composite
def damaged_plans(draw: st.DrawFn) -> bytes:
    """A real plan with one member replaced by random JSON, or random JSON, or random bytes."""
    kind = draw(st.sampled_from(["member", "json", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "json":
        return json.dumps(draw(JSON)).encode("utf-8")
    data = plan_json()
    places = [place for place in _paths(data) if place]
    place = places[draw(st.integers(0, len(places) - 1))]
    target = data
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = draw(JSON)
    return json.dumps(data).encode("utf-8")


def _command(name: str, plan: Path, folder: Path) -> list[str]:
    store = ["--data-dir", str(folder / "store")]
    if name == "export":
        return [*store, "export", str(plan), "--protocol", str(folder / "p.pdf")]
    return [*store, name, str(plan)]


def _files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def _check_outcome(status: int, err: str, folder: Path, before: set[str]) -> None:
    assert status in (0, 1, 2), status
    assert "Traceback" not in err
    if status == 2:
        assert err.count("\n") == 1 and err.endswith("\n"), repr(err)
        assert _files(folder) == before


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=damaged_plans(), command=st.sampled_from(["check", "export", "import"]))
def test_random_plans_in_process(content: bytes, command: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan = folder / "plan.json"
        plan.write_bytes(content)
        before = _files(folder)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(_command(command, plan, folder))
        _check_outcome(status, err.getvalue(), folder, before)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=damaged_plans(), command=st.sampled_from(["check", "export", "import"]))
def test_random_plans_as_whole_processes(content: bytes, command: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan = folder / "plan.json"
        plan.write_bytes(content)
        before = _files(folder)
        result = planner(*_command(command, plan, folder))
        _check_outcome(result.returncode, result.stderr.decode("utf-8"), folder, before)
