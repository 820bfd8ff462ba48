"""Coverage page (executives): how far a plan reaches by year, where the load falls, and the six-step progress.

Thin: figures come from dashboard.coverage_data (planning.coverage / planning.progress), maps from
dashboard.coverage_maps, charts from dashboard.coverage_charts, progress entry from dashboard.progress_editor.
Tabs run lazily: only the open tab's maps and charts are built.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from dashboard import coverage_charts as charts
from dashboard import coverage_data as data
from dashboard import progress_editor as editor
from dashboard.coverage_cache import cached_view, coverage_layers, small_amphoes, step_points
from dashboard.coverage_maps import coverage_legend_items, coverage_map, step_legend_items
from dashboard.data import boundary_layers, dataset_in_use, map_bounds
from dashboard.i18n import COMMON, format_date, format_number, format_share
from dashboard.maps import base_map, legend, village_layer
from dashboard.plans import author, get_store, load_scenario, scenario_names
from dashboard.ui import lang, t
from dashboard.villages_view import TOOLTIP_PROPERTIES, tooltip_aliases
from geodata import schema
from geodata.errors import UploadError
from geodata.progress_io import current_steps, template_csv, template_table, template_xlsx
from planning.errors import PlanningError
from store import StoreError

TEXT = {
    "title": ("ความครอบคลุมของการขยายผล", "Rollout coverage"),
    "intro": ("หมู่บ้านที่เข้าร่วมการจัดการความรู้เมื่อสิ้นแต่ละระยะ อำเภอที่ก้าวหน้าหรือล่าช้า และความก้าวหน้า 6 ขั้น "
              "ของชุมชนเข้มแข็ง", "Villages reached by the end of each wave, the districts ahead or behind, and the "
              "six-step progress of a strong community."),
    "scenario": ("แผนทางเลือก (ฉากทัศน์)", "Scenario"),
    "bad_plan": ("แผนนี้ใช้กับชุดข้อมูลที่ใช้อยู่ไม่ได้: {error}", "This plan does not fit the data set in use: {error}"),
    "covered_by": ("ครอบคลุมเมื่อสิ้นปี {year}", "Covered by the end of {year}"),
    "of_province": ("{share} ของ {total} หมู่บ้าน", "{share} of {total} villages"),
    "new_in": ("+{n} ในปีนี้", "+{n} this year"),
    "pilot_year": ("{year} (นำร่อง)", "{year} (pilot)"),
    "wave": ("ระยะ (ปี พ.ศ.)", "Wave (B.E. year)"),
    "new": ("หมู่บ้านใหม่", "New villages"),
    "covered": ("ครอบคลุมสะสม", "Covered (cumulative)"),
    "share": ("สัดส่วนของจังหวัด", "Share of the province"),
    "tambons_full": ("ตำบลครบทุกหมู่บ้าน", "Tambons fully covered"),
    "tambons_partial": ("ตำบลครอบคลุมบางส่วน", "Tambons partly covered"),
    "teams": ("ทีมคุณอำนวยที่ทำงาน", "Facilitator teams engaged"),
    "teams_estimated": ("ทีมคุณอำนวยที่ทำงาน (ประมาณการ)", "Facilitator teams engaged (estimated)"),
    "teams_note": ("ทีมที่ทำงานในระยะหนึ่ง = ผลรวมทีมของอำเภอที่มีหมู่บ้านอย่างน้อย 1 แห่งในระยะนั้น",
                   "Teams engaged in a wave = the teams of every district with at least one village in that wave."),
    "roster_estimated": ("จำนวนทีมคุณอำนวยเป็นค่าประมาณ (1 ทีมต่อตำบล) จนกว่าจะนำเข้าจำนวนจริงในหน้าวางแผน",
                         "Facilitator team numbers are an estimate (one team per tambon) until the real roster is "
                         "entered on the Plan page."),
    "tambon_count": ("จาก {n} ตำบลที่มีหมู่บ้าน", "of {n} tambons with villages"),
    "unassigned": ("{n} หมู่บ้านยังไม่มีระยะในแผนนี้", "{n} villages have no wave in this plan"),
    "year": ("ปี พ.ศ.", "Year (B.E.)"),
    "tab_map": ("แผนที่", "Map"),
    "tab_charts": ("กราฟและอันดับอำเภอ", "Charts and district ranking"),
    "tab_progress": ("ความก้าวหน้า 6 ขั้น", "Six-step progress"),
    "map_title": ("ความครอบคลุมสะสมเมื่อสิ้นปี {year}", "Cumulative coverage by the end of {year}"),
    "legend_title": ("สัดส่วนหมู่บ้านที่ครอบคลุม", "Share of villages covered"),
    "class_0": ("ยังไม่มี", "None yet"), "class_1": ("ต่ำกว่า 25%", "Under 25%"), "class_2": ("25–49%", "25–49%"),
    "class_3": ("50–74%", "50–74%"), "class_4": ("75–99%", "75–99%"), "class_5": ("ครบ 100%", "All (100%)"),
    "pilot_note": ("เส้นประหนา = ตำบลนำร่อง; ซูมเข้าเพื่อดูรายตำบล", "Thick dashes = pilot tambons; zoom in to see tambons"),
    "zoom_note": ("ซูมเข้าเพื่อดูรายตำบล", "Zoom in to see tambons"),
    "count": ("หมู่บ้าน", "Villages"),
    "small_multiples": ("ความครอบคลุมสะสมรายอำเภอเมื่อสิ้นแต่ละระยะ", "Cumulative district coverage at the end of each wave"),
    "s_curve": ("ความครอบคลุมสะสมรายปี: จังหวัด (เส้นหนา) และรายอำเภอ", "Cumulative coverage by year: province (bold) "
                "and each district"),
    "highlight": ("เน้นอำเภอ", "Highlight a district"),
    "none": ("— ไม่เน้น —", "— none —"),
    "area": ("พื้นที่", "Area"),
    "heatmap": ("ภาระคุณอำนวย: หมู่บ้านต่อทีม รายอำเภอ × ระยะ", "Facilitator load: villages per team, district × wave"),
    "load": ("หมู่บ้านต่อทีม", "Villages per team"),
    "ranking": ("อันดับอำเภอ", "District ranking"),
    "rank_by": ("เรียงตาม", "Rank by"),
    "by_coverage": ("ความครอบคลุม ณ ปีที่เลือก", "Coverage at the chosen year"),
    "by_load": ("ภาระสูงสุดต่อทีม", "Heaviest load per team"),
    "coverage_rank": ("อันดับความครอบคลุม", "Coverage rank"),
    "load_rank": ("อันดับภาระ", "Load rank"),
    "villages": ("หมู่บ้านทั้งหมด", "Villages"),
    "covered_year": ("ครอบคลุมถึงปี {year}", "Covered by {year}"),
    "share_pct": ("สัดส่วน (%)", "Share (%)"),
    "max_load": ("ภาระสูงสุด (หมู่บ้าน/ทีม)", "Heaviest load (villages/team)"),
    "max_load_wave": ("ระยะที่ภาระสูงสุด", "Wave of heaviest load"),
    "steps_by_amphoe": ("สัดส่วนหมู่บ้านในแต่ละขั้น รายอำเภอ (หมู่บ้านที่ระยะเริ่มแล้ว)",
                        "Share of villages at each step by district (villages whose wave has started)"),
    "step": ("ขั้น", "Step"),
    "district_share": ("สัดส่วนของหมู่บ้านในอำเภอ", "Share of the district's villages"),
    "not_reported": ("0. ยังไม่มีรายงาน", "0. No report yet"),
    "not_started": ("ระยะยังไม่เริ่ม", "Wave not started"),
    "no_started": ("ยังไม่มีหมู่บ้านที่ระยะเริ่มแล้ว", "No village's wave has started yet."),
    "stalled": ("หมู่บ้านที่ไม่ขยับขั้น", "Stalled villages"),
    "stalled_months": ("ไม่เปลี่ยนขั้นนานกว่า (เดือน)", "No step change for more than (months)"),
    "stalled_count": ("{n} หมู่บ้านไม่เปลี่ยนขั้นนานกว่า {months} เดือน", "{n} villages with no step change for more "
                      "than {months} months"),
    "stalled_rule": ("นับหมู่บ้านที่ระยะเริ่มแล้ว ยังไม่ถึงขั้นที่ 6 และไม่มีการเปลี่ยนขั้น (หรือไม่มีรายงานเลยนับจากวันเริ่ม"
                     "ระยะ) นานกว่าจำนวนเดือนที่เลือก", "Counts villages whose wave has started, not yet at step 6, "
                     "with no step change (or no report since their wave began) for longer than the months chosen."),
    "since": ("ตั้งแต่", "Since"),
    "days": ("จำนวนวัน", "Days"),
    "village": ("หมู่บ้าน", "Village"),
    "step_map": ("แผนที่หมู่บ้านตามขั้นปัจจุบัน", "Villages by current step"),
    "record": ("บันทึกความก้าวหน้า", "Record progress"),
    "record_help": (
        "กรอกเฉพาะหมู่บ้านที่เปลี่ยนขั้น: ขั้นใหม่ วันที่ถึงขั้น (เช่น 31/1/2568) ผู้รายงาน และเหตุผลถ้าขั้นถอยหลัง "
        "ประวัติทุกรายการถูกเก็บไว้ ไม่มีการเขียนทับ",
        "Fill in only the villages that moved: new step, date reached (e.g. 31/1/2568), who reported it, and a reason "
        "if the step goes back. Every report is kept; nothing is overwritten."),
    "rules": (
        "กติกา: ระยะ พ.ศ. Y เริ่มวันที่ 1 ต.ค. ปี Y−1 (ต้นปีงบประมาณ) วันที่ก่อนเริ่มระยะของหมู่บ้านหรือวันในอนาคตไม่รับ "
        "ขั้นถอยหลังต้องมีเหตุผล ขั้นเดิมซ้ำไม่รับ หลายแถวของหมู่บ้านเดียวกันพิจารณาตามลำดับวันที่ ระยะของหมู่บ้านตามแผนที่เลือก"
        " ผู้รายงานว่าง = บันทึกเป็นชื่อผู้บันทึก",
        "Rules: wave Y (B.E.) starts on 1 Oct of Y−1, the start of fiscal year Y. Dates before the village's wave "
        "or in the future are refused; a step going back needs a reason; the same step again is refused; several "
        "rows of one village are taken in date order. A village's wave is the one in the scenario chosen above. "
        "A blank reporter is recorded as the person entering."),
    "filter_amphoe": ("อำเภอ", "District"),
    "filter_tambon": ("ตำบล", "Subdistrict"),
    "all": ("ทั้งหมด", "All"),
    "current": ("ขั้นปัจจุบัน", "Current step"),
    "new_step": ("ขั้นใหม่", "New step"),
    "reached_on": ("วันที่ถึงขั้น (ว/ด/ปี พ.ศ.)", "Date reached (d/m/B.E. year)"),
    "reported_by": ("ผู้รายงาน", "Reported by"),
    "reason": ("เหตุผล (ถ้าขั้นถอยหลัง)", "Reason (if going back)"),
    "save": ("บันทึกรายการที่กรอก", "Record the entries"),
    "recorded": ("บันทึกแล้ว {n} รายการ", "{n} report(s) recorded."),
    "refused": ("ไม่รับ {n} แถว (แถวอื่นบันทึกแล้ว):", "{n} row(s) refused (the other rows were recorded):"),
    "nothing": ("ไม่มีรายการที่กรอก", "Nothing was filled in."),
    "import": ("นำเข้าจากไฟล์ของอำเภอ (CSV หรือ XLSX)", "Import a district office's file (CSV or XLSX)"),
    "import_help": ("คอลัมน์: village_code, step, reached_on และ reported_by, reason (ถ้ามี) วันที่แบบ 31/1/2568 "
                    "หรือ 2025-01-31 แถวที่ไม่มีขั้นและวันที่จะข้ามไป",
                    "Columns: village_code, step, reached_on and optionally reported_by, reason. Dates as 31/1/2568 "
                    "or 2025-01-31. Rows with neither step nor date are skipped."),
    "template_csv": ("ดาวน์โหลดแบบฟอร์ม (CSV)", "Download the template (CSV)"),
    "template_xlsx": ("ดาวน์โหลดแบบฟอร์ม (XLSX)", "Download the template (XLSX)"),
    "do_import": ("นำเข้าไฟล์นี้", "Import this file"),
    "file_problems": ("ใช้ไฟล์นี้ไม่ได้ ไม่มีการบันทึก:", "This file cannot be used; nothing was recorded:"),
    "readme": ("กรอกคอลัมน์ step (1-6), reached_on (เช่น 31/1/2568), reported_by และ reason ถ้าขั้นถอยหลัง",
               "Fill in step (1-6), reached_on (e.g. 31/1/2568), reported_by, and reason if a step goes back"),
    "readme_steps": ("ขั้น: {steps}", "Steps: {steps}"),
    "store_error": ("บันทึกไม่ได้: {error}", "Could not record: {error}"),
}
COVERAGE_CLASS_KEYS = tuple(f"class_{i}" for i in range(6))
MAP_HEIGHT = 560

dataset = dataset_in_use()
language = lang()
today = dt.date.today()
st.title(t(TEXT, "title"))
st.caption(t(TEXT, "intro"))
online = st.sidebar.toggle(t(COMMON, "online_tiles"), value=False, key="online_tiles")

name = st.selectbox(t(TEXT, "scenario"), scenario_names(), key="cov_scenario")
try:
    scenario = load_scenario(name)
    view = cached_view(scenario.name, scenario.version, dataset.version, scenario, dataset.villages,
                       dataset.tambons)
except (PlanningError, StoreError) as exc:
    st.error(t(TEXT, "bad_plan", error=exc))
    st.stop()
figures = view.figures
district_names = data.names(dataset.amphoes, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN, language)
district_order = [district_names.get(d, d) for d in figures.district_villages]


def keep_if_offered(key: str, options: list) -> list:
    """Forget a widget's remembered choice when it is no longer offered (another scenario or district)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    return options


