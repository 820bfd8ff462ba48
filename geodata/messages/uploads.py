"""Planners' files (village list, boundaries, corrections, progress, roster): the limits stated under each file
picker (geodata.limits), the headings of the table of problems found in a file, the kinds of file, and the
columns as a reader knows them (geodata.errors.COLUMN_LABELS: in Thai the Thai header each reader accepts too)."""

from __future__ import annotations

SECTION = "upload"

MESSAGES: dict[str, tuple[str, str]] = {
    "row": ("แถว", "Row"),
    "column": ("คอลัมน์", "Column"),
    "value": ("ค่า", "Value"),
    "problem": ("ปัญหา", "Problem"),
    "fix": ("วิธีแก้", "How to fix"),
    "check": ("การตรวจ", "Check"),
    # --- the kinds of file (geodata.limits.UploadLimit.label), and what their size is counted in
    "kind.village_list": ("รายชื่อหมู่บ้าน", "village list"),
    "kind.corrections": ("ไฟล์แก้ตำแหน่ง", "corrections file"),
    "kind.progress": ("ไฟล์รายงานความก้าวหน้า", "progress file"),
    "kind.roster": ("ไฟล์ทีมคุณอำนวย", "roster file"),
    "kind.boundaries": ("ไฟล์ขอบเขต", "boundary file"),
    "unit.rows": ("แถว", "rows"),
    "unit.features": ("รูปแปลง", "features"),
    # --- columns
    "column.village_code": ("รหัสหมู่บ้าน", "village_code"),
    "column.moo": ("หมู่ที่", "moo"),
    "column.village_th": ("ชื่อหมู่บ้าน", "village_th"),
    "column.village_en": ("ชื่อหมู่บ้าน (อังกฤษ)", "village_en"),
    "column.tambon_code": ("รหัสตำบล", "tambon_code"),
    "column.amphoe_code": ("รหัสอำเภอ", "amphoe_code"),
    "column.lat": ("ละติจูด", "lat"),
    "column.lon": ("ลองจิจูด", "lon"),
    "column.geometry": ("รูปแปลง", "geometry"),
    "column.source": ("แหล่งที่มา", "source"),
    "column.step": ("ขั้น", "step"),
    "column.reached_on": ("วันที่ถึงขั้น", "reached_on"),
    "column.reported_by": ("ผู้รายงาน", "reported_by"),
    "column.reason": ("เหตุผล", "reason"),
    "column.teams": ("จำนวนทีม", "teams"),
    # --- how large a file may be (geodata.limits.UploadLimit.caption)
    "limit_rows": ("ไฟล์ขนาดไม่เกิน {megabytes} เมกะไบต์ และไม่เกิน {rows} แถว",
                   "Files up to {megabytes} MB and {rows} rows."),
    "limit_features": ("ไฟล์ขนาดไม่เกิน {megabytes} เมกะไบต์ และไม่เกิน {rows} รูปแปลง",
                       "Files up to {megabytes} MB and {rows} features."),
}
