"""The Plan page's working area: the map, the selection and the actions on it, pending changes and live tallies.

All of it is one `st.fragment`: a click on the map, a drawn shape or an action button reruns only this part of
the page. The map itself is rebuilt from cached GeoJSON on each run, but the browser keeps it mounted: only the
village layer (passed as `feature_group_to_add`) is swapped, and panning returns nothing to Python.

Buttons act through `on_click` callbacks, which run before the fragment is drawn again, so the map, the
counts and the tallies drawn afterwards already show the change.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitInvalidLayoutContextError
from streamlit_folium import st_folium

import planning
import store
from dashboard.common.database import author, get_store
from dashboard.common.dataset import Dataset, map_bounds
from dashboard.common.formatting import COMMON, format_number, translate
from dashboard.common.text import lang, t
from dashboard.plan import editing
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import ASSIGN, LOCK, OPTIMISE, PILOT, ROSTER, UNLOCK, UNPILOT, Edit, EditError, Plan
from dashboard.plan.map_events import POINT, RETURNED_OBJECTS, SHAPE, TAMBON, VILLAGE, read_map_event
from dashboard.plan.map_layers import (
    legend_texts,
    pilot_outlines,
    plan_base_map,
    plan_layer,
    plan_legend_items,
    script_json,
    tooltip_texts,
    village_points,
    village_state,
    village_styles,
    wave_display_names,
)
from dashboard.plan.tallies import check_lines, load_matrix, optimal_max_load, split_table, styled_load, wave_table
from geodata import schema
from geodata.corrections import check_point
from geodata.display import display_geojson
from geodata.errors import GeodataError
from geodata.palette import wave_colours
from geodata.selection import nearest_village, villages_in_shape, villages_of_amphoes, villages_of_tambons

MAP_KEY = "plan_map"
NOTICE_KEY = "plan_notice"
PLACE_MODE_KEY = "plan_place_mode"
PLACE_POINT_KEY = "plan_place_point"
#: Set by a callback when the data set changed (a location correction): the whole page must rerun.
FULL_RERUN_KEY = "plan_full_rerun"
MAP_HEIGHT = 620
TAMBON_TOLERANCE_M, AMPHOE_TOLERANCE_M = 120.0, 200.0

TEXT = {
    "selected": ("เลือกไว้ {n} หมู่บ้าน", "{n} villages selected"),
    "selected_none": ("ยังไม่ได้เลือกหมู่บ้าน: คลิกหมู่บ้านหรือตำบล วาดสี่เหลี่ยม/รูปหลายเหลี่ยม หรือเลือกจากรายชื่อ",
                      "No village selected: click a village or a tambon, draw a rectangle or polygon, or pick "
                      "from the lists"),
    "clear": ("ล้างการเลือก", "Clear selection"),
    "pick": ("เลือกจากรายชื่ออำเภอ/ตำบล", "Pick districts or tambons by name"),
    "pick_amphoe": ("อำเภอ", "Districts (amphoe)"),
    "pick_tambon": ("ตำบล", "Tambons"),
    "pick_add": ("เพิ่มในการเลือก", "Add to selection"),
    "actions": ("ทำกับหมู่บ้านที่เลือก", "With the selection"),
    "to_wave": ("ย้ายไประยะ", "Move to wave"),
    "lock_too": ("ล็อกด้วย", "Lock them too"),
    "assign": ("กำหนดระยะ", "Assign wave"),
    "lock": ("ล็อก", "Lock"),
    "unlock": ("ปลดล็อก", "Unlock"),
    "pilot": ("ตั้งตำบลเป็นนำร่อง", "Mark tambons as pilot"),
    "unpilot": ("ยกเลิกตำบลนำร่อง", "Unmark pilot tambons"),
    "optimise": ("ปรับแผนส่วนที่เหลือให้ดีที่สุด", "Optimise the rest"),
    "optimise_help": ("คงทุกหมู่บ้านที่ล็อกและตำบลนำร่อง แล้วจัดหมู่บ้านที่ไม่ล็อกใหม่ (ย้ายให้น้อยที่สุด)",
                      "Keeps every lock and pilot tambon and re-plans the unlocked villages, moving as few as "
                      "possible"),
    "optimising": ("กำลังปรับแผน…", "Optimising…"),
    "pending": ("รอยืนยัน", "Pending changes"),
    "no_pending": ("ไม่มีการเปลี่ยนแปลงที่รอยืนยัน", "No pending changes"),
    "reason": ("เหตุผล (ไม่บังคับ)", "Reason (optional)"),
    "apply": ("ยืนยันการเปลี่ยนแปลง", "Apply changes"),
    "discard": ("ยกเลิก", "Discard"),
    "undo": ("ย้อนกลับ", "Undo"),
    "redo": ("ทำซ้ำ", "Redo"),
    "applied": ("บันทึกแล้ว: ฉบับที่ {version}", "Saved: version {version}"),
    "edit_assign": ("ย้าย {n} หมู่บ้านไประยะ {wave}", "Move {n} villages to wave {wave}"),
    "edit_assign_lock": ("ย้าย {n} หมู่บ้านไประยะ {wave} และล็อก", "Move {n} villages to wave {wave} and lock them"),
    "edit_lock": ("ล็อก {n} หมู่บ้าน", "Lock {n} villages"),
    "edit_unlock": ("ปลดล็อก {n} หมู่บ้าน", "Unlock {n} villages"),
    "edit_pilot": ("ตั้งตำบลนำร่อง: {tambons}", "Mark pilot tambons: {tambons}"),
    "edit_unpilot": ("ยกเลิกตำบลนำร่อง: {tambons}", "Unmark pilot tambons: {tambons}"),
    "edit_roster": ("เปลี่ยนทีมคุณอำนวย", "Change the facilitator roster"),
    "edit_optimise": ("ผลการปรับแผน: ย้าย {n} หมู่บ้าน", "Optimised plan: {n} villages move"),
    "conflict": ("มีผู้อื่นบันทึกแผนนี้ก่อน: {message}", "Someone else saved this plan first: {message}"),
    "reload": ("โหลดฉบับล่าสุด (คงการเปลี่ยนแปลงของฉันไว้รอยืนยัน)",
               "Reload the latest (keep my changes pending)"),
    "save_new": ("บันทึกของฉันเป็นแผนใหม่", "Save mine as a new scenario"),
    "new_name": ("ชื่อแผนใหม่", "New scenario name"),
    "dropped": ("การเปลี่ยนแปลงที่ใช้ไม่ได้แล้ว: {reason}", "A change no longer applies: {reason}"),
    "tallies": ("สรุปตามระยะ", "Waves"),
    "validity": ("ความถูกต้องของแผน", "Is the plan valid?"),
    "valid": ("แผนผ่านทุกข้อ", "The plan passes every check"),
    "load": ("หมู่บ้านต่อทีมคุณอำนวย (อำเภอ × ระยะ)", "Villages per facilitator team (district × wave)"),
    "load_help": ("แดง = เกินกำลังทีม ({capacity} หมู่บ้าน/ทีม/ระยะ); เหลือง = สูงกว่าค่าดีที่สุดที่ทำได้ ({optimum})",
                  "Red = over capacity ({capacity} villages per team and wave); amber = above the best possible "
                  "largest load ({optimum})"),
    "split": ("ตำบลที่แบ่งหลายระยะ: {n}", "Tambons split across waves: {n}"),
    "moved": ("หมู่บ้านที่ย้ายโดยการปรับแผน: {n}", "Villages moved by optimising: {n}"),
    "from": ("จากระยะ", "From"),
    "to": ("ไประยะ", "To"),
    "status": ("ผลการพิสูจน์: ภาระสูงสุดและจำนวนตำบลที่แบ่ง = {status} ({proof}); การกระจาย = {spread}; "
               "เวลา {seconds} วินาที",
               "Proof: largest load and split tambons = {status} ({proof}); spread = {spread}; "
               "{seconds} s"),
    "estimated_roster": ("ทีมคุณอำนวยเป็นค่าประมาณ (estimated): หนึ่งทีมต่อตำบล",
                         "The facilitator roster is estimated: one team per tambon"),
    "no_problem": ("แผนนี้คำนวณไม่ได้: {error}", "This plan cannot be evaluated: {error}"),
    "locks_error": ("การล็อก/นำร่องทำให้จัดแผนไม่ได้: {error}", "The locks or pilots make a plan impossible: {error}"),
    "place": ("กำหนดตำแหน่งหมู่บ้านโดยคลิกบนแผนที่", "Set a village's location by clicking the map"),
    "place_village": ("หมู่บ้านที่จะแก้ตำแหน่ง", "Village to place"),
    "place_hint": ("คลิกตำแหน่งที่ถูกต้องบนแผนที่", "Click the right place on the map"),
    "place_point": ("ตำแหน่งใหม่: {lat}, {lon}", "New point: {lat}, {lon}"),
    "place_source": ("แหล่งที่มา (เช่น GPS สำรวจ 2549)", "Source (e.g. GPS survey 2549)"),
    "place_save": ("บันทึกตำแหน่ง", "Save the location"),
    "place_saved": ("บันทึกตำแหน่งใหม่ของหมู่บ้าน {code} แล้ว", "Saved the new location of village {code}"),
}


# --- Cached pieces ----------------------------------------------------------------------------------------
def villages_for(dataset: Dataset) -> Villages:
    """Village codes and tambons of the data set in use, as edits and problems need them (cached)."""
    return _villages(dataset.points_key, dataset)


@st.cache_resource(show_spinner=False, max_entries=4)
def _villages(points_key: str, _dataset: Dataset) -> Villages:
    return Villages.of(_dataset.villages, _dataset.tambons)


@st.cache_resource(show_spinner=False, max_entries=4)
def _points(points_key: str, _dataset: Dataset):
    return village_points(_dataset.villages)


@st.cache_data(show_spinner=False, max_entries=4)
def _name_options(version: str, _dataset: Dataset) -> tuple[dict[str, str], dict[str, str]]:
    """Amphoe and tambon pick-list labels (Thai / English (code)), for villages that exist."""
    villages = _dataset.villages
    amphoes = villages.drop_duplicates(schema.AMPHOE_CODE).sort_values(schema.AMPHOE_CODE)
    tambons = villages.drop_duplicates(schema.TAMBON_CODE).sort_values(schema.TAMBON_CODE)
    return ({r[schema.AMPHOE_CODE]: f"{r[schema.AMPHOE_TH]} / {r[schema.AMPHOE_EN]} ({r[schema.AMPHOE_CODE]})"
             for _, r in amphoes.iterrows()},
            {r[schema.TAMBON_CODE]: f"{r[schema.TAMBON_TH]} / {r[schema.TAMBON_EN]} · {r[schema.AMPHOE_TH]} "
             f"({r[schema.TAMBON_CODE]})" for _, r in tambons.iterrows()})


def district_names(dataset: Dataset) -> dict[str, str]:
    """Amphoe code -> name in the interface language."""
    column = schema.AMPHOE_TH if lang() == "th" else schema.AMPHOE_EN
    return dict(zip(dataset.amphoes[schema.AMPHOE_CODE], dataset.amphoes[column], strict=True))


def tambon_names(dataset: Dataset) -> dict[str, str]:
    column = schema.TAMBON_TH if lang() == "th" else schema.TAMBON_EN
    return dict(zip(dataset.tambons[schema.TAMBON_CODE], dataset.tambons[column], strict=True))


# --- The fragment -----------------------------------------------------------------------------------------
@st.fragment
def plan_workspace(dataset: Dataset, online_tiles: bool) -> None:
    """Map, selection, actions, pending changes and tallies of the open scenario (reruns on its own)."""
    if st.session_state.pop(FULL_RERUN_KEY, False):
        st.rerun()
    villages = villages_for(dataset)
    _handle_map_state(st.session_state.get(MAP_KEY), dataset, villages)
    session = editing.current()
    plan = editing.draft(session, villages)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        returned = _draw_map(session, plan, dataset, online_tiles)
        if _handle_map_state(returned, dataset, villages):
            _rerun_fragment()
        _place_village(dataset, villages)
    with right:
        _notice()
        _conflict(dataset, villages)
        _selection_panel(session, dataset, villages)
        _actions(session, plan, dataset, villages)
        _pending_panel(session, dataset, villages)
    _tallies(session, plan, dataset, villages)


def _draw_map(session: Session, plan: Plan, dataset: Dataset, online_tiles: bool):
    labels = plan.labels
    pilot = plan.pilot_label
    tambons, tambons_json, amphoes_json = _boundaries(dataset.version, dataset)
    title, note = legend_texts(lang())
    fmap = plan_base_map(map_bounds(dataset), tambons_json, amphoes_json,
                         labels={k: t(COMMON, k) for k in ("tambon", "amphoe", "code")}, legend_title=title,
                         legend_items=plan_legend_items(labels, pilot, lang()), legend_note=note,
                         online_tiles=online_tiles)
    points = _points(dataset.points_key, dataset)
    changed = set(_pending_villages(session))
    state = village_state(points, plan.assignment, plan.locked, plan.reasons)
    styles = village_styles(points, plan.assignment, wave_colours(labels, pilot), session.selection, changed)
    texts = tooltip_texts(points, lang(), wave_display_names(labels, pilot, lang()))
    layer = plan_layer(points, state, styles, texts,
                       pilot_outlines_json=pilot_outlines(tambons, plan.pilot_tambons))
    return st_folium(fmap, key=MAP_KEY, feature_group_to_add=layer, returned_objects=list(RETURNED_OBJECTS),
                     height=MAP_HEIGHT, use_container_width=True)


@st.cache_resource(show_spinner=False, max_entries=4)
def _boundaries(version: str, _dataset: Dataset) -> tuple[dict, str, str]:
    """Display tambons (for pilot outlines) and both boundary layers serialised once per data set.

    Simplified more than the other pages' maps (120 m tambons, 200 m amphoes, under a pixel at province zoom):
    the Plan page sends the villages too and keeps the whole map under 1.5 MB.
    """
    tambons = display_geojson(_dataset.tambons, [schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN],
                              tolerance_m=TAMBON_TOLERANCE_M)
    amphoes = display_geojson(_dataset.amphoes, [schema.AMPHOE_CODE], tolerance_m=AMPHOE_TOLERANCE_M)
    return tambons, script_json(tambons), script_json(amphoes)


def _rerun_fragment() -> None:
    """Rerun just this fragment (or the page, when this run is a full run: Streamlit allows no less then)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitInvalidLayoutContextError:
        st.rerun()


