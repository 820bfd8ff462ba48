"""Choosing a province (or the whole country) and why a province cannot be planned, for the command line and the
pages: the names come from the province registry (geodata.provinces), never from here."""

from __future__ import annotations

SECTION = "province"

MESSAGES: dict[str, tuple[str, str]] = {
    "unknown": (
        "ไม่มีจังหวัดรหัส '{code}' ใช้รหัสจังหวัด 2 หลักของกรมการปกครอง (เช่น {examples}) หรือ {nation} "
        "สำหรับทั้งประเทศ ดูรายการรหัสทั้งหมดด้วยคำสั่ง `rollout data provinces`",
        "province code '{code}' is not a Thai province; give a two-digit DOPA province code (for example "
        "{examples}) or {nation} for the whole country; 'rollout data provinces' lists every code",
    ),
    "no_villages": (
        "{province} ({code}) ไม่มีหมู่บ้าน (แบ่งเป็นแขวง ไม่ใช่หมู่บ้าน) จึงวางแผนหรือส่งออกไม่ได้ เลือกจังหวัดอื่น",
        "{province} ({code}) has no villages (its khwaeng are not divided into villages), so it cannot be planned "
        "or exported; choose another province",
    ),
    "roster_short": (
        "อำเภอ{district} ({code}) จังหวัด{province} มี {villages:,} หมู่บ้าน แต่ {teams} ทีม × {capacity} "
        "หมู่บ้านต่อทีมต่อระยะ × {waves} ระยะ = {places:,} ที่ ขาด {short:,} ที่ วิธีแก้: ให้อำเภอนี้มีอย่างน้อย "
        "{teams_needed} ทีม (`--roster`) หรือให้ทีมรับได้อย่างน้อย {capacity_needed} หมู่บ้านต่อระยะ "
        "(`--capacity {capacity_needed}`){more}",
        "district {district} ({code}) of {province} has {villages:,} villages but {teams} teams x {capacity} "
        "villages per team and wave x {waves} waves = {places:,} places, {short:,} short; give it at least "
        "{teams_needed} teams (--roster) or let a team take at least {capacity_needed} villages per wave "
        "(--capacity {capacity_needed}){more}",
    ),
    "more_short": ("และอีก {n} อำเภอที่ทีมรับหมู่บ้านไม่ครบ", "and {n} more district(s) whose teams cannot take their villages"),
    "needs_for_province": (
        "แผนทั้งประเทศส่งออกเป็นชุดของแต่ละจังหวัด: ระบุ `--for-province` ตามด้วยรหัสจังหวัด (เช่น 34 หรือ 34,85)",
        "a national plan is exported as each province's packets: give --for-province with the province codes "
        "(for example 34 or 34,85)",
    ),
    "for_province_alone": (
        "`--for-province` ใช้คู่กับ `--province {nation}` เท่านั้น (เลือกจังหวัดจากแผนทั้งประเทศ)",
        "--for-province goes with --province {nation} only (it picks provinces out of a national plan)",
    ),
}
