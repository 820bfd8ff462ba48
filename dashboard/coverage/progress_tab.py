"""The Coverage page's six-step progress tab: step shares by district, stalled villages, the step map, and
recording progress (table entry or a district office's file)."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from dashboard.common.database import workspace
from dashboard.common.dataset import Dataset, boundary_layers, map_bounds
from dashboard.common.formatting import MISSING, format_date, format_number
from dashboard.common.maps import base_map, legend, village_layer
from dashboard.common.problem_table import show_problems
from dashboard.common.scenarios import refusal_text
from dashboard.common.text import lang, t, with_detail
from dashboard.common.thai_widgets import limited_file_uploader
from dashboard.common.village_features import TOOLTIP_PROPERTIES, tooltip_aliases
from dashboard.coverage import figures as data
from dashboard.coverage import progress_editor as editor
from dashboard.coverage.cache import step_points
from dashboard.coverage.charts import step_bars
from dashboard.coverage.maps import step_legend_items
from geodata import limits, schema
from geodata.errors import UploadError
from geodata.progress_io import template_csv, template_table, template_xlsx
from geodata.scenario import Scenario
from service import REFUSALS, AccessDenied
from service.progress import current_steps

MAP_HEIGHT = 560
#: Refused rows of the progress table, kept for correction (village code -> progress_editor.KeptRow).
KEPT_KEY = "cov_prog_kept"
#: Pixels of the "new step" column: the longest step name reads whole in its drop-down.
STEP_COLUMN_WIDTH = 340


def keep_if_offered(key: str, options: list) -> list:
    """Forget a widget's remembered choice when it is no longer offered (another scenario or district)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    return options


def show_outcome(outcome_key: str) -> None:
    """The result of the last recording (kept across the rerun that follows it)."""
    outcome = st.session_state.get(outcome_key)
    if outcome is None:
        return
    if isinstance(outcome, UploadError):
        st.error(t("coverage.file_problems"))
        show_problems(outcome.problems, key=f"{outcome_key}_problems")
        return
    if not outcome.recorded and not outcome.refused:
        st.info(t("coverage.nothing"))
    if outcome.recorded:
        st.success(t("coverage.recorded", n=format_number(len(outcome.recorded))))
    if outcome.refused:
        st.warning(t("coverage.refused", n=format_number(len({r.row for r in outcome.refused}))))
        st.dataframe(editor.refusal_table(outcome.refused, lang()), hide_index=True, placeholder=MISSING,
                     key=f"{outcome_key}_refused")


