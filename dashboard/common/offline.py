"""Make folium maps load everything from the dashboard itself, so the map works with no internet.

folium and its plugins list their JavaScript and CSS as CDN links (`default_js`/`default_css`), and one script
that fails to load stops the map. The dashboard serves pinned copies of Leaflet and Leaflet.draw from
`dashboard/static/vendor/` (Streamlit static serving, fetched from npm by `make setup`); this module rewrites each
element's links to those copies and drops the ones our maps do not use (jQuery, Bootstrap, awesome-markers,
Font Awesome). The app's own map scripts (`dashboard/static/*.js`, kept in git) are served beside them; their
links carry a digest of the file, so a browser never runs a stale copy after an update.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import folium

APP_STATIC_URL = "/app/static"
APP_STATIC_DIR = Path(__file__).parents[1] / "static"
STATIC_URL = f"{APP_STATIC_URL}/vendor"
STATIC_DIR = APP_STATIC_DIR / "vendor"

#: folium asset name -> file served by the app (path under dashboard/static/vendor/).
LOCAL_ASSETS = {
    "leaflet": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
    "leaflet_draw_js": "leaflet-draw/leaflet.draw.js",
    "leaflet_draw_css": "leaflet-draw/leaflet.draw.css",
    "topojson_client": "topojson-client/topojson-client.min.js",
}
#: Assets folium lists by default that GeoJson layers, Draw and our own legend do not need.
UNUSED_ASSETS = {
    "jquery", "bootstrap", "bootstrap_css", "glyphicons_css", "awesome_markers", "awesome_markers_css",
    "awesome_rotate_css", "awesome_markers_font_css",
}


class MissingAssetError(RuntimeError):
    """A map element needs a CDN asset that the app does not serve."""


def local_assets_present() -> bool:
    """True when `make setup` has fetched the map assets into dashboard/static/vendor/."""
    return all((STATIC_DIR / path).is_file() for path in LOCAL_ASSETS.values())


def app_asset(name: str) -> tuple[str, str]:
    """A `default_js`/`default_css` entry for the app's own file `dashboard/static/<name>`, with the file's digest in
    its URL."""
    digest = hashlib.sha256((APP_STATIC_DIR / name).read_bytes()).hexdigest()[:12]
    return name, f"{APP_STATIC_URL}/{name}?v={digest}"


def _elements(element: folium.Element) -> Iterator[folium.Element]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _elements(child)


def _localise(links: list[tuple[str, str]]) -> list[tuple[str, str]]:
    local = []
    for name, url in links:
        if name in LOCAL_ASSETS:
            local.append((name, f"{STATIC_URL}/{LOCAL_ASSETS[name]}"))
        elif url.startswith(f"{APP_STATIC_URL}/"):
            local.append((name, url))
        elif name not in UNUSED_ASSETS:
            raise MissingAssetError(f"map asset {name!r} ({url}) is not served by the app: add it to "
                                    "dashboard/assets/package.json and LOCAL_ASSETS in dashboard/common/offline.py")
    return local


def serve_locally(fmap: folium.Map) -> folium.Map:
    """Point every JS/CSS link of the map and its children at the app's own copies (in place; returns it)."""
    for element in _elements(fmap):
        for attribute in ("default_js", "default_css"):
            links = getattr(element, attribute, None)
            if links:
                setattr(element, attribute, _localise(list(links)))
    return fmap
