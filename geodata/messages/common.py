"""The glossary every page and document shares (Thai as users write it), and the app's own words."""

from __future__ import annotations

SECTION = "common"

MESSAGES: dict[str, tuple[str, str]] = {
    "page_plan": ("วางแผน", "Plan"),
    "page_coverage": ("ความครอบคลุม", "Coverage"),
    "page_export": ("ส่งออก", "Export"),
    "page_data": ("ข้อมูล", "Data"),
    "language": ("ภาษา / Language", "ภาษา / Language"),
    "country": ("ประเทศไทย", "Thailand"),
    "province": ("จังหวัด", "Province"),
    "amphoe": ("อำเภอ", "District (amphoe)"),
    "tambon": ("ตำบล", "Subdistrict (tambon)"),
    "village": ("หมู่บ้าน", "Village"),
    "moo": ("หมู่ที่", "Moo"),
    "code": ("รหัส", "Code"),
    "quality_high": ("ตรงชื่อ (สูง)", "Matched (high)"),
    "quality_medium": ("ตรงชื่อ (กลาง)", "Matched (medium)"),
    "quality_low": ("ตรงชื่อ (ต่ำ)", "Matched (low)"),
    "quality_estimated": ("ตำแหน่งโดยประมาณ", "Estimated location"),
    "estimated_note": (
        "ตำแหน่งโดยประมาณ: จุดในเขตตำบล ไม่ใช่ตำแหน่งสำรวจจริง",
        "Estimated location: a point inside the tambon, not a surveyed position",
    ),
    "online_tiles": ("แผนที่ฐานออนไลน์ (ต้องใช้อินเทอร์เน็ต)", "Online basemap (needs internet)"),
    # --- the app's frame
    "browser_title": ("ขยายผลการจัดการความรู้ · {province}", "KM rollout · {province}"),
    "language_name_th": ("ไทย", "ไทย"),
    "language_name_en": ("English", "English"),
    "computing_default": ("กำลังคำนวณแผนตั้งต้น…", "Computing the default plan…"),
    # --- Streamlit's own widgets (dashboard.common.thai_widgets)
    "upload_button": ("อัปโหลด", "Upload"),
    "upload_limit": ("ไฟล์ละไม่เกิน {mb} เมกะไบต์", "{mb} MB per file"),
    "skip_to_content": ("ข้ามไปยังเนื้อหาหลัก", "Skip to main content"),
    "press_enter": ("กด Enter เพื่อใช้", "Press Enter to apply"),
    "choose": ("เลือกได้หลายรายการ", "Choose options"),
    "no_results": ("ไม่พบรายการที่ตรงกัน", "No results"),
    # --- saved work (dashboard.common.scenarios)
    "scenario_exists": ("มีแผนชื่อ \"{name}\" อยู่แล้ว: ตั้งชื่ออื่น หรือเปิดแผนนั้นจากรายการแผน",
                        "A scenario named \"{name}\" already exists: choose another name, or open it from the list"),
    "scenario_unknown": ("ไม่พบแผนชื่อ \"{name}\": เลือกแผนจากรายการแผน",
                         "There is no scenario named \"{name}\": choose one from the list"),
    "scenario_conflict": (
        "{who} บันทึกแผน \"{name}\" เป็นฉบับที่ {version} เมื่อ {at} หลังจากที่คุณเปิดฉบับที่ {opened}: "
        "โหลดฉบับล่าสุดเพื่อดูการแก้ไขนั้น หรือบันทึกของคุณเป็นแผนใหม่",
        "{who} saved \"{name}\" as version {version} at {at}, after you opened version {opened}: reload it to see "
        "their changes, or save yours as a new scenario",
    ),
    "scenario_no_name": ("พิมพ์ชื่อแผนใหม่ก่อนบันทึก", "Type a name for the new scenario before saving"),
    "store_error": ("เปิดหรือบันทึกงานไม่ได้ ฐานข้อมูลใช้งานไม่ได้ในขณะนี้: แจ้งผู้ดูแลระบบ",
                    "Saved work could not be opened or saved"),
    "help_title": ("วิธีใช้หน้านี้", "How to use this page"),
    # --- which scenario a page shows (dashboard.common.open_scenario)
    "shown.official_option": ("{name} (แผนทางการ)", "{name} (official plan)"),
    "shown.missing": ("ไม่พบแผน \"{name}\" แล้ว จึงแสดง \"{opened}\" แทน",
                      "There is no scenario \"{name}\" any more; showing \"{opened}\" instead"),
    "shown.default": (
        "แผนที่แสดง: แผนตั้งต้นที่โปรแกรมจัดให้ดีที่สุด (ยังไม่ได้บันทึก เพราะยังไม่มีแผนที่บันทึกไว้)",
        "Shown: the default optimised plan (not saved: no scenario has been saved yet)",
    ),
    "shown.saved": ("แผนที่แสดง: **{name}** ฉบับที่ {version} · บันทึกโดย {by} เมื่อ {at}",
                    "Shown: **{name}**, version {version} · saved by {by} on {at}"),
    "shown.is_official": ("เป็นแผนทางการของจังหวัด: ตั้งโดย {by} เมื่อ {at} (ฉบับที่ {version})",
                          "The province's official plan: marked by {by} on {at} (version {version})."),
    "shown.changed_since": ("แผนนี้ถูกแก้ไขหลังจากตั้งเป็นแผนทางการ",
                            "It has been changed since it was marked."),
    "shown.other_official": ("แผนทางการของจังหวัดคือ \"{name}\" (เลือกได้จากรายการแผน)",
                             "The province's official plan is \"{name}\" (choose it from the list)."),
    "shown.no_official": ("ยังไม่มีแผนทางการของจังหวัด: ผู้วางแผนตั้งได้ที่แถบด้านข้างของหน้าวางแผน",
                          "No official plan yet: a planner marks one in the Plan page's sidebar."),
    # --- the database and unexpected errors (dashboard.common.database, dashboard.common.errors)
    "database_error": ("ใช้ฐานข้อมูลไม่ได้: แจ้งผู้ดูแลระบบ", "The database cannot be used"),
    "database_outdated": (
        "ใช้ฐานข้อมูลไม่ได้: ฐานข้อมูลนี้บันทึกโดยโปรแกรมรุ่นเก่า ผู้ดูแลระบบต้องสำรองฐานข้อมูลไว้ก่อน แล้วสั่ง `{command}`",
        "The database cannot be used: it was saved by an older version of the planner; back it up, then run "
        "`{command}`",
    ),
    "unexpected_error": (
        "เกิดข้อผิดพลาดที่ไม่คาดคิด (รหัสข้อผิดพลาด {error_id}) งานที่บันทึกไว้แล้วไม่สูญหาย "
        "ลองโหลดหน้านี้ใหม่ หากยังเกิดอีก โปรดแจ้งผู้ดูแลระบบพร้อมรหัสนี้",
        "Something went wrong (error id {error_id}). Work already saved is not lost. Reload the page; if it "
        "happens again, give this id to the administrator.",
    ),
    # --- why a village is in its wave (planning.REASONS codes)
    "reason.pilot": ("อยู่ในตำบลนำร่อง จึงอยู่ในระยะนำร่อง", "in a pilot tambon, so in the pilot wave"),
    "reason.locked": ("ผู้วางแผนล็อกไว้ในระยะนี้", "locked to this wave by a planner"),
    "reason.balance": ("ตำบลต้องแบ่งหลายระยะเพื่อให้ได้ขนาดระยะและภาระทีมตามเป้า",
                       "its tambon had to be split across waves to meet wave sizes and team loads"),
    "reason.spread": ("ทั้งตำบลจัดไว้ระยะนี้เพื่อขยายออกจากพื้นที่นำร่องตามจังหวะของจังหวัด",
                      "its whole tambon was placed here to spread out from the pilots at the province's pace"),
    # --- the six steps of a strong community (planning.progress.STEPS numbers)
    "step.1": ("ความเป็นประชาคม", "Community forum"),
    "step.2": ("ระบบการแลกเปลี่ยนเรียนรู้ หรือ การจัดการความรู้", "Learning exchange / KM"),
    "step.3": ("ความมีประสิทธิภาพของชุมชน", "Community capability"),
    "step.4": ("เกิดแผนแม่บทชุมชน", "Community master plan"),
    "step.5": ("การปฏิบัติตามแผน", "Acting on the plan"),
    "step.6": ("มีการประเมินผลเป็นระยะ ๆ", "Periodic evaluation"),
}
