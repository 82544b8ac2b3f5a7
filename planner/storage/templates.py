"""Session templates, and the JSON file they travel in.

A template is a session plan without a client's specifics: the client's name,
conditions and notes, avoided areas and symptom areas are emptied when it is
saved. A templates file holds one or many::

    {
      "format": "session-templates",
      "version": 1,
      "templates": [
        {"name": "Neuropathy feet, first visit", "plan": <a plan-file object>},
        ...
      ]
    }

Each ``plan`` is a plan-file object as in PLAN_FORMAT.md (``format``
``"session-plan"``, ``version``, ``steps``...), carrying the definitions of any of
the user's own techniques and exercises it uses (``custom_techniques``,
``custom_exercises``), so the file stands alone on another machine. Names are
1 to 120 characters. Reading is strict like plan files: unknown keys are errors,
and every error names the file and the place, for example
``templates.json: templates[2].plan.steps[0].minutes: must be greater than 0``.
An import takes all templates or none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from planner.core import validate as v
from planner.core.atomicfile import write_atomic
from planner.core.library import Library
from planner.core.plan import Client, SessionPlan
from planner.core.planfile import (
    PlanFileError,
    parse_plan,
    plan_to_json,
    read_text_file,
    with_own_definitions,
)
from planner.storage.backups import damaged
from planner.storage.errors import StoreError
from planner.storage.paths import MAIN_FILE
from planner.storage.records import TemplateRecord, new_id, now_stamp

FORMAT = "session-templates"
VERSION = 1
MAX_NAME = 120
_NUMBERED = re.compile(r"^(.*) \((\d+)\)$")


def without_client(plan: SessionPlan) -> SessionPlan:
    """A copy of the plan with the client's specifics emptied."""
    copy = plan.copy()
    copy.client = Client()
    copy.avoid = []
    copy.symptoms = []
    return copy


def check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise StoreError("A template needs a name.")
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise StoreError(f"A template name can have at most {MAX_NAME} characters.")
    return name


