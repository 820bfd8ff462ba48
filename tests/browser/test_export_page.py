"""The Export page in a real browser with no internet: build one amphoe's files and download them.

AppTest cannot click a download button; here Chromium does, and the downloaded CSV and PDF are read back.
"""

import csv
import io
import subprocess

from tests.browser.conftest import ARTIFACTS, wait_for_app


def test_one_amphoe_is_built_and_its_files_download_offline(offline_page, app_server, tmp_path):
    page = offline_page
    page.goto(f"{app_server.url}/export")
    wait_for_app(page)
    amphoe = page.locator("[data-testid='stSelectbox']").nth(1)
    amphoe.click()
    page.keyboard.type("Tham Phannara")
    page.get_by_role("option", name="8018 ถ้ำพรรณรา (Tham Phannara)").click()
    wait_for_app(page)
    page.get_by_role("button", name="สร้างไฟล์").click()
    page.get_by_text("สร้างเสร็จ").wait_for(timeout=60_000)
    wait_for_app(page)

    with page.expect_download() as csv_download:
        page.get_by_role("button", name="8018_villages.csv").click()
    rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8-sig"))))
    assert len(rows) == 29 and all(row["amphoe_th"] == "ถ้ำพรรณรา" for row in rows)

    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="8018_plan.pdf").click()
    pdf = tmp_path / pdf_download.value.suggested_filename
    pdf_download.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert rows[0]["village_th"] in text and "ถ้ำพรรณรา" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "export_page_built.png"), full_page=True)
