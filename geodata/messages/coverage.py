"""Coverage page (executives): coverage by year, load, ranking, six-step progress and its entry."""

from __future__ import annotations

SECTION = "coverage"

MESSAGES: dict[str, tuple[str, str]] = {
    "title": ("ความครอบคลุมของการขยายผล · {province}", "Rollout coverage · {province}"),
    "intro": (
        "หมู่บ้านที่เข้าร่วมการจัดการความรู้เมื่อสิ้นแต่ละระยะ อำเภอที่ก้าวหน้าหรือล่าช้า และความก้าวหน้า 6 ขั้น "
        "ของชุมชนเข้มแข็ง",
        "Villages reached by the end of each wave, the districts ahead or behind, and the six-step progress of a "
        "strong community.",
    ),
    "scenario": ("แผนทางเลือก (ฉากทัศน์)", "Scenario"),
    "help": (
        "**เริ่มที่นี่:** หน้านี้แสดงแผนเดียวกับที่เปิดในหน้าวางแผน (ครั้งแรกที่เปิดคือแผนทางการของจังหวัด) "
        "เลือกแผนอื่นได้จากรายการแผน แล้วเลื่อนแถบ ปี พ.ศ. เพื่อดูความครอบคลุมเมื่อสิ้นปีนั้น\n\n"
        "- **แผนที่**: อำเภอระบายสีตามสัดส่วนหมู่บ้านที่ครอบคลุมแล้ว ซูมเข้าเพื่อดูรายตำบล "
        "เส้นประหนาคือตำบลนำร่อง และแผนที่เล็กหนึ่งภาพต่อหนึ่งระยะ\n"
        "- **กราฟและอันดับอำเภอ**: เลือกอำเภอเพื่อเทียบความครอบคลุมสะสมกับทั้งจังหวัด ดูภาระทีมคุณอำนวยเทียบกับ"
        "ความจุ (ช่องสีแดงคือเกินความจุ) และอันดับอำเภอ อำเภอที่ค่าเท่ากันได้อันดับเดียวกัน\n"
        "- **ความก้าวหน้า 6 ขั้น**: ดูว่าหมู่บ้านอยู่ขั้นไหนและหมู่บ้านใดไม่ขยับขั้น บันทึกความก้าวหน้าโดยเลือก"
        "อำเภอ (และตำบล) กรอกขั้นใหม่และวันที่ในตาราง แล้วกด \"บันทึกรายการที่กรอก\" หรือดาวน์โหลดแบบฟอร์ม "
        "กรอกแล้วนำเข้าไฟล์ แถวที่ไม่รับจะบอกเหตุผลและยังอยู่ในตารางให้แก้",
        "**Start here:** this page shows the plan open on the Plan page (on a first visit, the province's official "
        "plan); choose another from the list, then move the B.E. year slider to see the coverage at that year's "
        "end.\n\n"
        "- **Map**: districts shaded by the share of their villages covered; zoom in for tambons; thick dashes are "
        "pilot tambons; one small map per wave below.\n"
        "- **Charts and district ranking**: pick a district to compare its cumulative coverage with the "
        "province's; the facilitator load against the teams' capacity (red cells are over it); districts ranked, "
        "equal values sharing a rank.\n"
        "- **Six-step progress**: which step each village has reached and which are stalled. To record progress, "
        "choose the district (and tambon), type the new step and date in the table and press \"Record the "
        "entries\", or download the template, fill it in and import it. Refused rows say why, and stay in the "
        "table to correct.",
    ),
    "bad_plan": ("แผนนี้ใช้กับชุดข้อมูลที่ใช้อยู่ไม่ได้ (มีหมู่บ้านหรือระยะที่ชุดข้อมูลไม่มี)",
                 "This plan does not fit the data set in use"),
    "covered_by": ("ครอบคลุมเมื่อสิ้นปี {year}", "Covered by the end of {year}"),
    "of_province": ("{share} ของ {total} หมู่บ้าน", "{share} of {total} villages"),
    "new_in": ("เพิ่มขึ้น {n} หมู่บ้านในปี {year}", "{n} more villages in {year}"),
    "pilot_year": ("{year} (นำร่อง)", "{year} (pilot)"),
    "wave": ("ระยะ (ปี พ.ศ.)", "Wave (B.E. year)"),
    "new": ("หมู่บ้านใหม่", "New villages"),
    "covered": ("ครอบคลุมสะสม", "Covered (cumulative)"),
    "share": ("สัดส่วนของจังหวัด", "Share of the province"),
    "tambons_full": ("ตำบลครบทุกหมู่บ้าน", "Tambons fully covered"),
    "tambons_partial": ("ตำบลครอบคลุมบางส่วน", "Tambons partly covered"),
    "teams": ("ทีมคุณอำนวยที่ทำงาน", "Facilitator teams engaged"),
    "teams_estimated": ("ทีมคุณอำนวยที่ทำงาน (ประมาณการ)", "Facilitator teams engaged (estimated)"),
    "teams_note": (
        "ทีมที่ทำงานในแต่ละระยะ นับรวมทีมของทุกอำเภอที่มีหมู่บ้านอย่างน้อย 1 แห่งในระยะนั้น",
        "Teams engaged in a wave count the teams of every district with at least one village in that wave.",
    ),
    "roster_estimated": (
        "จำนวนทีมคุณอำนวยเป็นค่าประมาณ (1 ทีมต่อตำบล) จนกว่าจะนำเข้าจำนวนจริงในหน้าวางแผน",
        "Facilitator team numbers are an estimate (one team per tambon) until the real roster is entered on the "
        "Plan page.",
    ),
    "tambon_count": ("จาก {n} ตำบลที่มีหมู่บ้าน", "of {n} tambons with villages"),
    "unassigned": ("{n} หมู่บ้านยังไม่มีระยะในแผนนี้", "{n} villages have no wave in this plan"),
    "year": ("ปี พ.ศ.", "Year (B.E.)"),
    "tab_map": ("แผนที่", "Map"),
    "tab_charts": ("กราฟและอันดับอำเภอ", "Charts and district ranking"),
    "tab_progress": ("ความก้าวหน้า 6 ขั้น", "Six-step progress"),
    "map_title": ("ความครอบคลุมสะสมเมื่อสิ้นปี {year}", "Cumulative coverage by the end of {year}"),
    "legend_title": ("สัดส่วนหมู่บ้านที่ครอบคลุม", "Share of villages covered"),
    "class_0": ("ยังไม่มี", "None yet"),
    "class_1": ("ต่ำกว่า 25%", "Under 25%"),
    "class_2": ("25–49%", "25–49%"),
    "class_3": ("50–74%", "50–74%"),
    "class_4": ("75–99%", "75–99%"),
    "class_5": ("ครบ 100%", "All (100%)"),
    "pilot_note": (
        "เส้นประหนา = ตำบลนำร่อง; ซูมเข้าเพื่อดูรายตำบล",
        "Thick dashes = pilot tambons; zoom in to see tambons",
    ),
    "zoom_note": ("ซูมเข้าเพื่อดูรายตำบล", "Zoom in to see tambons"),
    "count": ("หมู่บ้าน", "Villages"),
    "small_multiples": (
        "ความครอบคลุมสะสมรายอำเภอเมื่อสิ้นแต่ละระยะ",
        "Cumulative district coverage at the end of each wave",
    ),
    "s_curve": (
        "ความครอบคลุมสะสมรายปี: ทั้งจังหวัดเทียบกับอำเภอที่เลือก",
        "Cumulative coverage by year: the province and the chosen district",
    ),
    "highlight": ("อำเภอที่เปรียบเทียบกับทั้งจังหวัด", "District to compare with the province"),
    "area": ("พื้นที่", "Area"),
    "heatmap": ("ภาระคุณอำนวย: หมู่บ้านต่อทีม รายอำเภอ × ระยะ", "Facilitator load: villages per team, district × wave"),
    "load": ("หมู่บ้านต่อทีม", "Villages per team"),
    "heatmap_scale": (
        "สียิ่งเข้ม ทีมยิ่งรับหมู่บ้านมาก เทียบกับความจุ {capacity} หมู่บ้านต่อทีมต่อระยะ (สีเข้มสุด = เต็มความจุ) "
        "ช่องสีแดงที่มีเครื่องหมาย ! คือเกินความจุ",
        "The darker the cell, the more villages each team takes, against the capacity of {capacity} villages per "
        "team per wave (darkest = full); red cells marked ! are over capacity.",
    ),
    "ranking": ("อันดับอำเภอ", "District ranking"),
    "rank_by": ("เรียงตาม", "Rank by"),
    "by_coverage": ("ความครอบคลุม ณ ปีที่เลือก", "Coverage at the chosen year"),
    "by_load": ("ภาระสูงสุดต่อทีม", "Heaviest load per team"),
    "rank": ("อันดับ", "Rank"),
    "rank_villages": ("หมู่บ้าน", "Villages"),
    "rank_teams": ("ทีมคุณอำนวย", "Teams"),
    "rank_teams_estimated": ("ทีม (ประมาณการ)", "Teams (estimated)"),
    "villages": ("หมู่บ้านทั้งหมด", "Villages"),
    "covered_year": ("ครอบคลุมถึงปี {year}", "Covered by {year}"),
    "share_pct": ("สัดส่วน (%)", "Share (%)"),
    "max_load": ("ภาระสูงสุด (หมู่บ้าน/ทีม)", "Heaviest load (villages/team)"),
    "max_load_wave": ("ในระยะ", "In wave"),
    "steps_by_amphoe": (
        "สัดส่วนหมู่บ้านในแต่ละขั้น รายอำเภอ (หมู่บ้านที่ระยะเริ่มแล้ว)",
        "Share of villages at each step by district (villages whose wave has started)",
    ),
    "step": ("ขั้น", "Step"),
    "district_share": ("สัดส่วนของหมู่บ้านในอำเภอ", "Share of the district's villages"),
    "not_reported": ("0. ยังไม่มีรายงาน", "0. No report yet"),
    "not_started": ("ระยะยังไม่เริ่ม", "Wave not started"),
    "no_started": ("ยังไม่มีหมู่บ้านที่ระยะเริ่มแล้ว", "No village's wave has started yet."),
    "stalled": ("หมู่บ้านที่ไม่ขยับขั้น", "Stalled villages"),
    "stalled_months": ("ไม่เปลี่ยนขั้นนานกว่า (เดือน)", "No step change for more than (months)"),
    "stalled_count": (
        "{n} หมู่บ้านไม่เปลี่ยนขั้นนานกว่า {months} เดือน",
        "{n} villages with no step change for more than {months} months",
    ),
    "stalled_rule": (
        "นับหมู่บ้านที่ระยะเริ่มแล้ว ยังไม่ถึงขั้นที่ 6 และไม่มีการเปลี่ยนขั้น "
        "(หรือไม่มีรายงานเลยนับจากวันเริ่มระยะ) นานกว่าจำนวนเดือนที่เลือก",
        "Counts villages whose wave has started, not yet at step 6, with no step change (or no report since "
        "their wave began) for longer than the months chosen.",
    ),
    "since": ("ตั้งแต่", "Since"),
    "days": ("จำนวนวัน", "Days"),
    "village": ("หมู่บ้าน", "Village"),
    "step_map": ("แผนที่หมู่บ้านตามขั้นปัจจุบัน", "Villages by current step"),
    "record": ("บันทึกความก้าวหน้า", "Record progress"),
    "record_help": (
        "กรอกเฉพาะหมู่บ้านที่เปลี่ยนขั้น: ขั้นใหม่ วันที่ถึงขั้น (เช่น 31/1/2568) ผู้รายงาน "
        "และเหตุผลถ้าขั้นถอยหลัง ประวัติทุกรายการถูกเก็บไว้ ไม่มีการเขียนทับ",
        "Fill in only the villages that moved: new step, date reached (e.g. 31/1/2568), who reported it, and a "
        "reason if the step goes back. Every report is kept; nothing is overwritten.",
    ),
    "rules": (
        "กติกา: แต่ละระยะเริ่มพร้อมปีงบประมาณของปีนั้น คือวันที่ 1 ตุลาคมของปีก่อนหน้า (เช่น ระยะ 2550 เริ่ม "
        "1 ต.ค. 2549) ไม่รับวันที่ก่อนระยะของหมู่บ้านจะเริ่มหรือวันที่ยังมาไม่ถึง ขั้นที่ถอยหลังต้องมีเหตุผล "
        "ไม่รับขั้นเดิมซ้ำ หลายแถวของหมู่บ้านเดียวกันพิจารณาตามลำดับวันที่ ระยะของหมู่บ้านเป็นไปตามแผนที่เลือกไว้ "
        "ถ้าไม่กรอกผู้รายงาน จะบันทึกชื่อผู้บันทึกแทน",
        "Rules: each wave starts with its fiscal year, on 1 October of the year before (wave 2550 starts on "
        "1 Oct 2549). Dates before the village's wave began or in the future are refused; a step going back needs "
        "a reason; the same step again is refused; several rows of one village are taken in date order. A "
        "village's wave is the one in the scenario chosen above. A blank reporter is recorded as the person "
        "entering.",
    ),
    "filter_amphoe": ("อำเภอ", "District"),
    "filter_tambon": ("ตำบล", "Subdistrict"),
    "all": ("ทั้งหมด", "All"),
    "current": ("ขั้นปัจจุบัน", "Current step"),
    "new_step": ("ขั้นใหม่", "New step"),
    "reached_on": ("วันที่ถึงขั้น (ว/ด/ปี พ.ศ.)", "Date reached (d/m/B.E. year)"),
    "reported_by": ("ผู้รายงาน", "Reported by"),
    "reason": ("เหตุผล (ถ้าขั้นถอยหลัง)", "Reason (if going back)"),
    "save": ("บันทึกรายการที่กรอก", "Record the entries"),
    "problem": ("เหตุที่ไม่รับ (แก้แล้วบันทึกอีกครั้ง)", "Why refused (correct it and record again)"),
    "kept_for_correction": (
        "{n} แถวที่ไม่รับยังอยู่บนสุดของตารางตามที่กรอกไว้ พร้อมเหตุที่ไม่รับ: แก้ช่องที่ผิดแล้วกดบันทึกอีกครั้ง",
        "{n} refused row(s) stay at the top of the table as typed, with why: correct them and record again.",
    ),
    "recorded": ("บันทึกแล้ว {n} รายการ", "{n} report(s) recorded."),
    "refused": ("ไม่รับ {n} แถว (แถวอื่นบันทึกแล้ว):", "{n} row(s) refused (the other rows were recorded):"),
    "nothing": ("ไม่มีรายการที่กรอก", "Nothing was filled in."),
    "import": ("นำเข้าจากไฟล์ของอำเภอ (CSV หรือ XLSX)", "Import a district office's file (CSV or XLSX)"),
    "import_help": (
        "คอลัมน์ของไฟล์: `village_code` `step` `reached_on` และถ้ามี `reported_by` `reason` (หรือหัวคอลัมน์ภาษาไทย "
        "รหัสหมู่บ้าน ขั้น วันที่ถึงขั้น ผู้รายงาน เหตุผล) วันที่เขียนแบบ 31/1/2568 (วัน/เดือน/ปี พ.ศ.) หรือ 2025-01-31 "
        "แถวที่ไม่มีทั้งขั้นและวันที่จะข้ามไป",
        "The file's columns: `village_code`, `step`, `reached_on` and optionally `reported_by`, `reason` (or the "
        "Thai headers รหัสหมู่บ้าน, ขั้น, วันที่ถึงขั้น, ผู้รายงาน, เหตุผล). Dates as 31/1/2568 (day/month/B.E. year) or "
        "2025-01-31. Rows with neither step nor date are skipped.",
    ),
    "template_csv": ("ดาวน์โหลดแบบฟอร์ม (CSV)", "Download the template (CSV)"),
    "template_xlsx": ("ดาวน์โหลดแบบฟอร์ม (XLSX)", "Download the template (XLSX)"),
    "do_import": ("นำเข้าไฟล์นี้", "Import this file"),
    "file_problems": ("ใช้ไฟล์นี้ไม่ได้ ไม่มีการบันทึก:", "This file cannot be used; nothing was recorded:"),
    "readme_steps": ("ขั้น: {steps}", "Steps: {steps}"),
    "store_error": ("บันทึกไม่ได้: ตรวจว่าใส่ชื่อผู้วางแผนในแถบด้านข้างแล้ว แล้วลองอีกครั้ง", "Could not record"),
    # --- why a progress report was refused (planning.progress check names)
    "refusal.unknown_village": (
        "ไม่พบรหัสหมู่บ้าน {code} ในชุดข้อมูลที่ใช้อยู่ ตรวจรหัส 8 หลัก",
        "Village code {code} is not in the data set in use; check the 8-digit code",
    ),
    "refusal.no_wave": (
        "หมู่บ้าน {code} ไม่มีระยะในแผนนี้ จึงยังไม่อยู่ในการขยายผล",
        "Village {code} has no wave in this plan, so it is not being covered",
    ),
    "refusal.step_out_of_range": ("ไม่มีขั้น {step}: ใช้เลข 1 ถึง 6", "There is no step {step}: use 1 to 6"),
    "refusal.step_not_number": (
        "ขั้น '{value}' ไม่ใช่ตัวเลข: ใช้เลข 1 ถึง 6",
        "Step '{value}' is not a number: use 1 to 6",
    ),
    "refusal.step_backwards": (
        "ขั้น {step} ถอยหลังจากขั้นปัจจุบัน {current} โดยไม่มีเหตุผล: ระบุเหตุผลในช่องเหตุผล",
        "Step {step} goes back from the current step {current} without a reason: write the reason",
    ),
    "refusal.no_change": (
        "หมู่บ้านอยู่ขั้น {step} อยู่แล้ว (ตั้งแต่ {current_on}): รายงานเมื่อเปลี่ยนขั้นเท่านั้น",
        "The village is already at step {step} (since {current_on}): report only a change of step",
    ),
    "refusal.before_current": (
        "วันที่ {reached_on} ก่อนวันที่ถึงขั้นปัจจุบัน {current} ({current_on})",
        "The date {reached_on} is before the current step {current} was reached ({current_on})",
    ),
    "refusal.future_date": (
        "วันที่ {reached_on} ยังมาไม่ถึง (วันนี้ {today})",
        "The date {reached_on} is in the future (today is {today})",
    ),
    "refusal.before_wave": (
        "วันที่ {reached_on} ก่อนเริ่มระยะ {wave} ของหมู่บ้าน (ปีงบประมาณ {wave} เริ่ม {wave_start})",
        "The date {reached_on} is before the village's wave {wave} began (fiscal year {wave} starts {wave_start})",
    ),
    "refusal.missing_value": (
        "ช่อง {column} ว่าง: กรอกรหัสหมู่บ้าน ขั้น และวันที่ถึงขั้น",
        "The {column} cell is empty: fill in the village code, the step and the date",
    ),
    "refusal.date_unreadable": (
        "อ่านวันที่ '{value}' ไม่ได้: เขียนแบบ 31/1/2568 (วัน/เดือน/ปี พ.ศ.) หรือ 2025-01-31",
        "Cannot read the date '{value}': write 31/1/2568 (day/month/B.E. year) or 2025-01-31",
    ),
    "refusal.text_too_long": (
        "ช่อง {column} ยาว {length:,} ตัวอักษร รับได้ไม่เกิน {limit:,} ตัวอักษร: เขียนให้สั้นลง",
        "The {column} has {length:,} characters; at most {limit:,} are allowed: shorten it",
    ),
    # --- a report's columns, as refusals name them
    "column.village_code": ("รหัสหมู่บ้าน", "village code"),
    "column.step": ("ขั้น", "step"),
    "column.reached_on": ("วันที่ถึงขั้น", "date reached"),
    "column.reported_by": ("ผู้รายงาน", "reported by"),
    "column.reason": ("เหตุผล", "reason"),
    # --- the table of refused rows
    "refused_table.row": ("แถว", "Row"),
    "refused_table.value": ("ค่า", "Value"),
    "refused_table.reason": ("เหตุผลที่ไม่รับ", "Why refused"),
    "national_title": ("ความครอบคลุมของการขยายผลทั้งประเทศ", "Rollout coverage of the whole country"),
    "national_intro": (
        "แผนเดียวสำหรับทุกหมู่บ้านของประเทศ ({villages} หมู่บ้านใน {provinces} จังหวัด): จังหวัดแรเงาตามสัดส่วน"
        "หมู่บ้านที่ครอบคลุมเมื่อสิ้นปีที่เลือก เลือกจังหวัดเพื่อซูมเข้าดูอำเภอ ตำบล และหมู่บ้าน",
        "One plan for every village of the country ({villages} villages in {provinces} provinces): provinces "
        "shaded by the share of their villages covered by the end of the chosen year; choose a province to zoom "
        "into its amphoe, tambons and villages",
    ),
    "national_scenario": ("แผนระดับประเทศ", "National plan"),
    "national_default": (
        "แผนตั้งต้นระดับประเทศ: ระยะเป็นค่าเริ่มต้น ({waves}) ทีมคุณอำนวยประมาณการ 1 ทีมต่อตำบล "
        "ผู้วางแผนปรับได้ด้วยคำสั่ง `rollout plan --province nation --targets ... --save-as ชื่อ`",
        "The default national plan: default waves ({waves}), an estimated roster of one facilitator team per "
        "tambon; a planner sets others with `rollout plan --province nation --targets ... --save-as NAME`",
    ),
    "national_rest": ("ที่เหลือ", "the rest"),
    "national_focus": ("ซูมเข้าจังหวัด", "Zoom into a province"),
    "national_focus_none": ("ทั้งประเทศ (ไม่ซูม)", "The whole country (no zoom)"),
    "national_map_title": ("ความครอบคลุมสะสมเมื่อสิ้นปี {year} รายจังหวัด",
                           "Cumulative coverage by the end of {year}, by province"),
    "national_legend_note": (
        "ซูมเข้าจังหวัดที่เลือกเพื่อดูอำเภอ ตำบล แล้วหมู่บ้าน",
        "Zoom into the chosen province to see its amphoe, tambons, then villages",
    ),
    "national_covered": ("หมู่บ้านที่ครอบคลุมแล้ว", "Village covered"),
    "national_not_yet": ("หมู่บ้านที่ยังไม่ถึงระยะ", "Village not yet covered"),
    "national_share": ("สัดส่วนของจังหวัด", "Share of the province"),
    "national_of_country": ("{share} ของ {total} หมู่บ้านทั้งประเทศ", "{share} of the country's {total} villages"),
    "national_table": ("จังหวัดเรียงตามสัดส่วนที่ครอบคลุมเมื่อสิ้นปี {year}",
                       "Provinces by the share covered by the end of {year}"),
    "national_villages": ("หมู่บ้าน", "Villages"),
}
