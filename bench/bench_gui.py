"""Benchmarks of the window: start-up, memory, library filter, edits, store saves.

Run: python bench/bench_gui.py   (prints each figure with its target, PASS/FAIL;
exits 1 when a target is missed). Uses the offscreen platform and temporary
folders, so it never touches the user's data or settings.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

RUNS = 7
# Ends the bare and the plain-Qt windows as the planner's run_app does under
# PLANNER_QUIT_AFTER_SHOW: once the event loop has run after show(), note the moment
# in the file PLANNER_SHOWN_AT names, then quit.
QUIT_AFTER_SHOW = """
import os, time
def quit_after_show():
    if os.environ.get("PLANNER_SHOWN_AT"):
        with open(os.environ["PLANNER_SHOWN_AT"], "w") as report:
            report.write(repr(time.monotonic()))
    app.quit()
QTimer.singleShot(0, quit_after_show)
app.exec()
"""
BARE = (
    """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
"""
    + QUIT_AFTER_SHOW
)
# The planner's first screen rebuilt from plain Qt widgets, with no planner code: what Qt
# itself costs for such a window (the Qt namespace's enums, the widget classes, fonts,
# shortcuts, the first layout), as a floor for the start-up ratio. For information only.
QT_ONLY = (
    """
import gc, sys
gc.disable()
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDateEdit, QDockWidget, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListView, QMainWindow, QPlainTextEdit, QProgressBar,
    QPushButton, QScrollArea, QSpinBox, QTableView, QTextBrowser, QVBoxLayout, QWidget)
app = QApplication([sys.argv[0], "-style", "Fusion"])
window = QMainWindow()
def model(rows, columns):
    items = QStandardItemModel(rows, columns)
    for row in range(rows):
        for column in range(columns):
            items.setItem(row, column, QStandardItem(f"cell {row} {column}"))
    return items
def dock(title, widget, area):
    holder = QDockWidget(title, window)
    holder.setWidget(widget)
    window.addDockWidget(area, holder)
    return holder
centre = QWidget()
column = QVBoxLayout(centre)
form = QFormLayout()
date = QDateEdit()
date.setCalendarPopup(True)
status = QComboBox()
status.addItems(["Draft", "Done"])
for label, field in (("Title:", QLineEdit()), ("Status:", status), ("Date:", date),
                     ("Length:", QSpinBox()), ("After the session:", QPlainTextEdit())):
    form.addRow(label, field)
column.addLayout(form)
steps = QTableView()
steps.setModel(model(7, 7))
column.addWidget(steps)
footer = QHBoxLayout()
for text in ("Remove", "Up", "Down"):
    footer.addWidget(QPushButton(text))
footer.addWidget(QLabel("45 of 60 min"))
footer.addWidget(QProgressBar())
column.addLayout(footer)
window.setCentralWidget(centre)
library = QWidget()
rows = QVBoxLayout(library)
rows.addWidget(QLineEdit())
rows.addWidget(QComboBox())
techniques = QListView()
techniques.setModel(model(18, 1))
rows.addWidget(techniques)
card = QTextBrowser()
card.setHtml("<h3>Circular friction</h3>" + "<p>How it is done. " * 6)
rows.addWidget(card)
for text in ("Add to session", "New", "Edit", "Duplicate"):
    rows.addWidget(QPushButton(text))
dock("Technique library", library, Qt.DockWidgetArea.LeftDockWidgetArea)
client = QWidget()
rows = QVBoxLayout(client)
rows.addWidget(QComboBox())
conditions = QGroupBox("Conditions")
boxes = QVBoxLayout(conditions)
for n in range(9):
    boxes.addWidget(QCheckBox(f"Condition {n}"))
rows.addWidget(conditions)
avoided = QTableView()
avoided.setModel(model(2, 3))
rows.addWidget(avoided)
scroll = QScrollArea()
scroll.setWidgetResizable(True)
scroll.setWidget(client)
first = dock("Client", scroll, Qt.DockWidgetArea.RightDockWidgetArea)
findings = QListView()
findings.setModel(model(3, 1))
dock("Findings", findings, Qt.DockWidgetArea.RightDockWidgetArea)
for title in ("Body map", "Home care", "Preview"):
    window.tabifyDockWidget(first, dock(title, QWidget(), Qt.DockWidgetArea.RightDockWidgetArea))
