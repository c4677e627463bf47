"""A page's DOM made to read as its reader sees the article, before trafilatura takes the text.

Four general repairs, none naming a site:

- an embedded social post (a tweet, an Instagram post) becomes a paragraph that quotes its
  author (“POST,” NAME wrote on Twitter.), so the core attributes it like any quotation;
- a pop-up card inside running text (a hover bio: a photo and a few links) is dropped, so its
  names are not glued into the sentence around it;
- block elements keep a space after them, so words of two blocks never run together; and an
  article body that the page splits into several same-class containers (ads between them) is
  joined back into one, so that the extractor does not keep only its first part;
- a line break in a paragraph's source (hard-wrapped markup) is a space, as a browser shows
  it, so that a quotation wrapped over source lines stays one paragraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from lxml import html as lhtml
from lxml.html import HtmlElement

# Embeds by their markup class: the class token and the network's name in the rendered text.
_EMBEDS = {
    "twitter-tweet": "Twitter",
    "twitter-video": "Twitter",
    "instagram-media": "Instagram",
    "tiktok-embed": "TikTok",
    "bluesky-embed": "Bluesky",
}
# “— Display Name (@handle) date” (tweets) and “A post shared by Name (@handle)” (Instagram).
# Possessive (*+): the name runs to the next dash, bracket or @, never backtracking.
_BYLINE = re.compile(r"(?:[—–]|\bshared by)\s*([^—–()@\n]*+)\(@(\w{1,30})\)")
_URL = re.compile(r"\b(?:https?://|pic\.twitter\.com/|www\.)\S+")
_NOT_NAME = re.compile(r"[^\w\s.'’-]")
_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_BODY_CLASS = re.compile(r"body|content|text|story", re.I)
_MIN_PART = 200  # characters of text a split body part must hold
_MAX_GAP = 20  # characters of other text (an ad label) allowed between two parts of a body


@dataclass(frozen=True, slots=True)
class Post:
    """What an embed says: its words, its author's display name, and the network."""

    text: str
    author: str
    network: str


def prepare(tree: HtmlElement) -> HtmlElement:
    """Repair ``tree`` in place (see the module docstring) and return it."""
    for el, network in _embeds(tree):
        _replace_embed(el, network)
    for card in _cards(tree):
        _drop(card)
    _join_split_body(tree)
    _space_blocks(tree)
    _unwrap_paragraphs(tree)
    return tree


