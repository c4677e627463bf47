"""English: its words are the core's own lexicon (lexicon.py); the profile only names it."""

from __future__ import annotations

from quotedb.core.languages.profile import Language

ENGLISH = Language(code="en")
