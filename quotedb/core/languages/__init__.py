"""Language profiles: the data each stage reads for a language (English's words live in
lexicon.py), and the one lookup from a language code to its profile."""

from __future__ import annotations

from quotedb.core.languages.de import GERMAN
from quotedb.core.languages.en import ENGLISH
from quotedb.core.languages.es import SPANISH
from quotedb.core.languages.fr import FRENCH
from quotedb.core.languages.profile import Language
from quotedb.errors import QueryError

PROFILES: dict[str, Language] = {p.code: p for p in (ENGLISH, GERMAN, FRENCH, SPANISH)}
SUPPORTED = tuple(PROFILES)


def language_code(value: str) -> str:
    """ "DE", "de-AT", "pt_BR" -> their base code ("de", "pt"); anything else is a mistake."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    if not (2 <= len(code) <= 3 and code.isalpha()):
        raise QueryError(f"not a language code: {value!r} (give one like en, de, fr or es)")
    return code


def profile(code: str | None) -> Language:
    """The profile of a language code ("de", "pt-BR"); an unknown language gets one that
    finds quotations by their marks and names no speaker. None means English."""
    if code is None:
        return ENGLISH
    base = code.strip().lower().replace("_", "-").split("-")[0]
    found = PROFILES.get(base)
    if found is not None:
        return found
    return Language(code=base or "und", resolves=False, reversed_guillemets=True)


__all__ = ["ENGLISH", "PROFILES", "SUPPORTED", "Language", "language_code", "profile"]
