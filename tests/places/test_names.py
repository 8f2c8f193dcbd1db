"""Name keys (geo.places.names) and Cyrillic romanisations (geo.places.translit)."""

from __future__ import annotations

import pytest

from geo.places.names import city_stem, ending_forms, expand_abbreviations, keys, name_forms, normalize, useful_name, variant_key
from geo.places.translit import isw, romanise, russian, ukrainian_national


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kupyansk-Vuzlovyi", "kupyansk vuzlovyi"),
        ("Kup’yansk-Vuzlovyi", "Kup'yansk Vuzlovyi"),
        ("Marʼinka", "Marinka"),
        ("Avdiïvka", "Avdiivka"),
        ("Žytomyr", "Zytomyr"),
        ("  Chasiv   Yar ", "CHASIV YAR"),
        ("Oleksandro–Shultyne", "Oleksandro Shultyne"),
    ],
)
def test_exact_key_ignores_case_apostrophes_diacritics_hyphens(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    "isw_form, geonames_form",
    [
        ("Avdiivka", "Avdiyivka"),  # ii / iyi
        ("Starytsya", "Starytsia"),  # ya / ia
        ("Klishchiivka", "Klishchiyivka"),
        ("Kostyantynivka", "Kostiantynivka"),
        ("Dobropillya", "Dobropillia"),
        ("Hulyaipole", "Huliaipole"),
        ("Maly Shcherbaky", "Mali Shcherbaky"),  # y / i
        ("Vojevodivka", "Voievodivka"),
        ("Zaporizhia", "Zaporizhzhia"),
        ("Velykiy Burluk", "Velykyi Burluk"),  # iy / yi
        ("Klebanbyk", "Kleban-Byk"),  # joined or not
        ("Kyivskyi Raion", "Kyivskyi Rayon"),
    ],
)
def test_variant_key_joins_romanisation_habits(isw_form, geonames_form):
    assert normalize(isw_form) != normalize(geonames_form)
    assert variant_key(normalize(isw_form)) == variant_key(normalize(geonames_form))


@pytest.mark.parametrize(
    "a, b",
    [
        ("Velyka Novosilka", "Novosilka"),
        ("Novoselivka Persha", "Novoselivka"),
        ("Novoselivka Persha", "Novoselivka Druha"),
        ("Mala Tokmachka", "Velyka Tokmachka"),
        ("Vovchansk", "Volchansk"),  # a different spelling, found through the Cyrillic name, not the key
    ],
)
def test_descriptive_words_keep_places_apart(a, b):
    assert keys(a)[1] != keys(b)[1]


def test_cyrillic_keeps_its_letters():
    assert normalize("Авдіївка") == "авдіївка"
    assert normalize("Артёмовск") == "артёмовск"
    assert normalize("Мар'їнка") == "марїнка"  # the apostrophe goes, ї stays


@pytest.mark.parametrize(
    "cyrillic, national, isw_form, russian_form",
    [
        ("Харків", "Kharkiv", "Kharkiv", "Kharkiv"),
        ("Костянтинівка", "Kostiantynivka", "Kostyantynivka", "Kostyantinivka"),
        ("Кліщіївка", "Klishchiivka", "Klishchiivka", "Klishchiyivka"),
        ("Запоріжжя", "Zaporizhzhia", "Zaporizhzhya", "Zaporizhzhya"),
        ("Згурівка", "Zghurivka", "Zghurivka", "Zgurivka"),
        ("Єнакієве", "Yenakiieve", "Yenakiyeve", "Yenakiyeve"),
        ("Авдіївка", "Avdiivka", "Avdiivka", "Avdiyivka"),
        ("Вовчанськ", "Vovchansk", "Vovchansk", "Vovchansk"),
    ],
)
def test_ukrainian_romanisations(cyrillic, national, isw_form, russian_form):
    assert ukrainian_national(cyrillic) == national
    assert isw(cyrillic) == isw_form
    assert russian(cyrillic) == russian_form


@pytest.mark.parametrize(
    "cyrillic, expected",
    [
        ("Харьков", "Kharkov"),
        ("Артемовск", "Artemovsk"),
        ("Артёмовск", "Artemovsk"),
        ("Волчанск", "Volchansk"),
        ("Горловка", "Gorlovka"),
        ("Запорожье", "Zaporozhye"),
        ("Красноармейск", "Krasnoarmeysk"),
        ("Дзержинск", "Dzerzhinsk"),
        ("Кировоград", "Kirovograd"),
    ],
)
def test_russian_forms(cyrillic, expected):
    assert russian(cyrillic) == expected


def test_romanise_gives_every_system_and_yo():
    forms = romanise("Тёткино")
    assert {"Tetkino", "Tyotkino"} <= forms
    assert romanise("Kharkiv") == set()


def test_city_stem_and_abbreviations():
    assert city_stem("donetsk city") == "donetsk"
    assert city_stem("city") is None
    assert city_stem("kharkiv") is None
    assert expand_abbreviations("zaporizhzhia npp") == "zaporizhzhia nuclear power plant"
    assert expand_abbreviations("zaporizhzhia") is None


