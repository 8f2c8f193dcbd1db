"""Cyrillic -> Latin romanisations of place names, the ways English texts spell them.

- `ukrainian_national`: the official Ukrainian system (Cabinet of Ministers resolution 55,
  2010): Харків -> Kharkiv, Костянтинівка -> Kostiantynivka, Згурівка -> Zghurivka, with the
  word-initial forms Ye/Yi/Y/Yu/Ya (Єнакієве -> Yenakiieve).
- `russian`: the Russian-based forms still common in English (BGN/PCGN without diacritics):
  Харьков -> Kharkov, Артёмовск -> Artemovsk, Волчанск -> Volchansk, Горловка -> Gorlovka.
- `isw`: the Institute for the Study of War's habit: the Ukrainian system with ya / yu / ye
  wherever the letters stand (Костянтинівка -> Kostyantynivka, Старица -> Starytsya), soft signs
  and apostrophes dropped, ї inside a word as i (Кліщіївка -> Klishchiivka).

`romanise(text)` returns all of them (and Tyotkino beside Tetkino for ё) for indexing.
"""

from __future__ import annotations

_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ж": "zh", "з": "z", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "",
    "'": "", "’": "", "ʼ": "", "`": "",
}

# Ukrainian 2010: (word-initial, elsewhere)
_UK = dict(_COMMON)
_UK.update({"г": "h", "ґ": "g", "и": "y", "і": "i", "ы": "y", "э": "e", "ё": "io", "ў": "u"})
_UK_POSITIONAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}

_ISW = dict(_UK)
_ISW_POSITIONAL = {"є": ("ye", "ye"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "yu"), "я": ("ya", "ya")}

_RU = dict(_COMMON)
_RU.update({
    "г": "g", "ґ": "g", "и": "i", "і": "i", "ї": "yi", "є": "ye", "й": "y", "ы": "y", "э": "e",
    "ю": "yu", "я": "ya", "ў": "u",
})
_RU_VOWELS = set("аеёиоуыэюяіїєьъ")


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch in "'’ʼ`"


def _recase(out: str, ch: str, first_of_word: bool) -> str:
    if not out or not ch.isupper():
        return out
    if first_of_word or len(out) == 1:
        return out[0].upper() + out[1:]
    return out.upper()


def _convert(text: str, table: dict[str, str], positional: dict[str, tuple[str, str]] | None, russian: bool, yo: str = "e") -> str:
    out: list[str] = []
    prev = ""  # previous Cyrillic letter in this word, lower case; "" at a word start
    for i, ch in enumerate(text):
        low = ch.lower()
        initial = prev == ""
        if positional and low in positional:
            latin = positional[low][0 if initial else 1]
        elif russian and low == "е":
            latin = "ye" if initial or prev in _RU_VOWELS else "e"
        elif russian and low == "ё":
            latin = yo
        elif low == "г" and not russian and prev == "з":
            latin = "gh"  # зг -> zgh, to keep it apart from zh
        elif low in table:
            latin = table[low]
        else:
            latin = ch
            low = ""
        if low and latin and ch.isupper():
            # Upper-case a whole word only when the next letter is upper case too (abbreviations).
            nxt = text[i + 1] if i + 1 < len(text) else ""
            latin = latin.upper() if nxt.isupper() else latin[0].upper() + latin[1:]
        out.append(latin)
        prev = low if _is_letter(ch) and low else ("" if not _is_letter(ch) else prev)
    return "".join(out)


def ukrainian_national(text: str) -> str:
    """Ukrainian national romanisation (2010): Запоріжжя -> Zaporizhzhia."""
    return _convert(text, _UK, _UK_POSITIONAL, russian=False)


def isw(text: str) -> str:
    """ISW's spelling habit: Костянтинівка -> Kostyantynivka, Кліщіївка -> Klishchiivka."""
    return _convert(text, _ISW, _ISW_POSITIONAL, russian=False)


def russian(text: str, yo: bool = False) -> str:
    """Russian-based romanisation: Харьков -> Kharkov, Артёмовск -> Artemovsk (Artyomovsk with yo)."""
    return _convert(text, _RU, None, russian=True, yo="yo" if yo else "e")


_ALPHABET = set("абвгґдеєёжзиіїйклмнопрстуўфхцчшщъыьэюя")


def romanise(text: str) -> set[str]:
    """Every romanisation of a Ukrainian, Russian or Belarusian name (empty for other text).

    Names in other Cyrillic alphabets (Serbian ј, љ; Kazakh ә, ...) are left out: their letters
    follow other rules and would only add wrong spellings.
    """
    letters = {ch for ch in text.lower() if "\u0400" <= ch <= "\u04ff"}
    if not letters or not letters <= _ALPHABET:
        return set()
    forms = {ukrainian_national(text), isw(text), russian(text)}
    if "ё" in text.lower():
        forms.add(russian(text, yo=True))
    return forms
