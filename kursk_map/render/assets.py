"""Self-contained maps: folium's CDN scripts and stylesheets, inlined from npm packages.

folium links every page to Leaflet, jQuery, Bootstrap and plugin files on CDNs. A
self-contained map replaces each of those links with the file's text, read from the npm
package pinned in package.json (``npm ci``, run by scripts/setup, puts it in node_modules/),
so the page opens with no network. Nothing third-party is committed.

Basemap tiles are not assets: folium requests them from JavaScript, and offline they simply
stay grey.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path, PurePosixPath

from kursk_map.errors import AssetError

__all__ = ["ASSETS", "DROPPED", "NODE_MODULES", "inline_assets"]

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"

_JSDELIVR = "https://cdn.jsdelivr.net"
_LEAFLET_JS = f"{_JSDELIVR}/npm/leaflet@1.9.3/dist/leaflet.js"
_CDNJS = "https://cdnjs.cloudflare.com/ajax/libs"
_FONTAWESOME = "@fortawesome/fontawesome-free/css"

# URL folium 0.20 links to -> files under node_modules/, concatenated in this order.
# Versions equal folium's except: leaflet.awesome-markers (npm has no 2.0.2; 2.0.5 is the same
# 2.0 code line), leaflet.sync (folium takes the GitHub head; 0.2.4 is the last release) and
# moment (2.30.1: same API as 2.18.1, without its ReDoS advisories).
ASSETS: dict[str, tuple[str, ...]] = {
    _LEAFLET_JS: ("leaflet/dist/leaflet.js",),
    f"{_JSDELIVR}/npm/leaflet@1.9.3/dist/leaflet.css": ("leaflet/dist/leaflet.css",),
    "https://code.jquery.com/jquery-3.7.1.min.js": ("jquery/dist/jquery.min.js",),
    f"{_JSDELIVR}/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js":
        ("bootstrap/dist/js/bootstrap.bundle.min.js",),
    f"{_JSDELIVR}/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css":
        ("bootstrap/dist/css/bootstrap.min.css",),
    # all.min.css declares every font three times (v4/v5 aliases) and adds the brand icons:
    # about 1 MB once inlined. Markers need only the classes and the solid/regular faces.
    f"{_JSDELIVR}/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css": (
        f"{_FONTAWESOME}/fontawesome.min.css",
        f"{_FONTAWESOME}/solid.min.css",
        f"{_FONTAWESOME}/regular.min.css",
    ),
    f"{_CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        ("leaflet.awesome-markers/dist/leaflet.awesome-markers.js",),
    f"{_CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        ("leaflet.awesome-markers/dist/leaflet.awesome-markers.css",),
    # branca's colormap legend
    f"{_CDNJS}/d3/3.5.5/d3.min.js": ("d3/d3.min.js",),
    # folium.plugins.DualMap
    f"{_JSDELIVR}/gh/jieter/Leaflet.Sync/L.Map.Sync.min.js": ("leaflet.sync/L.Map.Sync.js",),
    # folium.plugins.Timeline and TimelineSlider (jsDelivr minifies the same file on the fly)
    f"{_JSDELIVR}/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js":
        ("leaflet.timeline/dist/leaflet.timeline.js",),
    f"{_CDNJS}/moment.js/2.18.1/moment.min.js": ("moment/min/moment.min.js",),
}

# Stylesheets folium always links that no npm package provides and no map of ours needs.
# Without them only folium.Icon changes: prefix="glyphicon" (its default) shows an empty
# marker and angle= does not rotate the glyph. Use prefix="fa" with no angle.
DROPPED: dict[str, str] = {
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css":
        "Bootstrap 3.0.0 glyphicons (not on npm; only folium.Icon(prefix='glyphicon') uses it)",
    f"{_JSDELIVR}/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css":
        "folium's own marker-rotation rules (not packaged; only folium.Icon(angle=...) uses it)",
}

_MEDIA_TYPES = {
    ".png": "image/png",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
}

# Inline scripts and <style> blocks are skipped whole, so a "<link" inside JavaScript or CSS
# text is never taken for a tag.
_TAG = re.compile(
    r"<!--.*?-->"
    r"|<script\b(?P<script>[^>]*)>(?P<body>.*?)</script\s*>"
    r"|<style\b[^>]*>.*?</style\s*>"
    r"|<link\b(?P<link>[^>]*)>",
    re.DOTALL | re.IGNORECASE,
)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""")
# woff2 is read by every browser Leaflet 1.9 runs in; the TrueType fallback would triple the
# size of each font.
_TTF_FALLBACK = re.compile(r"""\s*,\s*url\([^)]*\.ttf\)\s*format\(["']truetype["']\)""")
# Source maps are fetched relative to the page, where they are not, and only by devtools.
_SOURCE_MAP = re.compile(
    r"^[ \t]*//[#@] sourceMappingURL=\S*[ \t]*$|/\*[#@] sourceMappingURL=[^*]*\*/", re.MULTILINE)


