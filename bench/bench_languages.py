"""The client's papers in another language: catalogs, readability and pages (issue 17).

For each shipped language: the number of texts its catalog holds (and must hold); for
the Spanish home-care sheet of three realistic plans: the Fernández-Huerta score
(textstat's Spanish formula, offline; target 80 or more), any common English word left
outside names and the therapist's own text (target none), and the pages of both prints
against the English sheet. The export time against English is target (d) of
bench_export.py.

    PYTHONPATH=. python bench/bench_languages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "export")]

from export_samples import REALISTIC_PLANS  # noqa: E402
from pdf_readback import page_texts  # noqa: E402
from test_sheet_languages import (  # noqa: E402
    ENGLISH,
    FH_TARGET,
    _fernandez_huerta,
    _own_words,
    _tokens,
    plan,
    sheet,
    words,
)

from planner.core.i18n import available  # noqa: E402
from planner.core.i18n.source import problems, read_catalog, source_catalog  # noqa: E402


def main() -> int:
    ok = True
    template = source_catalog()
    wanted = len([message for message in template if message.id])
    print(f"texts the client's papers can show: {wanted}")
    for code in available()[1:]:
        held = len([message for message in read_catalog(code) if message.id and message.string])
        lacking = problems(code, template)
        ok &= not lacking
        print(f"  {code}: {held} translated in its catalog, {len(lacking)} lacking")
    for name in REALISTIC_PLANS:
        score = _fernandez_huerta(words(name, "es").sentences())
        text = " ".join(page_texts(sheet(name, "normal", "es")))
        english = sorted((_tokens(text) & ENGLISH) - _own_words(plan(name)))
        pages = {
            print_: (
                len(page_texts(sheet(name, print_, "en"))),
                len(page_texts(sheet(name, print_, "es"))),
            )
            for print_ in ("normal", "large")
        }
        ok &= score >= FH_TARGET and not english
        print(
            f"{name}: Fernández-Huerta {score:.1f} (target >= {FH_TARGET}); English words: "
            f"{', '.join(english) or 'none'}; pages en/es: normal {pages['normal'][0]}/"
            f"{pages['normal'][1]}, large {pages['large'][0]}/{pages['large'][1]}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
