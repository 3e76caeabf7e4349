"""Reading: raw bytes → ``Source`` (decoded text, path, sha256), plus a normalised view.

The normalised view replaces characters one for one (never changes the length), so
an offset found in it is the same offset in the raw text: no map can go stale.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from summarize.errors import InputError
from summarize.records import Source

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
DEFAULT_MAX_CHARS = 1_000_000
# Fewer words than this extracted from a page: no article, only page furniture.
MIN_HTML_ARTICLE_WORDS = 8

# One-for-one replacements, so offsets in the normalised view are raw offsets.
_NORMALISE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\r": " ",
        "\t": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": ".",
        "\ufeff": " ",
    }
)


def normalise(text: str) -> str:
    """Spaces, quotes, apostrophes and dashes made plain; same length as ``text``.

    A doubled apostrophe used as a quote mark (``''Now...''``, as some wires print
    quotes) becomes ``" `` so quote detection sees one mark; the length is kept.
    """
    plain = text.translate(_NORMALISE)
    if "''" in plain:
        plain = plain.replace("''", '" ')
    if "``" in plain:
        plain = plain.replace("``", ' "')
    return plain


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 50)


def _sniff(data: bytes) -> str | None:
    """What kind of non-text file this is, by its magic bytes."""
    magic = {
        b"%PDF": "a PDF",
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"GIF8": "a GIF image",
        b"PK\x03\x04": "a ZIP archive (or a Word/EPUB document)",
        b"\x1f\x8b": "a gzip archive",
        b"RIFF": "a RIFF media file",
    }
    for prefix, what in magic.items():
        if data.startswith(prefix):
            return what
    return None


# A legacy-codec guess whose words match no language this well is mojibake, not text.
MIN_DETECTED_COHERENCE = 0.1
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few corrupt bytes: its valid multi-byte sequences outnumber the stray
    high bytes. A legacy codec would decode it without error, but into mojibake."""
    valid = _UTF8_MULTIBYTE.findall(data)
    valid_bytes = sum(len(v) for v in valid)
    high = sum(1 for b in data if b >= 0x80)
    return bool(valid) and len(valid) >= high - valid_bytes


def decode(data: bytes, where: str) -> str:
    """Bytes → text: UTF-8 (BOM or not), UTF-16/32 with a BOM, else a detected encoding."""
    what = _sniff(data)
    if what is not None:
        raise InputError(f"{where}: this is {what}, not a text or HTML article")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{where}: starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {e.start})"
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        if _utf16_pattern(data) is not None:
            raise InputError(
                f"{where}: looks like UTF-16 without a byte-order mark; save it as UTF-8"
            )
        raise InputError(f"{where}: binary file (NUL or control bytes), expected text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    if _mostly_utf8(data):
        raise InputError(
            f"{where}: cannot decode: UTF-8 with invalid bytes (first at byte {utf8_error.start}); "
            "fix the file or save it again as UTF-8"
        )
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    # A detector will name some single-byte codec for almost any bytes; insist that
    # the guess reads as language (low chaos, some coherence) before trusting it.
    if (
        best is None
        or best.chaos > 0.1
        or best.coherence < MIN_DETECTED_COHERENCE
        or best.encoding is None
    ):
        raise InputError(
            f"{where}: cannot decode: not UTF-8 (bad byte at {utf8_error.start}) "
            "and no other encoding detected; save it as UTF-8"
        )
    western = _western_reading(data, [(m.encoding, m.chaos) for m in results], best.chaos)
    return western if western is not None else str(best)


# Western European legacy codecs, most common first: cp1252 is a superset of latin-1's
# printable range, and Windows and older Mac/Unix tools write it for "ANSI" text.
_WESTERN_CODECS = ("cp1252", "latin_1")


def _western_reading(
    data: bytes, candidates: list[tuple[str, float]], best_chaos: float
) -> str | None:
    """cp1252 (else latin-1) when the detector lists it or it reads no worse than its
    best guess: detectors often name a Central European codec for French or German
    text ("Lefèvre" read as cp1250 gives "Lefčvre"), and the Western reading is the
    likelier one for the same bytes."""
    from charset_normalizer.md import mess_ratio

    # Listed or not, it must read no worse than the best guess, so Cyrillic or Greek
    # text in its own codec is not forced into Western mojibake.
    listed = {encoding for encoding, chaos in candidates if chaos <= best_chaos}
    for codec in _WESTERN_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec in listed or mess_ratio(text) <= best_chaos:
            return text
    return None


def _utf16_pattern(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs fill every other byte (ASCII text in UTF-16)."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, zeros, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.1 * len(chars):
            return codec
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, when it decodes and round-trips
    cleanly into text with no control characters; else None."""
    codec = _utf16_pattern(data)
    if codec is None or len(data) % 2:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if text.encode(codec) != data or _looks_binary(text.encode("utf-8")):
        return None
    return text


def extract_html(html: str, where: str) -> str:
    """The article body of an HTML page, as plain text paragraphs."""
    import trafilatura

    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in the HTML")
    words = len(text.split())
    if words < MIN_HTML_ARTICLE_WORDS:
        # A page with no article still yields a menu label or two ("Home").
        raise InputError(
            f"{where}: no article text found in the HTML (only {words} words outside "
            "scripts, styles and navigation)"
        )
    # trafilatura puts one paragraph a line; a blank line between paragraphs is
    # what the segmenter reads as a paragraph break.
    return "\n\n".join(line for line in text.splitlines() if line.strip())


def read_bytes(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder, expected a file")
    # UTF-8 takes at most 4 bytes a character: larger files cannot fit the limit.
    size = p.stat().st_size
    if size > 4 * max_chars:
        raise InputError(
            f"{path}: {size} bytes is over the limit of {max_chars} characters "
            "(raise it with --max-chars)"
        )
    try:
        return p.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None


def is_html(path: str, text: str) -> bool:
    if path.lower().endswith(HTML_SUFFIXES):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def source_from_bytes(data: bytes, path: str, max_chars: int = DEFAULT_MAX_CHARS) -> Source:
    if not data:
        raise InputError(f"{path}: file is empty")
    text = decode(data, path)
    if is_html(path, text):
        text = extract_html(text, path)
    if not text.strip():
        raise InputError(f"{path}: file contains only whitespace")
    if len(text) > max_chars:
        raise InputError(
            f"{path}: {len(text)} characters is over the limit of {max_chars} "
            "(raise it with --max-chars)"
        )
    return Source(path=path, text=text, sha256=hashlib.sha256(data).hexdigest())


def read_source(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> Source:
    """Read one article (``-`` for stdin) into a ``Source``; bad input → ``InputError``."""
    return source_from_bytes(read_bytes(path, max_chars), path, max_chars)