def _pending_villages(session: Session) -> list[str]:
    codes: list[str] = []
    for edit in session.pending:
        codes += list(edit.villages) + list(edit.moved)
    return codes


# --- Map events -------------------------------------------------------------------------------------------
def _handle_map_state(value, dataset: Dataset, villages: Villages) -> bool:
    """Turn a new map state into a selection change (or a proposed point); True if something changed."""
    session = editing.current()
    if not value or session is None:
        return False
    handled = st.session_state.get("plan_map_handled")
    if handled == value:
        return False
    st.session_state["plan_map_handled"] = value
    event = read_map_event(value, handled, village_codes=villages.tambon_of,
                           tambon_codes=set(villages.tambon_of.values()),
                           want_point=bool(st.session_state.get(PLACE_MODE_KEY)),
                           nearest=lambda lat, lon: nearest_village(dataset.villages, lat, lon))
    if event is None:
        return False
    if event.kind == POINT:
        st.session_state[PLACE_POINT_KEY] = (event.lat, event.lon)
        return True
    selection = set(session.selection)
    if event.kind == VILLAGE:
        selection ^= {event.code}
    elif event.kind == TAMBON:
        members = set(villages_of_tambons(dataset.villages, [event.code]))
        selection = selection - members if members <= selection else selection | members
    elif event.kind == SHAPE:
        try:
            selection |= set(villages_in_shape(dataset.villages, event.geometry))
        except ValueError as error:
            _notify("error", str(error))
    editing.keep(dataclasses.replace(session, selection=frozenset(selection)))
    return True


