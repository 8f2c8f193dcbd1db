"""Split report paragraphs into sentences and take the endnote markers off them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.read.regex_twin import Twin

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "lt", "col", "maj",
    "capt", "sgt", "st", "vs", "approx", "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "adm",
    "u.s", "u.k", "e.g", "i.e", "etc", "cf", "al", "km", "mt", "ft",
}
MARKER = Twin(re.compile(r"\[(\d{1,4})\]"))  # the white space before a marker goes with it (see `split_sentences`)
# Both start with the stop itself, which the regex engine scans for far faster than it tests a look-behind
# at every position: a boundary is the stop, closing quotes and markers, then white space before a new sentence (or
# none after a marker: "... on June 28.[65]Geolocated footage ...", two paragraphs' sentences joined on a web page).
BOUNDARY = Twin(re.compile(r"[.!?]((?:[”\"’'])?(?:\s*\[\d{1,4}\])*)(?:\s+|(?<=\]))(?=[“\"‘(]?[A-Z0-9])"))
NO_SPACE = re.compile(r"[.!?](?<=[a-z]{2}.)(?=[A-Z][a-z])(?!(?:Ru|Ua|Com|Net|Org|Info|Media|Realii)\b)")  # a stop after two
# small letters, a capitalised word on; not an outlet's dotted name ("Pravda.Ru", "News.Ru", "Idel.Realii", "Sever.Realii")
WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
# A left quote straight after a letter is an apostrophe typed with the wrong mark ("People‘s Republic", "forces‘ third"):
# an opening quote follows a space or a bracket, never a letter
APOSTROPHE_AS_QUOTE = re.compile(r"(?<=[A-Za-z])‘")


def last_word(before: str) -> str | None:
    """The word (letters and dots) that ends `before` with a full stop, without that stop ("Gen." -> "Gen",
    "U.S." -> "U.S"): the run of those characters at its end, found by `rstrip` (a regex searched for it
    position by position)."""
    if not before.endswith("."):
        return None
    word = before[len(before.rstrip(WORD_CHARS)):-1]
    return word or None


def is_clean(text: str) -> bool:
    """Is `text` its own `" ".join(text.split())`, its only white space single inner spaces? A printable string
    holds no white space but the space (a C-speed test, where split and join copy every word)."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _with_space(m: re.Match) -> str:
    """The stop and a space: a function, not a group-reference template, which Python 3.11 expands far slower."""
    return m.group() + " "


@dataclass(unsafe_hash=True)  # not frozen (some 18,000 made a run; see geo.models' BUILT_OFTEN)
class Sentence:
    text: str  # without endnote markers
    endnotes: tuple[int, ...]


def split_sentences(paragraph: str) -> list[Sentence]:
    """Sentences of one paragraph, each with the endnote numbers that followed it."""
    text = paragraph if is_clean(paragraph) else " ".join(paragraph.split())
    if "‘" in text:
        text = APOSTROPHE_AS_QUOTE.sub("’", text)
    text = NO_SPACE.sub(_with_space, text)  # "... outskirts of Bakhmut.The DNR claimed ...": a sentence run on without a space
    pieces: list[str] = []
    start = 0
    for m in BOUNDARY.finditer(text):
        end = m.start() + 1  # after the stop
        before = text[start:end]
        found = last_word(before)
        if found:
            word = found.rstrip(".")
            word = word if len(word) == 1 else word.lower()
            if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            if found in ("No", "Nos", "no", "nos") and text[m.end():m.end() + 1].isdigit():  # "reactor no. 6"
                continue
        pieces.append(text[start:m.end(1)])
        start = m.end()
    pieces.append(text[start:])
    out: list[Sentence] = []
    for piece in pieces:
        if "[" in piece:
            parts = MARKER.split(piece)  # text, number, text, number, ..., text
            notes = tuple(map(int, parts[1::2]))  # (map: no generator frame per marker)
            # each marker takes the white space before it (a pattern starting with "\s*" is tried at every position)
            clean = "".join([t.rstrip() for t in parts[0:-1:2]] + [parts[-1]]).strip()
        else:  # no endnote marker (each starts with "[")
            notes, clean = (), piece.strip()
        if clean:
            out.append(Sentence(clean, notes))
    return out
