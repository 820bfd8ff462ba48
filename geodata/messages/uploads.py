"""Problems found in a planner's file (village list, boundaries, corrections, progress): the table's headings."""

from __future__ import annotations

SECTION = "upload"

MESSAGES: dict[str, tuple[str, str]] = {
    "row": ("แถว", "Row"),
    "column": ("คอลัมน์", "Column"),
    "value": ("ค่า", "Value"),
    "problem": ("ปัญหา", "Problem"),
    "fix": ("วิธีแก้", "How to fix"),
    "check": ("การตรวจ", "Check"),
}
