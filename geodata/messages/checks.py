"""The plan's named checks (planning.CHECKS) in words, and each kind of failure planning.find_failures reports,
with the numbers it carries as fields."""

from __future__ import annotations

SECTION = "check"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the rules (one per planning.CHECKS name)
    "rule.every_village_assigned_once": ("ทุกหมู่บ้านอยู่ในระยะเดียวเท่านั้น", "Every village is in exactly one wave"),
    "rule.wave_sizes_met": ("ขนาดแต่ละระยะตรงตามเป้า", "Each wave has its target number of villages"),
    "rule.locks_respected": ("หมู่บ้านที่ล็อกไว้และหมู่บ้านนำร่องอยู่ในระยะที่กำหนด",
                             "Locked and pilot villages stay in their wave"),
    "rule.district_capacity_respected": (
        "จำนวนหมู่บ้านต่อระยะของแต่ละอำเภอไม่เกินกำลังของทีมคุณอำนวย",
        "No district has more villages in a wave than its teams can take",
    ),
    # --- what fails (one per planning.Failure kind)
    "failure.no_wave": ("{n} หมู่บ้านยังไม่มีระยะ (เช่น {examples})", "{n} villages have no wave (e.g. {examples})"),
    "failure.unknown_village": ("หมู่บ้าน {village} ไม่อยู่ในจังหวัด", "village {village} is not in the province"),
    "failure.unknown_wave": ("หมู่บ้าน {village} อยู่ในระยะ {wave!r} ซึ่งไม่มีอยู่",
                             "village {village} has wave {wave!r}, which does not exist"),
    "failure.wave_size": ("ระยะ {wave} มี {n} หมู่บ้าน แต่ขนาดที่กำหนดคือ {size}",
                          "wave {wave} has {n} villages, its size is {size}"),
    "failure.lock": ("หมู่บ้าน {village} ล็อกไว้ที่ระยะ {locked} แต่ถูกจัดไว้ระยะ {wave}",
                     "village {village} is locked to {locked} but assigned to {wave}"),
    "failure.capacity": (
        "อำเภอ {district} มี {n} หมู่บ้านในระยะ {wave} แต่ {teams} ทีม ทีมละ {capacity} หมู่บ้าน รับได้ {limit} หมู่บ้าน",
        "district {district} has {n} villages in wave {wave} but {teams} teams of {capacity} villages can take "
        "{limit}",
    ),
}
