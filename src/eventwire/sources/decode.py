"""Bytes to text: the one place that guesses encodings and refuses binary junk.

Why: inputs come from scrapers and archives in any encoding (UTF-8, UTF-16 with a BOM, cp1252 copy with a
Latin-1 pound sign...). A wrong guess must never crash a batch; junk must be refused with a clear reason.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from eventwire.errors import SourceError

MAX_BYTES = 5_000_000  # larger inputs are cut to this size (the RawDoc says so in meta["truncated"])

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _control_ratio(text: str) -> float:
    """Share of characters that are control codes other than whitespace: high for binary files."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(
        1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) < 0xA0 or c == "\ufffd"
    )
    return bad / len(sample)


def decode(data: bytes, origin: str = "<input>") -> str:
    """Decode `data` to text: BOM, then strict UTF-8, then charset-normalizer, then cp1252/latin-1.

    Raises SourceError for empty input, binary data (NUL bytes, control characters) or text that no
    encoding explains.
    """
    if not data or not data.strip():
        raise SourceError("empty input", origin=origin)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), origin)
            except UnicodeDecodeError as exc:
                raise SourceError(f"undecodable {enc} text: {exc.reason}", origin=origin) from exc
    if b"\x00" in data[:20000]:
        raise SourceError("binary data (NUL bytes), not text", origin=origin)
    try:
        return _checked(data.decode("utf-8"), origin)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # a multi-byte character cut at the end (a capped input)
            return _checked(data[: exc.start].decode("utf-8"), origin)
    # Mostly-ASCII text with a few high bytes is Western copy (cp1252/latin-1); statistical detectors
    # misread such short evidence (a lone 0xA3 pound sign as Japanese), so only ask them for real
    # non-Latin text where most letters are non-ASCII.
    high = sum(1 for b in data[:200000] if b >= 0x80)
    if high > 0.2 * min(len(data), 200000):
        guess = from_bytes(data[:200000]).best()
        if guess is not None and guess.encoding:
            try:
                return _checked(data.decode(guess.encoding), origin)
            except (UnicodeDecodeError, LookupError):
                pass
    # cp1252 covers Windows copy; latin-1 decodes anything else byte for byte.
    for enc in ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(enc), origin)
        except UnicodeDecodeError:
            continue
    raise SourceError("undecodable bytes", origin=origin)  # pragma: no cover - latin-1 never fails


def _checked(text: str, origin: str) -> str:
    if not text.strip():
        raise SourceError("empty input", origin=origin)
    if "\x00" in text[:20000] or _control_ratio(text) > 0.05:
        raise SourceError("binary data (control characters), not text", origin=origin)
    return text


def cap(data: bytes) -> tuple[bytes, int | None]:
    """Cut an oversized input at a line end: a 50 MB page must not stall the batch.

    Returns (data, original size when cut else None) so the cleaner can say the text was truncated.
    """
    if len(data) <= MAX_BYTES:
        return data, None
    cut = data.rfind(b"\n", 0, MAX_BYTES)
    if cut < MAX_BYTES // 2:
        cut = MAX_BYTES
    return data[:cut], len(data)
