"""The body map's colours, shared by every painter (Qt in the window, reportlab in the PDFs).

Plain hex strings, so that this module imports neither Qt nor reportlab: the
window and the documents must show an avoided heel or a numb sole the same way.
"""

from __future__ import annotations

# Every shape, before anything is marked on it.
BASE_FILL = "#eef1f3"
BASE_LINE = "#97a3ad"
# Regions the session's steps work on.
WORKED_FILL = "#bfe3dc"
# Areas to avoid: hatching and outline.
AVOID_RED = "#c62828"
# Symptom areas, one colour per kind, painted at SYMPTOM_OPACITY over the shape.
SYMPTOM_COLOURS: dict[str, str] = {
    "numbness": "#4a74d9",
    "tingling": "#8e4fc4",
    "burning": "#ef7d00",
    "sharp-pain": "#d6247f",
    "hypersensitivity": "#d9b100",
}
# A symptom kind without its own colour (an own vocabulary entry).
SYMPTOM_OTHER = "#5b6773"
SYMPTOM_OPACITY = 0.55
