"""Data page: what the data set holds, where it comes from, and checking a planner's own files."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import geodata
from dashboard.common.dataset import (
    EMBEDDED,
    dataset_in_use,
    embedded_dataset,
    reset_to_embedded,
    use_uploaded_villages,
)
from dashboard.common.formatting import format_number
from dashboard.common.help_panel import help_panel
from dashboard.common.problem_table import show_problems
from dashboard.common.province import is_nation
from dashboard.common.province_picker import nation_elsewhere
from dashboard.common.text import lang, t
from dashboard.common.thai_widgets import limited_file_uploader
from geodata import limits
from geodata.summary import dataset_counts
from geodata.uploads import read_boundaries, read_village_list

st.title(t("data.title"))
if is_nation():
    nation_elsewhere()
dataset = dataset_in_use()
help_panel("data.help")
own = embedded_dataset()
if dataset.name == EMBEDDED:
    in_use = t("data.embedded")
elif dataset.name == own.name:  # another province's data set, built from the national files
    in_use = t("province.built_data")
else:
    in_use = dataset.name
st.info(t("data.in_use", name=in_use))
if dataset.name != own.name and st.button(t("data.back_to_embedded"), key="reset_dataset"):
    reset_to_embedded()
    st.rerun()

counts = dataset_counts(dataset.villages, dataset.tambons, dataset.amphoes)
st.subheader(t("data.counts"))
rows = [("data.n_amphoe", counts.amphoes), ("data.n_tambon", counts.tambons),
        ("data.n_tambon_villages", counts.tambons_with_villages), ("data.n_villages", counts.villages),
        ("data.n_located", counts.villages_located), ("data.n_estimated", counts.villages_estimated),
        ("data.n_population", counts.population), ("data.n_households", counts.households)]
st.table(pd.DataFrame({t("data.what"): [t(key) for key, _ in rows],
                       t("data.count"): [format_number(v) for _, v in rows]}).set_index(t("data.what")))

st.subheader(t("data.upload_villages"))
st.caption(t("data.upload_help"))
upload = limited_file_uploader(t("data.upload_villages"), limits.VILLAGE_LIST, key="village_upload",
                               type=["csv", "xlsx"], label_visibility="collapsed")
if upload is not None:
    try:
        candidate = read_village_list(upload.getvalue(), upload.name, dataset.tambons,
                                      known_points=own.villages)
    except geodata.UploadError as error:
        st.error(t("data.problems", n=format_number(len(error.problems))))
        show_problems(error.problems, key="village_problems")
    else:
        estimated = int((candidate["location_quality"] == "estimated").sum())
        st.success(t("data.valid", n=format_number(len(candidate)), estimated=format_number(estimated)))
        if st.button(t("data.use_it"), key="use_upload"):
            use_uploaded_villages(upload.name, candidate)
            st.success(t("data.now_using", name=upload.name))

st.subheader(t("data.upload_boundaries"))
boundary_upload = limited_file_uploader(t("data.upload_boundaries"), limits.BOUNDARIES, key="boundary_upload",
                                        type=["geojson", "json", "gpkg", "zip"], label_visibility="collapsed")
if boundary_upload is not None:
    try:
        boundaries = read_boundaries(boundary_upload.getvalue(), boundary_upload.name, level="tambon")
    except geodata.UploadError as error:
        st.error(t("data.problems", n=format_number(len(error.problems))))
        show_problems(error.problems, key="boundary_problems")
    else:
        st.success(t("data.boundaries_valid", n=format_number(len(boundaries))))

st.subheader(t("data.sources"))
st.markdown(geodata.sources_markdown(lang()))
