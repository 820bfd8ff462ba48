"""The Export page in a real browser with no internet: build one amphoe's files and download them.

AppTest cannot click a download button; here Chromium does, and the downloaded CSV, PDF and zip are read back:
their Thai file names arrive whole, and every table of the PDF is inside the page margins.
"""

import csv
import io
import subprocess
import zipfile

from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.geodata.test_exports_pdf import assert_inside_margins


def test_one_amphoe_is_built_and_its_files_download_offline(offline_page, app_server, tmp_path):
    page = offline_page
    page.goto(f"{app_server.url}/export")
    wait_for_app(page)
    amphoe = page.locator(".st-key-exp_amphoe")
    amphoe.click()
    page.keyboard.type("Tham Phannara")
    page.get_by_role("option", name="8018 ถ้ำพรรณรา (Tham Phannara)").click()
    wait_for_app(page)
    page.get_by_role("button", name="สร้างไฟล์").click()
    page.get_by_text("สร้างเสร็จ").wait_for(timeout=60_000)
    wait_for_app(page)

    with page.expect_download() as csv_download:
        page.get_by_role("button", name="8018_ถ้ำพรรณรา_villages.csv").click()
    assert csv_download.value.suggested_filename == "8018_ถ้ำพรรณรา_villages.csv"
    rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8-sig"))))
    assert len(rows) == 29 and all(row["amphoe_th"] == "ถ้ำพรรณรา" for row in rows)

    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="8018_ถ้ำพรรณรา_plan.pdf").click()
    assert pdf_download.value.suggested_filename == "8018_ถ้ำพรรณรา_plan.pdf"
    pdf = tmp_path / pdf_download.value.suggested_filename
    pdf_download.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert rows[0]["village_th"] in text and "ถ้ำพรรณรา" in text
    assert "การรับรองแผน (Approval)" in text
    assert_inside_margins(pdf)  # every column of every table on the page (the last one used to be cut off)

    with page.expect_download() as zip_download:
        page.get_by_role("button", name="ดาวน์โหลดทั้งหมด (zip)").click()
    with zipfile.ZipFile(zip_download.value.path()) as archive:
        assert sorted(archive.namelist()) == [f"8018_Tham_Phannara/8018_ถ้ำพรรณรา_{name}" for name in (
            "plan.gpkg", "plan.pdf", "plan.xlsx", "tambons.geojson", "villages.csv", "villages.geojson")]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "export_page_built.png"), full_page=True)