def year_label(label: str) -> str:
    return t(TEXT, "pilot_year", year=label) if label == view.pilot_label else label


# --- Headline figures -------------------------------------------------------------------------------------
for column, label in zip(st.columns(len(figures.labels)), figures.labels, strict=True):
    column.metric(t(TEXT, "covered_by", year=year_label(label)), format_number(figures.covered_by_wave[label]),
                  delta=t(TEXT, "new_in", n=format_number(figures.new_by_wave[label])), delta_color="off",
                  help=t(TEXT, "of_province", share=format_share(figures.share_by_wave[label]),
                         total=format_number(figures.total_villages)))
teams_key = "teams_estimated" if view.roster_estimated else "teams"
headline = data.headline_table(figures)
st.dataframe({
    t(TEXT, "wave"): [year_label(w) for w in headline["wave"]],
    t(TEXT, "new"): [format_number(n) for n in headline["new"]],
    t(TEXT, "covered"): [format_number(n) for n in headline["covered"]],
    t(TEXT, "share"): [format_share(s) for s in headline["share"]],
    t(TEXT, "tambons_full"): [format_number(n) for n in headline["tambons_full"]],
    t(TEXT, "tambons_partial"): [format_number(n) for n in headline["tambons_partial"]],
    t(TEXT, teams_key): [format_number(n) for n in headline["teams"]],
}, hide_index=True, key="cov_headline")
notes = [t(TEXT, "tambon_count", n=format_number(figures.tambons_with_villages)), t(TEXT, "teams_note")]
if figures.unassigned:
    notes.append(t(TEXT, "unassigned", n=format_number(figures.unassigned)))
