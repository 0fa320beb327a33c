"""The raw bytes of a page: checked and decoded, or refused with one clear reason. Pure."""

import re
from pathlib import Path

DEFAULT_MAX_BYTES = 2 * 1024 * 1024


class ParseError(ValueError):
    """A source that cannot be imported; the message names the file and the reason."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    def __reduce__(self):  # rebuilt from its two parts when it comes back from a parsing process
        return type(self), (self.name, self.reason)


# Unicode's control characters (category Cc) but for tab, line feed, form feed and carriage return.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_source(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Check the raw bytes and decode them as UTF-8, or raise ParseError saying what is wrong."""
    if len(data) > max_bytes:
        raise ParseError(name, f"file is {len(data):,} bytes, larger than the import limit of {max_bytes:,} bytes")
    if not data.strip():
        raise ParseError(name, "file is empty")
    if b"\x00" in data:
        raise ParseError(name, "file is binary, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(name, f"file is not valid UTF-8 text (undecodable byte at offset {error.start})") from None
    controls = len(_CONTROL_CHARACTERS.findall(text))
    if controls > max(8, len(text) // 100):
        raise ParseError(name, "file is binary, not text (too many control characters)")
    return text


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read at most ``max_bytes + 1`` bytes, so an oversized file is refused without loading it whole."""
    try:
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ParseError(path.name, "file not found") from None
    except IsADirectoryError:
        raise ParseError(path.name, "is a directory, not a file") from None
    except OSError as error:
        raise ParseError(path.name, f"cannot be read ({error.strerror})") from None
