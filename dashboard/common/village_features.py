"""Village points as map features: the properties tooltips show and the style each point is drawn with."""

from __future__ import annotations

import geopandas as gpd

from dashboard.common.maps import QUALITY_COLOURS, STYLE_PROPERTY, LegendItem, village_style
from geodata import schema
from geodata.display import point_features
from geodata.messages import text

#: Properties every village feature carries (tooltip fields and codes for click handling).
TOOLTIP_PROPERTIES = (schema.VILLAGE_TH, schema.VILLAGE_EN, schema.VILLAGE_CODE, schema.MOO, schema.TAMBON_TH,
                      schema.TAMBON_EN, schema.AMPHOE_TH, schema.AMPHOE_EN)
#: Tooltip headings of TOOLTIP_PROPERTIES (the English names sit under their Thai ones without a heading).
_HEADINGS = ("common.village", None, "common.code", "common.moo", "common.tambon", None, "common.amphoe", None)
#: Location quality (geodata.schema.LOCATION_QUALITIES) in words.
QUALITIES = {"high": "common.quality_high", "medium": "common.quality_medium", "low": "common.quality_low",
             "estimated": "common.quality_estimated"}


def quality_label(quality: str, lang: str) -> str:
    """A location quality in words."""
    return text(QUALITIES[quality], lang)


def quality_features(villages: gpd.GeoDataFrame, lang: str) -> dict:
    """Village features coloured by location quality, estimated ones hollow and dashed."""
    frame = villages[[*TOOLTIP_PROPERTIES, schema.LOCATION_QUALITY, "geometry"]].copy()
    frame["quality"] = frame[schema.LOCATION_QUALITY].map(lambda q: quality_label(q, lang))
    collection = point_features(frame, [*TOOLTIP_PROPERTIES, "quality"])
    for feature, quality in zip(collection["features"], frame[schema.LOCATION_QUALITY], strict=True):
        feature["properties"][STYLE_PROPERTY] = village_style(QUALITY_COLOURS[quality], quality == schema.ESTIMATED)
    return collection


def quality_legend_items(lang: str) -> list[LegendItem]:
    return [LegendItem(quality_label(q, lang), QUALITY_COLOURS[q], q == schema.ESTIMATED)
            for q in schema.LOCATION_QUALITIES]


def tooltip_aliases(lang: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Tooltip headings for TOOLTIP_PROPERTIES followed by the messages `extra`, in `lang`."""
    return [text(key, lang) if key else "" for key in (*_HEADINGS, *extra)]
