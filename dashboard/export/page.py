"""Export page: the plan files each amphoe office receives (XLSX, PDF, CSV, GeoPackage, GeoJSON), or all of them.

Thin: the files are built by geodata.exports (the same code as `rollout export`) through dashboard.export.files.
The built files stay in the session until the choice changes, so clicking one download does not lose the others.
"""

from __future__ import annotations

import streamlit as st

from dashboard.common.dataset import dataset_in_use
from dashboard.common.help_panel import help_panel
from dashboard.common.open_scenario import scenario_picker
from dashboard.common.province import is_nation
from dashboard.common.province_picker import nation_elsewhere
from dashboard.common.scenarios import scenario_error
from dashboard.common.text import t, with_detail
from dashboard.common.thai_widgets import multiselect_options
from dashboard.export.files import amphoe_names, amphoe_options, build_downloads, export_request
from geodata.errors import GeodataError
from geodata.exports import ALL_AMPHOES, FORMATS
from planning.errors import PlanningError
from service import ServiceError, StoreError

RESULT_KEY = "export_result"
#: What each file format holds, as the format choice names it.
FORMAT_LABELS = {"xlsx": "export.xlsx", "pdf": "export.pdf", "csv": "export.csv", "gpkg": "export.gpkg",
                 "geojson": "export.geojson"}

st.title(t("export.title"))
if is_nation():  # a national plan's packets per province: `rollout export --province nation --for-province`
    nation_elsewhere()
dataset = dataset_in_use()
st.caption(t("export.intro"))
help_panel("export.help")

names = amphoe_names(dataset.amphoes)
try:
    shown = scenario_picker("exp_scenario", t("export.scenario"))
except StoreError as error:
    st.error(scenario_error(error))
    st.stop()
scenario = shown.scenario
every_amphoe = t("export.all")  # format functions stay pure: AppTest calls them outside the script
amphoe = st.selectbox(t("export.amphoe"), amphoe_options(dataset.amphoes), key="exp_amphoe",
                      format_func=lambda code: every_amphoe if code == ALL_AMPHOES else names[code])
format_labels = {fmt: t(FORMAT_LABELS[fmt]) for fmt in FORMATS}
formats = st.multiselect(t("export.formats"), list(FORMATS), default=list(FORMATS), key="exp_formats",
                         format_func=format_labels.get, **multiselect_options())
st.info(t("export.estimated"))
if amphoe == ALL_AMPHOES and "pdf" in formats:
    st.caption(t("export.slow_all"))

if st.button(t("export.build"), key="exp_build", type="primary", disabled=not formats):
    bar = st.progress(0.0, text=t("export.building"))
    try:
        st.session_state[RESULT_KEY] = build_downloads(
            scenario, dataset.villages, dataset.tambons, dataset.amphoes, dataset_version=dataset.version,
            amphoe=amphoe, formats=formats, progress=lambda share, what: bar.progress(share, text=what),
            approval=shown.approval, province=dataset.province)
    except (GeodataError, PlanningError, ServiceError, StoreError) as error:
        st.session_state.pop(RESULT_KEY, None)
        st.error(with_detail(t("export.bad_plan"), error))
    bar.empty()
if not formats:
    st.warning(t("export.no_format"))

result = st.session_state.get(RESULT_KEY)
if result is not None:
    if export_request(scenario, dataset.version, amphoe, formats) != result.request:
        st.warning(t("export.stale"))
    st.success(t("export.ready", n=result.written, seconds=result.seconds))
    st.download_button(t("export.zip"), result.archive.data, file_name=result.archive.file_name,
                       mime=result.archive.mime, key="exp_zip", type="primary")
    st.subheader(t("export.province_files") if result.request[4] == ALL_AMPHOES else t("export.files"))
    for i, item in enumerate(result.files):
        st.download_button(item.file_name, item.data, file_name=item.file_name, mime=item.mime, key=f"exp_file_{i}")
