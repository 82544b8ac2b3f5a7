"""Running ``planner`` as a whole process, and what a hard-edge test checks of it."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "export"))

from export_samples import plan_json  # noqa: E402


def planner(
    *args: str | bytes | os.PathLike[str],
    timeout: float = 60,
    **options: Any,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m planner ARGS`` with any bytes as arguments; output kept as bytes."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), LC_ALL="C.UTF-8", PYTHONUTF8="1")
    options.setdefault("cwd", ROOT)
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        timeout=timeout,
        env=env,
        **options,
    )


def one_error_line(result: subprocess.CompletedProcess[bytes], status: int = 2) -> str:
    """The one stderr line of a command that failed as it should; checks the whole shape."""
    err = result.stderr.decode("utf-8")
    assert result.returncode == status, (result.returncode, err)
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert "Traceback" not in err and "\x1b" not in err
    return err


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every entry under ``folder`` with its content and mode, to see nothing changed."""
    found: dict[str, tuple[bytes | None, int]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        found[str(path.relative_to(folder))] = (content, info.st_mode)
    return found


def write_plan(folder: Path, name: str | bytes = "plan.json", **changes: Any) -> Path | bytes:
    data = json.dumps(plan_json(**changes)).encode("utf-8")
    if isinstance(name, bytes):
        path = os.path.join(os.fsencode(folder), name)
        with open(path, "wb") as handle:
            handle.write(data)
        return path
    target = folder / name
    target.write_bytes(data)
    return target


def small_files_only(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` under which no file over ``limit`` bytes can be written (a full disk)."""

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_file_size
