"""Bytes to text: byte-order marks, declared and detected encodings, line endings.

Text is stored as decoded here, so every stored offset refers to this text.
"""

from __future__ import annotations

import codecs
import re

from quotedb.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SNIFF = 8192
_COMMON_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, label: str, *, html: bool = False) -> str:
    """The text ``data`` holds, or an :class:`InputError` saying why it cannot be read.

    A byte-order mark wins; then valid UTF-8; then (HTML) the declared charset; then the
    encoding charset-normalizer detects. Mostly-UTF-8 bytes with broken sequences are
    refused rather than guessed, since any guess would garble the valid part.
    """
    if not data.strip():
        raise InputError(f"{label}: empty file")
    text = _decode(data, label, html)
    if not text.strip():
        raise InputError(f"{label}: empty file")
    return normalize_newlines(text)


def _decode(data: bytes, label: str, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, label)
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{label}: binary file, not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if html and (declared := declared_charset(data)) and declared.replace("-", "") != "utf8":
        return _strict(data, declared, label)
    if _has_utf8_sequences(data):
        raise InputError(_utf8_message(label, data, utf8_error))
    return _detected(data, label, utf8_error)


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:_SNIFF])
    if m is None:
        return None
    name = m[1].decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label}: not valid {encoding} (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
        ) from None


def _has_utf8_sequences(data: bytes) -> bool:
    """Any well-formed multi-byte UTF-8 sequence: the file was meant to be UTF-8."""
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}", data) is not None


def _detected(data: bytes, label: str, utf8_error: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes  # imported when needed: most input is UTF-8

    matches = list(from_bytes(data))
    if not matches or matches[0].encoding in ("utf_8", "ascii"):
        raise InputError(_utf8_message(label, data, utf8_error))
    best = matches[0]
    # Single-byte code pages often fit a text equally well; the likeliest for news wins.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for preferred in _COMMON_ENCODINGS:
        for match in tied:
            if match.encoding == preferred:
                return str(match)
    return str(best)


def _utf8_message(label: str, data: bytes, exc: UnicodeDecodeError) -> str:
    bad = data[exc.start : exc.start + 1]
    return (
        f"{label}: not valid UTF-8 (byte {exc.start}: {bad!r}) and no other encoding fits; "
        "convert it to UTF-8"
    )
