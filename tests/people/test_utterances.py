"""Same-utterance clustering on constructed quotations and on the seeds' gold spans."""

from __future__ import annotations

import json

from quotedb.core.types import Quotation, QuoteKind, SpeakerKind
from quotedb.core.utterances import (
    Utterance,
    cluster,
    cluster_labels,
    representative,
    same_utterance,
)
from tests.conftest import GOLD

LAVROV = "Sergey Lavrov"


def u(text: str, speaker: str | None = LAVROV) -> Utterance:
    return Utterance(text, speaker)


def test_word_for_word_with_other_punctuation() -> None:
    assert same_utterance(
        u("We will also continue to consult with our allies and partners, and we will respond."),
        u("We will also continue to consult with our allies and partners and we will respond,"),
    )


def test_reworded_translation() -> None:
    assert same_utterance(
        u("I can’t say whether or not we are on the right path,"),
        u("whether we are on the right track or not."),
    )


def test_partial_inside_longer() -> None:
    assert same_utterance(
        u("frank and substantive"), u("The talks were frank and substantive, as we expected.")
    )


def test_different_speakers_never_cluster() -> None:
    assert not same_utterance(u("military-technical"), u("military-technical", "Kremlin"))


def test_short_quotes_need_known_speakers() -> None:
    assert not same_utterance(u("dead end", None), u("a dead end", LAVROV))
    assert same_utterance(u("dead end"), u("it is a dead end"))


def test_unrelated_statements_stay_apart() -> None:
    assert not same_utterance(
        u("that ensure our mutual security."),
        u("I think there are grounds to address some of the mutual concerns about security"),
    )
    assert not same_utterance(u("not polemical."), u("We didn’t expect any breakthroughs today"))


def test_clusters_are_transitive() -> None:
    roots = cluster(
        [
            u("I can't say whether or not we are on the right path,"),
            u("whether we are on the right track or not."),
            u(
                "I can't tell you if we're on the right track or the wrong track. We'll understand"
                " this when we receive the American response on paper."
            ),
            u("We will understand this when we get the American response on paper"),
            u("Something else entirely about the weather in Geneva today"),
        ]
    )
    assert roots[0] == roots[1] == roots[2] == roots[3] != roots[4]


def test_shared_function_words_are_not_enough() -> None:
    assert not same_utterance(
        u("I do. He was the most valuable player. He was the founder."),
        u("I don't care. He was the founder. His, the way he got out of Iraq was the founding."),
    )


def test_representative_is_central() -> None:
    texts = ["frank", "frank and substantive", "the talks were frank and substantive"]
    assert representative(texts) in (1, 2)


def test_gold_groups_of_the_seeds() -> None:
    """Gold spans and speakers in, the gold same-utterance groups out (pairwise F1 >= 0.9)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    docs = [
        [
            Quotation(
                g["start"],
                g["end"],
                g["text"],
                QuoteKind(g["kind"]),
                g["speaker"],
                SpeakerKind.PERSON,
            )
            for g in art["quotes"]
        ]
        for art in gold["articles"]
    ]
    labels = cluster_labels(docs)
    members = [
        (set(g["same_utterance"]), lab)
        for art, labs in zip(gold["articles"], labels, strict=True)
        for g, lab in zip(art["quotes"], labs, strict=True)
        if g.get("same_utterance")
    ]
    groups = {name: {name} for m, _ in members for name in m}
    for m, _ in members:  # groups that share a quotation are one utterance
        merged = set().union(*(groups[n] for n in m))
        for n in merged:
            groups[n] = merged
    tp = fp = fn = 0
    for i, (gi, li) in enumerate(members):
        for gj, lj in members[i + 1 :]:
            same_gold = groups[min(gi)] == groups[min(gj)]
            same_sys = li is not None and li == lj
            tp += same_gold and same_sys
            fp += same_sys and not same_gold
            fn += same_gold and not same_sys
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.9, (tp, fp, fn)


def test_one_article_does_not_reword_itself() -> None:
    a = "because he is right now for the oil"
    b = "Oil pays him a lot of money. He’s got to be for oil, right?"
    assert not same_utterance(Utterance(a, LAVROV, 1), Utterance(b, LAVROV, 1))
    assert same_utterance(
        Utterance("frank and substantive", LAVROV, 1),
        Utterance("frank and substantive”", LAVROV, 1),
    )


def test_unattributed_quotations_bridge_no_speakers() -> None:
    roots = cluster(
        [
            u("we will not allow that man to become president of the United States", "Sanders"),
            u("I will not allow that man to become the president of the United States", None),
            u("I will not allow that man to become the president of the United States!", "Kasich"),
        ]
    )
    assert roots[0] != roots[2]