# --- Side panel -------------------------------------------------------------------------------------------
def _notify(kind: str, text: str) -> None:
    st.session_state[NOTICE_KEY] = (kind, text)


def _notice() -> None:
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        getattr(st, notice[0])(notice[1])


def _selection_panel(session: Session, dataset: Dataset, villages: Villages) -> None:
    count = len(session.selection)
    if count:
        st.markdown(f"**{t(TEXT, 'selected', n=format_number(count))}**")
    else:
        st.caption(t(TEXT, "selected_none"))
    amphoe_options, tambon_options = _name_options(dataset.version, dataset)
    with st.expander(t(TEXT, "pick")):
        st.multiselect(t(TEXT, "pick_amphoe"), list(amphoe_options), format_func=amphoe_options.get,
                       key="plan_pick_amphoe")
        st.multiselect(t(TEXT, "pick_tambon"), list(tambon_options), format_func=tambon_options.get,
                       key="plan_pick_tambon")
        st.button(t(TEXT, "pick_add"), key="plan_pick_add", on_click=_pick_by_name, args=(dataset,))
    st.button(t(TEXT, "clear"), key="plan_clear", disabled=not count, on_click=_set_selection, args=(frozenset(),))


def _pick_by_name(dataset: Dataset) -> None:
    session = editing.current()
    codes = set(villages_of_amphoes(dataset.villages, st.session_state.get("plan_pick_amphoe", [])))
    codes |= set(villages_of_tambons(dataset.villages, st.session_state.get("plan_pick_tambon", [])))
    editing.keep(dataclasses.replace(session, selection=session.selection | codes))