def test_useful_name_drops_codes_and_other_scripts():
    assert useful_name("Avdiivka")
    assert useful_name("Авдіївка")
    assert not useful_name("아브 데브 카")
    assert not useful_name("https://en.wikipedia.org/wiki/Avdiivka")
    assert not useful_name("A")
    assert not useful_name("DOK")  # an airport code among the alternate names


@pytest.mark.parametrize(
    "written, other",
    [
        ("persha novoselivka", "novoselivka persha"),  # ordinal before or after
        ("novoselivka 2", "novoselivka druha"),  # a digit for the ordinal
        ("novoselovka vtoraya", "vtoraya novoselovka"),
        ("druhe zalissia", "zalissia vtoroye"),  # Ukrainian neuter and Russian forms
        ("velikaya novoselka", "velyka novoselka"),  # Russian and Ukrainian descriptive words
        ("bolshaya kamyshevakha", "velyka kamyshevakha"),
        ("staryi saltiv", "staraya saltiv"),
        ("nova kakhovka", "novaya kakhovka"),
        ("mala tokmachka", "malaya tokmachka"),
        ("the left bank of the oskil river", "oskil river"),  # the gazetteer's name inside an English phrase
        ("eastern bank of the inhulets river", "inhulets river"),
        ("polohy administrative district", "polohy raion"),
        ("kupiansk district", "kupiansk raion"),
        ("kupiansk territorial community", "kupiansk hromada"),
    ],
)
def test_name_forms_give_the_other_shapes_of_a_name(written, other):
    assert other in name_forms(written)


def test_name_forms_leave_other_names_alone():
    assert name_forms("bakhmut") == ()
    assert name_forms("novosilka") == ()  # a descriptive word is never dropped: Velyka Novosilka is another village
    assert "novosilka" not in name_forms("velyka novosilka")
    assert all("persha" not in f for f in name_forms("novoselivka"))


@pytest.mark.parametrize("written, other", [("chkalove", "chkalovo"), ("pervomaiskoye", "pervomaiske"), ("zelene", "zelenoye"),
                                            ("novo zelene", "novo zelenoye"), ("kurakhovo", "kurakhove")])
def test_ending_forms_swap_ukrainian_and_russian_neuter_endings(written, other):
    assert other in ending_forms(written)
    assert ending_forms("bakhmut") == () and ending_forms("") == ()


def test_vowel_forms_swap_the_closing_syllable():
    from geo.places.names import vowel_forms

    assert vowel_forms("dibrovne") == ("dibrivne",)
    assert vowel_forms("novoselivka") == ("novoselovka",)
    assert vowel_forms("velyka dibrova") == ()  # no -ov- / -iv- closing the word
    assert vowel_forms("") == ()


def test_russian_forms_write_the_last_word_the_russian_way():
    from geo.places.names import russian_forms, variant_key

    shapes = {variant_key(f) for f in russian_forms("svitlychne")}
    assert variant_key("svetlichnoye") in shapes  # i -> e in the stem, the Russian neuter ending
    assert variant_key("tripolye") in {variant_key(f) for f in russian_forms("trypillya")}  # i -> o, -ya -> -ye
    assert "belogorovka" in russian_forms("bilohorivka")  # h -> g as well
    assert all(f.startswith("nova ") for f in russian_forms("nova kakhivka"))  # the last word only; kh stays kh
    assert "nova kakgivka" not in russian_forms("nova kakhivka")
    assert russian_forms("kyiv") == () and russian_forms("") == ()
    assert "svitlychne" not in russian_forms("svitlychne")


def test_spelling_forms_other_romanisations_of_one_name():
    from geo.places.names import spelling_forms

    assert "khreshchenivka" in spelling_forms("khreschenivka")  # "sch" for the "shch" of щ
    assert spelling_forms("novoselivkse") == ("novoselivske",)  # the adjectival ending typed "-kse"
    assert spelling_forms("potemkyne") == ("potemkino",) and "metolkine" in spelling_forms("metolkino")
    assert "belohorovka" not in spelling_forms("belohorivka")  # not "-ovka": GeoNames holds that shape under one namesake only
    assert "orikhove" in spelling_forms("orihove") and "verkhniy tokmak" in spelling_forms("verhniy tokmak")  # h for kh
    assert "teterivske" in spelling_forms("teterivsk")
    assert spelling_forms("bakhmut") == () and spelling_forms("") == ()
    assert spelling_forms("shchastia") == ()  # already "shch": nothing to add


def test_spelling_forms_leave_english_runs_alone():
    from geo.places.names import spelling_forms

    assert spelling_forms("indicate that the russians") == ()  # four words: no place name
    assert not any("tkhe" in f or "wkh" in f for f in spelling_forms("where the"))  # English th, wh are no kh


def test_letters_swapped():
    from geo.places.names import letters_swapped

    assert letters_swapped("lytpsi", "lyptsi")
    assert not letters_swapped("lyptsi", "lyptsi")  # the same name is no typo
    assert not letters_swapped("lytpsi", "lyntsi")  # another letter, not two swapped
    assert not letters_swapped("lipsti", "lyptsi")
