"""Catalogs compiled on first use: the ``.po`` is the only file in the repository.

A ``.po`` file is compiled by Babel into gettext's binary ``.mo`` form the first
time a language is used, and the result kept in the user's cache folder under a
name that holds a hash of the ``.po``: a changed catalog (an update, an edit in a
checkout) is compiled again, an unchanged one is only read. When the cache
cannot be written (a read-only home), the catalog is compiled in memory each run.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
from pathlib import Path

APP_NAME = "massage-session-planner"
CACHE_ENV_VAR = "PLANNER_CACHE_DIR"


def cache_dir() -> Path:
    """``PLANNER_CACHE_DIR`` if set, else the platform's user cache folder, then ``locale``."""
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return Path(override).expanduser() / "locale"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "locale"


def compile_po(po_bytes: bytes, code: str) -> bytes:
    """The ``.mo`` form of a ``.po`` file (fuzzy entries left out, as gettext does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_bytes), locale=code)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _cached_mo(po_bytes: bytes, code: str, domain: str) -> bytes:
    digest = hashlib.sha256(po_bytes).hexdigest()[:16]
    path = cache_dir() / f"{code}-{domain}-{digest}.mo"
    try:
        return path.read_bytes()
    except OSError:
        pass
    mo = compile_po(po_bytes, code)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(mo)
        os.replace(temporary, path)  # another process may write the same bytes: either wins
    except OSError:
        pass  # no cache this time; the compiled catalog is used from memory
    return mo


def load_catalog(folder: Path, code: str, domain: str) -> gettext.GNUTranslations:
    """The compiled catalog of ``folder/<code>/LC_MESSAGES/<domain>.po``."""
    po_bytes = (folder / code / "LC_MESSAGES" / f"{domain}.po").read_bytes()
    return gettext.GNUTranslations(io.BytesIO(_cached_mo(po_bytes, code, domain)))
