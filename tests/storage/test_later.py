"""The store's later parts (importing, signing, a course, the record check) load at first use."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from planner.storage import later, store

LATER_MODULES = [module for module, _ in later.LATER]


def _modules_after(code: str) -> set[str]:
    shown = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(shown.stdout.split())


def test_opening_a_store_loads_none_of_the_later_parts(tmp_path: Path):
    loaded = _modules_after(
        "from pathlib import Path\nfrom planner.storage import Store\n"
        f"Store.open(Path({str(tmp_path / 'store')!r})).library()"
    )
    assert "planner.storage.store" in loaded
    assert not loaded & set(LATER_MODULES)


def test_first_use_of_a_later_name_loads_them_all(tmp_path: Path):
    loaded = _modules_after(
        "from pathlib import Path\nfrom planner.storage import Store\n"
        f"store = Store.open(Path({str(tmp_path / 'store')!r}))\n"
        "assert store.check_records() == (0, [])"
    )
    assert set(LATER_MODULES) <= loaded


def test_later_names_are_those_of_their_parts_and_shadow_nothing():
    eager = [c for c in store.Store.__mro__ if c not in (later.Later, object)]
    eager_names = {name for c in eager for name in vars(c) if not name.startswith("__")}
    for module, name in later.LATER:
        part = getattr(importlib.import_module(module), name)
        for key, value in vars(part).items():
            if key.startswith("__"):
                continue
            assert key not in eager_names, f"{name}.{key} would be hidden"
            assert getattr(store.Store, key) is getattr(part, key)
            assert vars(later.Later)[key] is value


def test_a_name_no_part_has_is_still_an_attribute_error(tmp_path: Path):
    with store.Store.open(tmp_path / "store") as opened:
        for missing in (lambda: opened.no_such_thing, lambda: store.Store.no_such_thing):
            try:
                missing()
            except AttributeError as error:
                assert "no_such_thing" in str(error)
            else:
                raise AssertionError("no AttributeError")
