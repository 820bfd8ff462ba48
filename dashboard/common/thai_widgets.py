"""Thai for the few words Streamlit's own widgets write in English and take no parameter for.

The file uploader's button ("Upload"), its size note ("200MB per file • CSV"), the size of an uploaded file, a
pick list's "No results", a text field's "Press Enter to apply" and the "Skip to main content" link are fixed
English in Streamlit's frontend. In
Thai, a style sheet hides those words and writes the Thai ones in their place (CSS generated content: no
script, nothing fetched, works offline; screen readers read the generated text too). The other English
defaults are replaced where Streamlit takes a parameter: see `multiselect_options` (placeholder, no "Select
all"), the grids' `placeholder` (dashboard.common.formatting.MISSING) and the pages' `column_config`.

Each kind of file has its own limits (geodata.limits): `limited_file_uploader` states them under the picker,
gives the picker that size limit and, in Thai, writes that picker's own size in its note (a rule scoped to the
widget's key class), since the page-wide rule can only state the server's largest upload.
"""

from __future__ import annotations

import json

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from dashboard.common.text import lang, t
from geodata.limits import UploadLimit

#: The file uploader's size note ("5MB per file • CSV").
_SIZE_NOTE = '[data-testid="stFileUploaderDropzoneInstructions"] span'
#: The Thai words and the element each replaces.
_REPLACED = {
    '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p': "common.upload_button",
    _SIZE_NOTE: "common.upload_limit",
    '[data-testid="stSkipToContent"]': "common.skip_to_content",
    # a text field's hint while typing ("Press Enter to apply")
    '[data-testid="InputInstructions"]': "common.press_enter",
    # a pick list's empty state ("No results"): the only option without a data-key
    '[role="option"]:not([data-key]) > span': "common.no_results",
}
#: Shown in no language: the byte count of an uploaded file ("21.0B"), which names no Thai unit.
_HIDDEN = ('[data-testid="stFileChipName"] + div',)


def thai_style_sheet(upload_limit_mb: int) -> str:
    """The style sheet that writes Streamlit's fixed English in Thai (`upload_limit_mb`: the server's limit)."""
    rules = []
    for selector, key in _REPLACED.items():
        words = json.dumps(t(key, mb=upload_limit_mb), ensure_ascii=False)
        rules.append(f"{selector} {{ font-size: 0; }} {selector}::after {{ content: {words}; font-size: 0.875rem; }}")
    rules += [f"{selector} {{ display: none; }}" for selector in _HIDDEN]
    return "<style>" + "\n".join(rules) + "</style>"


def thai_widget_text() -> None:
    """In Thai, add the style sheet to the page (it takes no room: Streamlit sends style-only HTML apart)."""
    if lang() == "th":
        st.html(thai_style_sheet(int(st.get_option("server.maxUploadSize"))))


def limited_file_uploader(label: str, limit: UploadLimit, *, key: str, **options) -> UploadedFile | None:
    """`st.file_uploader` taking files up to `limit`'s size (Streamlit refuses a larger one before it is sent;
    the reader checks the rows), with the limits stated under it. `options` are the uploader's other parameters
    (type, label_visibility...)."""
    if lang() == "th":
        st.html(size_note_style(key, limit.max_megabytes))
    upload = st.file_uploader(label, key=key, max_upload_size=limit.max_megabytes, **options)
    st.caption(limit.caption(lang()))
    return upload


def size_note_style(key: str, megabytes: int) -> str:
    """The style rule that writes the size note of the uploader `key` in Thai with its own limit."""
    words = json.dumps(t("common.upload_limit", mb=megabytes), ensure_ascii=False)
    return f"<style>.st-key-{key} {_SIZE_NOTE}::after {{ content: {words}; }}</style>"


def multiselect_options() -> dict:
    """Keyword arguments every multiselect takes: a placeholder in the interface language and no English
    "Select all" / "Select N matches" entry."""
    return {"placeholder": t("common.choose"), "select_all": False}
