"""What the core needs to know about one language, as data: its quotation marks, speech
verbs, pronouns, titles and name particles. The stages read a profile; they hold no words
of any language other than English's (lexicon.py) themselves."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Language:
    """One language's conventions for quoting and naming speakers.

    ``resolves``: whether quotedb knows this language's speech verbs at all; for one it does
    not, quotations are still found by their marks but no speaker is named.
    """

    code: str
    resolves: bool = True
    # German prints »…« (» opens, « closes) as well as „…“; French and Spanish « … ».
    reversed_guillemets: bool = False
    # Speech verbs, every inflected form a report uses, lowercase ("sagte", "dijo").
    speech: frozenset[str] = frozenset()
    # Verbs that frame chosen words rather than report speech ("called", "nannte").
    weak: frozenset[str] = frozenset()
    # Auxiliaries and particles between a verb and its subject or around it ("a", "hat").
    auxiliaries: frozenset[str] = frozenset()
    # Words naming a source after them, as "according to" does ("selon", "según", "laut").
    sources: frozenset[str] = frozenset()
    # Such words whose source comes before them ("Keith zufolge").
    sources_after: frozenset[str] = frozenset()
    # Prepositions that name a source only with a quotation in the same clause ("pour X").
    weak_sources: frozenset[str] = frozenset()
    # Personal pronouns that can speak, with their gender ("m", "f"; "" for either).
    pronouns: dict[str, str] = field(default_factory=dict)
    # Inverted pronoun endings glued to a verb ("dit-il", "a-t-elle"): ending -> gender.
    clitics: dict[str, str] = field(default_factory=dict)
    # Articles and other words that open a noun phrase ("der", "la", "una").
    determiners: frozenset[str] = frozenset()
    indefinite: frozenset[str] = frozenset()
    # Words after a pronoun that make it impersonal ("il s’agit", "il faut"): no speaker.
    impersonal: frozenset[str] = frozenset()
    # Prepositions of a verb's indirect object ("dijo a la prensa"), skipped to its subject.
    datives: frozenset[str] = frozenset()
    # Prepositions: a cue word right after one is a noun ("par tranche de").
    prepositions: frozenset[str] = frozenset()
    # Words that open a subordinate clause ("dass", "que"): a subject is not sought past them.
    subordinators: frozenset[str] = frozenset()
    # Conjunctions joining listed quotations or opening a clause ("und", "et", "y").
    conjunctions: frozenset[str] = frozenset()
    # Object pronouns before a verb ("nos la resumió"): not its subject.
    object_clitics: frozenset[str] = frozenset()
    # Possessive determiners: "dessen Chef" is someone else's boss, not the person named.
    possessives: frozenset[str] = frozenset()
    # Endings of a participle that has no subject of its own ("advirtiendo").
    gerunds: tuple[str, ...] = ()
    # Endings of a plural verb, whose dropped subject is no one person ("agregaron").
    plurals: tuple[str, ...] = ()
    # Function words: never a name, never a speaker by themselves.
    function_words: frozenset[str] = frozenset()
    # Titles and honorifics before a name, with the gender they say ("frau": "f").
    titles: dict[str, str] = field(default_factory=dict)
    # Lowercase words in a name ("von", "de", "del", "de la").
    particles: frozenset[str] = frozenset()
    # Nouns for a person's role or trade ("minister", "fiscal", "porte-parole"): a
    # nominal speaker ("the minister") resolves to the person named with it.
    roles: frozenset[str] = frozenset()
    # Nouns for an organisation or a document that can speak ("gobierno", "informe").
    bodies: frozenset[str] = frozenset()
    # Nouns for an authored work ("le livre dénonçait"): it speaks for its author.
    works: frozenset[str] = frozenset()
    # Nouns for an unnamed source ("source", "fuente", "Sprecher" with an indefinite).
    unnamed: frozenset[str] = frozenset()
    # Times and places a verb can be followed by before its subject ("jeudi", "gestern").
    adverbs: frozenset[str] = frozenset()
    # Whether a capitalised word is a noun unless shown to be a name (German).
    capitalised_nouns: bool = False
    # Whether a verb may stand without a subject (Spanish: "…", dijo.).
    drops_subject: bool = False
    # Whether "am 30. März" writes an ordinal with a period (no sentence ends there).
    ordinal_dates: bool = False
    # Words elided before a vowel and glued to the next by an apostrophe ("l’Élysée",
    # "d’Éric", "qu’il"): read as two words.
    elisions: tuple[str, ...] = ()
    # Ordinal suffix of "the 48-year-old" ("jährige"), read as a nominal.
    age_nouns: tuple[str, ...] = ()

    def is_speech(self, word: str) -> bool:
        return word.lower() in self.speech

    def is_cue(self, word: str) -> bool:
        low = word.lower()
        return low in self.speech or low in self.weak
