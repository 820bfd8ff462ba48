"""Thai for the few words Streamlit's own widgets write in English and take no parameter for.

The file uploader's button ("Upload"), its size note ("200MB per file • CSV"), the size of an uploaded file, a
pick list's "No results" and the "Skip to main content" link are fixed English in Streamlit's frontend. In
Thai, a style sheet hides those words and writes the Thai ones in their place (CSS generated content: no
script, nothing fetched, works offline; screen readers read the generated text too). The other English
defaults are replaced where Streamlit takes a parameter: see `multiselect_options` (placeholder, no "Select
all"), the grids' `placeholder` (dashboard.common.formatting.MISSING) and the pages' `column_config`.
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.common.text import lang, t

#: The Thai words and the element each replaces.
_REPLACED = {
    '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p': "common.upload_button",
    '[data-testid="stFileUploaderDropzoneInstructions"] span': "common.upload_limit",
    '[data-testid="stSkipToContent"]': "common.skip_to_content",
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


def multiselect_options() -> dict:
    """Keyword arguments every multiselect takes: a placeholder in the interface language and no English
    "Select all" / "Select N matches" entry."""
    return {"placeholder": t("common.choose"), "select_all": False}