def progress_tab(scenario: Scenario, view, dataset: Dataset, district_names: dict[str, str],
                 district_order: list[str], online: bool, today: dt.date) -> None:
    """Everything in the progress tab, for the chosen scenario (`view` = its cached coverage view)."""
    language = lang()
    figures = view.figures
    progress_store = workspace()
    current = progress_store.current_progress()
    reached = current_steps(current)
    step_names = data.step_names(language, t("coverage.not_reported"))

    st.subheader(t("coverage.steps_by_amphoe"))
    shares = data.step_share_table(view, reached, today, district_names, step_names)
    if shares.empty:
        st.info(t("coverage.no_started"))
    else:
        started_order = [n for n in district_order if n in set(shares["name"])]
        st.altair_chart(step_bars(shares, district_order=started_order, titles={
            "name": t("common.amphoe"), "share": t("coverage.district_share"), "step": t("coverage.step"),
            "villages": t("coverage.count")}), key="cov_step_bars")

    st.subheader(t("coverage.stalled"))
    months = st.number_input(t("coverage.stalled_months"), min_value=1, max_value=120, value=6, step=1,
                             key="cov_stalled_months")
    stalled = data.stalled_table(view, reached, today, int(months), dataset.villages, language)
    st.markdown(t("coverage.stalled_count", n=format_number(len(stalled)), months=int(months)))
    st.caption(t("coverage.stalled_rule"))
    if not stalled.empty:
        st.dataframe(stalled.assign(step=stalled["step"].map(step_names),
                                    since=stalled["since"].map(lambda d: format_date(d, language))),
                     hide_index=True, placeholder=MISSING, key="cov_stalled_table", column_config={
                         "village_code": t("common.code"), "village": t("coverage.village"),
                         "moo": t("common.moo"), "tambon": t("common.tambon"), "amphoe": t("common.amphoe"),
                         "wave": t("coverage.wave"), "step": t("coverage.current"), "since": t("coverage.since"),
                         "days": st.column_config.NumberColumn(t("coverage.days"), format="%d")})

    st.subheader(t("coverage.step_map"))
    steps = data.village_steps(view, reached, today)
    labels = {**step_names, None: t("coverage.not_started")}
    points = step_points((scenario.name, scenario.version, scenario.updated_at, dataset.points_key,
                          progress_store.progress_revision()),
                         language, today, dataset.villages, steps, reached, view.village_waves, labels)
    tambons_geo, amphoes_geo = boundary_layers(dataset.version, dataset.tambons, dataset.amphoes)
    step_map = base_map(map_bounds(dataset), tambons_geo, amphoes_geo, online_tiles=online,
                        labels={"tambon": t("common.tambon"), "amphoe": t("common.amphoe"),
                                "code": t("common.code")})
    village_layer(points, name=t("coverage.step_map"), tooltip_fields=[*TOOLTIP_PROPERTIES, "wave", "step_text",
                                                                     "since_text"],
                  tooltip_aliases=[*tooltip_aliases(language), t("coverage.wave"), t("coverage.current"),
                                   t("coverage.since")]).add_to(step_map)
    legend(t("coverage.step"), step_legend_items(labels, t("common.quality_estimated")),
           t("common.estimated_note")).add_to(step_map)
    st_folium(step_map, key="cov_step_map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[])

    if not progress_store.permissions.report_progress:  # executives read; the service refuses them anyway
        return
    st.subheader(t("coverage.record"))
    st.caption(t("coverage.rules"))
    amphoe_codes = list(figures.district_villages)
    amphoe = st.selectbox(t("coverage.filter_amphoe"), amphoe_codes, key="cov_prog_amphoe",
                          format_func=lambda c: district_names.get(c, c))
    in_amphoe = dataset.villages[dataset.villages[schema.AMPHOE_CODE] == amphoe]
    tambon_column = schema.TAMBON_TH if language == "th" else schema.TAMBON_EN
    tambon_names = dict(zip(in_amphoe[schema.TAMBON_CODE], in_amphoe[tambon_column], strict=True))
    every_tambon = t("coverage.all")
    tambon_options = keep_if_offered("cov_prog_tambon", [None, *sorted(tambon_names)])
    tambon = st.selectbox(t("coverage.filter_tambon"), tambon_options, key="cov_prog_tambon",
                          format_func=lambda c: every_tambon if c is None else tambon_names[c])
    chosen = in_amphoe if tambon is None else in_amphoe[in_amphoe[schema.TAMBON_CODE] == tambon]
    st.caption(t("coverage.record_help"))
    generation = st.session_state.setdefault("cov_prog_generation", 0)
    kept = st.session_state.get(KEPT_KEY, {})
    with st.form(key="cov_prog_form"):
        table = editor.editor_table(chosen, view.village_waves, current, language, kept)
        edited = st.data_editor(
            table, key=f"cov_prog_editor_{generation}", hide_index=True, placeholder=MISSING, num_rows="fixed",
            disabled=[*editor.SHOWN_COLUMNS, editor.PROBLEM], column_order=editor.COLUMN_ORDER, column_config={
                "village_code": t("common.code"), "tambon": t("common.tambon"),
                "village": st.column_config.TextColumn(t("coverage.village"), pinned=True),
                "wave": t("coverage.wave"), "current": t("coverage.current"), "since": t("coverage.since"),
                "step": st.column_config.SelectboxColumn(
                    t("coverage.new_step"), width=STEP_COLUMN_WIDTH,
                    options=[editor.step_option(n, language) for n in range(1, 7)]),
                "reached_on": st.column_config.TextColumn(t("coverage.reached_on")),
                "reported_by": st.column_config.TextColumn(t("coverage.reported_by"),
                                                           max_chars=limits.NAME_MAX_CHARS),
                "reason": st.column_config.TextColumn(t("coverage.reason"), max_chars=limits.NOTE_MAX_CHARS),
                editor.PROBLEM: st.column_config.TextColumn(t("coverage.problem"), width="large")})
        submitted = st.form_submit_button(t("coverage.save"), key="cov_prog_save", type="primary")
    if submitted:
        try:
            outcome = editor.record_table_entries(
                progress_store, edited, known_villages=dataset.villages[schema.VILLAGE_CODE],
                village_waves=view.village_waves, today=today)
        except AccessDenied as refused:
            st.error(refusal_text(refused))
        except REFUSALS as exc:
            st.error(with_detail(t("coverage.store_error"), exc))
        else:
            st.session_state["cov_prog_outcome"] = outcome
            st.session_state[KEPT_KEY] = editor.kept_for_correction(edited, outcome.refused, kept)
            st.session_state["cov_prog_generation"] = generation + 1
            st.rerun()
    show_outcome("cov_prog_outcome")
    if st.session_state.get(KEPT_KEY):
        st.caption(t("coverage.kept_for_correction", n=format_number(len(st.session_state[KEPT_KEY]))))

    st.subheader(t("coverage.import"))
    st.caption(t("coverage.import_help"))
    template = template_table(chosen, view.village_waves, reached)
    readme = [t("doc.progress_readme"), t("coverage.rules"),
              t("coverage.readme_steps", steps="; ".join(step_names[n] for n in range(1, 7)))]
    left, right = st.columns(2)
    left.download_button(t("coverage.template_csv"), template_csv(template), file_name=f"progress_{amphoe}.csv",
                         mime="text/csv", key="cov_template_csv", on_click="ignore")
    right.download_button(t("coverage.template_xlsx"), template_xlsx(template, readme),
                          file_name=f"progress_{amphoe}.xlsx", key="cov_template_xlsx", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    upload = limited_file_uploader(t("coverage.import"), limits.PROGRESS, key="cov_prog_upload",
                                   type=["csv", "xlsx"], label_visibility="collapsed")
    if upload is not None and st.button(t("coverage.do_import"), key="cov_prog_import"):
        try:
            st.session_state["cov_import_outcome"] = editor.import_file(
                progress_store, upload.getvalue(), upload.name, known_villages=dataset.villages[schema.VILLAGE_CODE],
                village_waves=view.village_waves, today=today)
        except UploadError as exc:
            st.session_state["cov_import_outcome"] = exc
        except AccessDenied as refused:
            st.error(refusal_text(refused))
        except REFUSALS as exc:
            st.error(with_detail(t("coverage.store_error"), exc))
        else:
            st.rerun()  # redraw the charts, map and table with the new steps
    show_outcome("cov_import_outcome")
