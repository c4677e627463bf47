"""What a saved page says about itself: its structured data first, then the visible page.

JSON-LD (read by extruct), OpenGraph, ``article:*``, ``citation_*`` and Dublin Core meta tags
and the canonical link say what the publisher meant; the printed headline (``h1``), the
printed date and the visible byline say what a reader sees. trafilatura's guesses fill the
gaps. Pages that are not articles at all (error pages, script or consent notices) are refused.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from quotedb.errors import InputError
from quotedb.ingest.bylines import WORDS, Byline, clean_bylines, fold
from quotedb.ingest.documents import Metadata
from quotedb.ingest.when import local_date, printed_date

ARTICLE_TYPES = ("Article", "BlogPosting", "Report", "ClaimReview", "Episode", "Posting")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")
_BYLINE_ATTR = re.compile(r"author|byline|autor|auteur|signature|firma", re.I)
_DATE_ATTR = re.compile(r"date|time|publish|dateline|fecha|datum", re.I)
_HTTP_ERROR = re.compile(
    r"^\s*(?:http\s+)?(?:error\s+)?[45]\d\d\s*[-:–|]?\s*"
    r"(?:error|forbidden|not found|unauthori[sz]ed|bad request|internal server error"
    r"|service unavailable|bad gateway|gone|access denied)\b"
    r"|^\s*(?:http\s+)?error\s+[45]\d\d\b"
    r"|^\s*(?:forbidden|access denied|page not found|not found)\s*[.!]?\s*$",
    re.I,
)
_STUB = (
    (
        re.compile(
            r"javascript (?:is )?(?:disabled|required|must be enabled)|enable javascript"
            r"|turn on javascript|browser (?:is not|isn't) supported",
            re.I,
        ),
        "a notice asking to enable JavaScript",
    ),
    (
        re.compile(
            r"(?:subscribe|sign in|log in|register) to (?:continue|read)|to continue reading"
            r"|subscribers only|already a subscriber",
            re.I,
        ),
        "a paywall stub",
    ),
    (re.compile(r"cookie|consent|privacy settings|accept all", re.I), "a consent notice"),
    (
        re.compile(r"are you a robot|captcha|unusual traffic|verify you are human", re.I),
        "a robot check",
    ),
)
_DATE_SEGMENTS = re.compile(r"\s*[;|/•·]\s*")
_UPDATED = re.compile(r"updated|modified|aktualisiert|actualizado|mis à jour|ago\b", re.I)
_COPYRIGHT = re.compile(r"copyright|©|all rights reserved", re.I)
STUB_WORDS = 100  # a page whose text is shorter than this and says one of the above is a stub


@dataclass(slots=True)
class Page:
    """The parts of a page its metadata is read from."""

    meta: dict[str, str] = field(default_factory=dict)
    ld: list[dict[str, Any]] = field(default_factory=list)  # article nodes, best first
    ld_index: dict[str, dict[str, Any]] = field(default_factory=dict)
    title: str = ""
    headings: list[str] = field(default_factory=list)
    canonical: str | None = None
    bylines: list[str] = field(default_factory=list)
    printed_dates: list[str] = field(default_factory=list)
    time_attrs: list[str] = field(default_factory=list)


def refuse_non_article(page: Page | None, text: str, label: str) -> None:
    """Raise when the page is an error page or a stub rather than an article."""
    heads = [h for h in ([page.title, *page.headings[:2]] if page else []) if h]
    words = len(text.split())
    first_line = text.strip().split("\n", 1)[0]
    if any(_HTTP_ERROR.search(h) for h in heads) or (
        words < STUB_WORDS and _HTTP_ERROR.search(first_line)
    ):
        raise InputError(
            f"{label}: not an article (an HTTP error page: {(heads or [first_line])[0][:60]!r})"
        )
    if words < STUB_WORDS:
        for pattern, reason in _STUB:
            if pattern.search(text) or any(pattern.search(h) for h in heads):
                raise InputError(f"{label}: not an article ({reason}, {words} words of text)")


def read_page(markup: str) -> Page | None:
    """The page's metadata parts; ``None`` when lxml cannot parse it."""
    import lxml.etree
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return None
    page = Page(meta=_meta_tags(tree), title=_text(tree.findtext(".//title") or ""))
    page.ld, page.ld_index = _json_ld(tree)
    page.headings = [h for h in (_text(e.text_content()) for e in tree.iter("h1")) if h]
    for link in tree.iterfind(".//link[@rel='canonical']"):
        page.canonical = page.canonical or (link.get("href") or "").strip() or None
    _visible(tree, page)
    return page


