"""The planning engine's refusals (planning.Fact: a kind and the numbers it quotes), what is wrong and how to fix
it: waves and targets that cannot hold the villages, districts whose teams cannot take their villages, locks,
and the rows of a facilitator roster. geodata.messages.facts maps each kind to its two keys."""

from __future__ import annotations

SECTION = "engine"

MESSAGES: dict[str, tuple[str, str]] = {
    # one fact in a sentence: what is wrong, then how to fix it
    "what_and_fix": ("{what} วิธีแก้: {fix}", "{what}; {fix}"),
    # --- waves and their targets
    "no_waves": ("ไม่มีระยะเลย", "no waves given"),
    "no_waves.fix": ("เพิ่มอย่างน้อยหนึ่งระยะ", "add at least one wave"),
    "wave_label_empty": ("ระยะหนึ่งไม่มีปี พ.ศ. ('{label}')", "a wave has no label ('{label}')"),
    "wave_label_empty.fix": ("ใส่ปี พ.ศ. ของระยะ เช่น 2549", "label it with its B.E. year, e.g. 2549"),
    "wave_label_repeated": ("ระยะ {label} ซ้ำกันสองครั้ง", "wave {label} is used twice"),
    "wave_label_repeated.fix": ("ให้แต่ละระยะมีปีของตัวเอง", "give each wave its own year"),
    "wave_target": ("เป้าหมายของระยะ {wave} คือ '{target}' ซึ่งใช้ไม่ได้", "wave {wave} has target '{target}'"),
    "wave_target.fix": ("ใส่จำนวนเต็มตั้งแต่ 0 ขึ้นไป", "use a whole number of villages, 0 or more"),
    "waves_over_villages": (
        "ระยะก่อนระยะสุดท้ายต้องใช้ {terms} = {total} หมู่บ้าน แต่มีเพียง {n} หมู่บ้าน เกินอยู่ {excess} หมู่บ้าน",
        "the waves before the last need {terms} = {total} villages but there are only {n}, {excess} too many",
    ),
    "waves_over_villages.fix": ("ลดเป้าหมายของระยะเหล่านั้น หรือตัดออกหนึ่งระยะ", "lower those targets or drop a wave"),
    "villages_without_wave": (
        "ทุกระยะรวมกันรับได้ไม่เกิน {held} หมู่บ้าน แต่มี {n} หมู่บ้าน: {missing} หมู่บ้านไม่มีระยะ",
        "the waves hold at most {held} villages but there are {n}: {missing} villages have no wave",
    ),
    "villages_without_wave.fix": (
        "เพิ่มเป้าหมายของระยะสุดท้าย ({wave}: {target} หมู่บ้าน) อีก {missing} หมู่บ้าน หรือเพิ่มระยะ",
        "raise the last wave's target ({wave}: {target}) by {missing} or add a wave",
    ),
    "locked_over_target": (
        "ล็อกหมู่บ้านไว้ที่ระยะ {wave} จำนวน {locked} หมู่บ้าน แต่เป้าหมายของระยะนี้คือ {size} หมู่บ้าน",
        "{locked} villages are locked to wave {wave}, which has a target of {size}",
    ),
    "locked_over_remainder": (
        "ล็อกหมู่บ้านไว้ที่ระยะ {wave} จำนวน {locked} หมู่บ้าน แต่ระยะนี้ได้หมู่บ้านที่เหลือเพียง {size} หมู่บ้าน",
        "{locked} villages are locked to wave {wave}, which gets the remaining {size}",
    ),
    "locked_over.fix": ("ปลดล็อก {excess} หมู่บ้าน หรือเพิ่มเป้าหมาย", "unlock {excess} of them or raise the target"),
    "too_many_waves": ("มี {n} ระยะที่ยังรับหมู่บ้านที่ไม่ได้ล็อก โปรแกรมรองรับได้ไม่เกิน {most} ระยะ",
                       "{n} waves take unlocked villages; the planner supports at most {most}"),
    "too_many_waves.fix": ("รวมบางระยะเข้าด้วยกัน หรือล็อกหมู่บ้านของบางระยะ", "merge waves or lock some of them"),
    # --- the facilitator teams cannot take the villages
    "district_locked_over_capacity": (
        "อำเภอ {district} ล็อกหมู่บ้านไว้ในระยะ {wave} จำนวน {locked} หมู่บ้าน แต่ {teams} ทีม ทีมละ {capacity} หมู่บ้าน "
        "รับได้ {limit} หมู่บ้าน",
        "district {district} has {locked} villages locked to wave {wave} but {teams} teams x {capacity} villages = "
        "{limit}",
    ),
    "district_locked_over_capacity.fix": (
        "เพิ่มทีมเป็น {teams_needed} ทีม เพิ่มจำนวนหมู่บ้านที่หนึ่งทีมรับได้เป็น {capacity_needed} หมู่บ้าน "
        "หรือปลดล็อกบางหมู่บ้าน",
        "add teams (needs {teams_needed}), raise the villages per team to {capacity_needed} or unlock some",
    ),
    "district_over_capacity": (
        "อำเภอ {district} มี {n} หมู่บ้าน{locked_note} แต่ {teams} ทีม ทีมละ {capacity} หมู่บ้าน ใน {waves} ระยะ "
        "รับได้ {total} หมู่บ้าน{lost_note}",
        "district {district} has {n} villages{locked_note} but {teams} teams x {capacity} villages x {waves} waves = "
        "{total} capacity{lost_note}",
    ),
    "district_over_capacity.locked": (" (ล็อกไว้ {locked} หมู่บ้าน)", " ({locked} locked)"),
    "district_over_capacity.lost": (
        " หักที่ว่าง {lost} ที่ในระยะที่เล็กเกินกว่าจะใช้ได้ (ขนาดของระยะหักหมู่บ้านที่ล็อกไว้กับอำเภออื่น)",
        " minus {lost} slots in waves too small to use them (wave size less villages locked elsewhere)",
    ),
    "district_over_capacity.fix": (
        "เพิ่มทีมเป็น {teams_needed} ทีม หรือเพิ่มจำนวนหมู่บ้านที่หนึ่งทีมรับได้",
        "add teams (needs {teams_needed}) or raise the villages per team",
    ),
    "wave_short": (
        "ระยะ {waves} ต้องการหมู่บ้านที่ไม่ได้ล็อก {need} หมู่บ้าน แต่ทีมของทุกอำเภอรับได้มากที่สุด {reach} หมู่บ้าน "
        "(ทีมละ {capacity} หมู่บ้านต่อระยะ)",
        "wave {waves} needs {need} unlocked villages but the districts' teams can take at most {reach} there "
        "({capacity} villages per team and wave)",
    ),
    "waves_short": (
        "ระยะ {waves} รวมกันต้องการหมู่บ้านที่ไม่ได้ล็อก {need} หมู่บ้าน แต่ทีมของทุกอำเภอรับได้มากที่สุด {reach} หมู่บ้าน "
        "(ทีมละ {capacity} หมู่บ้านต่อระยะ)",
        "waves {waves} need {need} unlocked villages but the districts' teams can take at most {reach} there "
        "({capacity} villages per team and wave)",
    ),
    "wave_short.fix": ("เพิ่มทีม หรือเพิ่มจำนวนหมู่บ้านที่หนึ่งทีมรับได้", "add teams or raise the villages per team"),
    # --- locks and pilot tambons
    "pilot_without_wave": ("มีตำบลนำร่องแต่ไม่มีระยะนำร่อง", "pilot tambons are given but no wave is a pilot wave"),
    "pilot_without_wave.fix": ("เพิ่มระยะนำร่องก่อน หรือยกเลิกตำบลนำร่อง",
                               "add a pilot wave first, or unmark the pilot tambons"),
    "pilot_tambon_unknown": ("ตำบลนำร่อง {tambon} ไม่อยู่ในจังหวัด", "pilot tambon {tambon} is not a tambon of the province"),
    "tambon_lock_unknown_tambon": ("ตำบล {tambon} ที่ล็อกไว้ไม่อยู่ในจังหวัด",
                                   "tambon {tambon} of a lock is not in the province"),
    "village_lock_unknown_village": ("หมู่บ้าน {village} ที่ล็อกไว้ไม่อยู่ในจังหวัด",
                                     "village {village} of a lock is not in the province"),
    "unknown_code.fix": ("ตรวจรหัสให้ถูกต้อง", "check the code"),
    "tambon_lock_unknown_wave": ("ตำบล {tambon} ล็อกไว้ที่ระยะ {wave} ซึ่งไม่มีอยู่ (ระยะที่มี: {waves})",
                                 "tambon {tambon} is locked to wave {wave}, which does not exist (waves: {waves})"),
    "village_lock_unknown_wave": ("หมู่บ้าน {village} ล็อกไว้ที่ระยะ {wave} ซึ่งไม่มีอยู่ (ระยะที่มี: {waves})",
                                  "village {village} is locked to wave {wave}, which does not exist (waves: {waves})"),
    "unknown_wave.fix": ("ล็อกไว้ที่ระยะที่มีอยู่ หรือปลดล็อก", "lock it to one of the waves, or unlock it"),
    "pilot_tambon_locked": ("ตำบล {tambon} เป็นตำบลนำร่อง (ระยะ {pilot}) แต่ล็อกไว้ที่ระยะ {wave}",
                            "tambon {tambon} is a pilot tambon (wave {pilot}) but locked to {wave}"),
    "pilot_village_locked": ("หมู่บ้าน {village} อยู่ในตำบลนำร่อง {tambon} (ระยะ {pilot}) แต่ล็อกไว้ที่ระยะ {wave}",
                             "village {village} is in pilot tambon {tambon} (wave {pilot}) but locked to {wave}"),
    "pilot_locked.fix": ("ปลดล็อก หรือยกเลิกตำบลนำร่องนั้น", "unlock it or remove the tambon from the pilot tambons"),
    # --- the roster of facilitator teams
    "roster_no_district": ("ไม่ได้ใส่รหัสอำเภอ", "the district code is empty"),
    "roster_no_district.fix": ("กรอกช่อง {column}", "fill in '{column}'"),
    "roster_unknown_district": ("อำเภอ {district} ไม่อยู่ในจังหวัด", "district {district} is not in the province"),
    "roster_unknown_district.fix": ("ตรวจ{column}", "check the '{column}'"),
    "roster_teams_not_number": ("จำนวนทีมของอำเภอ {district} คือ '{teams}' ซึ่งไม่ใช่จำนวนเต็ม{hint}",
                                "district {district} has teams '{teams}', which is not a whole number{hint}"),
    "roster_teams_not_number.fix": ("ใส่จำนวนทีมเป็นตัวเลข เช่น 3", "write the number of teams, e.g. 3"),
    "roster_too_few_teams": ("อำเภอ {district} มี {teams} ทีม", "district {district} has {teams} teams"),
    "roster_too_few_teams.fix": ("ทุกอำเภอต้องมีอย่างน้อย 1 ทีม", "every district needs at least 1"),
    "roster_too_many_teams": ("อำเภอ {district} มี {teams} ทีม", "district {district} has {teams} teams"),
    "roster_too_many_teams.fix": ("อำเภอหนึ่งมีได้ไม่เกิน {most} ทีม ตรวจตัวเลขอีกครั้ง",
                                  "a district can have at most {most} teams, check the number"),
    "roster_repeated_district": ("อำเภอ {district} มีซ้ำอีกแถว", "district {district} is listed again"),
    "roster_repeated_district.fix": ("อำเภอหนึ่งมีได้แถวเดียว", "keep one row per district"),
    "roster_empty": ("ตารางทีมคุณอำนวยไม่มีแถวเลย", "the roster has no rows"),
    "roster_empty.fix": ("ใส่อำเภอละหนึ่งแถว พร้อมรหัสอำเภอและจำนวนทีม", "give one row (amphoe_code, teams) per district"),
    "capacity_out_of_range": ("จำนวนหมู่บ้านที่หนึ่งทีมรับได้ในหนึ่งระยะคือ '{capacity}' ซึ่งใช้ไม่ได้",
                              "capacity '{capacity}' is not a number of villages per team and wave"),
    "capacity_out_of_range.fix": ("ใส่จำนวนเต็มตั้งแต่ 1 ถึง {most} (ค่าตั้งต้นคือ {default})",
                                  "use a whole number from 1 to {most} (the default is {default})"),
    "roster_district_not_in_province": ("ตารางทีมคุณอำนวยมีอำเภอ {district} ซึ่งไม่อยู่ในจังหวัด",
                                        "the roster lists district {district}, which is not in the province"),
    "roster_district_not_in_province.fix": ("ลบแถวนั้น หรือแก้รหัสอำเภอ", "remove the row or fix the code"),
    "roster_district_teams": ("อำเภอ {district} มีจำนวนทีม '{teams}' ในตารางทีมคุณอำนวย",
                              "district {district} has '{teams}' teams in the roster"),
    "roster_district_teams.fix": ("ใส่จำนวนเต็มตั้งแต่ 1 ขึ้นไป", "give a whole number >= 1"),
    "district_without_teams": ("อำเภอ {district} มีหมู่บ้านแต่ไม่มีทีมคุณอำนวยในตาราง",
                               "district {district} has villages but no teams in the roster"),
    "district_without_teams.fix": ("เพิ่มแถวของอำเภอนี้พร้อมจำนวนทีม", "add a row for it with its teams"),
}