def _set_selection(codes: frozenset[str]) -> None:
    editing.keep(dataclasses.replace(editing.current(), selection=codes))


def _actions(session: Session, plan: Plan, dataset: Dataset, villages: Villages) -> None:
    st.markdown(f"**{t(TEXT, 'actions')}**")
    none = not session.selection
    names = wave_display_names(plan.labels, plan.pilot_label, lang())
    wave_col, lock_col = st.columns([3, 2], vertical_alignment="bottom")
    wave_col.selectbox(t(TEXT, "to_wave"), list(plan.labels), format_func=names.get, key="plan_assign_wave",
                       index=min(1, len(plan.labels) - 1))
    lock_col.checkbox(t(TEXT, "lock_too"), value=True, key="plan_assign_lock")
    columns = st.columns(3)
    columns[0].button(t(TEXT, "assign"), key="plan_assign", disabled=none, on_click=_queue_selection,
                      args=(ASSIGN, villages), type="primary")
    columns[1].button(t(TEXT, "lock"), key="plan_lock", disabled=none, on_click=_queue_selection,
                      args=(LOCK, villages))
    columns[2].button(t(TEXT, "unlock"), key="plan_unlock", disabled=none, on_click=_queue_selection,
                      args=(UNLOCK, villages))
    columns = st.columns(2)
    columns[0].button(t(TEXT, "pilot"), key="plan_pilot", disabled=none, on_click=_queue_selection,
                      args=(PILOT, villages))
    columns[1].button(t(TEXT, "unpilot"), key="plan_unpilot", disabled=none, on_click=_queue_selection,
                      args=(UNPILOT, villages))
    if st.button(t(TEXT, "optimise"), key="plan_optimise", help=t(TEXT, "optimise_help"),
                 width="stretch"):
        with st.spinner(t(TEXT, "optimising")):
            _optimise(villages)
        _rerun_fragment()


