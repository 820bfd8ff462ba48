"""Coverage, Export and Data each open with a short help panel, closed, in the reader's language (AppTest)."""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import open_app

#: A button or tab each page's help names, as the page itself labels it.
NAMED = {"coverage/page.py": {"th": "บันทึกรายการที่กรอก", "en": "Record the entries"},
         "export/page.py": {"th": "สร้างไฟล์", "en": "Build the files"},
         "data_page/page.py": {"th": "ใช้รายชื่อนี้ในการวางแผน", "en": "Use this list for planning"}}


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("page", list(NAMED))
def test_each_page_says_what_to_do_first_and_what_its_actions_do(page, lang):
    at = open_app(lang)
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    (panel,) = [e for e in at.expander if e.label == {"th": "วิธีใช้หน้านี้", "en": "How to use this page"}[lang]]
    assert not panel.proto.expanded, "closed until the reader opens it"
    words = "\n".join(m.value for m in panel.markdown)
    assert words.startswith({"th": "**เริ่มที่นี่:**", "en": "**Start here:**"}[lang])
    assert NAMED[page][lang] in words
