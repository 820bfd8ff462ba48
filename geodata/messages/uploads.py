"""Planners' files (village list, boundaries, corrections, progress, roster): the limits stated under each file
picker (geodata.limits) and the headings of the table of problems found in a file."""

from __future__ import annotations

SECTION = "upload"

MESSAGES: dict[str, tuple[str, str]] = {
    "row": ("แถว", "Row"),
    "column": ("คอลัมน์", "Column"),
    "value": ("ค่า", "Value"),
    "problem": ("ปัญหา", "Problem"),
    "fix": ("วิธีแก้", "How to fix"),
    "check": ("การตรวจ", "Check"),
    # --- how large a file may be (geodata.limits.UploadLimit.caption)
    "limit_rows": ("ไฟล์ขนาดไม่เกิน {megabytes} เมกะไบต์ และไม่เกิน {rows} แถว",
                   "Files up to {megabytes} MB and {rows} rows."),
    "limit_features": ("ไฟล์ขนาดไม่เกิน {megabytes} เมกะไบต์ และไม่เกิน {rows} รูปแปลง",
                       "Files up to {megabytes} MB and {rows} features."),
}