def _queue_selection(action: str, villages: Villages) -> None:
    session = editing.current()
    codes = tuple(sorted(session.selection))
    tambons = tuple(sorted({villages.tambon_of[c] for c in codes}))
    if action == ASSIGN:
        edit = Edit(ASSIGN, villages=codes, wave=st.session_state.get("plan_assign_wave"),
                    lock=bool(st.session_state.get("plan_assign_lock", True)))
    elif action in (PILOT, UNPILOT):
        edit = Edit(action, tambons=tambons, villages=tuple(v for v, tb in villages.tambon_of.items()
                                                             if tb in set(tambons)))
    else:
        edit = Edit(action, villages=codes)
    queue(edit, villages)


def queue(edit: Edit, villages: Villages) -> bool:
    """Add an edit to the pending changes; a refused edit is shown as an error. True if queued."""
    try:
        editing.keep(editing.add_edit(editing.current(), edit, villages))
    except EditError as error:
        _notify("error", str(error))
        return False
    return True


def _optimise(villages: Villages) -> None:
    session = editing.current()
    try:
        edit = editing.optimise_rest(session, villages)
    except planning.PlanningError as error:
        _notify("error", str(error))
        return
    editing.keep(editing.add_edit(session, edit, villages))


def _pending_panel(session: Session, dataset: Dataset, villages: Villages) -> None:
    st.markdown(f"**{t(TEXT, 'pending')}**")
    if session.pending:
        for edit in session.pending:
            st.markdown(f"- {describe(edit, dataset)}")
        st.text_input(t(TEXT, "reason"), key="plan_reason")
    else:
        st.caption(t(TEXT, "no_pending"))
    columns = st.columns([3, 2])
    columns[0].button(t(TEXT, "apply"), key="plan_apply", type="primary", disabled=not session.pending,
                      on_click=_apply, args=(villages,), width="stretch")
    columns[1].button(t(TEXT, "discard"), key="plan_discard", disabled=not session.pending,
                      on_click=_discard, width="stretch")
    columns = st.columns(2)
    columns[0].button(t(TEXT, "undo"), key="plan_undo", icon=":material/undo:",
                      disabled=bool(session.pending) or not session.history.can_undo, on_click=_undo_redo,
                      args=("undo", villages), width="stretch")
    columns[1].button(t(TEXT, "redo"), key="plan_redo", icon=":material/redo:",
                      disabled=bool(session.pending) or not session.history.can_redo, on_click=_undo_redo,
                      args=("redo", villages), width="stretch")


