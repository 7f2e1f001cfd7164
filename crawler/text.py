"""Text from pages as valid Unicode, before it reaches any stage.

A Python str may hold lone surrogates ("\\ud800": from a JSON-LD escape, a decoder's
surrogateescape), which no UTF-8 encoder takes: the content hash, pymongo and the feed
exporters all fail on them, and with them the whole item or batch. Imports nothing of the
crawler, so a spider, a pipeline or the store can call it.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def valid_text(value: T) -> T:
    """`value` with every string in it (through lists, tuples and dict keys and values) made
    encodable: a surrogate pair becomes the character it stands for, a lone surrogate U+FFFD,
    as decoding with errors="replace" gives. Anything else is returned as it is; so is a value
    that needed no repair (the same object)."""
    return _valid(value)


def _valid(value: Any) -> Any:
    if isinstance(value, str):
        return value if _encodable(value) else _repaired(value)
    if isinstance(value, list):
        return [_valid(each) for each in value]
    if isinstance(value, tuple):
        return tuple(_valid(each) for each in value)
    if isinstance(value, dict):
        return {_valid(key): _valid(each) for key, each in value.items()}
    return value


def _encodable(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _repaired(text: str) -> str:
    # UTF-16 with surrogatepass writes each surrogate as the code unit it is: decoding pairs
    # them up again where they form a pair and replaces the lone ones, one U+FFFD each.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
