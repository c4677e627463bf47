"""German, French and Spanish: quotation marks and speakers read from each language's
profile, one table per language (a named id per hard case), and what a language without a
lexicon gets (its quotations, no speakers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core import QuoteKind, SpeakerKind, extract
from quotedb.core.languages import PROFILES, language_code, profile
from quotedb.core.marks import find_quotes, reads_reversed
from quotedb.errors import QueryError

# (id, text, quoted words, speaker or None)
GERMAN = [
    (
        "inverted_after_quote",
        "Olaf Scholz besuchte Köln. „Wir bauen die Strecke aus“, sagte Scholz am Montag.",
        "Wir bauen die Strecke aus",
        "Olaf Scholz",
    ),
    (
        "reversed_guillemets",
        "Anna Berger leitet das Amt. »Wir prüfen das sehr genau«, sagte Berger.",
        "Wir prüfen das sehr genau",
        "Anna Berger",
    ),
    (
        "pronoun_er",
        "Olaf Scholz sprach lange mit den Gästen. „Das ist ein guter Tag“, sagte er.",
        "Das ist ein guter Tag",
        "Olaf Scholz",
    ),
    (
        "so_source",
        "Die Strecke sei zu teuer, „viel zu teuer für das Land“, so Anna Berger.",
        "viel zu teuer für das Land",
        "Anna Berger",
    ),
    (
        "role_compound_before_name",
        "„Das wird dauern“, sprach Bundesverkehrsminister Scheuer in Berlin.",
        "Das wird dauern",
        "Scheuer",
    ),
    (
        "particles_von_der",
        "„Das reicht noch nicht“, sagte Ursula von der Leyen in Brüssel.",
        "Das reicht noch nicht",
        "Ursula von der Leyen",
    ),
    (
        "genitive_ends_the_name",
        "Max Weber schrieb viel. „Das ist so“, sagte Webers Sohn.",
        "Das ist so",
        "Webers Sohn",  # a description (unnamed), not Max Weber nor a person "Webers Sohn"
    ),
    (
        "colon_after_verb",
        "Am Ende sagte Anna Berger: „Wir kommen wieder und bleiben lange hier.“",
        "Wir kommen wieder und bleiben lange hier.",
        "Anna Berger",
    ),
    (
        "passive_with_its_source",
        "Die Initiative schrieb viel. Es gehe um „Transparenz und Fairness für alle“, wird in "
        "der Mitteilung betont.",
        "Transparenz und Fairness für alle",
        "der Mitteilung",
    ),
    (
        "source_in_a_complement",
        "Die Liste wird länger, so das Ziel der Initiative. Dabei gehe es um „kulturelle "
        "Vielfalt im Land“.",
        "kulturelle Vielfalt im Land",
        "das Ziel der Initiative",
    ),
    (
        "common_noun_is_no_name",
        "„Das ist falsch und bleibt falsch“, schreibt Kanzlei in einem Brief.",
        "Das ist falsch und bleibt falsch",
        None,
    ),
]

FRENCH = [
    (
        "inverted_a_ajoute",
        "« Nous resterons sur place », a ajouté Laurent Fabius jeudi.",
        "Nous resterons sur place",
        "Laurent Fabius",
    ),
    (
        "clitic_a_t_il_dit",
        "Laurent Fabius était à Roissy. « Nous resterons sur place », a-t-il dit.",
        "Nous resterons sur place",
        "Laurent Fabius",
    ),
    (
        "clitic_inside_marks",
        "Anne Martin parle peu. « Il faut partir, observe-t-elle, avant l’hiver. »",
        "Il faut partir, observe-t-elle, avant l’hiver.",
        "Anne Martin",
    ),
    (
        "narrow_no_break_spaces",
        "«\u202fNous resterons sur place\u202f», a déclaré Anne Martin.",
        "Nous resterons sur place",
        "Anne Martin",
    ),
    (
        "selon_a_ministry",
        "Les vols reprendront « dès lundi matin », selon le ministère des Affaires étrangères.",
        "dès lundi matin",
        "le ministère des Affaires étrangères",
    ),
    (
        "elision_before_a_name",
        "Le livre d’Éric Chauvier paraît. « La crise commence ici », écrit-il.",
        "La crise commence ici",
        "Éric Chauvier",
    ),
    (
        "name_before_a_long_apposition",
        "Pouria Amirshahi, député socialiste qui a voté contre, a annoncé qu’il transmettrait "
        "un « mémorandum argumenté » au Conseil.",
        "mémorandum argumenté",
        "Pouria Amirshahi",
    ),
    (
        "verb_then_pour_a_source",
        "L’essor des podcasts, avec des voix « alternatives et très engagées », confirme pour "
        "Mathilde Wattecamps que la radio change.",
        "alternatives et très engagées",
        "Mathilde Wattecamps",
    ),
    (
        "a_book_speaks_for_its_author",
        "Les éditions Allia rééditent l’ouvrage d’Éric Chauvier. Le livre dénonçait le "
        "caractère « intimidant » de certains mots.",
        "intimidant",
        "Éric Chauvier",
    ),
    (
        "carried_within_the_paragraph",
        "« Il faut partir avant l’hiver », observe Anne Martin. Mais « loin de tout ce qui "
        "était attendu », il lui reste peu de temps.",
        "loin de tout ce qui était attendu",
        "Anne Martin",
    ),
    (
        "impersonal_il_names_no_one",
        "Anne Martin arrive. Il s’agit de « tenir bon jusqu’au bout ».",
        "tenir bon jusqu’au bout",
        None,
    ),
    (
        "described_adviser_is_not_the_last_person",
        "Anne Martin écrit. Le conseiller du président lâche « qu’il est disposé à "
        "améliorer le projet ».",
        "qu’il est disposé à améliorer le projet",
        "le conseiller du président",
    ),
]

SPANISH = [
    (
        "dijo_role_and_name",
        "“Vamos a ganar esta elección”, dijo el ministro Juan Pérez.",
        "Vamos a ganar esta elección",
        "Juan Pérez",
    ),
    (
        "segun_a_body",
        "Los precios subirán “un diez por ciento”, según el Banco Central.",
        "un diez por ciento",
        "el Banco Central",
    ),
    (
        "apposition_after_description",
        "“Es simplemente alargar el plazo”, admitió el convencional UDI y miembro de la "
        "comisión, Pablo Toloza.",
        "Es simplemente alargar el plazo",
        "Pablo Toloza",
    ),
    (
        "subject_in_commas",
        "La directora de la fundación, Myriam Calvo, explicó que “todo está listo para abrir”.",
        "todo está listo para abrir",
        "Myriam Calvo",
    ),
    (
        "object_clitics_before_verb",
        "Una fuente de los servicios nos la resumió así: “Más que matar, es hacer sabotajes”.",
        "Más que matar, es hacer sabotajes",
        "una fuente de los servicios",
    ),
    (
        "coordinated_verbs",
        "Consultado por la prensa, Joe Biden sonrió y dijo: “Creo que tiene un problema”.",
        "Creo que tiene un problema",
        "Joe Biden",
    ),
    (
        "subject_after_the_indirect_object",
        "“La fianza se está preparando”, respondieron a la prensa los abogados del expresidente.",
        "La fianza se está preparando",
        "los abogados del expresidente",
    ),
    (
        "plural_verb_names_no_one_person",
        "Juan Pérez habló primero. “Hay que actuar dentro de la ley”, agregaron.",
        "Hay que actuar dentro de la ley",
        None,
    ),
    (
        "participle_is_no_speaker",
        "“No lo sé todavía”, dijo. Consultado por la prensa, calló.",
        "No lo sé todavía",
        None,
    ),
]


def _speaker(text: str, lang: str, words: str) -> str | None:
    found = [q for q in extract(text, lang) if q.text == words]
    assert found, [q.text for q in extract(text, lang)]
    return found[0].speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"), [c[1:] for c in GERMAN], ids=[c[0] for c in GERMAN]
)
def test_german(text: str, words: str, speaker: str | None) -> None:
    assert _speaker(text, "de", words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"), [c[1:] for c in FRENCH], ids=[c[0] for c in FRENCH]
)
def test_french(text: str, words: str, speaker: str | None) -> None:
    assert _speaker(text, "fr", words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"), [c[1:] for c in SPANISH], ids=[c[0] for c in SPANISH]
)
def test_spanish(text: str, words: str, speaker: str | None) -> None:
    assert _speaker(text, "es", words) == speaker


def test_null_subject_goes_on_with_the_last_speaker() -> None:
    text = (
        "“Vamos a ganar esta elección”, dijo el ministro Juan Pérez. Luego habló de la "
        "economía del país.\n“Seguiremos trabajando cada día”, concluyó."
    )
    speakers = {q.text: q.speaker for q in extract(text, "es")}
    assert speakers["Seguiremos trabajando cada día"] == "Juan Pérez"


def test_nested_same_marks_are_one_quotation() -> None:
    """„… „inner“ …“ and « … « inner » … »: the outer pair is the quotation."""
    de = "Er schrieb: „Die AfD hat von einer „Parallelaktion“ gesprochen“, sagte er."
    fr = "Il lâche « qu’il est, ouvrez les guillemets, « disposé » à céder »."
    assert _quoted(de) == ["Die AfD hat von einer „Parallelaktion“ gesprochen"]
    assert _quoted(fr) == ["qu’il est, ouvrez les guillemets, « disposé » à céder"]


def _quoted(text: str, reversed_guillemets: bool = False) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, reversed_guillemets)]


def test_reversed_guillemets_are_read_only_where_the_text_prints_them() -> None:
    assert reads_reversed("Er sagte: »Wir kommen«. Sie sagte: »Nein«.")
    assert not reads_reversed("Il a dit : « Nous venons » et « non ».")
    assert _quoted("»Wir kommen wieder«, sagte Anna Berger.", True) == ["Wir kommen wieder"]
    assert _quoted("« Nous venons », dit-elle.", True) == ["Nous venons"]


def test_french_dialogue_dashes_are_not_quotations() -> None:
    text = "— Tu viens avec nous demain ?\n— Oui, dit-elle, je viens avec vous."
    assert extract(text, "fr") == []


def test_titles_and_names_in_marks_are_terms() -> None:
    text = "Keuter sagte, das „Extrablatt“ werde verteilt. Es heißt „Jaegers Grenze“."
    assert all(q.kind is QuoteKind.TERM and q.speaker is None for q in extract(text, "de"))


def test_unsupported_language_finds_quotations_and_names_no_one() -> None:
    text = "“Vamos vencer esta eleição com certeza”, disse o ministro João Silva ontem."
    found = extract(text, "pt")
    assert [q.text for q in found] == ["Vamos vencer esta eleição com certeza"]
    assert found[0].speaker is None
    assert found[0].evidence == "language pt: speakers not resolved"


def test_english_profile_is_the_default() -> None:
    text = "“We will see,” Ms. Smith said."
    assert extract(text) == extract(text, "en") == extract(text, profile("en"))


def test_language_codes() -> None:
    assert language_code("DE") == "de" and language_code("pt_BR") == "pt"
    with pytest.raises(QueryError, match="not a language code"):
        language_code("German!")


_FUNCTION_WORDS = sorted(
    (code, w) for code, p in PROFILES.items() for w in p.function_words | p.determiners
)


@settings(max_examples=80, deadline=None)
@given(
    pick=st.sampled_from([pair for pair in _FUNCTION_WORDS if pair[0] != "en"]),
    verb=st.sampled_from(["sagte", "dijo", "a dit", "explique", "erklärte", "afirmó"]),
)
def test_no_function_word_is_ever_a_speaker(pick: tuple[str, str], verb: str) -> None:
    """Whatever stands after a speech verb, a function word of the language names no one."""
    lang, word = pick
    for text in (
        f"„Das ist so und bleibt so“, {verb} {word.capitalize()}.",
        f"“Esto es así y seguirá así”, {verb} {word}.",
        f"{word.capitalize()} {verb} : « Nous restons ici pour longtemps ».",
    ):
        for q in extract(text, lang):
            assert q.speaker is None or q.speaker.casefold() != word.casefold()
            assert q.speaker_kind is not SpeakerKind.PERSON or q.speaker[:1].isupper()