first.raise_()
for title in ("&File", "&Edit", "&View", "&Tools"):
    menu = window.menuBar().addMenu(title)
    for n in range(8):
        action = QAction(f"Action {n}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{n}"))
        menu.addAction(action)
window.statusBar().showMessage("Ready", 2000)
window.resize(1280, 800)
window.show()
gc.freeze()
gc.enable()
"""
    + QUIT_AFTER_SHOW
)
# The planner's start without its window: Qt's libraries loaded early, the store opened,
# every module the window needs imported (the Qt namespace included), then a bare
# QMainWindow shown. For information: what the imports cost before any widget is built.
IMPORTS_ONLY = """
import gc, sys
gc.disable()
from planner import preload
from planner.start import _open_store
loading = preload.start()
opened = _open_store(None)
loading.wait()
import planner.gui.window.app
""" + BARE.replace("import sys\n", "", 1)
failures: list[str] = []


def report(name: str, value: float, limit: float, unit: str) -> None:
    ok = value <= limit
    if not ok:
        failures.append(name)
    print(
        f"{name:<58}{value:9.2f} {unit:<4} (target <= {limit:g} {unit})  {'PASS' if ok else 'FAIL'}"
    )


def run_child(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds to the window shown, seconds to the process ended, and max RSS (KiB).

    The child writes ``time.monotonic()`` (one clock for every process on Linux) into
    the file named by PLANNER_SHOWN_AT once its event loop has run after ``show()``.
    """
    shown_at = Path(env["PLANNER_SHOWN_AT"])
    shown_at.unlink(missing_ok=True)
    start = time.monotonic()
    process = subprocess.Popen(args, env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{args} exited with {process.returncode}")
    shown = float(shown_at.read_text(encoding="utf-8")) - start
    return shown, ended, usage.ru_maxrss


class Starts:
    """Medians of interleaved starts of the bare window and the planner (or another window)."""

    def __init__(self, bare: list[tuple[float, float, int]], app: list[tuple[float, float, int]]):
        self.bare_shown, self.bare_ended, self.bare_rss = (
            statistics.median(x) for x in zip(*bare, strict=True)
        )
        self.shown, self.ended, self.rss = (statistics.median(x) for x in zip(*app, strict=True))


def start_and_memory(cached: bool, runs: int, app_args: list[str] | None = None) -> Starts:
    """The bare window and the planner (or ``app_args``), started alternately ``runs`` times.

    With ``cached`` both run as an installed program does, with their bytecode
    compiled once (into a private folder, so the checkout stays clean); without
    it every start compiles the planner's modules again (``PYTHONDONTWRITEBYTECODE``,
    as some test environments set).
    """
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        env.update(
            PLANNER_DATA_DIR=str(Path(folder) / "data"),
            XDG_CONFIG_HOME=str(Path(folder) / "config"),
            HOME=folder,
            PLANNER_QUIT_AFTER_SHOW="1",
            PLANNER_SHOWN_AT=str(Path(folder) / "shown-at"),
            PYTHONPATH=str(ROOT),
        )
        if cached:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        bare_args = [sys.executable, "-c", BARE]
        # As the installed ``planner`` script starts it (and as BARE starts: with -c).
        app_args = app_args or [sys.executable, "-c", "from planner.launch import run; run()"]
        run_child(bare_args, env)  # warm the disk cache (and the bytecode) for both
        run_child(app_args, env)
        bare, app = [], []
        for _ in range(runs):
            bare.append(run_child(bare_args, env))
            app.append(run_child(app_args, env))
    return Starts(bare, app)


def bench_start_and_memory() -> None:
    starts = start_and_memory(True, RUNS)
    print(
        f"start to window shown: bare QMainWindow {starts.bare_shown * 1000:.0f} ms, "
        f"planner {starts.shown * 1000:.0f} ms (median of {RUNS}, interleaved, bytecode cached)"
    )
    report(
        "start-up time to window shown, planner / bare window",
        starts.shown / starts.bare_shown,
        1.8,
        "x",
    )
    print(
        f"(for information: start to the process ended, the window quitting once shown: "
        f"bare {starts.bare_ended * 1000:.0f} ms, planner {starts.ended * 1000:.0f} ms "
        f"= {starts.ended / starts.bare_ended:.2f}x)"
    )
    print(f"max RSS: bare {starts.bare_rss / 1024:.1f} MiB, planner {starts.rss / 1024:.1f} MiB")
    report("memory (max RSS), planner / bare window", starts.rss / starts.bare_rss, 1.6, "x")
    floor = start_and_memory(True, RUNS, [sys.executable, "-c", QT_ONLY])
    print(
        f"(for information: the same first screen in plain Qt widgets, no planner code: "
        f"{floor.shown * 1000:.0f} ms against {floor.bare_shown * 1000:.0f} ms "
        f"= {floor.shown / floor.bare_shown:.2f}x to window shown)"
    )
    imports = start_and_memory(True, RUNS, [sys.executable, "-c", IMPORTS_ONLY])
    print(
        f"(for information: the planner's imports and store, then a bare window: "
        f"{imports.shown * 1000:.0f} ms against {imports.bare_shown * 1000:.0f} ms "
        f"= {imports.shown / imports.bare_shown:.2f}x to window shown)"
    )
    cold = start_and_memory(False, 3)
    print(
        f"(for information: without cached bytecode, bare {cold.bare_shown * 1000:.0f} ms, "
        f"planner {cold.shown * 1000:.0f} ms = {cold.shown / cold.bare_shown:.2f}x to window shown)"
    )


def big_library(count: int):  # type: ignore[no-untyped-def]
    from planner.core.library import Library, builtin_library

    base = builtin_library()
    techniques = {}
    originals = list(base.techniques.values())
    for i in range(count):
        t = originals[i % len(originals)]
        copy = dataclasses.replace(t, id=f"{t.id}-{i}", name=f"{t.name} variant {i}")
        techniques[copy.id] = copy
    return Library(techniques, base.exercises, frozenset(techniques), base.builtin_exercises)


def bench_in_process() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from planner.core.plan import SessionPlan, Step
    from planner.gui.common import commands as c
    from planner.gui.library.dock import LibraryDock

    # Library filter: one keystroke = the text changes, the list is refiltered and repainted.
    dock = LibraryDock(big_library(5000))
    dock.resize(320, 760)
    dock.show()
    app.processEvents()
    times = []
    for _ in range(3):
        for word in ("friction", "gentle foot", "variant 4999"):
            for n in range(1, len(word) + 1):
                start = time.perf_counter()
                dock.search.setText(word[:n])
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
            dock.search.clear()
            app.processEvents()
    report(
        "library filter over 5,000 techniques, per keystroke", statistics.median(times), 16, "ms"
    )
    print(f"    (slowest keystroke {max(times):.1f} ms over {len(times)})")
    dock.close()

    # An edit of a 200-step plan in the whole window: command, safety check, models, repaint.
    with tempfile.TemporaryDirectory() as folder:
        from planner.gui.window.app import build_window
        from planner.storage import ClientRecord, SessionRecord, Store

        store = Store.open(Path(folder) / "store")
        window = build_window(store)
        window.resize(1280, 800)
        window.show()
        plan = SessionPlan(title="Long plan")
        regions = ("foot", "calf", "hand", "forearm", "thigh")
        for i in range(200):
            plan.add_step(Step("effleurage", regions[i % 5], "both", 1, "light"))
        window.document.load(plan)
        app.processEvents()
        times = []
        pressures = ("moderate", "light")
        for i in range(40):
            start = time.perf_counter()
            window.document.push(c.UpdateStep(window.document, i, pressure=pressures[i % 2]))
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        report(
            "edit of a 200-step plan (check + models + repaint)", statistics.median(times), 16, "ms"
        )

        # A store save, as File > Save does it (on the event loop when it is this fast).
        client = store.save_client(ClientRecord("", "Bench Client"))
        for steps in (7, 200):
            saved = SessionRecord("", client.id, SessionPlan(steps=plan.steps[:steps]))
            times = []
            for _ in range(15):
                start = time.perf_counter()
                saved = store.save_session(saved)
                times.append((time.perf_counter() - start) * 1000)
            report(
                f"store save of a {steps}-step session (on the event loop)",
                statistics.median(times),
                16,
                "ms",
            )
        window.document.undo_stack.setClean()
        window.close()
        store.close()


def main() -> int:
    bench_start_and_memory()
    bench_in_process()
    if failures:
        print("FAILED:", ", ".join(failures))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