def page_metadata(page: Page, found: Metadata) -> Metadata:
    """The page's metadata, structured data first; ``found`` (trafilatura's) fills gaps."""
    outlet = _outlet(page, found.outlet)
    raws, orgs = _ld_authors(page)
    byline = clean_bylines(raws, outlet, orgs)
    visible = _visible_byline(page, outlet)
    if not byline.authors or _extends(visible.authors, byline.authors):
        byline = visible if visible.authors else byline
    if not byline.authors:
        metas = [
            page.meta.get(k, "")
            for k in (
                "author",
                "article:author",
                "dc.creator",
                "citation_author",
                "sailthru.author",
                "byl",
            )
        ]
        byline = clean_bylines([m for m in metas if m and "://" not in m], outlet)
    if not byline.authors:
        byline = clean_bylines(found.authors, outlet)
    if outlet is None and byline.agency:
        outlet = byline.agency
    return Metadata(
        title=_title(page, outlet) or _strip_suffix(found.title, outlet),
        outlet=outlet,
        authors=byline.authors,
        published=_published(page, found.published),
        url=_url(page) or found.url,
        subjects=_subjects(page),
    )


_SUBJECT_KEYS = ("news_keywords", "keywords")


def _subjects(page: Page) -> list[str]:
    """The subjects the page tags itself with (its keywords and the article's JSON-LD
    keywords): names a surname alone in the text may stand for."""
    values: list[object] = [page.meta.get(k, "") for k in _SUBJECT_KEYS]
    values += [node.get("keywords") for node in page.ld[:1]]
    found: list[str] = []
    for value in values:
        parts = value if isinstance(value, list) else str(value or "").split(",")
        found += [p.strip() for p in parts if isinstance(p, str) and p.strip()]
    return list(dict.fromkeys(found))


def _meta_tags(tree: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = _text(element.get("content") or "")
        if key and value:
            meta.setdefault(key.strip().lower(), value)
    return meta


def _json_ld(tree: Any) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    from extruct.jsonld import JsonLdExtractor

    try:
        items = JsonLdExtractor().extract_items(tree)
    except Exception:  # broken JSON-LD is common and never the reader's problem
        return [], {}
    nodes = list(_nodes(items))
    index = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if any(str(t).endswith(ARTICLE_TYPES) for t in _types(n))]
    articles.sort(key=lambda n: not (n.get("headline") or n.get("author")))
    return articles, index


def _nodes(items: object) -> Iterator[dict[str, Any]]:
    if isinstance(items, list):
        for item in items:
            yield from _nodes(item)
    elif isinstance(items, dict):
        yield items
        yield from _nodes(items.get("@graph"))


def _types(node: dict[str, Any]) -> list[object]:
    kind = node.get("@type") or node.get("type") or []
    return kind if isinstance(kind, list) else [kind]


