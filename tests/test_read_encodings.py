"""Legacy Western codecs and UTF-16 without a byte-order mark decode to the right text."""

from __future__ import annotations

import pytest

from summarize.errors import InputError
from summarize.read import decode

WESTERN = (
    "François Lefèvre said the strike would continue.\n\n"
    "Hélène Müller, the union's négociatrice, told reporters in Zürich that José "
    "Núñez and Søren Ångström would join the talks on Thursday.\n\n"
    "Management said the offer was final and the café workers' demands were “excessive”.\n"
)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_western_legacy_text_decodes_as_written(codec: str) -> None:
    text = WESTERN if codec == "cp1252" else WESTERN.replace("“", '"').replace("”", '"')
    assert decode(text.encode(codec), "a.txt") == text


def test_cyrillic_legacy_text_is_not_read_as_western() -> None:
    text = (
        "Профсоюз заявил, что забастовка продолжится до конца месяца. "
        "Руководство завода отвергло требования рабочих и назвало их чрезмерными.\n"
    ) * 3
    assert decode(text.encode("cp1251"), "r.txt") == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_decodes(codec: str) -> None:
    assert decode(WESTERN.encode(codec), "w.txt") == WESTERN


def test_binary_with_nuls_is_still_refused() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(bytes(range(256)) * 8, "b.bin")


def test_utf16_without_bom_that_does_not_decode_says_so() -> None:
    # an odd byte count cannot be UTF-16: refused, naming what it looks like
    with pytest.raises(InputError, match="looks like UTF-16 without a byte-order mark"):
        decode(WESTERN.encode("utf-16-le") + b"x", "w.txt")