def _classes(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def _embeds(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    found: list[tuple[HtmlElement, str]] = []
    for el in tree.iter("blockquote"):
        networks = [_EMBEDS[c] for c in _classes(el) if c in _EMBEDS]
        if networks:
            found.append((el, networks[0]))
    return found


def read_post(el: HtmlElement, network: str) -> Post | None:
    """The words and author of one embed; None when it names no author or has no words."""
    whole = str(el.text_content())
    bylines = list(_BYLINE.finditer(whole))
    if not bylines:
        return None
    m = bylines[-1]  # the post's own byline (a quoted post's comes first)
    author = " ".join(_NOT_NAME.sub("", m.group(1)).split()) or m.group(2)
    paras = [_line_text(p) for p in el.iter("p")]
    body = " ".join(t for t in paras if not _BYLINE.search(t)) if paras else whole[: m.start()]
    body = _plain(body)
    return Post(body, author, network) if body else None


def _line_text(el: HtmlElement) -> str:
    for br in el.iter("br"):
        br.tail = " " + (br.tail or "")
    return str(el.text_content())


def _plain(text: str) -> str:
    """The post's words: no links, inner double marks turned single so the quotation holds."""
    text = _URL.sub(" ", text)
    text = text.replace("“", "‘").replace("”", "’").replace('"', "'")
    return " ".join(text.split()).strip(" —–")


def render(post: Post) -> str:
    """A sentence that quotes the post as a reporter would, named so the core attributes it."""
    words = post.text
    if words[-1] == ".":
        words = words[:-1] + ","
    elif words[-1] not in ",!?…:":
        words += ","
    if post.author[:1].isupper():
        return f"“{words}” {post.author} wrote on {post.network}."
    return f"“{words}” wrote {post.author} on {post.network}."


def _replace_embed(el: HtmlElement, network: str) -> None:
    post = read_post(el, network)
    target = _outermost_alone(el)
    if post is None:
        _drop(target)
        return
    para = lhtml.Element("p")
    para.text = render(post)
    para.tail = target.tail
    parent = target.getparent()
    if parent is not None:
        parent.replace(target, para)


def _outermost_alone(el: HtmlElement) -> HtmlElement:
    """The widest wrapper around ``el`` that holds no other text (a widget box of its own)."""
    own = " ".join(el.text_content().split())
    cur = el
    parent = cur.getparent()
    while parent is not None and parent.tag not in ("body", "html", "article", "main"):
        if " ".join(parent.text_content().split()) != own:
            break
        cur, parent = parent, parent.getparent()
    return cur


def _cards(tree: HtmlElement) -> list[HtmlElement]:
    """Pop-up cards inside a paragraph: an inline box of links (and often a photo) that a
    reader sees only on hover, whose text would otherwise run into the sentence.

    The innermost such box is taken: its wrapper often holds the name the sentence needs.
    """
    cards: list[HtmlElement] = []
    for p in tree.iter("p"):
        whole = len(p.text_content().strip())
        boxes = [el for el in p.iterdescendants("span", "div", "aside", "ul") if _links_only(el)]
        boxes = [el for el in boxes if len(el.text_content().strip()) < 0.9 * whole]
        inner = {id(a) for b in boxes for a in b.iterancestors() if a in boxes}
        cards.extend(b for b in boxes if id(b) not in inner)
    return cards


def _links_only(el: HtmlElement) -> bool:
    links = list(el.iter("a"))
    if len(links) < 2:
        return False
    text = len(el.text_content().strip())
    return text > 0 and sum(len(a.text_content().strip()) for a in links) >= 0.8 * text


def _drop(el: HtmlElement) -> None:
    """Remove ``el`` but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _join_split_body(tree: HtmlElement) -> None:
    """Move the paragraphs of later same-class body containers into the first one, when
    little text (ads, an empty rail) stands between them: they are one article cut up."""
    groups: dict[str, list[HtmlElement]] = defaultdict(list)
    for el in tree.iter("div", "section"):
        cls = el.get("class") or ""
        if _BODY_CLASS.search(cls) and el.find("p") is not None:
            groups[cls].append(el)
    spans: dict[int, tuple[int, int]] = {}
    for parts in groups.values():
        parts = [p for p in parts if len(p.text_content().strip()) >= _MIN_PART]
        if len(parts) < 2 or any(_nested(a, b) for a in parts for b in parts if a is not b):
            continue
        spans = spans or _text_spans(tree)
        gaps = [spans[id(b)][0] - spans[id(a)][1] for a, b in pairwise(parts)]
        if max(gaps) > _MAX_GAP:
            continue
        first = parts[0]
        for part in parts[1:]:
            for child in list(part):
                first.append(child)
            _drop(part)


def _nested(a: HtmlElement, b: HtmlElement) -> bool:
    return any(x is b for x in a.iterancestors())


def _text_spans(root: HtmlElement) -> dict[int, tuple[int, int]]:
    """Where each element's text starts and ends, counted in non-blank characters."""
    spans: dict[int, tuple[int, int]] = {}
    n = 0

    def walk(el: HtmlElement) -> None:
        nonlocal n
        start = n
        n += len((el.text or "").strip()) if isinstance(el.tag, str) else 0
        for child in el:
            walk(child)
        spans[id(el)] = (start, n)
        n += len((el.tail or "").strip())

    walk(root)
    return spans


_WRAP = re.compile(r"[^\S\n]*\n\s*")


def _unwrap_paragraphs(tree: HtmlElement) -> None:
    """Source line breaks inside ``<p>`` are spaces (``<br>`` stays a break)."""
    for p in tree.iter("p"):
        if p.text and "\n" in p.text:
            p.text = _WRAP.sub(" ", p.text)
        for el in p.iterdescendants():
            if el.tag == "pre":
                continue
            if isinstance(el.tag, str) and el.text and "\n" in el.text:
                el.text = _WRAP.sub(" ", el.text)
            if el.tail and "\n" in el.tail:
                el.tail = _WRAP.sub(" ", el.tail)


def _space_blocks(tree: HtmlElement) -> None:
    for el in tree.iter(*_BLOCKS):
        tail = el.tail or ""
        if tail and not tail[:1].isspace():
            el.tail = " " + tail
