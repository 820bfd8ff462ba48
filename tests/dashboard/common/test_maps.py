"""Map builders render to HTML that needs no network and shows what planners need to see."""

import json
import re

import pytest

import geodata
from dashboard.common.maps import base_map, legend, village_layer
from dashboard.common.offline import LOCAL_ASSETS, STATIC_URL, local_assets_present
from dashboard.common.village_features import (
    TOOLTIP_PROPERTIES,
    quality_features,
    quality_legend_items,
    tooltip_aliases,
)
from geodata import schema
from geodata.display import display_geojson

LABELS = {"tambon": "ตำบล", "amphoe": "อำเภอ", "code": "รหัส"}


@pytest.fixture(scope="module")
def layers():
    tambons, amphoes = geodata.load_tambons(), geodata.load_amphoes()
    return (display_geojson(tambons, [schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN]),
            display_geojson(amphoes, [schema.AMPHOE_CODE, schema.AMPHOE_TH]))


@pytest.fixture(scope="module")
def province_map_html(layers):
    villages = geodata.load_villages()
    fmap = base_map([[7.8, 99.3], [9.3, 100.4]], *layers, labels=LABELS)
    village_layer(quality_features(villages, "th"), name="villages",
                  tooltip_fields=[*TOOLTIP_PROPERTIES, "quality"],
                  tooltip_aliases=tooltip_aliases("th", ("plan.map.quality",))).add_to(fmap)
    legend("คุณภาพตำแหน่ง", quality_legend_items("th")).add_to(fmap)
    return fmap.get_root().render()


def test_map_loads_scripts_and_styles_only_from_the_app(province_map_html):
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', province_map_html)
    assert sources, "the map must load Leaflet from somewhere"
    assert all(src.startswith(STATIC_URL) for src in sources), sources
    assert "cdn" not in province_map_html.lower()


def test_map_has_no_tile_layer_unless_asked(layers):
    offline = base_map([[7.8, 99.3], [9.3, 100.4]], *layers, labels=LABELS).get_root().render()
    online = base_map([[7.8, 99.3], [9.3, 100.4]], *layers, labels=LABELS, online_tiles=True).get_root().render()
    assert "tile.openstreetmap.org" not in offline
    assert "tile.openstreetmap.org" in online


def test_served_assets_exist():
    assert local_assets_present(), "run `make setup` to fetch the map assets"
    assert set(LOCAL_ASSETS) >= {"leaflet", "leaflet_css"}


def embedded_json(text: str) -> str:
    """How folium writes a string inside the page's JSON (Thai as \\u escapes)."""
    return json.dumps(text)[1:-1]


def test_village_tooltips_carry_thai_and_english_names_and_codes(province_map_html):
    assert embedded_json("บ้านท่าไร่") in province_map_html and "Ban Tha Rai" in province_map_html
    assert "80010601" in province_map_html
    assert embedded_json("ตำแหน่งโดยประมาณ") in province_map_html


def test_estimated_villages_are_drawn_hollow_and_dashed():
    villages = geodata.load_villages()
    features = quality_features(villages, "en")["features"]
    estimated = [f for f, q in zip(features, villages[schema.LOCATION_QUALITY], strict=True) if q == "estimated"]
    located = [f for f, q in zip(features, villages[schema.LOCATION_QUALITY], strict=True) if q != "estimated"]
    assert len(estimated) == 435
    assert all(f["properties"]["_style"].get("dashArray") for f in estimated)
    assert not any(f["properties"]["_style"].get("dashArray") for f in located)
    assert all(f["properties"]["_style"]["fillOpacity"] < 0.5 for f in estimated)


def test_legend_names_every_location_quality_in_thai(province_map_html):
    for label in ("ตรงชื่อ (สูง)", "ตรงชื่อ (กลาง)", "ตรงชื่อ (ต่ำ)", "ตำแหน่งโดยประมาณ"):
        assert label in province_map_html


def test_boundaries_are_light_enough_to_send(layers):
    size = sum(len(json.dumps(layer).encode()) for layer in layers)
    assert size < 900_000, f"boundary payload {size} bytes"
