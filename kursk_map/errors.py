"""One root exception; each leaf also inherits the built-in it resembles."""

from __future__ import annotations

__all__ = ["KurskMapError", "InputError", "GazetteerError", "GeocoderError", "GeometryError",
           "AssetError"]


class KurskMapError(Exception):
    """Root of every error kursk-map raises on purpose."""


class InputError(KurskMapError, ValueError):
    """An input file the user gave cannot be used (empty, binary, too large, undecodable...).

    ``str(error)`` is the one-line reason; ``error.path`` the file it is about.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class GazetteerError(KurskMapError, RuntimeError):
    """The gazetteer's data files are missing or damaged."""


class GeocoderError(KurskMapError, RuntimeError):
    """The opt-in online geocoder failed (network, quota, bad answer)."""


class GeometryError(KurskMapError, ValueError):
    """No area can honour a claim (target larger than the region, named places already too big...)."""


class AssetError(KurskMapError, RuntimeError):
    """A self-contained map needs a script or stylesheet that is not installed (or not mapped)."""
