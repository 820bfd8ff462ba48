"""Words and formats the export files share: bilingual labels, Buddhist-era dates, text widths, safe file names.

The files go to Thai district offices, so labels are Thai first with the English after them (the glossary's
terms); machine-readable files (CSV, GeoPackage, GeoJSON) keep ASCII column names and plain key values.
Dates use planning.thai_dates, the same format as the dashboard.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from planning.thai_dates import format_thai_date

#: Thailand keeps UTC+7 all year (no daylight saving).
THAI_TIME = dt.timezone(dt.timedelta(hours=7))

#: Label key -> (Thai, English).
LABELS: dict[str, tuple[str, str]] = {
    "title": ("แผนขยายผลการจัดการความรู้ระดับหมู่บ้าน", "KM rollout plan by village"),
    "province_name": ("จังหวัดนครศรีธรรมราช", "Nakhon Si Thammarat province"),
    "province": ("จังหวัด", "Province"),
    "amphoe": ("อำเภอ", "District"),
    "amphoe_code": ("รหัสอำเภอ", "District code"),
    "amphoe_en": ("อำเภอ (อังกฤษ)", "District (English)"),
    "tambon": ("ตำบล", "Subdistrict"),
    "tambon_code": ("รหัสตำบล", "Subdistrict code"),
    "tambon_en": ("ตำบล (อังกฤษ)", "Subdistrict (English)"),
    "village_code": ("รหัสหมู่บ้าน", "Village code"),
    "moo": ("หมู่ที่", "Moo"),
    "village_th": ("ชื่อหมู่บ้าน", "Village name (Thai)"),
    "village_en": ("ชื่อหมู่บ้าน (อังกฤษ)", "Village name (English)"),
    "wave": ("ระยะ (ปี พ.ศ.)", "Wave (B.E. year)"),
    "locked": ("ล็อก", "Locked"),
    "location_quality": ("คุณภาพตำแหน่ง", "Location quality"),
    "reason": ("เหตุผลที่อยู่ในระยะนี้", "Why in this wave"),
    "lat": ("ละติจูด", "Latitude"),
    "lon": ("ลองจิจูด", "Longitude"),
    "villages": ("หมู่บ้าน", "Villages"),
    "teams": ("ทีมคุณอำนวย", "Facilitator teams"),
    "per_team": ("หมู่บ้านต่อทีม", "Villages per team"),
    "capacity": ("รับได้ต่อทีมต่อระยะ", "Capacity per team per wave"),
    "limit": ("รับได้สูงสุด (ทีม × ความจุ)", "Most villages (teams × capacity)"),
    "total": ("รวม", "Total"),
    "split": ("แบ่งหลายระยะ", "Split across waves"),
    "split_tambons": ("ตำบลที่แบ่งหลายระยะ", "Tambons split across waves"),
    "no_split": ("ไม่มีตำบลที่แบ่งหลายระยะ", "No tambon is split across waves"),
    "scenario": ("ฉากทัศน์", "Scenario"),
    "version": ("ฉบับที่", "version"),
    "date": ("วันที่ของแผน", "Plan date"),
    "updated_by": ("ปรับปรุงโดย", "Updated by"),
    "dataset": ("ชุดข้อมูล", "Data set"),
    "page": ("หน้า", "page"),
    "summary": ("สรุป", "Summary"),
    "roster": ("ทีมคุณอำนวย", "Facilitator roster"),
    "roster_source": ("ที่มาของจำนวนทีม", "Source of the team numbers"),
    "roster_estimated": ("ประมาณการ: 1 ทีมต่อตำบลที่มีหมู่บ้าน ยังไม่ใช่ข้อมูลจริง",
                         "Estimated default: one team per tambon with villages, not real numbers"),
    "roster_given": ("ข้อมูลจากผู้วางแผน", "Given by the planner"),
    "unassigned": ("ยังไม่กำหนดระยะ", "No wave yet"),
    "estimated_note": ("ตำแหน่งโดยประมาณ: จุดในเขตตำบล ไม่ใช่ตำแหน่งสำรวจจริง",
                       "Estimated location: a point inside the tambon, not a surveyed position"),
    "estimated_count": ("หมู่บ้านที่ใช้ตำแหน่งโดยประมาณ", "Villages with an estimated location"),
    "metrics": ("ตัวชี้วัดของแผน (ทั้งจังหวัด)", "Plan metrics (whole province)"),
    "max_load": ("ภาระสูงสุด (หมู่บ้านต่อทีมในหนึ่งระยะ)", "Highest load (villages per team in one wave)"),
    "split_count": ("จำนวนตำบลที่แบ่งหลายระยะ", "Tambons split across waves"),
    "spread_cost": ("ต้นทุนการกระจาย (หมู่บ้าน × ช่วงตำบล)", "Spread cost (village-hops)"),
    "pace_gap": ("ความต่างจากจังหวะของจังหวัด (หมู่บ้าน)", "Gap from the province's pace (villages)"),
    "status": ("สถานะการคำนวณ", "Solver status"),
    "failed_checks": ("เงื่อนไขที่ไม่ผ่าน", "Failed checks"),
    "none": ("ไม่มี", "none"),
    "reasons": ("ความหมายของเหตุผล", "What the reasons mean"),
    "missing_villages": ("หมู่บ้านในแผนที่ไม่มีในชุดข้อมูลนี้", "Plan villages not in this data set"),
    "map_boundary": ("ขอบเขตตำบล", "Tambon boundary"),
    "map_amphoe_boundary": ("ขอบเขตอำเภอ", "District boundary"),
    "north": ("เหนือ", "N"),
    "km": ("กม.", "km"),
    "legend": ("คำอธิบายสัญลักษณ์", "Legend"),
    "village_list": ("รายชื่อหมู่บ้านตามตำบลและระยะ", "Villages by tambon and wave"),
    "province_summary": ("สรุประดับจังหวัด", "Province summary"),
    "yes": ("ใช่", "yes"),
    "no": ("ไม่", "no"),
}

#: Short names of the planner's reasons (planning.REASONS keys); planning.REASONS holds the full sentences.
REASON_LABELS: dict[str, tuple[str, str]] = {
    "pilot": ("นำร่อง", "pilot"),
    "locked": ("ล็อก", "locked"),
    "balance": ("ถ่วงภาระ", "balance"),
    "spread": ("ขยายผล", "spread"),
}

#: Location quality -> (Thai, English), as the glossary writes them.
QUALITY_LABELS: dict[str, tuple[str, str]] = {
    "high": ("ตรงชื่อ สูง", "high"),
    "medium": ("ตรงชื่อ กลาง", "medium"),
    "low": ("ตรงชื่อ ต่ำ", "low"),
    "estimated": ("ตำแหน่งโดยประมาณ", "estimated"),
}


def th(key: str) -> str:
    """The Thai label."""
    return LABELS[key][0]


def both(key: str, table: dict[str, tuple[str, str]] = LABELS) -> str:
    """Thai label with the English after it: "หมู่ที่ (Moo)"; "ระยะ (ปี พ.ศ.) / Wave (B.E. year)" if the Thai has
    parentheses of its own."""
    thai, english = table[key]
    return f"{thai} / {english}" if "(" in thai else f"{thai} ({english})"


def quality_label(quality: str) -> str:
    """"ตำแหน่งโดยประมาณ (estimated)" for an estimated point, "ตรงชื่อ สูง (high)" for a matched one."""
    return both(quality, QUALITY_LABELS) if quality in QUALITY_LABELS else quality


def reason_label(reason: str | None) -> str:
    """Short bilingual name of a planner's reason ("ขยายผล (spread)"); empty when the plan gives none."""
    if not reason:
        return ""
    return both(reason, REASON_LABELS) if reason in REASON_LABELS else reason


def wave_label(wave: str | None) -> str:
    """A wave's B.E. year label as text, or "ยังไม่กำหนดระยะ (No wave yet)"."""
    return wave if wave else both("unassigned")


def thai_day(timestamp: str) -> dt.date:
    """The day in Thailand of an ISO timestamp (taken as UTC if it carries no zone)."""
    moment = dt.datetime.fromisoformat(timestamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(THAI_TIME).date()


def thai_date(timestamp: str) -> str:
    """An ISO timestamp as Thai readers write its date (the day in Thailand): 26 พ.ย. 2569."""
    return format_thai_date(thai_day(timestamp))


def display_width(text: str) -> int:
    """Columns a text takes on screen: Thai vowel and tone marks above/below a letter take no column."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1 for ch in text)


def safe_name(text: str) -> str:
    """ASCII letters, digits, '-' and '_' only ("Cha-uat" stays, spaces become '_'), for file and folder names."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", ascii_text).strip("_")
    return cleaned or "plan"
