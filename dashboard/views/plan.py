"""Plan page: the province's villages on the map."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from dashboard.data import boundary_layers, dataset_in_use, map_bounds
from dashboard.i18n import COMMON
from dashboard.maps import base_map, legend, village_layer
from dashboard.ui import lang, t
from dashboard.villages_view import TOOLTIP_PROPERTIES, quality_features, quality_legend_items, tooltip_aliases

TEXT = {
    "title": ("แผนการขยายผลรายหมู่บ้าน", "Village rollout plan"),
    "quality_layer": ("หมู่บ้าน (ตามคุณภาพตำแหน่ง)", "Villages (by location quality)"),
}

dataset = dataset_in_use()
st.title(t(TEXT, "title"))
online = st.sidebar.toggle(t(COMMON, "online_tiles"), value=False, key="online_tiles")
labels = {k: t(COMMON, k) for k in ("tambon", "amphoe", "code")}
tambons, amphoes = boundary_layers(dataset.version, dataset.tambons, dataset.amphoes)
fmap = base_map(map_bounds(dataset), tambons, amphoes, labels=labels, online_tiles=online)
features = quality_features(dataset.villages, lang())
village_layer(features, name=t(TEXT, "quality_layer"), tooltip_fields=[*TOOLTIP_PROPERTIES, "quality"],
              tooltip_aliases=tooltip_aliases(COMMON, lang(), ("location_quality",))).add_to(fmap)
legend(t(COMMON, "location_quality"), quality_legend_items(lang()), t(COMMON, "estimated_note")).add_to(fmap)
st_folium(fmap, key="plan_map", height=640, use_container_width=True, returned_objects=[])
st.caption(t(COMMON, "villages_count", n=len(dataset.villages)))
