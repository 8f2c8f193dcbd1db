"""Split report paragraphs into sentences and take the endnote markers off them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "lt", "col", "maj",
    "capt", "sgt", "st", "vs", "approx", "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "adm",
    "u.s", "u.k", "e.g", "i.e", "etc", "cf", "al", "km", "mt", "ft",
}
MARKER = re.compile(r"\s*\[(\d{1,4})\]")
# Both start with the stop itself, which the regex engine scans for far faster than it tests a look-behind
# at every position: a boundary is the stop, closing quotes and markers, then white space before a new sentence.
BOUNDARY = re.compile(r"[.!?]((?:[”\"’'])?(?:\s*\[\d{1,4}\])*)\s+(?=[“\"‘(]?[A-Z0-9])")
NO_SPACE = re.compile(r"[.!?](?<=[a-z]{2}.)(?=[A-Z][a-z])")  # a stop after two small letters, a capitalised word on
LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")
TAIL = 64  # the last word is looked for in the sentence's last characters only


def last_word(before: str) -> re.Match | None:
    """The word (letters and dots) that ends `before` with a full stop, found from its tail."""
    m = LAST_WORD.search(before, max(0, len(before) - TAIL))
    if m and m.start() == max(0, len(before) - TAIL) and len(before) > TAIL:
        return LAST_WORD.search(before)  # the word may begin before the tail
    return m


@dataclass(frozen=True)
class Sentence:
    text: str  # without endnote markers
    endnotes: tuple[int, ...]


def split_sentences(paragraph: str) -> list[Sentence]:
    """Sentences of one paragraph, each with the endnote numbers that followed it."""
    text = " ".join(paragraph.split())
    text = NO_SPACE.sub(r"\g<0> ", text)  # "... outskirts of Bakhmut.The DNR claimed ...": a sentence run on without a space
    pieces: list[str] = []
    start = 0
    for m in BOUNDARY.finditer(text):
        end = m.start() + 1  # after the stop
        before = text[start:end]
        found = last_word(before)
        if found:
            word = found.group(1).rstrip(".")
            word = word if len(word) == 1 else word.lower()
            if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            if found.group(1) in ("No", "Nos") and text[m.end():m.end() + 1].isdigit():
                continue
        pieces.append(text[start:m.end(1)])
        start = m.end()
    pieces.append(text[start:])
    out: list[Sentence] = []
    for piece in pieces:
        if "[" in piece:
            parts = MARKER.split(piece)  # text, number, text, number, ..., text
            notes = tuple(int(n) for n in parts[1::2])
            clean = "".join(parts[0::2]).strip()
        else:  # no endnote marker (each starts with "[")
            notes, clean = (), piece.strip()
        if clean:
            out.append(Sentence(clean, notes))
    return out