def inline_assets(html_text: str, *, node_modules: Path = NODE_MODULES) -> str:
    """Return folium's page with every linked script and stylesheet inlined.

    Each ``<script src>`` in ``ASSETS`` becomes an inline ``<script>``, each stylesheet
    ``<link>`` an inline ``<style>`` whose images and fonts are ``data:`` URIs, and each link
    in ``DROPPED`` is removed. Raises ``AssetError`` (one line, for the CLI) when node_modules
    or a file in it is missing, or when the page links anything else, so a page that would
    need the network is never written. The same input always gives the same output.

    >>> page = '<link rel="stylesheet" href="https://example.org/x.css"/>'
    >>> inline_assets(page, node_modules=Path("/nonexistent"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kursk_map.errors.AssetError: /nonexistent is missing: run scripts/setup (npm ci) to ...
    """
    if not node_modules.is_dir():
        raise AssetError(f"{node_modules} is missing: run scripts/setup (npm ci) "
                         "to install the map scripts and stylesheets")
    return _TAG.sub(lambda match: _replace_tag(match, node_modules), html_text)


def _replace_tag(match: re.Match[str], node_modules: Path) -> str:
    if match["script"] is not None:
        url = _attribute(match["script"], "src")
        if url is None or url.startswith("data:"):
            return match[0]
        if match["body"].strip():
            raise AssetError(f"<script src={url}> also has inline text: cannot inline it")
        return f"<script>{_script_text(_read(url, node_modules))}</script>"
    if match["link"] is not None:
        url = _attribute(match["link"], "href")
        if url is None or url.startswith("data:"):
            return match[0]
        if url in DROPPED:
            return ""
        if "stylesheet" not in (_attribute(match["link"], "rel") or "").lower().split():
            raise AssetError(f"<link href={url}> would load from the network: "
                             "a self-contained map cannot have it")
        return f"<style>{_style_text(url, node_modules)}</style>"
    return match[0]


def _attribute(attributes: str, name: str) -> str | None:
    found = re.search(rf"""(?:^|\s){name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
                      attributes, re.IGNORECASE)
    if found is None:
        return None
    return html.unescape(next(value for value in found.groups() if value is not None))


def _files(url: str, node_modules: Path) -> list[Path]:
    if url not in ASSETS:
        raise AssetError(f"no offline copy of {url}: map it to an npm package in "
                         "kursk_map/render/assets.py and package.json, then run scripts/setup (npm ci)")
    paths = [node_modules / name for name in ASSETS[url]]
    for path in paths:
        if not path.is_file():
            raise AssetError(f"{path} (for {url}) is missing: run scripts/setup (npm ci)")
    return paths


def _read(url: str, node_modules: Path) -> str:
    texts = [_SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
             for path in _files(url, node_modules)]
    if url == _LEAFLET_JS:
        texts.append(_leaflet_default_icon(node_modules))
    return "\n".join(texts)


def _leaflet_default_icon(node_modules: Path) -> str:
    # Leaflet finds its default marker images next to leaflet.css, which is now inline; it
    # would ask for marker-icon.png beside the page. Give it the images themselves instead.
    images = node_modules / "leaflet" / "dist" / "images"
    options = {}
    for option, name in [("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                         ("shadowUrl", "marker-shadow.png")]:
        path = images / name
        if not path.is_file():
            raise AssetError(f"{path} (for {_LEAFLET_JS}) is missing: run scripts/setup (npm ci)")
        options[option] = "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()
    return f'L.Icon.Default.imagePath = "";\nL.Icon.Default.mergeOptions({json.dumps(options)});'


def _script_text(text: str) -> str:
    # The HTML parser ends a script at "</script" wherever it stands, and "<!--" can make it
    # miss the real end. Both escapes keep the JavaScript meaning inside strings and regexes.
    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
    return text.replace("<!--", "\\x3C!--")


def _style_text(url: str, node_modules: Path) -> str:
    parts = []
    for path in _files(url, node_modules):
        css = _TTF_FALLBACK.sub("", _SOURCE_MAP.sub("", path.read_text(encoding="utf-8")))
        css = _CSS_URL.sub(lambda found, path=path: _data_uri(found, path, node_modules), css)
        parts.append(re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE))
    return "\n".join(parts)


def _data_uri(found: re.Match[str], stylesheet: Path, node_modules: Path) -> str:
    reference = next(value for value in found.groups() if value is not None)
    if reference.startswith(("data:", "#")):
        return found[0]
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", reference, re.IGNORECASE):
        raise AssetError(f"{stylesheet} loads {reference} from the network: "
                         "a self-contained map cannot have it")
    relative = PurePosixPath(re.split(r"[?#]", reference, maxsplit=1)[0])
    target = (stylesheet.parent / relative).resolve()
    if not target.is_relative_to(node_modules.resolve()) or not target.is_file():
        raise AssetError(f"{stylesheet} refers to {reference}, which is missing: "
                         "run scripts/setup (npm ci)")
    media_type = _MEDIA_TYPES.get(target.suffix.lower())
    if media_type is None:
        raise AssetError(f"{stylesheet} refers to {reference}: no media type known for it")
    encoded = base64.b64encode(target.read_bytes()).decode("ascii")
    return f'url("data:{media_type};base64,{encoded}")'
