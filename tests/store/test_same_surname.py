"""Two people of one surname in one article are two stored speakers, and the bare surname
joins neither of them as an alias (both backends)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from quotedb.api import Database

COUPLE = (
    "Vernon Halloway opened the plant on Friday with his wife, Marisol Halloway.\n\n"
    "“This is a great day for the town,” Marisol Halloway said.\n\n"
    "“We built it together,” Vernon Halloway said.\n\n"
    "“The work starts Monday,” Halloway added."
)
LATER = "“Orders are up again,” Halloway said on Tuesday."


def test_two_bearers_in_one_article_stay_two_speakers(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "couple.txt").write_text(COUPLE, encoding="utf-8")
    (tmp_path / "later.txt").write_text(LATER, encoding="utf-8")
    with Database(db_url) as db:
        db.ingest([str(tmp_path / "couple.txt")])
        db.ingest([str(tmp_path / "later.txt")])
        people = Counter({p.name: p.quotations for p in db.people()})
    # The later bare "Halloway" could be either of them: it stays a speaker of its own.
    assert people == Counter({"Vernon Halloway": 2, "Marisol Halloway": 1, "Halloway": 1})