def describe(edit: Edit, dataset: Dataset) -> str:
    """A pending edit in words, in the interface language."""
    n = format_number(len(edit.villages))
    if edit.action == ASSIGN:
        return t(TEXT, "edit_assign_lock" if edit.lock else "edit_assign", n=n, wave=edit.wave)
    if edit.action in (PILOT, UNPILOT):
        names = tambon_names(dataset)
        return t(TEXT, f"edit_{edit.action}", tambons=", ".join(names.get(c, c) for c in edit.tambons))
    if edit.action == OPTIMISE:
        return t(TEXT, "edit_optimise", n=format_number(len(edit.moved)))
    if edit.action == ROSTER:
        return t(TEXT, "edit_roster")
    return t(TEXT, f"edit_{edit.action}", n=n)


def _apply(villages: Villages) -> None:
    session = editing.apply_pending(editing.current(), get_store(), villages, author(),
                                       st.session_state.get("plan_reason"))
    editing.keep(session)
    if session.conflict is None:
        st.session_state["plan_reason"] = ""
        _notify("success", t(TEXT, "applied", version=session.scenario.version))


def _discard() -> None:
    editing.keep(editing.discard_pending(editing.current()))


def _undo_redo(which: str, villages: Villages) -> None:
    step = editing.undo if which == "undo" else editing.redo
    try:
        session = step(editing.current(), get_store(), villages, author())
    except EditError as error:
        _notify("error", str(error))
        return
    editing.keep(session)
    if session.conflict is None:
        _notify("success", t(TEXT, "applied", version=session.scenario.version))