st.caption(" · ".join(notes))
if view.roster_estimated:
    st.warning(t(TEXT, "roster_estimated"), icon=":material/info:")

year = st.select_slider(t(TEXT, "year"), options=keep_if_offered("cov_year", list(figures.years)), key="cov_year",
                        format_func=str)
TAB_KEYS = ("tab_map", "tab_charts", "tab_progress")
open_tab = st.session_state.get("cov_tab")
for tab_key in TAB_KEYS:  # the open tab is remembered by its label: keep it open when the language changes
    if open_tab in TEXT[tab_key]:
        st.session_state["cov_tab"] = t(TEXT, tab_key)
tab_map, tab_charts, tab_progress = st.tabs([t(TEXT, k) for k in TAB_KEYS], key="cov_tab", on_change="rerun")

# --- Map ------------------------------------------------------------------------------------------------------
if tab_map.open is not False:
    with tab_map:
        st.subheader(t(TEXT, "map_title", year=year))
        tambons_geo, amphoes_geo = boundary_layers(dataset.version, dataset.tambons, dataset.amphoes)
        view_key = (scenario.name, scenario.version, dataset.version)
        amphoe_layer, tambon_layer, pilot_layer = coverage_layers(view_key, year, language, view, amphoes_geo,
                                                                  tambons_geo, view.pilot_tambons)
        heading = [t(TEXT, "share"), t(TEXT, "count")]
        suffix = "th" if language == "th" else "en"
        fmap = coverage_map(
            map_bounds(dataset), amphoe_layer, tambon_layer, pilot_tambons=pilot_layer, online_tiles=online,
            tooltips={"amphoe": ([f"amphoe_{suffix}", "share_text", "count_text"], [t(COMMON, "amphoe"), *heading]),
                      "tambon": ([f"tambon_{suffix}", "share_text", "count_text"], [t(COMMON, "tambon"), *heading])},
            legend_title=t(TEXT, "legend_title"),
            legend_items=coverage_legend_items([t(TEXT, k) for k in COVERAGE_CLASS_KEYS]),
            legend_note=t(TEXT, "pilot_note") if view.pilot_tambons else t(TEXT, "zoom_note"))
        st_folium(fmap, key="cov_map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[])
        st.subheader(t(TEXT, "small_multiples"))
        panels = charts.wave_small_multiples(
            small_amphoes(dataset.version, dataset.amphoes), data.wave_share_table(figures),
            wave_titles={w: year_label(w) for w in figures.labels},
            titles={"share": t(TEXT, "legend_title"), "name": t(COMMON, "amphoe")},
            class_labels=[t(TEXT, k) for k in COVERAGE_CLASS_KEYS], name_property=f"amphoe_{suffix}")
        st.altair_chart(panels, key="cov_small_multiples")

# --- Charts -----------------------------------------------------------------------------------------------
if tab_charts.open:
    with tab_charts:
        st.subheader(t(TEXT, "s_curve"))
        no_highlight = t(TEXT, "none")  # format functions stay pure: AppTest calls them outside the script
        highlight_code = st.selectbox(
            t(TEXT, "highlight"), keep_if_offered("cov_highlight", [None, *figures.district_villages]),
            key="cov_highlight", format_func=lambda c: no_highlight if c is None else district_names.get(c, c))
        highlight = district_names.get(highlight_code, highlight_code) if highlight_code else None
        curve = data.s_curve_table(figures, district_names, t(COMMON, "province"))
        st.altair_chart(charts.s_curve_chart(curve, highlight=highlight, titles={
            "year": t(TEXT, "year"), "share": t(TEXT, "share"), "area": t(TEXT, "area"),
            "covered": t(TEXT, "covered"), "villages": t(TEXT, "villages")}), key="cov_s_curve")
        st.subheader(t(TEXT, "heatmap"))
        st.altair_chart(charts.load_heatmap(data.load_table(figures, district_names), district_order=district_order,
                                            titles={"name": t(COMMON, "amphoe"), "wave": t(TEXT, "wave"),
                                                    "load": t(TEXT, "load"), "villages": t(TEXT, "new"),
                                                    "teams": t(TEXT, teams_key)}), key="cov_heatmap")
        if view.roster_estimated:
            st.caption(t(TEXT, "roster_estimated"))
        st.subheader(t(TEXT, "ranking"))
        orders = {o: t(TEXT, f"by_{o}") for o in ("coverage", "load")}
        order = st.radio(t(TEXT, "rank_by"), list(orders), key="cov_rank_order", horizontal=True,
                         format_func=orders.get)
        ranking = data.ranking_table(figures, year, district_names, order).drop(columns="district")
        number = st.column_config.NumberColumn
        st.dataframe(ranking, hide_index=True, key="cov_ranking", column_config={
            "coverage_rank": number(t(TEXT, "coverage_rank"), format="%d"),
            "load_rank": number(t(TEXT, "load_rank"), format="%d"),
            "name": st.column_config.TextColumn(t(COMMON, "amphoe")),
            "villages": number(t(TEXT, "villages"), format="%d"),
            "covered": number(t(TEXT, "covered_year", year=year), format="%d"),
            "share_pct": number(t(TEXT, "share_pct"), format="%.1f%%"),
            "teams": number(t(TEXT, teams_key), format="%d"),
            "max_load": number(t(TEXT, "max_load"), format="%.2f"),
            "max_load_wave": st.column_config.TextColumn(t(TEXT, "max_load_wave"))})


# --- Six-step progress --------------------------------------------------------------------------------------
def show_outcome(outcome_key: str) -> None:
    """The result of the last recording (kept across the rerun that follows it)."""
    outcome = st.session_state.get(outcome_key)
    if outcome is None:
        return
    if isinstance(outcome, UploadError):
        st.error(t(TEXT, "file_problems"))
        st.dataframe([{"check": p.check, "problem": str(p)} for p in outcome.problems], hide_index=True,
                     key=f"{outcome_key}_problems")
        return
    if not outcome.recorded and not outcome.refused:
        st.info(t(TEXT, "nothing"))
    if outcome.recorded:
        st.success(t(TEXT, "recorded", n=format_number(len(outcome.recorded))))
    if outcome.refused:
        st.warning(t(TEXT, "refused", n=format_number(len({r.row for r in outcome.refused}))))
        st.dataframe(editor.refusal_table(outcome.refused, language), hide_index=True, key=f"{outcome_key}_refused")


if tab_progress.open:
    with tab_progress:
        progress_store = get_store()
        current = progress_store.current_progress()
        reached = current_steps(current)
        step_names = data.step_names(language, t(TEXT, "not_reported"))

        st.subheader(t(TEXT, "steps_by_amphoe"))
        shares = data.step_share_table(view, reached, today, district_names, step_names)
        if shares.empty:
            st.info(t(TEXT, "no_started"))
        else:
            started_order = [n for n in district_order if n in set(shares["name"])]
            st.altair_chart(charts.step_bars(shares, district_order=started_order, titles={
                "name": t(COMMON, "amphoe"), "share": t(TEXT, "district_share"), "step": t(TEXT, "step"),
                "villages": t(TEXT, "count")}), key="cov_step_bars")

        st.subheader(t(TEXT, "stalled"))
        months = st.number_input(t(TEXT, "stalled_months"), min_value=1, max_value=120, value=6, step=1,
                                 key="cov_stalled_months")
        stalled = data.stalled_table(view, reached, today, int(months), dataset.villages, language)
        st.markdown(t(TEXT, "stalled_count", n=format_number(len(stalled)), months=int(months)))
        st.caption(t(TEXT, "stalled_rule"))
        if not stalled.empty:
            st.dataframe(stalled.assign(step=stalled["step"].map(step_names),
                                        since=stalled["since"].map(lambda d: format_date(d, language))),
                         hide_index=True, key="cov_stalled_table", column_config={
                             "village_code": t(COMMON, "code"), "village": t(TEXT, "village"),
                             "moo": t(COMMON, "moo"), "tambon": t(COMMON, "tambon"), "amphoe": t(COMMON, "amphoe"),
                             "wave": t(TEXT, "wave"), "step": t(TEXT, "current"), "since": t(TEXT, "since"),
                             "days": st.column_config.NumberColumn(t(TEXT, "days"), format="%d")})

        st.subheader(t(TEXT, "step_map"))
        steps = data.village_steps(view, reached, today)
        labels = {**step_names, None: t(TEXT, "not_started")}
        points = step_points((scenario.name, scenario.version, dataset.points_key, progress_store.progress_revision()),
                             language, today, dataset.villages, steps, reached, view.village_waves, labels)
        tambons_geo, amphoes_geo = boundary_layers(dataset.version, dataset.tambons, dataset.amphoes)
        step_map = base_map(map_bounds(dataset), tambons_geo, amphoes_geo, online_tiles=online,
                            labels={k: t(COMMON, k) for k in ("tambon", "amphoe", "code")})
        village_layer(points, name=t(TEXT, "step_map"), tooltip_fields=[*TOOLTIP_PROPERTIES, "wave", "step_text",
                                                                         "since_text"],
                      tooltip_aliases=[*tooltip_aliases(COMMON, language), t(TEXT, "wave"), t(TEXT, "current"),
                                       t(TEXT, "since")]).add_to(step_map)
        legend(t(TEXT, "step"), step_legend_items(labels, t(COMMON, "quality_estimated")),
               t(COMMON, "estimated_note")).add_to(step_map)
        st_folium(step_map, key="cov_step_map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[])

        st.subheader(t(TEXT, "record"))
        st.caption(t(TEXT, "rules"))
        amphoe_codes = list(figures.district_villages)
        amphoe = st.selectbox(t(TEXT, "filter_amphoe"), amphoe_codes, key="cov_prog_amphoe",
                              format_func=lambda c: district_names.get(c, c))
        in_amphoe = dataset.villages[dataset.villages[schema.AMPHOE_CODE] == amphoe]
        tambon_column = schema.TAMBON_TH if language == "th" else schema.TAMBON_EN
        tambon_names = dict(zip(in_amphoe[schema.TAMBON_CODE], in_amphoe[tambon_column], strict=True))
        every_tambon = t(TEXT, "all")
        tambon_options = keep_if_offered("cov_prog_tambon", [None, *sorted(tambon_names)])
        tambon = st.selectbox(t(TEXT, "filter_tambon"), tambon_options, key="cov_prog_tambon",
                              format_func=lambda c: every_tambon if c is None else tambon_names[c])
        chosen = in_amphoe if tambon is None else in_amphoe[in_amphoe[schema.TAMBON_CODE] == tambon]
        st.caption(t(TEXT, "record_help"))
        generation = st.session_state.setdefault("cov_prog_generation", 0)
        with st.form(key="cov_prog_form"):
            table = editor.editor_table(chosen, view.village_waves, current, language)
            edited = st.data_editor(
                table, key=f"cov_prog_editor_{generation}", hide_index=True, num_rows="fixed",
                disabled=list(editor.SHOWN_COLUMNS), column_config={
                    "village_code": t(COMMON, "code"), "village": t(TEXT, "village"), "tambon": t(COMMON, "tambon"),
                    "wave": t(TEXT, "wave"), "current": t(TEXT, "current"), "since": t(TEXT, "since"),
                    "step": st.column_config.SelectboxColumn(
                        t(TEXT, "new_step"), options=[editor.step_option(n, language) for n in range(1, 7)]),
                    "reached_on": st.column_config.TextColumn(t(TEXT, "reached_on")),
                    "reported_by": st.column_config.TextColumn(t(TEXT, "reported_by")),
                    "reason": st.column_config.TextColumn(t(TEXT, "reason"))})
            submitted = st.form_submit_button(t(TEXT, "save"), key="cov_prog_save")
        if submitted:
            try:
                st.session_state["cov_prog_outcome"] = editor.record_table_entries(
                    progress_store, edited, author=author(), known_villages=dataset.villages[schema.VILLAGE_CODE],
                    village_waves=view.village_waves, today=today)
            except StoreError as exc:
                st.error(t(TEXT, "store_error", error=exc))
            else:
                st.session_state["cov_prog_generation"] = generation + 1
                st.rerun()
        show_outcome("cov_prog_outcome")

        st.subheader(t(TEXT, "import"))
        st.caption(t(TEXT, "import_help"))
        template = template_table(chosen, view.village_waves, current)
        readme = [t(TEXT, "readme"), t(TEXT, "rules"),
                  t(TEXT, "readme_steps", steps="; ".join(step_names[n] for n in range(1, 7)))]
        left, right = st.columns(2)
        left.download_button(t(TEXT, "template_csv"), template_csv(template), file_name=f"progress_{amphoe}.csv",
                             mime="text/csv", key="cov_template_csv", on_click="ignore")
        right.download_button(t(TEXT, "template_xlsx"), template_xlsx(template, readme),
                              file_name=f"progress_{amphoe}.xlsx", key="cov_template_xlsx", on_click="ignore",
                              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        upload = st.file_uploader(t(TEXT, "import"), type=["csv", "xlsx"], key="cov_prog_upload",
                                  label_visibility="collapsed")
        if upload is not None and st.button(t(TEXT, "do_import"), key="cov_prog_import"):
            try:
                st.session_state["cov_import_outcome"] = editor.import_file(
                    progress_store, upload.getvalue(), upload.name, author=author(),
                    known_villages=dataset.villages[schema.VILLAGE_CODE], village_waves=view.village_waves,
                    today=today)
            except UploadError as exc:
                st.session_state["cov_import_outcome"] = exc
            except StoreError as exc:
                st.error(t(TEXT, "store_error", error=exc))
            else:
                st.rerun()  # redraw the charts, map and table with the new steps
        show_outcome("cov_import_outcome")
