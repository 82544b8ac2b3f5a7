"""The house's layers and rooms, read from the source (no import is run).

Layers, bottom to top: ``core`` (plain Python) below ``storage`` and ``export``, ``sync``
(the clinic server) above ``storage``; the
window (``gui``) above them; the command line (``cli``) on top; ``launch`` and
``start`` open one or the other. Inside ``gui`` each room (``bodymap``, ``session``,
``client``, ``library``, ``homecare``, ``documents``, ``window``) uses the layers below,
``gui.common`` and its own modules, and another room only through that room's public
names (listed in :data:`PUBLIC`, and in each room's ``__init__`` docstring).

Import circles: every import that runs counts, at module level or inside a function
(a function-level import defers a circle, it does not remove it: the two modules still
need each other). Imports under ``if TYPE_CHECKING:`` never run and do not count.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANNER = ROOT / "planner"

# What each part of planner/ may import from planner/ (its first name after "planner.").
LAYERS: dict[str, set[str]] = {
    "_resources": set(),
    "preload": set(),
    "core": {"core", "_resources"},
    "storage": {"core", "storage"},
    "export": {"core", "export", "_resources"},
    "sync": {"core", "storage", "sync"},
    "gui": {"core", "storage", "export", "sync", "gui"},
    "cli": {"core", "storage", "export", "sync", "gui", "cli", "start"},
    "start": {"preload", "storage", "gui"},
    "launch": {"start", "cli"},
    "__main__": {"launch"},
    "__init__": set(),
}
ROOMS = (
    "bodymap",
    "session",
    "client",
    "library",
    "homecare",
    "documents",
    "window",
    "course",
    "sync",
)
# The names another room (or the command line, or start) may import from a room.
PUBLIC: dict[str, set[str]] = {
    "bodymap": {"BodyMapPanel"},
    "session": {"SessionEditor"},
    "client": {"ClientPanel"},
    "library": {"LibraryDock", "delete_technique", "delete_exercise"},
    "homecare": {"HomeCarePanel"},
    "documents": {
        "PreviewPane",
        "PrintActions",
        "build_pdf",
        # planner print, from the command line
        "PrintError",
        "find_printer",
        "print_to_named_printer",
        # the course room's documents: built in turn with the preview, printed the same way
        "build_with_lock",
        "LoadedPdf",
        "print_pdf",
        "job_for",
        "queue_job",
        "spooled_by_cups",
    },
    "window": {"run_app", "build_window", "open_store", "LazyPanel"},
    "course": {"install"},
    "sync": {"install"},
}
# The dialogs gui.common.asks opens, each inside the function that asks (tests replace
# those functions, so that no dialog ever blocks a test run).
ASKED: dict[str, set[str]] = {
    "client": {"ClientDialog"},
    "documents": {"SheetLanguageDialog"},
    "homecare": {"HomeCareDialog", "ExerciseDialog"},
    "library": {"TechniqueDialog"},
    "window": {"SessionChooser", "TemplateChooser", "SettingsDialog"},
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. planner.gui.window.main_window
    target: str  # the imported module, e.g. planner.gui.client.panel
    names: tuple[str, ...]  # the names taken from it (empty for "import x")
    in_function: bool
    type_only: bool  # under "if TYPE_CHECKING:": never runs


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PLANNER.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(name: str, path: Path, known: set[str]) -> list[Import]:
    """Every planner import in one module; ``from a import b`` names module a.b if it is one."""
    found: list[Import] = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node: ast.AST, in_function: bool, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.body:
                    visit_one(sub, in_function, True)
                for sub in child.orelse:
                    visit_one(sub, in_function, type_only)
                continue
            visit_one(child, in_function, type_only)

    def visit_one(child: ast.AST, in_function: bool, type_only: bool) -> None:
        if isinstance(child, ast.Import):
            for alias in child.names:
                if alias.name.split(".")[0] == "planner":
                    found.append(Import(name, alias.name, (), in_function, type_only))
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                parent = package.rsplit(".", child.level - 1)[0] if child.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            if base.split(".")[0] != "planner":
                return
            plain = tuple(a.name for a in child.names if f"{base}.{a.name}" not in known)
            if plain:
                found.append(Import(name, base, plain, in_function, type_only))
            for alias in child.names:
                if f"{base}.{alias.name}" in known:
                    found.append(Import(name, f"{base}.{alias.name}", (), in_function, type_only))
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            visit(child, True, type_only)
        else:
            visit(child, in_function, type_only)

    visit(ast.parse(path.read_text(encoding="utf-8")), False, False)
    return found


def all_imports() -> list[Import]:
    modules = _modules()
    known = set(modules)
    return [imp for name, path in modules.items() for imp in imports_of(name, path, known)]


def find_circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part: list[str] = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1 or node in edges.get(node, ()):
                circles.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return circles


def runtime_graph(imports: list[Import]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in imports:
        if not imp.type_only:
            edges.setdefault(imp.source, set()).add(imp.target)
    return edges


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else "__init__"


def _room(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "gui" else None


# -- the checks -----------------------------------------------------------------


def test_the_reader_finds_the_house() -> None:
    imports = all_imports()
    sources = {imp.source for imp in imports}
    for room in ROOMS:
        assert any(_room(s) == room for s in sources), room
    edges = runtime_graph(imports)
    assert "planner.gui.common.document" in edges["planner.gui.window.main_window"]
    # A function-level import counts; a TYPE_CHECKING one does not.
    assert "planner.gui.session.editor" in edges["planner.gui.window.main_window"]
    panel = [imp for imp in imports if imp.source == "planner.gui.client.panel"]
    assert any(imp.target == "planner.storage" and imp.type_only for imp in panel)
    assert any(imp.target == "planner.storage" and imp.in_function for imp in panel)


def test_no_import_circles_in_planner() -> None:
    assert find_circles(runtime_graph(all_imports())) == []


def test_the_circle_finder_would_notice() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}, "e": {"a"}}
    assert find_circles(edges) == [["a", "b", "c"], ["d"]]
    assert find_circles({"a": {"b"}, "b": set()}) == []


def layer_offences(imports: list[Import]) -> list[str]:
    offences = []
    for imp in imports:
        source, target = _part(imp.source), _part(imp.target)
        if target not in LAYERS.get(source, set()) and target != source:
            offences.append(f"{imp.source} imports {imp.target}")
    return offences


def test_each_layer_imports_only_the_layers_below() -> None:
    assert layer_offences(all_imports()) == []


def test_the_layer_check_would_notice() -> None:
    bad = [
        Import("planner.core.plan", "planner.gui.common.document", ("X",), False, False),
        Import("planner.launch", "planner.gui.window.app", ("run_app",), True, False),
    ]
    assert len(layer_offences(bad)) == 2


def room_offences(imports: list[Import]) -> list[str]:
    offences = []
    for imp in imports:
        target_room = _room(imp.target)
        if target_room is None or target_room == "common":
            continue
        source_room = _room(imp.source)
        if source_room == target_room:
            continue
        named = set(imp.names)
        if source_room == "common":
            allowed = (
                imp.source == "planner.gui.common.asks"
                and imp.in_function
                and named
                and named <= ASKED.get(target_room, set())
            )
        else:
            # Another room, the command line or start: only the public names, by name.
            allowed = bool(named) and named <= PUBLIC[target_room]
        if not allowed:
            offences.append(f"{imp.source} imports {imp.target} {sorted(named)}")
    return offences


def test_rooms_meet_only_through_public_names() -> None:
    assert room_offences(all_imports()) == []


def test_the_room_check_would_notice() -> None:
    bad = [
        # a room's model, not its public class
        Import(
            "planner.gui.window.main_window",
            "planner.gui.session.steps_model",
            ("S",),
            False,
            False,
        ),
        # a whole module of another room
        Import("planner.gui.homecare.panel", "planner.gui.library.own_delete", (), True, False),
        # common reaching into a room at module level
        Import(
            "planner.gui.common.asks", "planner.gui.client.dialogs", ("ClientDialog",), False, False
        ),
    ]
    assert len(room_offences(bad)) == 3
    fine = [
        Import(
            "planner.gui.window.main_window",
            "planner.gui.client.panel",
            ("ClientPanel",),
            False,
            False,
        )
    ]
    assert room_offences(fine) == []


def test_every_room_is_a_package_and_lists_its_public_names() -> None:
    for room in ROOMS:
        init = PLANNER / "gui" / room / "__init__.py"
        text = init.read_text(encoding="utf-8")
        for name in PUBLIC[room] - {"PrintError", "find_printer", "print_to_named_printer"}:
            assert name in text, (room, name)
    rooms_on_disk = {p.name for p in (PLANNER / "gui").iterdir() if (p / "__init__.py").exists()}
    assert rooms_on_disk == {*ROOMS, "common"}
    # No module is left loose beside the rooms.
    assert sorted(p.name for p in (PLANNER / "gui").glob("*.py")) == ["__init__.py"]