def _conflict(dataset: Dataset, villages: Villages) -> None:
    session = editing.current()
    if session.conflict is None:
        return
    st.error(t(TEXT, "conflict", message=session.conflict.message))
    st.button(t(TEXT, "reload"), key="plan_conflict_reload", on_click=_reload, args=(villages,))
    name_col, button_col = st.columns([3, 2], vertical_alignment="bottom")
    name_col.text_input(t(TEXT, "new_name"), key="plan_conflict_name",
                        value=f"{session.scenario.name} ({author()})")
    button_col.button(t(TEXT, "save_new"), key="plan_conflict_save", on_click=_save_conflict_as_new,
                      args=(villages,))


def _reload(villages: Villages) -> None:
    session, dropped = editing.reload(editing.current(), get_store(), villages)
    editing.keep(session)
    for reason in dropped:
        _notify("warning", t(TEXT, "dropped", reason=reason))


def _save_conflict_as_new(villages: Villages) -> None:
    name = st.session_state.get("plan_conflict_name", "").strip()
    try:
        session = editing.save_as(editing.current(), get_store(), villages, name, author())
    except store.StoreError as error:
        _notify("error", str(error))
        return
    editing.keep(session)
    _notify("success", t(TEXT, "applied", version=session.scenario.version))


# --- Location by click ------------------------------------------------------------------------------------
def _place_village(dataset: Dataset, villages: Villages) -> None:
    """Set a village's corrected location by clicking the map (the planner's chosen village)."""
    if not st.toggle(t(TEXT, "place"), key=PLACE_MODE_KEY):
        st.session_state.pop(PLACE_POINT_KEY, None)
        return
    session = editing.current()
    codes = sorted(villages.tambon_of)
    first = min(session.selection) if session.selection else codes[0]
    labels = dict(zip(dataset.villages[schema.VILLAGE_CODE], dataset.villages[schema.VILLAGE_TH], strict=True))
    code = st.selectbox(t(TEXT, "place_village"), codes, index=codes.index(first), key="plan_place_village",
                        format_func=lambda c: f"{c} {labels.get(c, '')}")
    point = st.session_state.get(PLACE_POINT_KEY)
    if point is None:
        st.info(t(TEXT, "place_hint"))
        return
    lat, lon = point
    st.write(t(TEXT, "place_point", lat=f"{lat:.5f}", lon=f"{lon:.5f}"))
    source = st.text_input(t(TEXT, "place_source"), key="plan_place_source")
    st.button(t(TEXT, "place_save"), key="plan_place_save", disabled=not source.strip(), on_click=_save_place,
              args=(code, lat, lon, dataset))


def _save_place(code: str, lat: float, lon: float, dataset: Dataset) -> None:
    source = st.session_state.get("plan_place_source", "")
    try:
        checked = check_point(code, lat, lon, source, dataset.villages, dataset.tambons)
    except GeodataError as error:
        _notify("error", str(error))
        return
    get_store().add_location_correction(code, checked.lat, checked.lon, source=checked.source, author=author(),
                                        previous=checked.previous)
    st.session_state.pop(PLACE_POINT_KEY, None)
    st.session_state[PLACE_MODE_KEY] = False
    st.session_state[FULL_RERUN_KEY] = True
    _notify("warning" if checked.warning else "success", checked.warning or t(TEXT, "place_saved", code=code))


