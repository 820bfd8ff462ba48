"""Data page: what the data set holds, its sources, checking a planner's own files."""

from __future__ import annotations

SECTION = "data"

MESSAGES: dict[str, tuple[str, str]] = {
    "title": ("ข้อมูล · {province}", "Data · {province}"),
    "help": (
        "**เริ่มที่นี่:** ดูจำนวนอำเภอ ตำบล หมู่บ้าน และแหล่งที่มาของชุดข้อมูลที่ใช้อยู่\n\n"
        "- **ตรวจสอบรายชื่อหมู่บ้าน**: อัปโหลดรายชื่อหมู่บ้านที่ใหม่กว่า (CSV หรือ XLSX) โปรแกรมตรวจทุกแถวและบอก"
        "ทุกปัญหาพร้อมวิธีแก้ ถ้าถูกต้อง กด \"ใช้รายชื่อนี้ในการวางแผน\" เพื่อใช้แทนในการใช้งานครั้งนี้ของคุณ\n"
        "- **ตรวจสอบไฟล์ขอบเขตตำบล**: ตรวจไฟล์ GeoJSON, GeoPackage หรือ Shapefile แบบ zip "
        "ตรวจเท่านั้น ไม่แทนขอบเขตที่ใช้อยู่\n"
        "- **กลับไปใช้ข้อมูลฝังในโปรแกรม**: เลิกใช้รายชื่อที่อัปโหลด",
        "**Start here:** the counts of districts, tambons and villages in the data set in use, and where they "
        "come from.\n\n"
        "- **Check a village list**: upload a newer village list (CSV or XLSX); every row is checked and every "
        "problem listed with its fix. If it is valid, \"Use this list for planning\" uses it instead for your "
        "session.\n"
        "- **Check a tambon boundary file**: checks a GeoJSON, GeoPackage or zipped Shapefile; it does not "
        "replace the boundaries in use.\n"
        "- **Return to the embedded data**: stop using the uploaded list.",
    ),
    "in_use": ("ชุดข้อมูลที่ใช้อยู่: {name}", "Data set in use: {name}"),
    "embedded": ("ข้อมูลฝังในโปรแกรม ({province})", "embedded data ({province})"),
    "counts": ("จำนวน", "Counts"),
    "what": ("รายการ", "Item"),
    "count": ("จำนวน", "Count"),
    "n_amphoe": ("อำเภอ", "Districts (amphoe)"),
    "n_tambon": ("ตำบล", "Subdistricts (tambon)"),
    "n_tambon_villages": ("ตำบลที่มีหมู่บ้าน", "Subdistricts with villages"),
    "n_villages": ("หมู่บ้าน", "Villages"),
    "n_located": ("หมู่บ้านที่มีพิกัดจากการจับคู่ชื่อ", "Villages with a matched point"),
    "n_estimated": ("หมู่บ้านที่ใช้ตำแหน่งโดยประมาณ", "Villages with an estimated location"),
    "n_population": ("ประชากร (ทะเบียนราษฎร์ 31 ธ.ค. 2564)", "Population (DOPA register, 31 Dec 2021)"),
    "n_households": ("ครัวเรือน", "Households"),
    "sources": ("แหล่งข้อมูลและการอ้างอิง", "Sources and credits"),
    "upload_villages": ("ตรวจสอบรายชื่อหมู่บ้าน (CSV หรือ XLSX)", "Check a village list (CSV or XLSX)"),
    "upload_help": (
        "คอลัมน์ที่ต้องมี: `village_code` `moo` `village_th` `tambon_code` `amphoe_code` (หรือหัวคอลัมน์ภาษาไทย "
        "รหัสหมู่บ้าน หมู่ที่ ชื่อหมู่บ้าน รหัสตำบล รหัสอำเภอ) เลือกได้: `village_en` `lat` `lon` (ชื่อหมู่บ้าน (อังกฤษ) "
        "ละติจูด ลองจิจูด) ข้อความแบบ UTF-8 หรือ Windows-874",
        "Required columns: `village_code`, `moo`, `village_th`, `tambon_code`, `amphoe_code` (or the Thai headers "
        "รหัสหมู่บ้าน, หมู่ที่, ชื่อหมู่บ้าน, รหัสตำบล, รหัสอำเภอ); optional: `village_en`, `lat`, `lon`. UTF-8 or "
        "Windows-874 text.",
    ),
    "problems": (
        "พบปัญหา {n} รายการ ไฟล์นี้ยังไม่ถูกนำไปใช้ ข้อมูลที่ใช้อยู่ไม่เปลี่ยนแปลง",
        "{n} problem(s) found. The file was not used; the data set in use is unchanged.",
    ),
    "valid": (
        "ไฟล์ถูกต้อง: {n} หมู่บ้าน ({estimated} หมู่บ้านใช้ตำแหน่งโดยประมาณ)",
        "The file is valid: {n} villages ({estimated} with an estimated location).",
    ),
    "use_it": ("ใช้รายชื่อนี้ในการวางแผน", "Use this list for planning"),
    "now_using": ("กำลังใช้รายชื่อหมู่บ้านจาก {name}", "Now using the village list from {name}."),
    "back_to_embedded": ("กลับไปใช้ข้อมูลของจังหวัด{province}", "Return to {province}'s own data"),
    "upload_boundaries": (
        "ตรวจสอบไฟล์ขอบเขตตำบล (GeoJSON, GeoPackage, Shapefile แบบ zip)",
        "Check a tambon boundary file (GeoJSON, GeoPackage, zipped Shapefile)",
    ),
    "boundaries_valid": (
        "ไฟล์ขอบเขตถูกต้อง: {n} ตำบล (ตรวจสอบเท่านั้น ยังไม่แทนขอบเขตที่ใช้อยู่)",
        "The boundary file is valid: {n} tambons (checked only; it does not replace the boundaries in use).",
    ),
}