def unique_name(name: str, taken: Collection[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... whichever is not taken (case-insensitive)."""
    lowered = {t.casefold() for t in taken}
    if name.casefold() not in lowered:
        return name
    match = _NUMBERED.match(name)
    base, number = (match.group(1), int(match.group(2))) if match else (name, 1)
    while True:
        number += 1
        candidate = f"{base} ({number})"
        if candidate.casefold() not in lowered:
            return candidate


def dumps_templates(templates: Sequence[tuple[str, SessionPlan]], library: Library) -> str:
    """The text of a templates file holding these (name, plan) pairs."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "templates": [
            {"name": name, "plan": plan_to_json(with_own_definitions(plan, library))}
            for name, plan in templates
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_templates(text: str, library: Library) -> list[tuple[str, SessionPlan]]:
    """The (name, plan) pairs of a templates file's text; :class:`FormatError` names the place."""
    data = v.strict_json(text)
    if isinstance(data, dict) and data.get("format") == "session-plan":
        # Checked before the keys: a plan's "title" is not the problem to report.
        raise v.FormatError(
            "format",
            "this is a session plan file, not a templates file (templates files are made by "
            "'planner templates export'; 'planner import' stores a plan as a session)",
        )
    data = v.obj(data, "", ("format", "version", "templates"))
    if data["format"] != FORMAT:
        raise v.FormatError("format", f"must be {FORMAT!r}: this is not a templates file")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise v.FormatError("version", "must be a whole number from 1")
    if version > VERSION:
        raise v.FormatError(
            "version",
            f"this file is version {version}, but this program reads versions up to "
            f"{VERSION}: update the planner to open it",
        )
    result = []
    for i, item in enumerate(v.array(data["templates"], "templates")):
        place = v.join("templates", i)
        entry = v.obj(item, place, ("name", "plan"))
        name = v.text(entry["name"], v.join(place, "name"), allow_empty=False, max_length=MAX_NAME)
        try:
            plan = parse_plan(entry["plan"], library)
        except v.FormatError as error:
            inner = v.join(place, "plan")
            where = f"{inner}.{error.place}" if error.place else inner
            raise v.FormatError(where, error.problem) from None
        result.append((" ".join(name.split()), without_client(plan)))
    return result


def read_templates_file(path: Path, library: Library) -> list[tuple[str, SessionPlan]]:
    """The templates in a file, or :class:`StoreError` naming the file and the place."""
    try:
        text = read_text_file(path, "templates file")
        if not text.strip():
            raise v.FormatError("", "the file is empty")
        return parse_templates(text, library)
    except PlanFileError as error:
        raise StoreError(str(error)) from None
    except v.FormatError as error:
        raise StoreError(f"{path}: {error}") from None


class TemplatesMixin:
    """The template methods of :class:`planner.storage.store.Store`."""

    folder: Path
    _table: Callable[[str], Any]
    _writable: Callable[[], None]
    library: Callable[[], Library]

    def _template_record(self, doc: dict[str, Any]) -> TemplateRecord:
        try:
            plan = parse_plan(doc["plan"], self.library())
        except (v.FormatError, KeyError) as error:
            path = self.folder / MAIN_FILE
            raise damaged(path, f"template {doc.get('name')!r}: {error}", read_only=True) from None
        return TemplateRecord(doc["id"], doc["name"], plan, doc.get("saved_at", ""))

    def templates(self) -> list[TemplateRecord]:
        records = [self._template_record(doc) for doc in self._table("templates").all()]
        return sorted(records, key=lambda t: (t.name.casefold(), t.id))

    def _template_doc(self, name: str, plan: SessionPlan) -> dict[str, Any]:
        plan = with_own_definitions(without_client(plan), self.library())
        saved_at = now_stamp()
        return {"id": new_id("t"), "name": name, "plan": plan_to_json(plan), "saved_at": saved_at}

    def save_template(self, name: str, plan: SessionPlan) -> TemplateRecord:
        self._writable()
        taken = [doc["name"] for doc in self._table("templates").all()]
        doc = self._template_doc(unique_name(check_name(name), taken), plan)
        self._table("templates").insert(doc)
        return self._template_record(doc)

    def _find_template(self, template_id: str) -> Any:
        for doc in self._table("templates").all():
            if doc.get("id") == template_id:
                return doc
        raise StoreError(f"There is no template {template_id!r} in the store.")

    def rename_template(self, template_id: str, name: str) -> TemplateRecord:
        self._writable()
        doc = self._find_template(template_id)
        others = [d["name"] for d in self._table("templates").all() if d.get("id") != template_id]
        new_name = unique_name(check_name(name), others)
        self._table("templates").update({"name": new_name}, doc_ids=[doc.doc_id])
        return self._template_record({**doc, "name": new_name})

    def delete_template(self, template_id: str) -> None:
        self._writable()
        self._table("templates").remove(doc_ids=[self._find_template(template_id).doc_id])

    def export_templates(self, path: Path, names: Sequence[str] | None = None) -> int:
        """Write the templates (all, or those named) to a templates file; returns the count."""
        chosen = self.templates()
        if names is not None:
            by_name = {t.name: t for t in chosen}
            missing = [name for name in names if name not in by_name]
            if missing:
                raise StoreError(f"There is no template named {missing[0]!r}.")
            chosen = [by_name[name] for name in dict.fromkeys(names)]
        text = dumps_templates([(t.name, t.plan) for t in chosen], self.library())
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as error:
            raise StoreError(f"{path}: cannot be written: {error.strerror or error}.") from None
        return len(chosen)

    def import_templates(self, path: Path) -> list[TemplateRecord]:
        """Add every template of a templates file, or none (the error names file and place)."""
        self._writable()
        found = read_templates_file(Path(path), self.library())
        taken = [doc["name"] for doc in self._table("templates").all()]
        docs = []
        for name, plan in found:
            doc = self._template_doc(unique_name(name, taken), plan)
            taken.append(doc["name"])
            docs.append(doc)
        self._table("templates").insert_multiple(docs)  # one write: all or nothing
        return [self._template_record(doc) for doc in docs]