# --- Tallies ----------------------------------------------------------------------------------------------
def _tallies(session: Session, plan: Plan, dataset: Dataset, villages: Villages) -> None:
    saved_problem, _ = editing.problem_for(session.scenario, session.plan, villages)
    problem, error = editing.problem_for(session.scenario, plan, villages)
    if problem is None or saved_problem is None:
        st.error(t(TEXT, "no_problem", error=error))
        return
    if error is not None:
        st.error(t(TEXT, "locks_error", error=error))
    saved_metrics = planning.evaluate(saved_problem, session.plan.assignment)
    metrics = planning.evaluate(problem, plan.assignment)
    waves_col, checks_col = st.columns([2, 3], gap="medium")
    with waves_col:
        st.subheader(t(TEXT, "tallies"))
        waves = wave_table(problem, saved_metrics, lang(), pending=metrics if session.pending else None)
        st.table(waves.set_index(waves.columns[0]))  # plain HTML: readable by people, tests and screen readers
        if problem.roster.estimated:
            st.caption(t(TEXT, "estimated_roster"))
    with checks_col:
        st.subheader(t(TEXT, "validity"))
        lines = check_lines(problem, plan.assignment, lang())
        if all(line.passed for line in lines):
            st.success(t(TEXT, "valid"))
        for line in lines:
            icon = ":green[:material/check_circle:]" if line.passed else ":red[:material/cancel:]"
            st.markdown(f"{icon} {line.rule}")
            for detail in line.details:
                st.caption(detail)
        if session.last_optimise:
            _optimiser_status(session.last_optimise)
    optimum = optimal_max_load(problem)
    matrix = load_matrix(problem, metrics, district_names(dataset), optimum)
    st.subheader(t(TEXT, "load"))
    st.caption(t(TEXT, "load_help", capacity=problem.roster.capacity,
                 optimum="—" if matrix.optimum is None else f"{matrix.optimum:.2f}"))
    st.table(styled_load(matrix))
    with st.expander(t(TEXT, "split", n=format_number(metrics.split_tambons))):
        split = split_table(metrics, plan.assignment, villages.tambon_of, tambon_names(dataset), lang())
        st.table(split.set_index(split.columns[0]))
    moved = next((edit.moved for edit in reversed(session.pending) if edit.action == OPTIMISE), None)
    if moved is not None:
        st.subheader(t(TEXT, "moved", n=format_number(len(moved))))
        st.dataframe(moved_table(moved, dataset), hide_index=True, key="plan_moved_table")


#: The engine's status codes in words (codes the table does not know are shown as they are).
STATUS_WORDS = {
    "optimal": ("พิสูจน์แล้วว่าดีที่สุด", "proven optimal"),
    "district_bound": ("ด้วยขอบเขตรายอำเภอ", "by the per-district bound"),
    "mip": ("ด้วยโปรแกรมจำนวนเต็ม HiGHS", "by HiGHS integer programming"),
    "local_optimum": ("ดีที่สุดเท่าที่ปรับทีละขั้นได้ (ไม่ใช่การพิสูจน์)", "a local optimum (not a proof)"),
    "local_search": ("หยุดเมื่อครบจำนวนรอบค้นหา", "stopped at the search round limit"),
    "off": ("ไม่มีสิ่งที่ต้องปรับ", "nothing to prefer"),
}


def status_words(code: str | None) -> str:
    """An engine status code in the interface language."""
    if not code:
        return "—"
    return translate(STATUS_WORDS, code, lang()) if code in STATUS_WORDS else code


def _optimiser_status(metrics) -> None:
    st.info(t(TEXT, "status", status=status_words(metrics.get("status")), proof=status_words(metrics.get("proof")),
              spread=status_words(metrics.get("spread_status")), seconds=f"{metrics.get('seconds', 0):.2f}"))


def moved_table(moved, dataset: Dataset) -> pd.DataFrame:
    """The villages an optimisation moves: code, names, from wave, to wave."""
    frame = dataset.villages.set_index(schema.VILLAGE_CODE)
    rows = []
    for code, (old, new) in sorted(moved.items()):
        row = frame.loc[code] if code in frame.index else None
        rows.append({t(COMMON, "code"): code,
                     t(COMMON, "village"): "" if row is None else row[schema.VILLAGE_TH],
                     t(COMMON, "tambon"): "" if row is None else row[schema.TAMBON_TH],
                     t(COMMON, "amphoe"): "" if row is None else row[schema.AMPHOE_TH],
                     t(TEXT, "from"): old, t(TEXT, "to"): new})
    return pd.DataFrame(rows)
