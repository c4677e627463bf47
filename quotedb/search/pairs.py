"""Word pairs: a function word next to another word, indexed so phrases skip "the".

A phrase such as "the badaifou the" is slow on both engines: FTS5 walks the position
list of "the" (three quarters of all quotations) and PostgreSQL's GIN index, which has
no positions, rechecks every row holding "badaifou". The pairs of a function word with
its neighbour are as specific as the phrase itself, so migration 0003 indexes them and a
phrase's pairs narrow it down to a few candidates. The index and its tokens are part of
the schema (:mod:`quotedb.db.fulltext`); searches use them from here.
"""

from __future__ import annotations

from quotedb.db.fulltext import PAIR_WORDS, pair_text, pair_token, text_pairs, words_pairs

__all__ = ["PAIR_WORDS", "pair_text", "pair_token", "text_pairs", "words_pairs"]
