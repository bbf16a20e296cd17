"""One root exception; each leaf also inherits the built-in it resembles."""

from __future__ import annotations

import unicodedata

__all__ = ["KurskMapError", "InputError", "GazetteerError", "GeocoderError", "GeometryError",
           "AssetError", "printable"]


def printable(text: str) -> str:
    """``text`` safe to print on one terminal line: control characters (ANSI escapes, newlines),
    invisible format characters and undecodable bytes of a file name become ``\\xNN`` or
    ``\\uNNNN`` escapes, so no input can forge or hide a line.

    >>> printable("a\\x1b[31mb\\nc")
    'a\\\\x1b[31mb\\\\nc'
    >>> printable("caf\\udce9.txt")  # a Latin-1 file name read as UTF-8
    'caf\\\\xe9.txt'
    """
    out = []
    for ch in str(text):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\n":
            out.append("\\n")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch != "\t":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


class KurskMapError(Exception):
    """Root of every error kursk-map raises on purpose."""


class InputError(KurskMapError, ValueError):
    """An input file the user gave cannot be used (empty, binary, too large, undecodable...).

    ``str(error)`` is the one-line reason; ``error.path`` the file it is about.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(printable(f"{path}: {reason}"))
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # rebuilt from its parts when it comes back from a worker process
        return type(self), (self.path, self.reason)


class GazetteerError(KurskMapError, RuntimeError):
    """The gazetteer's data files are missing or damaged."""


class GeocoderError(KurskMapError, RuntimeError):
    """The opt-in online geocoder failed (network, quota, bad answer)."""


class GeometryError(KurskMapError, ValueError):
    """No area can honour a claim (target larger than the region, named places already too big...)."""


class AssetError(KurskMapError, RuntimeError):
    """A self-contained map needs a script or stylesheet that is not installed (or not mapped)."""
