from geo.read.sentences import split_sentences


def test_splits_on_full_stops_and_keeps_endnote_numbers():
    text = ("Russian forces recently advanced near Chasiv Yar.[12] Ukrainian forces struck a depot in "
            "Rostov Oblast on June 18.[13][14] The U.S. Gen. Smith said no more.")
    got = split_sentences(text)
    assert [s.text for s in got] == [
        "Russian forces recently advanced near Chasiv Yar.",
        "Ukrainian forces struck a depot in Rostov Oblast on June 18.",
        "The U.S. Gen. Smith said no more.",
    ]
    assert [s.endnotes for s in got] == [(12,), (13, 14), ()]


def test_seed_paragraph_sentences(sample_dir):
    from geo.read.reports import read_path

    report = read_path(sample_dir / "2024-06-19.txt")[0]
    sentences = [s.text for p in report.paragraphs for s in split_sentences(p.text)]
    assert any(s.startswith("Ukrainian forces recaptured positions near Starytsya") for s in sentences)
    assert all(s.strip() == s and s for s in sentences)


def test_a_sentence_run_on_without_a_space_is_split():
    text = "Russian forces advanced near Vuhledar.The Russian MoD claimed gains near Pavlivka. See understandingwar.org for maps."
    assert [s.text for s in split_sentences(text)] == [
        "Russian forces advanced near Vuhledar.",
        "The Russian MoD claimed gains near Pavlivka.",
        "See understandingwar.org for maps.",
    ]


def test_soft_hyphens_and_zero_width_spaces_are_dropped_from_a_line():
    from geo.read.lines import clean

    assert clean("shelling in the Toretsk\u00ad\u2013Horlivka area and near Pivdenne\u200b ") == (
        "shelling in the Toretsk\u2013Horlivka area and near Pivdenne")


def test_a_left_quote_typed_for_an_apostrophe_is_the_apostrophe():
    got = split_sentences("Luhansk People‘s Republic forces‘ assaults failed. He said ‘no gains‘ were made.")
    assert got[0].text == "Luhansk People’s Republic forces’ assaults failed."
    assert got[1].text == "He said ‘no gains’ were made."  # an opening quote after a space stays one


def test_a_sentence_glued_to_the_endnote_marker_before_it_is_split():
    text = ("Ukrainian forces hit the ferry on May 3.[41]Geolocated footage shows a strike near Hola Prystan."
            "[42][43]“Russian sources” claimed more. Sen.[44] Smith spoke.")
    got = split_sentences(text)
    assert [s.text for s in got] == [
        "Ukrainian forces hit the ferry on May 3.",
        "Geolocated footage shows a strike near Hola Prystan.",
        "“Russian sources” claimed more.",
        "Sen. Smith spoke.",
    ]
    assert [s.endnotes for s in got] == [(41,), (42, 43), (), (44,)]


def test_an_outlets_dotted_name_and_a_number_sign_do_not_end_a_sentence():
    text = ("Russian outlet Lenta.Ru reported that Russian forces struck Kupyansk. Sibir.Realii reported the same. "
            "Energoatom restarted reactor no. 5 on May 3. The strike hit Kramatorsk.Ukrainian officials confirmed it.")
    assert [s.text for s in split_sentences(text)] == [
        "Russian outlet Lenta.Ru reported that Russian forces struck Kupyansk.",
        "Sibir.Realii reported the same.",
        "Energoatom restarted reactor no. 5 on May 3.",
        "The strike hit Kramatorsk.",
        "Ukrainian officials confirmed it.",
    ]
