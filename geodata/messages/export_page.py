"""Export page (district offices): the plan files of each amphoe to download."""

from __future__ import annotations

SECTION = "export"

MESSAGES: dict[str, tuple[str, str]] = {
    "title": ("ส่งออกแผนรายอำเภอ · {province}", "Export district plans · {province}"),
    "intro": (
        "สร้างไฟล์แผนที่แต่ละอำเภอได้รับ: XLSX สำหรับแก้ไข, PDF สำหรับพิมพ์ (แผนที่ สรุป และรายชื่อหมู่บ้าน), "
        "CSV และ GeoPackage/GeoJSON สำหรับโปรแกรม GIS ทุกไฟล์ระบุชื่อฉากทัศน์และวันที่",
        "Build the files each district office receives: XLSX to edit, PDF to print (map, summary, village list), "
        "CSV and GeoPackage/GeoJSON for GIS tools. Every file names the scenario and its date.",
    ),
    "scenario": ("แผนทางเลือก (ฉากทัศน์)", "Scenario"),
    "help": (
        "**เริ่มที่นี่:** ตรวจว่าแผนที่แสดงคือแผนที่จะส่งให้อำเภอ (ครั้งแรกที่เปิดคือแผนทางการของจังหวัด "
        "หรือแผนที่กำลังแก้ไขในหน้าวางแผน) เลือกอำเภอหรือทุกอำเภอ เลือกรูปแบบไฟล์ แล้วกด \"สร้างไฟล์\"\n\n"
        "- **สร้างไฟล์**: สร้างไฟล์ของแผนที่แสดงอยู่ PDF มีแผนที่ สรุป รายชื่อหมู่บ้านตามระยะ และช่องลงนาม"
        "ผู้จัดทำและผู้อนุมัติ ชื่อไฟล์มีรหัสและชื่ออำเภอ\n"
        "- **ดาวน์โหลดทั้งหมด (zip)**: ทุกไฟล์ในไฟล์เดียว แยกโฟลเดอร์ละอำเภอ\n"
        "- **ปุ่มชื่อไฟล์**: ดาวน์โหลดทีละไฟล์\n"
        "- ถ้าเปลี่ยนแผน อำเภอ หรือรูปแบบไฟล์หลังสร้างแล้ว หน้านี้จะเตือนให้กดสร้างไฟล์ใหม่",
        "**Start here:** check that the plan shown is the one to send to the districts (on a first visit, the "
        "province's official plan, or the one being edited on the Plan page); choose a district or all of them, "
        "choose the formats, and press \"Build the files\".\n\n"
        "- **Build the files**: builds the files of the plan shown; the PDF has the map, the summary, the villages "
        "by wave and a block for who prepared and who approved it to sign; file names carry the district's code "
        "and name.\n"
        "- **Download everything (zip)**: every file in one, a folder per district.\n"
        "- **The buttons named by file**: download one file at a time.\n"
        "- If the plan, district or formats change after building, the page says so: build again.",
    ),
    "amphoe": ("อำเภอ (พิมพ์ชื่อหรือรหัสเพื่อค้นหา)", "District (type a name or code to search)"),
    "all": (
        "ทุกอำเภอ และทั้งจังหวัด (zip มีโฟลเดอร์ละอำเภอ)",
        "Every district and the whole province (zip with a folder per district)",
    ),
    "formats": ("รูปแบบไฟล์", "Formats"),
    "xlsx": (
        "XLSX (Excel): สรุป รายชื่อหมู่บ้าน แยกตามระยะ ทีมคุณอำนวย",
        "XLSX (Excel): summary, villages, one sheet per wave, roster",
    ),
    "pdf": ("PDF (A4 พิมพ์ได้): แผนที่ สรุป รายชื่อหมู่บ้าน", "PDF (printable A4): map, summary, village list"),
    "csv": ("CSV (UTF-8 เปิดใน Excel ได้)", "CSV (UTF-8, opens in Excel)"),
    "gpkg": ("GeoPackage (QGIS): หมู่บ้านและขอบเขตตำบล", "GeoPackage (QGIS): villages and tambon polygons"),
    "geojson": ("GeoJSON: หมู่บ้านและขอบเขตตำบล", "GeoJSON: villages and tambon polygons"),
    "no_format": ("เลือกรูปแบบไฟล์อย่างน้อย 1 รูปแบบ", "Choose at least one format."),
    "build": ("สร้างไฟล์", "Build the files"),
    "building": ("กำลังสร้างไฟล์…", "Building the files…"),
    "slow_all": ("ทุกอำเภอพร้อม PDF ใช้เวลาประมาณครึ่งนาที", "Every district with PDFs takes about half a minute."),
    "bad_plan": ("ส่งออกแผนนี้ไม่ได้", "This plan cannot be exported"),
    # --- why an export cannot be built (geodata.exports.ExportError)
    "error.no_villages": (
        "แผน '{scenario}' (ชุดข้อมูล '{dataset}') ไม่ได้จัดระยะให้หมู่บ้านใดเลยใน {n:,} หมู่บ้านของชุดข้อมูลที่ใช้อยู่: "
        "เปิดชุดข้อมูลที่ใช้วางแผนนี้ หรือวางแผนใหม่",
        "scenario '{scenario}' (data set '{dataset}') gives a wave to none of the {n:,} villages of the data set in "
        "use; open the data set it was planned on, or plan again",
    ),
    "error.no_amphoe": ("ไม่มีอำเภอรหัส '{code}' ในชุดข้อมูลนี้: ใช้รหัสใดรหัสหนึ่งต่อไปนี้ {codes}",
                        "no amphoe '{code}' in this data set; use one of {codes} or 'all'"),
    "error.no_font": (
        "ไม่มีฟอนต์ภาษาไทยสำหรับไฟล์ PDF: แจ้งผู้ดูแลระบบให้ติดตั้ง (`pip install fontpkg-sarabun uharfbuzz` "
        "ซึ่งเป็นส่วนหนึ่งของ `make setup` หรือ `apt-get install fonts-thai-tlwg`)",
        "no Thai font for the PDF: install the project's dependencies (`pip install fontpkg-sarabun uharfbuzz`, "
        "part of `make setup`) or Debian's fonts-thai-tlwg (`apt-get install fonts-thai-tlwg`)",
    ),
    "error.unknown_formats": ("ไม่รู้จักรูปแบบไฟล์ {unknown}: เลือกจาก {formats}",
                              "unknown format(s) {unknown}; choose from {formats}"),
    "error.no_format": ("ยังไม่ได้เลือกรูปแบบไฟล์: เลือกอย่างน้อยหนึ่งรูปแบบจาก {formats}",
                        "no format chosen; choose one or more of {formats}"),
    "ready": ("สร้างเสร็จ {n} ไฟล์ ใน {seconds:.1f} วินาที", "Built {n} file(s) in {seconds:.1f} s."),
    "stale": (
        "ไฟล์ด้านล่างสร้างจากตัวเลือกก่อนหน้า กด \"สร้างไฟล์\" เพื่อสร้างใหม่",
        "The files below were built for an earlier choice; press \"Build the files\" to rebuild.",
    ),
    "zip": ("ดาวน์โหลดทั้งหมด (zip)", "Download everything (zip)"),
    "province_files": ("ไฟล์ระดับจังหวัด", "Province files"),
    "files": ("ไฟล์ของอำเภอ", "District files"),
    "estimated": (
        "หมู่บ้านที่ไม่มีพิกัดสำรวจใช้ตำแหน่งโดยประมาณ และถูกระบุว่า \"ตำแหน่งโดยประมาณ\" ในทุกไฟล์ "
        "จำนวนทีมคุณอำนวยที่ยังเป็นค่าประมาณก็ถูกระบุไว้เช่นกัน",
        "Villages without a surveyed point use an estimated location, marked \"ตำแหน่งโดยประมาณ (estimated)\" in "
        "every file; an estimated facilitator roster is marked too.",
    ),
}