def _visible(tree: Any, page: Page) -> None:
    """Visible bylines and printed dates, in page order (the article's come first)."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta"):
            continue
        if element.tag == "time" and element.get("datetime"):
            page.time_attrs.append(element.get("datetime"))
        attrs = " ".join(element.get(k) or "" for k in ("class", "id", "itemprop", "rel"))
        if not attrs.strip() and element.tag != "time":
            continue
        if len(page.bylines) < 3 and _BYLINE_ATTR.search(attrs):
            text = _text(" ".join(element.itertext()))
            if 0 < len(text) <= 160:
                page.bylines.append(text)
        if len(page.printed_dates) < 5 and (element.tag == "time" or _DATE_ATTR.search(attrs)):
            text = _text(" ".join(element.itertext()))
            if 0 < len(text) <= 80:
                page.printed_dates.append(text)


def _ld_first(page: Page, key: str) -> object:
    for node in page.ld:
        if node.get(key):
            return node[key]
    return None


def _ld_authors(page: Page) -> tuple[list[str], list[str]]:
    """Author names the JSON-LD gives: (people or plain names, organisations)."""
    raws: list[str] = []
    orgs: list[str] = []
    value = _ld_first(page, "author") or _ld_first(page, "creator")
    for item in value if isinstance(value, list) else [value]:
        node = item
        if isinstance(node, dict) and "name" not in node and isinstance(node.get("@id"), str):
            node = page.ld_index.get(node["@id"], node)
        name = node.get("name") if isinstance(node, dict) else node
        if isinstance(name, list):
            name = ", ".join(str(n) for n in name)
        if not isinstance(name, str) or not name.strip() or "://" in name:
            continue
        is_org = isinstance(node, dict) and any("Organization" in str(t) for t in _types(node))
        (orgs if is_org else raws).append(html.unescape(name))
    return raws, orgs


def _visible_byline(page: Page, outlet: str | None) -> Byline:
    """The article's visible byline: the first byline element, or an element inside it
    that names more people (the outer one may run into a place or a date)."""
    if not page.bylines:
        return Byline([])
    first = page.bylines[0]
    same = [first, *(t for t in page.bylines[1:] if t in first)]
    found = [clean_bylines([t], outlet) for t in same]
    return max(found, key=lambda b: len(b.authors))


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """Whether the visible byline names everyone the structured data names, and more."""
    keys = {fold(n) for n in longer}
    return len(longer) > len(shorter) and all(fold(n) in keys for n in shorter)


def _outlet(page: Page, found: str | None) -> str | None:
    publisher = _ld_first(page, "publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and "name" not in publisher:
        publisher = page.ld_index.get(str(publisher.get("@id")), publisher)
    name = publisher.get("name") if isinstance(publisher, dict) else publisher
    candidates = [
        name if isinstance(name, str) else None,
        page.meta.get("og:site_name"),
        page.meta.get("citation_journal_title"),
        page.meta.get("citation_publisher"),
        page.meta.get("dc.publisher"),
        page.meta.get("application-name"),
        page.meta.get("apple-mobile-web-app-title"),
        found,
    ]
    cleaned = [o for o in map(_clean_outlet, candidates) if o]
    if cleaned and cleaned[0].isupper() and " " not in cleaned[0]:
        spelled = [o for o in cleaned[1:] if _initials(o) == cleaned[0]]
        cleaned = spelled[:1] + cleaned  # "WSJ": the name it abbreviates, when given
    host = _host_label(_url(page))
    if host and not (cleaned and _near(cleaned[0], host)):
        suffix = _clean_outlet(_title_suffix(page))
        agreeing = [o for o in [*cleaned, suffix] if o and _near(o, host)]
        if agreeing:  # og:site_name may hold a section ("U.S."), the title the site's name
            return agreeing[0]
    return cleaned[0] if cleaned else None


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"\w+", name) if w[0].isupper() and w.lower() != "the"]
    return "".join(w[0] for w in words)


def _title_suffix(page: Page) -> str | None:
    parts = _TITLE_SEPARATORS.split(page.title)
    return parts[-1] if len(parts) > 1 else None


def _host_label(url: str | None) -> str | None:
    """The name part of a page's host: "example" for https://www.example.co.uk/a."""
    match = re.match(r"https?://([^/:?#]+)", url or "")
    if not match:
        return None
    labels = [x for x in match[1].lower().split(".")[:-1] if x not in ("www", "m", "amp")]
    return max(labels, key=len) if labels else None


def _clean_outlet(value: str | None) -> str | None:
    """An outlet as readers name it: no URL, no hosting label, no tagline."""
    if not value:
        return None
    value = _TITLE_SEPARATORS.split(html.unescape(_text(value)))[0].strip()
    lowered = value.lower()
    if not value or "://" in value or lowered.startswith(("www.", "@")) or _COPYRIGHT.search(value):
        return None
    return None if fold(value) in WORDS.hosting else value


def _title(page: Page, outlet: str | None) -> str | None:
    """The printed headline when the page shows one, else the best tagged title."""
    tagged = [
        html.unescape(t)
        for t in (
            _ld_first(page, "headline"),
            page.meta.get("og:title"),
            page.meta.get("twitter:title"),
            page.meta.get("citation_title"),
            page.meta.get("dc.title"),
        )
        if isinstance(t, str) and t.strip()
    ]
    stripped = [s for s in (_strip_suffix(t, outlet) for t in tagged) if s]
    from_title = _strip_suffix(page.title, outlet, short_segments=True)
    known = [*stripped, *([from_title] if from_title else [])]
    heads = [h for h in page.headings if len(h.split()) >= 3 and not _near(h, outlet or "")]
    for head in heads:
        if any(_same(head, k) for k in known):
            return head
    if len(set(heads)) == 1 and len(page.headings) == 1:
        return heads[0]
    if not known:
        return None
    best = known[0]
    longer = [k for k in known if len(k) > len(best) and fold(k).startswith(fold(best))]
    return longer[0] if longer else best


def _same(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if len(fa) > 20 and len(fb) > 20 and (fa.startswith(fb) or fb.startswith(fa)):
        return True  # a tag that truncates the headline
    return difflib.SequenceMatcher(None, fa.split(), fb.split()).ratio() >= 0.8


def _strip_suffix(
    title: str | None, outlet: str | None, short_segments: bool = False
) -> str | None:
    """A title without the site's name after it ("Headline | Site")."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(_text(title))
    while len(parts) > 1:
        last = parts[-1]
        if (outlet and _near(last, outlet)) or (short_segments and len(last.split()) <= 3):
            parts.pop()
        else:
            break
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def _near(segment: str, outlet: str) -> bool:
    a, b = fold(segment).replace(" ", ""), fold(outlet).replace(" ", "")
    return len(a) > 1 and len(b) > 1 and (a in b or b in a)


def _published(page: Page, found: str | None) -> str | None:
    """The date as printed where the article was published: a local date."""
    structured = [
        _ld_first(page, "datePublished"),
        _ld_first(page, "dateCreated"),
        *(
            page.meta.get(k)
            for k in (
                "article:published_time",
                "article:published",
                "datepublished",
                "citation_date",
                "citation_publication_date",
                "dc.date",
                "dcterms.date",
                "pubdate",
                "date",
                "parsely-pub-date",
                "sailthru.date",
            )
        ),
        *page.time_attrs[:1],
    ]
    dates = [local_date(s) for s in structured if isinstance(s, str)]
    with_offset = [d for d in dates if d and d[1]]
    if with_offset:
        return with_offset[0][0].isoformat()
    reference = next((d[0] for d in dates if d), None) or _iso(found)
    for text in page.printed_dates:
        for segment in _DATE_SEGMENTS.split(text):
            if _UPDATED.search(segment):
                continue
            day = printed_date(segment, reference.year if reference else None)
            if day and (reference is None or abs((day - reference).days) <= 1):
                return day.isoformat()
    return reference.isoformat() if reference else None


def _iso(value: str | None) -> dt.date | None:
    found = local_date(value) if value else None
    return found[0] if found else None


def _url(page: Page) -> str | None:
    for value in (page.canonical, page.meta.get("og:url"), _ld_first(page, "url")):
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    return None


def _text(value: str) -> str:
    return " ".join(value.split())
